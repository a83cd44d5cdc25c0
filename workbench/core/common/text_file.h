#pragma once
#include "common/result.h"
#include <QByteArray>
#include <QString>
#include <optional>

class QFile;

namespace wb {

/// Largest input file the workbench reads; larger files are refused before parsing
/// so that a stray multi-gigabyte file cannot exhaust memory.
inline constexpr qint64 kMaxInputBytes = 256ll * 1024 * 1024;

/// Reads a whole file; a missing or unreadable file is a MissingInput diagnostic. A file
/// over the limit (kMaxInputBytes) is refused. Formats read as they go (TMX) have none.
Result<QByteArray> readFileBytes(const QString &path);

/// Opens `file` for reading with the messages every reader gives: no such file, a folder,
/// over `limit` bytes (when one is given), cannot read. For formats read as they go.
Status openInputFile(QFile &file, qint64 limit = -1);

/// Lowers readFileBytes' limit for a scope, so a test shows with a small file that a path
/// takes no limit (a file over the real one would take minutes to write and read).
class ScopedInputLimit {
public:
    explicit ScopedInputLimit(qint64 bytes);
    ~ScopedInputLimit();
    ScopedInputLimit(const ScopedInputLimit &) = delete;
    ScopedInputLimit &operator=(const ScopedInputLimit &) = delete;

private:
    qint64 m_previous;
};

/// Checks that bytes are well-formed UTF-8 (ICU's decoder) and reports the first bad
/// byte by line and column. A NUL byte is refused too: no text format we read allows it.
Status checkUtf8(const QByteArray &bytes, const QString &path);
/// Why bytes that start like this are UTF-16 rather than UTF-8 (a byte order mark, or every
/// other byte NUL in the first 200), or nothing.
std::optional<QString> utf16Kind(const QByteArray &start);
/// 3 when the bytes start with a UTF-8 byte order mark, else 0.
inline qsizetype utf8BomLength(const QByteArray &bytes) { return bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0; }

/// Reads a file that must be UTF-8 text: readFileBytes + checkUtf8.
Result<QByteArray> readUtf8File(const QString &path);

/// The same, decoded, in NFC: the text of a word list or a table, whose words must match
/// the (NFC) text they are looked for in even when a tool wrote them decomposed.
Result<QString> readUtf8Text(const QString &path);

/// Writes bytes atomically (QSaveFile): the target is either the old file or the
/// complete new one, never a half-written mix.
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

/// 1-based line and column (in bytes) of a byte offset.
struct TextPosition { int line = 1; int column = 1; };
TextPosition positionOfOffset(const QByteArray &bytes, qsizetype offset);

} // namespace wb
