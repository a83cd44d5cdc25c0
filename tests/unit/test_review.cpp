// The review workflow: transitions, the record kept in the PO, and the report's figures.
#include "review/review_record.h"
#include "review/review_report.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {
const QDateTime kMonday = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
const QDateTime kTuesday = kMonday.addDays(1);

PoEntry translated(const QString &id, const QString &source, const QString &target)
{
    PoEntry e;
    e.context = id;
    e.msgid = source;
    e.msgstr = target;
    EXPECT_TRUE(recordTranslation(e, QStringLiteral("Ana"), kMonday).ok());
    return e;
}
} // namespace

TEST(Review, TranslatedApprovedEditedBackToTranslated)
{
    PoEntry e = translated(QStringLiteral("u1"), QStringLiteral("Bone marrow."), QStringLiteral("Médula ósea."));
    EXPECT_EQ(stateOf(e), UnitState::Translated);
    ASSERT_TRUE(approveUnit(e, QStringLiteral("Rosa"), kTuesday).ok());
    EXPECT_EQ(stateOf(e), UnitState::Approved);
    e.msgstr = QStringLiteral("La médula ósea.");   // edited afterwards, anywhere
    EXPECT_EQ(stateOf(e), UnitState::Translated);
    const QList<HistoryEvent> history = historyOf(e);
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history[0].action, QStringLiteral("translated"));
    EXPECT_EQ(history[0].by, QStringLiteral("Ana"));
    EXPECT_EQ(history[1].action, QStringLiteral("approved"));
    EXPECT_EQ(history[1].by, QStringLiteral("Rosa"));
    EXPECT_EQ(history[1].at, kTuesday);
}

TEST(Review, RejectionNeedsAReasonSendsTheUnitBackAndStartsAThread)
{
    PoEntry e = translated(QStringLiteral("u1"), QStringLiteral("Take 5 mg."), QStringLiteral("Tome 50 mg."));
    const Status noReason = rejectUnit(e, QStringLiteral("Rosa"), kTuesday, QStringLiteral("  "));
    ASSERT_FALSE(noReason.ok());
    EXPECT_TRUE(noReason.error().message.contains(QStringLiteral("needs a reason")));
    ASSERT_TRUE(rejectUnit(e, QStringLiteral("Rosa"), kTuesday, QStringLiteral("dose changed from 5 to 50")).ok());
    EXPECT_EQ(stateOf(e), UnitState::Rejected);
    EXPECT_TRUE(e.fuzzy);
    ASSERT_TRUE(commentUnit(e, QStringLiteral("Ana"), kTuesday.addSecs(60), QStringLiteral("Fixed, sorry.")).ok());
    const QList<ReviewComment> thread = commentsOf(e);
    ASSERT_EQ(thread.size(), 2);
    EXPECT_EQ(thread[0].text, QStringLiteral("Rejected: dose changed from 5 to 50"));
    EXPECT_EQ(thread[1].by, QStringLiteral("Ana"));
    PoEntry empty;
    EXPECT_FALSE(approveUnit(empty, QStringLiteral("Rosa"), kTuesday).ok()) << "an untranslated unit cannot be approved";
}

TEST(Review, ReviewerEditKeepsThePreviousTargetAndChangedSinceLastReviewFollowsIt)
{
    PoEntry e = translated(QStringLiteral("u1"), QStringLiteral("Spinal cord."), QStringLiteral("Médula ósea."));
    EXPECT_TRUE(changedSinceLastReview(e, QStringLiteral("Rosa")));
    ASSERT_TRUE(reviewerEdit(e, QStringLiteral("Médula espinal."), QStringLiteral("Rosa"), kTuesday).ok());
    EXPECT_EQ(*previousTargetOf(e), QStringLiteral("Médula ósea."));
    ASSERT_TRUE(approveUnit(e, QStringLiteral("Rosa"), kTuesday).ok());
    EXPECT_FALSE(changedSinceLastReview(e, QStringLiteral("Rosa")));
    e.msgstr = QStringLiteral("La médula espinal.");
    EXPECT_TRUE(changedSinceLastReview(e, QStringLiteral("Rosa")));
}

TEST(Review, ErrorAnnotationsUseTheTypology)
{
    PoEntry e = translated(QStringLiteral("u1"), QStringLiteral("Bone marrow."), QStringLiteral("Médula espinal."));
    ASSERT_TRUE(annotateError(e, ReviewError{QStringLiteral("terminology"), QStringLiteral("critical"), QStringLiteral("Rosa"), kTuesday,
                                             QStringLiteral("spinal cord for bone marrow")}).ok());
    EXPECT_FALSE(annotateError(e, ReviewError{QStringLiteral("vibes"), QStringLiteral("minor"), {}, kTuesday, {}}).ok());
    EXPECT_FALSE(annotateError(e, ReviewError{QStringLiteral("style"), QStringLiteral("fatal"), {}, kTuesday, {}}).ok());
    ASSERT_EQ(errorsOf(e).size(), 1);
    EXPECT_EQ(errorsOf(e)[0].weight(), 25);
}

// Ten source words per unit, two units: 20 words. One major (5) and two minor (1 + 1)
// errors: 7 points, 350 per 1,000 words: over a threshold of 10, so FAIL.
TEST(Review, ReportFiguresOnAHandBuiltCatalog)
{
    PoCatalog catalog;
    PoEntry a = translated(QStringLiteral("a"), QStringLiteral("one two three four five six seven eight nine ten"), QStringLiteral("uno"));
    PoEntry b = translated(QStringLiteral("b"), QStringLiteral("one two three four five six seven eight nine ten"), QStringLiteral("dos"));
    ASSERT_TRUE(annotateError(a, ReviewError{QStringLiteral("accuracy/omission"), QStringLiteral("major"), QStringLiteral("Rosa"), kTuesday, {}}).ok());
    ASSERT_TRUE(annotateError(a, ReviewError{QStringLiteral("fluency/spelling"), QStringLiteral("minor"), QStringLiteral("Rosa"), kTuesday, {}}).ok());
    ASSERT_TRUE(annotateError(b, ReviewError{QStringLiteral("fluency/spelling"), QStringLiteral("minor"), QStringLiteral("Rosa"), kTuesday, {}}).ok());
    ASSERT_TRUE(rejectUnit(b, QStringLiteral("Rosa"), kTuesday, QStringLiteral("spelling")).ok());
    ASSERT_TRUE(approveUnit(a, QStringLiteral("Rosa"), kTuesday).ok());
    catalog.entries = {a, b};
    const ReviewReport report = buildReviewReport({{QStringLiteral("doc.po"), catalog}}, QStringLiteral("en"), QStringLiteral("es"), 10.0);
    EXPECT_EQ(report.penaltyPoints, 7);
    EXPECT_EQ(report.stats.total().words, 20);
    EXPECT_EQ(report.reviewedWords, 20);
    EXPECT_DOUBLE_EQ(report.scorePer1000Words(), 350.0);
    EXPECT_FALSE(report.passed());
    EXPECT_EQ(report.errors.value(QStringLiteral("fluency/spelling")).value(QStringLiteral("minor")), 2);
    ASSERT_EQ(report.rejected.size(), 1);
    EXPECT_EQ(report.rejected[0].reason, QStringLiteral("spelling"));
    const QString md = report.toMarkdown(QStringLiteral("chart.svg"));
    EXPECT_TRUE(md.contains(QStringLiteral("**Score: 350.00 penalty points per 1,000 words — FAIL**")));
    EXPECT_TRUE(md.contains(QStringLiteral("| approved | 1 | 10 |")));
    EXPECT_TRUE(md.contains(QStringLiteral("| fluency/spelling | 2 | 0 | 0 |")));
    EXPECT_TRUE(md.contains(QStringLiteral("![Units per state](chart.svg)")));
    const QByteArray svg = report.statesSvg();
    EXPECT_TRUE(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_EQ(svg.count("<rect"), 5);
    QTemporaryDir dir;
    test::writeAll(dir.filePath(QStringLiteral("chart.svg")), svg);
    EXPECT_EQ(test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), dir.filePath(QStringLiteral("chart.svg"))}).exitCode, 0);
    EXPECT_TRUE(report.toHtml().contains(QStringLiteral("<svg")));
}

// The score is about what a reviewer read: one minor error in the one unit of 20 words a
// reviewer approved is 50 per 1,000 words (FAIL at 10), however many unreviewed words the
// document has; a rejected unit counts as reviewed, and its errors count.
TEST(Review, ScoreDividesByTheWordsOfReviewedUnitsOnly)
{
    const QString twenty = QStringLiteral("one two three four five six seven eight nine ten one two three four five six seven eight nine ten");
    PoCatalog catalog;
    PoEntry reviewed = translated(QStringLiteral("r"), twenty, QStringLiteral("veinte"));
    ASSERT_TRUE(annotateError(reviewed, ReviewError{QStringLiteral("style"), QStringLiteral("minor"), QStringLiteral("Rosa"), kTuesday, {}}).ok());
    ASSERT_TRUE(approveUnit(reviewed, QStringLiteral("Rosa"), kTuesday).ok());
    catalog.entries.append(reviewed);
    for (int i = 0; i < 250; ++i) // 5,000 words nobody reviewed
        catalog.entries.append(translated(QStringLiteral("u%1").arg(i), twenty, QStringLiteral("sin revisar")));
    ReviewReport report = buildReviewReport({{QStringLiteral("doc.po"), catalog}}, QStringLiteral("en"), QStringLiteral("es"), 10.0);
    EXPECT_EQ(report.stats.total().words, 5020);
    EXPECT_EQ(report.reviewedWords, 20);
    EXPECT_DOUBLE_EQ(report.scorePer1000Words(), 50.0);
    EXPECT_FALSE(report.passed());
    EXPECT_TRUE(report.toMarkdown(QStringLiteral("c.svg")).contains(QStringLiteral("1 of 251 units reviewed")));

    PoCatalog unreviewed;
    unreviewed.entries = catalog.entries.mid(1);
    const ReviewReport none = buildReviewReport({{QStringLiteral("doc.po"), unreviewed}}, QStringLiteral("en"), QStringLiteral("es"), 10.0);
    EXPECT_FALSE(none.reviewed());
    EXPECT_TRUE(none.toMarkdown(QStringLiteral("c.svg")).contains(QStringLiteral("— NOT REVIEWED YET**"))); // not "0.00 — PASS"

    PoEntry rejected = translated(QStringLiteral("x"), twenty, QStringLiteral("mal"));
    ASSERT_TRUE(rejectUnit(rejected, QStringLiteral("Rosa"), kTuesday, QStringLiteral("omits a sentence")).ok());
    catalog.entries.append(rejected);
    report = buildReviewReport({{QStringLiteral("doc.po"), catalog}}, QStringLiteral("en"), QStringLiteral("es"), 10.0);
    EXPECT_EQ(report.reviewedWords, 40);
    EXPECT_DOUBLE_EQ(report.scorePer1000Words(), 25.0);
}

TEST(Review, TheRecordSurvivesMsgmergeAndMsgcat)
{
    QTemporaryDir dir;
    PoCatalog catalog;
    catalog.header = QStringLiteral("Content-Type: text/plain; charset=UTF-8\n");
    PoEntry e = translated(QStringLiteral("u1"), QStringLiteral("Bone marrow."), QStringLiteral("Médula ósea."));
    ASSERT_TRUE(commentUnit(e, QStringLiteral("Rosa"), kTuesday, QStringLiteral("¿Seguro? Revise el glosario.")).ok());
    ASSERT_TRUE(annotateError(e, ReviewError{QStringLiteral("style"), QStringLiteral("minor"), QStringLiteral("Rosa"), kTuesday, {}}).ok());
    ASSERT_TRUE(approveUnit(e, QStringLiteral("Rosa"), kTuesday).ok());
    catalog.entries = {e};
    const QString po = dir.filePath(QStringLiteral("es.po"));
    ASSERT_TRUE(catalog.write(po).ok());
    PoCatalog templ = catalog;
    templ.entries[0].msgstr.clear();
    templ.entries[0].translatorComments.clear();
    const QString pot = dir.filePath(QStringLiteral("t.pot"));
    ASSERT_TRUE(templ.write(pot).ok());
    const QString merged = dir.filePath(QStringLiteral("m.po"));
    ASSERT_EQ(test::run(QStringLiteral("msgmerge"), {QStringLiteral("-q"), QStringLiteral("-o"), merged, po, pot}).exitCode, 0);
    const QString catted = dir.filePath(QStringLiteral("c.po"));
    ASSERT_EQ(test::run(QStringLiteral("msgcat"), {QStringLiteral("-o"), catted, merged}).exitCode, 0);
    auto back = PoCatalog::read(catted);
    ASSERT_TRUE(back.ok());
    const PoEntry &r = back->entries[0];
    EXPECT_EQ(stateOf(r), UnitState::Approved);
    EXPECT_EQ(historyOf(r).size(), 4);
    EXPECT_EQ(commentsOf(r)[0].text, QStringLiteral("¿Seguro? Revise el glosario."));
    EXPECT_EQ(errorsOf(r)[0].category, QStringLiteral("style"));
}
