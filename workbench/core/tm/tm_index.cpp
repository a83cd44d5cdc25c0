#include "tm/tm_index.h"
#include "model/placeholder_text.h"
#include "text/word_tokenizer.h"
#include "tm/tm_text_analysis.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>

namespace wb {
namespace {

using tmindex::kUnknownToken;
using tmindex::signatureBit;
constexpr int kCap = 74; // changed number or negation: never a high match

// Token-level Levenshtein distance. Bit-parallel (Myers 1999) when the query has at most
// 64 tokens: one machine word per text token instead of a row of the table.
int editDistance(const quint32 *a, int n, const quint32 *b, int m, const std::vector<quint64> *peq)
{
    if (n == 0)
        return m;
    if (m == 0)
        return n;
    if (peq && n <= 64) {
        quint64 pv = ~0ull, mv = 0;
        int distance = n;
        const quint64 last = 1ull << (n - 1);
        for (int j = 0; j < m; ++j) {
            const quint64 eq = b[j] < peq->size() ? (*peq)[b[j]] : 0;
            const quint64 xv = eq | mv;
            const quint64 xh = (((eq & pv) + pv) ^ pv) | eq;
            quint64 ph = mv | ~(xh | pv);
            quint64 mh = pv & xh;
            if (ph & last)
                ++distance;
            else if (mh & last)
                --distance;
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        return distance;
    }
    std::vector<int> row(size_t(m) + 1);
    for (int j = 0; j <= m; ++j)
        row[size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= m; ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[size_t(m)];
}

} // namespace

struct TmIndex::Query {
    QString text;
    std::vector<quint32> tokens;
    std::vector<quint32> sorted;
    quint32 numbersHash = 0;
    quint32 negationsHash = 0;
    quint32 surfaceHash = 0;
};

void TmIndex::SeenMarks::resize(size_t n)
{
    if (n <= size)
        return;
    // calloc: large blocks come straight from the kernel, zeroed, resident only once touched.
    auto *grown = static_cast<quint32 *>(std::calloc(n, sizeof(quint32)));
    if (!grown)
        throw std::bad_alloc();
    if (marks)
        std::copy(marks, marks + size, grown);
    std::free(marks);
    marks = grown;
    size = n;
}

TmIndex::SeenMarks::~SeenMarks()
{
    std::free(marks);
}

TmIndex::TmIndex(const QString &sourceLanguage) : m_language(sourceLanguage), m_tokenizer(std::make_unique<WordTokenizer>(sourceLanguage)) {}

TmIndex::TmIndex(const QString &sourceLanguage, std::unique_ptr<TmIndexFile> base) : TmIndex(sourceLanguage)
{
    m_base = std::move(base);
    if (m_base) {
        m_baseEntries = m_base->entryCount();
        m_baseVocabulary = m_base->vocabularySize();
        m_baseLastId = m_base->stamp().lastId;
    }
}

TmIndex::~TmIndex() = default;

quint32 TmIndex::tokenId(const QString &token, Words words)
{
    if (m_base)
        if (const quint32 id = m_base->tokenId(token); id != kUnknownToken)
            return id;
    const auto it = m_vocabulary.constFind(token);
    if (it != m_vocabulary.cend())
        return *it;
    if (words == Words::Lookup)
        return kUnknownToken;
    const quint32 id = m_baseVocabulary + quint32(m_vocabulary.size());
    m_vocabulary.insert(token, id);
    return id;
}

TmIndex::Query TmIndex::prepare(const QString &text, Words words)
{
    Query q;
    q.text = text;
    const TmTextAnalysis a = analyseForMemory(*m_tokenizer, text);
    for (const QString &key : a.keys)
        q.tokens.push_back(tokenId(key, words));
    q.numbersHash = a.numbersHash;
    q.negationsHash = a.negationsHash;
    q.surfaceHash = a.surfaceHash;
    q.sorted = q.tokens;
    std::sort(q.sorted.begin(), q.sorted.end());
    return q;
}

void TmIndex::add(const TmUnit &unit)
{
    Texts texts;
    const QByteArray source = unit.source.toUtf8(), target = unit.target.toUtf8(), origin = unit.origin.toUtf8();
    const QByteArray context = unit.previousSource.isEmpty() && unit.nextSource.isEmpty()
                                   ? QByteArray()
                                   : (unit.previousSource + QChar(0x1F) + unit.nextSource).toUtf8();
    const QByteArray provenance = unit.author.isEmpty() && !unit.changed.isValid()
                                      ? QByteArray()
                                      : (unit.author + QChar(0x1F) + unit.changed.toUTC().toString(Qt::ISODate)).toUtf8();
    texts.text = m_text.append(source + target + origin + context + provenance);
    texts.sourceBytes = quint32(source.size());
    texts.targetBytes = quint32(target.size());
    texts.originBytes = quint32(origin.size());
    texts.contextBytes = quint32(context.size());
    texts.provenanceBytes = quint32(provenance.size());
    const Query q = prepare(unit.source, Words::Learn);
    tmindex::Entry entry;
    entry.tokenOffset = quint32(m_tokens.size());
    entry.tokenCount = quint16(std::min<size_t>(q.tokens.size(), 0xFFFF));
    m_tokens.insert(m_tokens.end(), q.tokens.begin(), q.tokens.begin() + entry.tokenCount);
    // The query's sorted copy serves, unless the unit was cut at 65,535 tokens.
    std::vector<quint32> cut;
    if (entry.tokenCount < q.tokens.size()) {
        cut.assign(q.tokens.begin(), q.tokens.begin() + entry.tokenCount);
        std::sort(cut.begin(), cut.end());
    }
    const std::vector<quint32> &sorted = cut.empty() ? q.sorted : cut;
    m_tokens.insert(m_tokens.end(), sorted.begin(), sorted.end());
    entry.numbersHash = q.numbersHash;
    entry.negationsHash = q.negationsHash;
    entry.surfaceHash = q.surfaceHash;
    const quint32 index = m_baseEntries + quint32(m_entries.size());
    if (!sorted.empty() && sorted.back() >= m_postings.size())
        m_postings.resize(size_t(sorted.back()) + 1);
    quint32 previous = kUnknownToken;
    for (quint32 token : sorted) {
        if (token != previous)
            m_postings[token].entries.push_back(index);
        previous = token;
    }
    tmindex::Filter filter;
    filter.length = entry.tokenCount;
    filter.tokenOffset = entry.tokenOffset;
    for (quint32 token : sorted)
        filter.signature |= 1ull << signatureBit(token);
    m_filters.push_back(filter);
    m_entries.push_back(entry);
    m_texts.push_back(texts);
}

void TmIndex::orderByLength(Posting &posting)
{
    // Sort the arrivals on (length, unit) keys, which reads each unit's length once, then
    // merge them into the ordered part.
    std::vector<quint64> keys;
    keys.reserve(posting.entries.size() - posting.ordered);
    for (size_t i = posting.ordered; i < posting.entries.size(); ++i)
        keys.push_back(quint64(m_filters[posting.entries[i] - m_baseEntries].length) << 32 | posting.entries[i]);
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size(); ++i)
        posting.entries[posting.ordered + i] = quint32(keys[i]);
    const auto byLength = [this](quint32 a, quint32 b) {
        const quint16 la = m_filters[a - m_baseEntries].length, lb = m_filters[b - m_baseEntries].length;
        return la != lb ? la < lb : a < b;
    };
    std::inplace_merge(posting.entries.begin(), posting.entries.begin() + posting.ordered, posting.entries.end(), byLength);
    posting.ordered = quint32(posting.entries.size());
}

void TmIndex::finishLoading()
{
    for (Posting &posting : m_postings) {
        if (posting.ordered < posting.entries.size())
            orderByLength(posting);
        posting.entries.shrink_to_fit(); // growth by doubling leaves up to half of each list unused
    }
}

quint64 TmIndex::recency(quint32 entry) const
{
    // Units of the file by their database id; units added in memory after all of them.
    return entry < m_baseEntries ? quint64(m_base->entries()[entry].unitId) : quint64(m_baseLastId) + 1 + (entry - m_baseEntries);
}

QList<QPair<int, quint32>>::iterator TmIndex::rankOf(QList<QPair<int, quint32>> &best, int score, quint32 entry) const
{
    // Higher scores first; at the same score, the unit that came to the memory last.
    const quint64 added = recency(entry);
    return std::find_if(best.begin(), best.end(), [&](const auto &b) {
        return score > b.first || (score == b.first && added > recency(b.second));
    });
}

quint64 TmIndex::postingSize(quint32 token) const
{
    if (token == kUnknownToken)
        return 0;
    quint64 size = token < m_postings.size() ? m_postings[token].entries.size() : 0;
    if (token < m_baseVocabulary)
        size += quint64(m_base->postingsEnd(token) - m_base->postingsBegin(token));
    return size;
}

const tmindex::Entry &TmIndex::entryAt(quint32 entry) const
{
    return entry < m_baseEntries ? m_base->entries()[entry] : m_entries[entry - m_baseEntries];
}

const quint32 *TmIndex::tokensOf(quint32 entry) const
{
    return entry < m_baseEntries ? m_base->tokens() + m_base->entries()[entry].tokenOffset
                                 : m_tokens.data() + m_entries[entry - m_baseEntries].tokenOffset;
}

QString TmIndex::sourceOf(quint32 entry) const
{
    if (entry < m_baseEntries)
        return m_base->unit(entry).source;
    const Texts &t = m_texts[entry - m_baseEntries];
    return QString::fromUtf8(m_text.view(t.text, t.sourceBytes));
}

QByteArray TmIndex::contextOf(quint32 entry) const
{
    if (entry < m_baseEntries) {
        const TmUnit u = m_base->unit(entry);
        return u.previousSource.isEmpty() && u.nextSource.isEmpty() ? QByteArray() : (u.previousSource + QChar(0x1F) + u.nextSource).toUtf8();
    }
    const Texts &t = m_texts[entry - m_baseEntries];
    return m_text.view(t.text + t.sourceBytes + t.targetBytes + t.originBytes, t.contextBytes).toByteArray();
}

TmUnit TmIndex::unitOf(quint32 entry) const
{
    if (entry < m_baseEntries)
        return m_base->unit(entry);
    const Texts &t = m_texts[entry - m_baseEntries];
    TmUnit u;
    TextArena::Handle at = t.text;
    const auto next = [&](quint32 bytes) {
        const QString text = QString::fromUtf8(m_text.view(at, bytes));
        at += bytes;
        return text;
    };
    u.source = next(t.sourceBytes);
    u.target = next(t.targetBytes);
    u.origin = next(t.originBytes);
    next(t.contextBytes);
    if (t.provenanceBytes) {
        const QString provenance = next(t.provenanceBytes);
        u.author = provenance.section(QChar(0x1F), 0, 0);
        u.changed = QDateTime::fromString(provenance.section(QChar(0x1F), 1), Qt::ISODate);
    }
    return u;
}

QString TmIndex::source(int entry) const
{
    return sourceOf(quint32(entry));
}

QString TmIndex::target(int entry) const
{
    return unitOf(quint32(entry)).target;
}

int TmIndex::score(const Query &q, quint32 entryIndex) const
{
    const tmindex::Entry &e = entryAt(entryIndex);
    const int n = int(q.tokens.size()), m = e.tokenCount;
    const int longer = std::max(n, m);
    if (longer == 0)
        return 100;
    if (entryIndex < m_baseEntries && quint64(e.tokenOffset) + 2 * quint64(m) > m_base->tokenCount())
        return 0; // a damaged index file: never read outside it
    const int distance = editDistance(q.tokens.data(), n, tokensOf(entryIndex), m, n <= 64 ? &m_peq : nullptr);
    int result = distance == 0 ? 100 : std::min(99, int(100.0 * (longer - distance) / longer));
    if (distance == 0 && q.surfaceHash != e.surfaceHash) {
        // Same words; written differently. One point for each kind of difference.
        const QString written = sourceOf(entryIndex);
        int points = 0;
        auto letters = [](const QString &text) {
            QString out;
            for (QChar c : plainTextOf(text))
                if (c.isLetterOrNumber())
                    out += c;
            return out;
        };
        points += letters(written) != letters(q.text); // the same words: only their case differs
        QString a, b;
        for (QChar c : plainTextOf(written))
            if (c.isPunct())
                a += c;
        for (QChar c : plainTextOf(q.text))
            if (c.isPunct())
                b += c;
        points += a != b;
        points += placeholderMismatch(written, q.text).isEmpty() ? 0 : 1;
        result = 100 - std::max(1, points);
    }
    if (q.numbersHash != e.numbersHash || q.negationsHash != e.negationsHash)
        result = std::min(result, kCap);
    return result;
}

TmMatch TmIndex::match(const Query &q, quint32 entry, int score) const
{
    const TmUnit u = unitOf(entry);
    TmMatch m;
    m.score = score;
    m.entry = int(entry);
    m.source = u.source;
    m.target = u.target;
    m.origin = u.origin;
    m.author = u.author;
    m.changed = u.changed;
    m.diff = wordDiff(plainTextOf(m.source), plainTextOf(q.text));
    return m;
}

namespace {
// Sets the query's token positions in the dense table for the bit-parallel distance, and
// clears them again when the lookup ends.
struct PeqScope {
    std::vector<quint64> &table;
    const std::vector<quint32> &tokens;
    PeqScope(std::vector<quint64> &t, const std::vector<quint32> &q) : table(t), tokens(q)
    {
        for (size_t i = 0; i < tokens.size() && i < 64; ++i)
            if (tokens[i] < table.size())
                table[tokens[i]] |= 1ull << i;
    }
    ~PeqScope()
    {
        for (quint32 t : tokens)
            if (t < table.size())
                table[t] = 0;
    }
};
} // namespace

QList<TmMatch> TmIndex::lookup(const QString &text, int minScore, int max, const QString &previousSource, const QString &nextSource)
{
    QList<TmMatch> result;
    const Query q = prepare(text);
    m_peq.resize(size_t(m_baseVocabulary) + size_t(m_vocabulary.size()), 0);
    const PeqScope peq(m_peq, q.tokens);
    const int n = int(q.tokens.size());
    if (n == 0 || max <= 0)
        return result;
    minScore = std::clamp(minScore, 1, 100);
    std::vector<quint32> byRarity = q.tokens;
    std::sort(byRarity.begin(), byRarity.end(), [this](quint32 a, quint32 b) { return postingSize(a) < postingSize(b); });
    const quint32 total = quint32(size());
    m_seen.resize(total);
    if (++m_generation == 0) { // wrapped around: forget every mark
        std::fill(m_seen.marks, m_seen.marks + m_seen.size, 0u);
        m_generation = 1;
    }
    // Query tokens per signature bit. A query token whose bit an entry lacks is not in the
    // entry, so n minus those tokens bounds the overlap before the entry's tokens are read.
    int perBit[64] = {};
    quint64 queryBits = 0;
    int unknownTokens = 0;
    for (quint32 token : q.tokens) {
        if (token == kUnknownToken) {
            ++unknownTokens;
            continue;
        }
        const int bit = signatureBit(token);
        ++perBit[bit];
        queryBits |= 1ull << bit;
    }
    const QByteArray context = previousSource.isEmpty() ? QByteArray() : (previousSource + QChar(0x1F) + nextSource).toUtf8();
    const tmindex::Filter *baseFilters = m_base ? m_base->filters() : nullptr;
    const quint32 *baseTokens = m_base ? m_base->tokens() : nullptr;
    const quint64 baseTokenCount = m_base ? m_base->tokenCount() : 0;

    // A candidate's bound is first the one its signature gives; the shared-token count, which
    // reads the unit's tokens (a page of the index file each, in a fresh process), refines it
    // only when the candidate comes up for scoring: most never do. Bounds are whole numbers
    // from 0 to 100, so candidates wait in one bucket per bound (a bucket queue: no sorting).
    constexpr quint32 kRefined = 0x80000000u; // high bit of a waiting entry: its bound is the shared-token one
    std::array<std::vector<quint32>, 101> waiting;
    int highest = -1; // the highest bound with a candidate waiting
    QList<QPair<int, quint32>> best; // score, entry; best first, at most `max`
    int prefixDone = 0;
    // Every posting entry read goes through here: dedup, then the length and signature
    // bounds; what passes is a candidate.
    const auto visit = [&](quint32 entry) {
        if (entry >= total) // a damaged index file: never read outside it
            return;
        quint32 &seen = m_seen.marks[entry];
        if (seen == m_generation)
            return;
        seen = m_generation;
        const bool inBase = entry < m_baseEntries;
        const tmindex::Filter &filter = inBase ? baseFilters[entry] : m_filters[entry - m_baseEntries];
        const int m = filter.length, longer = std::max(n, m);
        if (100 * std::min(n, m) < minScore * longer) // the length alone rules it out
            return;
        int missing = unknownTokens;
        for (quint64 absent = queryBits & ~filter.signature; absent; absent &= absent - 1)
            missing += perBit[std::countr_zero(absent)];
        const int bound = 100 * std::min(m, n - missing) / longer;
        if (bound < minScore)
            return;
        waiting[size_t(bound)].push_back(entry);
        highest = std::max(highest, bound);
    };
    // The shared-token count: distance >= longer - shared.
    const auto sharedBound = [&](quint32 entry) {
        const bool inBase = entry < m_baseEntries;
        const tmindex::Filter &filter = inBase ? baseFilters[entry] : m_filters[entry - m_baseEntries];
        const int m = filter.length, longer = std::max(n, m);
        if (inBase && quint64(filter.tokenOffset) + 2 * quint64(m) > baseTokenCount)
            return -1; // a damaged index file: never read outside it
        const quint32 *sorted = (inBase ? baseTokens : m_tokens.data()) + filter.tokenOffset + m;
        int shared = 0;
        for (int a = 0, b = 0; a < n && b < m;) {
            if (q.sorted[size_t(a)] == sorted[b]) { ++shared; ++a; ++b; }
            else if (q.sorted[size_t(a)] < sorted[b]) ++a;
            else ++b;
        }
        return 100 * shared / longer;
    };
    // The units of a band are scattered over the filter table: ask for the ones a few steps
    // ahead while this one is checked (p50 2.5 -> 2.3 ms at a million units).
    const auto visitAll = [&](const quint32 *from, const quint32 *to) {
        constexpr std::ptrdiff_t ahead = 8;
        for (const quint32 *it = from; it != to; ++it) {
            if (to - it > ahead) {
                const quint32 next = *(it + ahead);
                if (next < m_baseEntries)
                    __builtin_prefetch(baseFilters + next);
                else if (next < total)
                    __builtin_prefetch(&m_filters[next - m_baseEntries]);
            }
            visit(*it);
        }
    };
    // A token's units ordered by length, in the file and in memory: [begin, end) of each.
    struct OrderedRange { const quint32 *begin, *end; };
    const auto orderedRanges = [&](quint32 token) {
        std::array<OrderedRange, 2> ranges{};
        if (token < m_baseVocabulary)
            ranges[0] = {m_base->postingsBegin(token), m_base->postingsEnd(token)};
        if (token < m_postings.size()) {
            const Posting &posting = m_postings[token];
            ranges[1] = {posting.entries.data(), posting.entries.data() + posting.ordered};
        }
        return ranges;
    };
    const auto lengthOf = [&](quint32 entry) -> int {
        if (entry < m_baseEntries)
            return baseFilters[entry].length;
        return entry < total ? m_filters[entry - m_baseEntries].length : 0;
    };
    struct Scanned { quint32 token; int shortest, longest; }; // the band of lengths read so far
    std::vector<Scanned> scanned;
    // Thresholds from high to low: at threshold T every unit scoring >= T holds one of the
    // n - t(T) + 1 rarest query tokens, so once `max` matches reach T the answer is exact.
    // High thresholds need few, rare tokens: a near-identical unit is found at once.
    // Steps of five: each pass reads the postings of only the few more tokens its
    // threshold needs, and the search stops at the first threshold the k-th best reaches.
    QList<int> thresholds;
    for (int t = 95; t > minScore; t -= 5)
        thresholds.append(t);
    thresholds.append(minScore);
    for (int threshold : thresholds) {
        const int allowed = (100 - threshold) * n / 100; // whole numbers: 0.1 * 10 must be 1, not 0.99…
        const int required = std::max(1, n - allowed);
        const int prefix = std::min(n, n - required + 1);
        // Lengths that can still reach this threshold: 100 * min(n, m) / max(n, m) >= T.
        const int shortest = (threshold * n + 99) / 100, longest = 100 * n / threshold;
        for (; prefixDone < prefix; ++prefixDone) {
            const quint32 token = byRarity[size_t(prefixDone)];
            if (token == kUnknownToken)
                continue;
            if (token < m_postings.size()) {
                Posting &posting = m_postings[token];
                if ((posting.entries.size() - posting.ordered) * 8 > posting.ordered)
                    orderByLength(posting);
                for (size_t i = posting.ordered; i < posting.entries.size(); ++i) // arrivals: read once, now
                    visit(posting.entries[i]);
            }
            // The ordered part is read band by band: the lengths [shortest, longest] now,
            // wider bands at the lower thresholds below.
            scanned.push_back({token, shortest, shortest - 1});
        }
        for (Scanned &done : scanned) {
            for (const OrderedRange &range : orderedRanges(done.token)) {
                const auto at = [&](int length) {
                    return std::partition_point(range.begin, range.end, [&](quint32 e) { return lengthOf(e) < length; });
                };
                if (done.shortest > done.longest) { // first band
                    visitAll(at(shortest), at(longest + 1));
                } else {
                    visitAll(at(shortest), at(done.shortest));
                    visitAll(at(done.longest + 1), at(longest + 1));
                }
            }
            done.shortest = std::min(done.shortest, shortest);
            done.longest = std::max(done.longest, longest);
        }
        // Best bound first, until no candidate left can reach this threshold or the k-th best.
        // A bound is at most 100 while a context match scores 101: against a 101, bound-100
        // candidates still count (one of them may be a newer 101).
        const auto kthBest = [&] { return std::min(best.last().first, 100); };
        for (; highest >= threshold && !(best.size() == max && highest < kthBest()); --highest) {
            std::vector<quint32> &bucket = waiting[size_t(highest)];
            while (!bucket.empty()) { // refining may put a candidate back in this very bucket
                const quint32 waitingEntry = bucket.back();
                bucket.pop_back();
                const quint32 entry = waitingEntry & ~kRefined;
                if (!(waitingEntry & kRefined)) {
                    const int bound = sharedBound(entry);
                    if (bound >= minScore)
                        waiting[size_t(bound)].push_back(entry | kRefined);
                    continue;
                }
                int s = score(q, entry);
                if (s == 100 && !context.isEmpty() && contextOf(entry) == context)
                    s = 101;
                if (s < minScore)
                    continue;
                best.insert(rankOf(best, s, entry), {s, entry});
                if (best.size() > max)
                    best.removeLast();
                if (best.size() == max && highest < kthBest())
                    break;
            }
        }
        // Candidates met later may have higher bounds than the one reached: look again from the top.
        highest = 100;
        while (highest >= 0 && waiting[size_t(highest)].empty())
            --highest;
        if (best.size() == max && best.last().first >= threshold)
            break; // every unit that could still rank scores below the k-th best
    }
    for (const auto &[s, entry] : best)
        result.append(match(q, entry, s));
    return result;
}

QList<TmMatch> TmIndex::lookupByScanning(const QString &text, int minScore, int max)
{
    const Query q = prepare(text);
    m_peq.resize(size_t(m_baseVocabulary) + size_t(m_vocabulary.size()), 0);
    const PeqScope peq(m_peq, q.tokens);
    QList<QPair<int, quint32>> best;
    const quint32 total = quint32(size());
    for (quint32 i = 0; i < total; ++i) {
        if (i < m_baseEntries) { // a damaged index file: never read outside it
            const tmindex::Entry &e = m_base->entries()[i];
            if (quint64(e.tokenOffset) + 2 * quint64(e.tokenCount) > m_base->tokenCount())
                continue;
        }
        const int s = score(q, i);
        if (s < minScore)
            continue;
        best.insert(rankOf(best, s, i), {s, i});
        if (best.size() > max)
            best.removeLast();
    }
    QList<TmMatch> result;
    for (const auto &[s, entry] : best)
        result.append(match(q, entry, s));
    return result;
}

} // namespace wb
