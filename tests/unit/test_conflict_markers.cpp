// A catalog git merged as plain text (no merge driver in the clone): its conflict markers are
// named where they are, and the repair turns the regions back into units as the driver would.
#include "po/conflict_markers.h"
#include "po/po_merge.h"
#include "po/review_marks.h"
#include "review/review_record.h"

#include <gtest/gtest.h>

using namespace wb;

namespace {

const QByteArray kHeader = "msgid \"\"\n"
                           "msgstr \"\"\n"
                           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                           "\"Language: es\\n\"\n\n";

QByteArray unit(const char *id, const char *source, const char *target)
{
    return QByteArray("msgctxt \"") + id + "\"\nmsgid \"" + source + "\"\nmsgstr \"" + target + "\"\n";
}

// What `git merge` writes when both sides changed the "call" unit: the "rest" unit, changed on
// their side only, was merged cleanly outside the region.
const QByteArray kMarked = kHeader + unit("call.1", "Call your doctor.", "") + "\n"
                           + "<<<<<<< HEAD\n" + unit("call.1b", "Call now.", "Llame ahora.")
                           + "=======\n" + unit("call.1b", "Call now.", "Llame ya.")
                           + ">>>>>>> theirs\n\n" + unit("rest.2", "Rest.", "Descanse.");

PoEntry entryOf(const PoCatalog &catalog, const QString &id)
{
    const qsizetype index = catalog.indexOfContext(id);
    EXPECT_GE(index, 0) << qPrintable(id);
    return index >= 0 ? catalog.entries[index] : PoEntry{};
}

} // namespace

TEST(ConflictMarkers, AreFoundOnTheirLineAndReadingSaysHowToRepair)
{
    EXPECT_EQ(firstConflictMarkerLine(kMarked), 10);
    EXPECT_EQ(firstConflictMarkerLine(kHeader + unit("a.1", "<<<<<<< not a marker", "")), 0);
    auto read = PoCatalog::fromBytes(kMarked, QStringLiteral("locales/es/doc.po"));
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(read.error().line, 10);
    EXPECT_TRUE(read.error().message.contains(QStringLiteral("workbench repair-conflicts locales/es/doc.po")))
        << qPrintable(read.error().message);
}

TEST(ConflictMarkers, SplitIntoEachSidesFileWithTheBaseInDiff3Style)
{
    const QByteArray diff3 = "a\n<<<<<<< ours\nb1\n||||||| base\nb0\n=======\nb2\n>>>>>>> theirs\nc\n";
    auto sides = splitConflictMarkers(diff3, QStringLiteral("x.po"));
    ASSERT_TRUE(sides.ok()) << qPrintable(sides.error().toString());
    EXPECT_EQ(sides->ours, "a\nb1\nc\n");
    EXPECT_EQ(sides->theirs, "a\nb2\nc\n");
    ASSERT_TRUE(sides->base.has_value());
    EXPECT_EQ(*sides->base, "a\nb0\nc\n");
    EXPECT_EQ(sides->regions, 1);

    auto plain = splitConflictMarkers(kMarked, QStringLiteral("x.po"));
    ASSERT_TRUE(plain.ok());
    EXPECT_FALSE(plain->base.has_value()); // git's default style carries no base
}

TEST(ConflictMarkers, BrokenMarkersNameTheLine)
{
    auto unclosed = splitConflictMarkers("a\n<<<<<<< ours\nb\n=======\nc\n", QStringLiteral("x.po"));
    ASSERT_FALSE(unclosed.ok());
    EXPECT_EQ(unclosed.error().line, 2);
    EXPECT_TRUE(unclosed.error().message.contains(QStringLiteral("never closed")));
    auto stray = splitConflictMarkers("a\n=======\nb\n", QStringLiteral("x.po"));
    ASSERT_FALSE(stray.ok());
    EXPECT_EQ(stray.error().line, 2);
}

TEST(ConflictMarkers, RepairKeepsEveryUnitAndRecordsTheOneBothSidesChanged)
{
    ConflictRepair repair;
    auto repaired = repairConflictMarkers(kMarked, QStringLiteral("doc.po"), repair);
    ASSERT_TRUE(repaired.ok()) << qPrintable(repaired.error().toString());
    EXPECT_EQ(repair.regions, 1);
    EXPECT_EQ(repair.merge.conflicts, QStringList{QStringLiteral("call.1b")});
    EXPECT_EQ(entryOf(*repaired, QStringLiteral("rest.2")).msgstr, QStringLiteral("Descanse."));
    EXPECT_EQ(entryOf(*repaired, QStringLiteral("call.1")).msgstr, QString());
    const PoEntry conflicted = entryOf(*repaired, QStringLiteral("call.1b"));
    EXPECT_EQ(conflicted.msgstr, QStringLiteral("Llame ahora.")); // ours, as the driver keeps it
    EXPECT_TRUE(conflicted.fuzzy);
    const QList<RecordedConflict> records = recordedConflicts(conflicted);
    ASSERT_EQ(records.size(), 1);
    EXPECT_EQ(records[0].ours, QStringLiteral("Llame ahora."));
    EXPECT_EQ(records[0].theirs, QStringLiteral("Llame ya."));
    // What is written reads back: no marker is left.
    auto bytes = repaired->toBytes();
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(firstConflictMarkerLine(*bytes), 0);
    EXPECT_TRUE(PoCatalog::fromBytes(*bytes, QStringLiteral("doc.po")).ok());
}

TEST(ConflictMarkers, WithTheBaseAUnitOnlyOneSideChangedIsNoConflict)
{
    // One region spans two units: ours changed "a", theirs changed "b". With diff3's base the
    // repair knows who changed what, as the driver does.
    const QByteArray marked = kHeader + "<<<<<<< ours\n" + unit("a.1", "A.", "Ah.") + "\n" + unit("b.2", "B.", "")
                              + "||||||| base\n" + unit("a.1", "A.", "") + "\n" + unit("b.2", "B.", "")
                              + "=======\n" + unit("a.1", "A.", "") + "\n" + unit("b.2", "B.", "Be.")
                              + ">>>>>>> theirs\n";
    ConflictRepair repair;
    auto repaired = repairConflictMarkers(marked, QStringLiteral("doc.po"), repair);
    ASSERT_TRUE(repaired.ok()) << qPrintable(repaired.error().toString());
    EXPECT_TRUE(repair.merge.conflicts.isEmpty());
    EXPECT_EQ(entryOf(*repaired, QStringLiteral("a.1")).msgstr, QStringLiteral("Ah."));
    EXPECT_EQ(entryOf(*repaired, QStringLiteral("b.2")).msgstr, QStringLiteral("Be."));
}

TEST(ConflictMarkers, ASideThatIsNotACatalogIsNamed)
{
    const QByteArray marked = kHeader + "<<<<<<< ours\nmsgid \"A.\n=======\n" + unit("a.1", "A.", "") + ">>>>>>> theirs\n";
    ConflictRepair repair;
    auto repaired = repairConflictMarkers(marked, QStringLiteral("doc.po"), repair);
    ASSERT_FALSE(repaired.ok());
    EXPECT_EQ(repaired.error().kind, ErrorKind::InvalidInput);
    EXPECT_TRUE(repaired.error().message.contains(QStringLiteral("ours version"))) << qPrintable(repaired.error().message);
}

TEST(ResolveConflict, KeepsTheChosenVersionTranslatedAndRecordsWhoAndWhich)
{
    ConflictRepair repair;
    auto repaired = repairConflictMarkers(kMarked, QStringLiteral("doc.po"), repair);
    ASSERT_TRUE(repaired.ok());
    PoEntry entry = entryOf(*repaired, QStringLiteral("call.1b"));
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-12-03T10:00:00Z"), Qt::ISODate);
    ASSERT_TRUE(resolveConflict(entry, ConflictChoice::Theirs, {}, QStringLiteral("Rosa"), at).ok());
    EXPECT_EQ(entry.msgstr, QStringLiteral("Llame ya."));
    EXPECT_FALSE(entry.fuzzy);
    EXPECT_TRUE(recordedConflicts(entry).isEmpty());
    EXPECT_EQ(stateOf(entry), UnitState::Translated); // never approved by resolving
    EXPECT_TRUE(refuseIfConflicted(entry, QStringLiteral("approved")).ok());
    const QList<HistoryEvent> history = historyOf(entry);
    ASSERT_FALSE(history.isEmpty());
    EXPECT_EQ(history.last().action, QStringLiteral("resolved"));
    EXPECT_EQ(history.last().by, QStringLiteral("Rosa"));
    EXPECT_EQ(history.last().at, at);
    EXPECT_TRUE(entry.translatorComments.contains(QStringLiteral("\"kept\":\"theirs\"")));

    // Nothing left to resolve: refused, with the unit named.
    const Status again = resolveConflict(entry, ConflictChoice::Ours, {}, QStringLiteral("Rosa"), at);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("call.1b")));
}

TEST(ResolveConflict, NewTextOrTheBaseCanBeChosen)
{
    ConflictRepair repair;
    auto repaired = repairConflictMarkers(kMarked, QStringLiteral("doc.po"), repair);
    ASSERT_TRUE(repaired.ok());
    PoEntry withText = entryOf(*repaired, QStringLiteral("call.1b"));
    ASSERT_TRUE(resolveConflict(withText, ConflictChoice::Text, QStringLiteral("Llame enseguida."), QStringLiteral("Ana"), QDateTime::currentDateTimeUtc()).ok());
    EXPECT_EQ(withText.msgstr, QStringLiteral("Llame enseguida."));
    PoEntry withBase = entryOf(*repaired, QStringLiteral("call.1b"));
    ASSERT_TRUE(resolveConflict(withBase, ConflictChoice::Base, {}, QStringLiteral("Ana"), QDateTime::currentDateTimeUtc()).ok());
    EXPECT_EQ(withBase.msgstr, QString()); // both sides started from nothing
    EXPECT_EQ(stateOf(withBase), UnitState::Untranslated);
}
