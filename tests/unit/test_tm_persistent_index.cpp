// The memory's persistent index: what a lookup finds through the mapped file (plus the units
// added since) is exactly what scoring every unit finds; an index that cannot be trusted is
// rebuilt, never used; a rebuild folds the units added since.
#include "test_support.h"
#include "tm_test_support.h"
#include "tm/memory_index.h"
#include "tm/tm_index_file.h"
#include "tm/tm_store.h"

#include <QFile>
#include <QSet>
#include <QTimeZone>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

const QString kEn = QStringLiteral("en");
const QString kEs = QStringLiteral("es");

struct Opened {
    std::unique_ptr<TmIndex> index;
    QStringList rebuilt; ///< why the index was rebuilt, if it was
};

Opened openMemory(const QString &database)
{
    Opened opened;
    auto index = openIndexedMemory(database, kEn, kEs, [&](const QString &why) { opened.rebuilt.append(why); });
    EXPECT_TRUE(index.ok()) << qPrintable(index ? QString() : index.error().toString());
    if (index)
        opened.index = std::move(*index);
    return opened;
}

QString addUnits(const QString &database, const QList<TmUnit> &units)
{
    auto store = TmStore::open(database);
    if (!store)
        return store.error().toString();
    auto added = (*store)->add(units);
    return added ? QString() : added.error().toString();
}

} // namespace

TEST(TmPersistentIndex, TopFiveIsExactlyWhatAFullScanFindsInTheLoadedIndex)
{
    const QList<TmUnit> units = test::sampleTmUnits();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    // Two thirds in the index file; the rest added to the memory after it was built: the delta.
    const qsizetype firstPart = units.size() * 2 / 3;
    ASSERT_EQ(addUnits(db, units.mid(0, firstPart)), QString());
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    ASSERT_EQ(addUnits(db, units.mid(firstPart)), QString());

    Opened opened = openMemory(db);
    ASSERT_TRUE(opened.index);
    EXPECT_TRUE(opened.rebuilt.isEmpty()) << qPrintable(opened.rebuilt.join(QLatin1Char(';')));
    auto store = TmStore::open(db);
    const qint64 inMemory = *(*store)->unitCount(kEn, kEs);
    EXPECT_EQ(opened.index->size(), inMemory);
    EXPECT_GT(opened.index->persistentSize(), 200);
    EXPECT_GT(opened.index->addedSize(), 50);
    QRandomGenerator random(11);
    int compared = test::compareWithFullScan(*opened.index, units, units.size(), random);
    opened.index->add(units[0]); // a unit confirmed in the editor while the index is open
    compared += test::compareWithFullScan(*opened.index, units, units.size(), random);
    EXPECT_GT(compared, 300);

    // The same answers as the index built in memory from the same units, texts included.
    TmIndex inMemoryIndex(kEn);
    auto all = (*store)->units(kEn, kEs);
    for (const TmUnit &u : *all)
        inMemoryIndex.add(u);
    for (const QString &query : {QStringLiteral("Selected file is not a valid XLIFF document"), QStringLiteral("Select the source file"),
                                 QStringLiteral("Error reading the file")}) {
        const QList<TmMatch> mapped = opened.index->lookup(query, 50, 5), built = inMemoryIndex.lookup(query, 50, 5);
        ASSERT_EQ(mapped.size(), built.size()) << qPrintable(query);
        for (qsizetype k = 0; k < mapped.size(); ++k) {
            EXPECT_EQ(mapped[k].score, built[k].score) << qPrintable(query);
            EXPECT_EQ(mapped[k].source, built[k].source) << qPrintable(query);
            EXPECT_EQ(mapped[k].target, built[k].target) << qPrintable(query);
            EXPECT_EQ(mapped[k].origin, built[k].origin) << qPrintable(query);
        }
    }
}

TEST(TmPersistentIndex, ContextMatchesAndProvenanceComeFromTheMemory)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    TmUnit u;
    u.source = QStringLiteral("Key Points");
    u.target = QStringLiteral("Puntos importantes");
    u.previousSource = QStringLiteral("Stages of Acute Lymphoblastic Leukemia");
    u.nextSource = QStringLiteral("There is no standard staging system for ALL.");
    u.author = QStringLiteral("Ana");
    u.changed = QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC);
    u.origin = QStringLiteral("adult-all-treatment.md");
    ASSERT_EQ(addUnits(db, {u}), QString());
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    Opened opened = openMemory(db);
    ASSERT_EQ(opened.index->persistentSize(), 1);
    const QList<TmMatch> inContext = opened.index->lookup(u.source, 50, 1, u.previousSource, u.nextSource);
    ASSERT_EQ(inContext.size(), 1);
    EXPECT_EQ(inContext[0].score, 101);
    EXPECT_EQ(inContext[0].target, u.target);
    EXPECT_EQ(inContext[0].author, QStringLiteral("Ana"));
    EXPECT_EQ(inContext[0].changed, u.changed);
    EXPECT_EQ(inContext[0].origin, u.origin);
    EXPECT_EQ(opened.index->lookup(u.source, 50, 1, QStringLiteral("Other"), u.nextSource).first().score, 100);
    EXPECT_EQ(opened.index->lookup(QStringLiteral("key points"), 50, 1).first().score, 99); // case only: read from the memory's text
}

TEST(TmPersistentIndex, AnIndexThatCannotBeTrustedIsRebuiltNeverUsed)
{
    const QList<TmUnit> units = test::sampleTmUnits();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    ASSERT_EQ(addUnits(db, units.mid(0, 100)), QString());
    const QString older = dir.filePath(QStringLiteral("older.sqlite"));
    ASSERT_TRUE(QFile::copy(db, older));
    ASSERT_EQ(addUnits(db, units.mid(100)), QString());
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    const QString indexPath = TmIndexFile::pathFor(db, kEn, kEs);
    const QByteArray good = test::readAll(indexPath);
    const QString query = units[150].source;
    const auto expectRebuiltAndRight = [&](const char *what, const QString &memory, const QString &reason) {
        Opened opened = openMemory(memory);
        ASSERT_TRUE(opened.index) << what;
        ASSERT_EQ(opened.rebuilt.size(), 1) << what;
        EXPECT_TRUE(opened.rebuilt[0].contains(reason)) << what << ": " << qPrintable(opened.rebuilt[0]);
        EXPECT_EQ(opened.index->addedSize(), 0) << what << ": the rebuilt file holds every unit";
        const QList<TmMatch> found = opened.index->lookup(query, 50, 5), scanned = opened.index->lookupByScanning(query, 50, 5);
        ASSERT_EQ(found.size(), scanned.size()) << what;
        for (qsizetype k = 0; k < found.size(); ++k)
            EXPECT_EQ(found[k].score, scanned[k].score) << what;
        EXPECT_TRUE(openMemory(memory).rebuilt.isEmpty()) << what << ": rebuilt once, then trusted";
    };

    QByteArray damaged = good;
    damaged[200] = char(damaged[200] ^ 0x55); // inside the header
    test::writeAll(indexPath, damaged);
    expectRebuiltAndRight("header byte flipped", db, QStringLiteral("damaged"));

    test::writeAll(indexPath, good.left(good.size() / 2));
    expectRebuiltAndRight("truncated", db, QStringLiteral("bytes"));

    test::writeAll(indexPath, QByteArray("not an index at all, just text\n").repeated(100));
    expectRebuiltAndRight("another file", db, QStringLiteral("not a workbench memory index"));

    // The memory restored from a copy made before the index was built: the index holds units
    // the memory no longer has.
    test::writeAll(TmIndexFile::pathFor(older, kEn, kEs), good);
    expectRebuiltAndRight("memory older than its index", older, QStringLiteral("older than its index"));

    // Another memory's index under this memory's name.
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    ASSERT_EQ(addUnits(other, units), QString());
    test::writeAll(TmIndexFile::pathFor(other, kEn, kEs), good);
    expectRebuiltAndRight("another memory's index", other, QStringLiteral("another memory"));
}

TEST(TmPersistentIndex, ARebuildFoldsTheUnitsAddedSinceAndStampsTheGeneration)
{
    const QList<TmUnit> units = test::sampleTmUnits();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    ASSERT_EQ(addUnits(db, units.mid(0, 200)), QString());
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    ASSERT_EQ(addUnits(db, units.mid(200)), QString());
    EXPECT_GT(openMemory(db).index->addedSize(), 0);
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    Opened folded = openMemory(db);
    EXPECT_EQ(folded.index->addedSize(), 0);
    auto store = TmStore::open(db);
    EXPECT_EQ(folded.index->persistentSize(), *(*store)->unitCount(kEn, kEs));
    auto file = TmIndexFile::open(db, kEn, kEs);
    ASSERT_TRUE(file.ok());
    EXPECT_EQ((*file)->stamp().generation, *(*store)->generation());
    EXPECT_EQ((*file)->stamp().lastId, *(*store)->lastId());
    // Another language pair has its own index, and this one is not it.
    EXPECT_FALSE(TmIndexFile::open(db, kEn, QStringLiteral("fr")).ok());
}

// Damage the header does not show (bytes of the sections overwritten): lookups stay inside
// the file and show only units of the memory. The sanitizer build would catch a read outside.
TEST(TmPersistentIndex, DamageInsideTheSectionsNeverReadsOutsideTheFile)
{
    const QList<TmUnit> units = test::sampleTmUnits();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    ASSERT_EQ(addUnits(db, units), QString());
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    const QString indexPath = TmIndexFile::pathFor(db, kEn, kEs);
    const QByteArray good = test::readAll(indexPath);
    QSet<QString> sources;
    for (const TmUnit &u : units)
        sources.insert(u.source);
    QRandomGenerator random(5);
    for (int round = 0; round < 20; ++round) {
        QByteArray damaged = good;
        const qsizetype from = 512 + qsizetype(random.bounded(int(good.size() - 600)));
        for (qsizetype i = from; i < std::min(good.size(), from + 64 + qsizetype(random.bounded(4096))); ++i)
            damaged[i] = char(random.bounded(256));
        test::writeAll(indexPath, damaged);
        auto index = openIndexedMemory(db, kEn, kEs);
        ASSERT_TRUE(index.ok());
        for (const QString &query : {units[3].source, units[100].source, QStringLiteral("Select the file to convert")}) {
            for (const TmMatch &m : (*index)->lookup(query, 30, 5))
                EXPECT_TRUE(m.source.isEmpty() || sources.contains(m.source)) << "round " << round << ": " << qPrintable(m.source);
            for (const TmMatch &m : (*index)->lookupByScanning(query, 30, 5))
                EXPECT_TRUE(m.source.isEmpty() || sources.contains(m.source)) << "round " << round;
        }
    }
}

// A copy of the memory that went its own way (same identity, as many writes and units, other
// texts) and came back beside the index: the index is rebuilt, not trusted.
TEST(TmPersistentIndex, AMemoryCopyChangedElsewhereIsNotTrustedWithTheOldIndex)
{
    const QList<TmUnit> units = test::sampleTmUnits();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite")), copy = dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_EQ(addUnits(db, units.mid(0, 100)), QString());
    ASSERT_TRUE(QFile::copy(db, copy));
    ASSERT_EQ(addUnits(db, units.mid(100, 50)), QString());
    ASSERT_EQ(addUnits(copy, units.mid(200, 50)), QString()); // the same count of writes and units, other texts
    ASSERT_TRUE(rebuildMemoryIndex(db, kEn, kEs).ok());
    const QByteArray index = test::readAll(TmIndexFile::pathFor(db, kEn, kEs));
    ASSERT_TRUE(QFile::remove(db));
    ASSERT_TRUE(QFile::copy(copy, db));
    test::writeAll(TmIndexFile::pathFor(db, kEn, kEs), index);
    Opened opened = openMemory(db);
    ASSERT_EQ(opened.rebuilt.size(), 1);
    EXPECT_TRUE(opened.rebuilt[0].contains(QStringLiteral("not the ones indexed"))) << qPrintable(opened.rebuilt[0]);
    const QList<TmMatch> found = opened.index->lookup(units[210].source, 100, 1);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].target, units[210].target);
}
