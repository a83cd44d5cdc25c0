#include "interchange/xliff2_tree.h"

#include <QXmlStreamReader>

namespace wb::xliff2 {

const XmlAttribute *XmlElement::findAttribute(QAnyStringView localName) const
{
    for (const XmlAttribute &a : attributes) {
        if (a.namespaceUri.isEmpty() && QAnyStringView::equal(a.name, localName))
            return &a;
    }
    return nullptr;
}

const XmlAttribute *XmlElement::findAttribute(const QString &ns, QAnyStringView localName) const
{
    for (const XmlAttribute &a : attributes) {
        if (a.namespaceUri == ns && QAnyStringView::equal(a.name, localName))
            return &a;
    }
    return nullptr;
}

QString XmlElement::attribute(QAnyStringView localName, const QString &fallback) const
{
    const XmlAttribute *a = findAttribute(localName);
    return a ? a->value : fallback;
}

const XmlElement *XmlElement::firstChild(const QString &ns, QAnyStringView localName) const
{
    for (const auto &child : children) {
        if (child->is(ns, localName))
            return child.get();
    }
    return nullptr;
}

QList<const XmlElement *> XmlElement::childrenNamed(const QString &ns, QAnyStringView localName) const
{
    QList<const XmlElement *> found;
    for (const auto &child : children) {
        if (child->is(ns, localName))
            found.append(child.get());
    }
    return found;
}

bool XmlElement::hasSignificantText() const
{
    for (const QChar c : text) {
        if (!c.isSpace())
            return true;
    }
    return false;
}

namespace {

// Far deeper than any XLIFF document nests (file, groups, unit, segment, source, a few
// inline levels); the limit keeps a hostile file from exhausting the stack of the
// recursive rules that walk the tree.
constexpr size_t kMaxDepth = 512;

Diagnostic readerError(const QString &path, const QXmlStreamReader &xml, const QString &message)
{
    return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()), message};
}

std::unique_ptr<XmlElement> elementAtReader(const QXmlStreamReader &xml, const XmlElement *parent)
{
    auto element = std::make_unique<XmlElement>();
    element->namespaceUri = xml.namespaceUri().toString();
    element->name = xml.name().toString();
    element->qualifiedName = xml.qualifiedName().toString();
    element->parent = parent;
    element->line = int(xml.lineNumber());
    element->column = int(xml.columnNumber());
    for (const QXmlStreamAttribute &a : xml.attributes()) {
        element->attributes.append({a.namespaceUri().toString(), a.name().toString(),
                                    a.qualifiedName().toString(), a.value().toString()});
    }
    return element;
}

} // namespace

Result<XmlDocument> parseXmlDocument(const QByteArray &bytes, const QString &path)
{
    QXmlStreamReader xml(bytes);
    XmlDocument document;
    std::vector<XmlElement *> open; // the elements whose end tag is still to come

    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::DTD:
            // XLIFF 2 has no DTD; one that declares entities could make the reader expand
            // text the file does not show (or, for external entities, fetch it), so refuse.
            if (!xml.entityDeclarations().isEmpty())
                return readerError(path, xml, QStringLiteral("the document's DTD declares entities; "
                                                             "XLIFF 2 documents have none and the validator never expands them"));
            break;
        case QXmlStreamReader::EntityReference:
            return readerError(path, xml, QStringLiteral("undeclared entity reference '&%1;'").arg(xml.name()));
        case QXmlStreamReader::StartElement: {
            if (open.size() == kMaxDepth)
                return readerError(path, xml, QStringLiteral("elements are nested more than %1 levels deep").arg(kMaxDepth));
            auto element = elementAtReader(xml, open.empty() ? nullptr : open.back());
            XmlElement *raw = element.get();
            if (open.empty())
                document.root = std::move(element);
            else
                open.back()->children.push_back(std::move(element));
            open.push_back(raw);
            break;
        }
        case QXmlStreamReader::EndElement:
            open.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (!open.empty())
                open.back()->text += xml.text();
            break;
        default: // comments, processing instructions, the XML declaration
            break;
        }
    }
    if (xml.hasError())
        return readerError(path, xml, xml.errorString());
    if (!document.root)
        return readerError(path, xml, QStringLiteral("the document has no root element"));
    return document;
}

} // namespace wb::xliff2
