// `workbench tm lookup` as a user runs it: one process per query, against translate-toolkit's
// matcher over the same memory in the same run.
//
//   WB_TM_DB=memory.sqlite WB_TM_TSV=memory.tsv [WB_TM_TMX=memory.tmx] tm_process_bench
//
// memory.sqlite and its .tmindex from tm_fill, memory.tsv the TSV it was filled from (the
// queries: the same 300 as tm_bench, the first WB_TM_PROCESSES of them, default 60),
// memory.tmx the same memory as TMX 1.4 (scripts/tsv-to-tmx) for the baseline.
//
// Each iteration spawns one process (fork/exec, stdout read through a pipe) and measures its
// wall time and, through wait4, its peak resident memory. "cold": before each process the
// memory's files (the database, -wal, -shm and .tmindex, or the TMX) are evicted from the page
// cache with posix_fadvise(POSIX_FADV_DONTNEED), or with WB_EVICT=drop the whole page cache
// (sync; echo 3 > /proc/sys/vm/drop_caches: the program, Qt and Python cold too; needs root).
// The eviction is not timed (manual time). Also reported: each process's CPU time (user +
// system, from wait4), which the machine's other load does not inflate the way it does wall time. "warm": nothing evicted.
//
// Baseline (WB_TM_TMX set): bench/tt_match.py, translate-toolkit's matcher(store,
// max_candidates=5, min_similarity=50, max_length=1000), as a whole process per query (load
// the TMX, build the matcher, match: WB_TT_PROCESSES of them, default 8, it takes ~20 s
// each at 100,000 units) and in one process with the TMX loaded once (every query timed).
#include "tm_queries.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[qsizetype(std::min<double>(values.size() - 1, p * values.size()))];
}

struct Run {
    double wallMs = 0;
    long maxRssKiB = 0;
    double cpuMs = 0; ///< user + system time of the process: what it costs without the machine's other load
    int status = -1;
    QByteArray out;
};

/// Runs argv to completion in `dir`, with `input` on its stdin.
Run spawn(const QList<QByteArray> &argv, const QByteArray &dir, const QByteArray &input = {})
{
    std::vector<char *> args;
    for (const QByteArray &a : argv)
        args.push_back(const_cast<char *>(a.constData()));
    args.push_back(nullptr);
    int out[2], in[2];
    if (pipe(out) != 0 || pipe(in) != 0)
        std::abort();
    QElapsedTimer timer;
    timer.start();
    const pid_t child = fork();
    if (child == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        close(in[1]);
        close(out[0]);
        if (chdir(dir.constData()) != 0)
            _exit(126);
        execv(args[0], args.data());
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    if (!input.isEmpty() && write(in[1], input.constData(), size_t(input.size())) != input.size())
        std::abort();
    close(in[1]);
    Run run;
    char buffer[65536];
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
        run.out.append(buffer, n);
    close(out[0]);
    struct rusage usage {};
    wait4(child, &run.status, 0, &usage);
    run.wallMs = timer.nsecsElapsed() / 1e6;
    run.maxRssKiB = usage.ru_maxrss;
    run.cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    return run;
}

enum class Evict { None, Files, Drop };

void evict(const QStringList &files, Evict how)
{
    if (how == Evict::None)
        return;
    if (how == Evict::Drop) {
        sync();
        QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
        if (!drop.open(QIODevice::WriteOnly) || drop.write("3") != 1) {
            std::fprintf(stderr, "tm_process_bench: cannot write /proc/sys/vm/drop_caches\n");
            std::exit(2);
        }
        return;
    }
    for (const QString &path : files) {
        const int fd = open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        fdatasync(fd);
        posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        close(fd);
    }
}

struct Fixture {
    QString database, tmx;
    QByteArray cli = WB_CLI, python = "/usr/bin/python3", script = WB_SOURCE_DIR "/bench/tt_match.py", dir;
    QStringList queries;
    int processes = 60, ttProcesses = 8;
    Evict coldEviction = Evict::Files;
    // Per series: wall ms and peak resident KiB.
    QMap<QString, QList<double>> wall;
    QMap<QString, long> maxRss;
    QMap<QString, QList<double>> rss, cpu;
    QList<double> ttInProcessMs;
    double ttLoadSeconds = 0;
    int ttMatched = 0, wbMatched = 0, wbLookups = 0;
};
Fixture *g = nullptr;

void record(benchmark::State &state, const QString &series, const Run &run)
{
    g->wall[series].append(run.wallMs);
    g->rss[series].append(run.maxRssKiB / 1024.0);
    g->cpu[series].append(run.cpuMs);
    g->maxRss[series] = std::max(g->maxRss.value(series), run.maxRssKiB);
    state.SetIterationTime(run.wallMs / 1000);
    if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0)
        state.SkipWithError("the process failed");
}

void counters(benchmark::State &state, const QString &series)
{
    state.counters["p50_ms"] = percentile(g->wall[series], 0.5);
    state.counters["p95_ms"] = percentile(g->wall[series], 0.95);
    state.counters["cpu_p50_ms"] = percentile(g->cpu[series], 0.5);
    state.counters["max_rss_MiB"] = g->maxRss.value(series) / 1024.0;
    state.counters["p50_rss_MiB"] = percentile(g->rss[series], 0.5);
}

/// Arg: 1 cold, 0 warm.
void BM_WorkbenchLookupProcess(benchmark::State &state)
{
    const bool cold = state.range(0);
    const QString series = cold ? QStringLiteral("wb cold") : QStringLiteral("wb warm");
    const QStringList files{g->database, g->database + QStringLiteral("-wal"), g->database + QStringLiteral("-shm"),
                            g->database + QStringLiteral(".en-es.tmindex")};
    int next = 0;
    for (auto _ : state) {
        const QString &query = g->queries[next++ % g->queries.size()];
        evict(files, cold ? g->coldEviction : Evict::None);
        const Run run = spawn({g->cli, "tm", "lookup", query.toUtf8(), "--db", QFile::encodeName(g->database), "--json"}, g->dir);
        record(state, series, run);
        ++g->wbLookups;
        g->wbMatched += run.out.contains("\"score\"");
    }
    counters(state, series);
}

/// Arg: 1 cold, 0 warm.
void BM_TranslateToolkitProcess(benchmark::State &state)
{
    if (g->tmx.isEmpty()) {
        state.SkipWithError("WB_TM_TMX not set");
        for (auto _ : state) {}
        return;
    }
    const bool cold = state.range(0);
    const QString series = cold ? QStringLiteral("tt cold") : QStringLiteral("tt warm");
    int next = 0;
    for (auto _ : state) {
        const QString &query = g->queries[next++ % g->queries.size()];
        evict({g->tmx}, cold ? g->coldEviction : Evict::None);
        const Run run = spawn({g->python, g->script, QFile::encodeName(g->tmx), "--one", query.toUtf8(), "--max-length", "1000"}, g->dir);
        record(state, series, run);
    }
    counters(state, series);
}

/// translate-toolkit with the TMX loaded once: every query's match() timed inside Python.
void BM_TranslateToolkitInProcess(benchmark::State &state)
{
    if (g->tmx.isEmpty()) {
        state.SkipWithError("WB_TM_TMX not set");
        for (auto _ : state) {}
        return;
    }
    for (auto _ : state) {
        QByteArray input;
        for (const QString &q : g->queries)
            input += q.toUtf8() + '\n';
        const Run run = spawn({g->python, g->script, QFile::encodeName(g->tmx), "--many", "--max-length", "1000"}, g->dir, input);
        state.SetIterationTime(run.wallMs / 1000);
        g->ttInProcessMs.clear();
        g->ttMatched = 0;
        for (const QByteArray &line : run.out.split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.value(0) == "load")
                g->ttLoadSeconds = f.value(1).toDouble();
            else if (f.size() == 2) {
                g->ttInProcessMs.append(f[0].toDouble());
                g->ttMatched += f[1].toInt() > 0;
            }
        }
    }
    state.counters["load_s"] = g->ttLoadSeconds;
    state.counters["p50_ms"] = percentile(g->ttInProcessMs, 0.5);
    state.counters["p95_ms"] = percentile(g->ttInProcessMs, 0.95);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Fixture fixture;
    g = &fixture;
    fixture.database = QFileInfo(qEnvironmentVariable("WB_TM_DB")).absoluteFilePath();
    const QString tsv = qEnvironmentVariable("WB_TM_TSV");
    if (qEnvironmentVariableIsEmpty("WB_TM_DB") || !QFileInfo::exists(fixture.database) || tsv.isEmpty()) {
        std::fprintf(stderr, "tm_process_bench: set WB_TM_DB (a memory from tm_fill) and WB_TM_TSV (the TSV it was filled from)\n");
        return 2;
    }
    if (!qEnvironmentVariableIsEmpty("WB_TM_TMX"))
        fixture.tmx = QFileInfo(qEnvironmentVariable("WB_TM_TMX")).absoluteFilePath();
    fixture.processes = qEnvironmentVariableIntValue("WB_TM_PROCESSES") > 0 ? qEnvironmentVariableIntValue("WB_TM_PROCESSES") : 60;
    fixture.ttProcesses = qEnvironmentVariableIntValue("WB_TT_PROCESSES") > 0 ? qEnvironmentVariableIntValue("WB_TT_PROCESSES") : 8;
    fixture.coldEviction = qEnvironmentVariable("WB_EVICT") == QLatin1String("drop") ? Evict::Drop : Evict::Files;
    // Away from any project: the lookup reads the given memory only.
    fixture.dir = QFile::encodeName(QFileInfo(fixture.database).absolutePath());
    fixture.queries = wb::bench::tmQueries(wb::bench::tsvSources(tsv)).mid(0, fixture.processes);

    benchmark::RegisterBenchmark("BM_WorkbenchLookupProcess/cold", BM_WorkbenchLookupProcess)->Arg(1)
        ->Iterations(fixture.processes)->UseManualTime()->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_WorkbenchLookupProcess/warm", BM_WorkbenchLookupProcess)->Arg(0)
        ->Iterations(fixture.processes)->UseManualTime()->Unit(benchmark::kMillisecond);
    if (!fixture.tmx.isEmpty()) {
        benchmark::RegisterBenchmark("BM_TranslateToolkitProcess/cold", BM_TranslateToolkitProcess)->Arg(1)
            ->Iterations(fixture.ttProcesses)->UseManualTime()->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_TranslateToolkitProcess/warm", BM_TranslateToolkitProcess)->Arg(0)
            ->Iterations(fixture.ttProcesses)->UseManualTime()->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_TranslateToolkitInProcess", BM_TranslateToolkitInProcess)
            ->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();

    const char *how = fixture.coldEviction == Evict::Drop ? "drop_caches (whole page cache)" : "posix_fadvise DONTNEED on the memory's files";
    double load[3] = {};
    getloadavg(load, 3);
    std::printf("load average at the end: %.1f %.1f %.1f (2 cores)\n", load[0], load[1], load[2]);
    std::printf("memory: %s (%.1f MiB, index %.1f MiB)\ncold = %s\n", qPrintable(fixture.database),
                QFileInfo(fixture.database).size() / 1048576.0,
                QFileInfo(fixture.database + QStringLiteral(".en-es.tmindex")).size() / 1048576.0, how);
    for (const QString &series : fixture.wall.keys())
        std::printf("%-8s %3lld processes: wall p50 %8.1f ms, p95 %8.1f ms; cpu (user+sys) p50 %8.1f ms, p95 %8.1f ms; "
                    "peak resident p50 %.0f MiB, max %.0f MiB\n",
                    qPrintable(series), qlonglong(fixture.wall[series].size()), percentile(fixture.wall[series], 0.5),
                    percentile(fixture.wall[series], 0.95), percentile(fixture.cpu[series], 0.5), percentile(fixture.cpu[series], 0.95),
                    percentile(fixture.rss[series], 0.5), fixture.maxRss[series] / 1024.0);
    std::printf("workbench lookups with a match: %d/%d\n", fixture.wbMatched, fixture.wbLookups);
    if (!fixture.ttInProcessMs.isEmpty())
        std::printf("translate-toolkit in one process: load %.1f s, then %lld matches p50 %.1f ms, p95 %.1f ms (%d with a match)\n",
                    fixture.ttLoadSeconds, qlonglong(fixture.ttInProcessMs.size()), percentile(fixture.ttInProcessMs, 0.5),
                    percentile(fixture.ttInProcessMs, 0.95), fixture.ttMatched);
    for (const char *mode : {"cold", "warm"}) {
        const QString wb = QStringLiteral("wb %1").arg(QLatin1String(mode)), tt = QStringLiteral("tt %1").arg(QLatin1String(mode));
        if (fixture.wall.contains(wb) && fixture.wall.contains(tt))
            std::printf("whole process, %s: translate-toolkit / workbench at the median = %.0fx\n", mode,
                        percentile(fixture.wall[tt], 0.5) / std::max(1e-6, percentile(fixture.wall[wb], 0.5)));
    }
    return 0;
}
