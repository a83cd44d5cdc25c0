// workbench stats: units and words per state, for a catalog or a project's language.
#include "cli_common.h"
#include "project/catalog_builder.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"
#include "stats/catalog_stats.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace wb::cli {

int runStats(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Counts units and source words (ICU word boundaries) per state:\n"
        "untranslated, draft, translated, approved, rejected."));
    parser.addPositionalArgument(QStringLiteral("CATALOG.po"), QStringLiteral("A catalog (or use --project and --locale)."));
    addProjectOptions(parser, QStringLiteral("Target language."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("stats"), arguments, exitCode))
        return exitCode;
    const bool projectForm = parser.isSet(QStringLiteral("project"));
    if (projectForm == (parser.positionalArguments().size() == 1) || parser.positionalArguments().size() > 1
        || (projectForm && !parser.isSet(QStringLiteral("locale"))))
        return usageError(QStringLiteral("stats"), QStringLiteral("give either CATALOG.po, or --project with --locale"));
    const bool json = parser.isSet(QStringLiteral("json"));
    // Words are counted by the source language's rules: the project's, a catalog's project's, or --source-lang.
    auto context = projectForm ? openProject(parser)
                               : ProjectContext::around(parser.positionalArguments().first(), sourceLanguageOption(parser));
    if (!context)
        return fail(context.error());
    const QString sourceLanguage = context->sourceLanguage();

    if (!projectForm) {
        const QString path = parser.positionalArguments().first();
        auto catalog = PoCatalog::read(path);
        if (!catalog)
            return fail(catalog.error());
        const CatalogStats stats = catalogStats(*catalog, sourceLanguage);
        if (json) {
            QJsonObject out = stats.toJson();
            out.insert(QStringLiteral("catalog"), path);
            addJsonFields(out);
        } else {
            std::printf("%s\n%s", qPrintable(path), qPrintable(stats.toText()));
        }
        return kExitOk;
    }

    const Project *project = &context->project();
    const QString language = parser.value(QStringLiteral("locale"));
    std::shared_ptr<SentenceSegmenter> segmenter;
    CatalogStats total;
    QJsonArray documents;
    QString text;
    for (const QString &document : project->documents()) {
        const QString catalogPath = project->catalogPath(document, language);
        PoCatalog catalog;
        if (QFileInfo::exists(catalogPath)) {
            auto read = PoCatalog::read(catalogPath);
            if (!read)
                return fail(read.error());
            catalog = *read;
        } else {
            // No catalog yet: every unit of the source is untranslated.
            if (!segmenter) {
                auto loaded = loadSegmenter(project->rulesPath(), sourceLanguage);
                if (!loaded)
                    return fail(loaded.error());
                segmenter = *loaded;
            }
            auto doc = segmentFile(document, *segmenter);
            if (!doc)
                return fail(doc.error());
            catalog = templateCatalog(*doc, project->relativePath(document), QDateTime::currentDateTimeUtc());
        }
        const CatalogStats stats = catalogStats(catalog, sourceLanguage);
        total.add(stats);
        QJsonObject entry = stats.toJson();
        entry.insert(QStringLiteral("document"), project->relativePath(document));
        entry.insert(QStringLiteral("catalog"), project->relativePath(catalogPath));
        documents.append(entry);
        text += QStringLiteral("%1 (%2)\n%3\n").arg(project->relativePath(document), language, stats.toText());
    }
    if (json) {
        QJsonObject out = total.toJson();
        out.insert(QStringLiteral("project"), project->root());
        out.insert(QStringLiteral("locale"), language);
        out.insert(QStringLiteral("documents"), documents);
        addJsonFields(out);
    } else {
        std::fputs(qPrintable(text), stdout);
    }
    return kExitOk;
}

} // namespace wb::cli
