#pragma once
#include "glossary/termbase.h"
#include <QByteArray>

namespace wb {

class HunspellDictionary;

/// A Hunspell word list (.dic) of the words in a language's glossary terms that the
/// base dictionary does not know ("linfoblástica", "intratecal"), so that spelling
/// accepts them and stemming sees their inflections. For Spanish the words carry the
/// flags of Debian's es_* affix files and of locales/es/medical.aff: S (plural) and
/// G (gender), with adjectives stored in the masculine ("linfoblástico/GS").
/// Other languages get bare words.
QByteArray hunspellWordList(const Termbase &termbase, const QString &language, HunspellDictionary &base);

} // namespace wb
