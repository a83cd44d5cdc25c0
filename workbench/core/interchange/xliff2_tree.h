#pragma once
// A small in-memory element tree for the XLIFF 2 validator. The validator's rules look
// across the whole document (an <ec> may close an <sc> three segments earlier, a comment
// annotation points at a <note> elsewhere in its unit), which a single streaming pass
// cannot do, so the document is read once with QXmlStreamReader into this tree.

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QAnyStringView>

#include <memory>
#include <vector>

namespace wb::xliff2 {

/// One attribute as QXmlStreamReader reported it (namespace declarations excluded).
struct XmlAttribute {
    QString namespaceUri;  ///< empty for unqualified attributes such as id="..."
    QString name;          ///< local name
    QString qualifiedName; ///< as written in the file, for messages
    QString value;
};

/// An element, its attributes, children and own text, and where its start tag ended
/// (QXmlStreamReader::lineNumber()/columnNumber() at the start tag).
struct XmlElement {
    QString namespaceUri;
    QString name;          ///< local name
    QString qualifiedName; ///< as written in the file, for messages
    QList<XmlAttribute> attributes;
    std::vector<std::unique_ptr<XmlElement>> children;
    const XmlElement *parent = nullptr;
    QString text; ///< the element's own character data, children's text excluded
    int line = 0;
    int column = 0;

    bool is(const QString &ns, QAnyStringView localName) const
    {
        return QAnyStringView::equal(name, localName) && namespaceUri == ns;
    }
    /// The unqualified attribute `localName` (the form every XLIFF core attribute takes).
    const XmlAttribute *findAttribute(QAnyStringView localName) const;
    const XmlAttribute *findAttribute(const QString &ns, QAnyStringView localName) const;
    bool hasAttribute(QAnyStringView localName) const { return findAttribute(localName) != nullptr; }
    /// The unqualified attribute's value, or `fallback` when it is absent.
    QString attribute(QAnyStringView localName, const QString &fallback = {}) const;

    const XmlElement *firstChild(const QString &ns, QAnyStringView localName) const;
    QList<const XmlElement *> childrenNamed(const QString &ns, QAnyStringView localName) const;
    /// True when the element has text other than white space.
    bool hasSignificantText() const;
    /// No child elements and no text other than white space.
    bool isEmpty() const { return children.empty() && !hasSignificantText(); }
};

struct XmlDocument {
    std::unique_ptr<XmlElement> root;
};

/// Reads `bytes` into a tree. Malformed XML, a DTD that declares entities, or an entity
/// reference the reader cannot resolve gives one diagnostic with the reader's position.
Result<XmlDocument> parseXmlDocument(const QByteArray &bytes, const QString &path);

} // namespace wb::xliff2
