#include "tm/memory_index.h"
#include "tm/tm_index_file.h"
#include "tm/tm_store.h"

namespace wb {
namespace {

// Units added since the index was built are indexed in memory at every open: past this
// many, an open rebuilds the file instead (a one-off cost, rather than one at every start).
constexpr qint64 kLargestDelta = 100000;

// Why an index that opened cleanly cannot serve the memory as it is now; empty if it can.
QString mismatch(const TmIndexStamp &index, const QString &identity, qint64 generation, qint64 lastId)
{
    if (index.identity != identity)
        return QStringLiteral("the index belongs to another memory");
    if (index.generation > generation || index.lastId > lastId)
        return QStringLiteral("the memory is older than its index (restored from a copy?)");
    return {};
}

Result<std::unique_ptr<TmIndex>> indexInMemory(const TmStore &store, const QString &sourceLanguage, const QString &targetLanguage)
{
    auto index = std::make_unique<TmIndex>(sourceLanguage);
    if (Status read = store.forEachUnit(sourceLanguage, targetLanguage, 0, [&](const TmUnit &u) { index->add(u); return true; }); !read)
        return read.error();
    return index;
}

} // namespace

Status rebuildMemoryIndex(const QString &database, const QString &sourceLanguage, const QString &targetLanguage,
                          const std::function<void(qint64)> &progress)
{
    auto store = TmStore::open(database);
    if (!store)
        return store.error();
    return TmIndexFile::build(**store, sourceLanguage, targetLanguage, progress);
}

Result<std::unique_ptr<TmIndex>> openIndexedMemory(const QString &database, const QString &sourceLanguage, const QString &targetLanguage,
                                                   const std::function<void(const QString &why)> &rebuilding,
                                                   const std::function<void(qint64)> &progress)
{
    auto store = TmStore::open(database);
    if (!store)
        return store.error();
    auto identity = (*store)->identity();
    if (!identity)
        return identity.error();
    auto generation = (*store)->generation();
    if (!generation)
        return generation.error();
    auto lastId = (*store)->lastId();
    if (!lastId)
        return lastId.error();

    auto file = TmIndexFile::open(database, sourceLanguage, targetLanguage);
    QString why = file ? mismatch((*file)->stamp(), *identity, *generation, *lastId) : file.error().message;
    if (why.isEmpty() && (*file)->stamp().lastId > 0) {
        // Same identity, generation and ids can still be another history: a copy of the
        // memory changed elsewhere and copied back. Its last indexed unit tells.
        auto last = (*store)->unit((*file)->stamp().lastId);
        if (!last || tmindex::stableHash(last->source.toUtf8()) != (*file)->stamp().lastSourceHash)
            why = QStringLiteral("the memory's units are not the ones indexed (a copy changed elsewhere?)");
    }
    if (why.isEmpty() && (*file)->stamp().lastId < *lastId) {
        auto behind = (*store)->unitCount(sourceLanguage, targetLanguage, (*file)->stamp().lastId);
        if (!behind)
            return behind.error();
        if (*behind > kLargestDelta)
            why = QStringLiteral("%1 units were added since the index was built").arg(*behind);
    }
    if (!why.isEmpty()) {
        if (rebuilding)
            rebuilding(why);
        if (Status built = TmIndexFile::build(**store, sourceLanguage, targetLanguage, progress); !built)
            return indexInMemory(**store, sourceLanguage, targetLanguage); // a folder we may not write: the slow way
        file = TmIndexFile::open(database, sourceLanguage, targetLanguage);
        if (!file)
            return indexInMemory(**store, sourceLanguage, targetLanguage);
    }
    const qint64 indexed = (*file)->stamp().lastId;
    auto index = std::make_unique<TmIndex>(sourceLanguage, std::move(*file));
    // The delta: units written since the build (confirmed in the editor, imported by an
    // older workbench). Units updated in place need nothing: their texts are read from the
    // database when shown.
    if (Status read = (*store)->forEachUnit(sourceLanguage, targetLanguage, indexed, [&](const TmUnit &u) { index->add(u); return true; }); !read)
        return read.error();
    return index;
}

} // namespace wb
