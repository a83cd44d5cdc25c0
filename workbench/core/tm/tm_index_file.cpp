#include "tm/tm_index_file.h"
#include "common/language_tag.h"
#include "text/word_tokenizer.h"
#include "tm/tm_store.h"
#include "tm/tm_text_analysis.h"
#include "tm/tm_token_spill.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTemporaryFile>
#include <QThread>
#include <algorithm>
#include <array>
#include <cstring>
#include <future>
#include <unicode/uvernum.h>
#include <unistd.h>
#include <vector>

namespace wb {
namespace {

constexpr char kMagic[8] = {'W', 'B', 'T', 'M', 'I', 'D', 'X', '\n'};
constexpr quint32 kFormatVersion = 2;

enum Section { Vocabulary, Keys, PostingOffsets, Postings, Filters, Entries, Tokens, SectionCount };

struct SectionSpan {
    quint64 offset = 0;
    quint64 size = 0;
};

struct Header {
    char magic[8];
    quint32 formatVersion;
    quint32 analysisVersion;
    char icuVersion[16];     // ICU's word breaks and case folding make the keys
    char sourceLanguage[16];
    char targetLanguage[16];
    char identity[48];
    qint64 generation;
    qint64 lastId;
    quint64 entryCount;
    quint64 vocabularySize;
    quint64 tokenCount;
    quint64 postingCount;
    quint64 fileSize;
    SectionSpan sections[SectionCount];
    quint64 lastSourceHash;  // of the last unit's source: a memory copied elsewhere and changed there is told apart
    quint64 reserved;
    quint64 checksum;        // of the header, this field zero: a torn or edited header is caught
};

// The token dictionary, sorted by hash: a lookup is a binary search and a byte compare.
struct VocabularyRecord {
    quint64 hash;
    quint32 keyOffset;
    quint32 keyBytes;
    quint32 id;
    quint32 reserved;
};
static_assert(sizeof(VocabularyRecord) == 24);

void putText(char *field, size_t size, const QString &text)
{
    std::memset(field, 0, size);
    const QByteArray bytes = text.toUtf8().left(qsizetype(size) - 1);
    std::memcpy(field, bytes.constData(), size_t(bytes.size()));
}

QString textOf(const char *field, size_t size)
{
    return QString::fromUtf8(field, qsizetype(strnlen(field, size)));
}

quint64 headerChecksum(Header header)
{
    header.checksum = 0;
    return tmindex::stableHash(QByteArrayView(reinterpret_cast<const char *>(&header), sizeof header));
}

quint64 keyHash(const QByteArray &utf8)
{
    return tmindex::stableHash(utf8);
}

Diagnostic indexError(const QString &path, const QString &message)
{
    return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, message};
}

Diagnostic writeError(const QString &path, const QString &message)
{
    return Diagnostic{ErrorKind::OutputFailed, path, 0, 0, message};
}

// Writes a section padded to 8 bytes, so every section starts aligned in the mapping.
bool writeAligned(QIODevice &out, const void *data, quint64 size, SectionSpan &span)
{
    span.offset = quint64(out.pos());
    span.size = size;
    const char *bytes = static_cast<const char *>(data);
    for (quint64 done = 0; done < size;) { // QIODevice::write takes at most qint64, in pieces of sane size
        const qint64 piece = qint64(std::min<quint64>(size - done, quint64(64) << 20));
        if (out.write(bytes + done, piece) != piece)
            return false;
        done += quint64(piece);
    }
    static const char zeros[8] = {};
    const qint64 pad = qint64((8 - size % 8) % 8);
    return out.write(zeros, pad) == pad;
}

// How many tokens a pass over the spill gathers: each pass reads the whole spill (in order,
// from the page cache), so a window is at least 32 MiB and, for a big memory, a sixteenth of
// the tokens: at most about sixteen passes per phase, whatever the memory's size.
quint64 gatherWindow(quint64 tokenCount)
{
    return std::max<quint64>(quint64(8) << 20, tokenCount / 16);
}

// QSaveFile writes into a nameless file and names it only to rename it over the index: a
// build killed between those two steps leaves "<index>.XXXXXX" behind. One that old is no
// build in progress (a 10-million-unit build takes minutes): remove it.
void removeStaleLeftovers(const QString &path)
{
    const QFileInfo index(path);
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    // The token file has a name too, for the instant between its creation and its unlink.
    for (const QFileInfo &file : QDir(index.absolutePath()).entryInfoList({index.fileName() + QStringLiteral(".??????"),
                                                                           QStringLiteral(".tmindex-tokens-*")},
                                                                          QDir::Files | QDir::Hidden))
        if (file.lastModified().toUTC() < hourAgo)
            QFile::remove(file.absoluteFilePath());
}

} // namespace

QString TmIndexFile::pathFor(const QString &database, const QString &sourceLanguage, const QString &targetLanguage)
{
    return QStringLiteral("%1.%2-%3.tmindex").arg(database, primaryLanguage(sourceLanguage), primaryLanguage(targetLanguage));
}

Status TmIndexFile::build(const TmStore &store, const QString &sourceLanguage, const QString &targetLanguage,
                          const std::function<void(qint64)> &progress)
{
    const QString path = pathFor(store.path(), sourceLanguage, targetLanguage);
    // The stamp first: units written while the index is built are above lastId or at a later
    // generation, so the next open sees them as the delta rather than losing them.
    auto identity = store.identity();
    if (!identity)
        return identity.error();
    auto generation = store.generation();
    if (!generation)
        return generation.error();

    removeStaleLeftovers(path);
    TokenSpill spill;
    if (!spill.open(QFileInfo(path).absolutePath()))
        return writeError(path, QStringLiteral("cannot write a temporary file beside the memory: %1").arg(spill.errorString()));
    // Two tokenizers: a batch of units is analysed half on this thread, half on another (ICU
    // word breaks are most of a build's time), then taken in order, so ids are the same as
    // a build on one thread would give.
    WordTokenizer tokenizer(sourceLanguage), helperTokenizer(sourceLanguage);
    QHash<QString, quint32> vocabulary;
    std::vector<QByteArray> keys;          // by id
    std::vector<quint32> unitsHolding;     // by token id: the posting list's length
    std::vector<tmindex::Entry> entries;
    std::vector<tmindex::Filter> filters;
    std::vector<std::array<quint32, 4>> opening; // by unit taken: the first four token ids (+1; 0: none)
    qint64 lastId = 0;
    std::vector<quint32> ids, sorted;
    quint64 lastSourceHash = 0; // units come in id order: the last one taken has the highest id
    const auto take = [&](qint64 unitId, const TmTextAnalysis &a) {
        ids.clear();
        for (qsizetype i = 0; i < a.keys.size() && i < 0xFFFF; ++i) { // a unit is cut at 65,535 tokens, as in memory
            auto it = vocabulary.constFind(a.keys[i]);
            if (it == vocabulary.cend()) {
                it = vocabulary.insert(a.keys[i], quint32(keys.size()));
                keys.push_back(a.keys[i].toUtf8());
                unitsHolding.push_back(0);
            }
            ids.push_back(*it);
        }
        sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        tmindex::Entry entry;
        entry.unitId = unitId;
        entry.tokenOffset = quint32(spill.tokenCount());
        entry.tokenCount = quint16(ids.size());
        entry.numbersHash = a.numbersHash;
        entry.negationsHash = a.negationsHash;
        entry.surfaceHash = a.surfaceHash;
        tmindex::Filter filter;
        filter.tokenOffset = entry.tokenOffset;
        filter.length = entry.tokenCount;
        for (size_t i = 0; i < sorted.size(); ++i) {
            filter.signature |= 1ull << tmindex::signatureBit(sorted[i]);
            if (i == 0 || sorted[i] != sorted[i - 1])
                ++unitsHolding[sorted[i]];
        }
        std::array<quint32, 4> first{};
        for (size_t i = 0; i < first.size() && i < ids.size(); ++i)
            first[i] = ids[i] + 1;
        opening.push_back(first);
        spill.add(ids, sorted);
        entries.push_back(entry);
        filters.push_back(filter);
        lastId = std::max(lastId, unitId);
        if (progress && entries.size() % 10000 == 0)
            progress(qint64(entries.size()));
    };
    constexpr size_t kBatch = 4096;
    std::vector<qint64> batchIds;
    QStringList batchSources;
    std::vector<TmTextAnalysis> analysed(kBatch);
    const auto takeBatch = [&] {
        const size_t count = batchIds.size(), half = count / 2;
        auto other = std::async(std::launch::async, [&] {
            for (size_t i = half; i < count; ++i)
                analysed[i] = analyseForMemory(helperTokenizer, std::as_const(batchSources)[qsizetype(i)]);
        });
        for (size_t i = 0; i < half; ++i)
            analysed[i] = analyseForMemory(tokenizer, std::as_const(batchSources)[qsizetype(i)]);
        other.get();
        for (size_t i = 0; i < count; ++i)
            take(batchIds[i], analysed[i]);
        if (count > 0)
            lastSourceHash = tmindex::stableHash(std::as_const(batchSources).last().toUtf8());
        batchIds.clear();
        batchSources.clear();
    };
    const Status read = store.forEachSource(sourceLanguage, targetLanguage, 0, [&](qint64 id, const QString &source) {
        batchIds.push_back(id);
        batchSources.append(source);
        if (batchIds.size() == kBatch)
            takeBatch();
        // Token offsets are 32-bit: about 90 million units of average length fit.
        return spill.tokenCount() < 0xFFFF0000ull;
    });
    if (read && !batchIds.empty())
        takeBatch();
    if (!read)
        return read;
    const quint64 tokenCount = spill.tokenCount();
    if (!spill.finish())
        return writeError(path, QStringLiteral("cannot write a temporary file beside the memory: %1").arg(spill.errorString()));
    if (tokenCount >= 0xFFFF0000ull)
        return indexError(path, QStringLiteral("the memory has more than 4 billion tokens in this language pair: too many for one index"));
    const Diagnostic cannotReadBack = writeError(path, QStringLiteral("cannot read back the temporary token file"));

    // Units that begin alike sit side by side in the file: a lookup's near matches (variants of
    // one sentence, above all) then share pages and cache lines instead of one page fault
    // each in a fresh process. Entry numbers follow this order; unit ids keep the link to
    // the database. `entryOf` takes a unit's place in the spill (the order units were taken)
    // to its entry.
    std::vector<quint32> order(entries.size());
    for (quint32 e = 0; e < order.size(); ++e)
        order[e] = e;
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) { return opening[a] != opening[b] ? opening[a] < opening[b] : a < b; });
    opening = {};
    std::vector<quint32> entryOf(entries.size());
    {
        std::vector<tmindex::Entry> ordered(entries.size());
        std::vector<tmindex::Filter> orderedFilters(entries.size());
        quint32 offset = 0;
        for (quint32 e = 0; e < order.size(); ++e) {
            ordered[e] = entries[order[e]];
            orderedFilters[e] = filters[order[e]];
            entryOf[order[e]] = e;
            ordered[e].tokenOffset = orderedFilters[e].tokenOffset = offset;
            offset += 2 * quint32(ordered[e].tokenCount);
        }
        entries.swap(ordered);
        filters.swap(orderedFilters);
    }

    // Posting lists in one array: each token's units, ordered by (length, unit).
    const size_t vocabularySize = keys.size();
    std::vector<quint64> postingOffsets(vocabularySize + 1, 0);
    for (size_t t = 0; t < vocabularySize; ++t)
        postingOffsets[t + 1] = postingOffsets[t] + unitsHolding[t];
    std::vector<quint32> postings(postingOffsets.back());
    {
        // Units taken shortest first (a counting sort on length, unit order kept within a
        // length) fill every list already ordered by (length, unit).
        std::vector<quint32> startOfLength(0x10001 + 1, 0);
        for (const tmindex::Entry &entry : entries)
            ++startOfLength[size_t(entry.tokenCount) + 1];
        for (size_t length = 1; length < startOfLength.size(); ++length)
            startOfLength[length] += startOfLength[length - 1];
        std::vector<quint32> byLength(entries.size());
        for (quint32 e = 0; e < entries.size(); ++e)
            byLength[startOfLength[entries[e].tokenCount]++] = e;
        std::vector<quint32> rankOf(entries.size());
        for (quint32 r = 0; r < byLength.size(); ++r)
            rankOf[byLength[r]] = r;
        // In windows of that order: the sorted tokens of a window's units are gathered in
        // one sequential pass over the spill, then their postings written in order.
        std::vector<quint64> fill(postingOffsets.begin(), postingOffsets.end() - 1);
        std::vector<quint32> window;
        std::vector<quint64> at; // by rank within the window: where its tokens are in `window`
        for (quint32 r0 = 0; r0 < byLength.size();) {
            quint32 r1 = r0;
            at.clear();
            quint64 size = 0;
            while (r1 < byLength.size() && (r1 == r0 || size + entries[byLength[r1]].tokenCount <= gatherWindow(tokenCount))) {
                at.push_back(size);
                size += entries[byLength[r1++]].tokenCount;
            }
            window.resize(size);
            if (!spill.forEachUnit([&](quint32 unit, const quint32 *tokens, quint16 count) {
                    const quint32 r = rankOf[entryOf[unit]];
                    if (r >= r0 && r < r1)
                        std::copy(tokens + count, tokens + 2 * count, window.begin() + qsizetype(at[r - r0]));
                }))
                return cannotReadBack;
            for (quint32 r = r0; r < r1; ++r) {
                const quint32 e = byLength[r];
                const quint32 *s = window.data() + at[r - r0];
                for (int i = 0; i < entries[e].tokenCount; ++i)
                    if (i == 0 || s[i] != s[i - 1])
                        postings[fill[s[i]]++] = e;
            }
            r0 = r1;
        }
    }
    unitsHolding = {};

    std::vector<VocabularyRecord> table(vocabularySize);
    QByteArray keyBytes;
    quint64 keyTotal = 0;
    for (const QByteArray &key : keys)
        keyTotal += quint64(key.size());
    if (keyTotal >= 0xFFFFFFFFull)
        return indexError(path, QStringLiteral("the memory's words take more than 4 GiB: too many for one index"));
    for (quint32 id = 0; id < vocabularySize; ++id) {
        table[id] = VocabularyRecord{keyHash(keys[id]), quint32(keyBytes.size()), quint32(keys[id].size()), id, 0};
        keyBytes += keys[id];
    }
    keys = {};
    std::sort(table.begin(), table.end(), [](const VocabularyRecord &a, const VocabularyRecord &b) { return a.hash < b.hash; });

    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.formatVersion = kFormatVersion;
    header.analysisVersion = kTmAnalysisVersion;
    putText(header.icuVersion, sizeof header.icuVersion, QStringLiteral(U_ICU_VERSION));
    putText(header.sourceLanguage, sizeof header.sourceLanguage, primaryLanguage(sourceLanguage));
    putText(header.targetLanguage, sizeof header.targetLanguage, primaryLanguage(targetLanguage));
    putText(header.identity, sizeof header.identity, *identity);
    header.generation = *generation;
    header.lastId = lastId;
    header.lastSourceHash = lastSourceHash;
    header.entryCount = entries.size();
    header.vocabularySize = vocabularySize;
    header.tokenCount = tokenCount;
    header.postingCount = postings.size();

    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return writeError(path, QStringLiteral("cannot write the index: %1").arg(out.errorString()));
    bool ok = out.write(reinterpret_cast<const char *>(&header), sizeof header) == qint64(sizeof header);
    const auto section = [&](Section s, const void *data, quint64 bytes) { ok = ok && writeAligned(out, data, bytes, header.sections[s]); };
    section(Vocabulary, table.data(), table.size() * sizeof(VocabularyRecord));
    section(Keys, keyBytes.constData(), quint64(keyBytes.size()));
    section(PostingOffsets, postingOffsets.data(), postingOffsets.size() * sizeof(quint64));
    section(Postings, postings.data(), postings.size() * sizeof(quint32));
    section(Filters, filters.data(), filters.size() * sizeof(tmindex::Filter));
    section(Entries, entries.data(), entries.size() * sizeof(tmindex::Entry));
    // The tokens in the file's unit order, gathered from the spill a window of entries at a time.
    header.sections[Tokens] = SectionSpan{quint64(out.pos()), tokenCount * sizeof(quint32)};
    std::vector<quint32> window;
    for (quint32 e0 = 0; ok && e0 < entries.size();) {
        quint32 e1 = e0;
        quint64 size = 0;
        while (e1 < entries.size() && (e1 == e0 || size + 2 * quint64(entries[e1].tokenCount) <= gatherWindow(tokenCount)))
            size += 2 * quint64(entries[e1++].tokenCount);
        window.resize(size);
        const quint32 base = entries[e0].tokenOffset;
        if (!spill.forEachUnit([&](quint32 unit, const quint32 *tokens, quint16 count) {
                const quint32 e = entryOf[unit];
                if (e >= e0 && e < e1)
                    std::copy(tokens, tokens + 2 * count, window.begin() + qsizetype(entries[e].tokenOffset - base));
            })) {
            out.cancelWriting();
            return cannotReadBack;
        }
        const qint64 bytes = qint64(size * sizeof(quint32));
        ok = out.write(reinterpret_cast<const char *>(window.data()), bytes) == bytes;
        e0 = e1;
    }
    header.fileSize = quint64(out.pos());
    header.checksum = headerChecksum(header);
    ok = ok && out.seek(0) && out.write(reinterpret_cast<const char *>(&header), sizeof header) == qint64(sizeof header);
    if (!ok) {
        out.cancelWriting();
        return writeError(path, QStringLiteral("cannot write the index: %1").arg(out.errorString()));
    }
    if (!out.commit())
        return writeError(path, QStringLiteral("cannot write the index: %1").arg(out.errorString()));
    return {};
}

Result<std::unique_ptr<TmIndexFile>> TmIndexFile::open(const QString &database, const QString &sourceLanguage, const QString &targetLanguage)
{
    const QString path = pathFor(database, sourceLanguage, targetLanguage);
    std::unique_ptr<TmIndexFile> index(new TmIndexFile);
    index->m_database = database;
    index->m_file.setFileName(path);
    if (!index->m_file.open(QIODevice::ReadOnly))
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("no index: %1").arg(index->m_file.errorString())};
    const qint64 size = index->m_file.size();
    if (size < qint64(sizeof(Header)))
        return indexError(path, QStringLiteral("the index is truncated (%1 bytes)").arg(size));
    index->m_map = index->m_file.map(0, size);
    if (!index->m_map)
        return indexError(path, QStringLiteral("cannot map the index: %1").arg(index->m_file.errorString()));
    Header header;
    std::memcpy(&header, index->m_map, sizeof header);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0)
        return indexError(path, QStringLiteral("not a workbench memory index"));
    if (header.checksum != headerChecksum(header))
        return indexError(path, QStringLiteral("the index header is damaged"));
    if (header.formatVersion != kFormatVersion || header.analysisVersion != kTmAnalysisVersion
        || textOf(header.icuVersion, sizeof header.icuVersion) != QStringLiteral(U_ICU_VERSION))
        return indexError(path, QStringLiteral("the index was built by another version (format %1, analysis %2, ICU %3)")
                                    .arg(header.formatVersion).arg(header.analysisVersion).arg(textOf(header.icuVersion, sizeof header.icuVersion)));
    if (!sameLanguage(textOf(header.sourceLanguage, sizeof header.sourceLanguage), sourceLanguage)
        || !sameLanguage(textOf(header.targetLanguage, sizeof header.targetLanguage), targetLanguage))
        return indexError(path, QStringLiteral("the index is for another language pair"));
    if (header.fileSize != quint64(size))
        return indexError(path, QStringLiteral("the index is %1 bytes; its header says %2").arg(size).arg(header.fileSize));
    // Counts are checked before they are multiplied into sizes, so no product can wrap.
    if (header.entryCount > 0xFFFFFFF0ull || header.vocabularySize > 0xFFFFFFF0ull || header.tokenCount > 0xFFFFFFFFull
        || header.postingCount > 0xFFFFFFFFull)
        return indexError(path, QStringLiteral("the index is damaged: impossible counts"));
    const quint64 expected[SectionCount] = {header.vocabularySize * sizeof(VocabularyRecord), header.sections[Keys].size,
                                            (header.vocabularySize + 1) * sizeof(quint64), header.postingCount * sizeof(quint32),
                                            header.entryCount * sizeof(tmindex::Filter), header.entryCount * sizeof(tmindex::Entry),
                                            header.tokenCount * sizeof(quint32)};
    for (int s = 0; s < SectionCount; ++s) {
        const SectionSpan span = header.sections[s];
        if (span.size != expected[s] || span.offset % 8 != 0 || span.offset > quint64(size) || span.size > quint64(size) - span.offset)
            return indexError(path, QStringLiteral("the index is damaged: section %1 does not fit the file").arg(s));
    }
    const auto at = [&](Section s) { return index->m_map + header.sections[s].offset; };
    index->m_stamp = TmIndexStamp{textOf(header.identity, sizeof header.identity), header.generation, header.lastId, header.lastSourceHash};
    index->m_entryCount = quint32(header.entryCount);
    index->m_vocabularySize = quint32(header.vocabularySize);
    index->m_tokenCount = header.tokenCount;
    index->m_postingCount = header.postingCount;
    index->m_vocabularyTable = at(Vocabulary);
    index->m_keys = reinterpret_cast<const char *>(at(Keys));
    index->m_keysSize = header.sections[Keys].size;
    index->m_postingOffsets = reinterpret_cast<const quint64 *>(at(PostingOffsets));
    index->m_postings = reinterpret_cast<const quint32 *>(at(Postings));
    index->m_filters = reinterpret_cast<const tmindex::Filter *>(at(Filters));
    index->m_entries = reinterpret_cast<const tmindex::Entry *>(at(Entries));
    index->m_tokens = reinterpret_cast<const quint32 *>(at(Tokens));
    // The last posting offset bounds every list: a damaged table can then never read outside.
    if (index->m_postingOffsets[header.vocabularySize] != header.postingCount)
        return indexError(path, QStringLiteral("the index is damaged: posting lists do not add up"));
    return index;
}

TmIndexFile::~TmIndexFile()
{
    const std::lock_guard lock(m_storeMutex);
    m_store.reset();
}

quint32 TmIndexFile::tokenId(const QString &key) const
{
    const QByteArray utf8 = key.toUtf8();
    const quint64 hash = keyHash(utf8);
    const auto *table = reinterpret_cast<const VocabularyRecord *>(m_vocabularyTable);
    const auto *end = table + m_vocabularySize;
    for (auto *r = std::lower_bound(table, end, hash, [](const VocabularyRecord &v, quint64 h) { return v.hash < h; });
         r != end && r->hash == hash; ++r) {
        if (r->keyBytes == quint32(utf8.size()) && quint64(r->keyOffset) + r->keyBytes <= m_keysSize
            && std::memcmp(m_keys + r->keyOffset, utf8.constData(), size_t(utf8.size())) == 0)
            return r->id < m_vocabularySize ? r->id : tmindex::kUnknownToken;
    }
    return tmindex::kUnknownToken;
}

TmUnit TmIndexFile::unit(quint32 entry) const
{
    const std::lock_guard lock(m_storeMutex);
    // Qt SQL: a connection is used only by the thread that opened it.
    if (!m_store || m_storeThread != QThread::currentThread()) {
        m_store.reset();
        m_storeThread = nullptr;
        if (auto store = TmStore::open(m_database)) {
            m_store = std::move(*store);
            m_storeThread = QThread::currentThread();
        }
    }
    if (!m_store || entry >= m_entryCount)
        return {};
    auto u = m_store->unit(m_entries[entry].unitId);
    return u ? *u : TmUnit{};
}

} // namespace wb
