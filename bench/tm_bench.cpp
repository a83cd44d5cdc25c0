// Fuzzy lookup in a large translation memory, against a brute-force scan in the same run.
//
//   WB_TM_TSV=memory.tsv tm_bench [--check]      (memory.tsv from scripts/generate-synthetic-tm)
//   WB_TM_DB=memory.sqlite [WB_TM_TSV=memory.tsv] tm_bench [--check]
//
// With WB_TM_TSV alone the index is built in memory from the TSV. With WB_TM_DB the memory
// is opened as the CLI and the editor open it, through its persistent index
// (openIndexedMemory: the .tmindex file mapped, rebuilt first if missing or stale); the
// queries come from the TSV when given (the same 300 as the TSV mode), else from the
// memory's first units. Fill such a memory with tm_fill.
//
// Google Benchmark runs the indexed lookups and the brute-force baseline in the same run;
// main() then prints the summary. Reports: units, index build (or open) seconds, resident memory, and for 300 queries (near-misses of
// memory units and fresh sentences) the indexed top-5 lookup p50/p95; for 20 of them the
// brute-force scan (bit-parallel edit distance over every unit) and the speed ratio; and the
// recall of the brute-force top-1 whenever it scores >= 70. With --check, exits 1 unless
// that recall is 100% (the CI runs a 100,000-unit memory this way).
#include "proc_status.h"
#include "tm/memory_index.h"
#include "tm/tm_index.h"
#include "tm_queries.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

namespace {

long residentKiB() { return statusKiB("VmRSS:"); }

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[qsizetype(std::min<double>(values.size() - 1, p * values.size()))];
}

// Shared by the benchmarks: built once in main(), before Google Benchmark runs.
struct Fixture {
    std::unique_ptr<wb::TmIndex> index;
    QStringList queries;
    QList<double> indexedMs, scannedMs;
    QList<double> indexedCpuMs; ///< the lookup thread's CPU time: what the machine's other load does not inflate
    int recallChecked = 0, recallHit = 0;
};
Fixture *g_fixture = nullptr;

// One top-5 lookup per iteration, cycling through the queries; p50/p95 over all of them.
void BM_IndexedTop5Lookup(benchmark::State &state)
{
    Fixture &f = *g_fixture;
    QElapsedTimer timer;
    qsizetype next = 0;
    for (auto _ : state) {
        const double cpu = threadCpuMs();
        timer.start();
        benchmark::DoNotOptimize(f.index->lookup(f.queries[next++ % f.queries.size()], 50, 5));
        f.indexedMs.append(timer.nsecsElapsed() / 1e6);
        f.indexedCpuMs.append(threadCpuMs() - cpu);
    }
    state.counters["p50_ms"] = percentile(f.indexedMs, 0.5);
    state.counters["p95_ms"] = percentile(f.indexedMs, 0.95);
}

// The baseline: bit-parallel edit distance against every unit, on every 15th query. Also
// checks that the index returned the same top-1 score whenever the scan's is >= 70.
void BM_BruteForceScan(benchmark::State &state)
{
    Fixture &f = *g_fixture;
    QElapsedTimer timer;
    qsizetype next = 0;
    for (auto _ : state) {
        const QString &query = f.queries[(next++ * 15) % f.queries.size()];
        timer.start();
        const QList<wb::TmMatch> slow = f.index->lookupByScanning(query, 50, 5);
        f.scannedMs.append(timer.nsecsElapsed() / 1e6);
        state.PauseTiming();
        const QList<wb::TmMatch> fast = f.index->lookup(query, 50, 5);
        if (!slow.isEmpty() && slow.first().score >= 70) {
            ++f.recallChecked;
            f.recallHit += !fast.isEmpty() && fast.first().score == slow.first().score;
        }
        state.ResumeTiming();
    }
    state.counters["p50_ms"] = percentile(f.scannedMs, 0.5);
}

BENCHMARK(BM_IndexedTop5Lookup)->Unit(benchmark::kMillisecond)->Iterations(300);
BENCHMARK(BM_BruteForceScan)->Unit(benchmark::kMillisecond)->Iterations(20);

} // namespace

int main(int argc, char **argv)
{
    // --check is ours; the rest is Google Benchmark's.
    bool check = false;
    std::vector<char *> rest;
    for (int i = 0; i < argc; ++i) {
        if (i > 0 && QByteArray(argv[i]) == "--check")
            check = true;
        else
            rest.push_back(argv[i]);
    }
    int restCount = int(rest.size());
    QCoreApplication app(argc, argv); // Qt SQL's driver plugin (WB_TM_DB)
    const QString path = qEnvironmentVariable("WB_TM_TSV"), database = qEnvironmentVariable("WB_TM_DB");
    QFile file(path);
    if (database.isEmpty() && (path.isEmpty() || !file.open(QIODevice::ReadOnly))) {
        std::fprintf(stderr, "tm_bench: set WB_TM_TSV to a memory from scripts/generate-synthetic-tm, or WB_TM_DB to a memory from tm_fill\n");
        return 2;
    }
    Fixture fixture;
    g_fixture = &fixture;
    QElapsedTimer timer;
    timer.start();
    QStringList sources;
    QString rebuilt;
    if (!database.isEmpty()) {
        auto opened = wb::openIndexedMemory(database, QStringLiteral("en"), QStringLiteral("es"),
                                            [&](const QString &why) { rebuilt = why; });
        if (!opened) {
            std::fprintf(stderr, "tm_bench: %s\n", qPrintable(opened.error().toString()));
            return 2;
        }
        fixture.index = std::move(*opened);
        sources = path.isEmpty() ? QStringList() : wb::bench::tsvSources(path);
        for (int i = 0; sources.isEmpty() && i < std::min(5000, fixture.index->size()); ++i)
            sources.append(fixture.index->source(i));
    } else {
        fixture.index = std::make_unique<wb::TmIndex>(QStringLiteral("en"));
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().chopped(1).split('\t');
            wb::TmUnit unit;
            unit.source = QString::fromUtf8(fields.value(0));
            unit.target = QString::fromUtf8(fields.value(1));
            fixture.index->add(unit);
            if (sources.size() < 5000)
                sources.append(unit.source);
        }
        fixture.index->finishLoading();
    }
    wb::TmIndex &index = *fixture.index;
    const double buildSeconds = timer.nsecsElapsed() / 1e9;
    const long residentMiB = residentKiB() / 1024, anonMiB = statusKiB("RssAnon:") / 1024, fileMiB = statusKiB("RssFile:") / 1024;
    fixture.queries = wb::bench::tmQueries(sources);

    benchmark::Initialize(&restCount, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();

    const double p50 = percentile(fixture.indexedMs, 0.5), p95 = percentile(fixture.indexedMs, 0.95);
    const double scanP50 = percentile(fixture.scannedMs, 0.5);
    if (database.isEmpty()) {
        std::printf("units: %d\nindex build: %.1f s\nresident memory after build: %ld MiB\n", index.size(), buildSeconds, residentMiB);
    } else {
        std::printf("units: %d (%d through the persistent index, %d added in memory since)\n", index.size(), index.persistentSize(),
                    index.addedSize());
        if (!rebuilt.isEmpty())
            std::printf("index rebuilt before opening: %s\n", qPrintable(rebuilt));
        std::printf("open: %.3f s\nresident memory after opening: %ld MiB (anonymous %ld, file-backed %ld)\n", buildSeconds,
                    residentMiB, anonMiB, fileMiB);
        std::printf("resident memory after the lookups: %ld MiB, peak %ld MiB\n", residentKiB() / 1024, statusKiB("VmHWM:") / 1024);
    }
    std::printf("indexed top-5 lookup (%lld lookups): p50 %.3f ms, p95 %.3f ms (thread CPU time p50 %.3f ms, p95 %.3f ms)\n",
                qlonglong(fixture.indexedMs.size()), p50, p95, percentile(fixture.indexedCpuMs, 0.5), percentile(fixture.indexedCpuMs, 0.95));
    std::printf("brute-force scan (%lld queries): p50 %.1f ms\nspeed-up at the median: %.0fx\n", qlonglong(fixture.scannedMs.size()),
                scanP50, scanP50 / std::max(p50, 1e-6));
    std::printf("recall of the brute-force top-1 (score >= 70): %d/%d\n", fixture.recallHit, fixture.recallChecked);
    return check && (fixture.recallChecked == 0 || fixture.recallHit != fixture.recallChecked) ? 1 : 0;
}
