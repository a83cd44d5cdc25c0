#pragma once
#include "qa/terminology_check.h"
#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

/// One glossary concept found in a unit's source, as the editor offers it: what the source
/// says, the form to insert, the other acceptable renderings and the forbidden ones.
struct TermSuggestion {
    const Concept *termConcept = nullptr;
    QString inSource;     ///< the words as the source writes them
    QString insertion;    ///< the target term in the form the source calls for
    QStringList others;   ///< other acceptable target terms
    QStringList never;    ///< deprecated and superseded target terms
    QString definition;   ///< in the source language, when the glossary has one
};

/// One suggestion per concept (the first place the source names it; "cancer" and "Cancer"
/// are one entry), in source order. The insertion follows the source: where the source uses
/// an acronym ("ALL") it is the target acronym (LLA), where it spells the term out an
/// acronym is not offered first; a source term in the plural gives the target term in the
/// plural where the target language's rule is known (Spanish).
QList<TermSuggestion> termSuggestions(const QList<SourceTermHit> &hits, const QString &source, const QString &targetLanguage);

/// A Spanish term in the plural: each inflecting word gets -s or -es (-z: -ces); words after
/// a preposition ("trasplante de células madre") and capitalized words stay as they are.
QString spanishPlural(const QString &term);

/// `text` as it should be inserted after `before` in `language`: its first letter
/// titlecased (ICU) when it starts a sentence — nothing before it but spaces and opening
/// punctuation ("¿", "«", "("), or a sentence terminator (Unicode Sentence_Terminal) before those.
QString fitToSentenceStart(const QString &text, const QString &before, const QString &language);

} // namespace wb
