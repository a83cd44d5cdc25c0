#include "po/review_marks.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {
PoEntry translatedEntry()
{
    PoEntry e;
    e.context = QStringLiteral("u.1");
    e.msgid = QStringLiteral("Bone marrow.");
    e.msgstr = QStringLiteral("Médula ósea.");
    return e;
}
const QDateTime kWhen = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
} // namespace

TEST(ReviewMarks, StatesFromGettextAlone)
{
    PoEntry e = translatedEntry();
    EXPECT_EQ(stateOf(e), UnitState::Translated);
    e.fuzzy = true;
    EXPECT_EQ(stateOf(e), UnitState::Draft);
    e.fuzzy = false;
    e.msgstr.clear();
    EXPECT_EQ(stateOf(e), UnitState::Untranslated);
}

TEST(ReviewMarks, ApprovalIsAStructuredCommentThatEditingRevokes)
{
    PoEntry e = translatedEntry();
    e.translatorComments = QStringLiteral("Checked against the NCI dictionary.");
    setReviewState(e, UnitState::Approved, QStringLiteral("Rosa"), kWhen);
    EXPECT_EQ(stateOf(e), UnitState::Approved);
    EXPECT_TRUE(e.translatorComments.startsWith(QStringLiteral("Checked against the NCI dictionary.\nwb:state {")));
    EXPECT_TRUE(e.translatorComments.contains(QStringLiteral("\"by\":\"Rosa\"")));
    // An edit in any tool, even one that knows nothing of the mark, ends the approval.
    e.msgstr = QStringLiteral("Médula espinal.");
    EXPECT_EQ(stateOf(e), UnitState::Translated);
}

TEST(ReviewMarks, RejectedUnitsAreFuzzySoGettextNeverShipsThem)
{
    PoEntry e = translatedEntry();
    setReviewState(e, UnitState::Rejected, QStringLiteral("Rosa"), kWhen, QStringLiteral("wrong term"));
    EXPECT_TRUE(e.fuzzy);
    EXPECT_EQ(stateOf(e), UnitState::Rejected);
    EXPECT_TRUE(e.translatorComments.contains(QStringLiteral("\"reason\":\"wrong term\"")));
    setReviewState(e, UnitState::Translated, QStringLiteral("Ana"), kWhen);
    EXPECT_EQ(stateOf(e), UnitState::Translated);
    EXPECT_FALSE(e.translatorComments.contains(QStringLiteral("wb:state")));
}

TEST(ReviewMarks, MarksSurviveMsgcatAndMsgmerge)
{
    QTemporaryDir dir;
    PoCatalog catalog;
    catalog.header = QStringLiteral("Content-Type: text/plain; charset=UTF-8\n");
    PoEntry approved = translatedEntry();
    setReviewState(approved, UnitState::Approved, QStringLiteral("Rosa"), kWhen);
    PoEntry rejected = translatedEntry();
    rejected.context = QStringLiteral("u.2");
    setReviewState(rejected, UnitState::Rejected, QStringLiteral("Rosa"), kWhen, QStringLiteral("dose changed"));
    catalog.entries = {approved, rejected};
    const QString po = dir.filePath(QStringLiteral("es.po"));
    ASSERT_TRUE(catalog.write(po).ok());

    PoCatalog templ;
    templ.header = catalog.header;
    for (PoEntry e : catalog.entries) {
        e.msgstr.clear();
        e.translatorComments.clear();
        e.fuzzy = false;
        templ.entries.append(e);
    }
    const QString pot = dir.filePath(QStringLiteral("t.pot"));
    ASSERT_TRUE(templ.write(pot).ok());

    const QString merged = dir.filePath(QStringLiteral("merged.po"));
    ASSERT_EQ(test::run(QStringLiteral("msgmerge"), {QStringLiteral("-q"), QStringLiteral("-o"), merged, po, pot}).exitCode, 0);
    const QString catted = dir.filePath(QStringLiteral("catted.po"));
    ASSERT_EQ(test::run(QStringLiteral("msgcat"), {QStringLiteral("-o"), catted, merged}).exitCode, 0);

    auto back = PoCatalog::read(catted);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->entries.size(), 2);
    EXPECT_EQ(stateOf(back->entries[0]), UnitState::Approved);
    EXPECT_EQ(stateOf(back->entries[1]), UnitState::Rejected);
}
