#pragma once
#include "glossary/termbase.h"
#include "text/text_key.h"
#include "text/text_span.h"
#include "text/word_tokenizer.h"
#include <QHash>
#include <QList>
#include <unordered_map>

namespace wb {

class HunspellDictionary;

/// Turns tokens into match keys: a word's Hunspell stem as a textKey ("Leukemias" ->
/// "leukemia"), and for words written in capitals an exact key too, so that acronyms
/// match case-sensitively ("ALL" the disease, not "all"). Hyphens and dashes are
/// dropped, so "T-cell" and "T cell" read the same.
class TermNormalizer {
public:
    explicit TermNormalizer(HunspellDictionary *dictionary) : m_dictionary(dictionary) {}
    static bool isDropped(const Token &token);
    QString foldedKey(const Token &token);
    /// Every folded reading of a token, foldedKey() first ("trata": "trata", "tratar").
    QStringList foldedKeys(const Token &token);
    static QString exactKey(const Token &token) { return QLatin1Char('=') + toNfc(token.text); }

private:
    HunspellDictionary *m_dictionary;
};

/// Where a term was found in a text.
struct TermMatch {
    struct Ref { int conceptIndex; int termIndex; };
    QList<Ref> refs;   ///< every term whose normalized form is the matched text
    TextSpan span;     ///< in the unit text
};

/// All terms of one language in a token trie: recognition walks the text once, taking
/// the longest term at each position, so its cost grows with the text, not the termbase.
class TermIndex {
public:
    TermIndex(const Termbase &termbase, const QString &language, WordTokenizer &tokenizer, TermNormalizer &normalizer);

    /// Longest-first, left-to-right, non-overlapping matches in a unit text. With
    /// `everyReading`, a word with several dictionary forms matches through any of them
    /// (lenient: used to accept a translation); else only through its main one (strict:
    /// used to recognize source terms).
    QList<TermMatch> find(const QList<Token> &tokens, TermNormalizer &normalizer, bool everyReading = false) const;
    /// Every term occurrence, overlapping ones included ("tratamiento del cáncer" holds
    /// "tratamiento", "cáncer" and the whole phrase), each reading of each word tried.
    QList<TermMatch> findAll(const QList<Token> &tokens, TermNormalizer &normalizer) const;
    int termCount() const { return m_termCount; }

private:
    struct Keys {
        QList<const Token *> tokens;
        QList<int> exact;
        QList<QList<int>> folded;
    };
    Keys keysOf(const QList<Token> &tokens, TermNormalizer &normalizer, bool everyReading) const;
    int keyId(const QString &key) const;
    int internKey(const QString &key);
    int child(int node, int key) const;

    QHash<QString, int> m_keys;
    std::unordered_map<quint64, int> m_edges; ///< (node << 32 | key) -> node
    QList<QList<TermMatch::Ref>> m_termsAt;   ///< per node: terms ending there
    int m_termCount = 0;
};

} // namespace wb
