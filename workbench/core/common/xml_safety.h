#pragma once
#include "common/result.h"
#include "common/utf8_check.h"
#include <QByteArray>
#include <QIODevice>

class QXmlStreamReader;

namespace wb {

/// Checks an XML document before any reader walks it:
///  - a document in UTF-8 (no UTF-16 byte order mark, no other encoding declared) must be
///    valid UTF-8, reported at the exact line and column of the first bad byte (the XML
///    reader's own message names the XML declaration instead);
///  - a DTD that declares external entities (SYSTEM or PUBLIC) is refused, so no file or
///    URL named by a stranger's file is ever read. Internal entities stay allowed; Qt
///    bounds their expansion, so a "billion laughs" file fails fast with the reader's message.
Status checkXmlInput(const QByteArray &xml, const QString &path);

/// The DTD half of checkXmlInput, for a reader that is on a DTD token.
Status checkDtdEntities(const QXmlStreamReader &xml, const QString &path);

/// checkXmlInput for a document read as it goes, never held whole: the device an XML reader
/// reads through. The bytes passing are checked as UTF-8 (unless the document declares
/// another encoding); at the first bad one reading stops with an error, and problem() says
/// where it is. The reader calls checkDtdEntities itself at the DTD token.
class XmlInputGuard : public QIODevice {
public:
    XmlInputGuard(QIODevice &source, const QString &path);
    /// The first bad byte, once reading has reached it (or the source's read error).
    const std::optional<Diagnostic> &problem() const { return m_problem; }
    /// Bytes handed to the reader so far.
    qint64 bytesRead() const { return m_bytesRead; }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QIODevice &m_source;
    QString m_path;
    std::optional<Utf8Check> m_utf8; ///< empty when the document is in another encoding
    std::optional<Diagnostic> m_problem;
    qint64 m_bytesRead = 0;
    bool m_ended = false;
};

} // namespace wb
