// `workbench align` speed (docs/benchmarks.md, "Alignment"): a document pair of at least
// 2,000 sentences (the labelled TICO-19 set, tests/data/alignment, repeated), aligned
//  - whole process, as a user runs it: `workbench align EN.md ES.md -o OUT.tmx`;
//  - the peer in the same run, whole process: NLTK's Gale-Church (bench/nltk_align.py);
//  - in process: alignDocuments alone, the documents already segmented.
// Run with --benchmark_repetitions=5 --benchmark_report_aggregates_only=true for medians.
#include "align/document_aligner.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <algorithm>

using namespace wb;

namespace {

constexpr int kSentences = 2000;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The set's documents repeated until each side holds at least kSentences lines of text.
struct Pair {
    QTemporaryDir dir;
    QString en = dir.filePath(QStringLiteral("en.md"));
    QString es = dir.filePath(QStringLiteral("es.md"));
    int sentences = 0;
    Pair()
    {
        const QString data = QStringLiteral(WB_SOURCE_DIR "/tests/data/alignment/");
        const QByteArray en1 = readAll(data + QStringLiteral("en.md")), es1 = readAll(data + QStringLiteral("es.md"));
        const QList<QByteArray> lines = en1.split('\n');
        const int perCopy = int(std::count_if(lines.cbegin(), lines.cend(), [](const QByteArray &l) { return !l.isEmpty(); }));
        QByteArray enAll, esAll;
        while (sentences < kSentences) {
            enAll += en1 + '\n';
            esAll += es1 + '\n';
            sentences += perCopy;
        }
        QFile e(en), s(es);
        if (!e.open(QIODevice::WriteOnly) || !s.open(QIODevice::WriteOnly) || e.write(enAll) < 0 || s.write(esAll) < 0)
            qFatal("cannot write the document pair");
    }
};

Pair &pair()
{
    static Pair p;
    return p;
}

void runProcess(benchmark::State &state, const QString &program, const QStringList &arguments)
{
    for (auto _ : state) {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            state.SkipWithError(qPrintable(program + QStringLiteral(": ") + QString::fromUtf8(process.readAllStandardError())));
            return;
        }
    }
    state.counters["sentences"] = pair().sentences;
}

void BM_WorkbenchAlign_WholeProcess(benchmark::State &state)
{
    runProcess(state, QStringLiteral(WB_CLI),
               {QStringLiteral("align"), pair().en, pair().es, QStringLiteral("-o"), pair().dir.filePath(QStringLiteral("out.tmx"))});
}
BENCHMARK(BM_WorkbenchAlign_WholeProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_NltkGaleChurch_WholeProcess(benchmark::State &state)
{
    runProcess(state, QStringLiteral("/usr/bin/python3"),
               {QStringLiteral(WB_SOURCE_DIR "/bench/nltk_align.py"), pair().en, pair().es});
}
BENCHMARK(BM_NltkGaleChurch_WholeProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WorkbenchAlign_InProcess(benchmark::State &state)
{
    auto en = loadSegmenter({}, QStringLiteral("en"));
    auto es = loadSegmenter({}, QStringLiteral("es"));
    auto source = segmentFile(pair().en, **en);
    auto target = segmentFile(pair().es, **es);
    for (auto _ : state)
        benchmark::DoNotOptimize(alignDocuments(*source, *target));
    state.counters["units"] = double(source->units.size());
}
BENCHMARK(BM_WorkbenchAlign_InProcess)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
