// The review record (po/unit_record.h): read once per entry, kept with the entry until its
// comments change, and written back as the same lines the format has always had.
#include "po/po_catalog.h"
#include "po/unit_record.h"
#include "project/localize_workflow.h"
#include "qa/suppressions.h"
#include "review/review_record.h"
#include "review/review_report.h"
#include "stats/catalog_stats.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {
const QDateTime kMonday = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
const QDateTime kTuesday = kMonday.addDays(1);
const QStringList kKeywords = {recordKeyword::kState,      recordKeyword::kHistory, recordKeyword::kComment,
                               recordKeyword::kPreviousTarget, recordKeyword::kError, recordKeyword::kSuppression,
                               recordKeyword::kConflict,   recordKeyword::kChanged};

// What the entry's kept record says, keyword by keyword, against a fresh read of its comments.
void expectKeptRecordIsWhatTheCommentsSay(const PoEntry &entry)
{
    const std::shared_ptr<const UnitRecord> kept = recordOf(entry);
    const UnitRecord fresh = UnitRecord::read(entry.translatorComments);
    EXPECT_EQ(kept->source, entry.translatorComments);
    for (const QString &keyword : kKeywords)
        EXPECT_EQ(kept->lines(keyword), fresh.lines(keyword)) << qPrintable(keyword);
    EXPECT_EQ(kept->history.size(), fresh.history.size());
    EXPECT_EQ(kept->errors.size(), fresh.errors.size());
    EXPECT_EQ(kept->comments.size(), fresh.comments.size());
    EXPECT_EQ(kept->state.has_value(), fresh.state.has_value());
}
} // namespace

TEST(UnitRecord, ReadOnceThenKeptWithTheEntryAndItsCopiesUntilTheCommentsChange)
{
    PoEntry e;
    e.msgid = QStringLiteral("Bone marrow.");
    e.msgstr = QStringLiteral("Médula ósea.");
    e.translatorComments = QStringLiteral("wb:history {\"action\":\"translated\",\"at\":\"2026-11-23T09:00:00Z\",\"by\":\"Ana\",\"target\":\"x\"}");
    const qint64 before = UnitRecord::readCount();
    const std::shared_ptr<const UnitRecord> first = recordOf(e);
    EXPECT_EQ(recordOf(e), first);
    EXPECT_EQ(historyOf(e).size(), 1);
    EXPECT_EQ(stateOf(e), UnitState::Translated);
    EXPECT_TRUE(commentsOf(e).isEmpty());
    EXPECT_EQ(UnitRecord::readCount() - before, 1) << "every reader shares one read";

    PoEntry copy = e;
    EXPECT_EQ(recordOf(copy), first) << "a copy keeps the record";
    // An edit made without the record's writers (a PO editor, a merge) is seen.
    copy.translatorComments += QStringLiteral("\nwb:comment {\"at\":\"2026-11-24T09:00:00Z\",\"by\":\"Rosa\",\"text\":\"Check the dose.\"}");
    ASSERT_EQ(commentsOf(copy).size(), 1);
    EXPECT_EQ(commentsOf(copy)[0].text, QStringLiteral("Check the dose."));
    EXPECT_EQ(UnitRecord::readCount() - before, 2);
    EXPECT_TRUE(commentsOf(e).isEmpty()) << "the original keeps its own record";
    EXPECT_EQ(recordOf(e), first);
}

TEST(UnitRecord, WritersKeepTheRecordUpToDateWithoutReadingAgain)
{
    PoEntry e;
    e.context = QStringLiteral("u1");
    e.msgid = QStringLiteral("Take 5 mg.");
    e.msgstr = QStringLiteral("Tome 50 mg.");
    e.translatorComments = QStringLiteral("Checked against the label.");
    ASSERT_TRUE(recordTranslation(e, QStringLiteral("Ana"), kMonday).ok());
    const qint64 before = UnitRecord::readCount();
    ASSERT_TRUE(annotateError(e, ReviewError{QStringLiteral("accuracy/mistranslation"), QStringLiteral("critical"),
                                             QStringLiteral("Rosa"), kTuesday, QStringLiteral("5, not 50")}).ok());
    expectKeptRecordIsWhatTheCommentsSay(e);
    ASSERT_TRUE(rejectUnit(e, QStringLiteral("Rosa"), kTuesday, QStringLiteral("dose")).ok());
    expectKeptRecordIsWhatTheCommentsSay(e);
    addSuppression(e, Suppression{QStringLiteral("numbers.mismatch"), {}, QStringLiteral("Rosa"), kTuesday, QStringLiteral("known")});
    expectKeptRecordIsWhatTheCommentsSay(e);
    ASSERT_TRUE(reviewerEdit(e, QStringLiteral("Tome 5 mg."), QStringLiteral("Rosa"), kTuesday).ok());
    expectKeptRecordIsWhatTheCommentsSay(e);
    EXPECT_TRUE(pruneStaleSuppressions(e)) << "the target changed under the suppression";
    expectKeptRecordIsWhatTheCommentsSay(e);
    ASSERT_TRUE(approveUnit(e, QStringLiteral("Rosa"), kTuesday).ok());
    expectKeptRecordIsWhatTheCommentsSay(e);
    // Each expect above read the comments once for comparison (UnitRecord::read); the
    // writers and the entry's readers read nothing.
    const qint64 comparisons = 6;
    EXPECT_EQ(UnitRecord::readCount() - before, comparisons);
    EXPECT_EQ(stateOf(e), UnitState::Approved);
    EXPECT_EQ(errorsOf(e).size(), 1);
    EXPECT_EQ(*previousTargetOf(e), QStringLiteral("Tome 50 mg."));
    EXPECT_TRUE(suppressionsOf(e).isEmpty());
}

// The store's contract (docs/po-store.md): a record read, changed and written back leaves
// every other line as it was, in order, and adds its line at the end.
TEST(UnitRecord, ReadChangedAndWrittenGivesTheSameLinesAsBefore)
{
    const QStringList original = {
        QStringLiteral("A note from the translator."),
        QStringLiteral("wb:history {\"action\":\"translated\",\"at\":\"2026-11-23T09:00:00Z\",\"by\":\"Ana\",\"target\":\"abc\"}"),
        QStringLiteral("wb:comment {\"at\":\"2026-11-23T10:00:00Z\",\"by\":\"Rosa\",\"text\":\"Why \\\"médula\\\"?\"}"),
        QStringLiteral("wb:error not json"),
        QStringLiteral("wb:conflict {\"at\":\"2026-11-23T11:00:00Z\",\"base\":\"\",\"ours\":\"a\",\"ours_state\":\"translated\",\"theirs\":\"b\",\"theirs_state\":\"approved\"}"),
        QStringLiteral("wb:changed {\"kind\":\"edited\"}")};
    PoEntry e;
    e.context = QStringLiteral("u1");
    e.msgid = QStringLiteral("Bone marrow.");
    e.msgstr = QStringLiteral("Médula ósea.");
    e.translatorComments = original.join(QLatin1Char('\n'));
    ASSERT_EQ(commentsOf(e).size(), 1);
    EXPECT_EQ(commentsOf(e)[0].text, QStringLiteral("Why \"médula\"?"));
    EXPECT_TRUE(errorsOf(e).isEmpty()) << "a line that is not JSON is not an error";
    ASSERT_EQ(recordOf(e)->conflicts.size(), 1);
    EXPECT_EQ(recordOf(e)->conflicts[0].theirsState, QStringLiteral("approved"));

    ASSERT_TRUE(commentUnit(e, QStringLiteral("Ana"), kTuesday, QStringLiteral("From the NCI dictionary.")).ok());
    const QStringList lines = e.translatorComments.split(QLatin1Char('\n'));
    // The comment lines (one kept, one new) are rewritten together after the others; the
    // history line likewise, with the new one last.
    const QStringList expected = {
        original[0], original[3], original[4], original[5], original[2],
        QStringLiteral("wb:comment {\"at\":\"2026-11-24T09:00:00Z\",\"by\":\"Ana\",\"text\":\"From the NCI dictionary.\"}"),
        original[1],
        QStringLiteral("wb:history {\"action\":\"commented\",\"at\":\"2026-11-24T09:00:00Z\",\"by\":\"Ana\",\"target\":\"%1\"}")
            .arg(targetFingerprint(e.msgstr))};
    EXPECT_EQ(lines, expected);
    expectKeptRecordIsWhatTheCommentsSay(e);
}

// The export of a reviewed document reads each unit's record once, review score included.
TEST(UnitRecord, ExportReadsEachRecordOnce)
{
    const SegmentedDocument doc =
        test::segmentBytes(test::readAll(test::sourceDir() + QStringLiteral("/source-content/en/adult-all-treatment.md")));
    auto catalog = PoCatalog::read(test::dataDir() + QStringLiteral("/revision/adult-all-treatment.es.approved.po"));
    ASSERT_TRUE(catalog.ok());
    qsizetype withRecord = 0, live = 0;
    for (const PoEntry &entry : catalog->entries) {
        withRecord += entry.translatorComments.contains(QLatin1String("wb:")) ? 1 : 0;
        live += entry.obsolete ? 0 : 1;
    }
    ASSERT_GT(withRecord, 100) << "a reviewed catalog";
    PublishingContext publishing;
    publishing.language = QStringLiteral("es");
    const qint64 before = UnitRecord::readCount();
    const ExportOutcome outcome = exportDocument(doc, *catalog, IncludeLevel::All, FallbackPolicy::Source, publishing);
    EXPECT_GT(outcome.translatedUnits, 100);
    EXPECT_EQ(UnitRecord::readCount() - before, live) << "its state, its errors and the review score from one read";
    const qint64 afterExport = UnitRecord::readCount();
    const ReviewReport report = buildReviewReport({{QStringLiteral("doc.po"), *catalog}}, QStringLiteral("en"), QStringLiteral("es"), 10.0);
    EXPECT_EQ(report.stats.total().units, live);
    EXPECT_EQ(UnitRecord::readCount(), afterExport) << "the report reads the records the export read";
}
