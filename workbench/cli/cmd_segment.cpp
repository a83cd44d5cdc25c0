// workbench segment DOC.md [-o OUT.pot]: the translation units of any Markdown file.
#include "cli_common.h"
#include "project/catalog_builder.h"

#include <QDateTime>

namespace wb::cli {

int runSegment(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes the translation units of a Markdown file as a PO template."));
    parser.addPositionalArgument(QStringLiteral("DOC.md"), QStringLiteral("The Markdown file."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write the template here (default: standard output)."), QStringLiteral("OUT.pot")});
    addSegmentationOptions(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("segment"), arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("segment"), QStringLiteral("expected exactly one Markdown file"));

    const QString path = parser.positionalArguments().first();
    auto doc = loadDocument(path, parser);
    if (!doc)
        return fail(doc.error());
    auto bytes = templateCatalog(*doc, path, QDateTime::currentDateTimeUtc()).toBytes();
    if (!bytes) {
        Diagnostic error = bytes.error();
        error.file = parser.value(QStringLiteral("output")); // what could not be written
        return fail(error);
    }
    if (Status written = writeOutput(parser.value(QStringLiteral("output")), *bytes); !written)
        return fail(written.error());
    return kExitOk;
}

} // namespace wb::cli
