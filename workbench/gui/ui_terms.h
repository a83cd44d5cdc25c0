#pragma once
#include <QString>
#include <QStringList>

namespace wb::gui {

/// The core's identifiers (unit states and kinds, history actions, error categories and
/// severities) as the interface language says them. The core keeps its English ids: they
/// are written in catalogs and read by pipelines.
QString uiTerm(const QString &id);

/// Every identifier uiTerm() translates: what the interface-language test checks.
const QStringList &uiTermIds();

} // namespace wb::gui
