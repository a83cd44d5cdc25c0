#include "po/catalog_lock.h"
#include "common/text_file.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wb {
namespace {

// Who we are, for the message of a writer that waits for us: "4711\nworkbench-gui\nhost\n".
QByteArray holderRecord()
{
    QString program = QCoreApplication::instance() ? QCoreApplication::applicationName() : QString();
    if (program.isEmpty())
        if (QFile comm(QStringLiteral("/proc/self/comm")); comm.open(QIODevice::ReadOnly))
            program = QString::fromLocal8Bit(comm.readAll().trimmed());
    return QByteArray::number(qint64(::getpid())) + '\n' + program.toUtf8() + '\n' + QSysInfo::machineHostName().toUtf8() + '\n';
}

// "process 4711 (workbench-gui) on host" from the lock file. It is only a hint: the holder
// writes it after taking the lock, so it can be empty or name the previous holder.
QString holderOf(const QString &lockPath)
{
    QFile file(lockPath);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("another process");
    const QList<QByteArray> fields = file.read(4096).split('\n');
    bool isPid = false;
    const qint64 pid = fields.value(0).toLongLong(&isPid);
    if (!isPid)
        return QStringLiteral("another process");
    QString holder = QStringLiteral("process %1").arg(pid);
    if (const QString program = QString::fromUtf8(fields.value(1)); !program.isEmpty())
        holder += QStringLiteral(" (%1)").arg(program);
    if (const QString host = QString::fromUtf8(fields.value(2)); !host.isEmpty())
        holder += QStringLiteral(" on %1").arg(host);
    return holder;
}

Diagnostic lockFileProblem(const QString &catalogPath, const QString &what, int error)
{
    return Diagnostic{ErrorKind::OutputFailed, catalogPath, 0, 0,
                      QStringLiteral("cannot %1 the lock file %2: %3")
                          .arg(what, CatalogLock::lockPathFor(catalogPath), QString::fromLocal8Bit(std::strerror(error)))};
}

// True when `fd` is still the file at `path`: someone may have deleted or replaced the lock
// file between our open() and our lock, and a lock on an unlinked file excludes nobody.
bool isStillAt(int fd, const QByteArray &path)
{
    struct stat opened {};
    struct stat named {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 && opened.st_dev == named.st_dev
        && opened.st_ino == named.st_ino;
}

enum class Attempt { Locked, Busy, Failed };

// One non-blocking try. F_OFD_SETLK, not flock(): the same semantics (owned by the open file
// description, released by the kernel with it) and it also works on NFS.
Attempt tryLockOnce(int fd, int &error)
{
    struct flock whole {};
    whole.l_type = F_WRLCK;
    whole.l_whence = SEEK_SET;
    if (::fcntl(fd, F_OFD_SETLK, &whole) == 0)
        return Attempt::Locked;
    error = errno;
    return (error == EAGAIN || error == EACCES || error == EINTR) ? Attempt::Busy : Attempt::Failed;
}

// Reads the catalog as it is on disk; an absent file is an empty catalog when allowed.
Result<PoCatalog> readForChange(const QString &catalogPath, MissingCatalog ifMissing, QByteArray &diskBytes)
{
    if (!QFileInfo::exists(catalogPath)) {
        if (ifMissing == MissingCatalog::StartEmpty)
            return PoCatalog{};
        return Diagnostic{ErrorKind::MissingInput, catalogPath, 0, 0, QStringLiteral("no such file")};
    }
    auto bytes = readFileBytes(catalogPath);
    if (!bytes)
        return bytes.error();
    diskBytes = *bytes;
    return PoCatalog::read(catalogPath);
}

} // namespace

QString CatalogLock::lockPathFor(const QString &catalogPath)
{
    return catalogPath + QStringLiteral(".lock");
}

CatalogLock::CatalogLock(const QString &catalogPath, int fd) : m_catalogPath(catalogPath), m_fd(fd)
{
}

CatalogLock::~CatalogLock()
{
    // Clearing the record is a courtesy to the next message; closing is what unlocks.
    if (::ftruncate(m_fd, 0) != 0) {
        // Nothing to do: the record is only a hint, and the lock goes with the descriptor.
    }
    ::close(m_fd);
}

Result<std::unique_ptr<CatalogLock>> CatalogLock::acquire(const QString &catalogPath, int timeoutMs)
{
    const QFileInfo folder(QFileInfo(catalogPath).absolutePath());
    if (!folder.isDir())
        return Diagnostic{ErrorKind::MissingInput, catalogPath, 0, 0, QStringLiteral("no such folder: %1").arg(folder.filePath())};
    const QByteArray lockPath = QFile::encodeName(lockPathFor(catalogPath));
    // Holds are short (one catalog write): look often rather than block in F_OFD_SETLKW,
    // which cannot time out without signals.
    const QDeadlineTimer deadline(timeoutMs);
    int pauseMs = 2;
    for (;;) {
        const int fd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0)
            return lockFileProblem(catalogPath, QStringLiteral("create"), errno);
        int error = 0;
        const Attempt attempt = tryLockOnce(fd, error);
        if (attempt == Attempt::Locked && isStillAt(fd, lockPath)) {
            const QByteArray record = holderRecord();
            if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, record.constData(), size_t(record.size()), 0) != record.size()) {
                // The record is only for messages: a full disk must not stop a save here.
            }
            removeKilledWritersTemporaries(catalogPath);
            return std::unique_ptr<CatalogLock>(new CatalogLock(catalogPath, fd));
        }
        ::close(fd);
        if (attempt == Attempt::Failed)
            return lockFileProblem(catalogPath, QStringLiteral("lock"), error);
        if (attempt == Attempt::Locked)
            continue; // the file we locked was deleted or replaced: lock the one there now
        if (deadline.hasExpired())
            return Diagnostic{ErrorKind::OutputFailed, catalogPath, 0, 0,
                              QStringLiteral("the catalog is locked by %1; gave up after %2 s")
                                  .arg(holderOf(lockPathFor(catalogPath)))
                                  .arg(timeoutMs / 1000.0)};
        QThread::msleep(ulong(std::min<qint64>(pauseMs, std::max<qint64>(deadline.remainingTime(), 1))));
        pauseMs = std::min(pauseMs * 2, 25);
    }
}

QStringList removeKilledWritersTemporaries(const QString &catalogPath)
{
    // QTemporaryFileName replaces XXXXXX with letters only (A-Z, a-z).
    const QFileInfo catalog(catalogPath);
    const QRegularExpression saveFileTemporary(QStringLiteral("^") + QRegularExpression::escape(catalog.fileName())
                                               + QStringLiteral("\\.[A-Za-z]{6}$"));
    QStringList removed;
    const QDir folder = catalog.absoluteDir();
    const QStringList candidates = folder.entryList({catalog.fileName() + QStringLiteral(".??????")},
                                                    QDir::Files | QDir::Hidden | QDir::NoSymLinks);
    for (const QString &name : candidates)
        if (saveFileTemporary.match(name).hasMatch() && QFile::remove(folder.filePath(name)))
            removed.append(name);
    return removed;
}

Result<std::vector<std::unique_ptr<CatalogLock>>> acquireCatalogLocks(QStringList catalogPaths, int timeoutMs)
{
    for (QString &path : catalogPaths)
        path = QFileInfo(path).absoluteFilePath();
    catalogPaths.sort();
    catalogPaths.removeDuplicates();
    std::vector<std::unique_ptr<CatalogLock>> locks;
    for (const QString &path : catalogPaths) {
        auto lock = CatalogLock::acquire(path, timeoutMs);
        if (!lock)
            return lock.error(); // the locks taken so far are released on return
        locks.push_back(std::move(*lock));
    }
    return locks;
}

Status modifyCatalog(const QString &catalogPath, const std::function<Status(PoCatalog &)> &change, QByteArray *written,
                     MissingCatalog ifMissing)
{
    if (ifMissing == MissingCatalog::StartEmpty)
        QDir().mkpath(QFileInfo(catalogPath).absolutePath()); // the lock file lives beside the catalog
    auto lock = CatalogLock::acquire(catalogPath);
    if (!lock)
        return lock.error();
    QByteArray diskBytes;
    auto catalog = readForChange(catalogPath, ifMissing, diskBytes);
    if (!catalog)
        return catalog.error();
    const PoCatalog before = *catalog;
    if (Status changed = change(*catalog); !changed)
        return changed;
    auto bytes = catalog->toBytes();
    if (!bytes) {
        Diagnostic error = bytes.error();
        error.file = catalogPath;
        return error;
    }
    // A change that changed nothing leaves the file alone, even one libgettextpo would
    // lay out differently (hand-edited): git then sees no difference.
    const bool exists = QFileInfo::exists(catalogPath);
    bool unchanged = exists && *bytes == diskBytes;
    if (exists && !unchanged) {
        auto beforeBytes = before.toBytes();
        unchanged = beforeBytes && *beforeBytes == *bytes;
    }
    if (!unchanged)
        if (Status saved = writeFileAtomically(catalogPath, *bytes); !saved)
            return saved;
    if (written)
        *written = unchanged ? diskBytes : *bytes;
    return {};
}

} // namespace wb
