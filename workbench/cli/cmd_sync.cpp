// workbench sync: one step for a translator or reviewer working in their own clone
// (docs/teamwork.md). The steps are the core's (project/team_sync); this is options and output.
#include "cli_common.h"
#include "project/team_sync.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace wb::cli {
namespace {

QJsonObject outcomeJson(const SyncOutcome &o)
{
    QJsonArray conflicts;
    for (const SyncOutcome::Conflict &c : o.conflicts)
        conflicts.append(QJsonObject{{QStringLiteral("catalog"), c.catalog}, {QStringLiteral("line"), c.line}, {QStringLiteral("unit"), c.unit}});
    return QJsonObject{{QStringLiteral("remote"), o.remote},
                       {QStringLiteral("branch"), o.branch},
                       {QStringLiteral("upstream"), o.upstream},
                       {QStringLiteral("committed"), o.committed},
                       {QStringLiteral("commit"), o.commit.isEmpty() ? QJsonValue() : QJsonValue(o.commit)},
                       {QStringLiteral("fetched"), o.fetched},
                       {QStringLiteral("merged"), o.merged},
                       {QStringLiteral("conflicts"), conflicts},
                       {QStringLiteral("pushed"), o.pushed}};
}

} // namespace

int runSync(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exchanges work with the team through git: commits the project's catalogs (locales/**/*.po, nothing\n"
        "else), fetches, merges the upstream branch (catalogs merged by unit with the PO merge driver, which\n"
        "is installed into the clone when missing), and pushes. A unit changed on both sides is kept with\n"
        "both versions and shown by the editor for resolution.\n"
        "Exit 7 when the remote cannot be reached (the local commit is kept); 6 when files other than\n"
        "catalogs conflict (the merge is left for you to finish)."));
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder (in a git clone)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("remote"), QStringLiteral("The remote (default: the branch's upstream remote, else origin)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("message"), QStringLiteral("Commit message for the confirmed work."), QStringLiteral("TEXT")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("sync"), arguments, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("project")) || !parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("sync"), QStringLiteral("give --project DIR"));
    const QString projectRoot = QFileInfo(parser.value(QStringLiteral("project"))).absoluteFilePath();
    if (!QFileInfo(projectRoot).isDir())
        return fail(Diagnostic{ErrorKind::MissingInput, projectRoot, 0, 0, QStringLiteral("no such folder")});
    auto context = ProjectContext::atFolder(projectRoot);
    if (!context)
        return fail(context.error());

    SyncOptions options;
    options.remote = parser.value(QStringLiteral("remote"));
    if (parser.isSet(QStringLiteral("message")))
        options.message = parser.value(QStringLiteral("message"));
    options.mergeDriverProgram = QCoreApplication::applicationFilePath();
    options.progress = [](const QString &line) { std::printf("%s\n", qPrintable(line)); };
    SyncOutcome outcome;
    const Status synced = syncProject(*context, options, outcome);
    if (!outcome.cloneFound)
        return synced.error().kind == ErrorKind::Usage ? usageError(QStringLiteral("sync"), synced.error().message) : fail(synced.error());
    for (const SyncOutcome::Conflict &c : outcome.conflicts)
        std::printf("%s:%d: unit %s: changed on both sides; both versions are kept, resolve it in the editor or with "
                    "`workbench review resolve UNIT CATALOG.po --keep ours|theirs`\n",
                    qPrintable(c.catalog), c.line, qPrintable(c.unit));
    addJsonFields(outcomeJson(outcome));
    return synced ? kExitOk : fail(synced.error());
}

} // namespace wb::cli
