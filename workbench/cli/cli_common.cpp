#include "cli_common.h"
#include <QFileInfo>
#include <QCoreApplication>
#include "project/language_resources.h"
#include "team/merge_driver_setup.h"
#include "common/text_file.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <unistd.h>

namespace wb::cli {

namespace {

struct JsonState {
    bool enabled = false;
    std::FILE *stream = nullptr; ///< the real standard output, kept for the JSON object
    QJsonObject fields;
    QJsonArray problems;
    QJsonArray warnings;
};

JsonState &jsonState()
{
    static JsonState state;
    return state;
}

QJsonObject diagnosticJson(const Diagnostic &d)
{
    return QJsonObject{{QStringLiteral("file"), d.file}, {QStringLiteral("line"), d.line},
                       {QStringLiteral("column"), d.column}, {QStringLiteral("message"), d.message},
                       {QStringLiteral("exit_code"), int(d.kind)}};
}

} // namespace

bool jsonMode()
{
    return jsonState().enabled;
}

// From here on, whatever any command prints for humans lands on stderr, so that stdout
// holds the JSON object and nothing else, whichever printf a command uses.
void enableJsonMode()
{
    JsonState &state = jsonState();
    if (state.stream)
        return;
    std::fflush(stdout);
    const int realStdout = dup(STDOUT_FILENO);
    state.stream = realStdout >= 0 ? fdopen(realStdout, "w") : nullptr;
    if (!state.stream) {
        state.stream = stdout; // cannot split the streams: keep stdout as it is
        return;
    }
    dup2(STDERR_FILENO, STDOUT_FILENO);
}

QJsonArray diffJson(const QList<DiffPiece> &diff)
{
    QJsonArray pieces;
    for (const DiffPiece &piece : diff)
        pieces.append(QJsonObject{{QStringLiteral("op"), piece.kind == DiffPiece::Kind::Same      ? QStringLiteral("same")
                                                         : piece.kind == DiffPiece::Kind::Removed ? QStringLiteral("removed")
                                                                                                  : QStringLiteral("added")},
                                  {QStringLiteral("text"), piece.text}});
    return pieces;
}

void addJsonFields(const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        jsonState().fields.insert(it.key(), it.value());
}

void printJsonResult(const QString &command, int exitCode)
{
    JsonState &state = jsonState();
    if (!state.enabled)
        return;
    QJsonObject out = state.fields;
    out.insert(QStringLiteral("command"), command);
    out.insert(QStringLiteral("ok"), exitCode == kExitOk);
    out.insert(QStringLiteral("exit_code"), exitCode);
    out.insert(QStringLiteral("problems"), state.problems);
    out.insert(QStringLiteral("warnings"), state.warnings);
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), state.stream ? state.stream : stdout);
    std::fflush(state.stream ? state.stream : stdout);
}

void warn(const Diagnostic &diagnostic)
{
    std::fprintf(stderr, "workbench: warning: %s\n", qPrintable(diagnostic.toString()));
    if (jsonMode())
        jsonState().warnings.append(diagnosticJson(diagnostic));
}

int fail(const Diagnostic &diagnostic)
{
    std::fprintf(stderr, "workbench: %s\n", qPrintable(diagnostic.toString()));
    if (jsonMode())
        jsonState().problems.append(diagnosticJson(diagnostic));
    return int(diagnostic.kind);
}

int fail(const Diagnostics &diagnostics)
{
    int code = kExitOk;
    for (const Diagnostic &d : diagnostics)
        code = fail(d);
    return code;
}

int usageError(const QString &command, const QString &message)
{
    std::fprintf(stderr, "workbench %s: %s\nTry 'workbench %s --help'.\n", qPrintable(command), qPrintable(message),
                 qPrintable(command));
    if (jsonMode())
        jsonState().problems.append(diagnosticJson(Diagnostic{ErrorKind::Usage, QString(), 0, 0, message}));
    return int(ErrorKind::Usage);
}

bool parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &arguments, int &exitCode)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object with the results on stdout (README, \"JSON output\").")});
    jsonState().enabled = arguments.contains(QStringLiteral("--json")); // a usage error answers in JSON too
    if (jsonState().enabled)
        enableJsonMode();
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("workbench ") + command);
    if (!parser.parse(argv)) {
        exitCode = usageError(command, parser.errorText());
        return false;
    }
    // Language codes become folder and file names: never let one be a path.
    for (const QString &option : {QStringLiteral("locale"), QStringLiteral("source-lang")}) {
        if (parser.optionNames().contains(option) && !isLanguageCode(parser.value(option))) {
            exitCode = usageError(command, QStringLiteral("--%1 '%2' is not a language code (like es or es-US)").arg(option, parser.value(option)));
            return false;
        }
    }
    jsonState().enabled = parser.isSet(QStringLiteral("json"));
    if (jsonState().enabled)
        enableJsonMode();
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        exitCode = kExitOk;
        return false;
    }
    return true;
}

Status writeOutput(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        if (jsonMode()) // stdout belongs to the JSON object
            return Diagnostic{ErrorKind::Usage, QString(), 0, 0, QStringLiteral("with --json, name an output file (-o)")};
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return Diagnostic{ErrorKind::OutputFailed, QStringLiteral("<stdout>"), 0, 0, QStringLiteral("cannot write")};
        return {};
    }
    return writeFileAtomically(path, bytes);
}

void addProjectOptions(QCommandLineParser &parser, const QString &localeHelp)
{
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), localeHelp, QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("source-lang"), QStringLiteral("Source language folder (default: the project's, else en)."),
                      QStringLiteral("LANG")});
}

QString sourceLanguageOption(const QCommandLineParser &parser)
{
    // optionNames(): the options given, without warning about a command that has no --source-lang.
    return parser.optionNames().contains(QStringLiteral("source-lang")) ? parser.value(QStringLiteral("source-lang")) : QString();
}

Result<CatalogSelection> selectCatalogs(const QCommandLineParser &parser, const QString &explicitCatalog)
{
    CatalogSelection selection;
    const QString root = parser.value(QStringLiteral("project"));
    if (!explicitCatalog.isEmpty()) {
        auto context = root.isEmpty() ? ProjectContext::around(explicitCatalog, sourceLanguageOption(parser))
                                      : ProjectContext::atFolder(root, sourceLanguageOption(parser));
        if (!context)
            return context.error();
        selection.context = *context;
        selection.catalogs = QStringList{explicitCatalog};
        return selection;
    }
    if (root.isEmpty() || !parser.isSet(QStringLiteral("locale")))
        return Diagnostic{ErrorKind::Usage, {}, 0, 0, QStringLiteral("give CATALOG.po, or --project DIR with --locale LANG")};
    auto context = openProject(parser);
    if (!context)
        return context.error();
    selection.context = *context;
    selection.documents = context->project().documents();
    for (const QString &document : selection.documents)
        selection.catalogs.append(context->catalogPath(document));
    return selection;
}

Result<ProjectContext> openProject(const QCommandLineParser &parser)
{
    return ProjectContext::open(parser.value(QStringLiteral("project")), sourceLanguageOption(parser),
                                parser.value(QStringLiteral("locale")));
}

void addSegmentationOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Language of the Markdown file (default: en)."),
                      QStringLiteral("LANG"), QStringLiteral("en")});
    parser.addOption({QStringLiteral("srx"),
                      QStringLiteral("SRX segmentation rules (default: segmentation.srx beside the file, else built in)."),
                      QStringLiteral("FILE")});
}

Result<SegmentedDocument> loadDocument(const QString &path, const QCommandLineParser &parser)
{
    const QString rules = parser.isSet(QStringLiteral("srx")) ? parser.value(QStringLiteral("srx")) : rulesBeside(path);
    if (parser.isSet(QStringLiteral("srx")) && !QFile::exists(rules))
        return Diagnostic{ErrorKind::MissingInput, rules, 0, 0, QStringLiteral("no such file")};
    auto segmenter = loadSegmenter(rules, parser.value(QStringLiteral("lang")));
    if (!segmenter)
        return segmenter.error();
    auto doc = segmentFile(path, **segmenter);
    if (doc)
        for (const Diagnostic &w : doc->warnings)
            warn(w);
    return doc;
}

void installMergeDriverFor(const QString &projectRoot)
{
    if (!inspectMergeDriver(projectRoot).inClone)
        return;
    auto installed = ensureMergeDriver(projectRoot, QCoreApplication::applicationFilePath());
    if (!installed)
        warn(installed.error());
    else if (*installed)
        std::fprintf(stderr, "git's merge driver for catalogs is installed in this clone (docs/teamwork.md)\n");
}

void warnIfMergeDriverMissing(const QString &command, const QStringList &arguments)
{
    // These install the driver themselves, or are what git runs.
    static const QStringList exempt = {QStringLiteral("update"), QStringLiteral("sync"), QStringLiteral("merge-driver"),
                                       QStringLiteral("install-merge-driver")};
    if (exempt.contains(command))
        return;
    QString folder;
    for (qsizetype i = 0; i < arguments.size() && folder.isEmpty(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--project") && i + 1 < arguments.size())
            folder = arguments[i + 1];
        else if (a.startsWith(QLatin1String("--project=")))
            folder = a.mid(int(qstrlen("--project=")));
    }
    if (folder.isEmpty())
        for (const QString &a : arguments)
            if (a.endsWith(QLatin1String(".po")) && QFileInfo(a).isFile()) {
                folder = findProjectRoot(a);
                break;
            }
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        return;
    const MergeDriverStatus status = inspectMergeDriver(folder);
    if (status.inClone && status.wanted && !status.works)
        warn(Diagnostic{ErrorKind::InvalidInput, status.topLevel, 0, 0,
                        QStringLiteral("%1; %2").arg(status.problem, mergeDriverFix(folder))});
}

} // namespace wb::cli
