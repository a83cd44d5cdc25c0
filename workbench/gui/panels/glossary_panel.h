#pragma once
#include <QListWidget>

namespace wb { struct TermSuggestion; }

namespace wb::gui {

/// Glossary terms of the current unit, one entry per concept: the source words, what to
/// write (in the form the source calls for) and what never to write. A click only selects;
/// double-click, Enter or Ctrl+1..9 inserts (a click inserting changed translations by accident).
class GlossaryPanel : public QListWidget {
    Q_OBJECT
public:
    explicit GlossaryPanel(QWidget *parent = nullptr);
    void showSuggestions(const QList<TermSuggestion> &suggestions);
    /// The text the n-th entry (0-based) inserts, or an empty string.
    QString insertionFor(int n) const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

signals:
    void insertRequested(const QString &text);
};

} // namespace wb::gui
