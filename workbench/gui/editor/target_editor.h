#pragma once
#include <QFutureWatcher>
#include <QPlainTextEdit>
#include <functional>

namespace wb::gui {

/// The target editor of the current unit. Placeholders ({1}, {/1}, {2/}) behave as single
/// characters: the cursor never stops inside one and they are deleted whole. The context
/// menu offers spelling suggestions, computed off the UI thread, and "add to project
/// dictionary".
class TargetEditor : public QPlainTextEdit {
public:
    explicit TargetEditor(QWidget *parent = nullptr);

    /// The word under a position that the spell checker rejects, with its range, if any.
    using MisspeltAt = std::function<std::optional<QPair<int, int>>(const QString &text, int position)>;
    using Suggest = std::function<QStringList(const QString &word)>; ///< slow: runs on a worker thread
    using AddWord = std::function<void(const QString &word)>;
    void setSpellingHooks(MisspeltAt misspeltAt, Suggest suggest, AddWord addWord);

    /// The target as typed, no-break spaces kept ("10\u00A0mg"): QPlainTextEdit::toPlainText()
    /// turns them into plain spaces, which would change the translation on every edit.
    QString text() const { return textOf(*document()); }
    static QString textOf(const QTextDocument &document);

    /// Inserts text at the cursor, as typing would.
    void insertAtCursor(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    /// Grows a cursor's selection so that it never cuts a placeholder.
    QTextCursor wholePlaceholders(QTextCursor cursor) const;
    MisspeltAt m_misspeltAt;
    Suggest m_suggest;
    AddWord m_addWord;
};

} // namespace wb::gui
