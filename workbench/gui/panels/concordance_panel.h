#pragma once
#include <QWidget>

class QLineEdit;
class QListWidget;
class QTimer;

namespace wb { class EditorSession; }

namespace wb::gui {

/// Concordance (Ctrl+K): how the project and the memory have said some words before. Every
/// unit of this document and of the user's memory whose source or target holds all the
/// words typed, case and accents ignored; double-click or Enter on a unit of this document
/// goes there.
class ConcordancePanel : public QWidget {
    Q_OBJECT
public:
    ConcordancePanel(EditorSession &session, QWidget *parent = nullptr);
    /// Puts the words in the search field, searches, and gives the field keyboard focus.
    void searchFor(const QString &words);
    QLineEdit *query() const { return m_query; }
    QListWidget *results() const { return m_results; }

signals:
    void unitRequested(int unit);

private:
    void search();
    EditorSession &m_session;
    QLineEdit *m_query;
    QListWidget *m_results;
    QTimer *m_delay;
};

} // namespace wb::gui
