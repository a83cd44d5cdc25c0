#pragma once
#include <QList>
#include <functional>

namespace wb {

/// One link of a monotone alignment: source items [sourceBegin, sourceEnd) with target items
/// [targetBegin, targetEnd). An empty side is an omission (1-0 or 0-1).
struct SequenceLink {
    int sourceBegin = 0;
    int sourceEnd = 0;
    int targetBegin = 0;
    int targetEnd = 0;
    double cost = 0;
    int sourceCount() const { return sourceEnd - sourceBegin; }
    int targetCount() const { return targetEnd - targetBegin; }
};

/// The cost of linking source items [s0, s1) with target items [t0, t1).
using LinkCost = std::function<double(int s0, int s1, int t0, int t1)>;

/// The cheapest monotone alignment of two sequences built from links 1-1, 1-0, 0-1, 2-1 and
/// 1-2 (dynamic programming, as Gale and Church 1993). Cells far from the diagonal are not
/// computed when the table would pass 250,000 cells: a band of ±(2·|n−m|+50) items around
/// the proportional diagonal keeps the cost near linear in the sequences' length.
QList<SequenceLink> alignSequences(int sourceCount, int targetCount, const LinkCost &cost);

/// Gale and Church's length cost: −ln P(the lengths match | a link), with `ratio` the expected
/// target/source length ratio and their variance 6.8 per character.
double lengthCost(double sourceLength, double targetLength, double ratio);
/// The probability behind lengthCost, 0..1 (1 for lengths exactly in ratio).
double lengthMatch(double sourceLength, double targetLength, double ratio);

} // namespace wb
