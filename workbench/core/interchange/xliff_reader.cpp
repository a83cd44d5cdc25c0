// XLIFF 1.2 and 2.x readers (QXmlStreamReader) into the version-neutral XliffDocument.
#include "common/xml_root.h"
#include "common/xml_safety.h"
#include "interchange/xliff2_validator.h"
#include "interchange/xliff_format.h"
#include "text/text_key.h"

#include <QXmlStreamReader>

namespace wb {
namespace {

// 2.0 and 2.1 share the 2.0 core namespace; 2.2 has its own.
bool isXliff2Namespace(QStringView uri)
{
    return uri == u"urn:oasis:names:tc:xliff:document:2.0" || uri == u"urn:oasis:names:tc:xliff:document:2.2";
}
// 1.0 and 1.1 files (translate-toolkit's po2xliff writes 1.1) have the elements 1.2 has.
bool isXliff1Namespace(QStringView uri)
{
    return uri == u"urn:oasis:names:tc:xliff:document:1.2" || uri == u"urn:oasis:names:tc:xliff:document:1.1"
           || uri == u"urn:oasis:names:tc:xliff:document:1.0";
}

Diagnostic xmlError(const QString &path, const QXmlStreamReader &xml, const QString &message)
{
    return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()), message};
}

QString attribute(const QXmlStreamReader &xml, QLatin1String name)
{
    return xml.attributes().value(name).toString();
}

// Ranks states from least to most advanced: a unit is as far as its least advanced segment.
int progressRank(UnitState state)
{
    switch (state) {
    case UnitState::Rejected: return 0;
    case UnitState::Untranslated: return 1;
    case UnitState::Draft: return 2;
    case UnitState::Translated: return 3;
    case UnitState::Approved: return 4;
    }
    return 0;
}

// The segments and ignorables of a 2.x <unit>, joined back into one unit.
XliffUnit readUnit2(QXmlStreamReader &xml)
{
    XliffUnit unit;
    unit.id = attribute(xml, QLatin1String("id"));
    unit.name = attribute(xml, QLatin1String("name"));
    unit.line = int(xml.lineNumber());
    unit.segmentCount = 0;
    InlineNumbering numbering;
    std::optional<UnitState> leastState;
    bool inIgnorable = false;
    QString segmentState, segmentSubState;
    bool segmentHasTarget = false;
    InlineContent segmentSource;
    auto closeSegment = [&] {
        if (inIgnorable && !segmentHasTarget) { // an ignorable without target stands as it is
            unit.target += segmentSource.text;
            unit.rawTarget += segmentSource.raw;
        }
        if (!inIgnorable) {
            const UnitState state = stateFromXliff2(segmentState, segmentSubState, segmentHasTarget);
            if (!leastState || progressRank(state) < progressRank(*leastState))
                leastState = state;
        }
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"unit")
                break;
            if (xml.name() == u"segment" || xml.name() == u"ignorable")
                closeSegment();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (!isXliff2Namespace(xml.namespaceUri())) {
            xml.skipCurrentElement(); // modules and extensions: kept by their owners, not by us
            continue;
        }
        const QStringView name = xml.name();
        if (name == u"note") {
            const QString category = attribute(xml, QLatin1String("category"));
            unit.notes.append({category, xml.readElementText(QXmlStreamReader::IncludeChildElements)});
        } else if (name == u"segment" || name == u"ignorable") {
            inIgnorable = name == u"ignorable";
            unit.segmentCount += inIgnorable ? 0 : 1;
            segmentState = attribute(xml, QLatin1String("state"));
            segmentSubState = attribute(xml, QLatin1String("subState"));
            segmentHasTarget = false;
            segmentSource = {};
        } else if (name == u"source") {
            segmentSource = readInlineContent(xml, numbering);
            unit.source += segmentSource.text;
            unit.rawSource += segmentSource.raw;
        } else if (name == u"target") {
            const InlineContent target = readInlineContent(xml, numbering);
            unit.target += target.text;
            unit.rawTarget += target.raw;
            segmentHasTarget = true;
            unit.hasTarget = unit.hasTarget || !inIgnorable;
        } else if (name != u"notes") {
            xml.skipCurrentElement(); // originalData: the codes' native markup
        }
    }
    unit.state = leastState.value_or(UnitState::Untranslated);
    if (unit.state == UnitState::Untranslated && !unit.target.isEmpty())
        unit.state = UnitState::Draft; // some segments translated, others not
    unit.stateGiven = true;
    return unit;
}

Result<XliffDocument> readXliff2(const QByteArray &bytes, const QString &path)
{
    const Diagnostics problems = validateXliff2(bytes, path);
    if (!problems.isEmpty()) {
        Diagnostic first = problems.first();
        if (problems.size() > 1)
            first.message += QStringLiteral(" (and %1 more problems: 'workbench validate' lists them)").arg(problems.size() - 1);
        return first;
    }
    QXmlStreamReader xml(bytes);
    XliffDocument document;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (!isXliff2Namespace(xml.namespaceUri())) {
            xml.skipCurrentElement();
            continue;
        }
        if (xml.name() == u"xliff") {
            document.version = attribute(xml, QLatin1String("version"));
            document.sourceLanguage = attribute(xml, QLatin1String("srcLang"));
            document.targetLanguage = attribute(xml, QLatin1String("trgLang"));
        } else if (xml.name() == u"file") {
            document.files.append({attribute(xml, QLatin1String("id")), attribute(xml, QLatin1String("original")), {},
                                   int(xml.lineNumber())});
        } else if (xml.name() == u"unit" && !document.files.isEmpty()) {
            document.files.last().units.append(readUnit2(xml));
        } else if (xml.name() != u"group") {
            xml.skipCurrentElement(); // skeleton, notes on files and groups
        }
    }
    if (xml.hasError())
        return xmlError(path, xml, xml.errorString());
    return document;
}

// "file" and "line" of a 1.2 <context-group purpose="location">, as a location note.
XliffNote readLocation(QXmlStreamReader &xml)
{
    QString file, line;
    while (xml.readNextStartElement()) {
        const QString type = attribute(xml, QLatin1String("context-type"));
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        if (type == QLatin1String("sourcefile"))
            file = text;
        else if (type == QLatin1String("linenumber"))
            line = text;
    }
    return {QStringLiteral("location"), line.isEmpty() ? file : file + QLatin1Char(':') + line};
}

Result<XliffUnit> readTransUnit(QXmlStreamReader &xml, const QString &path)
{
    XliffUnit unit;
    unit.id = attribute(xml, QLatin1String("id"));
    unit.name = attribute(xml, QLatin1String("resname"));
    unit.line = int(xml.lineNumber());
    if (unit.id.isEmpty())
        return xmlError(path, xml, QStringLiteral("<trans-unit> has no id (XLIFF 1.2 requires one)"));
    const QString approved = attribute(xml, QLatin1String("approved"));
    QString targetState;
    bool hasSource = false;
    InlineNumbering numbering;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == u"source") {
            const InlineContent source = readInlineContent(xml, numbering);
            unit.source = source.text;
            unit.rawSource = source.raw;
            hasSource = true;
        } else if (name == u"target") {
            targetState = attribute(xml, QLatin1String("state"));
            const InlineContent target = readInlineContent(xml, numbering);
            unit.target = target.text;
            unit.rawTarget = target.raw;
            unit.hasTarget = true;
        } else if (name == u"note") {
            const QString from = attribute(xml, QLatin1String("from"));
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            unit.notes.append({from == QLatin1String("developer") ? QStringLiteral("description") : from, text});
        } else if (name == u"context-group" && attribute(xml, QLatin1String("purpose")) == QLatin1String("location")) {
            unit.notes.append(readLocation(xml));
        } else {
            xml.skipCurrentElement(); // seg-source (the same text, cut up), alt-trans, prop-group, ...
        }
    }
    if (!hasSource)
        return Diagnostic{ErrorKind::InvalidInput, path, unit.line, 0,
                          QStringLiteral("<trans-unit id=\"%1\"> has no <source> (XLIFF 1.2 requires one)").arg(unit.id)};
    unit.hasTarget = unit.hasTarget && !unit.target.isEmpty();
    unit.state = stateFromXliff12(targetState, approved, unit.hasTarget);
    unit.stateGiven = !targetState.isEmpty() || !approved.isEmpty();
    return unit;
}

Result<XliffDocument> readXliff12(const QByteArray &bytes, const QString &path, const QString &version)
{
    QXmlStreamReader xml(bytes);
    XliffDocument document;
    document.version = version;
    int rootLine = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (rootLine == 0)
            rootLine = int(xml.lineNumber());
        if (name == u"file") {
            const QString source = attribute(xml, QLatin1String("source-language"));
            if (source.isEmpty())
                return xmlError(path, xml, QStringLiteral("<file> has no source-language (XLIFF 1.2 requires one)"));
            if (document.sourceLanguage.isEmpty())
                document.sourceLanguage = source;
            if (document.targetLanguage.isEmpty())
                document.targetLanguage = attribute(xml, QLatin1String("target-language"));
            document.files.append({{}, attribute(xml, QLatin1String("original")), {}, int(xml.lineNumber())});
        } else if (name == u"trans-unit") {
            if (document.files.isEmpty())
                return xmlError(path, xml, QStringLiteral("<trans-unit> outside a <file>"));
            if (attribute(xml, QLatin1String("translate")) == QLatin1String("no")
                || attribute(xml, QLatin1String("restype")) == QLatin1String("x-gettext-domain-header")) {
                xml.skipCurrentElement(); // not for translation (po2xliff's PO header): nothing to carry
                continue;
            }
            auto unit = readTransUnit(xml, path);
            if (!unit)
                return unit.error();
            document.files.last().units.append(*unit);
        } else if (name == u"header" || name == u"bin-unit") {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return xmlError(path, xml, xml.errorString());
    // Without a <file> there is no source language either, and nothing to translate; what
    // we would write from it (srcLang="") is invalid (found by fuzz_xliff).
    if (document.files.isEmpty())
        return Diagnostic{ErrorKind::InvalidInput, path, rootLine, 0, QStringLiteral("the document has no <file> (XLIFF 1.2 requires at least one)")};
    return document;
}

// The document's texts in NFC, whatever tool wrote it (macOS tools write NFD): the
// catalog's msgids are NFC, and a decomposed source would match none of them.
Result<XliffDocument> inNfc(Result<XliffDocument> read)
{
    if (!read)
        return read;
    for (XliffFile &file : read->files)
        for (XliffUnit &unit : file.units) {
            for (QString *text : {&unit.source, &unit.target, &unit.rawSource, &unit.rawTarget})
                *text = toNfc(*text);
            for (XliffNote &note : unit.notes)
                note.text = toNfc(note.text);
        }
    return read;
}

} // namespace

std::optional<XliffVersion> xliffFamilyOf(const XmlRoot &root)
{
    if (root.name != u"xliff")
        return std::nullopt;
    if (isXliff2Namespace(root.namespaceUri))
        return XliffVersion::V2;
    if (isXliff1Namespace(root.namespaceUri) || (root.namespaceUri.isEmpty() && root.version.startsWith(QLatin1String("1."))))
        return XliffVersion::V12;
    return std::nullopt;
}

std::optional<XliffVersion> xliffFamilyOf(const QByteArray &bytes)
{
    return xliffFamilyOf(sniffXmlRoot(bytes));
}

Result<XliffDocument> readXliff(const QByteArray &bytes, const QString &path)
{
    if (Status safe = checkXmlInput(bytes, path); !safe)
        return safe.error();
    const XmlRoot root = sniffXmlRoot(bytes);
    auto error = [&](int line, int column, const QString &message) {
        return Diagnostic{ErrorKind::InvalidInput, path, line, column, message};
    };
    if (root.entityDtdLine > 0)
        return error(root.entityDtdLine, root.entityDtdColumn, QStringLiteral("the DTD declares entities; the workbench never expands them"));
    if (root.name.isEmpty())
        return error(root.line, root.column, root.error.isEmpty() ? QStringLiteral("no root element") : root.error);
    if (root.name != u"xliff")
        return error(root.line, root.column, QStringLiteral("not XLIFF: the root element is <%1>").arg(root.name));
    const std::optional<XliffVersion> family = xliffFamilyOf(root);
    if (family == XliffVersion::V2)
        return inNfc(readXliff2(bytes, path));
    if (family == XliffVersion::V12)
        return inNfc(readXliff12(bytes, path, root.version));
    return error(root.line, root.column,
                 QStringLiteral("XLIFF version '%1' in namespace '%2' is not one the workbench reads (1.0-1.2, 2.0-2.2)")
                     .arg(root.version, root.namespaceUri));
}

} // namespace wb
