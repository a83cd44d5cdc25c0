// workbench export: localized Markdown from PO catalogs, for one file or a project.
#include "cli_common.h"
#include "common/text_file.h"
#include "markdown/markdown_source.h"
#include "project/localize_workflow.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

#include <QDir>
#include <QFileInfo>
#include <cstdio>

namespace wb::cli {
namespace {

struct PlannedFile {
    QString path;
    QByteArray bytes;
};

void report(const QString &name, const ExportOutcome &outcome, const QString &target)
{
    std::fprintf(stderr, "%s: %d units translated, %d kept in the source language -> %s\n", qPrintable(name),
                 outcome.translatedUnits, outcome.sourceUnits, qPrintable(target.isEmpty() ? QStringLiteral("<stdout>") : target));
}

} // namespace

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes localized Markdown: the source bytes with each unit replaced by its translation.\n"
        "  workbench export DOC.md --po CATALOG.po [-o OUT.md]\n"
        "  workbench export --project DIR --locale LANG [--out DIR]"));
    parser.addPositionalArgument(QStringLiteral("DOC.md"), QStringLiteral("The source Markdown file (single-file form)."));
    parser.addOption({QStringLiteral("po"), QStringLiteral("The catalog with the translations."), QStringLiteral("CATALOG.po")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output file (default: standard output)."), QStringLiteral("OUT.md")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Target language."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder (default: DIR/localized/LANG)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("source-lang"), QStringLiteral("Source language folder (default: en)."),
                      QStringLiteral("LANG"), QStringLiteral("en")});
    parser.addOption({QStringLiteral("include"),
                      QStringLiteral("Translations to use: approved (default), translated (also unreviewed) or all (also drafts)."),
                      QStringLiteral("LEVEL"), QStringLiteral("approved")});
    parser.addOption({QStringLiteral("fallback"),
                      QStringLiteral("Units without a usable translation: error (default: list them, fail, write nothing) or source\n"
                                     "(keep the English; front matter says how many units did)."),
                      QStringLiteral("POLICY"), QStringLiteral("error")});
    addSegmentationOptions(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("export"), arguments, exitCode))
        return exitCode;

    const auto include = includeLevelFromName(parser.value(QStringLiteral("include")));
    const auto fallback = fallbackPolicyFromName(parser.value(QStringLiteral("fallback")));
    if (!include)
        return usageError(QStringLiteral("export"), QStringLiteral("--include takes approved, translated or all"));
    if (!fallback)
        return usageError(QStringLiteral("export"), QStringLiteral("--fallback takes source or error"));
    const bool projectForm = parser.isSet(QStringLiteral("project"));
    if (projectForm == !parser.positionalArguments().isEmpty() || parser.positionalArguments().size() > 1)
        return usageError(QStringLiteral("export"), QStringLiteral("give either one DOC.md with --po, or --project with --locale"));

    // Everything is computed before anything is written: a failure writes nothing.
    QList<PlannedFile> planned;
    Diagnostics problems;
    auto handle = [&](const SegmentedDocument &doc, const QString &catalogPath, const QString &target) -> int {
        auto catalog = PoCatalog::read(catalogPath);
        if (!catalog)
            return fail(catalog.error());
        ExportOutcome outcome = exportDocument(doc, *catalog, *include, *fallback);
        report(doc.source->path(), outcome, target);
        problems += outcome.problems;
        planned.append({target, outcome.bytes});
        return kExitOk;
    };

    if (!projectForm) {
        if (!parser.isSet(QStringLiteral("po")))
            return usageError(QStringLiteral("export"), QStringLiteral("--po CATALOG.po is required with DOC.md"));
        auto doc = loadDocument(parser.positionalArguments().first(), parser);
        if (!doc)
            return fail(doc.error());
        if (int code = handle(*doc, parser.value(QStringLiteral("po")), parser.value(QStringLiteral("output"))); code != kExitOk)
            return code;
    } else {
        if (!parser.isSet(QStringLiteral("locale")))
            return usageError(QStringLiteral("export"), QStringLiteral("--locale is required with --project"));
        auto project = Project::open(parser.value(QStringLiteral("project")), parser.value(QStringLiteral("source-lang")));
        if (!project)
            return fail(project.error());
        const QString language = parser.value(QStringLiteral("locale"));
        const QString outFolder = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out"))
                                                                     : project->root() + QStringLiteral("/localized/") + language;
        auto segmenter = loadSegmenter(project->rulesPath(), project->sourceLanguage());
        if (!segmenter)
            return fail(segmenter.error());
        for (const QString &document : project->documents()) {
            auto doc = segmentFile(document, **segmenter);
            if (!doc)
                return fail(doc.error());
            for (const Diagnostic &w : doc->warnings)
                warn(w);
            const QString catalogPath = project->catalogPath(document, language);
            if (int code = handle(*doc, catalogPath, project->localizedPath(document, outFolder)); code != kExitOk)
                return code;
        }
        if (!QDir().mkpath(outFolder))
            return fail(Diagnostic{ErrorKind::OutputFailed, outFolder, 0, 0, QStringLiteral("cannot create the folder")});
    }

    if (*fallback == FallbackPolicy::Error && !problems.isEmpty())
        return fail(problems);
    for (const Diagnostic &p : problems)
        warn(p);
    for (const PlannedFile &file : planned)
        if (Status written = writeOutput(file.path, file.bytes); !written)
            return fail(written.error());
    return kExitOk;
}

} // namespace wb::cli
