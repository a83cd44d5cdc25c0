#include "spell/spell_checker.h"
#include "common/bounded_cache.h"
#include "spell/hunspell_dictionary.h"
#include "text/text_key.h"

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
    const bool correct = m_glossaryWords.contains(textKey(word)) || m_dictionary->spell(word);
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
        if (isAcronym(token.text) || anySpanContains(addresses, TextSpan{token.start, token.length}) || token.text.size() == 1)
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

namespace {

// The letter without its accent: "é" -> "e", "ñ" stays (its own key).
QChar baseLetter(QChar c)
{
    const QChar lower = c.toLower();
    if (lower == QChar(0x00F1))
        return lower;
    const QString decomposed = QString(lower).normalized(QString::NormalizationForm_D);
    return decomposed.isEmpty() ? lower : decomposed.front();
}

// Neighbours on a QWERTY keyboard (Spanish adds ñ beside l): the slips fingers make.
bool keysAdjacent(QChar a, QChar b)
{
    static const QString rows[] = {QStringLiteral("qwertyuiop"), QStringLiteral("asdfghjkl\u00F1"), QStringLiteral("zxcvbnm")};
    const QChar x = baseLetter(a), y = baseLetter(b);
    for (int r = 0; r < 3; ++r) {
        const qsizetype i = rows[r].indexOf(x);
        if (i < 0)
            continue;
        for (int other = std::max(0, r - 1); other <= std::min(2, r + 1); ++other) {
            const qsizetype j = rows[other].indexOf(y);
            if (j >= 0 && std::abs(j - i) <= 1 && !(other == r && i == j))
                return true;
        }
    }
    return false;
}

// "poliproteína" beside a known "poliproteínas", "quirópteras" beside "quirópteros": a
// form the dictionary lacks of a word it knows, not a slip of the fingers.
bool isInflection(const QString &word, const QString &known)
{
    const QString w = textKey(word), k = textKey(known);
    if (k == w + QLatin1Char('s') || k == w + QStringLiteral("es") || w == k + QLatin1Char('s') || w == k + QStringLiteral("es"))
        return true;
    if (w.size() != k.size() || w.size() < 3)
        return false;
    const qsizetype last = w.endsWith(QLatin1Char('s')) ? w.size() - 2 : w.size() - 1;
    const auto gender = [](QChar c) { return c == QLatin1Char('a') || c == QLatin1Char('o'); };
    return w.left(last) == k.left(last) && w.mid(last + 1) == k.mid(last + 1) && gender(w[last]) && gender(k[last]);
}

} // namespace

QString SpellChecker::likelyTypoOf(const QString &word)
{
    const auto cached = m_nearest.constFind(word);
    if (cached != m_nearest.cend())
        return *cached;
    // The letters a typo may bring in: the word's own and the language's usual ones.
    QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz\u00E1\u00E9\u00ED\u00F3\u00FA\u00FC\u00F1");
    for (QChar c : word.toLower())
        if (c.isLetter() && !alphabet.contains(c))
            alphabet += c;
    const auto known = [this](const QString &candidate) {
        return !candidate.isEmpty() && (m_glossaryWords.contains(textKey(candidate)) || m_dictionary->spell(candidate));
    };
    // A gender or number form of a known word is a form the dictionary lacks, not a slip.
    // These are spellings to ask Hunspell for, so lowercased, not folded.
    const QString lower = word.toLower();
    QStringList inflections = {lower + QLatin1Char('s'), lower + QStringLiteral("es")};
    if (lower.endsWith(QLatin1Char('s')))
        inflections.append(lower.chopped(1));
    for (const QString &form : QStringList(inflections)) {
        const qsizetype last = form.endsWith(QLatin1Char('s')) ? form.size() - 2 : form.size() - 1;
        if (last > 0 && (form[last] == QLatin1Char('a') || form[last] == QLatin1Char('o'))) {
            QString other = form;
            other[last] = form[last] == QLatin1Char('a') ? QLatin1Char('o') : QLatin1Char('a');
            inflections.append(other);
        }
    }
    if (std::any_of(inflections.cbegin(), inflections.cend(), known)) {
        insertBounded(m_nearest, word, QString());
        return {};
    }
    // Slips a reviewer corrects: a letter dropped, two neighbours swapped, a letter
    // doubled or one of its key's neighbours struck with it, a neighbouring key struck
    // instead, an accent missing or wrong.
    QString found;
    const qsizetype n = word.size();
    for (qsizetype i = 0; i < n && found.isEmpty(); ++i) {
        const bool extraLetter = (i > 0 && (baseLetter(word[i]) == baseLetter(word[i - 1]) || keysAdjacent(word[i], word[i - 1])))
                                 || (i + 1 < n && (baseLetter(word[i]) == baseLetter(word[i + 1]) || keysAdjacent(word[i], word[i + 1])));
        QString deleted = word;
        if (extraLetter && known(deleted.remove(i, 1)))
            found = deleted;
        if (found.isEmpty() && i + 1 < n) {
            QString swapped = word;
            std::swap(swapped[i], swapped[i + 1]);
            if (swapped != word && known(swapped))
                found = swapped;
        }
        for (qsizetype a = 0; a < alphabet.size() && found.isEmpty(); ++a) {
            const QChar letter = word[i].isUpper() ? alphabet[a].toUpper() : alphabet[a];
            if (letter == word[i] || (baseLetter(letter) != baseLetter(word[i]) && !keysAdjacent(letter, word[i])))
                continue;
            QString changed = word;
            changed[i] = letter;
            if (known(changed))
                found = changed;
        }
    }
    for (qsizetype i = 0; i <= n && found.isEmpty(); ++i)
        for (qsizetype a = 0; a < alphabet.size() && found.isEmpty(); ++a) {
            QString inserted = word;
            if (known(inserted.insert(i, alphabet[a])))
                found = inserted;
        }
    if (!found.isEmpty() && isInflection(word, found))
        found.clear();
    insertBounded(m_nearest, word, found);
    return found;
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
