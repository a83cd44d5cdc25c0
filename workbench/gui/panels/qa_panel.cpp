#include "qa_panel.h"
#include "i18n.h"
#include "models/unit_table_model.h"

#include <QListWidget>

namespace wb::gui {

QaPanel::QaPanel(QWidget *parent) : QTabWidget(parent), m_unit(new QListWidget(this)), m_document(new QListWidget(this))
{
    m_unit->setWordWrap(true);
    m_document->setWordWrap(true);
    addTab(m_unit, ui("This unit"));
    addTab(m_document, ui("Document"));
    connect(m_unit, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QPoint span = item->data(Qt::UserRole).toPoint();
        if (span.x() >= 0)
            emit spanRequested(span.x(), span.y());
    });
    connect(m_document, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit unitRequested(item->data(Qt::UserRole).toInt());
    });
    connect(this, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1)
            emit documentTabShown();
    });
}

void QaPanel::showUnitFindings(const Findings &findings)
{
    m_unit->clear();
    for (const Finding &f : findings) {
        auto *item = new QListWidgetItem(UnitTableModel::severityIcon(f.severity), UnitTableModel::findingLine(f), m_unit);
        item->setData(Qt::UserRole, QPoint(f.targetSpan.start, f.targetSpan.length));
    }
    setTabText(0, findings.isEmpty() ? ui("This unit") : QStringLiteral("%1 (%2)").arg(ui("This unit")).arg(findings.size()));
}

void QaPanel::showDocumentFindings(const QList<QPair<int, Finding>> &findings)
{
    m_document->clear();
    for (const auto &[unit, f] : findings) {
        auto *item = new QListWidgetItem(UnitTableModel::severityIcon(f.severity), QStringLiteral("#%1 %2").arg(unit + 1).arg(UnitTableModel::findingLine(f)), m_document);
        item->setData(Qt::UserRole, unit);
    }
    setTabText(1, QStringLiteral("%1 (%2)").arg(ui("Document")).arg(findings.size()));
}

} // namespace wb::gui
