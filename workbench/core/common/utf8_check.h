#pragma once
#include "common/result.h"
#include <QByteArray>
#include <QString>
#include <optional>

namespace wb {

/// Checks UTF-8 as it arrives in pieces, for files too big to hold: a sequence cut by a
/// piece's end is carried to the next, and lines are counted, so the first bad byte is
/// reported at the same line and column as checkUtf8 on the whole file would report it.
/// A NUL byte is refused, and UTF-16 is named as such when the file starts like it.
class Utf8Check {
public:
    explicit Utf8Check(QString path) : m_path(std::move(path)) {}
    /// The next bytes. After a failure, every later call fails the same way.
    Status feed(const char *data, qsizetype size);
    Status feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }
    /// The end of the input: a sequence still cut short is an error.
    Status finish();

private:
    Status fail(qsizetype offsetInData, const QString &message);
    QString m_path;
    QByteArray m_carry;          ///< the start of a sequence the last piece ended inside
    qint64 m_offset = 0;         ///< bytes checked so far (not counting m_carry)
    qint64 m_lineStart = 0;      ///< offset of the current line's first byte
    int m_line = 1;
    std::optional<Diagnostic> m_failed;
};

} // namespace wb
