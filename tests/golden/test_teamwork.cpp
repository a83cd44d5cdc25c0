// Teamwork (docs/teamwork.md): translators and reviewers in their own clones, git between
// them, and two processes writing one catalog at the same time. Real git, real processes.
#include "test_support.h"
#include "editor/editor_session.h"
#include "po/catalog_lock.h"
#include "po/po_catalog.h"
#include "po/po_merge.h"
#include "po/review_marks.h"
#include "review/review_record.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace wb;
using test::runCli;

namespace {

const QByteArray kDoc = "# Fever\n\n"
                        "Call your doctor if the fever lasts.\n\n"
                        "Drink plenty of water.\n\n"
                        "Rest at home.\n\n"
                        "Take your medicine with food.\n";

const QString kCatalog = QStringLiteral("locales/es/doc.po");

test::RunResult git(const QString &workTree, const QStringList &arguments)
{
    return test::run(QStringLiteral("git"), arguments, workTree);
}

QString gitOut(const QString &workTree, const QStringList &arguments)
{
    return QString::fromUtf8(git(workTree, arguments).out).trimmed();
}

// The unit id (msgctxt) of the unit with this English text.
QString idOf(const QString &catalogPath, const QString &source)
{
    auto catalog = PoCatalog::read(catalogPath);
    EXPECT_TRUE(catalog.ok());
    for (const PoEntry &e : catalog->entries)
        if (e.msgid == source)
            return e.context;
    ADD_FAILURE() << "no unit " << source.toStdString();
    return {};
}

PoEntry entryOf(const QString &catalogPath, const QString &unit)
{
    auto catalog = PoCatalog::read(catalogPath);
    EXPECT_TRUE(catalog.ok()) << qPrintable(catalogPath);
    const qsizetype index = catalog.ok() ? catalog->indexOfContext(unit) : -1;
    EXPECT_GE(index, 0) << unit.toStdString();
    return index >= 0 ? catalog->entries[index] : PoEntry{};
}

void expectMsgfmtAccepts(const QString &catalogPath)
{
    const auto checked = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), catalogPath});
    EXPECT_EQ(checked.exitCode, 0) << checked.err.constData();
}

// Confirms targets in a clone the way a translator does: in the editor.
void confirmInEditor(const QString &clone, const QString &user, const QMap<QString, QString> &targets)
{
    qputenv("WORKBENCH_USER", user.toUtf8());
    auto session = EditorSession::open(clone, QStringLiteral("es"));
    ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        const int index = (*session)->indexOf(it.key());
        ASSERT_GE(index, 0);
        (*session)->editTarget(index, it.value());
        const Status confirmed = (*session)->confirm(index);
        ASSERT_TRUE(confirmed.ok()) << qPrintable(confirmed.error().toString());
    }
}

test::RunResult review(const QString &clone, const QStringList &arguments)
{
    QStringList all{QStringLiteral("review")};
    all << arguments << QStringLiteral("--project") << clone << QStringLiteral("--locale") << QStringLiteral("es")
        << QStringLiteral("--by") << QStringLiteral("Rosa");
    return runCli(all);
}

test::RunResult sync(const QString &clone, const QStringList &extra = {})
{
    return runCli(QStringList{QStringLiteral("sync"), QStringLiteral("--project"), clone} + extra);
}

// A bare repository on "the server" and two clones of a small project: the translator's
// and the reviewer's. git's identity and configuration come from the environment only.
class Teamwork : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::writeAll(m_dir.filePath(QStringLiteral("gitconfig")), "");
        qputenv("GIT_CONFIG_GLOBAL", QFile::encodeName(m_dir.filePath(QStringLiteral("gitconfig"))));
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        for (const char *name : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
            qputenv(name, "Workbench Test");
        for (const char *name : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
            qputenv(name, "test@example.org");
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data")))); // editor journals and memory

        const QString seed = m_dir.filePath(QStringLiteral("seed"));
        QDir().mkpath(seed + QStringLiteral("/source-content/en"));
        test::writeAll(seed + QStringLiteral("/source-content/en/doc.md"), kDoc);
        test::writeAll(seed + QStringLiteral("/notes.txt"), "Style: usted.\n");
        ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), seed, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
        // One unit translated already, for the reviewer to approve.
        auto catalog = PoCatalog::read(seed + QLatin1Char('/') + kCatalog);
        ASSERT_TRUE(catalog.ok());
        m_medicine = idOf(seed + QLatin1Char('/') + kCatalog, QStringLiteral("Take your medicine with food."));
        catalog->entries[catalog->indexOfContext(m_medicine)].msgstr = QStringLiteral("Tome su medicina con comida.");
        ASSERT_TRUE(catalog->write(seed + QLatin1Char('/') + kCatalog).ok());
        ASSERT_EQ(git(seed, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}).exitCode, 0);
        ASSERT_EQ(git(seed, {QStringLiteral("add"), QStringLiteral(".")}).exitCode, 0);
        ASSERT_EQ(git(seed, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Start")}).exitCode, 0);
        ASSERT_EQ(git(m_dir.path(), {QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"), seed, m_remote}).exitCode, 0);
        for (const QString &clone : {m_translator, m_reviewer})
            ASSERT_EQ(git(m_dir.path(), {QStringLiteral("clone"), QStringLiteral("-q"), m_remote, clone}).exitCode, 0);

        const QString po = m_translator + QLatin1Char('/') + kCatalog;
        m_fever = idOf(po, QStringLiteral("Fever"));
        m_doctor = idOf(po, QStringLiteral("Call your doctor if the fever lasts."));
        m_water = idOf(po, QStringLiteral("Drink plenty of water."));
        m_rest = idOf(po, QStringLiteral("Rest at home."));
    }

    QString catalogIn(const QString &clone) const { return clone + QLatin1Char('/') + kCatalog; }

    QTemporaryDir m_dir;
    const QString m_remote = m_dir.filePath(QStringLiteral("server/doc.git"));
    const QString m_translator = m_dir.filePath(QStringLiteral("translator"));
    const QString m_reviewer = m_dir.filePath(QStringLiteral("reviewer"));
    QString m_fever, m_doctor, m_water, m_rest, m_medicine;
};

} // namespace

TEST_F(Teamwork, DifferentUnitsEditedInTwoClonesArriveInBothAndOnTheServer)
{
    confirmInEditor(m_translator, QStringLiteral("Ana"), {{m_fever, QStringLiteral("Fiebre")}, {m_water, QStringLiteral("Beba mucha agua.")}});
    ASSERT_EQ(review(m_reviewer, {QStringLiteral("approve"), m_medicine}).exitCode, 0);
    ASSERT_EQ(review(m_reviewer, {QStringLiteral("comment"), m_rest, QStringLiteral("--reason"), QStringLiteral("Short and plain, please.")}).exitCode, 0);
    // Work in progress elsewhere in the clone is not the workbench's to commit.
    test::writeAll(m_translator + QStringLiteral("/notes.txt"), "Style: usted. Draft notes.\n");
    test::writeAll(m_translator + QStringLiteral("/scratch.txt"), "todo\n");

    const auto first = sync(m_translator);
    ASSERT_EQ(first.exitCode, 0) << first.err.constData();
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("show"), QStringLiteral("--name-only"), QStringLiteral("--format="), QStringLiteral("HEAD")}), kCatalog);
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("status"), QStringLiteral("--porcelain")}),
              QStringLiteral("M notes.txt\n?? scratch.txt"));
    const auto second = sync(m_reviewer);
    ASSERT_EQ(second.exitCode, 0) << second.err.constData();
    EXPECT_TRUE(second.out.contains("merged origin/main")) << second.out.constData();
    const auto third = sync(m_translator);
    ASSERT_EQ(third.exitCode, 0) << third.err.constData();

    for (const QString &clone : {m_translator, m_reviewer}) {
        SCOPED_TRACE(clone.toStdString());
        const QString po = catalogIn(clone);
        EXPECT_EQ(entryOf(po, m_fever).msgstr, QStringLiteral("Fiebre"));
        EXPECT_EQ(entryOf(po, m_water).msgstr, QStringLiteral("Beba mucha agua."));
        EXPECT_EQ(stateOf(entryOf(po, m_water)), UnitState::Translated);
        EXPECT_EQ(stateOf(entryOf(po, m_medicine)), UnitState::Approved);
        ASSERT_EQ(commentsOf(entryOf(po, m_rest)).size(), 1);
        EXPECT_EQ(commentsOf(entryOf(po, m_rest))[0].text, QStringLiteral("Short and plain, please."));
        EXPECT_FALSE(test::readAll(po).contains("wb:conflict"));
        expectMsgfmtAccepts(po);
    }
    EXPECT_EQ(test::readAll(catalogIn(m_translator)), test::readAll(catalogIn(m_reviewer)));
    EXPECT_EQ(git(m_remote, {QStringLiteral("show"), QStringLiteral("main:") + kCatalog}).out, test::readAll(catalogIn(m_reviewer)));
}

TEST_F(Teamwork, TheSameUnitTranslatedDifferentlyBecomesAConflictBothSidesSee)
{
    confirmInEditor(m_translator, QStringLiteral("Ana"), {{m_doctor, QStringLiteral("Llame a su médico si la fiebre dura.")}});
    confirmInEditor(m_reviewer, QStringLiteral("Rosa"), {{m_doctor, QStringLiteral("Consulte a su médico si la fiebre persiste.")}});
    ASSERT_EQ(sync(m_translator).exitCode, 0);
    const auto merged = sync(m_reviewer, {QStringLiteral("--json")});
    ASSERT_EQ(merged.exitCode, 0) << merged.err.constData();

    // The report names the unit.
    const QJsonObject report = QJsonDocument::fromJson(merged.out).object();
    EXPECT_TRUE(report.value(QLatin1String("merged")).toBool());
    EXPECT_TRUE(report.value(QLatin1String("pushed")).toBool());
    const QJsonArray conflicts = report.value(QLatin1String("conflicts")).toArray();
    ASSERT_EQ(conflicts.size(), 1) << merged.out.constData();
    EXPECT_EQ(conflicts[0].toObject().value(QLatin1String("unit")).toString(), m_doctor);
    EXPECT_EQ(conflicts[0].toObject().value(QLatin1String("catalog")).toString(), kCatalog);

    // In the catalog: the reviewer's own version, a draft, and both versions recorded.
    const QString po = catalogIn(m_reviewer);
    const PoEntry unit = entryOf(po, m_doctor);
    EXPECT_EQ(unit.msgstr, QStringLiteral("Consulte a su médico si la fiebre persiste."));
    EXPECT_TRUE(unit.fuzzy);
    const QByteArray text = test::readAll(po);
    EXPECT_TRUE(text.contains("\"ours\":\"Consulte a su médico si la fiebre persiste.\"")) << text.constData();
    EXPECT_TRUE(text.contains("\"theirs\":\"Llame a su médico si la fiebre dura.\"")) << text.constData();
    EXPECT_FALSE(text.contains("<<<<<<<"));
    expectMsgfmtAccepts(po);
    EXPECT_EQ(historyOf(unit).size(), 2); // both confirmations are on record

    // Approving now would drop one version: refused until someone chooses.
    const auto approve = review(m_reviewer, {QStringLiteral("approve"), m_doctor});
    EXPECT_EQ(approve.exitCode, 6);
    EXPECT_TRUE(approve.err.contains("changed on both sides of a merge")) << approve.err.constData();
    EXPECT_EQ(test::readAll(po), text);

    // The editor in that clone shows the conflict for resolution.
    qputenv("WORKBENCH_USER", "Rosa");
    auto session = EditorSession::open(m_reviewer, QStringLiteral("es"));
    ASSERT_TRUE(session.ok());
    const int index = (*session)->indexOf(m_doctor);
    EXPECT_EQ((*session)->target(index), QStringLiteral("Consulte a su médico si la fiebre persiste."));
    ASSERT_TRUE((*session)->conflictingTarget(index).has_value());
    EXPECT_EQ(*(*session)->conflictingTarget(index), QStringLiteral("Llame a su médico si la fiebre dura."));
    EXPECT_TRUE((*session)->needsWork(index));

    // The translator gets the same conflict with the next sync.
    ASSERT_EQ(sync(m_translator).exitCode, 0);
    EXPECT_EQ(test::readAll(catalogIn(m_translator)), text);

    // Resolved on the command line while the editor still shows it: choosing in the editor
    // then takes what is on disk and writes nothing more (no new revision for sync to commit).
    ASSERT_EQ(review(m_reviewer, {QStringLiteral("resolve"), m_doctor, QStringLiteral("--keep"), QStringLiteral("ours")}).exitCode, 0);
    const QByteArray resolved = test::readAll(po);
    ASSERT_NE(resolved, text);
    const QDateTime written = QFileInfo(po).lastModified();
    QThread::msleep(20); // a write now would have a later time (the bytes may match: minutes only)
    ASSERT_TRUE((*session)->resolveConflict(index, true).ok());
    EXPECT_FALSE((*session)->conflictingTarget(index).has_value());
    EXPECT_EQ(test::readAll(po), resolved);
    EXPECT_EQ(QFileInfo(po).lastModified(), written);
    qunsetenv("WORKBENCH_USER");
}

// A translator who never ran the workbench's git commands: a PO editor (Poedit, say) saves
// the catalog, and plain git commits it.
void translateWithAnotherTool(const QString &clone, const QMap<QString, QString> &targets, const QString &message)
{
    const QString po = clone + QLatin1Char('/') + kCatalog;
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    for (auto it = targets.cbegin(); it != targets.cend(); ++it)
        catalog->entries[catalog->indexOfContext(it.key())].msgstr = it.value();
    ASSERT_TRUE(catalog->write(po).ok());
    ASSERT_EQ(git(clone, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"), message}).exitCode, 0);
}

// Every translation either side made is in the catalog: as the text, or in a conflict record.
void expectNothingLost(const QString &po, const QStringList &targets)
{
    const QByteArray text = test::readAll(po);
    for (const QString &target : targets)
        EXPECT_TRUE(text.contains(target.toUtf8())) << "lost: " << target.toStdString();
}

TEST_F(Teamwork, PlainGitFirstThenSyncThenAResolutionFromTheCommandLineThenApproval)
{
    const QString ana = QStringLiteral("Llame a su médico si la fiebre dura.");
    const QString rosa = QStringLiteral("Consulte a su médico si la fiebre persiste.");
    translateWithAnotherTool(m_translator, {{m_doctor, ana}, {m_water, QStringLiteral("Beba mucha agua.")}}, QStringLiteral("Ana's work"));
    ASSERT_EQ(git(m_translator, {QStringLiteral("push"), QStringLiteral("-q")}).exitCode, 0);
    translateWithAnotherTool(m_reviewer, {{m_doctor, rosa}, {m_rest, QStringLiteral("Descanse en casa.")}}, QStringLiteral("Rosa's work"));

    // 1. Plain git, no driver in this fresh clone: git merges the catalog as text.
    const auto pulled = git(m_reviewer, {QStringLiteral("pull"), QStringLiteral("--no-rebase"), QStringLiteral("-q")});
    ASSERT_NE(pulled.exitCode, 0) << "git was expected to stop on the catalog";
    const QString po = catalogIn(m_reviewer);
    ASSERT_TRUE(test::readAll(po).contains("<<<<<<< ")) << test::readAll(po).constData();
    // Every command that reads the catalog says what happened and what to run.
    const auto stats = runCli({QStringLiteral("stats"), po, QStringLiteral("--json")});
    EXPECT_EQ(stats.exitCode, 4);
    const QJsonObject problem = QJsonDocument::fromJson(stats.out).object().value(QLatin1String("problems")).toArray()[0].toObject();
    EXPECT_TRUE(problem.value(QLatin1String("message")).toString().contains(QStringLiteral("git conflict markers"))) << stats.out.constData();
    EXPECT_TRUE(problem.value(QLatin1String("message")).toString().contains(QStringLiteral("workbench repair-conflicts")));
    EXPECT_GT(problem.value(QLatin1String("line")).toInt(), 0);

    // 2. sync finishes the merge git stopped, by unit, and installs the driver for next time.
    const auto synced = sync(m_reviewer, {QStringLiteral("--json")});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.constData();
    const QJsonArray conflicts = QJsonDocument::fromJson(synced.out).object().value(QLatin1String("conflicts")).toArray();
    ASSERT_EQ(conflicts.size(), 1) << synced.out.constData();
    EXPECT_EQ(conflicts[0].toObject().value(QLatin1String("unit")).toString(), m_doctor);
    EXPECT_FALSE(test::readAll(po).contains("<<<<<<<"));
    expectMsgfmtAccepts(po);
    expectNothingLost(po, {ana, rosa, QStringLiteral("Beba mucha agua."), QStringLiteral("Descanse en casa.")});
    EXPECT_EQ(entryOf(po, m_water).msgstr, QStringLiteral("Beba mucha agua."));
    EXPECT_EQ(entryOf(po, m_rest).msgstr, QStringLiteral("Descanse en casa."));
    EXPECT_TRUE(entryOf(po, m_doctor).fuzzy);
    EXPECT_EQ(gitOut(m_reviewer, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    EXPECT_FALSE(gitOut(m_reviewer, {QStringLiteral("config"), QStringLiteral("merge.workbench-po.driver")}).isEmpty());

    // 3. Approval waits for a choice; the choice is made on the command line.
    EXPECT_EQ(review(m_reviewer, {QStringLiteral("approve"), m_doctor}).exitCode, 6);
    const auto resolved = review(m_reviewer, {QStringLiteral("resolve"), m_doctor, QStringLiteral("--keep"), QStringLiteral("theirs")});
    ASSERT_EQ(resolved.exitCode, 0) << resolved.err.constData();
    const PoEntry chosen = entryOf(po, m_doctor);
    EXPECT_EQ(chosen.msgstr, ana);
    EXPECT_FALSE(chosen.fuzzy);
    EXPECT_EQ(stateOf(chosen), UnitState::Translated);
    EXPECT_FALSE(test::readAll(po).contains("wb:conflict"));
    EXPECT_EQ(historyOf(chosen).last().action, QStringLiteral("resolved"));
    EXPECT_EQ(historyOf(chosen).last().by, QStringLiteral("Rosa"));
    auto header = PoCatalog::read(po);
    ASSERT_TRUE(header.ok());
    EXPECT_EQ(header->headerField(QStringLiteral("Last-Translator")), QStringLiteral("Rosa"));
    expectMsgfmtAccepts(po);
    const auto approved = review(m_reviewer, {QStringLiteral("approve"), m_doctor});
    ASSERT_EQ(approved.exitCode, 0) << approved.err.constData();
    expectMsgfmtAccepts(po);

    // 4. Both clones end with the same, approved, valid catalog.
    ASSERT_EQ(sync(m_reviewer).exitCode, 0);
    ASSERT_EQ(sync(m_translator).exitCode, 0);
    EXPECT_EQ(stateOf(entryOf(catalogIn(m_translator), m_doctor)), UnitState::Approved);
    EXPECT_EQ(test::readAll(catalogIn(m_translator)), test::readAll(po));
    expectMsgfmtAccepts(catalogIn(m_translator));
}

TEST_F(Teamwork, RepairConflictsTurnsARealTextMergeBackIntoUnitsWithNothingLost)
{
    translateWithAnotherTool(m_translator, {{m_doctor, QStringLiteral("Llame a su médico.")}, {m_fever, QStringLiteral("Fiebre")}},
                             QStringLiteral("Ana"));
    ASSERT_EQ(git(m_translator, {QStringLiteral("push"), QStringLiteral("-q")}).exitCode, 0);
    translateWithAnotherTool(m_reviewer, {{m_doctor, QStringLiteral("Consulte a su médico.")}, {m_fever, QStringLiteral("Fiebre")},
                                          {m_water, QStringLiteral("Tome agua.")}},
                             QStringLiteral("Rosa"));
    ASSERT_NE(git(m_reviewer, {QStringLiteral("pull"), QStringLiteral("--no-rebase"), QStringLiteral("-q")}).exitCode, 0);
    const QString po = catalogIn(m_reviewer);
    const QByteArray marked = test::readAll(po);
    ASSERT_TRUE(marked.contains("=======\n"));

    const auto repaired = runCli({QStringLiteral("repair-conflicts"), po, QStringLiteral("--json")});
    ASSERT_EQ(repaired.exitCode, 0) << repaired.err.constData();
    const QJsonObject report = QJsonDocument::fromJson(repaired.out).object().value(QLatin1String("catalogs")).toArray()[0].toObject();
    EXPECT_GE(report.value(QLatin1String("regions")).toInt(), 1);
    EXPECT_EQ(report.value(QLatin1String("conflicts")).toArray(), QJsonArray{m_doctor});
    expectMsgfmtAccepts(po);
    expectNothingLost(po, {QStringLiteral("Llame a su médico."), QStringLiteral("Consulte a su médico."), QStringLiteral("Tome agua.")});
    EXPECT_EQ(entryOf(po, m_fever).msgstr, QStringLiteral("Fiebre")); // the same on both sides: one unit, no conflict
    EXPECT_TRUE(recordedConflicts(entryOf(po, m_fever)).isEmpty());
    EXPECT_EQ(entryOf(po, m_medicine).msgstr, QStringLiteral("Tome su medicina con comida."));
    // A second run finds nothing and touches nothing.
    const QByteArray once = test::readAll(po);
    ASSERT_EQ(runCli({QStringLiteral("repair-conflicts"), po}).exitCode, 0);
    EXPECT_EQ(test::readAll(po), once);
}

TEST_F(Teamwork, AnImportThatSetsANewTranslationResolvesTheConflictAndSaysSo)
{
    confirmInEditor(m_translator, QStringLiteral("Ana"), {{m_doctor, QStringLiteral("Llame a su médico si la fiebre dura.")}});
    confirmInEditor(m_reviewer, QStringLiteral("Rosa"), {{m_doctor, QStringLiteral("Consulte a su médico si la fiebre persiste.")}});
    ASSERT_EQ(sync(m_translator).exitCode, 0);
    ASSERT_EQ(sync(m_reviewer).exitCode, 0);
    const QString po = catalogIn(m_reviewer);
    ASSERT_FALSE(recordedConflicts(entryOf(po, m_doctor)).isEmpty());

    // Out to another tool as XLIFF, the unit fixed there, and back in.
    const QString xlf = m_dir.filePath(QStringLiteral("doc.xlf"));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), m_reviewer, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("xliff2"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out"))})
                  .exitCode, 0);
    const QString exported = m_dir.filePath(QStringLiteral("out/doc.es.xlf"));
    QByteArray xliff = test::readAll(exported);
    ASSERT_TRUE(xliff.contains("Consulte a su médico si la fiebre persiste.")) << xliff.constData();
    xliff.replace("<target>Consulte a su médico si la fiebre persiste.</target>", "<target>Llame a su médico si la fiebre no baja.</target>");
    test::writeAll(xlf, xliff);
    qputenv("WORKBENCH_USER", "Marta");
    const auto imported = runCli({QStringLiteral("import"), xlf, QStringLiteral("--project"), m_reviewer, QStringLiteral("--json")});
    qunsetenv("WORKBENCH_USER");
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    EXPECT_TRUE(imported.err.contains("unit " + m_doctor.toUtf8() + ": the merge conflict is resolved by the imported translation"))
        << imported.err.constData();
    const QJsonArray catalogs = QJsonDocument::fromJson(imported.out).object().value(QLatin1String("catalogs")).toArray();
    EXPECT_EQ(catalogs[0].toObject().value(QLatin1String("conflicts_resolved")).toArray(), QJsonArray{m_doctor});

    const PoEntry unit = entryOf(po, m_doctor);
    EXPECT_EQ(unit.msgstr, QStringLiteral("Llame a su médico si la fiebre no baja."));
    EXPECT_TRUE(recordedConflicts(unit).isEmpty());
    const QList<HistoryEvent> history = historyOf(unit);
    ASSERT_GE(history.size(), 2);
    EXPECT_EQ(history[history.size() - 2].action, QStringLiteral("imported"));
    EXPECT_EQ(history.last().action, QStringLiteral("resolved"));
    EXPECT_EQ(history.last().by, QStringLiteral("Marta"));
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    EXPECT_EQ(catalog->headerField(QStringLiteral("Last-Translator")), QStringLiteral("Marta"));
    EXPECT_TRUE(review(m_reviewer, {QStringLiteral("approve"), m_doctor}).exitCode == 0);
    expectMsgfmtAccepts(po);
}

TEST_F(Teamwork, ADriverThatPointsNowhereIsWarnedOnceAndUpdateRepairsIt)
{
    // As an old install left it: bound to a build folder that has since been deleted.
    ASSERT_EQ(git(m_translator, {QStringLiteral("config"), QStringLiteral("merge.workbench-po.driver"),
                                 QStringLiteral("'/gone/build/bin/workbench' merge-driver %O %A %B %P")}).exitCode, 0);
    test::writeAll(m_translator + QStringLiteral("/workbench.json"), "{}\n");
    const auto stats = runCli({QStringLiteral("stats"), QStringLiteral("--project"), m_translator, QStringLiteral("--locale"),
                               QStringLiteral("es"), QStringLiteral("--json")});
    ASSERT_EQ(stats.exitCode, 0) << stats.err.constData();
    EXPECT_EQ(stats.err.count("merge driver"), 1) << stats.err.constData();
    EXPECT_TRUE(stats.err.contains("/gone/build/bin/workbench")) << stats.err.constData();
    EXPECT_TRUE(stats.err.contains("workbench install-merge-driver")) << stats.err.constData();
    EXPECT_EQ(QJsonDocument::fromJson(stats.out).object().value(QLatin1String("warnings")).toArray().size(), 1);

    const auto updated = runCli({QStringLiteral("update"), QStringLiteral("--project"), m_translator, QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(updated.exitCode, 0) << updated.err.constData();
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("config"), QStringLiteral("merge.workbench-po.driver")}),
              QStringLiteral("sh \"$(git rev-parse --git-path workbench-merge-driver)\" %O %A %B %P"));
    const auto again = runCli({QStringLiteral("stats"), QStringLiteral("--project"), m_translator, QStringLiteral("--locale"), QStringLiteral("es")});
    EXPECT_FALSE(again.err.contains("merge driver")) << again.err.constData();
    // Running update again changes nothing in the clone's git files.
    const QByteArray config = test::readAll(m_translator + QStringLiteral("/.git/config"));
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), m_translator, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    EXPECT_EQ(test::readAll(m_translator + QStringLiteral("/.git/config")), config);

    // And the driver git now runs finds the program by itself: a same-unit change merges by unit.
    confirmInEditor(m_reviewer, QStringLiteral("Rosa"), {{m_fever, QStringLiteral("Fiebre alta")}});
    ASSERT_EQ(sync(m_reviewer).exitCode, 0);
    translateWithAnotherTool(m_translator, {{m_fever, QStringLiteral("Fiebre")}}, QStringLiteral("Ana"));
    const auto pulled = git(m_translator, {QStringLiteral("pull"), QStringLiteral("--no-rebase"), QStringLiteral("-q")});
    EXPECT_EQ(pulled.exitCode, 0) << pulled.err.constData();
    EXPECT_FALSE(test::readAll(catalogIn(m_translator)).contains("<<<<<<<"));
    EXPECT_FALSE(recordedConflicts(entryOf(catalogIn(m_translator), m_fever)).isEmpty());
    expectMsgfmtAccepts(catalogIn(m_translator));
}

TEST_F(Teamwork, AnUnreachableRemoteKeepsTheLocalCommitAndSaysWhy)
{
    confirmInEditor(m_translator, QStringLiteral("Ana"), {{m_fever, QStringLiteral("Fiebre")}});
    const QString missing = m_dir.filePath(QStringLiteral("gone/doc.git"));
    ASSERT_EQ(git(m_translator, {QStringLiteral("remote"), QStringLiteral("set-url"), QStringLiteral("origin"), missing}).exitCode, 0);

    const auto result = sync(m_translator, {QStringLiteral("--message"), QStringLiteral("Fever heading")});
    EXPECT_EQ(result.exitCode, 7);
    EXPECT_TRUE(result.err.contains("cannot fetch from remote 'origin' (" + missing.toUtf8() + ")")) << result.err.constData();
    EXPECT_TRUE(result.err.contains("your work is committed locally")) << result.err.constData();
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}), QStringLiteral("Fever heading"));
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("show"), QStringLiteral("HEAD:") + kCatalog}).contains(QStringLiteral("msgstr \"Fiebre\"")), true);

    // With --json the same, as fields.
    const auto json = sync(m_translator, {QStringLiteral("--json")});
    EXPECT_EQ(json.exitCode, 7);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    EXPECT_FALSE(report.value(QLatin1String("fetched")).toBool());
    EXPECT_FALSE(report.value(QLatin1String("pushed")).toBool());
    EXPECT_EQ(report.value(QLatin1String("problems")).toArray()[0].toObject().value(QLatin1String("exit_code")).toInt(), 7);
}

TEST_F(Teamwork, AConflictOutsideTheCatalogsStopsTheSyncWithTheFileNamed)
{
    for (const QString &clone : {m_translator, m_reviewer}) {
        test::writeAll(clone + QStringLiteral("/notes.txt"), clone == m_translator ? "Style: tú.\n" : "Style: usted, always.\n");
        ASSERT_EQ(git(clone, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"), QStringLiteral("Style")}).exitCode, 0);
    }
    confirmInEditor(m_reviewer, QStringLiteral("Rosa"), {{m_fever, QStringLiteral("Fiebre")}});
    ASSERT_EQ(sync(m_translator).exitCode, 0);

    const auto result = sync(m_reviewer);
    EXPECT_EQ(result.exitCode, 6);
    EXPECT_TRUE(result.err.contains("notes.txt")) << result.err.constData();
    // Left as git leaves it: the merge in progress, the file marked, the catalog work committed.
    EXPECT_EQ(gitOut(m_reviewer, {QStringLiteral("diff"), QStringLiteral("--name-only"), QStringLiteral("--diff-filter=U")}), QStringLiteral("notes.txt"));
    EXPECT_EQ(entryOf(catalogIn(m_reviewer), m_fever).msgstr, QStringLiteral("Fiebre"));
    // And a second sync refuses to start on top of it.
    const auto again = sync(m_reviewer);
    EXPECT_EQ(again.exitCode, 6);
    EXPECT_TRUE(again.err.contains("a merge is in progress")) << again.err.constData();
}

TEST_F(Teamwork, InstallScriptConfiguresTheMergeDriverForAClone)
{
    QProcess script;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BUILD_DIR"), QFileInfo(test::cliPath()).absolutePath() + QStringLiteral("/.."));
    script.setProcessEnvironment(environment);
    script.start(test::sourceDir() + QStringLiteral("/scripts/install-merge-driver"), {m_translator});
    ASSERT_TRUE(script.waitForFinished(30000));
    ASSERT_EQ(script.exitCode(), 0) << script.readAllStandardError().constData();
    // No build folder in git's config: a script in the git folder that finds the program.
    const QString driver = gitOut(m_translator, {QStringLiteral("config"), QStringLiteral("merge.workbench-po.driver")});
    EXPECT_EQ(driver, QStringLiteral("sh \"$(git rev-parse --git-path workbench-merge-driver)\" %O %A %B %P"));
    EXPECT_FALSE(driver.contains(QFileInfo(test::cliPath()).absolutePath()));
    const QByteArray finder = test::readAll(m_translator + QStringLiteral("/.git/workbench-merge-driver"));
    EXPECT_TRUE(finder.contains("installed_by='" + QFileInfo(test::cliPath()).canonicalFilePath().toUtf8() + "'")) << finder.constData();
    EXPECT_TRUE(QFileInfo(m_translator + QStringLiteral("/.git/workbench-merge-driver")).isExecutable());
    EXPECT_EQ(gitOut(m_translator, {QStringLiteral("check-attr"), QStringLiteral("merge"), QStringLiteral("--"), kCatalog}),
              kCatalog + QStringLiteral(": merge: workbench-po"));
    // Run twice: nothing is added twice.
    script.start(test::sourceDir() + QStringLiteral("/scripts/install-merge-driver"), {m_translator});
    ASSERT_TRUE(script.waitForFinished(30000));
    EXPECT_EQ(script.exitCode(), 0);
    EXPECT_EQ(test::readAll(m_translator + QStringLiteral("/.git/info/attributes")).count("merge=workbench-po"), 1);
}

TEST(MergeDriver, AnUnreadableVersionFailsAndLeavesOursAlone)
{
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("base.po")), ours = dir.filePath(QStringLiteral("ours.po")),
                  theirs = dir.filePath(QStringLiteral("theirs.po"));
    const QByteArray good = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"a.1\"\nmsgid \"A\"\nmsgstr \"Uno\"\n";
    test::writeAll(base, good);
    test::writeAll(ours, good);
    test::writeAll(theirs, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n<<<<<<< HEAD\nmsgid \"A\"\n");
    const auto result = runCli({QStringLiteral("merge-driver"), base, ours, theirs, QStringLiteral("locales/es/doc.po")});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains("locales/es/doc.po")) << result.err.constData();
    EXPECT_EQ(test::readAll(ours), good);
}

TEST(MergeDriver, MergesByUnitIntoOurFile)
{
    QTemporaryDir dir;
    const QByteArray header = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    const QByteArray a = "msgctxt \"a.1\"\nmsgid \"A\"\nmsgstr \"%1\"\n\n", b = "msgctxt \"b.2\"\nmsgid \"B\"\nmsgstr \"%1\"\n";
    auto catalog = [&](const char *ta, const char *tb) {
        return header + QString::fromUtf8(a).arg(QString::fromUtf8(ta)).toUtf8() + QString::fromUtf8(b).arg(QString::fromUtf8(tb)).toUtf8();
    };
    const QString base = dir.filePath(QStringLiteral("base.po")), ours = dir.filePath(QStringLiteral("ours.po")),
                  theirs = dir.filePath(QStringLiteral("theirs.po"));
    test::writeAll(base, catalog("", ""));
    test::writeAll(ours, catalog("Uno", ""));
    test::writeAll(theirs, catalog("", "Dos"));
    const auto result = runCli({QStringLiteral("merge-driver"), base, ours, theirs});
    ASSERT_EQ(result.exitCode, 0) << result.err.constData();
    EXPECT_EQ(entryOf(ours, QStringLiteral("a.1")).msgstr, QStringLiteral("Uno"));
    EXPECT_EQ(entryOf(ours, QStringLiteral("b.2")).msgstr, QStringLiteral("Dos"));
}

// A plain `git merge` runs the driver from the top of the work tree while an editor may be
// saving the catalog (PATHNAME): the driver waits for that save's lock, except under
// `workbench sync`, which holds the locks itself and says so in the environment.
TEST(MergeDriver, WaitsForTheCatalogsLockUnlessSyncHoldsIt)
{
    QTemporaryDir dir;
    const QByteArray catalog = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"a.1\"\nmsgid \"A\"\nmsgstr \"Uno\"\n";
    QDir(dir.path()).mkpath(QStringLiteral("locales/es"));
    const QString worktreeCatalog = dir.filePath(QStringLiteral("locales/es/doc.po"));
    for (const char *name : {"locales/es/doc.po", "base.po", "ours.po", "theirs.po"})
        test::writeAll(dir.filePath(QString::fromLatin1(name)), catalog);
    QProcess holder;
    holder.start(QStringLiteral(WB_EDITOR_CHILD), {QStringLiteral("--lock"), worktreeCatalog});
    QByteArray ready;
    while (!ready.contains("ready") && holder.waitForReadyRead(60000))
        ready += holder.readAllStandardOutput();
    ASSERT_TRUE(ready.contains("ready")) << holder.readAllStandardError().constData();

    auto startDriver = [&](QProcess &driver, bool underSync) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (underSync)
            env.insert(QString::fromLatin1(kCatalogLocksHeldVariable), QStringLiteral("1"));
        driver.setProcessEnvironment(env);
        driver.setWorkingDirectory(dir.path());
        driver.start(test::cliPath(), {QStringLiteral("merge-driver"), QStringLiteral("base.po"), QStringLiteral("ours.po"),
                                       QStringLiteral("theirs.po"), QStringLiteral("locales/es/doc.po")});
    };
    QProcess underSync;
    startDriver(underSync, true);
    ASSERT_TRUE(underSync.waitForFinished(10000)) << "the driver waited for locks its parent sync holds";
    EXPECT_EQ(underSync.exitCode(), 0) << underSync.readAllStandardError().constData();

    QProcess plain;
    startDriver(plain, false);
    EXPECT_FALSE(plain.waitForFinished(1000)) << "the driver merged while another process held the catalog's lock";
    holder.kill();
    holder.waitForFinished(-1);
    ASSERT_TRUE(plain.waitForFinished(10000));
    EXPECT_EQ(plain.exitCode(), 0) << plain.readAllStandardError().constData();
}

// ---- two processes writing one catalog -------------------------------------------------------

namespace {

// A project of many units: the first half for the translator, the second half translated
// already for the reviewer.
QString makeBusyProject(const QString &root, int units, QStringList &ids)
{
    QDir().mkpath(root + QStringLiteral("/source-content/en"));
    QByteArray markdown = "# Care at home\n";
    for (int i = 1; i < units; ++i)
        markdown += "\nAdvice number " + QByteArray::number(i) + " is written here.\n";
    test::writeAll(root + QStringLiteral("/source-content/en/doc.md"), markdown);
    EXPECT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), root, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const QString po = root + QLatin1Char('/') + kCatalog;
    auto catalog = PoCatalog::read(po);
    EXPECT_TRUE(catalog.ok());
    for (qsizetype i = 0; i < catalog->entries.size(); ++i) {
        ids.append(catalog->entries[i].context);
        if (i >= units / 2)
            catalog->entries[i].msgstr = QStringLiteral("Consejo %1.").arg(i);
    }
    EXPECT_TRUE(catalog->write(po).ok());
    return po;
}

} // namespace

TEST(CatalogLock, EditorSavesAndReviewCommandsAtTheSameTimeLoseNothing)
{
    QTemporaryDir dir;
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    qputenv("WORKBENCH_USER", "Ana");
    const int units = 20, rounds = 4;
    QStringList ids;
    const QString project = dir.filePath(QStringLiteral("p"));
    const QString po = makeBusyProject(project, units, ids);
    auto session = EditorSession::open(project, QStringLiteral("es"));
    ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());

    for (int round = 1; round <= rounds; ++round) {
        // The reviewer's commands start first and run while the translator confirms.
        std::vector<std::unique_ptr<QProcess>> reviewers;
        for (int i = units / 2; i < units; ++i) {
            for (const QStringList &action : {QStringList{QStringLiteral("approve"), ids[i]},
                                              QStringList{QStringLiteral("comment"), ids[i], QStringLiteral("--reason"),
                                                          QStringLiteral("round %1").arg(round)}}) {
                auto process = std::make_unique<QProcess>();
                process->start(test::cliPath(), QStringList{QStringLiteral("review")} + action
                                                    + QStringList{QStringLiteral("--project"), project, QStringLiteral("--locale"),
                                                                  QStringLiteral("es"), QStringLiteral("--by"), QStringLiteral("Rosa")});
                reviewers.push_back(std::move(process));
            }
        }
        for (int i = 0; i < units / 2; ++i) {
            const int index = (*session)->indexOf(ids[i]);
            (*session)->editTarget(index, QStringLiteral("Traducción %1, versión %2.").arg(i).arg(round));
            const Status confirmed = (*session)->confirm(index);
            ASSERT_TRUE(confirmed.ok()) << qPrintable(confirmed.error().toString());
        }
        for (auto &process : reviewers) {
            ASSERT_TRUE(process->waitForFinished(30000));
            EXPECT_EQ(process->exitCode(), 0) << process->readAllStandardError().constData();
        }
    }

    // Every confirmation and every review action is in the file.
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    for (int i = 0; i < units; ++i) {
        SCOPED_TRACE(ids[i].toStdString());
        const PoEntry &e = catalog->entries[catalog->indexOfContext(ids[i])];
        if (i < units / 2) {
            EXPECT_EQ(e.msgstr, QStringLiteral("Traducción %1, versión %2.").arg(i).arg(rounds));
            EXPECT_EQ(historyOf(e).size(), rounds);
        } else {
            EXPECT_EQ(stateOf(e), UnitState::Approved);
            EXPECT_EQ(commentsOf(e).size(), rounds);
            EXPECT_EQ(historyOf(e).size(), 2 * rounds);
        }
    }
    expectMsgfmtAccepts(po);
    // Nothing is left beside the catalog but its lock file (kept: the kernel lock lives on it).
    const QStringList beside = QDir(QFileInfo(po).absolutePath()).entryList({QFileInfo(po).fileName() + QLatin1Char('*')}, QDir::Files | QDir::Hidden);
    EXPECT_EQ(beside, (QStringList{QFileInfo(po).fileName(), QFileInfo(po).fileName() + QStringLiteral(".lock")}));
}

// A translator confirms a draft as it is (no edit) after a reviewer saved a newer text from
// the command line, before the editor merged it: the confirmation is of the text on disk, not
// the older one the editor showed. Back to draft likewise.
TEST(CatalogLock, ConfirmingAnUneditedUnitNeverWritesAnOlderTextOverANewerOne)
{
    QTemporaryDir dir;
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    qputenv("WORKBENCH_USER", "Ana");
    QStringList ids;
    const QString project = dir.filePath(QStringLiteral("p"));
    const QString po = makeBusyProject(project, 4, ids);
    auto session = EditorSession::open(project, QStringLiteral("es"));
    ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
    const int first = (*session)->indexOf(ids[2]), second = (*session)->indexOf(ids[3]); // translated already
    const QString shown = (*session)->target(first);
    ASSERT_FALSE(shown.isEmpty());

    // Another process (an editor, Poedit, a script) saves newer texts meanwhile.
    auto onDisk = PoCatalog::read(po);
    ASSERT_TRUE(onDisk.ok());
    onDisk->entries[onDisk->indexOfContext(ids[2])].msgstr = QStringLiteral("Texto más nuevo.");
    onDisk->entries[onDisk->indexOfContext(ids[3])].msgstr = QStringLiteral("Otro texto más nuevo.");
    ASSERT_TRUE(onDisk->write(po).ok());

    ASSERT_TRUE((*session)->confirm(first).ok());
    ASSERT_TRUE((*session)->backToDraft(second).ok());
    auto after = PoCatalog::read(po);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->entries[after->indexOfContext(ids[2])].msgstr, QStringLiteral("Texto más nuevo."));
    EXPECT_EQ(after->entries[after->indexOfContext(ids[3])].msgstr, QStringLiteral("Otro texto más nuevo."));
    EXPECT_TRUE(after->entries[after->indexOfContext(ids[3])].fuzzy);
    EXPECT_NE(shown, QStringLiteral("Texto más nuevo."));
}
