#pragma once
#include "common/result.h"
#include "common/xml_root.h"
#include "glossary/termbase.h"
#include "interchange/xliff_document.h"
#include "markdown/markdown_source.h"
#include "po/po_catalog.h"
#include "segment/srx_rules.h"
#include "tm/tm_unit.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <variant>

namespace wb {

/// What a format's reader gives: its own document type, unchanged.
using FormatDocument = std::variant<PoCatalog, XliffDocument, QList<TmUnit>, Termbase, SrxRules, std::shared_ptr<MarkdownSource>>;

/// Where a catalog exported for other tools comes from (export --format).
struct CatalogOrigin {
    QString sourceLanguage;
    QString targetLanguage;
    QString document; ///< the source document, relative to the project
};

/// One file format the workbench reads, and writes when it does: the one place that knows
/// its names, how to recognise it and which reader and writer are its own.
struct FileFormat {
    QString name;          ///< stable, as the CLI spells it: "po", "xliff12", "xliff2", "tmx", "tbx", "srx", "markdown"
    QString family;        ///< what `validate` reports as "format": "xliff" for both XLIFF versions, else the name
    QStringList suffixes;  ///< lower case, without the dot; the first is the one `export` writes
    bool sourceDocument = false; ///< Markdown: what a project translates. `validate` has no standard to
                                 ///< check it against, and `export` localizes it instead of carrying catalogs
    std::function<bool(const XmlRoot &)> ownsRoot; ///< XML formats: whether a document with this root is one
    /// Reads the document, or the first problem at its file:line. `targetLanguage` is the language
    /// a multilingual file (TMX) is read into; without it a TMX file is only checked.
    std::function<Result<FormatDocument>(const QByteArray &bytes, const QString &path, const QString &targetLanguage)> read;
    /// Every problem found before reading (XLIFF 2's processing requirements); empty: the
    /// reader's first problem is all there is to say.
    std::function<Diagnostics(const QByteArray &bytes, const QString &path)> validate;
    /// The bytes of a document of this format; empty for SRX, which the workbench never writes.
    std::function<Result<QByteArray>(const FormatDocument &document)> write;
    /// A catalog as this format carries it to other tools (`export --format`); empty when it does not.
    std::function<FormatDocument(const PoCatalog &catalog, const CatalogOrigin &origin)> fromCatalog;
};

/// The family of XLIFF 1.2 and 2.x, as `validate` names it.
inline constexpr QStringView kXliffFamily = u"xliff";

/// Every format, in the order detection tries them.
const QList<FileFormat> &fileFormats();

/// The format with this name, or nullptr.
const FileFormat *formatNamed(QStringView name);

/// The format of a file: the one its name's suffix gives (the root element choosing among
/// formats that share a suffix, as XLIFF 1.2 and 2.x do), else the one whose root element it
/// has; nullptr when neither says. Only formats `among` accepts are considered (all without it).
const FileFormat *detectFormat(const QString &path, const QByteArray &bytes,
                               const std::function<bool(const FileFormat &)> &among = {});

} // namespace wb
