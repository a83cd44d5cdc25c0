#pragma once
#include "common/result.h"
#include <QByteArray>

namespace wb {

/// A file that lives only in memory (memfd_create) and still has a path,
/// "/proc/self/fd/N", for C libraries that read or write only named files (libgettextpo).
/// Nothing of it reaches a disk, and the kernel frees it when the process dies, so a kill
/// in the middle leaves nothing behind, and a fuzzer can feed such a library without disk I/O.
class MemoryFile {
public:
    /// `name` shows in /proc/PID/fd listings only.
    static Result<MemoryFile> create(const char *name);
    MemoryFile(MemoryFile &&other) noexcept;
    MemoryFile &operator=(MemoryFile &&other) noexcept;
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;
    ~MemoryFile();

    /// The name under which any open() reaches this file.
    QByteArray path() const;
    /// Replaces the contents.
    Status assign(const QByteArray &bytes);
    /// The contents as they are now (after a library wrote to path()).
    Result<QByteArray> contents() const;

private:
    explicit MemoryFile(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace wb
