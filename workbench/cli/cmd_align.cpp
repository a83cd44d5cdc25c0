// workbench align: a published translation aligned with its source, into a TMX memory or
// into the project's catalog as drafts (docs/alignment.md).
#include "cli_common.h"
#include "align/aligned_drafts.h"
#include "align/document_aligner.h"
#include "align/language_check.h"
#include "po/catalog_lock.h"
#include "project/language_resources.h"
#include "project/localize_workflow.h"
#include "project/project.h"
#include "tm/tmx_format.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace wb::cli {
namespace {

Result<SegmentedDocument> segmentAs(const QString &path, const QString &language, const QString &projectRules)
{
    if (!QFileInfo::exists(path))
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("no such file")};
    const QString beside = rulesBeside(path);
    auto segmenter = loadSegmenter(QFileInfo::exists(beside) || projectRules.isEmpty() ? beside : projectRules, language);
    if (!segmenter)
        return segmenter.error();
    return segmentFile(path, **segmenter);
}

// An empty translation, or one in another language, is refused before anything is aligned.
Status acceptTranslation(const SegmentedDocument &translation, const QString &path, const QString &sourceLanguage,
                         const QString &targetLanguage, const ProjectSettings &settings)
{
    if (translation.units.isEmpty())
        return Diagnostic{ErrorKind::CheckFailed, path, 0, 0, QStringLiteral("the translation has no text to align")};
    const LanguageEvidence evidence = languageEvidence(translation, sourceLanguage, targetLanguage, settings);
    if (!evidence.readsAsTarget())
        return Diagnostic{ErrorKind::CheckFailed, path, 0, 0,
                          QStringLiteral("the translation does not read as '%1': the %1 dictionary knows %2 of its first %3 words "
                                         "(the %4 one knows %5); give the right file or --target-lang")
                              .arg(targetLanguage).arg(evidence.knownInTarget).arg(evidence.sampled).arg(sourceLanguage)
                              .arg(evidence.knownInSource)};
    return {};
}

QJsonObject kindCounts(const DocumentAlignment &alignment)
{
    QJsonObject counts{{QStringLiteral("1-1"), 0}, {QStringLiteral("1-2"), 0}, {QStringLiteral("2-1"), 0},
                       {QStringLiteral("1-0"), 0}, {QStringLiteral("0-1"), 0}};
    for (const AlignedLink &link : alignment.links)
        counts[link.kind()] = counts[link.kind()].toInt() + 1;
    return counts;
}

QString blockOf(const SegmentedDocument &doc, const QList<int> &units)
{
    const SourceUnit &first = doc.units[units.first()];
    return QStringLiteral("%1:%2").arg(first.kind).arg(first.line);
}

int alignToTmx(const QCommandLineParser &parser, const QString &sourcePath, const QString &translationPath)
{
    if (!parser.isSet(QStringLiteral("output")))
        return usageError(QStringLiteral("align"), QStringLiteral("give -o OUT.tmx (or --project DIR --locale LANG --document NAME)"));
    const QString sourceLanguage = parser.value(QStringLiteral("source-lang"));
    const QString targetLanguage = parser.value(QStringLiteral("target-lang"));
    auto source = segmentAs(sourcePath, sourceLanguage, {});
    if (!source)
        return fail(source.error());
    auto translation = segmentAs(translationPath, targetLanguage, {});
    if (!translation)
        return fail(translation.error());
    if (Status accepted = acceptTranslation(*translation, translationPath, sourceLanguage, targetLanguage, ProjectSettings{}); !accepted)
        return fail(accepted.error());

    const DocumentAlignment alignment = alignDocuments(*source, *translation);
    QList<TmUnit> units;
    QJsonArray pairs;
    for (const AlignedLink &link : alignment.links) {
        if (link.isOmission())
            continue; // omissions are not written
        TmUnit unit;
        unit.source = joinedUnitText(*source, link.sourceUnits);
        unit.target = joinedUnitText(*translation, link.targetUnits);
        unit.sourceLanguage = sourceLanguage;
        unit.targetLanguage = targetLanguage;
        unit.origin = QFileInfo(sourcePath).fileName();
        unit.properties = {{QStringLiteral("x-align-score"), QString::number(link.score, 'f', 2)},
                           {QStringLiteral("x-align-kind"), link.kind()},
                           {QStringLiteral("x-align-block"), blockOf(*source, link.sourceUnits)}};
        units.append(unit);
        pairs.append(QJsonObject{{QStringLiteral("source"), unit.source},
                                 {QStringLiteral("target"), unit.target},
                                 {QStringLiteral("score"), std::round(link.score * 1000) / 1000},
                                 {QStringLiteral("kind"), link.kind()},
                                 {QStringLiteral("source_line"), source->units[link.sourceUnits.first()].line},
                                 {QStringLiteral("target_line"), translation->units[link.targetUnits.first()].line}});
    }
    if (Status written = writeOutput(parser.value(QStringLiteral("output")), writeTmx(units, sourceLanguage)); !written)
        return fail(written.error());
    const QJsonObject counts = kindCounts(alignment);
    std::fprintf(stderr, "%s: %d pairs written (%d 1-1, %d 1-2, %d 2-1); %d source and %d translated sentences left unaligned\n",
                 qPrintable(parser.value(QStringLiteral("output"))), int(units.size()), counts[QLatin1String("1-1")].toInt(),
                 counts[QLatin1String("1-2")].toInt(), counts[QLatin1String("2-1")].toInt(), counts[QLatin1String("1-0")].toInt(),
                 counts[QLatin1String("0-1")].toInt());
    addJsonFields(QJsonObject{{QStringLiteral("pairs"), pairs}, {QStringLiteral("counts"), counts}});
    return kExitOk;
}

int alignIntoCatalog(const QCommandLineParser &parser, const QString &translationPath)
{
    if (!parser.isSet(QStringLiteral("locale")) || !parser.isSet(QStringLiteral("document")))
        return usageError(QStringLiteral("align"), QStringLiteral("--project needs --locale LANG and --document NAME"));
    auto context = openProject(parser);
    if (!context)
        return fail(context.error());
    const Project *project = &context->project();
    const QString name = parser.value(QStringLiteral("document"));
    QString document;
    for (const QString &candidate : project->documents())
        if (project->relativePath(candidate) == name || QFileInfo(candidate).fileName() == name || QFileInfo(candidate).completeBaseName() == name)
            document = candidate;
    if (document.isEmpty())
        return fail(Diagnostic{ErrorKind::MissingInput, project->root(), 0, 0, QStringLiteral("the project has no document '%1'").arg(name)});
    const QString language = parser.value(QStringLiteral("locale"));
    auto source = segmentAs(document, project->sourceLanguage(), project->rulesPath());
    if (!source)
        return fail(source.error());
    auto translation = segmentAs(translationPath, language, {});
    if (!translation)
        return fail(translation.error());
    if (Status accepted = acceptTranslation(*translation, translationPath, project->sourceLanguage(), language, context->settings()); !accepted)
        return fail(accepted.error());
    const double minScore = parser.value(QStringLiteral("min-score")).toDouble();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto updated = updateDocumentCatalog(context->withTarget(language), *source, now); // the catalog in step with the source
    if (!updated)
        return fail(updated.error());
    const DocumentAlignment alignment = alignDocuments(*source, *translation);
    AlignmentFill fill;
    const Status done = modifyCatalog(updated->catalogPath, [&](PoCatalog &catalog) -> Status {
        fill = fillFromAlignment(catalog, *source, *translation, alignment, minScore, QFileInfo(translationPath).fileName(),
                                 context->user(), now);
        return {};
    });
    if (!done)
        return fail(done.error());
    std::fprintf(stderr, "%s: %d units filled as drafts (%d linked with low confidence, under %.2f), %d left empty, %d already translated\n",
                 qPrintable(project->relativePath(updated->catalogPath)), fill.filled, fill.lowConfidence, kLowConfidenceScore,
                 fill.leftEmpty, fill.alreadyTranslated);
    addJsonFields(QJsonObject{{QStringLiteral("catalog"), project->relativePath(updated->catalogPath)},
                              {QStringLiteral("filled"), fill.filled},
                              {QStringLiteral("low_confidence"), fill.lowConfidence},
                              {QStringLiteral("low_confidence_units"), QJsonArray::fromStringList(fill.lowConfidenceUnits)},
                              {QStringLiteral("left_empty"), fill.leftEmpty},
                              {QStringLiteral("already_translated"), fill.alreadyTranslated},
                              {QStringLiteral("counts"), kindCounts(alignment)}});
    return kExitOk;
}

} // namespace

int runAlign(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Aligns a document with its existing translation, sentence by sentence (docs/alignment.md).\n"
        "  workbench align SOURCE.md TRANSLATION.md -o OUT.tmx [--source-lang en] [--target-lang es]\n"
        "  workbench align --project DIR --locale LANG --document NAME TRANSLATION.md [--min-score S]\n"
        "The first writes the aligned pairs as TMX 1.4b; the second fills the document's catalog with drafts\n"
        "(never overwriting a translation). An empty translation or one in another language exits 6."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("SOURCE.md TRANSLATION.md, or TRANSLATION.md with --project"));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The TMX file to write."), QStringLiteral("OUT.tmx")});
    parser.addOption({QStringLiteral("source-lang"), QStringLiteral("Source language (default: en; with --project, the project's)."), QStringLiteral("LANG"), QStringLiteral("en")});
    parser.addOption({QStringLiteral("target-lang"), QStringLiteral("The translation's language (default: es)."), QStringLiteral("LANG"), QStringLiteral("es")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project whose catalog to fill."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("The catalog's language (with --project)."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("document"), QStringLiteral("The project document the translation translates (name or path)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("min-score"), QStringLiteral("With --project: links scored lower are left empty (default 0.2)."), QStringLiteral("S"), QStringLiteral("0.2")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("align"), arguments, exitCode))
        return exitCode;
    const QStringList files = parser.positionalArguments();
    bool scoreOk = false;
    const double minScore = parser.value(QStringLiteral("min-score")).toDouble(&scoreOk);
    if (!scoreOk || minScore < 0 || minScore > 1)
        return usageError(QStringLiteral("align"), QStringLiteral("--min-score takes a number from 0 to 1"));
    if (parser.isSet(QStringLiteral("project"))) {
        if (files.size() != 1)
            return usageError(QStringLiteral("align"), QStringLiteral("with --project give one TRANSLATION.md"));
        return alignIntoCatalog(parser, files.first());
    }
    if (files.size() != 2)
        return usageError(QStringLiteral("align"), QStringLiteral("give SOURCE.md TRANSLATION.md -o OUT.tmx"));
    return alignToTmx(parser, files[0], files[1]);
}

} // namespace wb::cli
