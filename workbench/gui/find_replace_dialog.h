#pragma once
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace wb { class EditorSession; }

namespace wb::gui {

/// Find and replace in targets, with a preview of every change before it is made.
/// Replacements become unconfirmed edits: the translator still confirms each unit.
class FindReplaceDialog : public QDialog {
    Q_OBJECT
public:
    FindReplaceDialog(EditorSession &session, QWidget *parent = nullptr);
    /// Units the replacement would change, with their new targets.
    QList<QPair<int, QString>> preview() const;
    /// Applies the previewed replacement; returns the changed units.
    QList<int> apply();

private:
    void refreshPreview();
    EditorSession &m_session;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_regex;
    QTreeWidget *m_list;
    QLabel *m_summary;
};

} // namespace wb::gui
