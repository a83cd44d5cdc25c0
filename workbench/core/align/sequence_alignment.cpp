#include "align/sequence_alignment.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace wb {
namespace {

constexpr double kVariance = 6.8;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr long long kFullTableCells = 250'000;

struct Move {
    int source;
    int target;
};
constexpr Move kMoves[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};

// Which target positions row i may use.
struct Band {
    int sourceCount, targetCount, width;
    bool full;
    int low(int i) const
    {
        if (full)
            return 0;
        const int center = int((long long)i * targetCount / std::max(1, sourceCount));
        return std::max(0, center - width);
    }
    int high(int i) const
    {
        if (full)
            return targetCount;
        const int center = int((long long)i * targetCount / std::max(1, sourceCount));
        return std::min(targetCount, center + width);
    }
};

} // namespace

double lengthMatch(double sourceLength, double targetLength, double ratio)
{
    if (sourceLength <= 0 && targetLength <= 0)
        return 1;
    const double mean = (sourceLength + targetLength / ratio) / 2;
    const double delta = (targetLength - sourceLength * ratio) / std::sqrt(kVariance * mean);
    return std::erfc(std::fabs(delta) / std::sqrt(2.0)); // 2·(1 − Φ(|δ|))
}

double lengthCost(double sourceLength, double targetLength, double ratio)
{
    return -std::log(std::max(lengthMatch(sourceLength, targetLength, ratio), 1e-300));
}

QList<SequenceLink> alignSequences(int n, int m, const LinkCost &cost)
{
    const Band band{n, m, 2 * std::abs(n - m) + 50, (long long)(n + 1) * (m + 1) <= kFullTableCells};
    // Row i holds cells low(i)..high(i); each remembers its best cost and the move into it.
    std::vector<std::vector<double>> best(n + 1);
    std::vector<std::vector<signed char>> from(n + 1);
    for (int i = 0; i <= n; ++i) {
        const int width = band.high(i) - band.low(i) + 1;
        best[i].assign(std::max(0, width), kInfinity);
        from[i].assign(std::max(0, width), -1);
    }
    auto inBand = [&](int i, int j) { return i >= 0 && j >= band.low(i) && j <= band.high(i); };
    best[0][0 - band.low(0)] = 0;
    for (int i = 0; i <= n; ++i)
        for (int j = band.low(i); j <= band.high(i); ++j) {
            if (i == 0 && j == 0)
                continue;
            double &cell = best[i][j - band.low(i)];
            for (int k = 0; k < int(std::size(kMoves)); ++k) {
                const int pi = i - kMoves[k].source, pj = j - kMoves[k].target;
                if (pi < 0 || pj < 0 || !inBand(pi, pj))
                    continue;
                const double before = best[pi][pj - band.low(pi)];
                if (before == kInfinity)
                    continue;
                const double total = before + cost(pi, i, pj, j);
                if (total < cell) {
                    cell = total;
                    from[i][j - band.low(i)] = static_cast<signed char>(k);
                }
            }
        }
    QList<SequenceLink> links;
    int i = n, j = m;
    if (!inBand(n, m) || from[n][m - band.low(n)] < 0)
        return links; // cannot happen: the band always holds the end
    while (i > 0 || j > 0) {
        const Move move = kMoves[from[i][j - band.low(i)]];
        const int pi = i - move.source, pj = j - move.target;
        links.prepend(SequenceLink{pi, i, pj, j, best[i][j - band.low(i)] - best[pi][pj - band.low(pi)]});
        i = pi;
        j = pj;
    }
    return links;
}

} // namespace wb
