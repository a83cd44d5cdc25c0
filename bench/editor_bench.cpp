// The editor on a 10,000-unit project (offscreen): opening it, moving to the next unit with
// its glossary terms, memory matches (with their QA marks), spelling and QA, with each side
// panel in view, and the time from a keystroke to the live QA underline. Targets: open <= 1 s,
// next unit p95 <= 16 ms, keystroke to underline p95 <= 50 ms. Baseline in the same run: the
// same keystrokes into a bare QPlainTextEdit.
//
// The project is the bundled summary repeated to 10,000 units, each unit translated with
// one of the correct Spanish sentences of tests/data/terminology (so spelling and QA work
// on real Spanish). The catalog exists before the timed open, as it does for a translator.
#include "editor/editor_session.h"
#include "main_window.h"
#include "editor/target_editor.h"
#include "po/po_catalog.h"
#include "project/project.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <algorithm>
#include <cstdio>

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
    if (wb::Status written = catalog.write(catalogPath); !written)
        qFatal("%s", qPrintable(written.error().toString()));
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

/// A window on the project with its memory loaded (built on a worker thread at opening).
std::unique_ptr<wb::gui::MainWindow> openWindow()
{
    auto session = wb::EditorSession::open(project().root, QStringLiteral("es"));
    auto window = std::make_unique<wb::gui::MainWindow>(std::move(*session));
    window->resize(1400, 900);
    window->show();
    QElapsedTimer waited;
    waited.start();
    while (!window->memoryLoaded() && waited.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return window;
}

void reportPercentiles(benchmark::State &state, QList<double> milliseconds)
{
    std::sort(milliseconds.begin(), milliseconds.end());
    state.counters["p50_ms"] = milliseconds[milliseconds.size() / 2];
    state.counters["p95_ms"] = milliseconds[qsizetype(milliseconds.size() * 0.95)];
}

/// Arg: the side panel in view (its tab title: 0 Glossary, 1 Memory, 2 QA, 3 Preview, 4 Review).
void BM_NextUnit(benchmark::State &state)
{
    auto window = openWindow();
    auto *tabs = window->findChild<QTabWidget *>();
    tabs->setCurrentIndex(int(state.range(0)));
    QApplication::processEvents();
    QList<double> milliseconds;
    int unit = 1000;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        window->setCurrentUnit(++unit % window->session().unitCount());
        QApplication::processEvents(); // the repaint belongs to the step
        milliseconds.append(timer.nsecsElapsed() / 1e6);
    }
    state.SetLabel(tabs->tabText(int(state.range(0))).toStdString());
    reportPercentiles(state, milliseconds);
}

/// The preview of the whole document with the current unit highlighted, rendered after a
/// pause (not part of a step): localize, render with cmark-gfm, lay out in QTextBrowser.
void BM_PreviewRefresh(benchmark::State &state)
{
    auto window = openWindow();
    window->findChild<QTabWidget *>()->setCurrentIndex(3);
    QList<double> milliseconds;
    int unit = 1000;
    for (auto _ : state) {
        window->setCurrentUnit(++unit);
        QElapsedTimer timer;
        timer.start();
        window->refreshPreview();
        QApplication::processEvents();
        milliseconds.append(timer.nsecsElapsed() / 1e6);
    }
    reportPercentiles(state, milliseconds);
}

/// One key typed into a target, until the editor has repainted with spelling and QA
/// underlines for the new text (the highlighter runs the unit's checks on every change).
template <typename Editor>
QList<double> typeKeys(Editor *editor, benchmark::State &state)
{
    QList<double> milliseconds;
    const QString keys = QStringLiteral("La médula ósea no produce 3 tipos de células sanguíneas. ");
    int n = 0;
    for (auto _ : state) {
        const QString key(keys[n++ % keys.size()]);
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, key), release(QEvent::KeyRelease, 0, Qt::NoModifier, key);
        QElapsedTimer timer;
        timer.start();
        QApplication::sendEvent(editor, &press);
        QApplication::sendEvent(editor, &release);
        QApplication::processEvents();
        milliseconds.append(timer.nsecsElapsed() / 1e6);
    }
    return milliseconds;
}

void BM_KeystrokeToQaUnderline(benchmark::State &state)
{
    auto window = openWindow();
    window->setCurrentUnit(2000);
    window->editor()->setFocus();
    reportPercentiles(state, typeKeys(window->editor(), state));
}

void BM_KeystrokeBareEditorBaseline(benchmark::State &state)
{
    QPlainTextEdit editor;
    editor.resize(700, 300);
    editor.show();
    editor.setFocus();
    QApplication::processEvents();
    reportPercentiles(state, typeKeys(&editor, state));
}

} // namespace

BENCHMARK(BM_OpenProject10000Units)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_NextUnit)->Unit(benchmark::kMillisecond)->Iterations(300)->DenseRange(0, 4);
BENCHMARK(BM_PreviewRefresh)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_KeystrokeToQaUnderline)->Unit(benchmark::kMillisecond)->Iterations(300);
BENCHMARK(BM_KeystrokeBareEditorBaseline)->Unit(benchmark::kMillisecond)->Iterations(300);

int main(int argc, char **argv)
{
    // The offscreen platform warns on every label that wraps; the figures are what matters.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (!message.contains(QLatin1String("propagateSizeHints")))
            std::fprintf(stderr, "%s%s\n", type == QtWarningMsg ? "warning: " : "", qPrintable(message));
    });
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // The user's memory and settings of this machine stay out of the figures.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path()));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
