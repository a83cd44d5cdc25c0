#pragma once
#include "common/diagnostic.h"
#include <QString>
#include <gettext-po.h>

namespace wb {

/// Collects what libgettextpo reports through its C error callbacks.
///
/// libgettextpo requires that its handler not return on a fatal error, and C++
/// exceptions must not unwind through C frames, so a fatal error longjmps back to
/// the setjmp in runGuarded(). Only plain C data lives across that jump.
class GettextPoSession {
public:
    explicit GettextPoSession(const QString &path);
    ~GettextPoSession();

    /// Runs a libgettextpo call; false when it reported an error (see error()).
    bool runGuarded(void (*call)(void *), void *data);
    po_xerror_handler_t handler() const;
    bool failed() const;
    Diagnostic error() const;

private:
    QString m_path;
};

} // namespace wb
