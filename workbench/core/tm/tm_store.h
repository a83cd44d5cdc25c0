#pragma once
#include "common/result.h"
#include "tm/tm_unit.h"
#include <QList>
#include <functional>
#include <memory>

namespace wb {

/// The translation memory on disk: SQLite through Qt SQL (WAL journal, prepared
/// statements only, a schema version), with an FTS5 table for concordance search that
/// ignores case and accents. One file per user, in the user's data folder by default.
class TmStore {
public:
    static QString defaultPath();
    static Result<std::unique_ptr<TmStore>> open(const QString &path);
    ~TmStore();

    /// Adds units in one transaction: all or nothing. An identical unit (same source,
    /// target and languages) is updated, not duplicated. Returns how many were new.
    Result<int> add(const QList<TmUnit> &units, const std::function<void(int)> &progress = {});
    Result<QList<TmUnit>> units(const QString &sourceLanguage, const QString &targetLanguage) const;
    /// Units whose source or target holds all the words, case and accents ignored.
    Result<QList<TmUnit>> concordance(const QString &words, int limit) const;
    QString path() const { return m_path; }

private:
    TmStore() = default;
    QString m_path;
    QString m_connection;
};

} // namespace wb
