#pragma once
#include "model/segmented_document.h"
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <ostream>

// Readable failure messages for Qt strings in GoogleTest.
inline void PrintTo(const QString &s, std::ostream *os) { *os << '"' << s.toStdString() << '"'; }
inline void PrintTo(const QByteArray &b, std::ostream *os) { *os << '"' << b.toStdString() << '"'; }
inline void PrintTo(const QStringList &l, std::ostream *os)
{
    *os << "{ ";
    for (const QString &s : l)
        *os << '"' << s.toStdString() << "\" ";
    *os << '}';
}

class QProcessEnvironment;

namespace wb::test {

QString sourceDir();             ///< the project root
QString sharedDir();             ///< ../shared beside it
QString dataDir();               ///< tests/data
QString cliPath();               ///< the built `workbench`

QByteArray readAll(const QString &path);
void writeAll(const QString &path, const QByteArray &bytes);

/// Segments Markdown bytes with the bundled SRX rules (English).
SegmentedDocument segmentBytes(const QByteArray &markdown, const QString &language = QStringLiteral("en"));
/// Unit texts of a document, in order.
QStringList unitTexts(const SegmentedDocument &doc);

/// Result of running a program.
struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
RunResult run(const QString &program, const QStringList &arguments, const QString &workingDir = {});
RunResult runCli(const QStringList &arguments, const QString &workingDir = {});

/// One run of the CLI, killed with SIGKILL after killAfterMs unless it finished first
/// (killAfterMs < 0: never killed). Its stdout is thrown away.
struct Outcome {
    bool killed = false;
    int exitCode = -1;
    qint64 elapsedMs = 0;
    QByteArray err;
};
Outcome runAndMaybeKill(const QStringList &arguments, const QProcessEnvironment &env, int killAfterMs);

/// Sets (or with no value, unsets) an environment variable for a scope; children inherit it.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const std::optional<QByteArray> &value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    QByteArray m_old;
    bool m_had;
};

} // namespace wb::test
