// The editor (offscreen) on a user memory of 1,000,000 units with its persistent index: the
// time from the window appearing (show() and the first events processed) to the first memory
// match shown in the Memory panel for the current unit.
//
//   WB_TM_DB=DIR/pdq-workbench/memory.sqlite editor_tm_bench   (the memory and its .tmindex from tm_fill)
//
// The memory is the user's (TmStore::defaultPath(): $XDG_DATA_HOME/pdq-workbench/memory.sqlite):
// WB_TM_DB must be such a path, and XDG_DATA_HOME is set to its DIR.
// The project is the bundled summary (from its first body paragraph, whose units the
// synthetic memory has near-misses of), untranslated.
//
// Series: indexed, warm (page cache as the previous window left it); indexed, cold (the
// memory's files evicted with posix_fadvise DONTNEED before each window); and the baselines
// in the same run: the index removed before the window opens (the editor rebuilds it,
// once: the index is whole again afterwards) and no user memory at all (the time to the
// memory being loaded, as nothing can be shown).
#include "editor/editor_session.h"
#include "main_window.h"
#include "panels/memory_panel.h"
#include "tm/tm_store.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

QString g_database;
QString g_withMemory, g_withoutMemory;

QString makeProject(QTemporaryDir &dir)
{
    const QString root = dir.path();
    QDir().mkpath(root + QStringLiteral("/source-content/en"));
    QDir().mkpath(root + QStringLiteral("/glossary"));
    QDir().mkpath(root + QStringLiteral("/locales/es"));
    const QString from = QStringLiteral(WB_SOURCE_DIR);
    QFile::copy(from + QStringLiteral("/source-content/en/segmentation.srx"), root + QStringLiteral("/source-content/en/segmentation.srx"));
    QFile::copy(from + QStringLiteral("/glossary/en-es-medical.tbx"), root + QStringLiteral("/glossary/en-es-medical.tbx"));
    QFile summary(from + QStringLiteral("/source-content/en/adult-all-treatment.md"));
    summary.open(QIODevice::ReadOnly);
    const QByteArray text = summary.readAll();
    QFile out(root + QStringLiteral("/source-content/en/summary.md"));
    out.open(QIODevice::WriteOnly);
    out.write(text.mid(std::max<qsizetype>(0, text.indexOf("Acute lymphoblastic leukemia (ALL; also"))));
    return root;
}

QString &projectRoot()
{
    static QTemporaryDir dir;
    static QString root = makeProject(dir);
    return root;
}

QString indexPath() { return g_database + QStringLiteral(".en-es.tmindex"); }

void evictMemory()
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".en-es.tmindex")}) {
        const int fd = open(QFile::encodeName(g_database + suffix).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        fdatasync(fd);
        posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        close(fd);
    }
}

struct Opened {
    double toWindowMs = 0;     ///< open() to the window shown
    double toFirstMatchMs = 0; ///< window shown to the first match (or the memory loaded)
    int matches = 0;
};

Opened openAndWait(bool untilLoaded)
{
    Opened o;
    QElapsedTimer total;
    total.start();
    auto session = wb::EditorSession::open(projectRoot(), QStringLiteral("es"));
    if (!session)
        qFatal("%s", qPrintable(session.error().toString()));
    wb::gui::MainWindow window(std::move(*session));
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();
    o.toWindowMs = total.nsecsElapsed() / 1e6;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 300000) {
        if (untilLoaded ? window.memoryLoaded() : window.memory()->count() > 0)
            break;
        QApplication::processEvents(QEventLoop::AllEvents, 1);
        if (!untilLoaded && window.memoryLoaded() && window.memory()->count() == 0) {
            QApplication::processEvents();
            if (window.memory()->count() == 0)
                break; // loaded, and nothing to show for this unit
        }
    }
    o.toFirstMatchMs = timer.nsecsElapsed() / 1e6;
    o.matches = int(window.memory()->count());
    return o;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[qsizetype(std::min<double>(v.size() - 1, p * v.size()))];
}

void report(benchmark::State &state, const QList<double> &firstMatch, const QList<double> &window, int matches)
{
    state.counters["first_match_p50_ms"] = percentile(firstMatch, 0.5);
    state.counters["first_match_max_ms"] = percentile(firstMatch, 1);
    state.counters["open_to_window_p50_ms"] = percentile(window, 0.5);
    state.counters["matches_shown"] = matches;
    if (matches == 0)
        state.SetLabel("no match shown");
}

/// Arg: 0 warm, 1 cold (the memory's files evicted before each window).
void BM_FirstMatchIndexed(benchmark::State &state)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(g_withMemory));
    if (!QFileInfo::exists(indexPath())) {
        state.SkipWithError("the memory has no index: run tm_fill");
        for (auto _ : state) {}
        return;
    }
    QList<double> firstMatch, window;
    int matches = 0;
    for (auto _ : state) {
        if (state.range(0))
            evictMemory();
        const Opened o = openAndWait(false);
        firstMatch.append(o.toFirstMatchMs);
        window.append(o.toWindowMs);
        matches = o.matches;
        state.SetIterationTime(o.toFirstMatchMs / 1000);
    }
    report(state, firstMatch, window, matches);
}

/// Baseline: the index removed, so the editor rebuilds it before the first match.
void BM_FirstMatchIndexRemoved(benchmark::State &state)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(g_withMemory));
    QList<double> firstMatch, window;
    int matches = 0;
    for (auto _ : state) {
        QFile::remove(indexPath());
        const Opened o = openAndWait(false);
        firstMatch.append(o.toFirstMatchMs);
        window.append(o.toWindowMs);
        matches = o.matches;
        state.SetIterationTime(o.toFirstMatchMs / 1000);
    }
    report(state, firstMatch, window, matches);
}

/// Baseline: no user memory; the time to the (empty) memory being loaded.
void BM_MemoryLoadedNoUserMemory(benchmark::State &state)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(g_withoutMemory));
    QList<double> loaded, window;
    for (auto _ : state) {
        const Opened o = openAndWait(true);
        loaded.append(o.toFirstMatchMs);
        window.append(o.toWindowMs);
        state.SetIterationTime(o.toFirstMatchMs / 1000);
    }
    report(state, loaded, window, 0);
}

} // namespace

BENCHMARK(BM_FirstMatchIndexed)->Arg(0)->Arg(1)->Iterations(5)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MemoryLoadedNoUserMemory)->Iterations(5)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstMatchIndexRemoved)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (!message.contains(QLatin1String("propagateSizeHints")))
            std::fprintf(stderr, "%s%s\n", type == QtWarningMsg ? "warning: " : "", qPrintable(message));
    });
    qputenv("QT_QPA_PLATFORM", "offscreen");
    g_database = QFileInfo(qEnvironmentVariable("WB_TM_DB")).absoluteFilePath();
    if (qEnvironmentVariableIsEmpty("WB_TM_DB") || !QFileInfo::exists(g_database)) {
        std::fprintf(stderr, "editor_tm_bench: set WB_TM_DB to a memory from tm_fill\n");
        return 2;
    }
    // The user's memory is WB_TM_DB: it must be DIR/pdq-workbench/memory.sqlite, and DIR is
    // XDG_DATA_HOME (the index beside it is found through the memory's path).
    const QFileInfo memory(g_database);
    if (memory.fileName() != QLatin1String("memory.sqlite") || memory.dir().dirName() != QLatin1String("pdq-workbench")) {
        std::fprintf(stderr, "editor_tm_bench: WB_TM_DB must be DIR/pdq-workbench/memory.sqlite (tm_fill can make it there)\n");
        return 2;
    }
    QDir data = memory.dir();
    data.cdUp();
    QTemporaryDir withoutMemory, config;
    g_withMemory = data.absolutePath();
    g_withoutMemory = withoutMemory.path();
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(g_withMemory));
    QApplication app(argc, argv);
    if (wb::TmStore::defaultPath() != g_database)
        qFatal("defaultPath is %s, not %s", qPrintable(wb::TmStore::defaultPath()), qPrintable(g_database));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
