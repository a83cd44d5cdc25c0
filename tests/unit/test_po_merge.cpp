// Three-way merge of PO catalogs by unit (git's merge driver) and how the editor shows a
// conflict the merge recorded.
#include "test_support.h"
#include "editor/editor_session.h"
#include "po/po_catalog.h"
#include "po/po_merge.h"
#include "po/review_marks.h"
#include "review/review_record.h"

#include <QDir>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

const QDateTime kMonday = QDateTime::fromString(QStringLiteral("2024-05-06T09:00:00Z"), Qt::ISODate);
const QDateTime kTuesday = kMonday.addDays(1);

PoEntry unit(const QString &id, const QString &source, const QString &target = {})
{
    PoEntry e;
    e.context = id;
    e.msgid = source;
    e.msgstr = target;
    e.extractedComments = QStringLiteral("paragraph");
    e.references = {{QStringLiteral("source-content/en/doc.md"), 1}};
    return e;
}

// The base every test starts from: four units, one of them translated.
PoCatalog baseCatalog()
{
    PoCatalog c;
    c.header = QStringLiteral("Language: es\nContent-Type: text/plain; charset=UTF-8\nPO-Revision-Date: 2024-05-01 10:00+0000\n");
    c.entries = {unit(QStringLiteral("fever.1"), QStringLiteral("Fever")),
                 unit(QStringLiteral("water.2"), QStringLiteral("Drink water.")),
                 unit(QStringLiteral("rest.3"), QStringLiteral("Rest at home.")),
                 unit(QStringLiteral("call.4"), QStringLiteral("Call your doctor."), QStringLiteral("Llame a su médico."))};
    return c;
}

PoEntry &at(PoCatalog &c, const QString &id)
{
    return c.entries[c.indexOfContext(id)];
}

const PoEntry &at(const PoCatalog &c, const QString &id)
{
    return c.entries[c.indexOfContext(id)];
}

// A translator confirming a target, as the editor records it.
void translate(PoCatalog &c, const QString &id, const QString &text, const QString &by, const QDateTime &when)
{
    PoEntry &e = at(c, id);
    e.msgstr = text;
    e.fuzzy = false;
    ASSERT_TRUE(recordTranslation(e, by, when).ok());
}

QStringList contextsOf(const PoCatalog &c)
{
    QStringList ids;
    for (const PoEntry &e : c.entries)
        ids.append(e.context);
    return ids;
}

// msgfmt -c: gettext's own check of a catalog written to disk.
void expectMsgfmtAccepts(const PoCatalog &catalog, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("merged.po"));
    ASSERT_TRUE(catalog.write(path).ok());
    const auto checked = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), path});
    EXPECT_EQ(checked.exitCode, 0) << checked.err.constData();
}

} // namespace

TEST(PoMerge, UnitsChangedOnOneSideTakeThatSide)
{
    const PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    translate(ours, QStringLiteral("fever.1"), QStringLiteral("Fiebre"), QStringLiteral("Ana"), kMonday);
    translate(theirs, QStringLiteral("water.2"), QStringLiteral("Beba agua."), QStringLiteral("Rosa"), kMonday);

    PoMergeReport report;
    const PoCatalog merged = mergeCatalogs(base, ours, theirs, report);
    EXPECT_EQ(at(merged, QStringLiteral("fever.1")).msgstr, QStringLiteral("Fiebre"));
    EXPECT_EQ(at(merged, QStringLiteral("water.2")).msgstr, QStringLiteral("Beba agua."));
    EXPECT_EQ(stateOf(at(merged, QStringLiteral("water.2"))), UnitState::Translated);
    EXPECT_EQ(at(merged, QStringLiteral("call.4")).msgstr, QStringLiteral("Llame a su médico."));
    EXPECT_EQ(report.takenFromOurs, 1);
    EXPECT_EQ(report.takenFromTheirs, 1);
    EXPECT_TRUE(report.conflicts.isEmpty());
    EXPECT_EQ(contextsOf(merged), contextsOf(base));
}

TEST(PoMerge, TheSameTranslationOnBothSidesIsNoConflictAndKeepsBothHistories)
{
    const PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    translate(ours, QStringLiteral("rest.3"), QStringLiteral("Descanse en casa."), QStringLiteral("Ana"), kMonday);
    translate(theirs, QStringLiteral("rest.3"), QStringLiteral("Descanse en casa."), QStringLiteral("Luis"), kTuesday);

    PoMergeReport report;
    const PoEntry merged = at(mergeCatalogs(base, ours, theirs, report), QStringLiteral("rest.3"));
    EXPECT_TRUE(report.conflicts.isEmpty());
    EXPECT_EQ(merged.msgstr, QStringLiteral("Descanse en casa."));
    EXPECT_FALSE(merged.fuzzy);
    const QList<HistoryEvent> history = historyOf(merged);
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history[0].by, QStringLiteral("Ana"));
    EXPECT_EQ(history[1].by, QStringLiteral("Luis"));

    // Identical on both sides, history included: taken once, no line doubled.
    PoMergeReport again;
    const PoEntry once = at(mergeCatalogs(base, ours, ours, again), QStringLiteral("rest.3"));
    EXPECT_EQ(once.translatorComments, at(ours, QStringLiteral("rest.3")).translatorComments);
}

TEST(PoMerge, DifferentTranslationsBecomeAConflictRecordedInTheUnit)
{
    QTemporaryDir dir;
    const PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    translate(ours, QStringLiteral("call.4"), QStringLiteral("Llame a su médico hoy."), QStringLiteral("Ana"), kMonday);
    translate(theirs, QStringLiteral("call.4"), QStringLiteral("Consulte a su médico."), QStringLiteral("Rosa"), kMonday);

    PoMergeReport report;
    const PoCatalog merged = mergeCatalogs(base, ours, theirs, report, kTuesday);
    EXPECT_EQ(report.conflicts, QStringList{QStringLiteral("call.4")});
    const PoEntry &e = at(merged, QStringLiteral("call.4"));
    EXPECT_EQ(e.msgstr, QStringLiteral("Llame a su médico hoy."));
    EXPECT_TRUE(e.fuzzy);                      // never shipped by gettext's tools
    EXPECT_EQ(stateOf(e), UnitState::Draft);
    const QList<RecordedConflict> records = recordedConflicts(e);
    ASSERT_EQ(records.size(), 1);
    EXPECT_EQ(records[0].ours, QStringLiteral("Llame a su médico hoy."));
    EXPECT_EQ(records[0].theirs, QStringLiteral("Consulte a su médico."));
    EXPECT_EQ(records[0].base, QStringLiteral("Llame a su médico."));
    EXPECT_EQ(records[0].at, kTuesday);
    // Both translators' history survives.
    EXPECT_EQ(historyOf(e).size(), 2);
    expectMsgfmtAccepts(merged, dir);
    // The record line as written in the file.
    const QByteArray bytes = test::readAll(dir.filePath(QStringLiteral("merged.po")));
    EXPECT_TRUE(bytes.contains("# wb:conflict {\"at\":\"2024-05-07T09:00:00Z\",\"base\":\"Llame a su médico.\","
                               "\"ours\":\"Llame a su médico hoy.\"")) << bytes.constData();
}

TEST(PoMerge, CommentsFromBothSidesAreKeptAndTheStateGoesWithItsTarget)
{
    PoCatalog base = baseCatalog();
    ASSERT_TRUE(approveUnit(at(base, QStringLiteral("call.4")), QStringLiteral("Rosa"), kMonday).ok());
    PoCatalog ours = base, theirs = base;
    // The reviewer comments; the translator meanwhile rewrites the approved target.
    ASSERT_TRUE(commentUnit(at(ours, QStringLiteral("call.4")), QStringLiteral("Rosa"), kTuesday, QStringLiteral("Use usted")).ok());
    translate(theirs, QStringLiteral("call.4"), QStringLiteral("Llame a su médico de inmediato."), QStringLiteral("Ana"), kTuesday);

    PoMergeReport report;
    const PoEntry e = at(mergeCatalogs(base, ours, theirs, report), QStringLiteral("call.4"));
    EXPECT_TRUE(report.conflicts.isEmpty());
    EXPECT_EQ(e.msgstr, QStringLiteral("Llame a su médico de inmediato."));
    // The approval was of the old target: it does not travel with the new one.
    EXPECT_EQ(stateOf(e), UnitState::Translated);
    EXPECT_FALSE(e.translatorComments.contains(QStringLiteral("wb:state")));
    ASSERT_EQ(commentsOf(e).size(), 1);
    EXPECT_EQ(commentsOf(e)[0].text, QStringLiteral("Use usted"));
    QStringList actions;
    for (const HistoryEvent &h : historyOf(e))
        actions.append(h.action);
    EXPECT_EQ(actions, (QStringList{QStringLiteral("approved"), QStringLiteral("commented"), QStringLiteral("translated")}));
}

TEST(PoMerge, AnApprovalOnOneSideIsKept)
{
    PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    ASSERT_TRUE(approveUnit(at(theirs, QStringLiteral("call.4")), QStringLiteral("Rosa"), kMonday).ok());
    ASSERT_TRUE(commentUnit(at(ours, QStringLiteral("call.4")), QStringLiteral("Ana"), kMonday, QStringLiteral("ok?")).ok());
    PoMergeReport report;
    const PoEntry e = at(mergeCatalogs(base, ours, theirs, report), QStringLiteral("call.4"));
    EXPECT_EQ(stateOf(e), UnitState::Approved);
    EXPECT_EQ(commentsOf(e).size(), 1);
}

TEST(PoMerge, UnitsAddedOrRemovedOnOneSide)
{
    const PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    // They: a new unit after "water.2", and "rest.3" gone. We: "rest.3" untouched,
    // "call.4" gone although they translated it again.
    theirs.entries.insert(2, unit(QStringLiteral("salt.5"), QStringLiteral("Avoid salt."), QStringLiteral("Evite la sal.")));
    theirs.entries.removeAt(theirs.indexOfContext(QStringLiteral("rest.3")));
    translate(theirs, QStringLiteral("call.4"), QStringLiteral("Llame al médico."), QStringLiteral("Rosa"), kMonday);
    ours.entries.removeAt(ours.indexOfContext(QStringLiteral("call.4")));

    PoMergeReport report;
    const PoCatalog merged = mergeCatalogs(base, ours, theirs, report);
    EXPECT_EQ(contextsOf(merged), (QStringList{QStringLiteral("fever.1"), QStringLiteral("water.2"), QStringLiteral("salt.5"),
                                               QStringLiteral("call.4")}));
    EXPECT_EQ(at(merged, QStringLiteral("call.4")).msgstr, QStringLiteral("Llame al médico.")); // their work is kept
    EXPECT_EQ(report.removed, 1);
}

TEST(PoMerge, ObsoleteOnOneSideTranslatedOnTheOther)
{
    const PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    at(ours, QStringLiteral("rest.3")).obsolete = true; // `workbench update` after a source edit
    translate(theirs, QStringLiteral("rest.3"), QStringLiteral("Descanse."), QStringLiteral("Rosa"), kMonday);
    PoMergeReport report;
    const PoCatalog merged = mergeCatalogs(base, ours, theirs, report);
    const auto it = std::find_if(merged.entries.cbegin(), merged.entries.cend(),
                                 [](const PoEntry &e) { return e.context == QLatin1String("rest.3"); });
    ASSERT_NE(it, merged.entries.cend());
    EXPECT_TRUE(it->obsolete);
    EXPECT_EQ(it->msgstr, QStringLiteral("Descanse.")); // kept for reference with the translation
}

TEST(PoMerge, HeaderIsOursWithTheNewerRevisionDate)
{
    const PoCatalog base = baseCatalog();
    PoCatalog ours = base, theirs = base;
    ours.setHeaderField(QStringLiteral("Last-Translator"), QStringLiteral("Ana"));
    ours.setHeaderField(QStringLiteral("PO-Revision-Date"), QStringLiteral("2024-05-06 10:00+0000"));
    theirs.setHeaderField(QStringLiteral("Last-Translator"), QStringLiteral("Rosa"));
    theirs.setHeaderField(QStringLiteral("PO-Revision-Date"), QStringLiteral("2024-05-06 11:30+0100")); // 10:30 UTC
    PoMergeReport report;
    PoCatalog merged = mergeCatalogs(base, ours, theirs, report);
    EXPECT_EQ(merged.headerField(QStringLiteral("Last-Translator")), QStringLiteral("Ana"));
    EXPECT_EQ(merged.headerField(QStringLiteral("PO-Revision-Date")), QStringLiteral("2024-05-06 11:30+0100"));

    theirs.setHeaderField(QStringLiteral("PO-Revision-Date"), QStringLiteral("2024-05-06 10:30+0100")); // 09:30 UTC: older
    merged = mergeCatalogs(base, ours, theirs, report);
    EXPECT_EQ(merged.headerField(QStringLiteral("PO-Revision-Date")), QStringLiteral("2024-05-06 10:00+0000"));
}

TEST(PoMerge, AConflictResolvedOnOneSideStaysResolved)
{
    const PoCatalog start = baseCatalog();
    PoCatalog a = start, b = start;
    translate(a, QStringLiteral("call.4"), QStringLiteral("Uno"), QStringLiteral("Ana"), kMonday);
    translate(b, QStringLiteral("call.4"), QStringLiteral("Dos"), QStringLiteral("Rosa"), kMonday);
    PoMergeReport report;
    const PoCatalog conflicted = mergeCatalogs(start, a, b, report);
    ASSERT_EQ(report.conflicts.size(), 1);

    // We confirm a choice (the record goes); they only comment on another unit.
    PoCatalog ours = conflicted, theirs = conflicted;
    clearRecordedConflicts(at(ours, QStringLiteral("call.4")));
    translate(ours, QStringLiteral("call.4"), QStringLiteral("Dos"), QStringLiteral("Ana"), kTuesday);
    ASSERT_TRUE(commentUnit(at(theirs, QStringLiteral("fever.1")), QStringLiteral("Rosa"), kTuesday, QStringLiteral("title case?")).ok());
    PoMergeReport second;
    const PoCatalog merged = mergeCatalogs(conflicted, ours, theirs, second);
    EXPECT_TRUE(second.conflicts.isEmpty());
    EXPECT_TRUE(recordedConflicts(at(merged, QStringLiteral("call.4"))).isEmpty());
    EXPECT_EQ(stateOf(at(merged, QStringLiteral("call.4"))), UnitState::Translated);
    EXPECT_EQ(commentsOf(at(merged, QStringLiteral("fever.1"))).size(), 1);
}

// ---- the editor and recorded conflicts -------------------------------------------------

namespace {

class RecordedConflictInEditor : public ::testing::Test {
protected:
    void SetUp() override
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path())); // journals and memory stay here
        qputenv("WORKBENCH_USER", "Ana");
        QDir().mkpath(m_project.filePath(QStringLiteral("source-content/en")));
        test::writeAll(m_project.filePath(QStringLiteral("source-content/en/doc.md")), "# Fever\n\nCall your doctor.\n");
        auto session = EditorSession::open(m_project.path(), QStringLiteral("es"));
        ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
        m_catalogPath = (*session)->catalogPath();
        m_unit = (*session)->unit(1).id;

        // What `workbench sync` leaves after two clones translated the unit differently.
        auto base = PoCatalog::read(m_catalogPath);
        ASSERT_TRUE(base.ok());
        PoCatalog ours = *base, theirs = *base;
        translate(ours, m_unit, QStringLiteral("Llame a su médico."), QStringLiteral("Ana"), kMonday);
        translate(theirs, m_unit, QStringLiteral("Consulte a su médico."), QStringLiteral("Rosa"), kMonday);
        PoMergeReport report;
        ASSERT_TRUE(mergeCatalogs(*base, ours, theirs, report).write(m_catalogPath).ok());
        ASSERT_EQ(report.conflicts.size(), 1);
    }

    std::unique_ptr<EditorSession> open()
    {
        auto session = EditorSession::open(m_project.path(), QStringLiteral("es"));
        EXPECT_TRUE(session.ok());
        return session.ok() ? std::move(*session) : nullptr;
    }

    PoEntry onDisk() const
    {
        auto catalog = PoCatalog::read(m_catalogPath);
        EXPECT_TRUE(catalog.ok());
        return catalog->entries[catalog->indexOfContext(m_unit)];
    }

    QTemporaryDir m_data;
    QTemporaryDir m_project;
    QString m_catalogPath;
    QString m_unit;
};

} // namespace

TEST_F(RecordedConflictInEditor, IsShownWhenTheDocumentOpens)
{
    auto session = open();
    ASSERT_TRUE(session);
    const int index = session->indexOf(m_unit);
    EXPECT_EQ(session->target(index), QStringLiteral("Llame a su médico."));
    ASSERT_TRUE(session->conflictingTarget(index).has_value());
    EXPECT_EQ(*session->conflictingTarget(index), QStringLiteral("Consulte a su médico."));
    EXPECT_TRUE(session->needsWork(index));
    EXPECT_EQ(session->nextNeedingWork(0), index);
}

TEST_F(RecordedConflictInEditor, ConfirmingTheUnitRemovesTheRecord)
{
    auto session = open();
    ASSERT_TRUE(session);
    const int index = session->indexOf(m_unit);
    ASSERT_TRUE(session->confirm(index).ok());
    const PoEntry e = onDisk();
    EXPECT_EQ(e.msgstr, QStringLiteral("Llame a su médico."));
    EXPECT_FALSE(e.fuzzy);
    EXPECT_FALSE(e.translatorComments.contains(QStringLiteral("wb:conflict")));
    EXPECT_FALSE(session->conflictingTarget(index).has_value());
    // Reopened: nothing left to resolve.
    auto reopened = open();
    ASSERT_TRUE(reopened);
    EXPECT_FALSE(reopened->conflictingTarget(index).has_value());
}

TEST_F(RecordedConflictInEditor, TakingTheirsWritesTheirTargetAsADraftToConfirm)
{
    auto session = open();
    ASSERT_TRUE(session);
    const int index = session->indexOf(m_unit);
    ASSERT_TRUE(session->resolveConflict(index, false).ok());
    EXPECT_EQ(session->target(index), QStringLiteral("Consulte a su médico."));
    EXPECT_FALSE(session->conflictingTarget(index).has_value());
    PoEntry e = onDisk();
    EXPECT_EQ(e.msgstr, QStringLiteral("Consulte a su médico."));
    EXPECT_TRUE(e.fuzzy);
    EXPECT_FALSE(e.translatorComments.contains(QStringLiteral("wb:conflict")));
    ASSERT_FALSE(historyOf(e).isEmpty()); // the choice is on record, with the side taken
    EXPECT_EQ(historyOf(e).last().action, QStringLiteral("resolved"));
    EXPECT_TRUE(e.translatorComments.contains(QStringLiteral("\"kept\":\"theirs\"")));
    auto reopened = open(); // resolved for every later session too
    ASSERT_TRUE(reopened);
    EXPECT_FALSE(reopened->conflictingTarget(index).has_value());

    ASSERT_TRUE(session->confirm(index).ok());
    EXPECT_EQ(stateOf(onDisk()), UnitState::Translated);
}

TEST_F(RecordedConflictInEditor, AMergeWhileTheEditorIsOpenShowsTheConflict)
{
    // The record arrives by `git pull` while the session is open on a clean catalog.
    const QByteArray conflicted = test::readAll(m_catalogPath);
    auto clean = PoCatalog::read(m_catalogPath);
    ASSERT_TRUE(clean.ok());
    clearRecordedConflicts(clean->entries[clean->indexOfContext(m_unit)]);
    ASSERT_TRUE(clean->write(m_catalogPath).ok());
    auto session = open();
    ASSERT_TRUE(session);
    const int index = session->indexOf(m_unit);
    EXPECT_FALSE(session->conflictingTarget(index).has_value());

    test::writeAll(m_catalogPath, conflicted);
    ASSERT_TRUE(session->mergeFromDisk().ok());
    ASSERT_TRUE(session->conflictingTarget(index).has_value());
    EXPECT_EQ(*session->conflictingTarget(index), QStringLiteral("Consulte a su médico."));
}

TEST_F(RecordedConflictInEditor, ApprovingIsRefusedUntilAVersionIsKept)
{
    qputenv("WORKBENCH_USER", "Rosa");
    auto session = open();
    ASSERT_TRUE(session);
    const int index = session->indexOf(m_unit);
    const QByteArray before = test::readAll(m_catalogPath);
    const Status refused = session->approve(index);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("changed on both sides of a merge"))) << qPrintable(refused.error().message);
    EXPECT_EQ(test::readAll(m_catalogPath), before);

    ASSERT_TRUE(session->resolveConflict(index, true).ok());
    ASSERT_TRUE(session->approve(index).ok());
    EXPECT_EQ(stateOf(onDisk()), UnitState::Approved);
    EXPECT_EQ(onDisk().msgstr, QStringLiteral("Llame a su médico."));
}
