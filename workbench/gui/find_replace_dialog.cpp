#include "find_replace_dialog.h"
#include "editor/editor_session.h"
#include "editor/rich_text_delegate.h"
#include "i18n.h"
#include "models/unit_table_model.h"
#include "text/text_diff.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wb::gui {

FindReplaceDialog::FindReplaceDialog(EditorSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_find(new QLineEdit(this)), m_replace(new QLineEdit(this)),
      m_regex(new QCheckBox(ui("Regular expression"), this)), m_list(new QTreeWidget(this)), m_summary(new QLabel(this))
{
    setWindowTitle(ui("Find and replace in translations"));
    auto *form = new QFormLayout;
    form->addRow(ui("Find:"), m_find);
    form->addRow(ui("Replace with:"), m_replace);
    form->addRow(QString(), m_regex);
    m_list->setHeaderLabels({ui("#"), ui("Change")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setColumnWidth(0, 48);
    m_list->setItemDelegateForColumn(1, new RichTextDelegate(m_list));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *replaceAll = buttons->addButton(ui("Replace all shown"), QDialogButtonBox::AcceptRole);
    connect(replaceAll, &QPushButton::clicked, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_find, m_replace})
        connect(edit, &QLineEdit::textChanged, this, &FindReplaceDialog::refreshPreview);
    connect(m_regex, &QCheckBox::toggled, this, &FindReplaceDialog::refreshPreview);
    resize(900, 600);
}

QList<QPair<int, QString>> FindReplaceDialog::preview() const
{
    QList<QPair<int, QString>> changes;
    if (m_find->text().isEmpty())
        return changes;
    const QRegularExpression pattern(m_regex->isChecked() ? m_find->text() : QRegularExpression::escape(m_find->text()),
                                     QRegularExpression::UseUnicodePropertiesOption);
    if (!pattern.isValid())
        return changes;
    for (int i = 0; i < m_session.unitCount(); ++i) {
        const QString before = m_session.target(i);
        if (before.isEmpty())
            continue;
        const QString after = QString(before).replace(pattern, m_replace->text());
        if (after != before)
            changes.append({i, after});
    }
    return changes;
}

void FindReplaceDialog::refreshPreview()
{
    m_list->clear();
    const auto changes = preview();
    for (const auto &[unit, after] : changes) {
        // The changed words, struck through and underlined, in the translation as it reads.
        auto *item = new QTreeWidgetItem(m_list, {QString::number(unit + 1), after});
        item->setData(1, UnitTableModel::RichTextRole, unitDiffHtml(wordDiff(m_session.target(unit), after)));
    }
    m_summary->setText(uiCount("%n translation would change; it stays unconfirmed until you confirm it.",
                               "%n translations would change; they stay unconfirmed until you confirm them.", int(changes.size())));
}

QList<int> FindReplaceDialog::apply()
{
    QList<int> changed;
    for (const auto &[unit, after] : preview()) {
        m_session.editTarget(unit, after);
        changed.append(unit);
    }
    return changed;
}

} // namespace wb::gui
