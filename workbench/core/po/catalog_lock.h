#pragma once
#include "common/result.h"
#include "po/po_catalog.h"
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace wb {

/// Exclusive lock on one catalog for one read-modify-write: an open-file-description lock
/// (fcntl F_OFD_SETLK) on "<catalog>.lock". Every process that writes a catalog (the editor,
/// `workbench review`, `suppress`, `pretranslate`, `import`, `update`, `sync`, `merge-driver`)
/// takes it, re-reads the file and writes while holding it, so two writers never overwrite
/// each other's confirmed work (docs/teamwork.md).
///
/// The kernel releases the lock when its holder closes the file or dies, however it dies, so
/// there is nothing to break after a crash: the lock file is created once and never deleted.
/// The holder writes its process id, program and host into the file only so that a writer
/// that waits too long can say who holds it; correctness never depends on them. Two locks on
/// one catalog exclude each other within one process too (unlike POSIX record locks).
class CatalogLock {
public:
    static constexpr int kDefaultTimeoutMs = 15000;

    /// Waits up to timeoutMs for the lock. On timeout the diagnostic names the catalog and
    /// who holds it (process id, program, host); OutputFailed, as nothing could be written.
    /// Once held, removes what a writer killed mid-save left beside the catalog (QSaveFile's
    /// temporary files, see removeKilledWritersTemporaries).
    static Result<std::unique_ptr<CatalogLock>> acquire(const QString &catalogPath, int timeoutMs = kDefaultTimeoutMs);
    ~CatalogLock();
    CatalogLock(const CatalogLock &) = delete;
    CatalogLock &operator=(const CatalogLock &) = delete;

    QString catalogPath() const { return m_catalogPath; }
    static QString lockPathFor(const QString &catalogPath);

private:
    CatalogLock(const QString &catalogPath, int fd);
    QString m_catalogPath;
    int m_fd = -1;
};

/// Set by a process that holds a work tree's catalog locks for the programs it runs there:
/// `workbench sync` for git, whose merge driver would otherwise wait for sync's own locks.
inline constexpr char kCatalogLocksHeldVariable[] = "WORKBENCH_CATALOG_LOCKS_HELD";

/// QSaveFile writes "<file>.XXXXXX" (six letters) and renames it over the file; a process
/// killed between the two leaves it behind. Only a writer holding the catalog's lock may call
/// this: then no live writer can own such a file. Returns the names removed.
QStringList removeKilledWritersTemporaries(const QString &catalogPath);

/// Locks for several catalogs at once, always taken in the same (sorted) order so that two
/// processes locking overlapping sets cannot deadlock. All or none.
Result<std::vector<std::unique_ptr<CatalogLock>>> acquireCatalogLocks(QStringList catalogPaths,
                                                                      int timeoutMs = CatalogLock::kDefaultTimeoutMs);

/// What modifyCatalog does when the catalog does not exist.
enum class MissingCatalog { IsError, StartEmpty };

/// Locks the catalog, reads it as it is on disk now, applies `change` and writes the result
/// atomically before unlocking. When `change` fails nothing is written and its diagnostic
/// is returned; when it leaves the catalog as it was, the file is not touched. `written`,
/// when given, receives the catalog's bytes as they now are on disk.
Status modifyCatalog(const QString &catalogPath, const std::function<Status(PoCatalog &)> &change,
                     QByteArray *written = nullptr, MissingCatalog ifMissing = MissingCatalog::IsError);

} // namespace wb
