#include "po/catalog_lock.h"
#include "common/text_file.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QDeadlineTimer>
#include <QLockFile>
#include <QThread>
#include <algorithm>

namespace wb {
namespace {

// "process 4711 (workbench) on host" from the lock file, so a user can find the holder.
QString holderOf(const QLockFile &file)
{
    qint64 pid = 0;
    QString host;
    QString program;
    if (!file.getLockInfo(&pid, &host, &program))
        return QStringLiteral("another process");
    QString holder = QStringLiteral("process %1").arg(pid);
    if (!program.isEmpty())
        holder += QStringLiteral(" (%1)").arg(program);
    if (!host.isEmpty())
        holder += QStringLiteral(" on %1").arg(host);
    return holder;
}

Diagnostic lockFailure(const QString &catalogPath, const QLockFile &file, int timeoutMs)
{
    switch (file.error()) {
    case QLockFile::LockFailedError:
        return Diagnostic{ErrorKind::OutputFailed, catalogPath, 0, 0,
                          QStringLiteral("the catalog is locked by %1; gave up after %2 s (remove %3 if that process is gone)")
                              .arg(holderOf(file))
                              .arg(timeoutMs / 1000.0)
                              .arg(CatalogLock::lockPathFor(catalogPath))};
    case QLockFile::PermissionError:
        return Diagnostic{ErrorKind::OutputFailed, catalogPath, 0, 0,
                          QStringLiteral("cannot create the lock file %1: permission denied").arg(CatalogLock::lockPathFor(catalogPath))};
    default:
        return Diagnostic{ErrorKind::OutputFailed, catalogPath, 0, 0,
                          QStringLiteral("cannot create the lock file %1").arg(CatalogLock::lockPathFor(catalogPath))};
    }
}

// QLockFile writes its owner into a lock file just after creating it: a writer killed in
// between leaves a lock file that names nobody, which QLockFile takes for held until it is
// kStaleLockMs old (past every writer's timeout). The same goes for "<lock>.rmlock", which
// QLockFile holds while it breaks a stale lock. The holder of a lock keeps an flock() on the
// file from just after creating it until it unlocks, and removeStaleLockFile() unlinks only
// when it gets that flock: a live writer's lock is never removed. The grace period leaves
// alone a writer between creating its file and taking the flock.
void breakOwnerlessLocks(const QString &lockPath)
{
    constexpr qint64 kGraceMs = 1000;
    for (const QString &path : {lockPath, lockPath + QStringLiteral(".rmlock")}) {
        const QFileInfo info(path);
        if (!info.exists() || info.lastModified().msecsTo(QDateTime::currentDateTime()) < kGraceMs)
            continue;
        QLockFile file(path);
        qint64 pid = 0;
        QString host;
        QString program;
        if (!file.getLockInfo(&pid, &host, &program)) // else an owner QLockFile checks itself
            file.removeStaleLockFile();
    }
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

CatalogLock::CatalogLock(const QString &catalogPath, std::unique_ptr<QLockFile> file)
    : m_catalogPath(catalogPath), m_file(std::move(file))
{
}

CatalogLock::~CatalogLock()
{
    m_file->unlock();
}

Result<std::unique_ptr<CatalogLock>> CatalogLock::acquire(const QString &catalogPath, int timeoutMs)
{
    const QFileInfo folder(QFileInfo(catalogPath).absolutePath());
    if (!folder.isDir())
        return Diagnostic{ErrorKind::MissingInput, catalogPath, 0, 0, QStringLiteral("no such folder: %1").arg(folder.filePath())};
    auto file = std::make_unique<QLockFile>(lockPathFor(catalogPath));
    file->setStaleLockTime(kStaleLockMs);
    // QLockFile's own waiting doubles its pause up to 5 s, so under contention a writer
    // looks only a few times in 15 s and can starve. Holds are short (one catalog write):
    // look often instead. tryLock(0) still breaks the stale lock of a dead process.
    const QDeadlineTimer deadline(timeoutMs);
    int pauseMs = 2;
    while (!file->tryLock(0)) {
        if (file->error() != QLockFile::LockFailedError || deadline.hasExpired())
            return lockFailure(catalogPath, *file, timeoutMs);
        breakOwnerlessLocks(file->fileName());
        QThread::msleep(ulong(std::min<qint64>(pauseMs, std::max<qint64>(deadline.remainingTime(), 1))));
        pauseMs = std::min(pauseMs * 2, 25);
    }
    return std::unique_ptr<CatalogLock>(new CatalogLock(catalogPath, std::move(file)));
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
