// workbench update --project DIR --locale LANG: create or refresh the catalogs.
#include "cli_common.h"

#include <QJsonArray>
#include "project/localize_workflow.h"
#include "project/project.h"

#include <QDateTime>
#include <cstdio>

namespace wb::cli {

int runUpdate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Creates or refreshes locales/LANG/<document>.po for every source-content/<source>/*.md.\n"
        "Translations of units whose id and text did not change are kept untouched."));
    addProjectOptions(parser, QStringLiteral("Target language, e.g. es."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("update"), arguments, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("project")) || !parser.isSet(QStringLiteral("locale")))
        return usageError(QStringLiteral("update"), QStringLiteral("--project and --locale are required"));

    auto project = Project::open(parser.value(QStringLiteral("project")), parser.value(QStringLiteral("source-lang")));
    if (!project)
        return fail(project.error());
    auto segmenter = loadSegmenter(project->rulesPath(), project->sourceLanguage());
    if (!segmenter)
        return fail(segmenter.error());
    const QString language = parser.value(QStringLiteral("locale"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray catalogs;
    for (const QString &document : project->documents()) {
        auto outcome = updateDocumentCatalog(*project, document, language, **segmenter, now);
        if (!outcome)
            return fail(outcome.error());
        const MergeReport &r = outcome->report;
        std::printf("%s: %d units; %d kept, %d new, %d renamed, %d obsolete, %d revived; %s\n",
                    qPrintable(project->relativePath(outcome->catalogPath)), outcome->units, r.kept, r.added, r.renamed,
                    r.obsoleted, r.revived,
                    outcome->created ? "created" : outcome->written ? "updated" : "already up to date");
        catalogs.append(QJsonObject{{QStringLiteral("catalog"), project->relativePath(outcome->catalogPath)},
                                    {QStringLiteral("units"), outcome->units},
                                    {QStringLiteral("kept"), r.kept},
                                    {QStringLiteral("new"), r.added},
                                    {QStringLiteral("renamed"), r.renamed},
                                    {QStringLiteral("obsolete"), r.obsoleted},
                                    {QStringLiteral("revived"), r.revived},
                                    {QStringLiteral("outcome"), outcome->created ? QStringLiteral("created")
                                                                : outcome->written ? QStringLiteral("updated")
                                                                                   : QStringLiteral("unchanged")}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("locale"), language}, {QStringLiteral("catalogs"), catalogs}});
    return kExitOk;
}

} // namespace wb::cli
