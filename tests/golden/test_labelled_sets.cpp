// Precision and recall of the checks on labelled sets written for this project.
#include "qa/check_suite.h"
#include "project/project_context.h"
#include "qa/terminology_check.h"
#include "test_support.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <functional>
#include <optional>
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
    auto suite = ProjectContext::atFolder(test::sourceDir(), QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
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

namespace {

// The pairs of the labelled set that expect no terminology finding: correct, natural
// Spanish translations of the summary's sentences (written for this project).
QList<Row> cleanPairs()
{
    QList<Row> clean;
    for (const Row &row : readRows(test::dataDir() + QStringLiteral("/terminology/labelled-targets.tsv")))
        if (row.expected.isEmpty())
            clean.append(row);
    return clean;
}

Findings checkPair(CheckSuite &suite, const QString &source, const QString &target)
{
    PoEntry entry;
    entry.context = QStringLiteral("pair");
    entry.msgid = source;
    entry.msgstr = target;
    return suite.checkUnit(entry);
}

// One seeded error: a way to break a correct target, and the check that must catch it.
struct Seed {
    const char *check;
    std::function<std::optional<QString>(const QString &source, const QString &target)> apply;
};

QList<Seed> seeds()
{
    return {
        {"numbers", [](const QString &, const QString &t) -> std::optional<QString> {
             const qsizetype i = std::find_if(t.cbegin(), t.cend(), [](QChar c) { return c.isDigit(); }) - t.cbegin();
             if (i >= t.size())
                 return std::nullopt;
             QString broken = t;
             broken[i] = QChar('0' + (t[i].digitValue() + 1) % 10);
             return broken;
         }},
        {"spelling", [](const QString &, const QString &t) -> std::optional<QString> {
             // Swap two letters inside the longest word: a typical typo.
             static const QRegularExpression word(QStringLiteral("\\p{Ll}{7,}"), QRegularExpression::UseUnicodePropertiesOption);
             QRegularExpressionMatch longest;
             for (auto it = word.globalMatch(t); it.hasNext();) {
                 const auto m = it.next();
                 if (!longest.hasMatch() || m.capturedLength() > longest.capturedLength())
                     longest = m;
             }
             if (!longest.hasMatch())
                 return std::nullopt;
             QString broken = t;
             const qsizetype at = longest.capturedStart() + 2;
             std::swap(broken[at], broken[at + 1]);
             return broken == t ? std::nullopt : std::optional<QString>(broken);
         }},
        {"whitespace", [](const QString &, const QString &t) -> std::optional<QString> {
             QString broken = t;
             broken.replace(broken.indexOf(QLatin1Char(' ')), 1, QStringLiteral("  "));
             return broken;
         }},
        {"untranslated", [](const QString &s, const QString &) -> std::optional<QString> { return s; }},
        {"terminology", [](const QString &, const QString &t) -> std::optional<QString> {
             if (!t.contains(QStringLiteral("médula ósea")))
                 return std::nullopt;
             return QString(t).replace(QStringLiteral("médula ósea"), QStringLiteral("médula espinal"));
         }},
        {"punctuation", [](const QString &, const QString &t) -> std::optional<QString> {
             if (!t.endsWith(QLatin1Char('.')))
                 return std::nullopt;
             return t.chopped(1) + QLatin1Char('?');
         }},
        {"markup", [](const QString &, const QString &t) -> std::optional<QString> {
             const qsizetype space = t.indexOf(QLatin1Char(' '));
             return space < 0 ? std::nullopt : std::optional<QString>(QStringLiteral("**") + t.left(space) + QStringLiteral("**") + t.mid(space));
         }},
    };
}

} // namespace

// Real, correct Spanish: no check may fire on any of it.
TEST(LabelledSets, NoCheckFiresOnCorrectSpanish)
{
    auto suite = ProjectContext::atFolder(test::sourceDir(), QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
    ASSERT_TRUE(suite.ok());
    const QList<Row> clean = cleanPairs();
    ASSERT_GE(clean.size(), 75);
    for (const Row &row : clean)
        for (const Finding &f : checkPair(**suite, row.source, row.target))
            ADD_FAILURE() << qPrintable(row.id) << " " << qPrintable(f.check) << ": " << qPrintable(f.message);
}

// Seeded errors: every kind of check must catch its error, and clean units stay clean.
TEST(LabelledSets, SeededErrorsPrecisionAndRecall)
{
    auto suite = ProjectContext::atFolder(test::sourceDir(), QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
    ASSERT_TRUE(suite.ok());
    const QList<Row> clean = cleanPairs();
    Score score;
    QMap<QString, QPair<int, int>> perCheck; // caught, seeded
    for (const Row &row : clean) {
        if (!checkPair(**suite, row.source, row.target).isEmpty())
            ++score.falsePositives;
        for (const Seed &seed : seeds()) {
            const std::optional<QString> broken = seed.apply(row.source, row.target);
            if (!broken || *broken == row.target)
                continue;
            const Findings found = checkPair(**suite, row.source, *broken);
            const bool caught = std::any_of(found.cbegin(), found.cend(),
                                            [&](const Finding &f) { return f.check.startsWith(QLatin1String(seed.check)); });
            ++perCheck[QLatin1String(seed.check)].second;
            if (caught) {
                ++score.truePositives;
                ++perCheck[QLatin1String(seed.check)].first;
            } else {
                ++score.falseNegatives;
                std::cout << "  missed " << seed.check << " in " << qPrintable(row.id) << ": " << qPrintable(*broken) << "\n";
            }
        }
    }
    for (auto it = perCheck.cbegin(); it != perCheck.cend(); ++it)
        std::cout << "  " << qPrintable(it.key()) << ": " << it.value().first << "/" << it.value().second << " caught\n";
    std::cout << "seeded errors: precision " << score.precision() << ", recall " << score.recall() << " ("
              << score.truePositives << " caught, " << score.falseNegatives << " missed, " << score.falsePositives
              << " clean units flagged)\n";
    EXPECT_GE(score.precision(), 0.95);
    EXPECT_GE(score.recall(), 0.95);
}
