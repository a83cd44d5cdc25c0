#pragma once
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace wb {

class WordTokenizer;

/// What survives translation and so ties a sentence to its translation (docs/alignment.md):
///  - strong: numbers (digits only, so "1,000" and "1.000", "2.5" and "2,5" meet), one "{}"
///    per placeholder, and link destinations;
///  - weak: acronyms (two or more capitals: ALL, ARN, COVID), and cognates (the first five
///    letters, accents dropped, of words of six letters or more: radiation/radiación).
/// Anchors are interned as numbers (AnchorNames), each list sorted: a multiset, compared by
/// merging, with no string comparison in the alignment's inner loops.
struct Anchors {
    std::vector<int> strong;
    std::vector<int> weak;
    void add(const Anchors &other);
};

/// One number per distinct anchor text, shared by both documents of an alignment.
class AnchorNames {
public:
    int idOf(const QString &anchor);
private:
    QHash<QString, int> m_ids;
};

/// The anchors of one unit's text. `destinations` are its placeholders' link targets.
Anchors anchorsOf(const QString &unitText, const QStringList &destinations, WordTokenizer &tokenizer, AnchorNames &names);

/// How two sides' anchors agree: matched pairs, and strong anchors on one side only.
struct AnchorAgreement {
    int matchedStrong = 0;
    int unmatchedStrong = 0;
    int matchedWeak = 0;
};
AnchorAgreement compareAnchors(const Anchors &source, const Anchors &target);

} // namespace wb
