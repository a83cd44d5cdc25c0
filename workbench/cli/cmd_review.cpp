// workbench review approve|reject|comment|annotate|report: the reviewer's side.
#include "cli_common.h"
#include "common/text_file.h"
#include "po/catalog_lock.h"
#include "po/po_merge.h"
#include "project/language_resources.h"
#include "project/project.h"
#include "review/review_record.h"
#include "review/review_report.h"

#include <QFileInfo>
#include <cstdio>

namespace wb::cli {
namespace {

int report(const QCommandLineParser &parser)
{
    auto selection = selectCatalogs(parser, {});
    if (!selection)
        return selection.error().kind == ErrorKind::Usage ? usageError(QStringLiteral("review"), selection.error().message) : fail(selection.error());
    const ProjectSettings &settings = selection->context.settings();
    QList<QPair<QString, PoCatalog>> read;
    for (const QString &path : selection->catalogs) {
        if (!QFileInfo::exists(path))
            continue; // a document not started yet
        auto catalog = PoCatalog::read(path);
        if (!catalog)
            return fail(catalog.error());
        read.append({QFileInfo(path).fileName(), *catalog});
    }
    ReviewReport report = buildReviewReport(read, selection->context.sourceLanguage(), parser.value(QStringLiteral("locale")),
                                            settings.reviewThreshold);
    report.title = QFileInfo(selection->context.root()).fileName();
    const QString output = parser.value(QStringLiteral("output"));
    if (output.endsWith(QLatin1String(".html"))) {
        if (Status written = writeOutput(output, report.toHtml().toUtf8()); !written)
            return fail(written.error());
    } else {
        // Markdown cannot hold the chart: it goes beside the report as an SVG file.
        const QString chart = output.isEmpty() ? QStringLiteral("review-states.svg")
                                               : QFileInfo(output).completeBaseName() + QStringLiteral("-states.svg");
        const QString chartPath = output.isEmpty() ? chart : QFileInfo(output).absolutePath() + QLatin1Char('/') + chart;
        if (Status written = writeOutput(chartPath, report.statesSvg()); !written)
            return fail(written.error());
        if (Status written = writeOutput(output, report.toMarkdown(chart).toUtf8()); !written)
            return fail(written.error());
    }
    if (!report.reviewed())
        std::fprintf(stderr, "score: no unit reviewed yet\n");
    else
        std::fprintf(stderr, "score %.2f per 1,000 words: %s\n", report.scorePer1000Words(), report.passed() ? "pass" : "fail");
    return kExitOk;
}

} // namespace

int runReview(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The review workflow. Every action records who and when in the catalog.\n"
        "  workbench review approve UNIT-ID (CATALOG.po | --project DIR --locale LANG) [--by NAME]\n"
        "  workbench review reject UNIT-ID (...) --reason TEXT [--by NAME]\n"
        "  workbench review comment UNIT-ID (...) --reason TEXT [--by NAME]\n"
        "  workbench review annotate UNIT-ID (...) --category CAT --severity minor|major|critical [--reason NOTE]\n"
        "  workbench review resolve UNIT-ID (...) (--keep ours|theirs|base | --text TEXT) [--by NAME]\n"
        "  workbench review report --project DIR --locale LANG [-o FILE.md|FILE.html]"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("approve, reject, comment, annotate, resolve or report"));
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Target language."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("by"), QStringLiteral("Who (default: $WORKBENCH_USER, the project's user, git's user.name, the login)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("reason"), QStringLiteral("Why (reject), the comment (comment), a note (annotate)."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("category"), QStringLiteral("Error category, e.g. accuracy/omission, terminology, fluency/spelling."), QStringLiteral("CAT")});
    parser.addOption({QStringLiteral("severity"), QStringLiteral("Error severity: minor (1), major (5), critical (25)."), QStringLiteral("LEVEL")});
    parser.addOption({QStringLiteral("keep"), QStringLiteral("resolve: the version of a merge conflict to keep: ours, theirs or base."), QStringLiteral("SIDE")});
    parser.addOption({QStringLiteral("text"), QStringLiteral("resolve: new text for a unit in conflict, instead of either version."), QStringLiteral("TEXT")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("report: FILE.md (chart beside it) or FILE.html."), QStringLiteral("FILE")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("review"), arguments, exitCode))
        return exitCode;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == QLatin1String("report"))
        return report(parser);
    static const QStringList unitActions = {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("comment"),
                                            QStringLiteral("annotate"), QStringLiteral("resolve")};
    if (!unitActions.contains(action) || args.size() < 2 || args.size() > 3)
        return usageError(QStringLiteral("review"), QStringLiteral("expected approve|reject|comment|annotate|resolve UNIT-ID, or report"));
    std::optional<ConflictChoice> choice;
    if (action == QLatin1String("resolve")) {
        if (parser.isSet(QStringLiteral("keep")) == parser.isSet(QStringLiteral("text")))
            return usageError(QStringLiteral("review"), QStringLiteral("resolve takes either --keep ours|theirs|base or --text TEXT"));
        choice = parser.isSet(QStringLiteral("text")) ? ConflictChoice::Text : conflictChoiceFromName(parser.value(QStringLiteral("keep")));
        if (!choice)
            return usageError(QStringLiteral("review"), QStringLiteral("--keep takes ours, theirs or base, not '%1'").arg(parser.value(QStringLiteral("keep"))));
    }
    const QString unit = args[1];
    auto selection = selectCatalogs(parser, args.value(2));
    if (!selection)
        return selection.error().kind == ErrorKind::Usage ? usageError(QStringLiteral("review"), selection.error().message) : fail(selection.error());
    const QStringList *catalogs = &selection->catalogs;
    const QString by = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by")) : selection->context.user();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Under the catalog's lock, on the catalog as it is on disk at that moment: an editor
    // saving the same file meanwhile loses nothing, and neither does this action.
    auto act = [&](PoEntry &entry) -> Status {
        if (action == QLatin1String("approve")) {
            if (Status open = refuseIfConflicted(entry, QStringLiteral("approved")); !open)
                return open;
            return approveUnit(entry, by, now);
        }
        if (action == QLatin1String("resolve"))
            return resolveConflict(entry, *choice, parser.value(QStringLiteral("text")), by, now);
        if (action == QLatin1String("reject"))
            return rejectUnit(entry, by, now, parser.value(QStringLiteral("reason")));
        if (action == QLatin1String("comment"))
            return commentUnit(entry, by, now, parser.value(QStringLiteral("reason")));
        return annotateError(entry, ReviewError{parser.value(QStringLiteral("category")), parser.value(QStringLiteral("severity")),
                                                by, now, parser.value(QStringLiteral("reason"))});
    };
    for (const QString &path : *catalogs) {
        if (!QFileInfo::exists(path))
            continue;
        bool found = false;
        const Status done = modifyCatalog(path, [&](PoCatalog &catalog) -> Status {
            const qsizetype index = catalog.indexOfContext(unit);
            if (index < 0)
                return {}; // not in this catalog: left as it is
            found = true;
            if (Status acted = act(catalog.entries[index]); !acted) {
                Diagnostic error = acted.error();
                error.file = path;
                return error;
            }
            if (choice) // the translation changed hands: the header says who and when
                catalog.stampRevision(by, now);
            return {};
        });
        if (!done)
            return fail(done.error());
        if (!found)
            continue;
        if (choice)
            std::fprintf(stderr, "%s: %s: conflict resolved by %s, keeping %s; the unit is translated, not approved\n", qPrintable(path),
                         qPrintable(unit), qPrintable(by),
                         *choice == ConflictChoice::Text ? "new text" : qPrintable(parser.value(QStringLiteral("keep"))));
        else
            std::fprintf(stderr, "%s: %s %s by %s\n", qPrintable(path), qPrintable(unit), qPrintable(action), qPrintable(by));
        return kExitOk;
    }
    return fail(Diagnostic{ErrorKind::InvalidInput, catalogs->value(0), 0, 0, QStringLiteral("no unit \"%1\"").arg(unit)});
}

} // namespace wb::cli
