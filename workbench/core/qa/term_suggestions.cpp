#include "qa/term_suggestions.h"

#include "glossary/termbase.h"
#include "text/text_key.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <QHash>
#include <QRegularExpression>
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
    return textKey(inSource) != textKey(sourceTerm.text) && inSource.endsWith(QLatin1Char('s')) && !sourceTerm.isAcronym();
}

} // namespace

namespace {
/// "infección" -> "infeccion" (+es: "infecciones"): a stressed last vowel before a final
/// consonant loses its accent when the plural adds a syllable.
QString withoutFinalStress(QString word)
{
    static const QString accented = QStringLiteral("áéíóú"), plain = QStringLiteral("aeiou");
    if (word.size() >= 2) {
        const qsizetype at = accented.indexOf(word.at(word.size() - 2));
        if (at >= 0 && (word.endsWith(QLatin1Char('n')) || word.endsWith(QLatin1Char('s'))))
            word[word.size() - 2] = plain.at(at);
    }
    return word;
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
        const bool link = linkWords.contains(textKey(w));
        const bool invariable = w != w.toLower() || w.endsWith(QLatin1Char('s')) || w.endsWith(QLatin1Char('x'));
        // Only the head noun and the words agreeing with it inflect, not a complement
        // after "de" ("trasplante de células madre" -> "trasplantes de células madre").
        if (!link && !invariable && !afterPreposition) {
            if (w.endsWith(QLatin1Char('z')))
                w = w.chopped(1) + QStringLiteral("ces");
            else if (QStringLiteral("aeiouáéó").contains(w.back()))
                w += QLatin1Char('s');
            else
                w = withoutFinalStress(w) + QStringLiteral("es");
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
        const bool plural = isPlural(s.inSource, *hit.sourceTerm) && primaryLanguage(targetLanguage) == QLatin1String("es");
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

namespace {

/// Abbreviations that end in a period inside a sentence, per language (lower case, without
/// their last period). After them a term is not capitalized.
bool endsWithAbbreviation(const QString &before, const QString &language)
{
    static const QHash<QString, QStringList> abbreviations = {
        {QStringLiteral("es"), {QStringLiteral("p. ej"), QStringLiteral("ee. uu"), QStringLiteral("dr"), QStringLiteral("dra"),
                                QStringLiteral("sr"), QStringLiteral("sra"), QStringLiteral("etc"), QStringLiteral("aprox"),
                                QStringLiteral("núm"), QStringLiteral("pág"), QStringLiteral("fig"), QStringLiteral("cap"),
                                QStringLiteral("vs"), QStringLiteral("ud"), QStringLiteral("uds")}},
        {QStringLiteral("en"), {QStringLiteral("e.g"), QStringLiteral("i.e"), QStringLiteral("dr"), QStringLiteral("mr"),
                                QStringLiteral("mrs"), QStringLiteral("ms"), QStringLiteral("etc"), QStringLiteral("vs"),
                                QStringLiteral("fig"), QStringLiteral("approx")}}};
    const QString text = textKey(before.chopped(1)); // without the period; positions only within it
    for (const QString &a : abbreviations.value(primaryLanguage(language)))
        if (text.endsWith(a) && (text.size() == a.size() || !text.at(text.size() - a.size() - 1).isLetter()))
            return true;
    return false;
}

/// Terms whose case is part of the term ("pH", "mTOR", "LLA", "mg") and terms not in
/// Latin script ("β-bloqueante") stay as written.
bool keepsItsCase(const QString &term)
{
    static const QRegularExpression notLetter(QStringLiteral("[^\\p{L}]"));
    const QString letters = QString(term).remove(notLetter);
    if (letters.isEmpty() || letters.size() <= 2)
        return true;
    if (letters.mid(1) != letters.mid(1).toLower())
        return true;
    return QChar::script(letters.at(0).unicode()) != QChar::Script_Latin;
}

} // namespace

QString fitToSentenceStart(const QString &text, const QString &before, const QString &language)
{
    if (text.isEmpty() || keepsItsCase(text))
        return text;
    // Walk back over spaces, placeholders ("{1}", "{/2}", "{3/}") and opening punctuation
    // ("¿", "¡", "«", "(", quotes).
    static const QRegularExpression placeholderBefore(QStringLiteral("\\{/?\\d+/?\\}$"));
    QString rest = before;
    for (;;) {
        if (const auto m = placeholderBefore.match(rest); m.hasMatch()) {
            rest.chop(m.capturedLength());
            continue;
        }
        if (rest.isEmpty())
            break;
        const char32_t c = rest.back().unicode();
        const int8_t type = u_charType(c);
        if (u_isUWhiteSpace(c) || type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == u'¿' || c == u'¡' || c == u'"')
            rest.chop(1);
        else
            break;
    }
    const bool sentenceStart = rest.isEmpty() || rest.endsWith(QChar(0x2026))
                               || (u_hasBinaryProperty(rest.back().unicode(), UCHAR_S_TERM)
                                   && !(rest.endsWith(QLatin1Char('.')) && endsWithAbbreviation(rest, language)));
    if (!sentenceStart)
        return text;
    icu::UnicodeString u(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    u.toTitle(nullptr, icu::Locale(language.toUtf8().constData()), U_TITLECASE_SENTENCES | U_TITLECASE_NO_LOWERCASE);
    return QString(reinterpret_cast<const QChar *>(u.getBuffer()), u.length());
}

} // namespace wb
