#include "common/text_file.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <unicode/utf8.h>

namespace wb {

Result<QByteArray> readFileBytes(const QString &path)
{
    QFileInfo info(path);
    if (!info.exists())
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("no such file")};
    if (info.isDir())
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("is a folder, not a file")};
    if (info.size() > kMaxInputBytes)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                          QStringLiteral("file is %1 MiB; the limit is %2 MiB")
                              .arg(info.size() >> 20).arg(kMaxInputBytes >> 20)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0,
                          QStringLiteral("cannot read: %1").arg(file.errorString())};
    return file.readAll();
}

TextPosition positionOfOffset(const QByteArray &bytes, qsizetype offset)
{
    TextPosition pos;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++pos.line;
            lineStart = i + 1;
        }
    }
    pos.column = int(offset - lineStart) + 1;
    return pos;
}

Status checkUtf8(const QByteArray &bytes, const QString &path)
{
    const auto *s = reinterpret_cast<const uint8_t *>(bytes.constData());
    const int32_t length = int32_t(bytes.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0 || c == 0) {
            const TextPosition pos = positionOfOffset(bytes, start);
            const QString what = c == 0
                ? QStringLiteral("NUL byte in text")
                : QStringLiteral("invalid UTF-8 byte 0x%1").arg(uint(s[start]), 2, 16, QLatin1Char('0'));
            return Diagnostic{ErrorKind::InvalidInput, path, pos.line, pos.column, what};
        }
    }
    return {};
}

Result<QByteArray> readUtf8File(const QString &path)
{
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes;
    if (Status utf8 = checkUtf8(*bytes, path); !utf8)
        return utf8.error();
    return bytes;
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Diagnostic{ErrorKind::OutputFailed, path, 0, 0,
                          QStringLiteral("cannot write: %1").arg(file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Diagnostic{ErrorKind::OutputFailed, path, 0, 0,
                          QStringLiteral("cannot write: %1").arg(file.errorString())};
    return {};
}

} // namespace wb
