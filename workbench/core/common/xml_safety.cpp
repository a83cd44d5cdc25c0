#include "common/xml_safety.h"
#include "common/text_file.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace wb {

namespace {

// Whether the document is UTF-8 by the rules of XML: no UTF-16 byte order mark and no
// other encoding in its declaration.
bool declaresUtf8(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return false;
    static const QRegularExpression declaration(QStringLiteral(R"(^(?:\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["'])"));
    const QRegularExpressionMatch m = declaration.match(QString::fromLatin1(bytes.left(200)));
    return !m.hasMatch() || m.captured(1).compare(QLatin1String("utf-8"), Qt::CaseInsensitive) == 0;
}

} // namespace

Status checkXmlInput(const QByteArray &bytes, const QString &path)
{
    if (declaresUtf8(bytes))
        if (Status utf8 = checkUtf8(bytes, path); !utf8)
            return utf8;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement)
            return {}; // past the prolog: no DTD can follow
        if (token != QXmlStreamReader::DTD)
            continue;
        for (const QXmlStreamEntityDeclaration &entity : xml.entityDeclarations())
            if (!entity.systemId().isEmpty() || !entity.publicId().isEmpty())
                return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()),
                                  QStringLiteral("the DTD declares the external entity '%1' (%2); external entities are never "
                                                 "read, remove the declaration")
                                      .arg(entity.name(), entity.systemId().isEmpty() ? entity.publicId() : entity.systemId())};
    }
    return {}; // malformed XML: the reader itself says where
}

} // namespace wb
