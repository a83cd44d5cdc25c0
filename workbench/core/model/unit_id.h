#pragma once
#include <QList>
#include <QString>

namespace wb {

/// Normalizes unit text for identity: NFC (ICU), whitespace runs collapsed, trimmed.
QString normalizedForIdentity(const QString &text);

/// A unit id from its text alone, so that editing, adding or removing other units never
/// changes it: a readable slug of the first words plus 8 hex digits of SHA-1,
/// e.g. "acute-lymphoblastic-leukemia-all.5f0c2a91".
QString unitIdForText(const QString &text);

/// Ids for a document's units in order; a repeated text gets ".2", ".3", ... by occurrence.
QStringList assignUnitIds(const QStringList &texts);

} // namespace wb
