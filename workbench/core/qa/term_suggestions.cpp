#include "qa/term_suggestions.h"

#include "glossary/termbase.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <QSet>

namespace wb {
namespace {

/// The target term to insert: the acronym where the source uses one, the spelled-out term
/// where it does not; otherwise the glossary's order (preferred first).
const Term *termFor(const SourceTermHit &hit)
{
    const bool sourceIsAcronym = hit.sourceTerm->isAcronym();
    for (const Term *t : hit.acceptable)
        if (t->isAcronym() == sourceIsAcronym)
            return t;
    return hit.acceptable.first();
}

bool isPlural(const QString &inSource, const Term &sourceTerm)
{
    return inSource.toLower() != sourceTerm.text.toLower() && inSource.endsWith(QLatin1Char('s')) && !sourceTerm.isAcronym();
}

} // namespace

QString spanishPlural(const QString &term)
{
    static const QStringList linkWords = {QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("la"), QStringLiteral("el"),
                                          QStringLiteral("y"), QStringLiteral("en"), QStringLiteral("con"), QStringLiteral("por"),
                                          QStringLiteral("para"), QStringLiteral("a")};
    QStringList words = term.split(QLatin1Char(' '));
    bool afterPreposition = false;
    for (QString &w : words) {
        if (w.isEmpty())
            continue;
        const bool link = linkWords.contains(w.toLower());
        const bool invariable = w != w.toLower() || w.endsWith(QLatin1Char('s')) || w.endsWith(QLatin1Char('x'));
        // Only the head noun and the words agreeing with it inflect, not a complement
        // after "de" ("trasplante de células madre" -> "trasplantes de células madre").
        if (!link && !invariable && !afterPreposition) {
            if (w.endsWith(QLatin1Char('z')))
                w = w.chopped(1) + QStringLiteral("ces");
            else if (QStringLiteral("aeiouáéó").contains(w.back()))
                w += QLatin1Char('s');
            else
                w += QStringLiteral("es");
        }
        if (link)
            afterPreposition = true;
    }
    return words.join(QLatin1Char(' '));
}

QList<TermSuggestion> termSuggestions(const QList<SourceTermHit> &hits, const QString &source, const QString &targetLanguage)
{
    QList<TermSuggestion> suggestions;
    QSet<const Concept *> seen;
    for (const SourceTermHit &hit : hits) {
        if (hit.acceptable.isEmpty() || seen.contains(hit.termConcept))
            continue;
        seen.insert(hit.termConcept);
        TermSuggestion s;
        s.termConcept = hit.termConcept;
        s.inSource = source.mid(hit.span.start, hit.span.length);
        const Term *chosen = termFor(hit);
        const bool plural = isPlural(s.inSource, *hit.sourceTerm) && targetLanguage.section(QLatin1Char('-'), 0, 0) == QLatin1String("es");
        s.insertion = plural ? spanishPlural(chosen->text) : chosen->text;
        for (const Term *t : hit.acceptable)
            if (t != chosen)
                s.others.append(t->text);
        for (const Term *t : hit.unacceptable)
            s.never.append(t->text);
        s.definition = hit.termConcept->definitions.value(hit.sourceTerm->language);
        suggestions.append(s);
    }
    return suggestions;
}

QString fitToSentenceStart(const QString &text, const QString &before, const QString &language)
{
    if (text.isEmpty())
        return text;
    // Walk back over spaces and opening punctuation ("¿", "¡", "«", "(", quotes).
    qsizetype i = before.size();
    while (i > 0) {
        const char32_t c = before.at(i - 1).unicode();
        const int8_t type = u_charType(c);
        if (u_isUWhiteSpace(c) || type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == u'¿' || c == u'¡' || c == u'"')
            --i;
        else
            break;
    }
    const bool sentenceStart = i == 0 || u_hasBinaryProperty(before.at(i - 1).unicode(), UCHAR_S_TERM);
    if (!sentenceStart)
        return text;
    icu::UnicodeString u(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    u.toTitle(nullptr, icu::Locale(language.toUtf8().constData()), U_TITLECASE_SENTENCES | U_TITLECASE_NO_LOWERCASE);
    return QString(reinterpret_cast<const QChar *>(u.getBuffer()), u.length());
}

} // namespace wb
