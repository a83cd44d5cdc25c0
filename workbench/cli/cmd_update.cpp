// workbench update --project DIR --locale LANG: create or refresh the catalogs, and say
// what the new revision of the source did to each unit.
#include "cli_common.h"
#include "project/localize_workflow.h"
#include "project/project.h"
#include "text/text_diff.h"

#include <QDateTime>
#include <QJsonArray>
#include <cstdio>

namespace wb::cli {
namespace {

// "[-old-]{+new+}" word diff, as wdiff and git --word-diff write it.
QString inlineDiff(const QList<DiffPiece> &diff)
{
    QString out;
    for (const DiffPiece &piece : diff) {
        if (piece.kind == DiffPiece::Kind::Same)
            out += piece.text;
        else if (piece.kind == DiffPiece::Kind::Removed)
            out += QStringLiteral("[-") + piece.text + QStringLiteral("-]");
        else
            out += QStringLiteral("{+") + piece.text + QStringLiteral("+}");
    }
    return out;
}

QJsonObject changeJson(const UnitChange &change, const QList<DiffPiece> &diff)
{
    return QJsonObject{{QStringLiteral("kind"), changeKindName(change.kind)},
                       {QStringLiteral("id"), change.id},
                       {QStringLiteral("previous_id"), change.previousId},
                       {QStringLiteral("line"), change.line},
                       {QStringLiteral("source"), change.source},
                       {QStringLiteral("previous_source"), change.previousSource},
                       {QStringLiteral("score"), change.score},
                       {QStringLiteral("diff"), diffJson(diff)}};
}

// One line per changed unit, at its line in the source document, as compilers report.
void printChange(const QString &document, const UnitChange &change, const QList<DiffPiece> &diff)
{
    const QString id = change.id.isEmpty() ? change.previousId : change.id;
    QString text = change.kind == UnitChange::Kind::Added     ? change.source
                   : change.kind == UnitChange::Kind::Deleted ? change.previousSource
                   : change.kind == UnitChange::Kind::Moved   ? change.source
                                                              : inlineDiff(diff);
    std::printf("  %s:%d: %s %s: %s\n", qPrintable(document), change.line, qPrintable(changeKindName(change.kind)), qPrintable(id),
                qPrintable(text));
}

} // namespace

int runUpdate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Creates or refreshes locales/LANG/<document>.po for every source-content/<source>/*.md, and reports what\n"
        "the new revision of the source did to each unit: unchanged and moved units keep their translation and\n"
        "state; edited ones become drafts with the old English in #|; split or joined ones get drafts from the\n"
        "old translations; new ones are untranslated; deleted ones become obsolete (#~)."));
    addProjectOptions(parser, QStringLiteral("Target language, e.g. es."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("update"), arguments, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("project")) || !parser.isSet(QStringLiteral("locale")))
        return usageError(QStringLiteral("update"), QStringLiteral("--project and --locale are required"));

    auto context = openProject(parser);
    if (!context)
        return fail(context.error());
    const Project *project = &context->project();
    auto segmenter = loadSegmenter(project->rulesPath(), project->sourceLanguage());
    if (!segmenter)
        return fail(segmenter.error());
    installMergeDriverFor(project->root()); // before any merge can meet these catalogs
    const QString language = parser.value(QStringLiteral("locale"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray catalogs;
    for (const QString &document : project->documents()) {
        auto outcome = updateDocumentCatalog(*context, document, **segmenter, now);
        if (!outcome)
            return fail(outcome.error());
        const MergeReport &r = outcome->report;
        const QString catalog = project->relativePath(outcome->catalogPath);
        const char *what = outcome->created ? "created" : outcome->written ? "updated" : "already up to date";
        std::printf("%s: %d units; %d kept, %d moved, %d edited, %d split, %d joined, %d new, %d renamed, %d obsolete, "
                    "%d revived; %s\n",
                    qPrintable(catalog), outcome->units, r.kept, r.moved, r.edited, r.split, r.joined, r.added, r.renamed,
                    r.obsoleted, r.revived, what);
        QJsonArray changes;
        for (const UnitChange &change : r.changes) {
            const QList<DiffPiece> diff = wordDiff(change.previousSource, change.source); // once, for both outputs
            if (!outcome->created) // a new catalog: every unit is new, no need to list them
                printChange(project->relativePath(document), change, diff);
            changes.append(changeJson(change, diff));
        }
        catalogs.append(QJsonObject{{QStringLiteral("catalog"), catalog},
                                    {QStringLiteral("units"), outcome->units},
                                    {QStringLiteral("kept"), r.kept},
                                    {QStringLiteral("moved"), r.moved},
                                    {QStringLiteral("edited"), r.edited},
                                    {QStringLiteral("split"), r.split},
                                    {QStringLiteral("joined"), r.joined},
                                    {QStringLiteral("new"), r.added},
                                    {QStringLiteral("renamed"), r.renamed},
                                    {QStringLiteral("obsolete"), r.obsoleted},
                                    {QStringLiteral("revived"), r.revived},
                                    {QStringLiteral("outcome"), QString::fromLatin1(what)},
                                    {QStringLiteral("changes"), changes}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("locale"), language}, {QStringLiteral("catalogs"), catalogs}});
    return kExitOk;
}

} // namespace wb::cli
