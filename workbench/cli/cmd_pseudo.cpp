// workbench pseudo DOC.md -o OUT.md: a pseudo-localized export that proves every piece
// of text is offered for translation and that the markup survives the round trip.
#include "cli_common.h"
#include "model/localizer.h"
#include "model/pseudo.h"

#include <cstdio>

namespace wb::cli {

int runPseudo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a pseudo-localized copy (accented, lengthened, bracketed text) and checks that\n"
        "cmark's tree of the output (blocks, emphasis, links, images, code, breaks) equals the\n"
        "source's and no untranslated text is left; exits 6 naming the unit when not.\n"
        "The output is written even when a check fails, so the problem can be looked at."));
    parser.addPositionalArgument(QStringLiteral("DOC.md"), QStringLiteral("The Markdown file."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file."), QStringLiteral("OUT.md")});
    addSegmentationOptions(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("pseudo"), arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("output")))
        return usageError(QStringLiteral("pseudo"), QStringLiteral("expected DOC.md and -o OUT.md"));

    auto doc = loadDocument(parser.positionalArguments().first(), parser);
    if (!doc)
        return fail(doc.error());
    Diagnostics problems;
    const QByteArray output = localizeDocument(
        *doc, [](const SourceUnit &unit) { return std::optional<QString>(pseudoTranslate(unit.text)); }, problems);
    const QString outputPath = parser.value(QStringLiteral("output"));
    if (Status written = writeOutput(outputPath, output); !written)
        return fail(written.error());
    problems += checkPseudoOutput(*doc, output, outputPath);
    if (!problems.isEmpty())
        return fail(problems);
    std::fprintf(stderr, "%s: %lld units pseudo-translated; block structure intact; no untranslatable text\n",
                 qPrintable(outputPath), static_cast<long long>(doc->units.size()));
    return kExitOk;
}

} // namespace wb::cli
