// workbench validate: is this XLIFF, TMX, TBX, SRX or PO file what its standard says it
// must be? Every problem the readers find, with file, line and rule; exit 4 when any.
#include "cli_common.h"
#include "common/text_file.h"
#include "interchange/format_registry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

namespace wb::cli {
namespace {

// The formats validate checks: every one but the documents a project translates (Markdown has
// no standard to check against).
bool isInterchangeFormat(const FileFormat &format)
{
    return !format.sourceDocument;
}

// What a valid file holds, for the human line; units are counted for XLIFF.
QString summaryOf(const FormatDocument &document, int &units)
{
    if (const auto *xliff = std::get_if<XliffDocument>(&document)) {
        for (const XliffFile &file : xliff->files)
            units += int(file.units.size());
        return QStringLiteral("XLIFF %1, %2 files, %3 units").arg(xliff->version).arg(xliff->files.size()).arg(units);
    }
    if (const auto *termbase = std::get_if<Termbase>(&document))
        return QStringLiteral("TBX, %1 concepts").arg(termbase->concepts.size());
    if (const auto *catalog = std::get_if<PoCatalog>(&document))
        return QStringLiteral("PO, %1 entries").arg(catalog->entries.size());
    return std::holds_alternative<SrxRules>(document) ? QStringLiteral("SRX") : QStringLiteral("TMX");
}

// Every problem in the file (the XLIFF 2 validator finds them all; the other readers stop at the first).
Diagnostics problemsIn(const FileFormat &format, const QByteArray &bytes, const QString &path, QString &summary, int &units)
{
    if (format.validate)
        if (Diagnostics found = format.validate(bytes, path); !found.isEmpty())
            return found;
    auto document = format.read(bytes, path, QString());
    if (!document)
        return {document.error()};
    summary = summaryOf(*document, units);
    return {};
}

} // namespace

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks XLIFF 1.2/2.x, TMX, TBX, SRX or PO files against their standards and lists every problem found\n"
        "(file:line:column: rule). Exit 0 when all are valid, 4 when one is not, 3 when one is missing."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to check."), QStringLiteral("FILE..."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("validate"), arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("validate"), QStringLiteral("give at least one FILE"));
    QJsonArray results;
    for (const QString &path : parser.positionalArguments()) {
        auto bytes = readFileBytes(path);
        if (!bytes) {
            exitCode = std::max(exitCode, fail(bytes.error()));
            continue;
        }
        const FileFormat *format = detectFormat(path, *bytes, isInterchangeFormat);
        QString summary;
        int units = 0;
        const Diagnostics problems = !format ? Diagnostics{Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                                                                      QStringLiteral("not an XLIFF, TMX, TBX, SRX or PO file")}}
                                             : problemsIn(*format, *bytes, path, summary, units);
        if (problems.isEmpty())
            std::fprintf(stderr, "%s: valid (%s)\n", qPrintable(path), qPrintable(summary));
        else
            exitCode = std::max(exitCode, fail(problems));
        results.append(QJsonObject{{QStringLiteral("file"), path},
                                   {QStringLiteral("format"), format ? format->family : QString()},
                                   {QStringLiteral("valid"), problems.isEmpty()},
                                   {QStringLiteral("problem_count"), int(problems.size())},
                                   {QStringLiteral("units"), units}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("files"), results}});
    return exitCode;
}

} // namespace wb::cli
