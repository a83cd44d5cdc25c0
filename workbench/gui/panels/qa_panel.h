#pragma once
#include "qa/finding.h"
#include <QTabWidget>

class QListWidget;

namespace wb::gui {

/// QA findings of the current unit, and of the whole document. Clicking a unit finding
/// selects its span in the target; clicking a document finding goes to its unit.
class QaPanel : public QTabWidget {
    Q_OBJECT
public:
    explicit QaPanel(QWidget *parent = nullptr);
    void showUnitFindings(const Findings &findings);
    void showDocumentFindings(const QList<QPair<int, Finding>> &findings);

signals:
    void spanRequested(int start, int length);
    void unitRequested(int unitIndex);
    void documentTabShown();

private:
    QListWidget *m_unit;
    QListWidget *m_document;
};

} // namespace wb::gui
