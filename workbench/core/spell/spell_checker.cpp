#include "spell/spell_checker.h"
#include "common/bounded_cache.h"
#include "spell/hunspell_dictionary.h"

#include <QRegularExpression>

namespace wb {

QList<TextSpan> addressSpans(const QString &text)
{
    // URLs with a scheme or "www."; e-mail addresses; domains without a scheme, with any
    // path after them ("cancer.org/cancer-de-pulmon"); file names with a known extension.
    static const QRegularExpression address(QStringLiteral(
        R"((?:https?://|www\.)[^\s{}<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
        R"(|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|edu|int|info|mil|es|mx|ar|co|cl|pe|uk|us|ca)\b(?:/[^\s{}<>"]*[^\s{}<>".,;:!?)])?)"
        R"(|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|txt|html?|jpe?g|png|gif|svg|zip|csv|xml|json|md|po)\b)"),
        QRegularExpression::UseUnicodePropertiesOption);
    QList<TextSpan> spans;
    for (auto it = address.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        spans.append(TextSpan{int(m.capturedStart()), int(m.capturedLength())});
    }
    return spans;
}

namespace {

bool inside(const Token &token, const QList<TextSpan> &spans)
{
    return std::any_of(spans.cbegin(), spans.cend(), [&](const TextSpan &s) {
        return token.start >= s.start && token.end() <= s.start + s.length;
    });
}

// Whether a word opens a sentence: nothing but spaces, opening quotes or brackets, and
// Spanish opening marks since the text's start or a full stop, question or exclamation mark.
bool startsSentence(const QString &text, int position)
{
    for (int i = position - 1; i >= 0; --i) {
        const QChar c = text[i];
        if (c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('(') || c == QChar(0x00BF) || c == QChar(0x00A1)
            || c == QChar(0x201C) || c == QChar(0x00AB) || c == QLatin1Char('*'))
            continue;
        if (c == QLatin1Char('}')) { // a placeholder ("{1}") is not text: look before it
            const int open = int(text.lastIndexOf(QLatin1Char('{'), i));
            if (open >= 0) {
                i = open;
                continue;
            }
        }
        return c == QLatin1Char('.') || c == QLatin1Char('?') || c == QLatin1Char('!') || c == QLatin1Char(':')
               || c == QChar(0x2026);
    }
    return true;
}

bool isAcronym(const QString &word)
{
    int letters = 0;
    for (QChar c : word) {
        if (c.isLower())
            return false;
        letters += c.isLetter();
    }
    return letters >= 2;
}

} // namespace

SpellChecker::SpellChecker(std::shared_ptr<HunspellDictionary> dictionary, const QString &language, QSet<QString> glossaryWords)
    : m_dictionary(std::move(dictionary)), m_tokenizer(language), m_glossaryWords(std::move(glossaryWords))
{
}

bool SpellChecker::isCorrect(const QString &word)
{
    const auto cached = m_known.constFind(word);
    if (cached != m_known.cend())
        return *cached;
    const bool correct = m_glossaryWords.contains(word.toLower()) || m_dictionary->spell(word);
    insertBounded(m_known, word, correct);
    return correct;
}

// A capitalized word next to capitalized words the dictionary knows (the same name,
// with at most "de", "del", "la" or "y" between) belongs to a name in the language itself,
// where a typo shows: "Insittutos Nacionales de la Salud".
bool SpellChecker::inSpanishName(const QList<Token> &tokens, qsizetype index)
{
    static const QSet<QString> joiners = {QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("la"),
                                          QStringLiteral("las"), QStringLiteral("los"), QStringLiteral("y"),
                                          QStringLiteral("e"), QStringLiteral("of"), QStringLiteral("and")};
    for (int direction : {-1, 1}) {
        for (qsizetype j = index + direction; j >= 0 && j < tokens.size() && std::abs(j - index) <= 3; j += direction) {
            const Token &t = tokens[j];
            if (t.kind != Token::Kind::Word)
                break;
            if (joiners.contains(t.text))
                continue;
            if (!t.text.front().isUpper())
                break;
            if (isCorrect(t.text))
                return true;
            break;
        }
    }
    return false;
}

QList<Misspelling> SpellChecker::check(const QString &unitText)
{
    QList<Misspelling> result;
    const QList<TextSpan> addresses = addressSpans(unitText);
    const QList<Token> tokens = m_tokenizer.tokenize(unitText);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &token = tokens[i];
        if (token.kind != Token::Kind::Word)
            continue;
        if (std::any_of(token.text.cbegin(), token.text.cend(), [](QChar c) { return c.isDigit(); }))
            continue;
        if (isAcronym(token.text) || inside(token, addresses) || token.text.size() == 1)
            continue; // a single letter is a label or a symbol ("vitamina A", "tipo γ")
        if (token.text.front().isUpper() && !startsSentence(unitText, token.start) && !inSpanishName(tokens, i))
            continue; // a capital inside a sentence is a name (Londres, Moscú, Porter)
        const bool unitAfterNumber = i > 0 && tokens[i - 1].kind == Token::Kind::Number && token.text.size() <= 4;
        // "dedo(s)", "tumor(es)": an optional plural ending, not a word.
        const bool pluralMarker = (token.text == QLatin1String("s") || token.text == QLatin1String("es")) && token.start > 1
                                  && unitText[token.start - 1] == QLatin1Char('(') && unitText[token.start - 2].isLetter()
                                  && token.end() < unitText.size() && unitText[token.end()] == QLatin1Char(')');
        if (unitAfterNumber || pluralMarker || isCorrect(token.text))
            continue;
        result.append(Misspelling{token.text, TextSpan{token.start, token.length}});
    }
    return result;
}

QStringList SpellChecker::suggestions(const QString &word)
{
    const auto cached = m_suggestions.constFind(word);
    if (cached != m_suggestions.cend())
        return *cached;
    const QStringList found = m_dictionary->suggest(word);
    insertBounded(m_suggestions, word, found);
    return found;
}

} // namespace wb
