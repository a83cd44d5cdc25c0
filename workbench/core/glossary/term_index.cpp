#include "glossary/term_index.h"
#include "common/string_ids.h"
#include "spell/hunspell_dictionary.h"
#include "model/placeholder_text.h"

namespace wb {

bool TermNormalizer::isDropped(const Token &token)
{
    if (token.kind != Token::Kind::Punctuation || token.text.size() != 1)
        return false;
    const char16_t c = token.text[0].unicode();
    return c == u'-' || c == u'‐' || c == u'‑' || c == u'–' || c == u'—';
}

QString TermNormalizer::foldedKey(const Token &token)
{
    if (token.kind != Token::Kind::Word || !m_dictionary)
        return token.key;
    return m_dictionary->stem(token.text);
}

QStringList TermNormalizer::foldedKeys(const Token &token)
{
    if (token.kind != Token::Kind::Word || !m_dictionary)
        return {token.key};
    return m_dictionary->allStems(token.text);
}

TermIndex::TermIndex(const Termbase &termbase, const QString &language, WordTokenizer &tokenizer, TermNormalizer &normalizer)
{
    m_termsAt.append(QList<TermMatch::Ref>()); // root
    for (int c = 0; c < termbase.concepts.size(); ++c) {
        const Concept &concept_ = termbase.concepts[c];
        for (int t = 0; t < concept_.terms.size(); ++t) {
            const Term &term = concept_.terms[t];
            if (!sameLanguage(term.language, language))
                continue;
            const bool acronym = term.isAcronym();
            int node = 0;
            bool any = false;
            for (const Token &token : tokenizer.tokenize(escapeUnitText(term.text))) {
                if (TermNormalizer::isDropped(token))
                    continue;
                // Capitals in a term mean capitals in the text: acronyms and words like
                // "CAR" or "BCR" match exactly; everything else by stem, in any case.
                // In an acronym or abbreviation ("Ph chromosome"), its capitalized words.
                const bool capitals = token.text.size() >= 2 && token.text == token.text.toUpper()
                                      && token.text != token.text.toLower();
                const bool hasCapital = token.text != token.text.toLower();
                const QString key = (capitals || (acronym && hasCapital)) ? TermNormalizer::exactKey(token)
                                                                          : normalizer.foldedKey(token);
                const int k = internKey(key);
                int next = child(node, k);
                if (next < 0) {
                    next = int(m_termsAt.size());
                    m_termsAt.append(QList<TermMatch::Ref>());
                    m_edges.emplace((quint64(quint32(node)) << 32) | quint32(k), next);
                }
                node = next;
                any = true;
            }
            if (any) {
                m_termsAt[node].append(TermMatch::Ref{c, t});
                ++m_termCount;
            }
        }
    }
}

int TermIndex::internKey(const QString &key)
{
    return internedId(m_keys, key);
}

int TermIndex::keyId(const QString &key) const
{
    return m_keys.value(key, -1);
}

int TermIndex::child(int node, int key) const
{
    if (key < 0)
        return -1;
    const auto it = m_edges.find((quint64(quint32(node)) << 32) | quint32(key));
    return it == m_edges.end() ? -1 : it->second;
}

TermIndex::Keys TermIndex::keysOf(const QList<Token> &allTokens, TermNormalizer &normalizer, bool everyReading) const
{
    Keys keys;
    keys.tokens.reserve(allTokens.size());
    keys.exact.reserve(allTokens.size());
    keys.folded.reserve(allTokens.size());
    for (const Token &token : allTokens) {
        if (TermNormalizer::isDropped(token))
            continue;
        keys.tokens.append(&token);
        // Exact keys exist only for terms written in capitals: a token without one cannot match.
        const bool hasCapital = std::any_of(token.text.cbegin(), token.text.cend(), [](QChar c) { return c.isUpper(); });
        keys.exact.append(hasCapital ? keyId(TermNormalizer::exactKey(token)) : -1);
        QList<int> folded;
        // A word in capitals is an acronym or a code ("1-800-4-CANCER"): it matches
        // acronym terms exactly, never an ordinary word by its stem.
        const bool allCapitals = token.text.size() >= 2 && token.text == token.text.toUpper() && hasCapital;
        if (allCapitals) {
            // exact key only
        } else if (everyReading) {
            for (const QString &reading : normalizer.foldedKeys(token))
                if (const int id = keyId(reading); id >= 0)
                    folded.append(id);
        } else if (const int id = keyId(normalizer.foldedKey(token)); id >= 0) {
            folded.append(id);
        }
        keys.folded.append(folded);
    }
    return keys;
}

QList<TermMatch> TermIndex::find(const QList<Token> &allTokens, TermNormalizer &normalizer, bool everyReading) const
{
    const Keys k = keysOf(allTokens, normalizer, everyReading);
    QList<TermMatch> matches;
    for (qsizetype i = 0; i < k.tokens.size();) {
        int node = 0;
        qsizetype bestEnd = -1;
        int bestNode = -1;
        for (qsizetype j = i; j < k.tokens.size(); ++j) {
            int next = child(node, k.exact[j]);
            for (qsizetype r = 0; next < 0 && r < k.folded[j].size(); ++r)
                next = child(node, k.folded[j][r]);
            if (next < 0)
                break;
            node = next;
            if (!m_termsAt[node].isEmpty()) {
                bestEnd = j;
                bestNode = node;
            }
        }
        if (bestEnd < 0) {
            ++i;
            continue;
        }
        TermMatch match;
        match.refs = m_termsAt[bestNode];
        match.span = TextSpan{k.tokens[i]->start, k.tokens[bestEnd]->end() - k.tokens[i]->start};
        matches.append(match);
        i = bestEnd + 1;
    }
    return matches;
}

QList<TermMatch> TermIndex::findAll(const QList<Token> &allTokens, TermNormalizer &normalizer) const
{
    const Keys k = keysOf(allTokens, normalizer, true);
    QList<TermMatch> matches;
    // Breadth over readings: a word with two readings may continue two different terms.
    for (qsizetype i = 0; i < k.tokens.size(); ++i) {
        QList<int> nodes{0};
        for (qsizetype j = i; j < k.tokens.size() && !nodes.isEmpty(); ++j) {
            QList<int> next;
            for (int node : std::as_const(nodes)) {
                if (const int n = child(node, k.exact[j]); n >= 0 && !next.contains(n))
                    next.append(n);
                for (int key : k.folded[j])
                    if (const int n = child(node, key); n >= 0 && !next.contains(n))
                        next.append(n);
            }
            for (int node : std::as_const(next))
                if (!m_termsAt[node].isEmpty())
                    matches.append(TermMatch{m_termsAt[node], TextSpan{k.tokens[i]->start, k.tokens[j]->end() - k.tokens[i]->start}});
            nodes = next;
        }
    }
    return matches;
}

} // namespace wb
