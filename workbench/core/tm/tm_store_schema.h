#pragma once
// The memory's SQLite schema, shared by TmStore (which creates it) and TmStore::Writer (which
// upgrades it): not part of the API.
#include "common/diagnostic.h"
#include "tm/tm_index_layout.h"

#include <QSqlError>
#include <QString>

namespace wb::tmschema {

// 2: an identical unit is found through identity_key, a hash of its source, target and
// languages, not through a unique index over the texts themselves. A version 1 memory is
// read as it is and upgraded inside the transaction of its first write.
constexpr int kVersion = 2;

// Only a change of text touches the search index: re-importing a unit updates its context,
// author and dates, and rewriting its search rows then cost as much as the import itself.
// Memories created before this had the trigger fire on any update; a writer replaces it.
inline constexpr char kUpdateTrigger[] =
    "CREATE TRIGGER IF NOT EXISTS units_au AFTER UPDATE OF source, target ON units BEGIN"
    " INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target);"
    " INSERT INTO units_fts(rowid, source, target) VALUES (new.id, new.source, new.target); END";

// A large write takes this trigger out and fills the search index once at its end (see
// TmStore::Writer): FTS5 fed row by row cost more than everything else an import does.
inline constexpr char kInsertTrigger[] =
    "CREATE TRIGGER IF NOT EXISTS units_ai AFTER INSERT ON units BEGIN"
    " INSERT INTO units_fts(rowid, source, target) VALUES (new.id, new.source, new.target); END";

// A B-tree of 8-byte keys, not one over whole sentences: with the text index a million-unit
// import spent 11 s of its 20 s in SQLite comparing keys and splitting pages.
inline constexpr char kIdentityIndex[] = "CREATE INDEX IF NOT EXISTS units_by_identity ON units (identity_key)";

inline constexpr const char *kCreate[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,"
    " source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, prev_source TEXT, next_source TEXT, author TEXT,"
    " created TEXT, changed TEXT, origin TEXT, identity_key INTEGER NOT NULL DEFAULT 0)",
    kIdentityIndex,
    "CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(source, target, content='units', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    kInsertTrigger,
    "CREATE TRIGGER IF NOT EXISTS units_ad AFTER DELETE ON units BEGIN"
    " INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target); END",
    kUpdateTrigger,
};

/// Equal for identical units (same source, target and languages), rarely for others: a unit
/// counts as identical only when the texts compare equal too, so a collision costs one
/// comparison, never a unit.
inline qint64 identityKey(const QString &source, const QString &target, const QString &sourceLanguage, const QString &targetLanguage)
{
    const QChar separator(0x1F);
    return qint64(tmindex::stableHash((source + separator + target + separator + sourceLanguage + separator + targetLanguage).toUtf8()));
}

inline Diagnostic sqlError(const QString &path, const QSqlError &error, const QString &what)
{
    return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("%1: %2").arg(what, error.text())};
}

} // namespace wb::tmschema
