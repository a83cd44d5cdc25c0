#include "po/gettext_po_session.h"

#include <QMutex>
#include <QMutexLocker>

#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace wb {
namespace {

// Per-thread state of the active session; libgettextpo's callbacks carry no user data.
struct SessionState {
    std::jmp_buf jump;
    bool active = false;
    bool failed = false;
    bool missingFile = false;
    int line = 0;
    int column = 0;
    char message[512] = {};
};
thread_local SessionState t_state;

void record(int severity, const char *filename, size_t lineno, size_t column, const char *text)
{
    if (severity == PO_SEVERITY_WARNING || t_state.failed)
        return; // keep the first error: later ones are usually consequences
    t_state.failed = true;
    t_state.line = (filename && lineno != size_t(-1)) ? int(lineno) : 0;
    t_state.column = (filename && column != size_t(-1)) ? int(column) : 0;
    std::snprintf(t_state.message, sizeof t_state.message, "%s", text ? text : "error");
    // Multi-line messages: keep the first line.
    if (char *newline = std::strchr(t_state.message, '\n'))
        *newline = '\0';
}

// The "found N fatal errors" summary that catalog_reader_parse (read-catalog.c) reports
// once parsing is over: the only fatal error without a file whose position is (-1, -1).
bool isEndOfParseSummary(const char *filename, size_t lineno, size_t column)
{
    return !filename && lineno == size_t(-1) && column == size_t(-1);
}

void onError(int severity, po_message_t, const char *filename, size_t lineno, size_t column, int, const char *text)
{
    record(severity, filename, lineno, column, text);
    // After the end-of-parse summary, libgettextpo only cleans up and returns: let it.
    // Jumping from there skipped its fclose and frees, leaking a file descriptor and the
    // partly read catalog with every malformed PO file (found by fuzz_po).
    if (severity == PO_SEVERITY_FATAL_ERROR && t_state.active && !isEndOfParseSummary(filename, lineno, column))
        std::longjmp(t_state.jump, 1);
}

void onError2(int severity, po_message_t, const char *filename1, size_t lineno1, size_t column1, int, const char *text1,
              po_message_t, const char *, size_t, size_t, int, const char *)
{
    record(severity, filename1, lineno1, column1, text1);
    if (severity == PO_SEVERITY_FATAL_ERROR && t_state.active)
        std::longjmp(t_state.jump, 1);
}

const po_xerror_handler kHandler = {onError, onError2};

} // namespace

GettextPoSession::GettextPoSession(const QString &path) : m_path(path)
{
    t_state.failed = false;
    t_state.message[0] = '\0';
}

GettextPoSession::~GettextPoSession()
{
    t_state.active = false;
}

bool GettextPoSession::runGuarded(void (*call)(void *), void *data)
{
    // libgettextpo's reader and writer keep process-wide state (the grammar's position, the
    // error handler they install for the call): one call at a time, whichever thread asks.
    // The editor reads catalogs on a worker thread while the UI thread writes them.
    static QMutex oneCallAtATime;
    const QMutexLocker lock(&oneCallAtATime);
    t_state.active = true;
    if (setjmp(t_state.jump) == 0)
        call(data);
    t_state.active = false;
    return !t_state.failed;
}

po_xerror_handler_t GettextPoSession::handler() const
{
    return &kHandler;
}

bool GettextPoSession::failed() const
{
    return t_state.failed;
}

Diagnostic GettextPoSession::error() const
{
    return Diagnostic{ErrorKind::InvalidInput, m_path, t_state.line, t_state.column, QString::fromUtf8(t_state.message)};
}

} // namespace wb
