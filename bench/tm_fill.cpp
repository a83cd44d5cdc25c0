// Fills a SQLite translation memory from a synthetic TSV (scripts/generate-synthetic-tm)
// and builds its persistent index, for the benchmarks over 100,000 to 10,000,000 units:
//
//   tm_fill MEMORY.tsv MEMORY.sqlite [--chunk 100000] [--no-index]
//
// TmStore::add in chunks (each chunk one transaction: what `tm import` does per file, without
// reading a whole TMX), then rebuildMemoryIndex (what `tm optimize` does). Reports the fill
// time, the index build time, the peak resident memory of each phase (VmHWM, reset between
// them through /proc/self/clear_refs), and the sizes on disk.
#include "proc_status.h"
#include "tm/memory_index.h"
#include "tm/tm_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

namespace {


bool resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

double mib(qint64 bytes) { return bytes / 1048576.0; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: tm_fill MEMORY.tsv MEMORY.sqlite [--chunk N] [--no-index]\n");
        return 2;
    }
    const QString tsv = args[1], database = args[2];
    const qsizetype chunkAt = args.indexOf(QStringLiteral("--chunk"));
    const int chunk = chunkAt > 0 ? args.value(chunkAt + 1).toInt() : 100000;
    const bool index = !args.contains(QStringLiteral("--no-index"));

    QFile file(tsv);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "tm_fill: cannot read %s\n", qPrintable(tsv));
        return 2;
    }
    auto store = wb::TmStore::open(database);
    if (!store) {
        std::fprintf(stderr, "tm_fill: %s\n", qPrintable(store.error().toString()));
        return 3;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 read = 0, added = 0;
    QList<wb::TmUnit> units;
    units.reserve(chunk);
    const QDateTime when = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
    auto flush = [&] {
        auto done = (*store)->add(units);
        if (!done) {
            std::fprintf(stderr, "tm_fill: %s\n", qPrintable(done.error().toString()));
            std::exit(3);
        }
        added += *done;
        units.clear();
        std::fprintf(stderr, "\r%lld units read, %lld new, %.0f s", read, added, timer.nsecsElapsed() / 1e9);
    };
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().chopped(1).split('\t');
        wb::TmUnit unit;
        unit.source = QString::fromUtf8(fields.value(0));
        unit.target = QString::fromUtf8(fields.value(1));
        unit.created = unit.changed = when;
        units.append(unit);
        ++read;
        if (units.size() >= chunk)
            flush();
    }
    if (!units.isEmpty())
        flush();
    std::fprintf(stderr, "\n");
    const double fillSeconds = timer.nsecsElapsed() / 1e9;
    const long fillPeakKiB = statusKiB("VmHWM:");
    store->reset(); // closed, as the index builder opens it itself

    double buildSeconds = 0;
    long buildPeakKiB = 0;
    const bool peakReset = resetPeak();
    if (index) {
        timer.start();
        if (wb::Status built = wb::rebuildMemoryIndex(database, QStringLiteral("en"), QStringLiteral("es")); !built) {
            std::fprintf(stderr, "tm_fill: %s\n", qPrintable(built.error().toString()));
            return 4;
        }
        buildSeconds = timer.nsecsElapsed() / 1e9;
        buildPeakKiB = statusKiB("VmHWM:");
    }
    const qint64 sqlite = QFileInfo(database).size(), wal = QFileInfo(database + QStringLiteral("-wal")).size();
    const qint64 indexBytes = QFileInfo(database + QStringLiteral(".en-es.tmindex")).size();
    std::printf("units read: %lld, new in the memory: %lld (duplicates updated)\n", read, added);
    std::printf("fill: %.1f s (%.0f units/s, chunks of %d), peak resident %.0f MiB\n", fillSeconds, read / fillSeconds, chunk,
                fillPeakKiB / 1024.0);
    if (index)
        std::printf("index build: %.1f s, peak resident %.0f MiB%s\n", buildSeconds, buildPeakKiB / 1024.0,
                    peakReset ? "" : " (peak not reset: includes the fill)");
    std::printf("on disk: memory %.1f MiB, -wal %.1f MiB, index %.1f MiB\n", mib(sqlite), mib(wal), mib(indexBytes));
    return 0;
}
