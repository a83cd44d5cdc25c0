#pragma once
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
    enum Role { RichTextRole = Qt::UserRole + 1 };

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

} // namespace wb::gui
