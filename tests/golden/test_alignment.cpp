// Alignment (docs/alignment.md) measured on real professional translations: TICO-19's EN->ES
// health sentences reassembled into a Markdown document pair by scripts/make-alignment-set,
// with Spanish sentences merged and dropped so the right answer is known (tests/data/alignment).
#include "align/aligned_drafts.h"
#include "align/document_aligner.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "project/project.h"
#include "review/review_record.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <cstdio>

using namespace wb;
using test::runCli;

namespace {

QString dataFile(const QString &name)
{
    return test::dataDir() + QStringLiteral("/alignment/") + name;
}

SegmentedDocument segmented(const QString &path, const QString &language)
{
    auto segmenter = loadSegmenter({}, language);
    EXPECT_TRUE(segmenter.ok());
    auto doc = segmentFile(path, **segmenter);
    EXPECT_TRUE(doc.ok()) << qPrintable(doc.error().toString());
    return doc.ok() ? *doc : SegmentedDocument{};
}

using LinePair = QPair<int, int>;

// Links as atomic line pairs: the set has one sentence per line on both sides.
QSet<LinePair> linePairsOf(const DocumentAlignment &alignment, const SegmentedDocument &en, const SegmentedDocument &es)
{
    QSet<LinePair> pairs;
    for (const AlignedLink &link : alignment.links)
        for (int s : link.sourceUnits)
            for (int t : link.targetUnits)
                pairs.insert({en.units[s].line, es.units[t].line});
    return pairs;
}

QSet<LinePair> gold()
{
    QSet<LinePair> pairs;
    const QList<QByteArray> lines = test::readAll(dataFile(QStringLiteral("gold.tsv"))).split('\n');
    for (const QByteArray &line : lines.mid(1)) {
        const QList<QByteArray> cells = line.split('\t');
        if (cells.size() == 2)
            pairs.insert({cells[0].toInt(), cells[1].toInt()});
    }
    return pairs;
}

} // namespace

TEST(Alignment, LinksOnRealProfessionalTranslationsArePreciseAndComplete)
{
    const SegmentedDocument en = segmented(dataFile(QStringLiteral("en.md")), QStringLiteral("en"));
    const SegmentedDocument es = segmented(dataFile(QStringLiteral("es.md")), QStringLiteral("es"));
    ASSERT_GT(en.units.size(), 800);
    const DocumentAlignment alignment = alignDocuments(en, es);
    const QSet<LinePair> predicted = linePairsOf(alignment, en, es);
    const QSet<LinePair> expected = gold();
    ASSERT_GT(expected.size(), 800);
    const double correct = double(QSet<LinePair>(predicted).intersect(expected).size());
    const double precision = correct / double(predicted.size());
    const double recall = correct / double(expected.size());
    std::printf("[ align    ] %lld units / %lld units, %lld gold links: precision %.4f, recall %.4f\n",
                (long long)en.units.size(), (long long)es.units.size(), (long long)expected.size(), precision, recall);
    EXPECT_GE(precision, 0.97);
    EXPECT_GE(recall, 0.95);

    // The peer on the same text, in the same run: NLTK's Gale-Church, handed the set's own
    // sentences and paragraphs (an advantage the workbench, segmenting for itself, lacks).
    const auto peer = test::run(QStringLiteral("/usr/bin/python3"),
                                {test::sourceDir() + QStringLiteral("/bench/nltk_align.py"), dataFile(QStringLiteral("en.md")),
                                 dataFile(QStringLiteral("es.md")), dataFile(QStringLiteral("gold.tsv"))});
    ASSERT_EQ(peer.exitCode, 0) << peer.err.constData() << " (scripts/setup installs python3-nltk)";
    const QJsonObject nltk = QJsonDocument::fromJson(peer.out).object();
    std::printf("[ align    ] NLTK gale_church on the same text: precision %.4f, recall %.4f\n",
                nltk.value(QLatin1String("precision")).toDouble(), nltk.value(QLatin1String("recall")).toDouble());
    EXPECT_GT(precision, nltk.value(QLatin1String("precision")).toDouble());
    EXPECT_GT(recall, nltk.value(QLatin1String("recall")).toDouble());
}


namespace {

// A small project with its English summary, and the published Spanish beside it.
struct AlignProject {
    QTemporaryDir dir;
    QString root() const { return dir.path(); }
    QString catalog() const { return dir.filePath(QStringLiteral("locales/es/doc.po")); }
    QString translation() const { return dir.filePath(QStringLiteral("published.es.md")); }
    AlignProject()
    {
        QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
        test::writeAll(dir.filePath(QStringLiteral("source-content/en/doc.md")),
                       "# Fever in adults\n\n"
                       "Call your doctor if the fever lasts more than 3 days. Drink plenty of water. "
                       "Rest at home until you feel better.\n\n"
                       "- Take 500 mg of acetaminophen every 6 hours.\n"
                       "- See [the NCI site](https://www.cancer.gov) for more.\n");
        test::writeAll(translation(),
                       "# La fiebre en los adultos\n\n"
                       "Llame a su médico si la fiebre dura más de 3 días. Beba mucha agua. "
                       "Descanse en casa hasta que se sienta mejor.\n\n"
                       "- Tome 500 mg de acetaminofeno cada 6 horas.\n"
                       "- Consulte [el sitio del NCI](https://www.cancer.gov) para saber más.\n");
    }
};

test::RunResult alignInto(const AlignProject &p, const QStringList &extra = {})
{
    return runCli(QStringList{QStringLiteral("align"), QStringLiteral("--project"), p.root(), QStringLiteral("--locale"), QStringLiteral("es"),
                              QStringLiteral("--document"), QStringLiteral("doc"), p.translation()} + extra);
}

} // namespace

TEST(Alignment, TmxOutputValidatesAndTheMemoryTakesIt)
{
    AlignProject p;
    const QString tmx = p.dir.filePath(QStringLiteral("aligned.tmx"));
    const auto aligned = runCli({QStringLiteral("align"), p.dir.filePath(QStringLiteral("source-content/en/doc.md")), p.translation(),
                                 QStringLiteral("-o"), tmx, QStringLiteral("--json")});
    ASSERT_EQ(aligned.exitCode, 0) << aligned.err.constData();
    const QJsonObject report = QJsonDocument::fromJson(aligned.out).object();
    const QJsonArray pairs = report.value(QLatin1String("pairs")).toArray();
    ASSERT_EQ(pairs.size(), 6) << aligned.out.constData();
    EXPECT_EQ(pairs[1].toObject().value(QLatin1String("source")).toString(), QStringLiteral("Call your doctor if the fever lasts more than 3 days."));
    EXPECT_EQ(pairs[1].toObject().value(QLatin1String("target")).toString(), QStringLiteral("Llame a su médico si la fiebre dura más de 3 días."));
    EXPECT_EQ(pairs[1].toObject().value(QLatin1String("kind")).toString(), QStringLiteral("1-1"));
    EXPECT_EQ(pairs[5].toObject().value(QLatin1String("source_line")).toInt(), 6);
    EXPECT_EQ(pairs[5].toObject().value(QLatin1String("target")).toString(), QStringLiteral("Consulte {1}el sitio del NCI{/1} para saber más."));
    EXPECT_EQ(report.value(QLatin1String("counts")).toObject().value(QLatin1String("1-1")).toInt(), 6);
    for (const QJsonValue &pair : pairs)
        EXPECT_GT(pair.toObject().value(QLatin1String("score")).toDouble(), 0.5) << pair.toObject().value(QLatin1String("source")).toString().toStdString();

    const QByteArray xml = test::readAll(tmx);
    EXPECT_TRUE(xml.contains("<prop type=\"x-align-kind\">1-1</prop>"));
    EXPECT_TRUE(xml.contains("<prop type=\"x-align-block\">paragraph:3</prop>"));
    EXPECT_EQ(runCli({QStringLiteral("validate"), tmx}).exitCode, 0);
    const QString dtd = QStringLiteral(WB_SHARED_DIR) + QStringLiteral("/reference-data/schemas/tmx/tmx14.dtd");
    const auto lint = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--dtdvalid"), dtd, tmx});
    EXPECT_EQ(lint.exitCode, 0) << lint.err.constData();
    const auto imported = runCli({QStringLiteral("tm"), QStringLiteral("import"), tmx, QStringLiteral("--db"), p.dir.filePath(QStringLiteral("m.sqlite"))});
    EXPECT_EQ(imported.exitCode, 0) << imported.err.constData();
}

TEST(Alignment, FillsTheCatalogWithDraftsAndNeverOverwritesATranslation)
{
    AlignProject p;
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), p.root(), QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    auto before = PoCatalog::read(p.catalog());
    ASSERT_TRUE(before.ok());
    PoEntry &water = before->entries[1 + 1]; // "Drink plenty of water."
    ASSERT_EQ(water.msgid, QStringLiteral("Drink plenty of water."));
    water.msgstr = QStringLiteral("Tome mucha agua."); // the team's own choice stays
    ASSERT_TRUE(before->write(p.catalog()).ok());

    qputenv("WORKBENCH_USER", "Lucía");
    const auto filled = alignInto(p, {QStringLiteral("--json")});
    qunsetenv("WORKBENCH_USER");
    ASSERT_EQ(filled.exitCode, 0) << filled.err.constData();
    const QJsonObject report = QJsonDocument::fromJson(filled.out).object();
    EXPECT_EQ(report.value(QLatin1String("filled")).toInt(), 5);
    EXPECT_EQ(report.value(QLatin1String("already_translated")).toInt(), 1);
    EXPECT_EQ(report.value(QLatin1String("left_empty")).toInt(), 0);
    EXPECT_TRUE(filled.err.contains("5 units filled as drafts")) << filled.err.constData();

    auto after = PoCatalog::read(p.catalog());
    ASSERT_TRUE(after.ok());
    for (const PoEntry &e : after->entries) {
        SCOPED_TRACE(e.msgid.toStdString());
        EXPECT_FALSE(e.msgstr.isEmpty());
        if (e.msgid == QLatin1String("Drink plenty of water.")) {
            EXPECT_EQ(e.msgstr, QStringLiteral("Tome mucha agua."));
            continue;
        }
        EXPECT_TRUE(e.fuzzy);                        // a draft,
        EXPECT_EQ(stateOf(e), UnitState::Draft);     // never approved
        ASSERT_FALSE(historyOf(e).isEmpty());
        EXPECT_EQ(historyOf(e).last().action, QStringLiteral("aligned"));
        EXPECT_EQ(historyOf(e).last().by, QStringLiteral("Lucía"));
        EXPECT_TRUE(alignedScoreOf(e).has_value());
    }
    EXPECT_EQ(after->entries[1].msgstr, QStringLiteral("Llame a su médico si la fiebre dura más de 3 días."));
    EXPECT_EQ(test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), p.catalog()}).exitCode, 0);

    // Again: everything is translated now, nothing changes.
    const QByteArray once = test::readAll(p.catalog());
    ASSERT_EQ(alignInto(p).exitCode, 0);
    EXPECT_EQ(test::readAll(p.catalog()), once);
}

TEST(Alignment, BadInputIsRefusedAndNothingIsWritten)
{
    AlignProject p;
    const QString source = p.dir.filePath(QStringLiteral("source-content/en/doc.md"));
    const QString tmx = p.dir.filePath(QStringLiteral("out.tmx"));
    auto align = [&](const QString &translation) {
        return runCli({QStringLiteral("align"), source, translation, QStringLiteral("-o"), tmx});
    };
    EXPECT_EQ(align(p.dir.filePath(QStringLiteral("missing.md"))).exitCode, 3);

    test::writeAll(p.dir.filePath(QStringLiteral("empty.md")), "\n\n");
    const auto empty = align(p.dir.filePath(QStringLiteral("empty.md")));
    EXPECT_EQ(empty.exitCode, 6);
    EXPECT_TRUE(empty.err.contains("no text to align")) << empty.err.constData();

    const auto english = align(source); // the source given as its own translation
    EXPECT_EQ(english.exitCode, 6);
    EXPECT_TRUE(english.err.contains("does not read as 'es'")) << english.err.constData();

    test::writeAll(p.dir.filePath(QStringLiteral("broken.md")), QByteArray("# T\xC3\x28tulo\n"));
    const auto broken = align(p.dir.filePath(QStringLiteral("broken.md")));
    EXPECT_EQ(broken.exitCode, 4);
    EXPECT_TRUE(broken.err.contains("broken.md:1")) << broken.err.constData();
    EXPECT_FALSE(QFile::exists(tmx));

    // Into the catalog: the same refusals, and the catalog is not created.
    test::writeAll(p.translation(), "\n");
    EXPECT_EQ(alignInto(p).exitCode, 6);
    EXPECT_FALSE(QFile::exists(p.catalog()));
}
