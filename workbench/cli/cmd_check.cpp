// workbench check: the QA gate for publishing pipelines.
#include "cli_common.h"
#include "project/language_resources.h"
#include "qa/structure_check.h"
#include "project/project.h"
#include "qa/check_suite.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace wb::cli {
namespace {

// "file:line: severity: [check] message", then the target with the span underlined.
void printHuman(const QaReport &report)
{
    for (const QaReport::Located &l : report.findings) {
        const Finding &f = l.finding;
        std::printf("%s:%d: %s: [%s] %s\n", qPrintable(l.file), l.line, qPrintable(severityName(f.severity)),
                    qPrintable(f.check), qPrintable(f.message));
        const QString target = QString(l.target).replace(QLatin1Char('\n'), QLatin1Char(' '));
        std::printf("    %s\n", qPrintable(target));
        if (f.targetSpan.isValid())
            std::printf("    %s^%s\n", qPrintable(QString(f.targetSpan.start, QLatin1Char(' '))),
                        qPrintable(QString(std::max(0, f.targetSpan.length - 1), QLatin1Char('~'))));
    }
    std::fprintf(stderr, "%lld findings in %d units (%d suppressed)\n", static_cast<long long>(report.findings.size()),
                 report.unitsChecked, report.suppressed);
}

} // namespace

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the QA checks over translated units. Exit code 0: no finding of error severity;\n"
        "1: at least one; 2-5: bad usage or input (README).\n"
        "  workbench check CATALOG.po [--locale LANG]\n"
        "  workbench check --project DIR --locale LANG"));
    parser.addPositionalArgument(QStringLiteral("CATALOG.po"), QStringLiteral("A catalog (any valid PO)."));
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder (default for a catalog: the one around it)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Target language (default for a catalog: its Language header)."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("source-lang"), QStringLiteral("Source language (default: the project's, else en)."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("glossary"), QStringLiteral("An extra TBX termbase (repeatable)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("suggest"), QStringLiteral("Add Hunspell suggestions to spelling findings (slow: 20-100 ms a word).")});
    parser.addOption({QStringLiteral("drafts"), QStringLiteral("Check draft (fuzzy) units too.")});
    parser.addOption({QStringLiteral("min-severity"), QStringLiteral("Report findings from this severity up: error, warning (default) or info."),
                      QStringLiteral("LEVEL"), QStringLiteral("warning")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("check"), arguments, exitCode))
        return exitCode;
    const auto minimum = severityFromName(parser.value(QStringLiteral("min-severity")));
    if (!minimum)
        return usageError(QStringLiteral("check"), QStringLiteral("--min-severity takes error, warning or info"));
    const bool projectForm = parser.isSet(QStringLiteral("project")) && parser.positionalArguments().isEmpty();
    if (parser.positionalArguments().size() > 1 || (!projectForm && parser.positionalArguments().isEmpty())
        || (projectForm && !parser.isSet(QStringLiteral("locale"))))
        return usageError(QStringLiteral("check"), QStringLiteral("give CATALOG.po, or --project DIR with --locale LANG"));

    // Which catalogs, in which project.
    auto selection = selectCatalogs(parser, projectForm ? QString() : parser.positionalArguments().first());
    if (!selection)
        return fail(selection.error());
    const QStringList &catalogs = selection->catalogs;
    const QStringList &documents = selection->documents; // project form: the Markdown source of each catalog
    const ProjectContext &context = selection->context;

    // All catalogs are read first: consistency compares translations across them.
    QList<PoCatalog> read;
    for (const QString &path : catalogs) {
        auto catalog = PoCatalog::read(path);
        if (!catalog)
            return fail(catalog.error());
        read.append(*catalog);
    }
    QaReport report;
    const RunOptions runOptions{*minimum, parser.isSet(QStringLiteral("drafts"))};
    const CheckSuite::Options suiteOptions{parser.values(QStringLiteral("glossary")), parser.isSet(QStringLiteral("suggest"))};
    std::shared_ptr<CheckSuite> suite;
    QString suiteLanguage;
    std::shared_ptr<SentenceSegmenter> segmenter;
    for (qsizetype i = 0; i < read.size(); ++i) {
        const QString language = parser.isSet(QStringLiteral("locale")) ? parser.value(QStringLiteral("locale"))
                                                                        : read[i].headerField(QStringLiteral("Language"));
        if (language.isEmpty())
            return fail(Diagnostic{ErrorKind::Usage, catalogs[i], 0, 0, QStringLiteral("the catalog has no Language header: give --locale")});
        if (!suite || language != suiteLanguage) {
            auto loaded = context.withTarget(language).loadCheckSuite(suiteOptions);
            if (!loaded)
                return fail(loaded.error());
            suite = *loaded;
            suiteLanguage = language;
            for (const PoCatalog &catalog : read)
                suite->addForConsistency(catalog);
        }
        // With the document at hand, also the translations the export could not write.
        QHash<QString, Finding> structure;
        if (i < documents.size()) {
            if (!segmenter) {
                auto loaded = loadSegmenter(context.project().rulesPath(), context.sourceLanguage());
                if (!loaded)
                    return fail(loaded.error());
                segmenter = *loaded;
            }
            auto doc = segmentFile(documents[i], *segmenter);
            if (!doc)
                return fail(doc.error());
            structure = structureFindings(*doc, read[i]);
        }
        runChecks(read[i], catalogs[i], [&](const PoEntry &entry) {
            Findings found = suite->checkUnit(entry);
            if (const auto it = structure.constFind(entry.context); it != structure.cend() && entry.msgid == it->msgid)
                found.append(*it);
            return found;
        }, runOptions, report);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = report.toJson();
        QJsonArray resources;
        for (const ResourceUse &use : suite ? suite->resources() : ResourceUses{})
            resources.append(QJsonObject{{QStringLiteral("kind"), use.kind}, {QStringLiteral("path"), use.path},
                                         {QStringLiteral("origin"), use.origin}});
        json.insert(QStringLiteral("resources"), resources);
        addJsonFields(json);
    }
    else
        printHuman(report);
    return report.hasErrors() ? 1 : kExitOk;
}

} // namespace wb::cli
