#include "tm/tmx_import.h"
#include "common/bounded_queue.h"
#include "common/text_file.h"
#include "tm/memory_index.h"
#include "tm/tm_store.h"
#include "tm/tmx_format.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace wb {
namespace {
// Units go from the parsing thread to the storing one in batches (one lock per batch, not
// per unit); a few batches may wait, so neither thread idles while memory stays bounded.
constexpr size_t kBatchUnits = 512;
constexpr size_t kBatchesWaiting = 8;

// SQLite's page cache and FTS5's pending terms are freed when the store closes, but glibc
// keeps freed memory for later: the index build would then stack its arrays on top of the
// import's peak instead of reusing it (at a million units 490 MB against 300).
void giveFreedMemoryBack()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
} // namespace

Result<TmxImportOutcome> importTmxFile(const QString &file, const QString &database, const QString &targetLanguage,
                                       const std::function<void(const TmxImportProgress &)> &progress)
{
    using Phase = TmxImportProgress::Phase;
    auto tell = [&](Phase phase, qint64 units, qint64 done, qint64 total) {
        if (progress)
            progress(TmxImportProgress{phase, units, done, total});
    };
    // No size limit, unlike readFileBytes: the file is never held whole.
    const QFileInfo info(file);
    QFile input(file);
    if (Status opened = openInputFile(input); !opened)
        return opened.error();

    TmxImportOutcome outcome;
    QString sourceLanguage;
    {
        auto store = TmStore::open(database);
        if (!store)
            return store.error();
        auto writer = (*store)->write();
        if (!writer)
            return writer.error();
        // The file is parsed on a second thread while this one stores the units: the XML
        // costs about a third of the reading, SQLite the rest.
        BoundedQueue<std::vector<TmUnit>> batches(kBatchesWaiting);
        std::atomic<qint64> unitsRead = 0, bytesRead = 0;
        std::optional<Result<TmxSummary>> read;
        const QString origin = info.fileName();
        std::thread reader([&] {
            std::vector<TmUnit> batch;
            try {
                read = readTmx(
                    input, file, targetLanguage,
                    [&](TmUnit &u) -> Status {
                        if (u.origin.isEmpty())
                            u.origin = origin;
                        batch.push_back(std::move(u));
                        if (batch.size() < kBatchUnits)
                            return {};
                        if (!batches.push(std::exchange(batch, {})))
                            return Diagnostic{ErrorKind::InvalidInput, file, 0, 0, QStringLiteral("the import was stopped")};
                        return {};
                    },
                    [&](qsizetype units, qint64 bytes) {
                        unitsRead = units;
                        bytesRead = bytes;
                    });
                if (*read && !batch.empty())
                    batches.push(std::move(batch));
            } catch (const std::exception &e) { // out of memory: an error like any other, not a terminate
                read = Result<TmxSummary>(Diagnostic{ErrorKind::InvalidInput, file, 0, 0,
                                                     QStringLiteral("cannot read: %1").arg(QString::fromLocal8Bit(e.what()))});
            }
            batches.close();
        });
        Status stored;
        { // However this block is left (an exception from the writer or the progress callback
          // included), the reader is stopped and joined: a joinable thread destroyed ends the program.
            const auto joinReader = qScopeGuard([&] {
                batches.stop(); // a reader still going gives up at its next batch
                reader.join();
            });
            while (stored) {
                auto batch = batches.pop();
                if (!batch)
                    break;
                for (const TmUnit &u : *batch)
                    if (stored = (*writer)->add(u); !stored)
                        break;
                tell(Phase::Reading, unitsRead, bytesRead, info.size());
            }
        }
        if (!stored)
            return stored.error(); // the writer rolls back
        if (!*read)
            return read->error();
        tell(Phase::Reading, (*read)->units, info.size(), info.size());
        tell(Phase::Committing, (*read)->units, 0, 0);
        auto added = (*writer)->commit();
        if (!added)
            return added.error();
        outcome.read = (*read)->units;
        outcome.added = int(*added);
        sourceLanguage = (*read)->sourceLanguage;
    } // the store closes before the index reads the memory through its own connection

    giveFreedMemoryBack();
    if (outcome.read == 0)
        return outcome; // nothing of the pair changed: its index, if any, still serves
    // The index is a cache of the memory: failing to rebuild it loses no unit.
    qint64 toIndex = 0; // for the progress only: unknown if it cannot be counted
    if (auto store = TmStore::open(database))
        if (auto count = (*store)->unitCount(sourceLanguage, targetLanguage))
            toIndex = *count;
    tell(Phase::Indexing, 0, 0, toIndex);
    if (Status indexed = rebuildMemoryIndex(database, sourceLanguage, targetLanguage,
                                            [&](qint64 n) { tell(Phase::Indexing, n, n, toIndex); });
        !indexed)
        outcome.indexProblem = indexed.error();
    else
        tell(Phase::Indexing, toIndex, toIndex, toIndex);
    return outcome;
}

} // namespace wb
