// The file formats: names, detection, readers and writers, in one table.
#include "interchange/format_registry.h"
#include "common/xml_safety.h"
#include "glossary/tbx_format.h"
#include "interchange/po_xliff_mapping.h"
#include "interchange/xliff2_validator.h"
#include "interchange/xliff_format.h"
#include "tm/tmx_format.h"

#include <QFileInfo>

namespace wb {
namespace {

// A reader of one document type, as the table holds it.
template <typename Document, typename Reader>
auto reading(Reader reader)
{
    return [reader](const QByteArray &bytes, const QString &path, const QString &targetLanguage) -> Result<FormatDocument> {
        Result<Document> document = reader(bytes, path, targetLanguage);
        if (!document)
            return document.error();
        return FormatDocument(std::move(*document));
    };
}

template <typename Document, typename Writer>
auto writing(Writer writer)
{
    return [writer](const FormatDocument &document) -> Result<QByteArray> { return writer(std::get<Document>(document)); };
}

Result<XliffDocument> readAnyXliff(const QByteArray &bytes, const QString &path, const QString &)
{
    return readXliff(bytes, path);
}

FileFormat xliffFormat(const QString &name, XliffVersion version, const QStringList &suffixes)
{
    FileFormat format;
    format.name = name;
    format.family = kXliffFamily.toString();
    format.suffixes = suffixes;
    // 2.x is told by its namespace; every other <xliff> goes to the 1.x reader, which reads
    // 1.0-1.2 and names any other version.
    format.ownsRoot = [version](const XmlRoot &root) {
        return root.name == u"xliff" && (xliffFamilyOf(root) == XliffVersion::V2) == (version == XliffVersion::V2);
    };
    format.read = reading<XliffDocument>(readAnyXliff);
    format.write = writing<XliffDocument>([version](const XliffDocument &document) { return writeXliff(document, version); });
    format.fromCatalog = [](const PoCatalog &catalog, const CatalogOrigin &origin) {
        XliffDocument xliff;
        xliff.sourceLanguage = origin.sourceLanguage;
        xliff.targetLanguage = origin.targetLanguage;
        xliff.files.append(xliffFileOf(catalog, origin.document));
        return FormatDocument(std::move(xliff));
    };
    if (version == XliffVersion::V2)
        format.validate = [](const QByteArray &bytes, const QString &path) -> Diagnostics {
            if (Status safe = checkXmlInput(bytes, path); !safe)
                return {safe.error()};
            return validateXliff2(bytes, path);
        };
    return format;
}

// An XML format whose root element has one of these local names.
std::function<bool(const XmlRoot &)> rootNamed(const QStringList &names)
{
    return [names](const XmlRoot &root) { return names.contains(root.name); };
}

QList<FileFormat> makeFormats()
{
    QList<FileFormat> formats;

    FileFormat po;
    po.name = po.family = QStringLiteral("po");
    po.suffixes = {QStringLiteral("po"), QStringLiteral("pot")};
    po.read = reading<PoCatalog>([](const QByteArray &bytes, const QString &path, const QString &) {
        return PoCatalog::fromBytes(bytes, path);
    });
    po.write = writing<PoCatalog>([](const PoCatalog &catalog) { return catalog.toBytes(); });
    po.fromCatalog = [](const PoCatalog &catalog, const CatalogOrigin &) { return FormatDocument(catalog); };
    formats.append(po);

    // 1.2 first: a .xlf file whose root is no XLIFF 2 is read by the 1.x reader.
    formats.append(xliffFormat(QStringLiteral("xliff12"), XliffVersion::V12,
                               {QStringLiteral("v12.xlf"), QStringLiteral("xlf"), QStringLiteral("xliff")}));
    formats.append(xliffFormat(QStringLiteral("xliff2"), XliffVersion::V2, {QStringLiteral("xlf"), QStringLiteral("xliff")}));

    FileFormat tmx;
    tmx.name = tmx.family = QStringLiteral("tmx");
    tmx.suffixes = {QStringLiteral("tmx")};
    tmx.ownsRoot = rootNamed({QStringLiteral("tmx")});
    tmx.read = reading<QList<TmUnit>>([](const QByteArray &bytes, const QString &path, const QString &targetLanguage) {
        return readTmx(bytes, path, targetLanguage);
    });
    // The source language is the units' own; a memory without units has none to write.
    tmx.write = writing<QList<TmUnit>>([](const QList<TmUnit> &units) {
        return writeTmx(units, units.isEmpty() ? QString() : units.first().sourceLanguage);
    });
    formats.append(tmx);

    FileFormat tbx;
    tbx.name = tbx.family = QStringLiteral("tbx");
    tbx.suffixes = {QStringLiteral("tbx")};
    tbx.ownsRoot = rootNamed({QStringLiteral("tbx"), QStringLiteral("martif")}); // TBX v3 and TBX 2008
    tbx.read = reading<Termbase>([](const QByteArray &bytes, const QString &path, const QString &) { return readTbx(bytes, path); });
    tbx.write = writing<Termbase>([](const Termbase &termbase) { return writeTbx(termbase); });
    formats.append(tbx);

    FileFormat srx;
    srx.name = srx.family = QStringLiteral("srx");
    srx.suffixes = {QStringLiteral("srx")};
    srx.ownsRoot = rootNamed({QStringLiteral("srx")});
    srx.read = reading<SrxRules>([](const QByteArray &bytes, const QString &path, const QString &) { return SrxRules::parse(bytes, path); });
    formats.append(srx);

    FileFormat markdown;
    markdown.name = markdown.family = QStringLiteral("markdown");
    markdown.suffixes = {QStringLiteral("md"), QStringLiteral("markdown")};
    markdown.sourceDocument = true;
    markdown.read = reading<std::shared_ptr<MarkdownSource>>([](const QByteArray &bytes, const QString &path, const QString &) {
        return MarkdownSource::parse(bytes, path);
    });
    // The document is its bytes: every export starts from them.
    markdown.write = writing<std::shared_ptr<MarkdownSource>>([](const std::shared_ptr<MarkdownSource> &source) {
        return Result<QByteArray>(source->bytes());
    });
    formats.append(markdown);
    return formats;
}

} // namespace

const QList<FileFormat> &fileFormats()
{
    static const QList<FileFormat> formats = makeFormats();
    return formats;
}

const FileFormat *formatNamed(QStringView name)
{
    for (const FileFormat &format : fileFormats())
        if (format.name == name)
            return &format;
    return nullptr;
}

const FileFormat *detectFormat(const QString &path, const QByteArray &bytes, const std::function<bool(const FileFormat &)> &among)
{
    const QString fileName = QFileInfo(path).fileName().toLower();
    QList<const FileFormat *> bySuffix;
    for (const FileFormat &format : fileFormats())
        if (!among || among(format))
            for (const QString &suffix : format.suffixes)
                if (fileName.endsWith(QLatin1Char('.') + suffix)) {
                    bySuffix.append(&format);
                    break;
                }
    if (bySuffix.size() == 1)
        return bySuffix.first();
    // Several formats share the suffix, or none has it: the root element decides.
    const XmlRoot root = sniffXmlRoot(bytes);
    for (const FileFormat &format : fileFormats()) {
        const bool candidate = bySuffix.isEmpty() ? !among || among(format) : bySuffix.contains(&format);
        if (candidate && format.ownsRoot && format.ownsRoot(root))
            return &format;
    }
    return bySuffix.isEmpty() ? nullptr : bySuffix.first();
}

} // namespace wb
