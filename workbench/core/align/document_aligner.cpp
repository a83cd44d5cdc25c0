#include "align/document_aligner.h"
#include "align/anchors.h"
#include "align/sequence_alignment.h"
#include "text/word_tokenizer.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace wb {
namespace {

// −ln of Gale and Church's link priors: most links are 1-1, some merge two sentences, few
// leave one out.
double priorCost(int sourceCount, int targetCount)
{
    if (sourceCount == 1 && targetCount == 1)
        return -std::log(0.89);
    if (sourceCount == 0 || targetCount == 0)
        return -std::log(0.005);
    return -std::log(0.0445);
}

// The length model speaks only where both sides have text. Gale and Church also charge an
// omission for its length, which makes leaving a long sentence out dearer than gluing it to a
// neighbour: the very error a published translation's omissions provoke.
double linkLengthCost(double sourceLength, double targetLength, double ratio)
{
    return sourceLength > 0 && targetLength > 0 ? lengthCost(sourceLength, targetLength, ratio) : 0;
}

struct Item {
    double length = 0;
    Anchors anchors;
    QString kind;          ///< blocks: "heading 2", "paragraph", ...
    QList<int> units;      ///< blocks: their units
};

// A unit's length for the length model: its characters without placeholders.
double lengthOf(const QString &unitText)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{/?\\d+/?\\}"));
    return double(QString(unitText).remove(placeholder).size());
}

QStringList destinationsOf(const SourceUnit &unit)
{
    static const QString linkTo = QStringLiteral("link to ");
    QStringList destinations;
    for (const Placeholder &p : unit.placeholders)
        if (p.label.startsWith(linkTo))
            destinations.append(p.label.mid(linkTo.size()));
    return destinations;
}

QList<Item> unitItems(const SegmentedDocument &doc, WordTokenizer &tokenizer, AnchorNames &names)
{
    QList<Item> items;
    items.reserve(doc.units.size());
    for (const SourceUnit &unit : doc.units)
        items.append(Item{lengthOf(unit.text), anchorsOf(unit.text, destinationsOf(unit), tokenizer, names), unit.kind, {}});
    return items;
}

// Blocks: a new one at each unit that starts its block's text, or where the kind changes.
// Alt text and link titles stay in the block they sit in.
QList<Item> blockItems(const SegmentedDocument &doc, const QList<Item> &units)
{
    QList<Item> blocks;
    for (int i = 0; i < doc.units.size(); ++i) {
        const SourceUnit &unit = doc.units[i];
        const bool nested = unit.kind == QLatin1String("image alt text") || unit.kind == QLatin1String("link title");
        if (blocks.isEmpty() || (!nested && (unit.startsLine || unit.kind != blocks.last().kind)))
            blocks.append(Item{0, {}, unit.kind, {}});
        Item &block = blocks.last();
        block.length += units[i].length;
        block.anchors.add(units[i].anchors);
        block.units.append(i);
    }
    return blocks;
}

double kindCost(const QString &a, const QString &b)
{
    if (a == b)
        return 0;
    const bool headingA = a.startsWith(QLatin1String("heading")), headingB = b.startsWith(QLatin1String("heading"));
    if (headingA && headingB)
        return 2;   // another level: a restructured outline
    if (headingA || headingB)
        return 8;   // a heading against running text is rarely a translation
    return 3;
}

// The anchors' say in a link's cost: matches pull, strong anchors on one side only push.
double anchorCost(const AnchorAgreement &a, double strongWeight, double weakWeight)
{
    return strongWeight * (a.unmatchedStrong - a.matchedStrong) - weakWeight * a.matchedWeak;
}

Anchors anchorsOver(const QList<Item> &items, int begin, int end)
{
    Anchors all;
    for (int i = begin; i < end; ++i)
        all.add(items[i].anchors);
    return all;
}

double lengthOver(const QList<Item> &items, int begin, int end)
{
    double length = 0;
    for (int i = begin; i < end; ++i)
        length += items[i].length;
    return length;
}

// The anchors of two ranges compared; the common 1-1 case without building unions.
AnchorAgreement agreementOver(const QList<Item> &s, int s0, int s1, const QList<Item> &t, int t0, int t1)
{
    if (s1 - s0 == 1 && t1 - t0 == 1)
        return compareAnchors(s[s0].anchors, t[t0].anchors);
    static const Anchors none;
    const auto one = [&](const QList<Item> &items, int b, int e) -> const Anchors & { return e - b == 1 ? items[b].anchors : none; };
    if (s1 - s0 <= 1 && t1 - t0 <= 1) // an omission: nothing to build
        return compareAnchors(one(s, s0, s1), one(t, t0, t1));
    return compareAnchors(anchorsOver(s, s0, s1), anchorsOver(t, t0, t1));
}

// How sure a sentence link is, 0..1: the length fit, lowered by strong anchors one side
// lacks, raised by anchors both share.
double linkScore(double sourceLength, double targetLength, double ratio, const AnchorAgreement &a)
{
    double score = std::sqrt(lengthMatch(sourceLength, targetLength, ratio));
    score *= double(a.matchedStrong + 1) / double(a.matchedStrong + a.unmatchedStrong + 1);
    const int shared = a.matchedStrong + a.matchedWeak;
    return std::clamp(score + (1 - score) * std::min(0.5, 0.15 * shared), 0.0, 1.0);
}

} // namespace

QString AlignedLink::kind() const
{
    return QStringLiteral("%1-%2").arg(sourceUnits.size()).arg(targetUnits.size());
}

DocumentAlignment alignDocuments(const SegmentedDocument &source, const SegmentedDocument &target)
{
    WordTokenizer sourceWords(source.language), targetWords(target.language);
    AnchorNames names;
    const QList<Item> sourceUnits = unitItems(source, sourceWords, names);
    const QList<Item> targetUnits = unitItems(target, targetWords, names);
    const QList<Item> sourceBlocks = blockItems(source, sourceUnits);
    const QList<Item> targetBlocks = blockItems(target, targetUnits);

    DocumentAlignment result;
    result.sourceBlocks = int(sourceBlocks.size());
    result.targetBlocks = int(targetBlocks.size());
    const double sourceChars = lengthOver(sourceUnits, 0, int(sourceUnits.size()));
    const double targetChars = lengthOver(targetUnits, 0, int(targetUnits.size()));
    result.lengthRatio = sourceChars > 0 && targetChars > 0 ? targetChars / sourceChars : 1;
    const double ratio = result.lengthRatio;

    // 1. Structure: blocks with blocks.
    const QList<SequenceLink> blockLinks = alignSequences(
        int(sourceBlocks.size()), int(targetBlocks.size()), [&](int s0, int s1, int t0, int t1) {
            double cost = linkLengthCost(lengthOver(sourceBlocks, s0, s1), lengthOver(targetBlocks, t0, t1), ratio)
                          + priorCost(s1 - s0, t1 - t0);
            for (int s = s0; s < s1; ++s)
                for (int t = t0; t < t1; ++t)
                    cost += kindCost(sourceBlocks[s].kind, targetBlocks[t].kind);
            return cost + anchorCost(agreementOver(sourceBlocks, s0, s1, targetBlocks, t0, t1), 1.0, 0.6);
        });

    // 2. Sentences within each group of aligned blocks.
    for (const SequenceLink &group : blockLinks) {
        QList<int> sourceIds, targetIds;
        for (int b = group.sourceBegin; b < group.sourceEnd; ++b)
            sourceIds += sourceBlocks[b].units;
        for (int b = group.targetBegin; b < group.targetEnd; ++b)
            targetIds += targetBlocks[b].units;
        QList<Item> s, t;
        for (int id : std::as_const(sourceIds))
            s.append(sourceUnits[id]);
        for (int id : std::as_const(targetIds))
            t.append(targetUnits[id]);
        const QList<SequenceLink> sentenceLinks = alignSequences(int(s.size()), int(t.size()), [&](int s0, int s1, int t0, int t1) {
            return linkLengthCost(lengthOver(s, s0, s1), lengthOver(t, t0, t1), ratio) + priorCost(s1 - s0, t1 - t0)
                   + anchorCost(agreementOver(s, s0, s1, t, t0, t1), 1.5, 1.6);
        });
        for (const SequenceLink &l : sentenceLinks) {
            AlignedLink link;
            for (int k = l.sourceBegin; k < l.sourceEnd; ++k)
                link.sourceUnits.append(sourceIds[k]);
            for (int k = l.targetBegin; k < l.targetEnd; ++k)
                link.targetUnits.append(targetIds[k]);
            link.sourceBlock = group.sourceCount() > 0 ? group.sourceBegin : -1;
            link.targetBlock = group.targetCount() > 0 ? group.targetBegin : -1;
            if (!link.isOmission())
                link.score = linkScore(lengthOver(s, l.sourceBegin, l.sourceEnd), lengthOver(t, l.targetBegin, l.targetEnd), ratio,
                                       agreementOver(s, l.sourceBegin, l.sourceEnd, t, l.targetBegin, l.targetEnd));
            result.links.append(link);
        }
    }
    return result;
}

} // namespace wb
