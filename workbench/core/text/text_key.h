#pragma once
#include "common/unicode_nfc.h"
#include <QString>

namespace wb {

/// The key words and phrases match by: NFC plus ICU's full case folding, so "Médula"
/// (NFC or NFD), "MÉDULA" and "médula" are one key. The one key every match uses (terms,
/// spelling, negation, numbers, consistency, memory). Full folding can change the length
/// ("ß" -> "ss"): a position in a key is not a position in the text, so keys are made per
/// word or per whole text, never to find where something is.
QString textKey(const QString &text);

} // namespace wb
