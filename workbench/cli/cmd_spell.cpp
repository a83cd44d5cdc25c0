// workbench spell check|add|suggest: the project's spelling, from the command line.
#include "cli_common.h"
#include "project/language_resources.h"
#include "project/project.h"
#include "qa/check_suite.h"
#include "spell/project_words.h"
#include "spell/spell_checker.h"

#include <QDateTime>
#include <cstdio>

namespace wb::cli {

int runSpell(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Spelling with the project's dictionaries (system Hunspell + locales/LANG/*.dic + project words).\n"
        "  workbench spell check TEXT      misspelled words, one per line (exit 1 when there are any)\n"
        "  workbench spell add WORD...     add words to locales/LANG/project-words.tsv, with who and when\n"
        "  workbench spell suggest WORD    Hunspell's suggestions"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("check, add or suggest"));
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project folder (default: the one around the current folder)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Language (default: es)."), QStringLiteral("LANG"), QStringLiteral("es")});
    parser.addOption({QStringLiteral("by"), QStringLiteral("add: who adds (default: $WORKBENCH_USER, the project's user, git's user.name, the login)."), QStringLiteral("NAME")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("spell"), arguments, exitCode))
        return exitCode;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (args.size() < 2 || (action != QLatin1String("check") && action != QLatin1String("add") && action != QLatin1String("suggest")))
        return usageError(QStringLiteral("spell"), QStringLiteral("expected check TEXT, add WORD... or suggest WORD"));
    const QString language = parser.value(QStringLiteral("locale"));
    auto context = parser.isSet(QStringLiteral("project")) ? ProjectContext::atFolder(parser.value(QStringLiteral("project")), {}, language)
                                                           : ProjectContext::around(QStringLiteral("."), {}, language);
    if (!context)
        return fail(context.error());

    if (action == QLatin1String("add")) {
        if (!context->inProject())
            return fail(Diagnostic{ErrorKind::MissingInput, QStringLiteral("."), 0, 0, QStringLiteral("not inside a workbench project: give --project")});
        const QString by = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by")) : context->user();
        const QString path = context->projectWordsPath(language);
        auto added = addProjectWords(path, args.mid(1), by, QDateTime::currentDateTimeUtc());
        if (!added)
            return fail(added.error());
        std::fprintf(stderr, "%d word(s) added to %s\n", *added, qPrintable(path));
        return kExitOk;
    }
    auto suite = context->loadCheckSuite();
    if (!suite)
        return fail(suite.error());
    SpellChecker &spelling = (*suite)->spelling();
    if (action == QLatin1String("suggest")) {
        for (const QString &s : spelling.suggestions(args[1]))
            std::printf("%s\n", qPrintable(s));
        return kExitOk;
    }
    const QList<Misspelling> wrong = spelling.check(args.mid(1).join(QLatin1Char(' ')));
    for (const Misspelling &m : wrong)
        std::printf("%s\n", qPrintable(m.word));
    return wrong.isEmpty() ? kExitOk : 1;
}

} // namespace wb::cli
