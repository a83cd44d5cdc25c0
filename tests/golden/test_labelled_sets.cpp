// Precision and recall of the checks on labelled sets written for this project.
#include "qa/check_suite.h"
#include "qa/terminology_check.h"
#include "test_support.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace wb;

namespace {

struct Row {
    QString id, category, source, target;
    QSet<QString> expected;
};

QList<Row> readRows(const QString &path)
{
    QList<Row> rows;
    const QStringList lines = QString::fromUtf8(test::readAll(path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        if (f.size() < 4)
            continue;
        Row row{f[0], f[1], f[2], f[3], {}};
        for (const QString &e : f.value(4).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            row.expected.insert(e.trimmed());
        rows.append(row);
    }
    return rows;
}

struct Score {
    int truePositives = 0, falsePositives = 0, falseNegatives = 0;
    double precision() const { return truePositives + falsePositives ? double(truePositives) / (truePositives + falsePositives) : 1.0; }
    double recall() const { return truePositives + falseNegatives ? double(truePositives) / (truePositives + falseNegatives) : 1.0; }
};

} // namespace

// tests/data/terminology/labelled-targets.tsv: 144 EN->ES pairs labelled by hand against
// the TBX (inflections, synonyms, acronyms, wrong, forbidden and missing terms, counts).
TEST(LabelledSets, TerminologyPrecisionAndRecallAtLeast95Percent)
{
    auto suite = CheckSuite::load(test::sourceDir(), QStringLiteral("en"), QStringLiteral("es"), {});
    ASSERT_TRUE(suite.ok()) << qPrintable(suite.error().toString());
    const QList<Row> rows = readRows(test::dataDir() + QStringLiteral("/terminology/labelled-targets.tsv"));
    ASSERT_GE(rows.size(), 120);
    Score score;
    for (const Row &row : rows) {
        QSet<QString> found;
        for (const Finding &f : (*suite)->terminology().check(row.source, row.target))
            found.insert(f.check + QLatin1Char(':') + f.subject);
        for (const QString &f : found) {
            if (row.expected.contains(f))
                ++score.truePositives;
            else {
                ++score.falsePositives;
                std::cout << "  false alarm " << qPrintable(row.id) << " " << qPrintable(f) << "\n";
            }
        }
        for (const QString &e : row.expected)
            if (!found.contains(e)) {
                ++score.falseNegatives;
                std::cout << "  missed " << qPrintable(row.id) << " " << qPrintable(e) << "\n";
            }
    }
    std::cout << "terminology: precision " << score.precision() << ", recall " << score.recall() << " ("
              << score.truePositives << " true, " << score.falsePositives << " false alarms, " << score.falseNegatives
              << " missed, " << rows.size() << " pairs)\n";
    EXPECT_GE(score.precision(), 0.95);
    EXPECT_GE(score.recall(), 0.95);
}
