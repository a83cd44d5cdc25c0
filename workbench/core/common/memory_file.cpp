#include "common/memory_file.h"

#include <QString>
#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wb {
namespace {

Diagnostic memoryFileProblem(const char *what)
{
    return Diagnostic{ErrorKind::OutputFailed, {}, 0, 0,
                      QStringLiteral("cannot %1 a file in memory: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)))};
}

} // namespace

Result<MemoryFile> MemoryFile::create(const char *name)
{
    const int fd = ::memfd_create(name, MFD_CLOEXEC);
    if (fd < 0)
        return memoryFileProblem("create");
    return MemoryFile(fd);
}

MemoryFile::MemoryFile(MemoryFile &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

MemoryFile &MemoryFile::operator=(MemoryFile &&other) noexcept
{
    std::swap(m_fd, other.m_fd);
    return *this;
}

MemoryFile::~MemoryFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray MemoryFile::path() const
{
    return "/proc/self/fd/" + QByteArray::number(m_fd);
}

Status MemoryFile::assign(const QByteArray &bytes)
{
    if (::ftruncate(m_fd, 0) != 0)
        return memoryFileProblem("truncate");
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::pwrite(m_fd, bytes.constData() + done, size_t(bytes.size() - done), off_t(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return memoryFileProblem("write");
        done += n;
    }
    return {};
}

Result<QByteArray> MemoryFile::contents() const
{
    struct stat info {};
    if (::fstat(m_fd, &info) != 0)
        return memoryFileProblem("measure");
    QByteArray bytes(qsizetype(info.st_size), Qt::Uninitialized);
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::pread(m_fd, bytes.data() + done, size_t(bytes.size() - done), off_t(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return memoryFileProblem("read");
        done += n;
    }
    return bytes;
}

} // namespace wb
