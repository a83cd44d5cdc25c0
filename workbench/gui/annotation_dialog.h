#pragma once
#include "review/review_record.h"
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace wb::gui {

/// A reviewer's error in one dialog: category, severity and note, about the target words
/// selected in the editor (or the whole unit when nothing is selected).
class AnnotationDialog : public QDialog {
    Q_OBJECT
public:
    /// `start`/`length`: the selection in `target`; length 0 for the whole unit.
    AnnotationDialog(const QString &target, int start, int length, QWidget *parent = nullptr);
    ReviewError error() const;

private:
    QComboBox *m_category;
    QComboBox *m_severity;
    QLineEdit *m_note;
    int m_start;
    int m_length;
    QString m_words;
};

} // namespace wb::gui
