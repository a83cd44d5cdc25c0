#include "tm/tmx_format.h"
#include "common/xml_safety.h"
#include "glossary/termbase.h"
#include "model/placeholder_text.h"
#include "text/text_key.h"

#include <QBuffer>
#include <QHash>
#include <QTimeZone>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace wb {
namespace {

Diagnostic tmxError(const QString &path, const QXmlStreamReader &xml, const QString &message)
{
    return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()), message};
}

// TMX dates are yyyyMMddTHHmmssZ, in UTC. Read by hand: Qt's format parsing went through the
// local time zone (reading /etc/localtime twice a unit, a tenth of a big import) and took
// the digits for local time.
QDateTime tmxDate(QStringView text)
{
    if (text.size() != 16 || text[8] != u'T' || text[15] != u'Z')
        return {};
    auto number = [&](qsizetype from, qsizetype length) { return text.mid(from, length).toInt(); };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(number(9, 2), number(11, 2), number(13, 2));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

// The text of a <seg> in NFC, its inline codes as placeholders. The reader is on <seg>.
QString readSegment(QXmlStreamReader &xml)
{
    QString text;
    int nextStandalone = 100; // standalone codes numbered apart from paired ones
    QHash<QString, int> pairNumber;
    int depth = 0; // inside a code element, its content is native data, not text
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::Characters && depth == 0) {
            text += escapeUnitText(xml.text().toString());
        } else if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            const QString i = xml.attributes().value(QLatin1String("i")).toString();
            // TMX numbers paired codes with i (shared by source and target) and
            // standalone ones with x: keep those numbers, so a target's codes line up.
            bool numeric = false;
            const int number = i.toInt(&numeric);
            if (name == u"bpt") {
                const int n = numeric ? number : (pairNumber.contains(i) ? pairNumber.value(i) : int(pairNumber.size() + 1));
                pairNumber.insert(i, n);
                text += QStringLiteral("{%1}").arg(n);
            } else if (name == u"ept") {
                text += QStringLiteral("{/%1}").arg(numeric ? number : pairNumber.value(i, int(pairNumber.size() + 1)));
            } else if (name == u"ph" || name == u"it" || name == u"x" || name == u"ut") {
                bool hasX = false;
                const int x = xml.attributes().value(QLatin1String("x")).toInt(&hasX);
                text += QStringLiteral("{%1/}").arg(hasX ? x : nextStandalone++);
            }
            if (name != u"hi")
                ++depth;
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"seg")
                break;
            if (xml.name() != u"hi")
                --depth;
        }
    }
    return toNfc(text); // the placeholders' ASCII composes with nothing
}

} // namespace

Result<TmxSummary> readTmx(QIODevice &device, const QString &path, const QString &targetLanguage,
                          const std::function<Status(TmUnit &)> &unit, const std::function<void(qsizetype, qint64)> &progress)
{
    XmlInputGuard guard(device, path);
    QXmlStreamReader xml(&guard);
    TmxSummary summary;
    QString &sourceLanguage = summary.sourceLanguage;
    bool sawRoot = false;
    TmUnit current;
    QHash<QString, QString> segments; // language -> text of the current <tu>
    QString tuvLanguage;
    // The bad byte, when reading stopped at one, comes before whatever the reader made of it.
    auto failure = [&](const Diagnostic &diagnostic) { return guard.problem() ? *guard.problem() : diagnostic; };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD) {
            if (Status dtd = checkDtdEntities(xml, path); !dtd)
                return dtd.error();
        } else if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (!sawRoot) {
                if (name != u"tmx")
                    return failure(tmxError(path, xml, QStringLiteral("root element is <%1>, not <tmx>").arg(name)));
                sawRoot = true;
            } else if (name == u"header") {
                sourceLanguage = xml.attributes().value(QLatin1String("srclang")).toString();
                if (sourceLanguage.isEmpty())
                    return tmxError(path, xml, QStringLiteral("<header> has no srclang: the memory has no source language"));
            } else if (name == u"tu") {
                current = TmUnit{};
                segments.clear();
                const auto attrs = xml.attributes();
                current.author = attrs.value(QLatin1String("creationid")).toString();
                current.created = tmxDate(attrs.value(QLatin1String("creationdate")));
                current.changed = tmxDate(attrs.value(QLatin1String("changedate")));
            } else if (name == u"tuv") {
                tuvLanguage = xml.attributes().value(QLatin1String("xml:lang")).toString();
                if (tuvLanguage.isEmpty())
                    tuvLanguage = xml.attributes().value(QLatin1String("lang")).toString(); // TMX 1.1-1.3
            } else if (name == u"seg") {
                if (tuvLanguage.isEmpty())
                    return tmxError(path, xml, QStringLiteral("<tuv> without xml:lang"));
                segments.insert(tuvLanguage.toLower(), readSegment(xml));
            } else if (name == u"prop" && xml.attributes().value(QLatin1String("type")) == u"x-origin") {
                current.origin = xml.readElementText();
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"tu") {
            if (sourceLanguage.isEmpty())
                return tmxError(path, xml, QStringLiteral("no <header srclang>: the memory has no source language"));
            auto find = [&](const QString &language) {
                for (auto it = segments.cbegin(); it != segments.cend(); ++it)
                    if (sameLanguage(it.key(), language))
                        return it.value();
                return QString();
            };
            current.source = find(sourceLanguage);
            current.target = find(targetLanguage);
            current.sourceLanguage = sourceLanguage;
            current.targetLanguage = targetLanguage;
            // A unit is handed on only once its </tu> is read: a file that turns out
            // malformed further on has given only whole units.
            if (!current.source.isEmpty() && !current.target.isEmpty() && !guard.problem()) {
                if (Status taken = unit(current); !taken)
                    return taken.error();
                if (++summary.units % 1000 == 0 && progress)
                    progress(summary.units, guard.bytesRead());
            }
        }
    }
    if (xml.hasError())
        return failure(tmxError(path, xml, QStringLiteral("malformed XML: %1").arg(xml.errorString())));
    if (guard.problem())
        return *guard.problem();
    if (!sawRoot)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("empty file: no <tmx>")};
    if (progress)
        progress(summary.units, guard.bytesRead());
    return summary;
}

Result<QList<TmUnit>> readTmx(const QByteArray &bytes, const QString &path, const QString &targetLanguage,
                             const std::function<void(int)> &progress)
{
    QBuffer buffer;
    buffer.setData(bytes); // shared, not copied
    buffer.open(QIODevice::ReadOnly);
    QList<TmUnit> units;
    auto read = readTmx(
        buffer, path, targetLanguage, [&](TmUnit &u) { units.append(std::move(u)); return Status(); },
        [&](qsizetype n, qint64) {
            if (progress && n % 10000 == 0)
                progress(int(n));
        });
    if (!read)
        return read.error();
    return units;
}

QByteArray writeTmx(const QList<TmUnit> &units, const QString &sourceLanguage)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"));
    xml.writeStartElement(QStringLiteral("tmx"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.4"));
    xml.writeStartElement(QStringLiteral("header"));
    for (const auto &[name, value] : {std::pair{"creationtool", "PDQ Localization Workbench"}, {"creationtoolversion", "0.1"},
                                      {"segtype", "sentence"}, {"o-tmf", "workbench"}, {"adminlang", "en"}, {"datatype", "markdown"}})
        xml.writeAttribute(QLatin1String(name), QLatin1String(value));
    xml.writeAttribute(QStringLiteral("srclang"), sourceLanguage);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("body"));
    auto writeSegment = [&](const QString &text) {
        xml.writeStartElement(QStringLiteral("seg"));
        for (const TextPiece &p : parsePlaceholderText(text)) {
            switch (p.kind) {
            case TextPiece::Kind::Text: xml.writeCharacters(p.text); break;
            case TextPiece::Kind::Open:
                xml.writeStartElement(QStringLiteral("bpt"));
                xml.writeAttribute(QStringLiteral("i"), QString::number(p.number));
                xml.writeCharacters(QStringLiteral("{%1}").arg(p.number));
                xml.writeEndElement();
                break;
            case TextPiece::Kind::Close:
                xml.writeStartElement(QStringLiteral("ept"));
                xml.writeAttribute(QStringLiteral("i"), QString::number(p.number));
                xml.writeCharacters(QStringLiteral("{/%1}").arg(p.number));
                xml.writeEndElement();
                break;
            case TextPiece::Kind::Standalone:
                xml.writeStartElement(QStringLiteral("ph"));
                xml.writeAttribute(QStringLiteral("x"), QString::number(p.number));
                xml.writeCharacters(QStringLiteral("{%1/}").arg(p.number));
                xml.writeEndElement();
                break;
            }
        }
        xml.writeEndElement();
    };
    for (const TmUnit &u : units) {
        xml.writeStartElement(QStringLiteral("tu"));
        if (!u.author.isEmpty())
            xml.writeAttribute(QStringLiteral("creationid"), u.author);
        if (u.created.isValid())
            xml.writeAttribute(QStringLiteral("creationdate"), u.created.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
        if (!u.origin.isEmpty()) {
            xml.writeStartElement(QStringLiteral("prop"));
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("x-origin"));
            xml.writeCharacters(u.origin);
            xml.writeEndElement();
        }
        for (const auto &[type, value] : u.properties) {
            xml.writeStartElement(QStringLiteral("prop"));
            xml.writeAttribute(QStringLiteral("type"), type);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
        for (const auto &[language, text] : {std::pair{u.sourceLanguage, u.source}, {u.targetLanguage, u.target}}) {
            xml.writeStartElement(QStringLiteral("tuv"));
            xml.writeAttribute(QStringLiteral("xml:lang"), language);
            writeSegment(text);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return out;
}

} // namespace wb
