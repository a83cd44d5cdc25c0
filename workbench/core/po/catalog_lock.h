#pragma once
#include "common/result.h"
#include "po/po_catalog.h"
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

class QLockFile;

namespace wb {

/// Exclusive lock on one catalog for one read-modify-write: a QLockFile on "<path>.lock".
/// Every process that writes a catalog (the editor, `workbench review`, `suppress`,
/// `pretranslate`, `import`, `update`, `sync`) takes it, re-reads the file and writes while
/// holding it, so two writers never overwrite each other's confirmed work (docs/teamwork.md).
/// A lock left by a process that died is broken by the next writer (QLockFile checks the
/// PID on the same host); a lock older than kStaleLockMs is taken as abandoned.
class CatalogLock {
public:
    static constexpr int kDefaultTimeoutMs = 15000;
    static constexpr int kStaleLockMs = 30000;

    /// Waits up to timeoutMs for the lock. On timeout the diagnostic names the catalog and
    /// who holds it (process id, program, host); OutputFailed, as nothing could be written.
    static Result<std::unique_ptr<CatalogLock>> acquire(const QString &catalogPath, int timeoutMs = kDefaultTimeoutMs);
    ~CatalogLock();
    CatalogLock(const CatalogLock &) = delete;
    CatalogLock &operator=(const CatalogLock &) = delete;

    QString catalogPath() const { return m_catalogPath; }
    static QString lockPathFor(const QString &catalogPath);

private:
    CatalogLock(const QString &catalogPath, std::unique_ptr<QLockFile> file);
    QString m_catalogPath;
    std::unique_ptr<QLockFile> m_file;
};

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
