#pragma once
#include "common/result.h"
#include "editor/editor_session.h"
#include <QString>
#include <memory>

class QWidget;

namespace wb::gui {

/// Opens the editor's session the way a person expects a paid tool to (docs/teamwork.md):
/// installs or repairs git's merge driver in the project's clone first, and when the catalog
/// holds git's conflict markers (a plain-text merge) offers to repair it into units instead of
/// refusing it. Declining the repair returns the original error. `notes` receives what was done
/// for the window's status bar.
Result<std::unique_ptr<EditorSession>> openSessionOfferingRepair(const QString &projectRoot, const QString &language,
                                                                 const QString &document, QWidget *parent, QString *notes = nullptr);

} // namespace wb::gui
