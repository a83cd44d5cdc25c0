// NCI revises a summary: `workbench update` on a real-looking second version of the bundled
// summary (tests/data/revision/adult-all-treatment.v2.md: a sentence reworded, a list item
// added, a paragraph moved, a section deleted, a typo fixed), checking every unit's fate.
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "project/catalog_merge.h"
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

using namespace wb;
using test::runCli;

namespace {

const QString kSummary = QStringLiteral("source-content/en/adult-all-treatment.md");

QStringList updateArguments(const QString &project)
{
    return {QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
            QStringLiteral("--json")};
}

// Every unit translated ("ES: " + source) and approved by a reviewer.
void translateAndApproveEverything(const QString &po)
{
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    for (PoEntry &entry : catalog->entries) {
        entry.msgstr = QStringLiteral("ES: ") + entry.msgid;
        ASSERT_TRUE(approveUnit(entry, QStringLiteral("Rosa"), QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC)).ok());
    }
    ASSERT_TRUE(catalog->write(po).ok());
}

const PoEntry *liveEntry(const PoCatalog &catalog, const QString &id)
{
    const qsizetype i = catalog.indexOfContext(id);
    return i < 0 ? nullptr : &catalog.entries[i];
}

} // namespace

TEST(Revisions, EveryUnitOfTheRevisedSummaryMeetsTheFateOfWhatHappenedToIt)
{
    QTemporaryDir dir;
    const QString project = dir.path();
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    QFile::copy(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"), dir.filePath(QStringLiteral("source-content/en/segmentation.srx")));
    QFile::copy(test::sourceDir() + QLatin1Char('/') + kSummary, dir.filePath(kSummary));
    ASSERT_EQ(runCli(updateArguments(project)).exitCode, 0);
    const QString po = dir.filePath(QStringLiteral("locales/es/adult-all-treatment.po"));
    translateAndApproveEverything(po);
    const PoCatalog before = *PoCatalog::read(po);

    // What the revision did, by the English of the units it touched.
    const QSet<QString> moved = {
        QStringLiteral("Having one or more of these risk factors does not mean that you will get ALL."),
        QStringLiteral("Many people with risk factors never develop ALL, while others with no known risk factors do.")};
    const QMap<QString, QString> edited = {
        {QStringLiteral("This type of cancer usually gets worse quickly if it is not treated."),
         QStringLiteral("This type of cancer usually gets worse very quickly if it is not treated right away.")},
        {QStringLiteral("An inset shows a close up of the needle being inserted through the skin and hip bone into the bone marrow."),
         QStringLiteral("An inset shows a close-up of the needle being inserted through the skin and hip bone into the bone marrow.")}};
    const QString added = QStringLiteral("headaches");
    QSet<QString> deleted; // the second-opinion section: its heading and both paragraphs
    for (const PoEntry &entry : before.entries)
        if (entry.references.first().line >= 108 && entry.references.first().line <= 112)
            deleted.insert(entry.context);
    ASSERT_EQ(deleted.size(), 8);

    test::writeAll(dir.filePath(kSummary), test::readAll(test::dataDir() + QStringLiteral("/revision/adult-all-treatment.v2.md")));
    qputenv("WORKBENCH_USER", "Luis"); // whoever runs the update is on record for the drafts it made
    const auto update = runCli(updateArguments(project));
    qunsetenv("WORKBENCH_USER");
    ASSERT_EQ(update.exitCode, 0) << update.err.constData();
    const QJsonObject report = QJsonDocument::fromJson(update.out).object().value(QStringLiteral("catalogs")).toArray().first().toObject();
    const PoCatalog after = *PoCatalog::read(po);

    int checked = 0;
    for (const PoEntry &old : before.entries) {
        SCOPED_TRACE(old.msgid.toStdString());
        if (deleted.contains(old.context)) {
            // Obsolete, with its translation, for reference.
            const auto it = std::find_if(after.entries.begin(), after.entries.end(),
                                         [&](const PoEntry &e) { return e.obsolete && e.context == old.context; });
            ASSERT_NE(it, after.entries.end());
            EXPECT_EQ(it->msgstr, old.msgstr);
        } else if (edited.contains(old.msgid)) {
            // A draft: the old translation, the old English in "#|", the new English.
            const auto it = std::find_if(after.entries.begin(), after.entries.end(),
                                         [&](const PoEntry &e) { return !e.obsolete && e.previousMsgid == old.msgid; });
            ASSERT_NE(it, after.entries.end());
            EXPECT_EQ(it->msgid, edited.value(old.msgid));
            EXPECT_EQ(it->msgstr, old.msgstr);
            EXPECT_EQ(stateOf(*it), UnitState::Draft);
            EXPECT_EQ(lastChangeOf(*it), UnitChange::Kind::Edited);
            // Its record goes with it, and the update that made the draft is on it.
            const QList<HistoryEvent> history = historyOf(*it);
            ASSERT_EQ(history.size(), historyOf(old).size() + 1);
            EXPECT_EQ(history.last().action, QStringLiteral("updated"));
            EXPECT_EQ(history.last().by, QStringLiteral("Luis"));
            EXPECT_TRUE(it->translatorComments.contains(QStringLiteral("\"change\":\"edited\"")));
        } else {
            // Unchanged or moved: same id, same translation, still approved.
            const PoEntry *now = liveEntry(after, old.context);
            ASSERT_NE(now, nullptr);
            EXPECT_EQ(now->msgstr, old.msgstr);
            EXPECT_EQ(stateOf(*now), UnitState::Approved);
            EXPECT_EQ(lastChangeOf(*now), moved.contains(old.msgid) ? std::optional(UnitChange::Kind::Moved) : std::nullopt);
        }
        ++checked;
    }
    EXPECT_EQ(checked, before.entries.size());
    EXPECT_EQ(after.headerField(QStringLiteral("Last-Translator")), QStringLiteral("Luis"));
    const auto fresh = std::find_if(after.entries.begin(), after.entries.end(), [&](const PoEntry &e) { return e.msgid == added; });
    ASSERT_NE(fresh, after.entries.end());
    EXPECT_EQ(stateOf(*fresh), UnitState::Untranslated);
    EXPECT_EQ(lastChangeOf(*fresh), UnitChange::Kind::Added);

    // The change report counts each kind and lists every changed unit with its source difference.
    const int total = int(before.entries.size());
    EXPECT_EQ(report.value(QStringLiteral("kept")).toInt(), total - 2 - 2 - 8);
    EXPECT_EQ(report.value(QStringLiteral("moved")).toInt(), 2);
    EXPECT_EQ(report.value(QStringLiteral("edited")).toInt(), 2);
    EXPECT_EQ(report.value(QStringLiteral("new")).toInt(), 1);
    EXPECT_EQ(report.value(QStringLiteral("obsolete")).toInt(), 8);
    EXPECT_EQ(report.value(QStringLiteral("split")).toInt(), 0);
    EXPECT_EQ(report.value(QStringLiteral("joined")).toInt(), 0);
    const QJsonArray changes = report.value(QStringLiteral("changes")).toArray();
    EXPECT_EQ(changes.size(), 2 + 2 + 1 + 8);
    bool sawTypoDiff = false;
    for (const QJsonValue &value : changes) {
        const QJsonObject change = value.toObject();
        if (change.value(QStringLiteral("kind")).toString() != QLatin1String("edited"))
            continue;
        for (const QJsonValue &piece : change.value(QStringLiteral("diff")).toArray())
            sawTypoDiff = sawTypoDiff || (piece.toObject().value(QStringLiteral("op")) == QLatin1String("added")
                                          && piece.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("close-up")));
    }
    EXPECT_TRUE(sawTypoDiff) << update.out.constData();
    EXPECT_TRUE(update.err.contains("source-content/en/adult-all-treatment.md:18: edited this-type-of-cancer.")) << update.err.constData();
    EXPECT_TRUE(update.err.contains("gets worse {+very +}quickly if it is not [-treated.-]{+treated right away.+}")) << update.err.constData();
    EXPECT_EQ(test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), po}).exitCode, 0);

    // Nothing changed since: the catalog is left alone, marks and all.
    const QByteArray settled = test::readAll(po);
    const auto again = runCli(updateArguments(project));
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_EQ(test::readAll(po), settled);
}

TEST(Revisions, SplitAndJoinedSentencesStartFromTheOldTranslations)
{
    auto catalog = [](const QList<std::pair<QString, QString>> &units) {
        PoCatalog c;
        c.header = QStringLiteral("X-Source-Language: en\n");
        int line = 1;
        for (const auto &[source, target] : units) {
            PoEntry e;
            e.context = source.left(12);
            e.msgid = source;
            e.msgstr = target;
            e.references.append({QStringLiteral("doc.md"), line++});
            c.entries.append(e);
        }
        return c;
    };
    const PoCatalog before = catalog({{QStringLiteral("Rest often and drink plenty of water every single day during treatment."),
                                       QStringLiteral("Descanse a menudo y beba mucha agua todos los días durante el tratamiento.")},
                                      {QStringLiteral("Call the clinic."), QStringLiteral("Llame a la clínica.")},
                                      {QStringLiteral("Ask for the nurse on duty."), QStringLiteral("Pida hablar con la enfermera de guardia.")}});
    const PoCatalog revised = catalog({{QStringLiteral("Rest often."), {}},
                                       {QStringLiteral("Drink plenty of water every single day during treatment."), {}},
                                       {QStringLiteral("Call the clinic and ask for the nurse on duty."), {}}});
    MergeReport report;
    const PoCatalog merged = mergeCatalog(before, revised, report);
    EXPECT_EQ(report.split, 2);
    EXPECT_EQ(report.joined, 1);
    ASSERT_GE(merged.entries.size(), 3);
    // Both halves of the split sentence start from the old whole, as drafts that show the old English.
    for (int i : {0, 1}) {
        EXPECT_EQ(stateOf(merged.entries[i]), UnitState::Draft);
        EXPECT_EQ(merged.entries[i].msgstr, QStringLiteral("Descanse a menudo y beba mucha agua todos los días durante el tratamiento."));
        EXPECT_EQ(merged.entries[i].previousMsgid, QStringLiteral("Rest often and drink plenty of water every single day during treatment."));
        EXPECT_EQ(lastChangeOf(merged.entries[i]), UnitChange::Kind::Split);
    }
    // The joined sentence starts from both old translations.
    EXPECT_EQ(merged.entries[2].msgstr, QStringLiteral("Llame a la clínica. Pida hablar con la enfermera de guardia."));
    EXPECT_EQ(merged.entries[2].previousMsgid, QStringLiteral("Call the clinic. Ask for the nurse on duty."));
    EXPECT_EQ(lastChangeOf(merged.entries[2]), UnitChange::Kind::Joined);
}

// The catalog of the summary as it was segmented before the workbench read Markdown with
// cmark-gfm: every unit translated and approved (tests/data/revision/
// adult-all-treatment.es.approved.po, made with cmark 0.30). GFM links the bare address
// in "Available at: https://www.cancer.gov/…", so that unit's text became
// "Available at: {1/}."; update must carry its translation over, the address turned into
// the same placeholder, and leave every other unit approved.
TEST(Revisions, ACatalogFromBeforeGfmKeepsEveryTranslationThroughUpdate)
{
    QTemporaryDir dir;
    const QString project = dir.path();
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    QDir().mkpath(dir.filePath(QStringLiteral("locales/es")));
    QFile::copy(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"), dir.filePath(QStringLiteral("source-content/en/segmentation.srx")));
    QFile::copy(test::sourceDir() + QLatin1Char('/') + kSummary, dir.filePath(kSummary));
    const QString po = dir.filePath(QStringLiteral("locales/es/adult-all-treatment.po"));
    QFile::copy(test::dataDir() + QStringLiteral("/revision/adult-all-treatment.es.approved.po"), po);
    QFile(po).setPermissions(QFile::ReadOwner | QFile::WriteOwner);

    const auto r = runCli(updateArguments(project));
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    int approved = 0, live = 0;
    for (const PoEntry &entry : catalog->entries) {
        if (entry.obsolete)
            continue;
        ++live;
        EXPECT_FALSE(entry.msgstr.isEmpty()) << qPrintable(entry.context) << " lost its translation";
        EXPECT_EQ(entry.msgstr, QStringLiteral("ES: ") + entry.msgid) << qPrintable(entry.context);
        if (stateOf(entry) == UnitState::Approved)
            ++approved;
        else
            EXPECT_EQ(entry.msgid, QStringLiteral("Available at: {1/}.")); // the one draft, for a reviewer to look at
    }
    EXPECT_EQ(live, 362);
    EXPECT_EQ(approved, 361);
}
