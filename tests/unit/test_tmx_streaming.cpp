// TMX at real scale: the file is read as it goes into one transaction, with no size limit;
// a bad unit or byte anywhere names its line and leaves the memory exactly as it was.
#include "common/text_file.h"
#include "common/utf8_check.h"
#include "tm/tm_store.h"
#include "tm/tmx_format.h"
#include "tm/tmx_import.h"
#include "test_support.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

const QByteArray kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<tmx version=\"1.4\">\n"
                         "<header creationtool=\"t\" srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\"/>\n"
                         "<body>\n"; // 4 lines: unit i starts on line 5 + 4 * i

QByteArray tu(int i, const QByteArray &word = "fever")
{
    return "<tu>\n<tuv xml:lang=\"en\"><seg>Unit " + QByteArray::number(i) + " has " + word + ".</seg></tuv>\n"
           "<tuv xml:lang=\"es\"><seg>La unidad " + QByteArray::number(i) + " tiene " + word + ".</seg></tuv>\n</tu>\n";
}

QByteArray tmx(int units, const QByteArray &word = "fever")
{
    QByteArray out = kHead;
    for (int i = 0; i < units; ++i)
        out += tu(i, word);
    return out + "</body>\n</tmx>\n";
}

// What a memory holds, to compare before and after a failed import.
struct MemoryState {
    qsizetype units = 0;
    qint64 lastId = 0;
    qint64 generation = 0;
    bool operator==(const MemoryState &o) const { return units == o.units && lastId == o.lastId && generation == o.generation; }
};

MemoryState stateOf(const QString &database)
{
    auto store = TmStore::open(database);
    EXPECT_TRUE(store.ok());
    return MemoryState{(*store)->units(QStringLiteral("en"), QStringLiteral("es"))->size(), *(*store)->lastId(), *(*store)->generation()};
}

// A TMX document made up as it is read, counting how much was asked for: a reader that
// slurped the device before handing out units would be seen.
class GeneratedTmx : public QIODevice {
public:
    explicit GeneratedTmx(int units) : m_units(units) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 produced() const { return m_produced; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        while (m_pending.size() < maxSize && m_next <= m_units) {
            m_pending += m_next == 0 ? kHead : QByteArray();
            m_pending += m_next < m_units ? tu(m_next) : QByteArray("</body>\n</tmx>\n");
            ++m_next;
        }
        const qint64 n = std::min<qint64>(maxSize, m_pending.size());
        memcpy(data, m_pending.constData(), size_t(n));
        m_pending.remove(0, n);
        m_produced += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    int m_units;
    int m_next = 0;
    QByteArray m_pending;
    qint64 m_produced = 0;
};

TEST(TmxStreaming, UnitsAreHandedOnWhileTheDeviceIsStillBeingRead)
{
    GeneratedTmx device(50000); // about 6 MB
    qint64 producedAtFirstUnit = -1;
    qsizetype seen = 0;
    auto read = readTmx(device, QStringLiteral("generated.tmx"), QStringLiteral("es"), [&](TmUnit &u) {
        if (seen++ == 0) {
            producedAtFirstUnit = device.produced();
            EXPECT_EQ(u.source, QStringLiteral("Unit 0 has fever."));
        }
        return Status();
    });
    ASSERT_TRUE(read.ok()) << qPrintable(read.error().toString());
    EXPECT_EQ(read->units, 50000);
    EXPECT_EQ(read->sourceLanguage, QStringLiteral("en"));
    EXPECT_GT(device.produced(), 5'000'000);
    EXPECT_LT(producedAtFirstUnit, 1'000'000); // the first unit came long before the end
}

TEST(TmxStreaming, ImportTakesAFileOverTheInputLimit)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("big.tmx"));
    test::writeAll(file, tmx(2000)); // about 250 KB
    ScopedInputLimit limit(64 * 1024);
    ASSERT_FALSE(readFileBytes(file).ok()); // the limit is in force: a whole-file read is refused
    auto imported = importTmxFile(file, dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("es"));
    ASSERT_TRUE(imported.ok()) << qPrintable(imported.error().toString());
    EXPECT_EQ(imported->read, 2000);
    EXPECT_EQ(imported->added, 2000);
    EXPECT_FALSE(imported->indexProblem.has_value());
}

TEST(TmxStreaming, ABadUnitFarIntoTheFileNamesItsLineAndChangesNothing)
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    const QString good = dir.filePath(QStringLiteral("good.tmx"));
    test::writeAll(good, tmx(100, "cough"));
    ASSERT_TRUE(importTmxFile(good, database, QStringLiteral("es")).ok());
    const MemoryState before = stateOf(database);
    ASSERT_EQ(before.units, 100);

    // 40,000 good units (over 5 MB, many reads of the device), then one whose <seg> is never closed.
    constexpr int kGood = 40000;
    QByteArray bytes = kHead;
    for (int i = 0; i < kGood; ++i)
        bytes += tu(i);
    const int badLine = 5 + 4 * kGood + 1;
    bytes += "<tu>\n<tuv xml:lang=\"en\"><seg>Broken</tuv>\n</tu>\n</body>\n</tmx>\n";
    const QString bad = dir.filePath(QStringLiteral("bad.tmx"));
    test::writeAll(bad, bytes);
    auto imported = importTmxFile(bad, database, QStringLiteral("es"));
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error().file, bad);
    EXPECT_EQ(imported.error().line, badLine) << qPrintable(imported.error().toString());
    EXPECT_EQ(stateOf(database), before);
    auto store = TmStore::open(database);
    EXPECT_TRUE((*store)->concordance(QStringLiteral("fever"), 10)->isEmpty()); // nor the search index
    // The import had stopped feeding the search index row by row; the rollback put that back.
    TmUnit later;
    later.source = QStringLiteral("A fever came back.");
    later.target = QStringLiteral("Volvió la fiebre.");
    ASSERT_TRUE((*store)->add({later}).ok());
    EXPECT_EQ((*store)->concordance(QStringLiteral("fever"), 10)->size(), 1);
}

TEST(TmxStreaming, EveryUnitOfALargeImportIsFoundByConcordanceOnce)
{
    // Past a few thousand units the search index is filled at the end in one statement:
    // the units before and after that point, and those added later, are each found once.
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    const QString file = dir.filePath(QStringLiteral("big.tmx"));
    constexpr int kUnits = 5000;
    static_assert(kUnits > TmStore::Writer::kSearchIndexedAtTheEndAfter);
    test::writeAll(file, tmx(kUnits));
    auto imported = importTmxFile(file, database, QStringLiteral("es"));
    ASSERT_TRUE(imported.ok()) << qPrintable(imported.error().toString());
    auto store = TmStore::open(database);
    ASSERT_TRUE(store.ok());
    for (int i : {0, 1, int(TmStore::Writer::kSearchIndexedAtTheEndAfter) - 1, int(TmStore::Writer::kSearchIndexedAtTheEndAfter),
                  int(TmStore::Writer::kSearchIndexedAtTheEndAfter) + 1, kUnits - 1}) {
        auto found = (*store)->concordance(QString::number(i), 10);
        ASSERT_TRUE(found.ok());
        ASSERT_EQ(found->size(), 1) << i;
        EXPECT_EQ(found->first().source, QStringLiteral("Unit %1 has fever.").arg(i));
    }
    EXPECT_EQ((*store)->concordance(QStringLiteral("fever"), kUnits + 10)->size(), kUnits);
    TmUnit later;
    later.source = QStringLiteral("Unit 77777 came later.");
    later.target = QStringLiteral("La unidad 77777 llegó después.");
    ASSERT_TRUE((*store)->add({later}).ok());
    EXPECT_EQ((*store)->concordance(QStringLiteral("77777"), 10)->size(), 1);
}

TEST(TmxStreaming, InvalidUtf8DeepInTheFileNamesItsLine)
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    constexpr int kGood = 30000;
    QByteArray bytes = kHead;
    for (int i = 0; i < kGood; ++i)
        bytes += tu(i, "fi\xC3\xA8vre"); // UTF-8 on both sides of every read boundary
    const int badLine = 5 + 4 * kGood + 1;
    bytes += "<tu>\n<tuv xml:lang=\"en\"><seg>caf\xE9</seg></tuv>\n<tuv xml:lang=\"es\"><seg>x</seg></tuv>\n</tu>\n</body>\n</tmx>\n";
    const QString file = dir.filePath(QStringLiteral("latin1.tmx"));
    test::writeAll(file, bytes);
    auto imported = importTmxFile(file, database, QStringLiteral("es"));
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error().line, badLine) << qPrintable(imported.error().toString());
    EXPECT_EQ(imported.error().column, 28);
    EXPECT_TRUE(imported.error().message.contains(QStringLiteral("invalid UTF-8 byte 0xe9"))) << qPrintable(imported.error().message);
    EXPECT_EQ(stateOf(database).units, 0);
}

TEST(TmxStreaming, AnExternalEntityIsRefusedBeforeAnyUnit)
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    const QString file = dir.filePath(QStringLiteral("xxe.tmx"));
    QByteArray bytes = tmx(10);
    bytes.insert(bytes.indexOf("<tmx"), "<!DOCTYPE tmx [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n");
    test::writeAll(file, bytes);
    auto imported = importTmxFile(file, database, QStringLiteral("es"));
    ASSERT_FALSE(imported.ok());
    EXPECT_TRUE(imported.error().message.contains(QStringLiteral("external entity 'secret'"))) << qPrintable(imported.error().message);
    EXPECT_EQ(stateOf(database).units, 0);
}

TEST(Utf8CheckTest, PiecesOfAnySizeGiveTheWholeFilesAnswer)
{
    const QByteArray good = "caf\xC3\xA9 \xE2\x82\xAC\n\xF0\x9F\x98\x80 line two\n\xE4\xB8\xAD";
    const QList<QByteArray> inputs = {good, good + "\n\xC3(", good + "\xE2\x82", good + "\n\n\xF0\x9F\x98\x41", good + QByteArray("\0x", 2)};
    for (const QByteArray &input : inputs) {
        const Status whole = checkUtf8(input, QStringLiteral("f"));
        for (qsizetype piece = 1; piece <= 5; ++piece) {
            Utf8Check check(QStringLiteral("f"));
            Status result;
            for (qsizetype at = 0; at < input.size() && result.ok(); at += piece)
                result = check.feed(input.mid(at, piece));
            if (result.ok())
                result = check.finish();
            ASSERT_EQ(result.ok(), whole.ok()) << input.toHex().constData() << " in pieces of " << piece;
            if (!whole.ok()) {
                EXPECT_EQ(result.error().line, whole.error().line) << input.toHex().constData() << " in pieces of " << piece;
                EXPECT_EQ(result.error().column, whole.error().column) << input.toHex().constData() << " in pieces of " << piece;
                EXPECT_EQ(result.error().message, whole.error().message);
            }
        }
    }
    EXPECT_TRUE(checkUtf8(good, QStringLiteral("f")).ok());
    EXPECT_EQ(checkUtf8(good + "\xE2\x82", QStringLiteral("f")).error().line, 3); // cut short at the end
}

TEST(TmStoreWriter, NotCommittedLeavesTheMemoryAsItWas)
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("m.sqlite"));
    auto store = TmStore::open(database);
    ASSERT_TRUE(store.ok());
    TmUnit unit;
    unit.source = QStringLiteral("Drink water.");
    unit.target = QStringLiteral("Beba agua.");
    ASSERT_TRUE((*store)->add({unit}).ok());
    const qint64 generation = *(*store)->generation();
    {
        auto writer = (*store)->write();
        ASSERT_TRUE(writer.ok());
        TmUnit other = unit;
        other.source = QStringLiteral("Rest.");
        ASSERT_TRUE((*writer)->add(other).ok());
    } // no commit
    EXPECT_EQ((*store)->units(QStringLiteral("en"), QStringLiteral("es"))->size(), 1);
    EXPECT_EQ(*(*store)->generation(), generation);

    auto writer = (*store)->write();
    ASSERT_TRUE(writer.ok());
    unit.author = QStringLiteral("ana"); // the same unit again: updated, not new
    ASSERT_TRUE((*writer)->add(unit).ok());
    auto added = (*writer)->commit();
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(*added, 0);
    EXPECT_EQ(*(*store)->generation(), generation + 1);
    const auto units = *(*store)->units(QStringLiteral("en"), QStringLiteral("es"));
    ASSERT_EQ(units.size(), 1);
    EXPECT_EQ(units.first().author, QStringLiteral("ana"));
    EXPECT_EQ((*store)->concordance(QStringLiteral("water"), 10)->size(), 1); // the search index still finds it, once
}

} // namespace
