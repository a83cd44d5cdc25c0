// Fuzzy lookup in a large translation memory, against a brute-force scan in the same run.
//
//   WB_TM_TSV=memory.tsv tm_bench [--check]      (memory.tsv from scripts/generate-synthetic-tm)
//
// Reports: units, index build seconds, resident memory, and for 300 queries (near-misses of
// memory units and fresh sentences) the indexed top-5 lookup p50/p95; for 20 of them the
// brute-force scan (bit-parallel edit distance over every unit) and the speed ratio; and the
// recall of the brute-force top-1 whenever it scores >= 70. With --check, exits 1 unless
// that recall is 100% (the CI runs a 100,000-unit memory this way).
#include "tm/tm_index.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <algorithm>
#include <cstdio>

namespace {

long residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[qsizetype(std::min<double>(values.size() - 1, p * values.size()))];
}

} // namespace

int main(int argc, char **argv)
{
    const bool check = argc > 1 && QByteArray(argv[1]) == "--check";
    const QString path = qEnvironmentVariable("WB_TM_TSV");
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "tm_bench: set WB_TM_TSV to a memory from scripts/generate-synthetic-tm\n");
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    wb::TmIndex index(QStringLiteral("en"));
    QStringList sources;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().chopped(1).split('\t');
        wb::TmUnit unit;
        unit.source = QString::fromUtf8(fields.value(0));
        unit.target = QString::fromUtf8(fields.value(1));
        index.add(unit);
        if (sources.size() < 5000)
            sources.append(unit.source);
    }
    index.finishLoading();
    const double buildSeconds = timer.nsecsElapsed() / 1e9;

    // Queries: a memory unit with a word changed, dropped or added; every 5th a sentence
    // the memory has nothing close to.
    QRandomGenerator random(42);
    QStringList queries;
    for (int i = 0; i < 300; ++i) {
        QStringList words = sources[int(random.bounded(sources.size()))].split(QLatin1Char(' '));
        if (i % 5 == 4) {
            queries.append(QStringLiteral("Completely unrelated words about gardens and weather number %1").arg(i));
            continue;
        }
        const int at = int(random.bounded(words.size()));
        if (i % 3 == 0 && words.size() > 3)
            words.removeAt(at);
        else if (i % 3 == 1)
            words.insert(at, QStringLiteral("very"));
        else
            words[at] = QStringLiteral("different");
        queries.append(words.join(QLatin1Char(' ')));
    }
    QList<double> indexed, scanned;
    int recallChecked = 0, recallHit = 0;
    for (int i = 0; i < queries.size(); ++i) {
        timer.restart();
        const QList<wb::TmMatch> fast = index.lookup(queries[i], 50, 5);
        indexed.append(timer.nsecsElapsed() / 1e6);
        if (i % 15 != 0)
            continue; // the scan takes long: 20 of the queries
        timer.restart();
        const QList<wb::TmMatch> slow = index.lookupByScanning(queries[i], 50, 5);
        scanned.append(timer.nsecsElapsed() / 1e6);
        if (!slow.isEmpty() && slow.first().score >= 70) {
            ++recallChecked;
            recallHit += !fast.isEmpty() && fast.first().score == slow.first().score;
        }
    }
    const double p50 = percentile(indexed, 0.5), p95 = percentile(indexed, 0.95), scanP50 = percentile(scanned, 0.5);
    std::printf("units: %d\nindex build: %.1f s\nresident memory: %ld MiB\n", index.size(), buildSeconds, residentKiB() / 1024);
    std::printf("indexed top-5 lookup (300 queries): p50 %.3f ms, p95 %.3f ms\n", p50, p95);
    std::printf("brute-force scan (20 queries): p50 %.1f ms\nspeed-up at the median: %.0fx\n", scanP50, scanP50 / std::max(p50, 1e-6));
    std::printf("recall of the brute-force top-1 (score >= 70): %d/%d\n", recallHit, recallChecked);
    return check && recallHit != recallChecked ? 1 : 0;
}
