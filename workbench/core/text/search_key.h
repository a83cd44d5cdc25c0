#pragma once
#include <QString>
#include <QStringList>

namespace wb {

/// Text as searches compare it: canonically decomposed with the
/// combining marks dropped and case-folded (ICU), so "Médula", "medula" and "MÉDULA" are one.
QString searchKey(const QString &text);

/// Whether `text` holds every word of `words` (each a searchKey), anywhere, in any order.
bool holdsAllWords(const QString &text, const QStringList &words);

/// The search keys of the words of a query, split at white space.
QStringList searchWords(const QString &query);

} // namespace wb
