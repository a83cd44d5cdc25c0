// Shared helpers of the libFuzzer harnesses (fuzz/fuzz_*.cpp).
//
// Each harness feeds one parser of the core library with libFuzzer's bytes and checks the
// invariants the code already promises (a document that reads writes and reads back, and
// so on). A broken invariant aborts with a message, which libFuzzer reports as a crash
// and saves the input for.
#pragma once
#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace wb::fuzz {

/// The project root (the bundled project: its SRX rules, glossary and dictionaries).
inline QString sourceDir() { return QStringLiteral(WB_SOURCE_DIR); }

/// Qt wants an application object for a few services (resources and codecs work without,
/// but warnings about a missing instance would flood the fuzzer's output).
inline void initQt()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static auto app = std::make_unique<QCoreApplication>(argc, argv);
    // Qt's warnings about malformed input are expected; keep the fuzzer's output readable.
    qputenv("QT_LOGGING_RULES", "*.debug=false;*.warning=false");
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "Qt fatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
}

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void invariantFailed(const char *file, int line, const char *what, const QString &detail)
{
    std::fprintf(stderr, "\n%s:%d: invariant broken: %s\n%s\n", file, line, what, qPrintable(detail));
    std::abort();
}

} // namespace wb::fuzz

/// Aborts (a crash for libFuzzer, with the input saved) when an invariant of the code fails.
#define WB_FUZZ_CHECK(condition, detail)                                                            \
    do {                                                                                            \
        if (!(condition))                                                                           \
            ::wb::fuzz::invariantFailed(__FILE__, __LINE__, #condition, (detail));                  \
    } while (false)
