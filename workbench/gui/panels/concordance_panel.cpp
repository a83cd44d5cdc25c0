#include "concordance_panel.h"
#include "editor/editor_session.h"
#include "editor/rich_text_delegate.h"
#include "i18n.h"
#include "models/unit_table_model.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace wb::gui {

ConcordancePanel::ConcordancePanel(EditorSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("concordanceQuery"));
    m_query->setPlaceholderText(ui("Words to look up in the project and the memory (Ctrl+K)"));
    m_query->setClearButtonEnabled(true);
    m_results = new QListWidget(this);
    m_results->setWordWrap(true);
    m_results->setResizeMode(QListView::Adjust);
    m_results->setItemDelegate(new RichTextDelegate(m_results));
    layout->addWidget(m_query);
    layout->addWidget(m_results, 1);
    // Searched a moment after the last key, not on every key.
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(150);
    connect(m_delay, &QTimer::timeout, this, &ConcordancePanel::search);
    connect(m_query, &QLineEdit::textEdited, m_delay, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, &ConcordancePanel::search);
    auto go = [this](QListWidgetItem *item) {
        if (const int unit = item->data(Qt::UserRole).toInt(); unit >= 0)
            emit unitRequested(unit);
    };
    connect(m_results, &QListWidget::itemDoubleClicked, this, go);
    connect(m_results, &QListWidget::itemActivated, this, go);
}

void ConcordancePanel::searchFor(const QString &words)
{
    if (!words.trimmed().isEmpty())
        m_query->setText(words.simplified());
    m_query->setFocus();
    m_query->selectAll();
    search();
}

void ConcordancePanel::search()
{
    m_delay->stop();
    m_results->clear();
    for (const EditorSession::ConcordanceHit &hit : m_session.concordance(m_query->text())) {
        auto *item = new QListWidgetItem(m_results);
        const QString where = hit.unit >= 0 ? QStringLiteral("#%1 %2").arg(hit.unit + 1).arg(hit.origin.toHtmlEscaped())
                                            : ui("memory") + QStringLiteral(" \u00B7 ") + hit.origin.toHtmlEscaped();
        item->setData(UnitTableModel::RichTextRole,
                      QStringLiteral("%1<br>%2<br><small style=\"color:#5f6368\">%3</small>")
                          .arg(unitTextHtml(hit.source), hit.target.isEmpty() ? QStringLiteral("\u2014") : unitTextHtml(hit.target), where));
        item->setData(Qt::UserRole, hit.unit);
        item->setText(hit.source);
    }
}

} // namespace wb::gui
