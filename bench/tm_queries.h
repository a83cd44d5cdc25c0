// The 300 lookup queries the translation memory benchmarks share (tm_bench, tm_process_bench):
// a memory unit with a word changed, dropped or added; every 5th a sentence the memory has
// nothing close to. `sources` are the first 5,000 sources of the memory, in file order, so a
// TSV and the SQLite memory filled from it give the same queries.
#pragma once
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

namespace wb::bench {

inline QStringList tmQueries(const QStringList &sources, int count = 300)
{
    QStringList queries;
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
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
    return queries;
}

/// The first `max` sources of a TSV memory (source<TAB>target).
inline QStringList tsvSources(const QString &path, int max = 5000)
{
    QStringList sources;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return sources;
    while (!file.atEnd() && sources.size() < max)
        sources.append(QString::fromUtf8(file.readLine().chopped(1).split('\t').value(0)));
    return sources;
}

} // namespace wb::bench
