#pragma once
#include <QString>
#include <QList>

namespace wb {

/// Why a command failed; each value is a documented process exit code (README, "Exit codes").
enum class ErrorKind {
    Usage = 2,          ///< the command line itself is wrong
    MissingInput = 3,   ///< an input file does not exist or cannot be read
    InvalidInput = 4,   ///< an input file is malformed (UTF-8, Markdown, PO, SRX, ...)
    OutputFailed = 5,   ///< an output file could not be written; nothing was left half-written
    CheckFailed = 6,    ///< the content does not pass a requested check (e.g. untranslated units)
    RemoteUnreachable = 7, ///< a git remote could not be reached (fetch or push failed); local work is kept
};

/// One problem the user must see: where it is and what is wrong.
struct Diagnostic {
    ErrorKind kind = ErrorKind::InvalidInput;
    QString file;     ///< path as the user gave it; empty when not about a file
    int line = 0;     ///< 1-based; 0 when unknown
    int column = 0;   ///< 1-based; 0 when unknown
    QString message;

    /// "file:line:column: message", the form compilers use, so editors can jump to it.
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

} // namespace wb
