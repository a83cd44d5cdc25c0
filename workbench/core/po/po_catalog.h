#pragma once
#include "common/result.h"
#include <QByteArray>
#include <QList>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace wb {

/// "#: file:line" of a PO entry.
struct PoReference {
    QString file;
    int line = 0;
    friend bool operator==(const PoReference &, const PoReference &) = default;
};

class UnitRecord;

/// Where an entry keeps its review record once read (po/unit_record.h: recordOf). Copies of
/// the entry share it; it is checked against the comments it was read from before use, so an
/// edit to `translatorComments` makes it stale. Safe to read from several threads.
class UnitRecordCache {
public:
    UnitRecordCache() = default;
    UnitRecordCache(const UnitRecordCache &other) : m_record(other.load()) {}
    UnitRecordCache &operator=(const UnitRecordCache &other)
    {
        store(other.load());
        return *this;
    }
    std::shared_ptr<const UnitRecord> load() const { return m_record.load(std::memory_order_acquire); }
    void store(std::shared_ptr<const UnitRecord> record) const { m_record.store(std::move(record), std::memory_order_release); }

private:
    mutable std::atomic<std::shared_ptr<const UnitRecord>> m_record;
};

/// One PO entry as gettext models it. Everything gettext keeps is kept here, so
/// reading and writing a catalog loses nothing another tool put there.
struct PoEntry {
    QString context;            ///< msgctxt; the workbench puts the unit id here
    QString msgid;
    QString msgidPlural;
    QString msgstr;
    QStringList msgstrPlural;
    QString translatorComments; ///< "# " lines, without the "# ", one per line
    QString extractedComments;  ///< "#." lines
    QList<PoReference> references;
    bool fuzzy = false;
    bool obsolete = false;
    QString previousContext;    ///< "#| msgctxt"
    QString previousMsgid;      ///< "#| msgid"
    QStringList formats;        ///< "c-format", "no-python-format", ... as gettext flags them
    int line = 0;               ///< where the entry starts in the file it was read from (0: not read)
    UnitRecordCache recordCache{}; ///< the review record read from translatorComments (not a PO field)

    bool isTranslated() const { return !msgstr.isEmpty() && !fuzzy; }
};

/// A gettext PO catalog read and written by libgettextpo, gettext's own library; the
/// workbench never parses PO syntax itself.
class PoCatalog {
public:
    QString header;             ///< the header entry's msgstr ("Language: es\n...")
    QString headerComments;     ///< the header entry's translator comments
    bool headerFuzzy = false;
    QList<PoEntry> entries;

    /// Reads a PO file. Legacy charsets declared in the header are converted to UTF-8
    /// (ICU); a file declared UTF-8 must be valid UTF-8.
    static Result<PoCatalog> read(const QString &path);
    /// The same for a catalog already in memory; `path` only names it in diagnostics.
    /// libgettextpo reads it from a MemoryFile: no disk I/O.
    static Result<PoCatalog> fromBytes(const QByteArray &bytes, const QString &path);

    /// Whether this entry is written: libgettextpo never writes an obsolete entry whose
    /// (first) msgstr is empty (write-catalog.c), an obsolete unit that was never translated;
    /// and an obsolete header ("#~ msgid \"\"") is dropped, as it would clash with the header.
    static bool isWritten(const PoEntry &entry);
    /// The catalog in PO syntax (always UTF-8), as libgettextpo writes it.
    Result<QByteArray> toBytes() const;
    /// toBytes() written atomically to path.
    /// `written`, when given, receives the bytes now on disk (for fingerprinting them).
    Status write(const QString &path, QByteArray *written = nullptr) const;

    QString headerField(const QString &name) const;
    void setHeaderField(const QString &name, const QString &value);
    /// Records a change to the translations: PO-Revision-Date `at`, Last-Translator `by`.
    void stampRevision(const QString &by, const QDateTime &at);

    /// Index of the live (not obsolete) entry with this msgctxt, or -1.
    qsizetype indexOfContext(const QString &context) const;
};

/// A date as PO headers write it: "2024-05-07 09:00+0000" (UTC).
QString poTimestamp(const QDateTime &time);

} // namespace wb
