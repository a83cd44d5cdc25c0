// Crash safety: processes killed with SIGKILL (no destructors, no atexit, no flush) while they
// save a catalog or keep the editor's journal. Real processes, real files.
//
//  - KilledSavesNeverLoseConfirmedWork: WB_CRASH_CYCLES (default 1000) runs of
//    `workbench review comment` on a real PO (WB_CRASH_PO, default GNU Health's health.es.po,
//    3,100 entries), each killed after a random delay spread over a whole normal run, or let
//    finish. After every cycle the file must read, hold every change of every run that exited 0,
//    and differ from before the cycle by at most that cycle's change. Nothing but the catalog's
//    lock file may stay beside it, and nothing in TMPDIR, once a writer has run to its end.
//    Each run picks a new seed and prints it; WB_CRASH_SEED replays the same units and delays
//    (where each kill lands still depends on the machine's timing).
//  - A killed writer's lock never blocks the next save (the kernel releases it), whatever the
//    lock file holds; a live holder's lock is never taken, and the writer that gives up says who
//    holds it.
//  - The editor's journal: a session killed with unconfirmed edits offers exactly those edits
//    back, and a killed session's confirmed unit is in the catalog; a kill in the middle of
//    journal writes leaves a whole journal.
#include "test_support.h"
#include "editor/editor_session.h"
#include "po/catalog_lock.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "review/review_record.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <gtest/gtest.h>
#include <optional>
#include <random>
#include <unistd.h>

using namespace wb;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

QStringList commentTexts(const PoEntry &entry)
{
    QStringList texts;
    for (const ReviewComment &c : commentsOf(entry))
        texts.append(c.text);
    return texts;
}

void expectMsgfmtAccepts(const QString &catalogPath)
{
    const auto checked = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), catalogPath});
    EXPECT_EQ(checked.exitCode, 0) << checked.err.constData();
}

using test::Outcome;
using test::runAndMaybeKill;

// What a SIGKILL may leave behind, by where it is.
struct Leftovers {
    QStringList besideCatalog;  ///< anything but the catalog and its lock file
    QStringList scratch;        ///< anything in the child's TMPDIR
};

Leftovers leftoversOf(const QString &catalogPath, const QString &tmpDir)
{
    Leftovers found;
    const QFileInfo catalog(catalogPath);
    for (const QString &name : QDir(catalog.absolutePath()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (name != catalog.fileName() && name != catalog.fileName() + QStringLiteral(".lock"))
            found.besideCatalog.append(name);
    }
    for (const QString &name : QDir(tmpDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        found.scratch.append(name);
    return found;
}

// Entries must be the same ones with the same content, except the translator comments of one.
// Returns false (after reporting) when anything else differs.
bool sameExceptComments(const PoCatalog &before, const PoCatalog &after, qsizetype except, int cycle)
{
    if (after.entries.size() != before.entries.size() || after.header != before.header) {
        ADD_FAILURE() << "cycle " << cycle << ": the catalog lost or changed entries or its header (" << before.entries.size()
                      << " entries before, " << after.entries.size() << " after)";
        return false;
    }
    for (qsizetype i = 0; i < before.entries.size(); ++i) {
        const PoEntry &a = before.entries[i];
        const PoEntry &b = after.entries[i];
        const bool same = a.context == b.context && a.msgid == b.msgid && a.msgidPlural == b.msgidPlural && a.msgstr == b.msgstr
            && a.msgstrPlural == b.msgstrPlural && a.fuzzy == b.fuzzy && a.obsolete == b.obsolete
            && a.extractedComments == b.extractedComments && a.references == b.references && a.previousMsgid == b.previousMsgid
            && (i == except || a.translatorComments == b.translatorComments);
        if (!same) {
            ADD_FAILURE() << "cycle " << cycle << ": entry " << i << " (" << a.context.toStdString() << ") changed";
            return false;
        }
    }
    return true;
}

} // namespace

TEST(CrashSafety, KilledSavesNeverLoseConfirmedWork)
{
    const QString source = qEnvironmentVariableIsSet("WB_CRASH_PO")
        ? qEnvironmentVariable("WB_CRASH_PO")
        : test::sharedDir() + QStringLiteral("/reference-data/samples/po/gnuhealth/health.es.po");
    const int cycles = envInt("WB_CRASH_CYCLES", 1000);
    // A new seed every run, so that every run tries new kill points; printed for replay.
    const int seed = envInt("WB_CRASH_SEED", int(std::random_device{}() & 0x7fffffff));
    ASSERT_TRUE(QFileInfo::exists(source)) << qPrintable(source);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString work = dir.filePath(QStringLiteral("work"));
    const QString tmp = dir.filePath(QStringLiteral("tmp"));
    QDir().mkpath(work);
    QDir().mkpath(tmp);
    const QString po = work + QLatin1Char('/') + QFileInfo(source).fileName();
    ASSERT_TRUE(QFile::copy(source, po));
    QFile(po).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // The children's temporary files go where this test can see them.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), tmp);
    env.insert(QStringLiteral("WORKBENCH_USER"), QStringLiteral("Crash Test"));

    auto original = PoCatalog::read(po);
    ASSERT_TRUE(original.ok()) << qPrintable(original.error().toString());
    // Units whose id names one entry only.
    QHash<QString, int> uses;
    for (const PoEntry &e : original->entries)
        if (!e.obsolete)
            ++uses[e.context];
    QStringList units;
    for (const PoEntry &e : original->entries)
        if (!e.obsolete && !e.context.isEmpty() && uses.value(e.context) == 1)
            units.append(e.context);
    ASSERT_GE(units.size(), 10);

    auto comment = [&](const QString &unit, const QString &text) {
        return QStringList{QStringLiteral("review"), QStringLiteral("comment"), unit, po, QStringLiteral("--reason"), text,
                           QStringLiteral("--by"), QStringLiteral("Crash Test")};
    };
    QList<QPair<QString, QString>> confirmed; // (unit, comment) of every run that exited 0

    // A normal run's length, to spread the kills over all of it (start-up, reading, rendering,
    // writing, renaming, exit).
    QList<qint64> normal;
    for (int i = 0; i < 5; ++i) {
        const QString text = QStringLiteral("warm-up %1").arg(i);
        const Outcome run = runAndMaybeKill(comment(units[i], text), env, -1);
        ASSERT_EQ(run.exitCode, 0) << run.err.constData();
        confirmed.append({units[i], text});
        normal.append(run.elapsedMs);
    }
    normal.removeFirst(); // cold caches
    // The median of the latest normal runs. A run's length follows the machine's load, which
    // changes during 1,000 cycles (a build starts beside the test): measured once at the start,
    // every later run took longer than the window and all were killed during start-up
    // (soak, seed 365795494). Every kMeasureEvery-th cycle is therefore a normal run again.
    constexpr int kMeasureEvery = 25;
    auto lifetimeOf = [](QList<qint64> runs) {
        std::sort(runs.begin(), runs.end());
        return int(std::max<qint64>(runs[runs.size() / 2], 1));
    };
    int lifetimeMs = lifetimeOf(normal);
    int maxDelayMs = lifetimeMs * 5 / 4; // some runs finish
    std::printf("[ crash    ] seed %d (WB_CRASH_SEED), %d cycles (WB_CRASH_CYCLES), %s (WB_CRASH_PO, %lld entries); "
                "a normal run takes %d ms: kills after 0-%d ms\n",
                seed, cycles, qPrintable(source), qlonglong(original->entries.size()), lifetimeMs, maxDelayMs);
    std::fflush(stdout);

    std::mt19937 random(seed);
    std::uniform_int_distribution<int> pickUnit(0, int(units.size()) - 1);
    auto pickDelay = [&random, &maxDelayMs] { return std::uniform_int_distribution<int>(0, maxDelayMs)(random); };
    auto before = PoCatalog::read(po);
    ASSERT_TRUE(before.ok());
    int finished = 0, killed = 0, killedAfterWrite = 0, saveFileLeftovers = 0;
    QElapsedTimer clock;
    clock.start();
    const QRegularExpression saveFileTemp(QStringLiteral("^") + QRegularExpression::escape(QFileInfo(po).fileName())
                                          + QStringLiteral("\\.[A-Za-z]{6}$"));
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        const QString unit = units[pickUnit(random)];
        const QString text = QStringLiteral("cycle %1").arg(cycle);
        const bool measure = cycle % kMeasureEvery == 0;
        const int delay = measure ? -1 : pickDelay();
        const Outcome run = runAndMaybeKill(comment(unit, text), env, delay);
        if (measure && !run.killed) {
            normal = normal.mid(std::max<qsizetype>(normal.size() - 4, 0)) + QList<qint64>{run.elapsedMs};
            lifetimeMs = lifetimeOf(normal);
            maxDelayMs = lifetimeMs * 5 / 4;
        }
        ASSERT_TRUE(run.killed || run.exitCode == 0)
            << "cycle " << cycle << " (seed " << seed << "): exit " << run.exitCode << ": " << run.err.constData();

        // The file reads, and nothing but this cycle's comment can have changed.
        auto after = PoCatalog::read(po);
        ASSERT_TRUE(after.ok()) << "cycle " << cycle << " (seed " << seed << "): " << qPrintable(after.error().toString());
        const qsizetype at = after->indexOfContext(unit);
        ASSERT_GE(at, 0);
        ASSERT_TRUE(sameExceptComments(*before, *after, at, cycle)) << "seed " << seed;
        const QStringList was = commentTexts(before->entries[at]);
        const QStringList now = commentTexts(after->entries[at]);
        const bool landed = now == was + QStringList{text};
        ASSERT_TRUE(landed || (now == was && after->entries[at].translatorComments == before->entries[at].translatorComments))
            << "cycle " << cycle << " (seed " << seed << "): the comments of " << unit.toStdString() << " went from "
            << was.join(QLatin1String(" | ")).toStdString() << " to " << now.join(QLatin1String(" | ")).toStdString();
        if (run.killed) {
            ++killed;
            killedAfterWrite += landed ? 1 : 0;
        } else {
            ++finished;
            ASSERT_TRUE(landed) << "cycle " << cycle << " (seed " << seed << "): exited 0 but its comment is not in the file";
            confirmed.append({unit, text});
        }
        before = std::move(after);
        if (cycle % 100 == 0)
            expectMsgfmtAccepts(po);

        // What a run may leave: the lock file, always (created once, never deleted); after a
        // kill, QSaveFile's named temporary file (killed between linking its unnamed file and
        // the rename: a complete copy of the new catalog), which the next writer removes once
        // it holds the lock. Never anything in TMPDIR: catalogs render in memory.
        const Leftovers left = leftoversOf(po, tmp);
        ASSERT_TRUE(left.scratch.isEmpty()) << "cycle " << cycle << " (seed " << seed << "): left in TMPDIR: "
                                            << qPrintable(left.scratch.join(QLatin1Char(' ')));
        if (!run.killed) {
            ASSERT_TRUE(left.besideCatalog.isEmpty())
                << "cycle " << cycle << " (seed " << seed << "): a run that exited 0 left "
                << qPrintable(left.besideCatalog.join(QLatin1Char(' '))) << " beside the catalog";
            continue;
        }
        for (const QString &name : left.besideCatalog) {
            ASSERT_TRUE(saveFileTemp.match(name).hasMatch())
                << "cycle " << cycle << " (seed " << seed << "): unexpected " << qPrintable(name) << " beside the catalog";
            EXPECT_TRUE(PoCatalog::read(work + QLatin1Char('/') + name).ok()) << "QSaveFile's leftover is not a whole catalog";
            ++saveFileLeftovers;
        }
    }
    // The last cycle may have been killed: one more writer cleans up after it.
    const Outcome last = runAndMaybeKill(comment(units[0], QStringLiteral("last")), env, -1);
    ASSERT_EQ(last.exitCode, 0) << last.err.constData();
    confirmed.append({units[0], QStringLiteral("last")});
    const Leftovers atEnd = leftoversOf(po, tmp);
    EXPECT_TRUE(atEnd.besideCatalog.isEmpty() && atEnd.scratch.isEmpty())
        << "seed " << seed << ": left " << qPrintable((atEnd.besideCatalog + atEnd.scratch).join(QLatin1Char(' ')));
    const double seconds = clock.elapsed() / 1000.0;

    // Every change of every run that exited 0 is there, once.
    auto final = PoCatalog::read(po);
    ASSERT_TRUE(final.ok());
    QHash<QString, QStringList> byUnit;
    for (const PoEntry &e : final->entries)
        if (!e.obsolete && uses.value(e.context) == 1)
            byUnit.insert(e.context, commentTexts(e));
    for (const auto &[unit, text] : confirmed)
        EXPECT_EQ(byUnit.value(unit).count(text), 1) << unit.toStdString() << ": " << text.toStdString();
    expectMsgfmtAccepts(po);
    EXPECT_GT(killed, 0);
    EXPECT_GT(finished, 0);

    std::printf("[ crash    ] seed %d: %d cycles in %.1f s: %d finished, %d killed (%d after their change was written); "
                "a QSaveFile temporary file seen after %d kills (each removed by the next writer); a normal run took %d ms at the end\n",
                seed, cycles, seconds, finished, killed, killedAfterWrite, saveFileLeftovers, lifetimeMs);
    std::fflush(stdout);
}

// A holder's lock goes with its process: a killed holder never blocks the next writer, and
// neither does anything left in the lock file (a dead process's record, nothing, garbage).
// A live holder's lock is never taken; the writer that gives up names who holds it.
TEST(CrashSafety, LocksLeftByKilledWritersDoNotBlockTheNextSave)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString po = dir.filePath(QStringLiteral("health_lab.es.po"));
    ASSERT_TRUE(QFile::copy(test::sharedDir() + QStringLiteral("/reference-data/samples/po/gnuhealth/health_lab.es.po"), po));
    QFile(po).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    const QString unit = catalog->entries.last().context;
    const QString lock = CatalogLock::lockPathFor(po);

    // editor_child --lock takes the lock and says "ready"; the caller kills it or not.
    auto startHolder = [&](QProcess &holder) {
        holder.start(QStringLiteral(WB_EDITOR_CHILD), {QStringLiteral("--lock"), po});
        QByteArray out;
        while (!out.contains("ready") && holder.waitForReadyRead(60000))
            out += holder.readAllStandardOutput();
        ASSERT_TRUE(out.contains("ready")) << holder.readAllStandardError().constData();
    };
    QStringList expected;
    auto saveComment = [&](const QString &text) {
        QElapsedTimer clock;
        clock.start();
        const auto run = test::runCli({QStringLiteral("review"), QStringLiteral("comment"), unit, po, QStringLiteral("--reason"), text,
                                       QStringLiteral("--by"), QStringLiteral("Crash Test")});
        EXPECT_EQ(run.exitCode, 0) << text.toStdString() << ": " << run.err.constData();
        EXPECT_LT(clock.elapsed(), 10000) << text.toStdString() << ": waited for a lock nobody holds";
        expected.append(text);
        auto after = PoCatalog::read(po);
        ASSERT_TRUE(after.ok());
        EXPECT_EQ(commentTexts(after->entries[after->indexOfContext(unit)]), expected);
        const QStringList beside = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        EXPECT_EQ(beside, (QStringList{QFileInfo(po).fileName(), QFileInfo(lock).fileName()})) << text.toStdString();
    };

    {
        QProcess holder;
        startHolder(holder);
        // While it lives, nobody else gets the lock, and the one who gives up says who has it.
        auto refused = CatalogLock::acquire(po, 300);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().kind, ErrorKind::OutputFailed);
        EXPECT_EQ(refused.error().file, po);
        EXPECT_TRUE(refused.error().message.startsWith(QStringLiteral("the catalog is locked by process %1 (editor_child) on ")
                                                           .arg(holder.processId())))
            << qPrintable(refused.error().message);
        EXPECT_TRUE(refused.error().message.endsWith(QStringLiteral("gave up after 0.3 s"))) << qPrintable(refused.error().message);
        holder.kill();
        holder.waitForFinished(-1);
    }
    ASSERT_TRUE(QFileInfo::exists(lock)) << "the lock file is created once and never deleted";
    saveComment(QStringLiteral("after a killed holder"));

    for (const QByteArray &left : {QByteArray(), QByteArray("999999999\nworkbench\nelsewhere\n"), QByteArray("\xff\x00garbage")}) {
        test::writeAll(lock, left);
        saveComment(QStringLiteral("after a lock file holding %1 bytes").arg(left.size()));
    }

    // Two locks on one catalog exclude each other in one process too (editor threads).
    auto first = CatalogLock::acquire(po, 0);
    ASSERT_TRUE(first.ok()) << qPrintable(first.error().toString());
    EXPECT_FALSE(CatalogLock::acquire(po, 50).ok());
    first->reset();
    EXPECT_TRUE(CatalogLock::acquire(po, 0).ok());
}

// A QSaveFile temporary that a killed writer left beside the catalog is removed by the next
// writer; a file of another name is not.
TEST(CrashSafety, TheNextWriterRemovesAKilledWritersTemporaryFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString po = dir.filePath(QStringLiteral("health_lab.es.po"));
    ASSERT_TRUE(QFile::copy(test::sharedDir() + QStringLiteral("/reference-data/samples/po/gnuhealth/health_lab.es.po"), po));
    QFile(po).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString unit = PoCatalog::read(po)->entries.last().context;
    test::writeAll(po + QStringLiteral(".AbCdEf"), test::readAll(po));
    test::writeAll(po + QStringLiteral(".orig"), "mine");
    test::writeAll(po + QStringLiteral(".AbC1Ef"), "mine too");
    const auto run = test::runCli({QStringLiteral("review"), QStringLiteral("comment"), unit, po, QStringLiteral("--reason"),
                                   QStringLiteral("cleans up"), QStringLiteral("--by"), QStringLiteral("Crash Test")});
    EXPECT_EQ(run.exitCode, 0) << run.err.constData();
    EXPECT_FALSE(QFileInfo::exists(po + QStringLiteral(".AbCdEf")));
    EXPECT_TRUE(QFileInfo::exists(po + QStringLiteral(".orig")));
    EXPECT_TRUE(QFileInfo::exists(po + QStringLiteral(".AbC1Ef")));
}

namespace {

// A fresh copy of the bundled project (the editor writes to its catalog).
void copyProject(const QString &to)
{
    const QString from = test::sourceDir();
    for (const QString &folder : {QStringLiteral("source-content/en"), QStringLiteral("glossary"), QStringLiteral("locales/es")}) {
        QDir().mkpath(to + QLatin1Char('/') + folder);
        for (const QString &name : QDir(from + QLatin1Char('/') + folder).entryList(QDir::Files))
            QFile::copy(from + QLatin1Char('/') + folder + QLatin1Char('/') + name, to + QLatin1Char('/') + folder + QLatin1Char('/') + name);
    }
    QFile::copy(from + QStringLiteral("/workbench.json"), to + QStringLiteral("/workbench.json"));
}

// The editor session of tests/support/editor_child.cpp, in its own process.
class EditorChild {
public:
    EditorChild(const QString &project, const QString &dataHome, const QStringList &operations)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        env.insert(QStringLiteral("WORKBENCH_USER"), QStringLiteral("Crash Test"));
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(WB_EDITOR_CHILD), QStringList{project, QStringLiteral("es")} + operations);
    }
    ~EditorChild()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(-1);
        }
    }
    // Waits until stdout has a line matching `done` (or the child ends, or 120 s pass).
    bool waitFor(const std::function<bool(const QByteArray &)> &done)
    {
        QElapsedTimer clock;
        clock.start();
        while (!done(m_out) && m_process.state() != QProcess::NotRunning && clock.elapsed() < 120000)
            if (m_process.waitForReadyRead(100))
                m_out += m_process.readAllStandardOutput();
        return done(m_out);
    }
    // Reads stdout for `ms` milliseconds.
    void readFor(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms)
            if (m_process.waitForReadyRead(std::max<int>(1, ms - int(clock.elapsed()))))
                m_out += m_process.readAllStandardOutput();
    }
    bool kill()
    {
        const bool running = m_process.state() == QProcess::Running;
        m_process.kill();
        m_process.waitForFinished(-1);
        m_out += m_process.readAllStandardOutput();
        return running && m_process.exitStatus() == QProcess::CrashExit;
    }
    QByteArray out() const { return m_out; }
    QByteArray err() { return m_process.readAllStandardError(); }

private:
    QProcess m_process;
    QByteArray m_out;
};

} // namespace

TEST(CrashSafety, UnconfirmedEditsInTheJournalSurviveAKill)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString data = dir.filePath(QStringLiteral("data"));
    copyProject(project);
    const test::ScopedEnv dataHome("XDG_DATA_HOME", QFile::encodeName(data));
    const test::ScopedEnv user("WORKBENCH_USER", "Crash Test");

    QStringList ids;
    QString catalogPath;
    {
        auto session = EditorSession::open(project, QStringLiteral("es"));
        ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
        ASSERT_GE((*session)->unitCount(), 6);
        for (int i = 1; i <= 5; ++i)
            ids.append((*session)->unit(i).id);
        catalogPath = (*session)->catalogPath();
    }
    auto original = PoCatalog::read(catalogPath);
    ASSERT_TRUE(original.ok());
    auto msgstrOf = [](const PoCatalog &catalog, const QString &id) { return catalog.entries.value(catalog.indexOfContext(id)).msgstr; };

    const QString edited = QStringLiteral("Sin confirmar: ¿los glóbulos {1}rojos{/1}? «ñ» — 病");
    const QString editedTwiceFirst = QStringLiteral("Primera versión");
    const QString editedTwice = QStringLiteral("Segunda versión,\ncon un salto de línea");
    const QString reverted = QStringLiteral("Un cambio deshecho");
    const QString confirmedText = QStringLiteral("Confirmado antes del fallo.");
    const QString editedAfterConfirm = QStringLiteral("Editado después de confirmar otra unidad");
    EditorChild child(project, data,
                      {QStringLiteral("edit"), ids[0], edited,
                       QStringLiteral("edit"), ids[1], editedTwiceFirst,
                       QStringLiteral("edit"), ids[1], editedTwice,
                       QStringLiteral("edit"), ids[2], reverted,
                       QStringLiteral("edit"), ids[2], msgstrOf(*original, ids[2]), // back to the confirmed target: nothing to recover
                       QStringLiteral("edit"), ids[3], confirmedText,
                       QStringLiteral("confirm"), ids[3],
                       QStringLiteral("edit"), ids[4], editedAfterConfirm});
    ASSERT_TRUE(child.waitFor([](const QByteArray &out) { return out.contains("ready\n"); })) << child.err().constData();
    ASSERT_TRUE(child.kill()) << "the editor was not running when killed";

    // The confirmed unit is on disk; the unconfirmed edits are not.
    auto onDisk = PoCatalog::read(catalogPath);
    ASSERT_TRUE(onDisk.ok());
    const PoEntry &confirmedEntry = onDisk->entries[onDisk->indexOfContext(ids[3])];
    EXPECT_EQ(confirmedEntry.msgstr, confirmedText);
    EXPECT_EQ(stateOf(confirmedEntry), UnitState::Translated);
    for (int i : {0, 1, 2, 4})
        EXPECT_EQ(msgstrOf(*onDisk, ids[i]), msgstrOf(*original, ids[i])) << ids[i].toStdString();
    expectMsgfmtAccepts(catalogPath);

    // The next session offers exactly the unconfirmed edits (the editor asks "Restore
    // unconfirmed edits?" with these, main_window.cpp offerRecovery) and restores them.
    auto reopened = EditorSession::open(project, QStringLiteral("es"));
    ASSERT_TRUE(reopened.ok()) << qPrintable(reopened.error().toString());
    EditorSession &session = **reopened;
    const QMap<QString, QString> expected{{ids[0], edited}, {ids[1], editedTwice}, {ids[4], editedAfterConfirm}};
    EXPECT_EQ(session.recoverableEdits(), expected);
    EXPECT_EQ(session.confirmedTarget(session.indexOf(ids[3])), confirmedText);
    session.restoreRecoverableEdits();
    EXPECT_TRUE(session.recoverableEdits().isEmpty());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const int index = session.indexOf(it.key());
        EXPECT_EQ(session.target(index), it.value());
        EXPECT_TRUE(session.isEdited(index));
    }
    EXPECT_FALSE(session.isEdited(session.indexOf(ids[2])));
    EXPECT_FALSE(session.isEdited(session.indexOf(ids[3])));

    // Restored edits are ordinary unconfirmed edits: confirming one writes it.
    ASSERT_TRUE(session.confirm(session.indexOf(ids[0])).ok());
    auto confirmedLater = PoCatalog::read(catalogPath);
    ASSERT_TRUE(confirmedLater.ok());
    EXPECT_EQ(msgstrOf(*confirmedLater, ids[0]), edited);
    EXPECT_EQ(msgstrOf(*confirmedLater, ids[3]), confirmedText);
}

// The journal is rewritten at every keystroke: a kill in the middle of those writes must still
// leave a whole journal holding the last edit that returned (or the one being written).
TEST(CrashSafety, AKillDuringJournalWritesLeavesAWholeJournal)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString data = dir.filePath(QStringLiteral("data"));
    copyProject(project);
    const test::ScopedEnv dataHome("XDG_DATA_HOME", QFile::encodeName(data));
    const test::ScopedEnv user("WORKBENCH_USER", "Crash Test");
    QString unit;
    {
        auto session = EditorSession::open(project, QStringLiteral("es"));
        ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
        unit = (*session)->unit(2).id;
    }

    const int seed = envInt("WB_CRASH_SEED", 20240611);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> pickDelay(0, 200);
    const int rounds = 8;
    long written = 0;
    for (int round = 1; round <= rounds; ++round) {
        EditorChild child(project, data, {QStringLiteral("loop"), unit});
        // Once the first edit is journaled, let it type for a random while, then kill it.
        ASSERT_TRUE(child.waitFor([](const QByteArray &out) { return out.contains('\n'); })) << child.err().constData();
        child.readFor(pickDelay(random));
        ASSERT_TRUE(child.kill());
        const QList<QByteArray> lines = child.out().split('\n');
        // The last complete line is the last edit whose journal write returned.
        const long last = lines.size() >= 2 ? lines[lines.size() - 2].toLong() : 0;
        ASSERT_GE(last, 1);
        written += last;

        auto reopened = EditorSession::open(project, QStringLiteral("es"));
        ASSERT_TRUE(reopened.ok()) << qPrintable(reopened.error().toString());
        const QString recovered = (*reopened)->recoverableEdits().value(unit);
        EXPECT_TRUE(recovered == QStringLiteral("edit %1").arg(last) || recovered == QStringLiteral("edit %1").arg(last + 1))
            << "round " << round << " (seed " << seed << "): last journaled edit " << last << ", recovered \"" << recovered.toStdString() << '"';
    }
    // One journal, and at most QSaveFile's named temporary copies of it (a kill between
    // linking its unnamed file and renaming it over the journal): never a partial journal.
    const QString journals = data + QStringLiteral("/pdq-workbench/journals");
    int leftovers = 0;
    for (const QString &name : QDir(journals).entryList(QDir::Files | QDir::Hidden)) {
        if (name.endsWith(QLatin1String(".json")))
            continue;
        ++leftovers;
        EXPECT_TRUE(QRegularExpression(QStringLiteral("\\.json\\.[A-Za-z0-9]{6}$")).match(name).hasMatch()) << qPrintable(name);
        EXPECT_FALSE(QJsonDocument::fromJson(test::readAll(journals + QLatin1Char('/') + name)).isNull()) << qPrintable(name);
    }
    EXPECT_EQ(QDir(journals).entryList({QStringLiteral("*.json")}, QDir::Files).size(), 1);
    std::printf("[ crash    ] journal: %d editors killed after %ld journaled edits in all; %d QSaveFile temporary files left\n",
                rounds, written, leftovers);
}
