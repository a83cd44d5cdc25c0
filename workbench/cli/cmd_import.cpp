// workbench import: translations, states and notes back from an XLIFF file another tool
// worked on. All or nothing: a unit that cannot be matched writes no catalog at all.
#include "cli_common.h"
#include "common/text_file.h"
#include "glossary/termbase.h"
#include "interchange/format_registry.h"
#include "interchange/po_xliff_mapping.h"
#include "po/catalog_lock.h"
#include "project/language_resources.h"
#include "project/project.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <cstdio>

namespace wb::cli {
namespace {

// The project document an XLIFF <file> came from: its original path, else a document
// with the same base name (po2xliff names the PO file), else the only document there is.
QString documentFor(const Project &project, const XliffFile &file)
{
    const QStringList documents = project.documents();
    for (const QString &document : documents)
        if (project.relativePath(document) == file.original)
            return document;
    QString base = QFileInfo(file.original).fileName();
    base = base.left(base.indexOf(QLatin1Char('.')));
    for (const QString &document : documents)
        if (!base.isEmpty() && QFileInfo(document).completeBaseName() == base)
            return document;
    return documents.size() == 1 ? documents.first() : QString();
}

} // namespace

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Takes translations, states, comments and notes back from XLIFF 1.2 or 2.x into the project's catalogs.\n"
        "Units are matched by id, then by source text; units another tool split into segments are joined.\n"
        "A unit whose source differs from the project's stops the import (exit 6) and nothing is written."));
    parser.addPositionalArgument(QStringLiteral("FILE.xlf"), QStringLiteral("The XLIFF file."));
    addProjectOptions(parser, QStringLiteral("Target language (default: the file's)."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("import"), arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("project")))
        return usageError(QStringLiteral("import"), QStringLiteral("give one FILE.xlf and --project DIR"));
    const QString path = parser.positionalArguments().first();
    auto context = openProject(parser);
    if (!context)
        return fail(context.error());
    const Project *project = &context->project();
    auto bytes = readFileBytes(path);
    if (!bytes)
        return fail(bytes.error());
    // XLIFF 1.x or 2.x, as the registry tells them apart; a file of neither is read as XLIFF
    // all the same, and the reader says what it is instead.
    const FileFormat *format = detectFormat(path, *bytes, [](const FileFormat &f) { return f.family == kXliffFamily; });
    auto read = (format ? format : formatNamed(u"xliff12"))->read(*bytes, path, QString());
    if (!read)
        return fail(read.error());
    const XliffDocument *xliff = &std::get<XliffDocument>(*read);

    const QString language = parser.isSet(QStringLiteral("locale")) ? parser.value(QStringLiteral("locale")) : xliff->targetLanguage;
    if (language.isEmpty())
        return usageError(QStringLiteral("import"), QStringLiteral("%1 names no target language; give --locale").arg(path));
    if (!isLanguageCode(language)) // it names the catalog's folder
        return fail(Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("target language '%1' is not a language code").arg(language)});
    if (!xliff->targetLanguage.isEmpty() && !sameLanguage(xliff->targetLanguage, language))
        return fail(Diagnostic{ErrorKind::CheckFailed, path, 0, 0,
                               QStringLiteral("the file translates into '%1', not '%2'").arg(xliff->targetLanguage, language)});
    if (!sameLanguage(xliff->sourceLanguage, project->sourceLanguage()))
        return fail(Diagnostic{ErrorKind::CheckFailed, path, 0, 0,
                               QStringLiteral("the file's source language is '%1'; the project's is '%2'")
                                   .arg(xliff->sourceLanguage, project->sourceLanguage())});

    // Each <file>'s catalog. Everything is applied in memory first; catalogs are written
    // only when all units fit.
    struct Planned {
        QString catalogPath;
        PoCatalog catalog;
        XliffImportOutcome outcome;
    };
    QList<Planned> planned;
    QList<QPair<const XliffFile *, qsizetype>> fileTargets; // <file> -> index in planned
    Diagnostics problems;
    for (const XliffFile &file : xliff->files) {
        const QString document = documentFor(*project, file);
        if (document.isEmpty()) {
            problems.append(Diagnostic{ErrorKind::CheckFailed, path, file.line, 0,
                                       QStringLiteral("<file original=\"%1\"> matches no document of the project").arg(file.original)});
            continue;
        }
        const QString catalogPath = project->catalogPath(document, language);
        qsizetype target = std::find_if(planned.cbegin(), planned.cend(), [&](const Planned &p) { return p.catalogPath == catalogPath; })
                           - planned.cbegin();
        if (target == planned.size())
            planned.append({catalogPath, {}, {}});
        fileTargets.append({&file, target});
    }

    // Locked from reading to writing: an editor or reviewer saving meanwhile loses nothing,
    // and the units are matched against the catalogs as they are written.
    QStringList catalogPaths;
    for (const Planned &p : planned)
        catalogPaths.append(p.catalogPath);
    auto locks = acquireCatalogLocks(catalogPaths);
    if (!locks)
        return fail(locks.error());
    for (Planned &p : planned) {
        auto catalog = PoCatalog::read(p.catalogPath);
        if (!catalog)
            return fail(catalog.error());
        p.catalog = *catalog;
    }
    const QString user = context->user();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[file, target] : fileTargets) {
        Planned &p = planned[target];
        const XliffImportOutcome outcome = applyXliffFile(p.catalog, *file, path, user, now);
        p.outcome.unitsRead += outcome.unitsRead;
        p.outcome.unitsChanged += outcome.unitsChanged;
        p.outcome.unitsJoined += outcome.unitsJoined;
        p.outcome.conflictsResolved += outcome.conflictsResolved;
        problems += outcome.problems;
    }
    if (!problems.isEmpty())
        return fail(problems);

    QJsonArray catalogs;
    for (Planned &p : planned) {
        if (p.outcome.unitsChanged > 0) {
            p.catalog.stampRevision(user, now);
            if (Status written = p.catalog.write(p.catalogPath); !written)
                return fail(written.error());
        }
        for (const QString &unit : p.outcome.conflictsResolved)
            std::fprintf(stderr, "%s: unit %s: the merge conflict is resolved by the imported translation\n",
                         qPrintable(p.catalogPath), qPrintable(unit));
        std::fprintf(stderr, "%s: %d units read, %d changed, %d re-joined from segments -> %s\n", qPrintable(path),
                     p.outcome.unitsRead, p.outcome.unitsChanged, p.outcome.unitsJoined, qPrintable(p.catalogPath));
        catalogs.append(QJsonObject{{QStringLiteral("catalog"), p.catalogPath},
                                    {QStringLiteral("units_read"), p.outcome.unitsRead},
                                    {QStringLiteral("units_changed"), p.outcome.unitsChanged},
                                    {QStringLiteral("units_joined"), p.outcome.unitsJoined},
                                    {QStringLiteral("conflicts_resolved"), QJsonArray::fromStringList(p.outcome.conflictsResolved)}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("version"), xliff->version},
                              {QStringLiteral("locale"), language}, {QStringLiteral("catalogs"), catalogs}});
    return kExitOk;
}

} // namespace wb::cli
