#pragma once
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wb {

/// The workbench's facts in PO translator comments: one line per fact,
/// "wb:<keyword> <compact JSON object>" (docs/po-store.md). Other comment lines are kept.
/// They are read once per entry into its UnitRecord (po/unit_record.h).

/// The comments with every line of `keyword` replaced by `objects` (appended at the end).
QString withStructuredLines(const QString &comments, const QString &keyword, const QList<QJsonObject> &objects);

/// A fingerprint of text (12 hex digits of SHA-1): marks tie themselves to what they judged.
QString textFingerprint(const QString &text);
/// Whether a stored fingerprint is that of `text`. Text is NFC from the moment it is read; a
/// catalog written decomposed (NFD) before that fingerprinted its NFD bytes, and an approval or
/// suppression made then still stands for the same words.
bool fingerprintHolds(const QString &stored, const QString &text);

} // namespace wb
