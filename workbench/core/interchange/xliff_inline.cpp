#include "interchange/xliff_inline.h"
#include "model/placeholder_text.h"

#include <QList>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace wb {
namespace {

// Whether every paired code closes in the order it opened, and only once.
bool nestsProperly(const QList<TextPiece> &pieces)
{
    QList<int> open;
    for (const TextPiece &piece : pieces) {
        if (piece.kind == TextPiece::Kind::Open) {
            open.append(piece.number);
        } else if (piece.kind == TextPiece::Kind::Close) {
            if (open.isEmpty() || open.last() != piece.number)
                return false;
            open.removeLast();
        }
    }
    return open.isEmpty();
}

void writeNested(QXmlStreamWriter &xml, const QList<TextPiece> &pieces, XliffVersion version)
{
    for (const TextPiece &piece : pieces) {
        switch (piece.kind) {
        case TextPiece::Kind::Text:
            xml.writeCharacters(piece.text);
            break;
        case TextPiece::Kind::Open:
            xml.writeStartElement(version == XliffVersion::V2 ? QStringLiteral("pc") : QStringLiteral("g"));
            xml.writeAttribute(QStringLiteral("id"), QString::number(piece.number));
            break;
        case TextPiece::Kind::Close:
            xml.writeEndElement();
            break;
        case TextPiece::Kind::Standalone:
            xml.writeEmptyElement(version == XliffVersion::V2 ? QStringLiteral("ph") : QStringLiteral("x"));
            xml.writeAttribute(QStringLiteral("id"), QString::number(piece.number));
            break;
        }
    }
}

// Codes as separate start and end markers; a marker whose partner is missing is isolated.
void writeFlat(QXmlStreamWriter &xml, const QList<TextPiece> &pieces, XliffVersion version)
{
    QHash<int, int> opens, closes;
    for (const TextPiece &piece : pieces) {
        if (piece.kind == TextPiece::Kind::Open)
            ++opens[piece.number];
        else if (piece.kind == TextPiece::Kind::Close)
            ++closes[piece.number];
    }
    const bool v2 = version == XliffVersion::V2;
    for (const TextPiece &piece : pieces) {
        const QString id = QString::number(piece.number);
        if (piece.kind == TextPiece::Kind::Text) {
            xml.writeCharacters(piece.text);
        } else if (piece.kind == TextPiece::Kind::Standalone) {
            xml.writeEmptyElement(v2 ? QStringLiteral("ph") : QStringLiteral("x"));
            xml.writeAttribute(QStringLiteral("id"), id);
        } else if (piece.kind == TextPiece::Kind::Open) {
            xml.writeEmptyElement(v2 ? QStringLiteral("sc") : QStringLiteral("bx"));
            xml.writeAttribute(QStringLiteral("id"), id);
            if (v2 && closes.value(piece.number) == 0)
                xml.writeAttribute(QStringLiteral("isolated"), QStringLiteral("yes"));
            if (!v2)
                xml.writeAttribute(QStringLiteral("rid"), id);
        } else {
            const bool isolated = opens.value(piece.number) == 0;
            xml.writeEmptyElement(v2 ? QStringLiteral("ec") : QStringLiteral("ex"));
            if (v2 && isolated) {
                xml.writeAttribute(QStringLiteral("id"), id);
                xml.writeAttribute(QStringLiteral("isolated"), QStringLiteral("yes"));
            } else if (v2) {
                xml.writeAttribute(QStringLiteral("startRef"), id);
            } else {
                xml.writeAttribute(QStringLiteral("id"), id + QStringLiteral("-end"));
                xml.writeAttribute(QStringLiteral("rid"), id);
            }
        }
    }
}

// Elements whose content is the original markup (1.2 native codes), not translatable text.
bool holdsNativeCode(QStringView name)
{
    return name == u"bpt" || name == u"ept" || name == u"it" || name == u"ph" || name == u"sub";
}

} // namespace

void writeInlineText(QXmlStreamWriter &xml, const QString &unitText, XliffVersion version)
{
    const QList<TextPiece> pieces = parsePlaceholderText(unitText);
    if (nestsProperly(pieces))
        writeNested(xml, pieces, version);
    else
        writeFlat(xml, pieces, version);
}

int InlineNumbering::numberOf(const QString &id)
{
    bool numeric = false;
    const int value = id.toInt(&numeric);
    if (numeric && value > 0 && value < 1000)
        return value;
    auto it = m_assigned.find(id);
    if (it == m_assigned.end())
        it = m_assigned.insert(id, m_next++);
    return it.value();
}

InlineContent readInlineContent(QXmlStreamReader &xml, InlineNumbering &numbering)
{
    InlineContent content;
    const QString container = xml.name().toString();
    QList<int> openPaired;   // numbers of the <pc>/<g> elements we are inside
    QList<bool> pairedStack; // per open element: whether it is a paired code
    int nativeDepth = 0;     // inside 1.2 native code: skip its text
    auto code = [&](const QString &placeholder) {
        content.text += placeholder;
        content.raw += placeholder;
        content.hasCodes = true;
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::Characters && nativeDepth == 0) {
            content.text += escapeUnitText(xml.text().toString());
            content.raw += xml.text();
        } else if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            const auto attributes = xml.attributes();
            const QString id = attributes.value(QLatin1String("id")).toString();
            bool paired = false;
            if (nativeDepth > 0) {
                // the original markup of a 1.2 code: not text, not a code of its own
            } else if (name == u"pc" || name == u"g") {
                const int n = numbering.numberOf(id);
                code(QStringLiteral("{%1}").arg(n));
                openPaired.append(n);
                paired = true;
            } else if (name == u"ph" || name == u"x" || name == u"it") {
                code(QStringLiteral("{%1/}").arg(numbering.numberOf(id)));
            } else if (name == u"sc" || name == u"bx" || name == u"bpt") {
                code(QStringLiteral("{%1}").arg(numbering.numberOf(
                    attributes.hasAttribute(QLatin1String("rid")) ? attributes.value(QLatin1String("rid")).toString() : id)));
            } else if (name == u"ec" || name == u"ex" || name == u"ept") {
                const QString ref = attributes.hasAttribute(QLatin1String("startRef")) ? attributes.value(QLatin1String("startRef")).toString()
                                    : attributes.hasAttribute(QLatin1String("rid"))    ? attributes.value(QLatin1String("rid")).toString()
                                                                                       : id;
                code(QStringLiteral("{/%1}").arg(numbering.numberOf(ref)));
            } else if (name == u"cp") {
                const uint codePoint = attributes.value(QLatin1String("hex")).toUInt(nullptr, 16);
                const QString character = QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoint), 1);
                content.text += escapeUnitText(character);
                content.raw += character;
            }
            if (holdsNativeCode(name) || nativeDepth > 0)
                ++nativeDepth;
            pairedStack.append(paired);
        } else if (token == QXmlStreamReader::EndElement) {
            if (pairedStack.isEmpty() && xml.name() == container)
                break;
            if (nativeDepth > 0)
                --nativeDepth;
            if (!pairedStack.isEmpty() && pairedStack.takeLast())
                code(QStringLiteral("{/%1}").arg(openPaired.takeLast()));
        }
    }
    return content;
}

} // namespace wb
