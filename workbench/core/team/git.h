#pragma once
#include "common/diagnostic.h"
#include <QByteArray>
#include <QString>
#include <optional>
#include <QStringList>

namespace wb {

/// What one run of the `git` program gave.
struct GitRun {
    int exitCode = -1;
    QString out;
    QString err;
    bool ok() const { return exitCode == 0; }
    /// What git said went wrong, in one line: its first "fatal:" or "error:" line (the
    /// cause; later lines are advice), else its last line.
    QString lastMessage() const;
};

/// The `git` program in one working tree. Never prompts: a remote asking for a password
/// in a terminal nobody watches would hang the command. `locksHeld` tells the merge driver
/// git runs that the caller already holds the catalogs' locks (kCatalogLocksHeldVariable).
class Git {
public:
    static constexpr int kLocalTimeoutMs = 120000;
    static constexpr int kNetworkTimeoutMs = 600000;

    explicit Git(QString workTree, bool locksHeld = false) : m_workTree(std::move(workTree)), m_locksHeld(locksHeld) {}
    QString workTree() const { return m_workTree; }

    GitRun run(const QStringList &arguments, int timeoutMs = kLocalTimeoutMs) const;
    /// The trimmed output of a run that succeeded, else an empty string.
    QString value(const QStringList &arguments) const;
    /// The output as bytes (file contents: `git show :2:PATH`), nullopt when git failed.
    std::optional<QByteArray> bytes(const QStringList &arguments) const;

private:
    QString m_workTree;
    bool m_locksHeld = false;
};

/// A diagnostic from a failed run: `what`, then what git said.
Diagnostic gitProblem(ErrorKind kind, const QString &file, const QString &what, const GitRun &run);

} // namespace wb
