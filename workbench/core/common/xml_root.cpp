#include "common/xml_root.h"

#include <QXmlStreamReader>

namespace wb {

XmlRoot sniffXmlRoot(const QByteArray &bytes)
{
    XmlRoot root;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD && !xml.entityDeclarations().isEmpty() && root.entityDtdLine == 0) {
            root.entityDtdLine = int(xml.lineNumber());
            root.entityDtdColumn = int(xml.columnNumber());
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        root.name = xml.name().toString();
        root.namespaceUri = xml.namespaceUri().toString();
        root.version = xml.attributes().value(QLatin1String("version")).toString();
        root.line = int(xml.lineNumber());
        root.column = int(xml.columnNumber());
        return root;
    }
    root.line = int(xml.lineNumber());
    root.column = int(xml.columnNumber());
    root.error = xml.hasError() ? xml.errorString() : QString();
    return root;
}

} // namespace wb
