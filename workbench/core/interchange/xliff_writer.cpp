// XLIFF 2.1 and 1.2 writers (QXmlStreamWriter). Both validate against the OASIS schemas
// in ../shared/reference-data/schemas (tests/golden/test_cli_interchange.cpp runs xmllint).
#include "interchange/xliff_format.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>

namespace wb {
namespace {

const QString kXliff2Namespace = QStringLiteral("urn:oasis:names:tc:xliff:document:2.0");
const QString kXliff12Namespace = QStringLiteral("urn:oasis:names:tc:xliff:document:1.2");
const QString kXmlNamespace = QStringLiteral("http://www.w3.org/XML/1998/namespace");

// XLIFF 2 ids are NMTOKENs; other ids travel in the unit's name instead.
bool isNmtoken(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[\\w.:-]+$"), QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(id).hasMatch();
}

// "file:line" of a location note, split for XLIFF 1.2's context group.
std::pair<QString, QString> splitLocation(const QString &location)
{
    const qsizetype colon = location.lastIndexOf(QLatin1Char(':'));
    bool numeric = false;
    if (colon > 0)
        location.mid(colon + 1).toInt(&numeric);
    return numeric ? std::pair{location.left(colon), location.mid(colon + 1)} : std::pair{location, QString()};
}

// Indentation must never reach inside <source>/<target>: there, whitespace is text.
void writeContent(QXmlStreamWriter &xml, const QString &unitText, XliffVersion version)
{
    xml.setAutoFormatting(false);
    writeInlineText(xml, unitText, version);
    xml.writeEndElement();
    xml.setAutoFormatting(true);
}

void writeUnit2(QXmlStreamWriter &xml, const XliffUnit &unit, int index)
{
    xml.writeStartElement(QStringLiteral("unit"));
    if (isNmtoken(unit.id)) {
        xml.writeAttribute(QStringLiteral("id"), unit.id);
    } else {
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("u%1").arg(index));
        if (!unit.id.isEmpty())
            xml.writeAttribute(QStringLiteral("name"), unit.id);
    }
    if (!unit.notes.isEmpty()) {
        xml.writeStartElement(QStringLiteral("notes"));
        for (const XliffNote &note : unit.notes) {
            xml.writeStartElement(QStringLiteral("note"));
            xml.writeAttribute(QStringLiteral("category"), note.category);
            xml.writeCharacters(note.text);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    const XliffStateSpelling spelling = spellState(unit.state, XliffVersion::V2);
    xml.writeStartElement(QStringLiteral("segment"));
    xml.writeAttribute(QStringLiteral("state"), spelling.state);
    if (!spelling.subState.isEmpty())
        xml.writeAttribute(QStringLiteral("subState"), spelling.subState);
    xml.writeStartElement(QStringLiteral("source"));
    writeContent(xml, unit.source, XliffVersion::V2);
    if (unit.hasTarget) {
        xml.writeStartElement(QStringLiteral("target"));
        writeContent(xml, unit.target, XliffVersion::V2);
    }
    xml.writeEndElement(); // segment
    xml.writeEndElement(); // unit
}

void writeXliff2(QXmlStreamWriter &xml, const XliffDocument &document)
{
    xml.writeDefaultNamespace(kXliff2Namespace);
    xml.writeStartElement(kXliff2Namespace, QStringLiteral("xliff"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.1"));
    xml.writeAttribute(QStringLiteral("srcLang"), document.sourceLanguage);
    // trgLang is optional but, when present, must be a language tag: a document read
    // without one (a source-only file) must not be written with trgLang="" (fuzz_xliff).
    if (!document.targetLanguage.isEmpty())
        xml.writeAttribute(QStringLiteral("trgLang"), document.targetLanguage);
    for (const XliffFile &file : document.files) {
        xml.writeStartElement(QStringLiteral("file"));
        xml.writeAttribute(QStringLiteral("id"), file.id);
        xml.writeAttribute(QStringLiteral("original"), file.original);
        // Unit text is exact: a trailing space or a line break is part of the translation.
        xml.writeAttribute(kXmlNamespace, QStringLiteral("space"), QStringLiteral("preserve"));
        for (qsizetype i = 0; i < file.units.size(); ++i)
            writeUnit2(xml, file.units[i], int(i + 1));
        // A <file> must hold at least one <unit> or <group> (XLIFF 2.0 §4.2.2.2): a file
        // with nothing to translate gets an empty group, so the output stays valid
        // (found by fuzz_xliff: an OASIS sample whose only group is empty).
        if (file.units.isEmpty()) {
            xml.writeEmptyElement(QStringLiteral("group"));
            xml.writeAttribute(QStringLiteral("id"), QStringLiteral("empty"));
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeUnit12(QXmlStreamWriter &xml, const XliffUnit &unit, int index)
{
    const XliffStateSpelling spelling = spellState(unit.state, XliffVersion::V12);
    xml.writeStartElement(QStringLiteral("trans-unit"));
    xml.writeAttribute(QStringLiteral("id"), unit.id.isEmpty() ? QStringLiteral("u%1").arg(index) : unit.id);
    xml.writeAttribute(QStringLiteral("approved"), spelling.approved ? QStringLiteral("yes") : QStringLiteral("no"));
    xml.writeAttribute(kXmlNamespace, QStringLiteral("space"), QStringLiteral("preserve"));
    xml.writeStartElement(QStringLiteral("source"));
    writeContent(xml, unit.source, XliffVersion::V12);
    if (unit.hasTarget) {
        xml.writeStartElement(QStringLiteral("target"));
        xml.writeAttribute(QStringLiteral("state"), spelling.state);
        writeContent(xml, unit.target, XliffVersion::V12);
    }
    for (const XliffNote &note : unit.notes) {
        if (note.category == QLatin1String("location")) {
            // Where gettext-based tools look for "#:" references.
            const auto [file, line] = splitLocation(note.text);
            xml.writeStartElement(QStringLiteral("context-group"));
            xml.writeAttribute(QStringLiteral("purpose"), QStringLiteral("location"));
            xml.writeStartElement(QStringLiteral("context"));
            xml.writeAttribute(QStringLiteral("context-type"), QStringLiteral("sourcefile"));
            xml.writeCharacters(file);
            xml.writeEndElement();
            if (!line.isEmpty()) {
                xml.writeStartElement(QStringLiteral("context"));
                xml.writeAttribute(QStringLiteral("context-type"), QStringLiteral("linenumber"));
                xml.writeCharacters(line);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            continue;
        }
        xml.writeStartElement(QStringLiteral("note"));
        // 1.2 notes have no category; "from" is free text, and translate-toolkit reads
        // from="developer" as a PO extracted comment.
        xml.writeAttribute(QStringLiteral("from"),
                           note.category == QLatin1String("description") ? QStringLiteral("developer") : note.category);
        xml.writeCharacters(note.text);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeXliff12(QXmlStreamWriter &xml, const XliffDocument &document)
{
    xml.writeDefaultNamespace(kXliff12Namespace);
    xml.writeStartElement(kXliff12Namespace, QStringLiteral("xliff"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
    for (const XliffFile &file : document.files) {
        xml.writeStartElement(QStringLiteral("file"));
        xml.writeAttribute(QStringLiteral("original"), file.original);
        xml.writeAttribute(QStringLiteral("source-language"), document.sourceLanguage);
        if (!document.targetLanguage.isEmpty()) // optional; "" is no language (fuzz_xliff)
            xml.writeAttribute(QStringLiteral("target-language"), document.targetLanguage);
        xml.writeAttribute(QStringLiteral("datatype"), QStringLiteral("x-markdown"));
        xml.writeStartElement(QStringLiteral("body"));
        for (qsizetype i = 0; i < file.units.size(); ++i)
            writeUnit12(xml, file.units[i], int(i + 1));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

} // namespace

QByteArray writeXliff(const XliffDocument &document, XliffVersion version)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    if (version == XliffVersion::V2)
        writeXliff2(xml, document);
    else
        writeXliff12(xml, document);
    xml.writeEndDocument();
    bytes.append('\n');
    return bytes;
}

} // namespace wb
