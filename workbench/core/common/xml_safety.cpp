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
        if (token == QXmlStreamReader::DTD)
            if (Status dtd = checkDtdEntities(xml, path); !dtd)
                return dtd;
    }
    return {}; // malformed XML: the reader itself says where
}

Status checkDtdEntities(const QXmlStreamReader &xml, const QString &path)
{
    for (const QXmlStreamEntityDeclaration &entity : xml.entityDeclarations())
        if (!entity.systemId().isEmpty() || !entity.publicId().isEmpty())
            return Diagnostic{ErrorKind::InvalidInput, path, int(xml.lineNumber()), int(xml.columnNumber()),
                              QStringLiteral("the DTD declares the external entity '%1' (%2); external entities are never "
                                             "read, remove the declaration")
                                  .arg(entity.name(), entity.systemId().isEmpty() ? entity.publicId() : entity.systemId())};
    return {};
}

XmlInputGuard::XmlInputGuard(QIODevice &source, const QString &path) : m_source(source), m_path(path)
{
    // The declaration is in the first 200 bytes; peek leaves them for the reader.
    if (declaresUtf8(source.peek(200)))
        m_utf8.emplace(path);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered); // the reader buffers; no second copy here
}

qint64 XmlInputGuard::readData(char *data, qint64 maxSize)
{
    if (m_problem)
        return -1; // nothing past a bad byte reaches the reader
    const qint64 n = m_source.read(data, maxSize);
    if (n < 0) { // a disk error is not a malformed file
        m_problem = Diagnostic{ErrorKind::MissingInput, m_path, 0, 0, QStringLiteral("cannot read: %1").arg(m_source.errorString())};
        return -1;
    }
    if (m_utf8) {
        Status checked = n > 0 ? m_utf8->feed(data, n) : (m_ended ? Status() : m_utf8->finish());
        m_ended = n == 0;
        if (!checked) {
            m_problem = checked.error();
            setErrorString(m_problem->message);
            return -1;
        }
    }
    m_bytesRead += n;
    return n;
}

} // namespace wb
