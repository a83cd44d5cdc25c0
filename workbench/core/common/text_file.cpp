#include "common/text_file.h"
#include "common/unicode_nfc.h"
#include "common/utf8_check.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <atomic>

namespace wb {

namespace {
std::atomic<qint64> inputLimit{kMaxInputBytes};
} // namespace

ScopedInputLimit::ScopedInputLimit(qint64 bytes) : m_previous(inputLimit.exchange(bytes)) {}

ScopedInputLimit::~ScopedInputLimit()
{
    inputLimit = m_previous;
}

Status openInputFile(QFile &file, qint64 limit)
{
    const QString path = file.fileName();
    QFileInfo info(path);
    if (!info.exists())
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("no such file")};
    if (info.isDir())
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("is a folder, not a file")};
    if (limit >= 0 && info.size() > limit)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                          QStringLiteral("file is %1 MiB; the limit is %2 MiB")
                              .arg(info.size() >> 20).arg(limit >> 20)};
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0,
                          QStringLiteral("cannot read: %1").arg(file.errorString())};
    return {};
}

Result<QByteArray> readFileBytes(const QString &path)
{
    QFile file(path);
    if (Status opened = openInputFile(file, inputLimit); !opened)
        return opened.error();
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

// UTF-16 is the likeliest "not UTF-8" a Windows tool writes: say so instead of pointing
// at a stray 0xFF or NUL byte.
std::optional<QString> utf16Kind(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return QStringLiteral("the file is UTF-16 (it starts with a byte order mark); save it as UTF-8");
    // ASCII text in UTF-16 without a byte order mark: every other byte is NUL.
    const qsizetype sample = std::min<qsizetype>(bytes.size(), 200);
    int nulAtOdd = 0, nulAtEven = 0;
    for (qsizetype i = 0; i < sample; ++i)
        if (bytes[i] == '\0')
            ++(i % 2 ? nulAtOdd : nulAtEven);
    if (sample >= 8 && std::max(nulAtOdd, nulAtEven) * 4 >= sample && std::min(nulAtOdd, nulAtEven) == 0)
        return QStringLiteral("the file looks like UTF-16 without a byte order mark; save it as UTF-8");
    return std::nullopt;
}

Status checkUtf8(const QByteArray &bytes, const QString &path)
{
    Utf8Check check(path);
    if (Status fed = check.feed(bytes); !fed)
        return fed;
    return check.finish();
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

Result<QString> readUtf8Text(const QString &path)
{
    auto bytes = readUtf8File(path);
    if (!bytes)
        return bytes.error();
    return toNfc(QString::fromUtf8(*bytes));
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    // Unbuffered: write() then reports what reached the file. Buffered, a disk that fills
    // up (or a file size limit) cut the temporary file short while write() and commit()
    // both reported success, and the truncated file replaced the good one.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Diagnostic{ErrorKind::OutputFailed, path, 0, 0,
                          QStringLiteral("cannot write: %1").arg(file.errorString())};
    const qint64 written = file.write(bytes);
    if (written != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Diagnostic{ErrorKind::OutputFailed, path, 0, 0,
                          QStringLiteral("cannot write: only %1 of %2 bytes written (%3); the previous file is unchanged")
                              .arg(std::max<qint64>(written, 0)).arg(bytes.size()).arg(why)};
    }
    if (!file.commit())
        return Diagnostic{ErrorKind::OutputFailed, path, 0, 0,
                          QStringLiteral("cannot write: %1").arg(file.errorString())};
    return {};
}

} // namespace wb
