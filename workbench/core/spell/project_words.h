#pragma once
#include "common/result.h"
#include <QDateTime>
#include <QList>
#include <QString>

namespace wb {

/// A word a user added to the project's dictionary, with who and when.
struct ProjectWord {
    QString word;
    QString addedBy;
    QDateTime addedAt;
};

/// locales/<lang>/project-words.tsv: "word<TAB>added_by<TAB>added_at" with a header row.
/// A readable table rather than a .dic, because a .dic cannot say who added a word and when.
Result<QList<ProjectWord>> loadProjectWords(const QString &path);
/// Adds words not yet present (sorted, written atomically); returns how many were new.
Result<int> addProjectWords(const QString &path, const QStringList &words, const QString &by, const QDateTime &at);

} // namespace wb
