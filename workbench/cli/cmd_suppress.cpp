// workbench suppress: accept one QA finding for one unit, with a reason.
#include "cli_common.h"
#include "po/catalog_lock.h"
#include "project/project.h"
#include "qa/suppressions.h"

#include <QDateTime>
#include <cstdio>

namespace wb::cli {

int runSuppress(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Suppresses a QA finding for one unit. The suppression is stored in the catalog with who,\n"
        "when and why, and stops applying as soon as the unit's source or target text changes."));
    parser.addPositionalArgument(QStringLiteral("CATALOG.po"), QStringLiteral("The catalog."));
    parser.addOption({QStringLiteral("unit"), QStringLiteral("The unit id (msgctxt)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("check"), QStringLiteral("The finding's check id, e.g. terminology.missing."), QStringLiteral("CHECK")});
    parser.addOption({QStringLiteral("subject"), QStringLiteral("What the finding is about (e.g. the concept id); default: any."), QStringLiteral("SUBJECT")});
    parser.addOption({QStringLiteral("reason"), QStringLiteral("Why the finding is acceptable here."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("by"), QStringLiteral("Who decides (default: $WORKBENCH_USER, the project's user, git's user.name, the login)."), QStringLiteral("NAME")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("suppress"), arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("unit")) || !parser.isSet(QStringLiteral("check"))
        || parser.value(QStringLiteral("reason")).trimmed().isEmpty())
        return usageError(QStringLiteral("suppress"), QStringLiteral("expected CATALOG.po, --unit, --check and a --reason"));
    const QString path = parser.positionalArguments().first();
    auto context = ProjectContext::around(path);
    if (!context)
        return fail(context.error());
    const QString unit = parser.value(QStringLiteral("unit"));
    const Suppression suppression{parser.value(QStringLiteral("check")), parser.value(QStringLiteral("subject")),
                                  parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by")) : context->user(),
                                  QDateTime::currentDateTimeUtc(), parser.value(QStringLiteral("reason"))};
    // Locked and re-read: a translator saving the catalog meanwhile loses nothing.
    const Status done = modifyCatalog(path, [&](PoCatalog &catalog) -> Status {
        const qsizetype index = catalog.indexOfContext(unit);
        if (index < 0)
            return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("no unit \"%1\" in the catalog").arg(unit)};
        pruneStaleSuppressions(catalog.entries[index]);
        addSuppression(catalog.entries[index], suppression);
        return {};
    });
    if (!done)
        return fail(done.error());
    std::fprintf(stderr, "%s: %s suppressed for unit %s\n", qPrintable(path), qPrintable(suppression.check), qPrintable(unit));
    return kExitOk;
}

} // namespace wb::cli
