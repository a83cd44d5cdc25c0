// workbench: the command line of the PDQ Localization Workbench. One thin file per
// subcommand over the core library; no QtGui, so it runs on headless build machines.
#include "cli_common.h"

#include <QCoreApplication>
#include <cstdio>
#include <map>

namespace {

const char kUsage[] =
    "usage: workbench <command> [options]\n"
    "\n"
    "commands:\n"
    "  segment DOC.md [-o OUT.pot]                 the translation units of a Markdown file as a POT\n"
    "  update --project DIR --locale LANG          create or refresh locales/LANG/*.po from source-content/\n"
    "  export DOC.md --po CATALOG.po [-o OUT.md]   localized Markdown from a catalog\n"
    "  export --project DIR --locale LANG [--format markdown|xliff2|xliff12|po] [--out DIR]\n"
    "  import FILE.xlf --project DIR [--locale LANG]   translations, states and notes back from XLIFF 1.2/2.x\n"
    "  align SOURCE.md TRANSLATION.md -o OUT.tmx   an existing translation aligned sentence by sentence\n"
    "  align --project DIR --locale LANG --document NAME TRANSLATION.md   ... into the catalog as drafts\n"
    "  validate FILE                               check an XLIFF, TMX, TBX, SRX or PO file against its standard\n"
    "  pseudo DOC.md -o OUT.md                     pseudo-localized export with markup checks\n"
    "  stats (--project DIR --locale LANG | CATALOG.po) [--json]\n"
    "  check (CATALOG.po | --project DIR --locale LANG) [--json]   QA; exit 1 on errors\n"
    "  suppress CATALOG.po --unit ID --check CHECK --reason TEXT   accept one finding\n"
    "  glossary import|export|lookup|wordlist ...                 termbases (TBX, TSV, CSV)\n"
    "  spell check|add|suggest ...                                spelling with the project's dictionaries\n"
    "  review approve|reject|comment|annotate|resolve|report ...  the reviewer's side\n"
    "  tm import|export|lookup|concord ...                        the translation memory\n"
    "  pretranslate --project DIR --locale LANG [--min 100]       fill drafts from the memory\n"
    "  analyze --project DIR --locale LANG [--json]               word counts per match band\n"
    "  sync --project DIR [--remote NAME] [--message TEXT]        commit catalogs, fetch, merge by unit, push\n"
    "  merge-driver BASE OURS THEIRS [PATHNAME]                   git's merge driver for PO catalogs (%O %A %B %P)\n"
    "  repair-conflicts CATALOG.po...                             turn git's conflict markers back into units\n"
    "  install-merge-driver [--project DIR]                       define git's PO merge driver in the clone\n"
    "\n"
    "Every command takes --json: one JSON object on stdout, messages on stderr.\n"
    "'workbench <command> --help' describes a command's options; README.md lists exit codes.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h")) {
        std::fputs(kUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? int(wb::ErrorKind::Usage) : wb::cli::kExitOk;
    }
    if (arguments.first() == QLatin1String("--version")) {
        std::printf("workbench %s\n", PROJECT_VERSION);
        return wb::cli::kExitOk;
    }
    const std::map<QString, int (*)(const QStringList &)> commands = {
        {QStringLiteral("segment"), wb::cli::runSegment}, {QStringLiteral("update"), wb::cli::runUpdate},
        {QStringLiteral("export"), wb::cli::runExport},   {QStringLiteral("pseudo"), wb::cli::runPseudo},
        {QStringLiteral("stats"), wb::cli::runStats},     {QStringLiteral("glossary"), wb::cli::runGlossary},
        {QStringLiteral("check"), wb::cli::runCheck},     {QStringLiteral("suppress"), wb::cli::runSuppress},
        {QStringLiteral("spell"), wb::cli::runSpell},     {QStringLiteral("review"), wb::cli::runReview},
        {QStringLiteral("tm"), wb::cli::runTm},           {QStringLiteral("pretranslate"), wb::cli::runPretranslate},
        {QStringLiteral("analyze"), wb::cli::runAnalyze}, {QStringLiteral("import"), wb::cli::runImport},
        {QStringLiteral("validate"), wb::cli::runValidate}, {QStringLiteral("sync"), wb::cli::runSync},
        {QStringLiteral("merge-driver"), wb::cli::runMergeDriver},
        {QStringLiteral("repair-conflicts"), wb::cli::runRepairConflicts},
        {QStringLiteral("install-merge-driver"), wb::cli::runInstallMergeDriver},
        {QStringLiteral("align"), wb::cli::runAlign},
    };
    const QString command = arguments.takeFirst();
    const auto it = commands.find(command);
    if (it == commands.end()) {
        std::fprintf(stderr, "workbench: unknown command '%s'\n\n%s", qPrintable(command), kUsage);
        return int(wb::ErrorKind::Usage);
    }
    const int exitCode = it->second(arguments);
    wb::cli::warnIfMergeDriverMissing(command, arguments);
    wb::cli::printJsonResult(command, exitCode);
    return exitCode;
}
