// workbench import: translations, states and notes back from an XLIFF file another tool
// worked on. All or nothing: a unit that cannot be matched writes no catalog at all.
#include "cli_common.h"
#include "common/text_file.h"
#include "glossary/termbase.h"
#include "interchange/po_xliff_mapping.h"
#include "interchange/xliff_format.h"
#include "project/project.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
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
    auto project = Project::open(parser.value(QStringLiteral("project")), parser.value(QStringLiteral("source-lang")));
    if (!project)
        return fail(project.error());
    auto bytes = readFileBytes(path);
    if (!bytes)
        return fail(bytes.error());
    auto xliff = readXliff(*bytes, path);
    if (!xliff)
        return fail(xliff.error());

    const QString language = parser.isSet(QStringLiteral("locale")) ? parser.value(QStringLiteral("locale")) : xliff->targetLanguage;
    if (language.isEmpty())
        return usageError(QStringLiteral("import"), QStringLiteral("%1 names no target language; give --locale").arg(path));
    if (!xliff->targetLanguage.isEmpty() && !sameLanguage(xliff->targetLanguage, language))
        return fail(Diagnostic{ErrorKind::CheckFailed, path, 0, 0,
                               QStringLiteral("the file translates into '%1', not '%2'").arg(xliff->targetLanguage, language)});
    if (!sameLanguage(xliff->sourceLanguage, project->sourceLanguage()))
        return fail(Diagnostic{ErrorKind::CheckFailed, path, 0, 0,
                               QStringLiteral("the file's source language is '%1'; the project's is '%2'")
                                   .arg(xliff->sourceLanguage, project->sourceLanguage())});

    // Everything is applied in memory first; catalogs are written only when all units fit.
    struct Planned {
        QString catalogPath;
        PoCatalog catalog;
        XliffImportOutcome outcome;
    };
    QList<Planned> planned;
    Diagnostics problems;
    const QString user = currentUserName();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const XliffFile &file : xliff->files) {
        const QString document = documentFor(*project, file);
        if (document.isEmpty()) {
            problems.append(Diagnostic{ErrorKind::CheckFailed, path, file.line, 0,
                                       QStringLiteral("<file original=\"%1\"> matches no document of the project").arg(file.original)});
            continue;
        }
        const QString catalogPath = project->catalogPath(document, language);
        qsizetype known = -1;
        for (qsizetype i = 0; i < planned.size(); ++i)
            if (planned[i].catalogPath == catalogPath)
                known = i;
        if (known < 0) {
            auto catalog = PoCatalog::read(catalogPath);
            if (!catalog)
                return fail(catalog.error());
            planned.append({catalogPath, *catalog, {}});
            known = planned.size() - 1;
        }
        Planned &target = planned[known];
        const XliffImportOutcome outcome = applyXliffFile(target.catalog, file, path, user, now);
        target.outcome.unitsRead += outcome.unitsRead;
        target.outcome.unitsChanged += outcome.unitsChanged;
        target.outcome.unitsJoined += outcome.unitsJoined;
        problems += outcome.problems;
    }
    if (!problems.isEmpty())
        return fail(problems);

    QJsonArray catalogs;
    for (const Planned &p : planned) {
        if (p.outcome.unitsChanged > 0)
            if (Status written = p.catalog.write(p.catalogPath); !written)
                return fail(written.error());
        std::fprintf(stderr, "%s: %d units read, %d changed, %d re-joined from segments -> %s\n", qPrintable(path),
                     p.outcome.unitsRead, p.outcome.unitsChanged, p.outcome.unitsJoined, qPrintable(p.catalogPath));
        catalogs.append(QJsonObject{{QStringLiteral("catalog"), p.catalogPath},
                                    {QStringLiteral("units_read"), p.outcome.unitsRead},
                                    {QStringLiteral("units_changed"), p.outcome.unitsChanged},
                                    {QStringLiteral("units_joined"), p.outcome.unitsJoined}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("version"), xliff->version},
                              {QStringLiteral("locale"), language}, {QStringLiteral("catalogs"), catalogs}});
    return kExitOk;
}

} // namespace wb::cli
