// workbench validate: is this XLIFF, TMX, TBX, SRX or PO file what its standard says it
// must be? Every problem the readers find, with file, line and rule; exit 4 when any.
#include "cli_common.h"
#include "common/text_file.h"
#include "common/xml_safety.h"
#include "glossary/tbx_format.h"
#include "interchange/xliff2_validator.h"
#include "interchange/xliff_format.h"
#include "po/po_catalog.h"
#include "segment/srx_rules.h"
#include "tm/tmx_format.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <cstdio>

namespace wb::cli {
namespace {

// The format by extension, else by the XML root element; empty when neither says.
QString formatOf(const QString &path, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("po") || suffix == QLatin1String("pot"))
        return QStringLiteral("po");
    if (QStringList{QStringLiteral("xlf"), QStringLiteral("xliff"), QStringLiteral("tmx"), QStringLiteral("tbx"),
                    QStringLiteral("srx")}.contains(suffix))
        return suffix == QLatin1String("xliff") ? QStringLiteral("xlf") : suffix;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            const QString root = xml.name().toString();
            if (root == QLatin1String("xliff"))
                return QStringLiteral("xlf");
            if (root == QLatin1String("tmx") || root == QLatin1String("srx"))
                return root;
            if (root == QLatin1String("tbx") || root == QLatin1String("martif"))
                return QStringLiteral("tbx");
            break;
        }
    return {};
}

// Every problem in the file (the XLIFF 2 validator finds them all; the other readers stop at the first).
Diagnostics problemsIn(const QString &format, const QByteArray &bytes, const QString &path, QString &summary, int &units)
{
    if (format != QLatin1String("po"))
        if (Status safe = checkXmlInput(bytes, path); !safe)
            return {safe.error()};
    if (format == QLatin1String("xlf")) {
        if (xliffFamilyOf(bytes) == XliffVersion::V2)
            if (Diagnostics found = validateXliff2(bytes, path); !found.isEmpty())
                return found;
        auto document = readXliff(bytes, path);
        if (!document)
            return {document.error()};
        for (const XliffFile &file : document->files)
            units += int(file.units.size());
        summary = QStringLiteral("XLIFF %1, %2 files, %3 units").arg(document->version).arg(document->files.size()).arg(units);
        return {};
    }
    if (format == QLatin1String("tmx")) {
        auto units = readTmx(bytes, path, QString());
        if (!units)
            return {units.error()};
        summary = QStringLiteral("TMX");
        return {};
    }
    if (format == QLatin1String("tbx")) {
        auto termbase = readTbx(bytes, path);
        if (!termbase)
            return {termbase.error()};
        summary = QStringLiteral("TBX, %1 concepts").arg(termbase->concepts.size());
        return {};
    }
    if (format == QLatin1String("srx")) {
        auto rules = SrxRules::parse(bytes, path);
        if (!rules)
            return {rules.error()};
        summary = QStringLiteral("SRX");
        return {};
    }
    auto catalog = PoCatalog::read(path);
    if (!catalog)
        return {catalog.error()};
    summary = QStringLiteral("PO, %1 entries").arg(catalog->entries.size());
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
        const QString format = formatOf(path, *bytes);
        QString summary;
        int units = 0;
        const Diagnostics problems = format.isEmpty()
                                         ? Diagnostics{Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                                                                  QStringLiteral("not an XLIFF, TMX, TBX, SRX or PO file")}}
                                         : problemsIn(format, *bytes, path, summary, units);
        if (problems.isEmpty())
            std::fprintf(stderr, "%s: valid (%s)\n", qPrintable(path), qPrintable(summary));
        else
            exitCode = std::max(exitCode, fail(problems));
        results.append(QJsonObject{{QStringLiteral("file"), path},
                                   {QStringLiteral("format"), format == QLatin1String("xlf") ? QStringLiteral("xliff") : format},
                                   {QStringLiteral("valid"), problems.isEmpty()},
                                   {QStringLiteral("problem_count"), int(problems.size())},
                                   {QStringLiteral("units"), units}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("files"), results}});
    return exitCode;
}

} // namespace wb::cli
