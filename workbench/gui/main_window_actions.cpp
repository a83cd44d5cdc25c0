// The editor's menus and keys: every action a translator or reviewer reaches for, with its
// shortcut. F1 lists them from the menus themselves, so the sheet never goes stale.
#include "main_window.h"
#include "annotation_dialog.h"
#include "editor/editor_session.h"
#include "editor/target_editor.h"
#include "find_replace_dialog.h"
#include "i18n.h"
#include "models/unit_table_model.h"
#include "panels/concordance_panel.h"
#include "panels/glossary_panel.h"
#include "editor/spell_highlighter.h"

#include "model/placeholder_text.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFileDialog>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QTabWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>

namespace wb::gui {

void MainWindow::buildActions()
{
    QMenu *edit = menuBar()->addMenu(ui("&Edit"));
    QAction *confirm = edit->addAction(ui("&Confirm and next"), this, &MainWindow::confirmAndNext);
    confirm->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    QAction *copy = edit->addAction(ui("Copy &source to target"), this, &MainWindow::copySourceToTarget);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *placeholder = edit->addAction(ui("Insert the next source &placeholder"), this, &MainWindow::insertNextPlaceholder);
    placeholder->setShortcut(QKeySequence(Qt::Key_F9));
    QAction *draft = edit->addAction(ui("Back to &draft"), this, &MainWindow::backToDraft);
    draft->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    edit->addSeparator();
    QAction *undo = edit->addAction(ui("&Undo"), m_editor, &QPlainTextEdit::undo);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = edit->addAction(ui("&Redo"), m_editor, &QPlainTextEdit::redo);
    redo->setShortcut(QKeySequence::Redo);
    edit->addSeparator();
    QAction *addTerm = edit->addAction(ui("&Add term\u2026"), this, &MainWindow::addTermFromSelection);
    addTerm->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QAction *concordance = edit->addAction(ui("&Concordance"), this, &MainWindow::lookUpSelection);
    concordance->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction *find = edit->addAction(ui("&Find"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *replace = edit->addAction(ui("Find and &replace in translations…"), this, [this] {
        FindReplaceDialog dialog(*m_session, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_documents.clear(); // the edited units show their new text
            m_model->unitChanged(-1);
            setCurrentUnit(m_current);
        }
    });
    replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QMenu *terms = edit->addMenu(ui("Insert glossary &term"));
    for (int n = 1; n <= 9; ++n) {
        QAction *insert = terms->addAction(ui("Glossary term") + QStringLiteral(" %1").arg(n), this, [this, n] { insertGlossaryTerm(n - 1); });
        insert->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_0 + n)));
    }
    QMenu *reviewMenu = menuBar()->addMenu(ui("&Review"));
    QAction *approve = reviewMenu->addAction(ui("&Approve and next"), this, &MainWindow::approveAndNext);
    approve->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    QAction *reject = reviewMenu->addAction(ui("&Reject with a reason…"), this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, ui("Reject"), ui("Why? The translator will see this."), QLineEdit::Normal, {}, &ok);
        if (ok)
            rejectCurrent(reason);
    });
    reject->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction *commentAction = reviewMenu->addAction(ui("&Comment…"), this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, ui("Comment"), ui("Comment on this unit:"), {}, &ok);
        if (ok)
            commentCurrent(text);
    });
    commentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QAction *annotate = reviewMenu->addAction(ui("Annotate an &error…"), this, [this] {
        const QTextCursor selection = m_editor->textCursor();
        AnnotationDialog dialog(m_editor->text(), selection.selectionStart(),
                                selection.selectionEnd() - selection.selectionStart(), this);
        if (dialog.exec() == QDialog::Accepted)
            annotateCurrent(dialog.error());
    });
    annotate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QMenu *memoryMenu = edit->addMenu(ui("Use translation &memory match"));
    for (int n = 1; n <= 3; ++n) {
        QAction *use = memoryMenu->addAction(ui("Match") + QStringLiteral(" %1").arg(n), this, [this, n] { useMemoryMatch(n - 1); });
        use->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_0 + n)));
    }
    QMenu *go = menuBar()->addMenu(ui("&Go"));
    QAction *previous = go->addAction(ui("&Previous unit"), this, [this] {
        const int row = listedRowOf(m_current);
        if (const int above = unitAtListedRow(row < 0 ? 0 : row - 1); above >= 0)
            setCurrentUnit(above);
    });
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    QAction *next = go->addAction(ui("&Next unit"), this, [this] {
        if (const int below = nextListed(m_current, listedRowOf(m_current), false, [](int) { return true; }); below >= 0)
            setCurrentUnit(below);
    });
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    QAction *work = go->addAction(ui("Next unit that needs &work"), this, [this] {
        const int n = nextListed(m_current, listedRowOf(m_current), true, [this](int i) { return m_session->needsWork(i); });
        if (n >= 0)
            setCurrentUnit(n);
    });
    work->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    auto hasFindings = [this](int i) { return !m_session->findings(i).isEmpty(); };
    QAction *nextIssue = go->addAction(ui("Next QA &issue"), this, [this, hasFindings] {
        if (const int n = nextListed(m_current, listedRowOf(m_current), true, hasFindings); n >= 0)
            setCurrentUnit(n);
    });
    nextIssue->setShortcut(QKeySequence(Qt::Key_F8));
    QAction *previousIssue = go->addAction(ui("Previous QA issue"), this, [this, hasFindings] {
        if (const int n = nextListed(m_current, listedRowOf(m_current), true, hasFindings, -1); n >= 0)
            setCurrentUnit(n);
    });
    previousIssue->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    QAction *goTo = go->addAction(ui("&Go to unit\u2026"), this, [this] {
        bool ok = false;
        const int number = QInputDialog::getInt(this, ui("Go to unit"), ui("Unit number:"), m_current + 1, 1,
                                                m_session->unitCount(), 1, &ok);
        if (ok)
            setCurrentUnit(number - 1);
    });
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    QMenu *file = menuBar()->addMenu(ui("&File"));
    menuBar()->insertMenu(edit->menuAction(), file);
    buildFileMenu(file);
    QMenu *settings = menuBar()->addMenu(ui("&Settings"));
    QAction *repetitions = settings->addAction(ui("Fill &repetitions when confirming"));
    repetitions->setCheckable(true);
    repetitions->setChecked(QSettings().value(QStringLiteral("editor/fillRepetitions"), true).toBool());
    m_session->setFillRepetitions(repetitions->isChecked());
    connect(repetitions, &QAction::toggled, this, [this](bool on) {
        m_session->setFillRepetitions(on);
        QSettings().setValue(QStringLiteral("editor/fillRepetitions"), on);
    });
    QMenu *help = menuBar()->addMenu(ui("&Help"));
    QAction *keys = help->addAction(ui("&Keyboard shortcuts"), this, &MainWindow::showShortcutSheet);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
}

QString MainWindow::shortcutSheetHtml() const
{
    QString html = QStringLiteral("<table>");
    for (QAction *menuAction : menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QString rows;
        const std::function<void(QMenu *)> collect = [&](QMenu *m) {
            for (QAction *a : m->actions()) {
                if (a->menu()) {
                    collect(a->menu());
                } else if (!a->shortcuts().isEmpty()) {
                    QStringList keys;
                    for (const QKeySequence &k : a->shortcuts())
                        keys.append(k.toString(QKeySequence::NativeText).toHtmlEscaped());
                    rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                                .arg(keys.join(QStringLiteral(" / ")), a->text().remove(QLatin1Char('&')).toHtmlEscaped());
                }
            }
        };
        collect(menu);
        if (!rows.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"2\"><h3>%1</h3></td></tr>").arg(menu->title().remove(QLatin1Char('&')).toHtmlEscaped()) + rows;
    }
    return html + QStringLiteral("</table>");
}

void MainWindow::showShortcutSheet()
{
    QDialog sheet(this);
    sheet.setWindowTitle(ui("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(&sheet);
    auto *text = new QTextBrowser(&sheet);
    text->setObjectName(QStringLiteral("shortcutSheet"));
    text->setHtml(shortcutSheetHtml());
    layout->addWidget(text);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, &sheet);
    connect(close, &QDialogButtonBox::rejected, &sheet, &QDialog::reject);
    layout->addWidget(close);
    sheet.resize(520, 600);
    sheet.exec();
}

void MainWindow::addTermFromSelection()
{
    QDialog dialog(this);
    dialog.setWindowTitle(ui("Add term"));
    auto *form = new QFormLayout(&dialog);
    auto *source = new QLineEdit(m_source->selectedText().simplified(), &dialog);
    source->setObjectName(QStringLiteral("termSource"));
    auto *target = new QLineEdit(m_editor->textCursor().selectedText().simplified(), &dialog);
    target->setObjectName(QStringLiteral("termTarget"));
    form->addRow(ui("Source term:"), source);
    form->addRow(ui("Translation:"), target);
    form->addRow(new QLabel(ui("Saved in glossary/added-terms.tbx for the whole project."), &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    (source->text().isEmpty() ? source : target)->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto added = m_session->addTerm(source->text(), target->text());
    if (!added) {
        statusBar()->showMessage(ui("Term not added:") + QLatin1Char(' ') + added.error().toString());
        return;
    }
    m_model->unitChanged(-1); // the grid underlines the new term too
    setCurrentUnit(m_current);
    m_highlighter->rehighlight();
    statusBar()->showMessage(ui("Term added to glossary/added-terms.tbx"), 5000);
}

void MainWindow::lookUpSelection()
{
    QString words = m_editor->textCursor().selectedText();
    if (words.isEmpty())
        words = m_source->selectedText();
    m_panels->setCurrentWidget(m_concordance);
    m_concordance->searchFor(words);
}

void MainWindow::insertNextPlaceholder()
{
    if (m_current < 0)
        return;
    const QString next = nextMissingPlaceholder(m_session->unit(m_current).source, m_editor->text());
    if (next.isEmpty())
        statusBar()->showMessage(ui("The translation has every placeholder of the source."), 3000);
    else
        m_editor->insertAtCursor(next);
}

void MainWindow::backToDraft()
{
    if (m_current < 0)
        return;
    if (Status done = m_session->backToDraft(m_current); !done) {
        statusBar()->showMessage(ui("Not saved:") + QLatin1Char(' ') + done.error().toString());
        return;
    }
    unitChangedQuietly(m_current);
    refreshStatus();
    refreshUnitPanels();
    statusBar()->showMessage(ui("Saved as a draft"), 3000);
}

} // namespace wb::gui
