// The memory's persistent index under SIGKILL: `workbench tm optimize` killed at random points
// of its build leaves the previous index whole (or the new one whole), nothing beside the
// memory, and a memory whose lookups need no rebuild. Real processes, real files.
// WB_TM_CRASH_CYCLES (default 30) sets the number of kills.
#include "test_support.h"
#include "tm/memory_index.h"
#include "tm/tm_index_file.h"
#include "tm/tm_store.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

const QString kEn = QStringLiteral("en");
const QString kEs = QStringLiteral("es");

// Sentences of random words from a fixed vocabulary: enough units that a build takes a
// while, so kills land in every phase of it.
QList<TmUnit> randomUnits(QRandomGenerator &random, int count)
{
    static const QStringList words = QStringLiteral(
        "the bone marrow makes blood cells leukemia acute lymphoblastic treatment stem cell transplant chemotherapy "
        "radiation therapy doctor patient children adults white red platelets infection fever bleeding risk "
        "test biopsy sample tissue lymph nodes spleen liver brain spinal fluid relapse remission targeted")
                                          .split(QLatin1Char(' '));
    QList<TmUnit> units;
    for (int i = 0; i < count; ++i) {
        QStringList sentence;
        for (int w = 0, n = 6 + int(random.bounded(14)); w < n; ++w)
            sentence.append(words[int(random.bounded(words.size()))]);
        sentence.append(QString::number(random.bounded(100000)));
        TmUnit u;
        u.source = sentence.join(QLatin1Char(' ')) + QLatin1Char('.');
        u.target = QStringLiteral("ES ") + u.source;
        units.append(u);
    }
    return units;
}

QStringList besideMemory(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &expected : {QStringLiteral("memory.sqlite"), QStringLiteral("memory.sqlite-wal"), QStringLiteral("memory.sqlite-shm"),
                                    QStringLiteral("memory.sqlite.en-es.tmindex"), QStringLiteral("tmp")})
        names.removeAll(expected);
    return names;
}

} // namespace

TEST(CrashSafety, AKilledIndexBuildLeavesTheOldIndexWhole)
{
    bool set = false;
    const int cycles = qEnvironmentVariableIntValue("WB_TM_CRASH_CYCLES", &set);
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    const QString indexPath = TmIndexFile::pathFor(db, kEn, kEs);
    QRandomGenerator random(quint32(QDateTime::currentMSecsSinceEpoch()));
    const quint32 seed = random.generate();
    std::printf("seed %u\n", seed);
    random.seed(seed);
    {
        auto store = TmStore::open(db);
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE((*store)->add(randomUnits(random, 40000)).ok());
    }
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("tmp")));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), dir.filePath(QStringLiteral("tmp")));
    const QStringList optimize = {QStringLiteral("tm"), QStringLiteral("optimize"), QStringLiteral("--db"), db};
    const test::Outcome first = test::runAndMaybeKill(optimize, env, -1);
    ASSERT_EQ(first.exitCode, 0) << first.err.constData();
    const qint64 normalMs = std::max<qint64>(first.elapsedMs, 50);

    int killed = 0, keptOld = 0, landedNew = 0;
    for (int cycle = 0; cycle < (set ? cycles : 30); ++cycle) {
        {
            auto store = TmStore::open(db);
            ASSERT_TRUE(store.ok());
            ASSERT_TRUE((*store)->add(randomUnits(random, 20)).ok()); // the next build differs from this one
        }
        const QByteArray before = test::readAll(indexPath);
        const test::Outcome run = test::runAndMaybeKill(optimize, env, int(random.bounded(int(normalMs * 6 / 5) + 1)));
        ASSERT_TRUE(run.killed || run.exitCode == 0) << "cycle " << cycle << " (seed " << seed << "): " << run.err.constData();
        killed += run.killed;
        const QByteArray after = test::readAll(indexPath);
        auto store = TmStore::open(db);
        ASSERT_TRUE(store.ok());
        auto file = TmIndexFile::open(db, kEn, kEs);
        ASSERT_TRUE(file.ok()) << "cycle " << cycle << " (seed " << seed << "): " << qPrintable(file.error().toString());
        if (after == before) {
            ++keptOld;
            ASSERT_TRUE(run.killed) << "cycle " << cycle << ": a build that finished left the old index";
        } else {
            ++landedNew;
            EXPECT_EQ((*file)->stamp().generation, *(*store)->generation()) << "cycle " << cycle << " (seed " << seed << ")";
        }
        // Whichever index is there serves the memory as it is: no rebuild, every unit found.
        QStringList rebuilt;
        auto index = openIndexedMemory(db, kEn, kEs, [&](const QString &why) { rebuilt.append(why); });
        ASSERT_TRUE(index.ok());
        EXPECT_TRUE(rebuilt.isEmpty()) << "cycle " << cycle << " (seed " << seed << "): " << qPrintable(rebuilt.join(QLatin1Char(';')));
        EXPECT_EQ((*index)->size(), *(*store)->unitCount(kEn, kEs)) << "cycle " << cycle;
        // Nothing in TMPDIR, ever (the token file beside the memory has no name). Beside the
        // memory, after a kill only: QSaveFile's named copy of a whole new index, killed
        // between naming it and the rename, or the token file, killed between its creation
        // and its unlink (a build removes either once it is an hour old).
        EXPECT_TRUE(QDir(dir.filePath(QStringLiteral("tmp"))).isEmpty()) << "cycle " << cycle << ": left in TMPDIR";
        for (const QString &name : besideMemory(dir.path())) {
            EXPECT_TRUE(run.killed && (name.startsWith(QStringLiteral("memory.sqlite.en-es.tmindex.")) || name.startsWith(QStringLiteral(".tmindex-tokens-"))))
                << "cycle " << cycle << " (seed " << seed << "): left " << qPrintable(name);
            QFile::remove(dir.filePath(name));
        }
    }
    std::printf("%d kills: %d left the old index, %d runs landed a new one; a build takes %lld ms\n", killed, keptOld, landedNew,
                static_cast<long long>(normalMs));
    EXPECT_GT(keptOld, 0) << "no kill landed inside a build: the test proved nothing";
}
