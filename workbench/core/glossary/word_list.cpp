#include "glossary/word_list.h"
#include "spell/hunspell_dictionary.h"
#include "text/word_tokenizer.h"

#include <QMap>

namespace wb {
namespace {

const QStringList kSpanishLinkWords = {QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("la"),
                                       QStringLiteral("el"), QStringLiteral("los"), QStringLiteral("las"),
                                       QStringLiteral("y"), QStringLiteral("o"), QStringLiteral("en"),
                                       QStringLiteral("con"), QStringLiteral("por"), QStringLiteral("para"),
                                       QStringLiteral("a"), QStringLiteral("al")};

// Lemma and flags of a Spanish word in a term. `isHead`: the noun the term is about
// (first word, or the word after a preposition); others are adjectives when they end
// in -o/-a, else invariable words that only take a plural.
QPair<QString, QString> spanishEntry(const QString &word, bool isHead, const Term &term)
{
    const bool adjective = !isHead || term.partOfSpeech == QLatin1String("adjective");
    if (adjective && word.endsWith(QLatin1Char('a')) && word.size() > 3)
        return {word.chopped(1) + QLatin1Char('o'), QStringLiteral("GS")};
    if (adjective && word.endsWith(QLatin1Char('o')))
        return {word, QStringLiteral("GS")};
    return {word, QStringLiteral("S")};
}

} // namespace

QByteArray hunspellWordList(const Termbase &termbase, const QString &language, HunspellDictionary &base)
{
    const bool spanish = sameLanguage(language, QStringLiteral("es"));
    WordTokenizer tokenizer(language);
    QMap<QString, QString> entries; // sorted: stable output for git
    for (const Concept &c : termbase.concepts) {
        for (const Term &term : c.termsIn(language)) {
            bool nextIsHead = true;
            for (const Token &token : tokenizer.tokenize(term.text)) {
                if (token.kind != Token::Kind::Word)
                    continue;
                const QString word = token.text;
                const bool isHead = nextIsHead;
                nextIsHead = spanish && kSpanishLinkWords.contains(token.key);
                if (base.spell(word) || std::any_of(word.cbegin(), word.cend(), [](QChar ch) { return ch.isDigit(); }))
                    continue;
                // Acronyms and proper names (any capital: "LLA", "Ommaya", "ClinicalTrials.gov")
                // are kept as written and do not inflect; so do words ending in -s or -x
                // ("frotis", "hematopoyesis"), which Spanish leaves unchanged in the plural.
                const bool asWritten = word != word.toLower() || word.contains(QLatin1Char('.'));
                if (!spanish || asWritten || word.endsWith(QLatin1Char('s')) || word.endsWith(QLatin1Char('x'))) {
                    entries.insert(word, QString());
                    continue;
                }
                const auto [lemma, flags] = spanishEntry(word, isHead, term);
                if (!base.spell(lemma) || !base.spell(word))
                    entries.insert(lemma, flags);
            }
        }
    }
    // A plural kept as written ("biomarcadores", from a term used in the plural) is
    // already covered by its singular's plural flag.
    for (auto it = entries.begin(); it != entries.end();) {
        const QString &word = it.key();
        const bool coveredBySingular = it.value().isEmpty() && word == word.toLower()
            && ((word.endsWith(QLatin1String("es")) && entries.value(word.chopped(2)).contains(QLatin1Char('S')))
                || (word.endsWith(QLatin1Char('s')) && entries.value(word.chopped(1)).contains(QLatin1Char('S'))));
        it = coveredBySingular ? entries.erase(it) : std::next(it);
    }
    QByteArray out = QByteArray::number(entries.size()) + '\n';
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        out += (it.value().isEmpty() ? it.key() : it.key() + QLatin1Char('/') + it.value()).toUtf8() + '\n';
    return out;
}

} // namespace wb
