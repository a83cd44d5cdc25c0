// The editor on a 10,000-unit project (offscreen): opening it, and moving to the next unit
// with its glossary terms, spelling and QA. Targets: open <= 1 s, next unit p95 <= 16 ms.
//
// The project is the bundled summary repeated to 10,000 units, each unit translated with
// one of the correct Spanish sentences of tests/data/terminology (so spelling and QA work
// on real Spanish). The catalog exists before the timed open, as it does for a translator.
#include "editor/editor_session.h"
#include "main_window.h"
#include "po/po_catalog.h"
#include "project/project.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <algorithm>

namespace {

QString makeProject(QTemporaryDir &dir)
{
    const QString root = dir.path();
    QDir().mkpath(root + QStringLiteral("/source-content/en"));
    QDir().mkpath(root + QStringLiteral("/glossary"));
    QDir().mkpath(root + QStringLiteral("/locales/es"));
    const QString from = QStringLiteral(WB_SOURCE_DIR);
    QFile::copy(from + QStringLiteral("/source-content/en/segmentation.srx"), root + QStringLiteral("/source-content/en/segmentation.srx"));
    QFile::copy(from + QStringLiteral("/glossary/en-es-medical.tbx"), root + QStringLiteral("/glossary/en-es-medical.tbx"));
    for (const QString &dic : QDir(from + QStringLiteral("/locales/es")).entryList({QStringLiteral("*.dic")}))
        QFile::copy(from + QStringLiteral("/locales/es/") + dic, root + QStringLiteral("/locales/es/") + dic);
    QFile summary(from + QStringLiteral("/source-content/en/adult-all-treatment.md"));
    summary.open(QIODevice::ReadOnly);
    const QByteArray text = summary.readAll();
    QByteArray big;
    for (int copy = 0; copy < 28; ++copy)
        big += "## Part " + QByteArray::number(copy + 1) + "\n\n" + text + "\n";
    QFile out(root + QStringLiteral("/source-content/en/big.md"));
    out.open(QIODevice::WriteOnly);
    out.write(big);
    return root;
}

void translateEverything(const QString &catalogPath)
{
    QFile pairs(QStringLiteral(WB_SOURCE_DIR "/tests/data/terminology/labelled-targets.tsv"));
    pairs.open(QIODevice::ReadOnly);
    QStringList spanish;
    pairs.readLine();
    while (!pairs.atEnd()) {
        const QStringList f = QString::fromUtf8(pairs.readLine()).chopped(1).split(QLatin1Char('\t'));
        if (f.value(4).isEmpty())
            spanish.append(f.value(3));
    }
    auto catalog = *wb::PoCatalog::read(catalogPath);
    for (qsizetype i = 0; i < catalog.entries.size(); ++i)
        catalog.entries[i].msgstr = spanish[i % spanish.size()];
    catalog.write(catalogPath);
}

struct Project {
    QTemporaryDir dir;
    QString root = makeProject(dir);
    Project()
    {
        auto first = wb::EditorSession::open(root, QStringLiteral("es")); // creates the catalog
        translateEverything((*first)->catalogPath());
    }
};

Project &project()
{
    static Project p;
    return p;
}

void BM_OpenProject10000Units(benchmark::State &state)
{
    const QString root = project().root;
    int units = 0;
    for (auto _ : state) {
        auto session = wb::EditorSession::open(root, QStringLiteral("es"));
        units = (*session)->unitCount();
        wb::gui::MainWindow window(std::move(*session));
        window.resize(1400, 900);
        window.show();
        QApplication::processEvents();
    }
    state.counters["units"] = units;
}

void BM_NextUnit(benchmark::State &state)
{
    auto session = wb::EditorSession::open(project().root, QStringLiteral("es"));
    wb::gui::MainWindow window(std::move(*session));
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();
    QList<double> milliseconds;
    int unit = 1000;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        window.setCurrentUnit(++unit % window.session().unitCount());
        QApplication::processEvents(); // the repaint belongs to the step
        milliseconds.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    state.counters["p50_ms"] = milliseconds[milliseconds.size() / 2];
    state.counters["p95_ms"] = milliseconds[qsizetype(milliseconds.size() * 0.95)];
}

} // namespace

BENCHMARK(BM_OpenProject10000Units)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_NextUnit)->Unit(benchmark::kMillisecond)->Iterations(300);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
