#pragma once
#include "text/text_diff.h"
#include "qa/finding.h"
#include <QIcon>
#include <QAbstractTableModel>
#include <QHash>

namespace wb {
class EditorSession;
class TerminologyChecker;
}

namespace wb::gui {

/// The units of a session as a table: number, source, target, state, QA marker.
/// Rich text (placeholders as chips, glossary terms underlined) is made on demand for
/// the rows the view shows, and cached, so 10,000 units open at once.
class UnitTableModel : public QAbstractTableModel {
public:
    enum Column { Number, Source, Target, State, Qa, ColumnCount };
    /// QaSeverityRole: "error", "warning" or "" for the worst finding of the row's unit.
    enum Role { RichTextRole = Qt::UserRole + 1, QaSeverityRole };
    /// The icon for a finding of this severity: Qt's standard message box icons, which
    /// every platform style draws (a font glyph rendered as an empty box on Debian).
    static QIcon severityIcon(Severity severity);
    /// "Error: [terminology.forbidden] ..." as the grid's tooltip and the QA panel list it.
    static QString findingLine(const Finding &finding);

    explicit UnitTableModel(EditorSession &session, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Call after a unit's target or state changed (or -1 for all).
    void unitChanged(int row);

private:
    QString sourceHtml(int row) const;
    EditorSession &m_session;
    mutable QHash<int, QString> m_sourceHtml;
};

/// Unit text as HTML: placeholders as compact chips, optional spans underlined.
QString unitTextHtml(const QString &unitText, const QList<QPair<int, int>> &underlined = {});
/// diffHtml of unit texts, with placeholders as chips.
QString unitDiffHtml(const QList<DiffPiece> &diff);

} // namespace wb::gui
