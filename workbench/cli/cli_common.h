#pragma once
#include "common/diagnostic.h"
#include "common/result.h"
#include "model/segmented_document.h"
#include "project/project_context.h"
#include "text/text_diff.h"
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace wb::cli {

/// Exit code for success; failures exit with the value of their ErrorKind (README).
inline constexpr int kExitOk = 0;

/// Prints "workbench: <file:line:col>: <message>" to stderr and returns the exit code.
int fail(const Diagnostic &diagnostic);
int fail(const Diagnostics &diagnostics);
int usageError(const QString &command, const QString &message);
void warn(const Diagnostic &diagnostic);

/// --json, which every command takes: stdout then carries exactly one JSON object (printed
/// by main when the command returns) and human-readable text goes to stderr. The object
/// holds "command", "ok", "exit_code", "problems" and "warnings" (diagnostics as
/// {file,line,column,message,exit_code}) plus the fields the command adds (README "JSON output").
bool jsonMode();
/// A word diff as JSON: [{"op": "same"|"removed"|"added", "text"}] (tm lookup, update).
QJsonArray diffJson(const QList<DiffPiece> &diff);
/// Adds the command's own results to the JSON object (merged at the top level).
void addJsonFields(const QJsonObject &fields);
/// Prints the JSON object; main calls it once the command has returned.
void printJsonResult(const QString &command, int exitCode);

/// Parses a subcommand's arguments (adding --help and --json); on a usage error prints it and sets exitCode.
bool parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &arguments, int &exitCode);

/// Writes bytes to a file atomically, or to stdout when path is empty or "-".
Status writeOutput(const QString &path, const QByteArray &bytes);

/// Adds --project DIR, --locale LANG and --source-lang LANG, shared by the commands that
/// work on a project; `localeHelp` says what --locale means for this one.
void addProjectOptions(QCommandLineParser &parser, const QString &localeHelp = QStringLiteral("Target language, e.g. es."));
/// --source-lang when given; empty means the project's source language (workbench.json), else en.
QString sourceLanguageOption(const QCommandLineParser &parser);
/// The project --project, --source-lang and --locale name, opened once for the command.
Result<ProjectContext> openProject(const QCommandLineParser &parser);

/// The catalogs a command works on, and the project they belong to.
struct CatalogSelection {
    ProjectContext context;
    QStringList catalogs;
    QStringList documents; ///< with --project: each catalog's Markdown source, in the same order
};
/// One CATALOG.po (in the project --project names, else the one around it, else none), or
/// with --project DIR and --locale LANG every document's catalog. Usage error otherwise.
Result<CatalogSelection> selectCatalogs(const QCommandLineParser &parser, const QString &explicitCatalog);

/// Adds --lang and --srx, shared by the commands that segment a Markdown file.
void addSegmentationOptions(QCommandLineParser &parser);
/// Segments a Markdown file with the rules the options name (default: segmentation.srx
/// beside the file, else the built-in rules) and prints warnings for blocks left out.
Result<SegmentedDocument> loadDocument(const QString &path, const QCommandLineParser &parser);

/// git's merge driver for catalogs (docs/teamwork.md): `update` installs or repairs it in the
/// project's clone (a failure is a warning); after any other command on a project or catalog
/// in a clone that wants it, a missing or broken driver is one warning naming the fix.
void installMergeDriverFor(const QString &projectRoot);
void warnIfMergeDriverMissing(const QString &command, const QStringList &arguments);

/// One entry point per subcommand (cmd_<name>.cpp).
int runSegment(const QStringList &arguments);
int runUpdate(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runPseudo(const QStringList &arguments);
int runStats(const QStringList &arguments);
int runGlossary(const QStringList &arguments);
int runCheck(const QStringList &arguments);
int runSuppress(const QStringList &arguments);
int runSpell(const QStringList &arguments);
int runReview(const QStringList &arguments);
int runTm(const QStringList &arguments);
int runPretranslate(const QStringList &arguments);
int runAnalyze(const QStringList &arguments);
int runImport(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runSync(const QStringList &arguments);
int runMergeDriver(const QStringList &arguments);
int runRepairConflicts(const QStringList &arguments);
int runInstallMergeDriver(const QStringList &arguments);
int runAlign(const QStringList &arguments);

} // namespace wb::cli
