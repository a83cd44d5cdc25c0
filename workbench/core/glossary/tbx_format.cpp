#include "glossary/tbx_format.h"
#include "common/xml_safety.h"
#include "common/text_file.h"
#include "text/text_key.h"

#include <QHash>
#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace wb {
namespace {

const QString kTbxNamespace = QStringLiteral("urn:iso:std:iso:30042:ed-2");

Diagnostic tbxError(const QString &path, const QXmlStreamReader &xml, const QString &message)
{
    return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()), message};
}

// Where in the entry structure the reader is.
enum class Level { None, Concept, Language, TermSection };

class TbxReader {
public:
    TbxReader(const QByteArray &bytes, const QString &path) : m_xml(bytes), m_path(path) {}

    Result<Termbase> read()
    {
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (auto error = start(); error)
                    return *error;
            } else if (token == QXmlStreamReader::EndElement) {
                end();
            }
        }
        if (m_xml.hasError())
            return tbxError(m_path, m_xml, QStringLiteral("malformed XML: %1").arg(m_xml.errorString()));
        if (!m_sawRoot)
            return Diagnostic{ErrorKind::InvalidInput, m_path, 0, 0, QStringLiteral("empty file: no TBX root element")};
        applyDoNotTranslate();
        return m_termbase;
    }

private:
    std::optional<Diagnostic> start()
    {
        const QStringView name = m_xml.name();
        if (!m_sawRoot) {
            m_sawRoot = true;
            if (name != u"tbx" && name != u"martif")
                return tbxError(m_path, m_xml, QStringLiteral("root element is <%1>, not <tbx> (TBX v3) or <martif> (TBX 2008)")
                                                   .arg(m_xml.qualifiedName()));
            if (!m_xml.namespaceUri().isEmpty() && m_xml.namespaceUri() != kTbxNamespace)
                return tbxError(m_path, m_xml, QStringLiteral("unknown TBX namespace \"%1\"").arg(m_xml.namespaceUri()));
            m_rootLanguage = m_xml.attributes().value(QLatin1String("xml:lang")).toString();
            return std::nullopt;
        }
        const bool core = m_xml.namespaceUri().isEmpty() || m_xml.namespaceUri() == kTbxNamespace;
        if (core && (name == u"conceptEntry" || name == u"termEntry")) {
            m_termbase.concepts.append(Concept{});
            m_concept = &m_termbase.concepts.last();
            m_concept->id = m_xml.attributes().value(QLatin1String("id")).toString();
            if (m_concept->id.isEmpty())
                m_concept->id = QStringLiteral("c%1").arg(m_termbase.concepts.size());
            // Two concepts under one id would merge two meanings into one glossary entry.
            if (const int first = m_conceptLines.value(m_concept->id); first > 0)
                return tbxError(m_path, m_xml, QStringLiteral("concept id '%1' is used twice (first at line %2)").arg(m_concept->id).arg(first));
            m_conceptLines.insert(m_concept->id, int(m_xml.lineNumber()));
            m_level = Level::Concept;
        } else if (core && (name == u"langSec" || name == u"langSet")) {
            m_language = m_xml.attributes().value(QLatin1String("xml:lang")).toString();
            if (m_language.isEmpty())
                return tbxError(m_path, m_xml, QStringLiteral("<%1> without xml:lang").arg(name));
            m_level = Level::Language;
        } else if (core && (name == u"termSec" || name == u"tig" || name == u"ntig")) {
            if (m_level != Level::Language || !m_concept)
                return tbxError(m_path, m_xml, QStringLiteral("<%1> outside a language section: the term has no language").arg(name));
            m_term = Term{};
            m_term.language = m_language;
            m_level = Level::TermSection;
        } else if (core && name == u"term") {
            if (m_level != Level::TermSection)
                return tbxError(m_path, m_xml, QStringLiteral("<term> outside a term section: the term has no language"));
            m_term.text = elementText();
            m_termLine = int(m_xml.lineNumber());
            if (m_term.text.isEmpty() && !m_xml.hasError())
                return tbxError(m_path, m_xml, QStringLiteral("empty <term>: a term section must name its term"));
        } else if (core && (name == u"termNote" || name == u"descrip" || name == u"admin")) {
            const QString type = m_xml.attributes().value(QLatin1String("type")).toString();
            dataCategory(type, elementText());
        } else if (core && name == u"note") {
            const QString text = elementText();
            if (m_level == Level::TermSection)
                m_term.note = m_term.note.isEmpty() ? text : m_term.note + QLatin1Char(' ') + text;
        } else if (!core && m_concept) {
            // DCT style: the data category is the element itself (<min:administrativeStatus>).
            dataCategory(name.toString(), elementText());
        }
        return std::nullopt;
    }

    // Terms, notes and definitions: the element's text, white space collapsed, in NFC (a
    // term a macOS tool wrote decomposed must still match the text it is found in).
    QString elementText() { return toNfc(m_xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified()); }

    void dataCategory(const QString &type, const QString &value)
    {
        if (!m_concept)
            return;
        if (m_level == Level::TermSection) {
            if (type == QLatin1String("administrativeStatus")) {
                if (auto status = termStatusFromName(value))
                    m_term.status = *status;
            } else if (type == QLatin1String("partOfSpeech")) {
                m_term.partOfSpeech = value;
            } else if (type == QLatin1String("grammaticalGender")) {
                m_term.gender = value;
            } else if (type == QLatin1String("termType")) {
                m_term.termType = value;
            } else if (type == QLatin1String("source")) {
                m_term.source = value;
            }
            return;
        }
        const QString language = m_level == Level::Language ? m_language : m_rootLanguage;
        if (type == QLatin1String("definition")) {
            m_concept->definitions.insert(language, value);
            m_lastDefinitionLanguage = language;
        } else if (type == QLatin1String("source") && !m_lastDefinitionLanguage.isEmpty()) {
            m_concept->definitionSources.insert(m_lastDefinitionLanguage, value);
        } else if (type == QLatin1String("subjectField")) {
            m_concept->subjectField = value;
        } else if (type == QLatin1String("projectSubset")) {
            if (!value.isEmpty() && !m_concept->subsets.contains(value))
                m_concept->subsets.append(value);
        } else if (type.compare(QLatin1String("Translation needed"), Qt::CaseInsensitive) == 0
                   && value.compare(QLatin1String("no"), Qt::CaseInsensitive) == 0) {
            m_doNotTranslate.insert(m_concept->id);
        }
    }

    void end()
    {
        const QStringView name = m_xml.name();
        if (name == u"termSec" || name == u"tig" || name == u"ntig") {
            if (m_concept && !m_term.text.isEmpty())
                m_concept->terms.append(m_term);
            m_level = Level::Language;
        } else if (name == u"langSec" || name == u"langSet") {
            m_level = Level::Concept;
            m_lastDefinitionLanguage.clear();
        } else if (name == u"conceptEntry" || name == u"termEntry") {
            m_concept = nullptr;
            m_level = Level::None;
        } else if (name == u"descripGrp") {
            m_lastDefinitionLanguage.clear();
        }
    }

    // A concept marked "do not translate" keeps its source term in every language.
    void applyDoNotTranslate()
    {
        for (Concept &c : m_termbase.concepts) {
            if (!m_doNotTranslate.contains(c.id))
                continue;
            const Term *source = c.preferred(m_rootLanguage.isEmpty() ? QStringLiteral("en") : m_rootLanguage);
            if (!source)
                continue;
            const Term kept = *source;
            QSet<QString> languages;
            for (const Term &t : std::as_const(c.terms))
                languages.insert(t.language);
            for (const QString &language : std::as_const(languages)) {
                if (sameLanguage(language, kept.language))
                    continue;
                auto &terms = c.terms;
                const bool has = std::any_of(terms.cbegin(), terms.cend(), [&](const Term &t) {
                    return sameLanguage(t.language, language) && t.text == kept.text && t.isAcceptable();
                });
                if (!has) {
                    Term copy = kept;
                    copy.language = language;
                    copy.note = QStringLiteral("Do not translate.");
                    terms.append(copy);
                }
            }
        }
    }

    QXmlStreamReader m_xml;
    QString m_path;
    Termbase m_termbase;
    bool m_sawRoot = false;
    QString m_rootLanguage;
    Concept *m_concept = nullptr;
    QString m_language;
    QString m_lastDefinitionLanguage;
    Term m_term;
    int m_termLine = 0;
    Level m_level = Level::None;
    QSet<QString> m_doNotTranslate;
    QHash<QString, int> m_conceptLines; ///< concept id -> line where it first appeared
};

void writeTerm(QXmlStreamWriter &xml, const Term &term)
{
    xml.writeStartElement(QStringLiteral("termSec"));
    xml.writeTextElement(QStringLiteral("term"), term.text);
    auto note = [&](const QString &type, const QString &value) {
        if (value.isEmpty())
            return;
        xml.writeStartElement(QStringLiteral("termNote"));
        xml.writeAttribute(QStringLiteral("type"), type);
        xml.writeCharacters(value);
        xml.writeEndElement();
    };
    note(QStringLiteral("partOfSpeech"), term.partOfSpeech);
    note(QStringLiteral("grammaticalGender"), term.gender);
    note(QStringLiteral("termType"), term.termType);
    note(QStringLiteral("administrativeStatus"), termStatusName(term.status) + QStringLiteral("Term-admn-sts"));
    if (!term.source.isEmpty()) {
        xml.writeStartElement(QStringLiteral("admin"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("source"));
        xml.writeCharacters(term.source);
        xml.writeEndElement();
    }
    if (!term.note.isEmpty())
        xml.writeTextElement(QStringLiteral("note"), term.note);
    xml.writeEndElement();
}

} // namespace

Result<Termbase> readTbx(const QByteArray &xml, const QString &path)
{
    if (Status safe = checkXmlInput(xml, path); !safe)
        return safe.error();
    return TbxReader(xml, path).read();
}

Result<Termbase> loadTbx(const QString &path)
{
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes.error();
    return readTbx(*bytes, path);
}

QByteArray writeTbx(const Termbase &termbase, const QString &sourceLanguage)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("tbx"));
    xml.writeDefaultNamespace(kTbxNamespace);
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("TBX-Basic"));
    xml.writeAttribute(QStringLiteral("style"), QStringLiteral("dca"));
    xml.writeAttribute(QStringLiteral("xml:lang"), sourceLanguage);
    xml.writeStartElement(QStringLiteral("tbxHeader"));
    xml.writeStartElement(QStringLiteral("fileDesc"));
    if (!termbase.title.isEmpty()) {
        xml.writeStartElement(QStringLiteral("titleStmt"));
        xml.writeTextElement(QStringLiteral("title"), termbase.title);
        xml.writeEndElement();
    }
    xml.writeStartElement(QStringLiteral("sourceDesc"));
    xml.writeTextElement(QStringLiteral("p"), termbase.sourceDescription.isEmpty()
                                                  ? QStringLiteral("Written by the PDQ Localization Workbench.")
                                                  : termbase.sourceDescription);
    xml.writeEndElement(); // sourceDesc
    xml.writeEndElement(); // fileDesc
    xml.writeEndElement(); // tbxHeader
    xml.writeStartElement(QStringLiteral("text"));
    xml.writeStartElement(QStringLiteral("body"));
    for (const Concept &c : termbase.concepts) {
        xml.writeStartElement(QStringLiteral("conceptEntry"));
        xml.writeAttribute(QStringLiteral("id"), c.id);
        if (!c.subjectField.isEmpty()) {
            xml.writeStartElement(QStringLiteral("descrip"));
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("subjectField"));
            xml.writeCharacters(c.subjectField);
            xml.writeEndElement();
        }
        for (const QString &subset : c.subsets) {
            xml.writeStartElement(QStringLiteral("admin"));
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("projectSubset"));
            xml.writeCharacters(subset);
            xml.writeEndElement();
        }
        QStringList languages;
        for (const Term &t : c.terms)
            if (!languages.contains(t.language))
                languages.append(t.language);
        for (auto it = c.definitions.cbegin(); it != c.definitions.cend(); ++it)
            if (!languages.contains(it.key()))
                languages.append(it.key());
        for (const QString &language : languages) {
            // A concept-level definition in a file that never names its language (no
            // xml:lang on the root) has none: a langSec with xml:lang="" would make the
            // written file unreadable, so it is left out (found by fuzz_tbx).
            if (language.isEmpty())
                continue;
            xml.writeStartElement(QStringLiteral("langSec"));
            xml.writeAttribute(QStringLiteral("xml:lang"), language);
            if (c.definitions.contains(language)) {
                xml.writeStartElement(QStringLiteral("descripGrp"));
                xml.writeStartElement(QStringLiteral("descrip"));
                xml.writeAttribute(QStringLiteral("type"), QStringLiteral("definition"));
                xml.writeCharacters(c.definitions.value(language));
                xml.writeEndElement();
                if (c.definitionSources.contains(language)) {
                    xml.writeStartElement(QStringLiteral("admin"));
                    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("source"));
                    xml.writeCharacters(c.definitionSources.value(language));
                    xml.writeEndElement();
                }
                xml.writeEndElement(); // descripGrp
            }
            for (const Term &t : c.terms)
                if (t.language == language)
                    writeTerm(xml, t);
            xml.writeEndElement(); // langSec
        }
        xml.writeEndElement(); // conceptEntry
    }
    xml.writeEndDocument();
    return out;
}

} // namespace wb
