// workbench export: localized Markdown from PO catalogs, for one file or a project.
#include "cli_common.h"
#include "common/text_file.h"
#include "interchange/format_registry.h"
#include "interchange/po_xliff_mapping.h"
#include "markdown/markdown_source.h"
#include "project/language_resources.h"
#include "project/localize_workflow.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

#include <QDir>
#include <QJsonArray>
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

// The file name a format gives one document's catalog in the output folder.
QString exchangeFileName(const QString &document, const QString &language, const FileFormat &format)
{
    return QFileInfo(document).completeBaseName() + QLatin1Char('.') + language + QLatin1Char('.') + format.suffixes.first();
}

// XLIFF or PO for other tools: every unit with its state, not just the publishable ones.
Result<QByteArray> exchangeBytes(const Project &project, const QString &document, const PoCatalog &catalog,
                                 const QString &language, const FileFormat &format)
{
    return format.write(format.fromCatalog(catalog, {project.sourceLanguage(), language, project.relativePath(document)}));
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
    addProjectOptions(parser, QStringLiteral("Target language."));
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder (default: DIR/localized/LANG)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("include"),
                      QStringLiteral("Translations to use: approved (default), translated (also unreviewed) or all (also drafts)."),
                      QStringLiteral("LEVEL"), QStringLiteral("approved")});
    parser.addOption({QStringLiteral("fallback"),
                      QStringLiteral("Units without a usable translation: error (default: list them, fail, write nothing) or source\n"
                                     "(keep the English; front matter says how many units did)."),
                      QStringLiteral("POLICY"), QStringLiteral("error")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("markdown (default: the localized documents), xliff2 (XLIFF 2.1), xliff12 (XLIFF 1.2) or po:\n"
                                     "the catalogs for other tools, every unit with its state, notes and id."),
                      QStringLiteral("FORMAT"), QStringLiteral("markdown")});
    parser.addOption({QStringLiteral("no-front-matter"),
                      QStringLiteral("Markdown only: write just the localized text, without the publishing front matter.")});
    addSegmentationOptions(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("export"), arguments, exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    const FileFormat *fileFormat = formatNamed(format);
    if (!fileFormat || !(fileFormat->sourceDocument || fileFormat->fromCatalog))
        return usageError(QStringLiteral("export"), QStringLiteral("--format takes markdown, xliff2, xliff12 or po"));
    const bool exchange = !fileFormat->sourceDocument;
    if (exchange && !parser.isSet(QStringLiteral("project")))
        return usageError(QStringLiteral("export"), QStringLiteral("--format %1 needs --project and --locale").arg(format));

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
    QJsonArray written;
    QString outFolder; // project form: every file must land inside it
    PublishingContext publishing;
    publishing.frontMatter = !parser.isSet(QStringLiteral("no-front-matter"));
    publishing.language = parser.value(QStringLiteral("locale"));
    auto handle = [&](const SegmentedDocument &doc, const QString &catalogPath, const QString &target) -> int {
        auto catalog = PoCatalog::read(catalogPath);
        if (!catalog)
            return fail(catalog.error());
        if (!parser.isSet(QStringLiteral("locale")))
            publishing.language = catalog->headerField(QStringLiteral("Language"));
        written.append(QJsonObject{{QStringLiteral("source"), doc.source->path()}, {QStringLiteral("output"), target}});
        ExportOutcome outcome = exportDocument(doc, *catalog, *include, *fallback, publishing);
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
        publishing.sourcePath = parser.positionalArguments().first();
        if (int code = handle(*doc, parser.value(QStringLiteral("po")), parser.value(QStringLiteral("output"))); code != kExitOk)
            return code;
    } else {
        if (!parser.isSet(QStringLiteral("locale")))
            return usageError(QStringLiteral("export"), QStringLiteral("--locale is required with --project"));
        auto context = openProject(parser);
        if (!context)
            return fail(context.error());
        const Project *project = &context->project();
        const QString language = parser.value(QStringLiteral("locale"));
        outFolder = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out"))
                                                                     : project->root() + QStringLiteral("/localized/") + language;
        auto segmenter = loadSegmenter(project->rulesPath(), project->sourceLanguage());
        if (!segmenter)
            return fail(segmenter.error());
        publishing.reviewThreshold = context->settings().reviewThreshold;
        for (const QString &document : project->documents()) {
            if (exchange) {
                auto catalog = PoCatalog::read(project->catalogPath(document, language));
                if (!catalog)
                    return fail(catalog.error());
                auto bytes = exchangeBytes(*project, document, *catalog, language, *fileFormat);
                if (!bytes)
                    return fail(bytes.error());
                const QString target = outFolder + QLatin1Char('/') + exchangeFileName(document, language, *fileFormat);
                std::fprintf(stderr, "%s: %lld units -> %s\n", qPrintable(project->relativePath(document)),
                             qlonglong(xliffUnitsOf(*catalog).size()), qPrintable(target));
                written.append(QJsonObject{{QStringLiteral("source"), project->relativePath(document)},
                                           {QStringLiteral("output"), target}});
                planned.append({target, *bytes});
                continue;
            }
            auto doc = segmentFile(document, **segmenter);
            if (!doc)
                return fail(doc.error());
            publishing.sourcePath = project->relativePath(document);
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
        if (projectForm && !isInsideFolder(file.path, outFolder))
            return fail(Diagnostic{ErrorKind::OutputFailed, file.path, 0, 0,
                                   QStringLiteral("refused: outside the output folder %1").arg(outFolder)});
    for (const PlannedFile &file : planned)
        if (Status status = writeOutput(file.path, file.bytes); !status)
            return fail(status.error());
    addJsonFields(QJsonObject{{QStringLiteral("format"), format}, {QStringLiteral("files"), written}});
    return kExitOk;
}

} // namespace wb::cli
