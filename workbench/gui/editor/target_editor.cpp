#include "target_editor.h"
#include "i18n.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPointer>
#include "model/placeholder_text.h"
#include <QtConcurrent/QtConcurrentRun>

namespace wb::gui {
namespace {

// Placeholder ranges [start, end) in the text.
QList<QPair<int, int>> placeholders(const QString &text)
{
    QList<QPair<int, int>> ranges;
    for (const auto &[start, length] : placeholderRanges(text))
        ranges.append({start, start + length});
    return ranges;
}

} // namespace

QString TargetEditor::textOf(const QTextDocument &document)
{
    QString text = document.toRawText();
    // Blocks are separated by U+2029 in the raw text; a unit's line breaks are '\n'.
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n')).replace(QChar::LineSeparator, QLatin1Char('\n'));
    return text;
}

TargetEditor::TargetEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

void TargetEditor::setSpellingHooks(MisspeltAt misspeltAt, Suggest suggest, AddWord addWord)
{
    m_misspeltAt = std::move(misspeltAt);
    m_suggest = std::move(suggest);
    m_addWord = std::move(addWord);
}

void TargetEditor::insertAtCursor(const QString &text)
{
    QTextCursor cursor = wholePlaceholders(textCursor());
    cursor.insertText(text);
    setTextCursor(cursor);
}

QTextCursor TargetEditor::wholePlaceholders(QTextCursor cursor) const
{
    const QString text = toPlainText();
    int start = cursor.selectionStart();
    int end = cursor.selectionEnd();
    for (const auto &[from, to] : placeholders(text)) {
        if (start > from && start < to)
            start = from;
        if (end > from && end < to)
            end = to;
    }
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    return cursor;
}

bool TargetEditor::event(QEvent *event)
{
    // Ctrl+Enter and Ctrl+Shift+Enter are the editor's commands (confirm, approve):
    // never a line break in the target.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            event->ignore();
            return false;
        }
    }
    return QPlainTextEdit::event(event);
}

void TargetEditor::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier)) {
        event->ignore();
        return;
    }
    const QString text = toPlainText();
    QTextCursor cursor = textCursor();
    const bool backspace = event->key() == Qt::Key_Backspace;
    const bool del = event->key() == Qt::Key_Delete;
    if ((backspace || del) && !cursor.hasSelection()) {
        const int at = cursor.position();
        for (const auto &[from, to] : placeholders(text)) {
            // Deleting next to (or inside) a placeholder removes all of it.
            if ((backspace && at > from && at <= to) || (del && at >= from && at < to)) {
                cursor.setPosition(from);
                cursor.setPosition(to, QTextCursor::KeepAnchor);
                cursor.removeSelectedText();
                setTextCursor(cursor);
                return;
            }
        }
    }
    if (cursor.hasSelection() && !event->text().isEmpty()) {
        setTextCursor(wholePlaceholders(cursor));
    } else if (!cursor.hasSelection() && !event->text().isEmpty() && !backspace && !del) {
        // Typing inside a placeholder goes after it instead.
        for (const auto &[from, to] : placeholders(text))
            if (cursor.position() > from && cursor.position() < to) {
                cursor.setPosition(to);
                setTextCursor(cursor);
            }
    }
    QPlainTextEdit::keyPressEvent(event);
    // Arrow keys step over placeholders as if they were one character.
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) {
        QTextCursor moved = textCursor();
        for (const auto &[from, to] : placeholders(toPlainText()))
            if (moved.position() > from && moved.position() < to) {
                moved.setPosition(event->key() == Qt::Key_Left ? from : to,
                                  (event->modifiers() & Qt::ShiftModifier) ? QTextCursor::KeepAnchor : QTextCursor::MoveAnchor);
                setTextCursor(moved);
            }
    }
}

void TargetEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    const QTextCursor at = cursorForPosition(event->pos());
    const QString text = toPlainText();
    const auto word = m_misspeltAt ? m_misspeltAt(text, at.position()) : std::nullopt;
    if (word) {
        const QString misspelt = text.mid(word->first, word->second);
        QAction *first = menu->actions().value(0);
        QAction *waiting = new QAction(ui("Looking up suggestions…"), menu);
        waiting->setEnabled(false);
        menu->insertAction(first, waiting);
        QAction *add = new QAction(ui("Add to project dictionary"), menu);
        connect(add, &QAction::triggered, this, [this, misspelt] {
            if (m_addWord)
                m_addWord(misspelt);
        });
        menu->insertAction(first, add);
        menu->insertSeparator(first);
        // Hunspell's suggest() takes 20-100 ms a word: never on the UI thread.
        auto *watcher = new QFutureWatcher<QStringList>(menu);
        QPointer<QMenu> guard(menu);
        const int from = word->first, length = word->second;
        connect(watcher, &QFutureWatcher<QStringList>::finished, menu, [this, watcher, waiting, guard, from, length, menu] {
            if (!guard)
                return;
            const QStringList suggestions = watcher->result();
            waiting->setText(suggestions.isEmpty() ? ui("No suggestions") : ui("Suggestions:"));
            for (const QString &s : suggestions.mid(0, 6)) {
                QAction *use = new QAction(s, menu);
                connect(use, &QAction::triggered, this, [this, s, from, length] {
                    QTextCursor c = textCursor();
                    c.setPosition(from);
                    c.setPosition(from + length, QTextCursor::KeepAnchor);
                    c.insertText(s);
                });
                menu->insertAction(waiting, use);
            }
        });
        watcher->setFuture(QtConcurrent::run(m_suggest, misspelt));
    }
    menu->exec(event->globalPos());
    delete menu;
}

} // namespace wb::gui
