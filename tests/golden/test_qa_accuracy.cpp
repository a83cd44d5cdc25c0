// Precision and recall of `check` on real professional EN→ES health translations that
// the dictionaries and glossaries never learned from (tests/data/qa-accuracy/README.md),
// with translate-toolkit's pofilter run on the same units in the same run.
#include "po/po_catalog.h"
#include "project/project_context.h"
#include "qa/check_suite.h"
#include "test_support.h"

#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

struct Pair {
    QString id, kind, source, target;
};

// professional.tsv: id origin en es; seeded.tsv: id kind origin en es change.
QList<Pair> readPairs(const QString &name)
{
    QList<Pair> pairs;
    const QStringList lines = QString::fromUtf8(test::readAll(test::dataDir() + QStringLiteral("/qa-accuracy/") + name))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList header = lines.value(0).split(QLatin1Char('\t'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        const auto column = [&](const char *c) { return f.value(header.indexOf(QLatin1String(c))); };
        pairs.append(Pair{column("id"), column("kind"), column("en"), column("es")});
    }
    return pairs;
}

// A seeded error is caught when a finding of its kind appears ("numbers" = numbers.*).
bool ofKind(const QString &check, const QString &kind)
{
    return check == kind || check.startsWith(kind + QLatin1Char('.'));
}

// What pofilter's tests are, in our kinds (it has no negation or glossary check).
QString pofilterKind(const QString &test)
{
    static const QMap<QString, QString> kinds = {
        {QStringLiteral("numbers"), QStringLiteral("numbers")},
        {QStringLiteral("endpunc"), QStringLiteral("punctuation")},
        {QStringLiteral("startpunc"), QStringLiteral("punctuation")},
        {QStringLiteral("puncspacing"), QStringLiteral("punctuation")},
        {QStringLiteral("sentencecount"), QStringLiteral("punctuation")},
        {QStringLiteral("spellcheck"), QStringLiteral("spelling")},
        {QStringLiteral("untranslated"), QStringLiteral("untranslated")},
        {QStringLiteral("unchanged"), QStringLiteral("untranslated")},
    };
    return kinds.value(test);
}

// Runs pofilter's default tests over the pairs; unit id -> the tests that flagged it.
QMap<QString, QStringList> runPofilter(const QList<Pair> &pairs, const QString &folder)
{
    QByteArray po = "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    const auto quoted = [](const QString &s) {
        QString q = s;
        q.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    };
    for (const Pair &p : pairs)
        po += QStringLiteral("msgctxt %1\nmsgid %2\nmsgstr %3\n\n").arg(quoted(p.id), quoted(p.source), quoted(p.target)).toUtf8();
    const QString in = folder + QStringLiteral("/in.po");
    const QString out = folder + QStringLiteral("/out.po");
    test::writeAll(in, po);
    const test::RunResult run = test::run(QStringLiteral("pofilter"), {QStringLiteral("--progress=none"), QStringLiteral("--language=es"), in, out});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    // Each flagged unit comes out with "# (pofilter) TEST: message" lines before it.
    QMap<QString, QStringList> flagged;
    QStringList tests;
    for (const QString &line : QString::fromUtf8(test::readAll(out)).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("# (pofilter) ")))
            tests.append(line.mid(13).section(QLatin1Char(':'), 0, 0));
        else if (line.startsWith(QLatin1String("msgctxt \""))) {
            if (!tests.isEmpty())
                flagged.insert(line.mid(9).chopped(1), tests);
            tests.clear();
        }
    }
    return flagged;
}

PoEntry entryOf(const Pair &pair)
{
    PoEntry entry;
    entry.context = pair.id;
    entry.msgid = pair.source;
    entry.msgstr = pair.target;
    return entry;
}

// Real errors the professionals left, read and confirmed one by one (real-errors.tsv):
// a finding on them is a true one, and each must still be found.
QSet<QString> realErrors()
{
    QSet<QString> known;
    const QStringList lines = QString::fromUtf8(test::readAll(test::dataDir() + QStringLiteral("/qa-accuracy/real-errors.tsv")))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i)
        known.insert(lines[i].section(QLatin1Char('\t'), 0, 1));
    return known;
}

struct Figures {
    int units = 0, unitsWithFalseErrors = 0, unitsWithFalseFindings = 0;
    QSet<QString> realErrorsFound;
    QMap<QString, int> falseErrorsByCheck;
    QMap<QString, int> seeds, caught, caughtAsError;
    QMap<QString, int> pofilterSeeds, pofilterCaught;
    int pofilterFlaggedUnits = 0;

    double falseErrorRate() const { return units ? double(unitsWithFalseErrors) / units : 0; }
    double pofilterFlagRate() const { return units ? double(pofilterFlaggedUnits) / units : 0; }
    static int total(const QMap<QString, int> &m)
    {
        int sum = 0;
        for (int v : m)
            sum += v;
        return sum;
    }
    double recall() const { return total(seeds) ? double(total(caught)) / total(seeds) : 0; }
    double pofilterRecall() const { return total(seeds) ? double(total(pofilterCaught)) / total(seeds) : 0; }
};

Figures measure(const QString &projectRoot, bool withPofilter)
{
    Figures figures;
    auto suite = ProjectContext::atFolder(projectRoot, QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
    EXPECT_TRUE(suite.ok()) << (suite.ok() ? "" : suite.error().message.toStdString());
    if (!suite.ok())
        return figures;
    const QSet<QString> real = realErrors();
    const QList<Pair> professional = readPairs(QStringLiteral("professional.tsv"));
    const QList<Pair> seeded = readPairs(QStringLiteral("seeded.tsv"));
    for (const Pair &pair : professional) {
        const Findings findings = (*suite)->checkUnit(entryOf(pair));
        bool error = false;
        for (const Finding &f : findings) {
            if (f.severity != Severity::Error)
                continue;
            if (const QString key = pair.id + QLatin1Char('\t') + f.check; real.contains(key)) {
                figures.realErrorsFound.insert(key);
                continue;
            }
            error = true;
            ++figures.falseErrorsByCheck[f.check];
            std::printf("[ qa-acc   ] false error %s %s: %s\n", qPrintable(pair.id), qPrintable(f.check), qPrintable(f.message));
        }
        ++figures.units;
        figures.unitsWithFalseErrors += error;
        figures.unitsWithFalseFindings += !findings.isEmpty();
    }
    for (const Pair &pair : seeded) {
        const Findings findings = (*suite)->checkUnit(entryOf(pair));
        ++figures.seeds[pair.kind];
        const bool caught = std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &f) { return ofKind(f.check, pair.kind); });
        const bool asError = std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &f) {
            return ofKind(f.check, pair.kind) && f.severity == Severity::Error;
        });
        figures.caught[pair.kind] += caught;
        figures.caughtAsError[pair.kind] += asError;
        if (!caught)
            std::printf("[ qa-acc   ] missed %s: %s\n", qPrintable(pair.id), qPrintable(pair.target));
    }

    if (!withPofilter)
        return figures;
    QTemporaryDir folder;
    const QMap<QString, QStringList> professionalFlags = runPofilter(professional, folder.path());
    figures.pofilterFlaggedUnits = int(professionalFlags.size());
    const QMap<QString, QStringList> seededFlags = runPofilter(seeded, folder.path());
    for (const Pair &pair : seeded) {
        const QStringList tests = seededFlags.value(pair.id);
        figures.pofilterCaught[pair.kind] += std::any_of(tests.cbegin(), tests.cend(), [&](const QString &t) {
            return pofilterKind(t) == pair.kind;
        });
    }
    return figures;
}

void print(const Figures &f, const char *label)
{
    std::printf("[ qa-acc   ] %s: %d professional units, %d with a false error (%.2f%%), %d real errors found, %d with any "
                "finding; pofilter flags %d (%.2f%%)\n",
                label, f.units, f.unitsWithFalseErrors, 100 * f.falseErrorRate(), int(f.realErrorsFound.size()),
                f.unitsWithFalseFindings, f.pofilterFlaggedUnits, 100 * f.pofilterFlagRate());
    for (auto it = f.falseErrorsByCheck.cbegin(); it != f.falseErrorsByCheck.cend(); ++it)
        std::printf("[ qa-acc   ]   false errors from %s: %d\n", qPrintable(it.key()), it.value());
    std::printf("[ qa-acc   ] | kind | seeds | caught (any severity) | caught as error | pofilter |\n");
    for (auto it = f.seeds.cbegin(); it != f.seeds.cend(); ++it)
        std::printf("[ qa-acc   ] | %s | %d | %d | %d | %d |\n", qPrintable(it.key()), it.value(), f.caught.value(it.key()),
                    f.caughtAsError.value(it.key()), f.pofilterCaught.value(it.key()));
    std::printf("[ qa-acc   ] recall %.4f (pofilter %.4f)\n", f.recall(), f.pofilterRecall());
}

} // namespace

// An error must mean "a reviewer would change this": at most 2% of professional units
// get one, at least 95% of seeded errors are caught by the check of their kind, and both
// figures beat pofilter's on the same units. A catalog checked outside any project gets
// the same medical knowledge: the glossaries and word lists built into the binary give
// the same figures as the project's own.
TEST(QaAccuracy, ProfessionalTranslationsPassAndSeededErrorsAreCaughtInAndOutsideAProject)
{
    const Figures f = measure(test::sourceDir(), true);
    print(f, "project");
    ASSERT_GE(f.units, 500);
    for (auto it = f.seeds.cbegin(); it != f.seeds.cend(); ++it)
        EXPECT_GE(it.value(), 20) << qPrintable(it.key());
    EXPECT_EQ(f.seeds.size(), 6) << "seeds of every kind";
    EXPECT_LE(f.falseErrorRate(), 0.02);
    EXPECT_EQ(f.realErrorsFound, realErrors()) << "every confirmed real error is still found";
    EXPECT_GE(f.recall(), 0.95);
    EXPECT_LT(f.falseErrorRate(), f.pofilterFlagRate());
    EXPECT_GT(f.recall(), f.pofilterRecall());

    const Figures outside = measure(QString(), false);
    std::printf("[ qa-acc   ] no project: %d units with a false error, recall %.4f\n", outside.unitsWithFalseErrors, outside.recall());
    EXPECT_EQ(outside.unitsWithFalseErrors, f.unitsWithFalseErrors);
    EXPECT_EQ(outside.caught, f.caught);
}
