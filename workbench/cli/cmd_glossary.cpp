// workbench glossary import|export|lookup|wordlist: termbases in TBX, TSV and CSV.
#include "cli_common.h"
#include "common/text_file.h"
#include "glossary/tbx_format.h"
#include "glossary/term_table.h"
#include "glossary/word_list.h"
#include "project/language_resources.h"
#include "qa/terminology_check.h"
#include "spell/hunspell_dictionary.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace wb::cli {
namespace {

QString formatOf(const QString &path, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("format")))
        return parser.value(QStringLiteral("format")).toLower();
    return QFileInfo(path).suffix().toLower();
}

Result<Termbase> readAnyTermbase(const QString &path, const QString &format)
{
    if (format == QLatin1String("tbx"))
        return loadTbx(path);
    if (format != QLatin1String("tsv") && format != QLatin1String("csv"))
        return Diagnostic{ErrorKind::Usage, path, 0, 0, QStringLiteral("unknown glossary format \"%1\" (tbx, tsv or csv)").arg(format)};
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes.error();
    return readTermTable(*bytes, format == QLatin1String("tsv") ? TableFormat::Tsv : TableFormat::Csv, path);
}

Result<QByteArray> writeAnyTermbase(const Termbase &termbase, const QString &format, const QString &path)
{
    if (format == QLatin1String("tbx"))
        return writeTbx(termbase);
    if (format == QLatin1String("tsv"))
        return writeTermTable(termbase, TableFormat::Tsv);
    if (format == QLatin1String("csv"))
        return writeTermTable(termbase, TableFormat::Csv);
    return Diagnostic{ErrorKind::Usage, path, 0, 0, QStringLiteral("unknown glossary format \"%1\" (tbx, tsv or csv)").arg(format)};
}

int convert(const QCommandLineParser &parser, const QString &action)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || !parser.isSet(QStringLiteral("output")))
        return usageError(QStringLiteral("glossary"), QStringLiteral("%1 takes FILE and -o OUT").arg(action));
    const QString input = args[1];
    const QString output = parser.value(QStringLiteral("output"));
    auto termbase = readAnyTermbase(input, formatOf(input, parser));
    if (!termbase)
        return fail(termbase.error());
    // The output format always follows the output's extension (--format names the input's).
    auto bytes = writeAnyTermbase(*termbase, QFileInfo(output).suffix().toLower(), output);
    if (!bytes)
        return fail(bytes.error());
    if (Status written = writeOutput(output, *bytes); !written)
        return fail(written.error());
    std::fprintf(stderr, "%s: %lld concepts\n", qPrintable(output), static_cast<long long>(termbase->concepts.size()));
    return kExitOk;
}

int lookup(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return usageError(QStringLiteral("glossary"), QStringLiteral("lookup takes one TEXT"));
    const QString target = parser.value(QStringLiteral("locale"));
    auto context = parser.isSet(QStringLiteral("project")) ? ProjectContext::atFolder(parser.value(QStringLiteral("project")), {}, target)
                                                           : ProjectContext::around(QStringLiteral("."), {}, target);
    if (!context)
        return fail(context.error());
    auto termbase = context->loadGlossary();
    if (!termbase)
        return fail(termbase.error());
    const QString source = context->sourceLanguage();
    auto sourceDictionary = context->loadDictionary(source);
    auto targetDictionary = context->loadDictionary(target);
    if (!sourceDictionary)
        return fail(sourceDictionary.error());
    if (!targetDictionary)
        return fail(targetDictionary.error());
    TerminologyChecker checker(*termbase, source, target, *sourceDictionary, *targetDictionary);
    const QString text = args[1];
    QJsonArray hits;
    for (const SourceTermHit &hit : checker.recognize(text)) {
        QJsonArray use, avoid;
        for (const Term *t : hit.acceptable)
            use.append(t->text);
        for (const Term *t : hit.unacceptable)
            avoid.append(QJsonObject{{QStringLiteral("term"), t->text}, {QStringLiteral("status"), termStatusName(t->status)},
                                     {QStringLiteral("note"), t->note}});
        hits.append(QJsonObject{{QStringLiteral("text"), text.mid(hit.span.start, hit.span.length)},
                                {QStringLiteral("start"), hit.span.start},
                                {QStringLiteral("length"), hit.span.length},
                                {QStringLiteral("concept"), hit.termConcept->id},
                                {QStringLiteral("definition"), hit.termConcept->definitions.value(source)},
                                {QStringLiteral("use"), use},
                                {QStringLiteral("avoid"), avoid}});
    }
    if (parser.isSet(QStringLiteral("json"))) {
        addJsonFields(QJsonObject{{QStringLiteral("terms"), hits}});
        return kExitOk;
    }
    for (const QJsonValue &v : hits) {
        const QJsonObject o = v.toObject();
        QStringList use;
        for (const QJsonValue &u : o.value(QLatin1String("use")).toArray())
            use.append(u.toString());
        QStringList avoid;
        for (const QJsonValue &a : o.value(QLatin1String("avoid")).toArray())
            avoid.append(a.toObject().value(QLatin1String("term")).toString());
        std::printf("%s -> %s%s\n", qPrintable(o.value(QLatin1String("text")).toString()), qPrintable(use.join(QStringLiteral(" | "))),
                    avoid.isEmpty() ? "" : qPrintable(QStringLiteral("   (never: %1)").arg(avoid.join(QStringLiteral(", ")))));
    }
    return kExitOk;
}

int wordList(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || !parser.isSet(QStringLiteral("output")))
        return usageError(QStringLiteral("glossary"), QStringLiteral("wordlist takes GLOSSARY.tbx, --locale and -o OUT.dic"));
    auto termbase = loadTbx(args[1]);
    if (!termbase)
        return fail(termbase.error());
    const QString language = parser.value(QStringLiteral("locale"));
    // Only the system dictionary: words it lacks go to the list.
    auto context = ProjectContext::around(args[1]);
    if (!context)
        return fail(context.error());
    auto base = HunspellDictionary::load(context->settings().dictionaryFor(language));
    if (!base)
        return fail(base.error());
    if (Status written = writeOutput(parser.value(QStringLiteral("output")), hunspellWordList(*termbase, language, **base)); !written)
        return fail(written.error());
    return kExitOk;
}

} // namespace

int runGlossary(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Termbases in TBX (v3 and 2008), TSV and CSV.\n"
        "  workbench glossary import FILE.{tbx,tsv,csv} -o OUT.tbx\n"
        "  workbench glossary export GLOSSARY.tbx -o OUT.{tbx,tsv,csv}\n"
        "  workbench glossary lookup TEXT [--project DIR] [--locale LANG] [--json]\n"
        "  workbench glossary wordlist GLOSSARY.tbx --locale LANG -o OUT.dic"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("import, export, lookup or wordlist"));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file; its extension is its format."), QStringLiteral("OUT")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Input format when the extension does not say (tbx, tsv, csv)."), QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project folder (default: the one around the current folder)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Target language (default: es)."), QStringLiteral("LANG"), QStringLiteral("es")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("glossary"), arguments, exitCode))
        return exitCode;
    const QString action = parser.positionalArguments().value(0);
    if (action == QLatin1String("import") || action == QLatin1String("export"))
        return convert(parser, action);
    if (action == QLatin1String("lookup"))
        return lookup(parser);
    if (action == QLatin1String("wordlist"))
        return wordList(parser);
    return usageError(QStringLiteral("glossary"), QStringLiteral("expected import, export, lookup or wordlist"));
}

} // namespace wb::cli
