#include "annotation_dialog.h"
#include "i18n.h"
#include "ui_terms.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace wb::gui {

AnnotationDialog::AnnotationDialog(const QString &target, int start, int length, QWidget *parent)
    : QDialog(parent), m_start(length > 0 ? start : -1), m_length(length > 0 ? length : 0),
      m_words(length > 0 ? target.mid(start, length) : QString())
{
    setWindowTitle(ui("Annotate an error"));
    auto *form = new QFormLayout(this);
    auto *about = new QLabel(m_words.isEmpty() ? ui("the whole unit") : QStringLiteral("\u00AB%1\u00BB").arg(m_words), this);
    about->setObjectName(QStringLiteral("annotatedWords"));
    about->setWordWrap(true);
    form->addRow(ui("About:"), about);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("category"));
    for (const QString &id : errorCategories())
        m_category->addItem(uiTerm(id), id);
    form->addRow(ui("Category:"), m_category);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("severity"));
    const int weights[] = {1, 5, 25};
    for (int i = 0; i < errorSeverities().size(); ++i)
        m_severity->addItem(QStringLiteral("%1 (%2)").arg(uiTerm(errorSeverities()[i])).arg(weights[i]), errorSeverities()[i]);
    form->addRow(ui("Severity:"), m_severity);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(ui("optional"));
    form->addRow(ui("Note:"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    m_category->setFocus();
}

ReviewError AnnotationDialog::error() const
{
    ReviewError e;
    e.category = m_category->currentData().toString();
    e.severity = m_severity->currentData().toString();
    e.note = m_note->text();
    e.start = m_start;
    e.length = m_length;
    e.words = m_words;
    return e;
}

} // namespace wb::gui
