#pragma once
#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace wb { class EditorSession; }

namespace wb::gui {

/// Filters: by state ("" all, "needs-work", "changed-since-review" for this user,
/// "changed-by-update" for what the last source revision changed, "aligned-low-confidence"
/// for drafts `workbench align` filled from a weak link, or a
/// state name), units with findings, and
/// text or regular-expression search in the source, the target or both.
class UnitFilterModel : public QSortFilterProxyModel {
public:
    enum class Scope { Source, Target, Both };
    explicit UnitFilterModel(EditorSession &session, QObject *parent = nullptr);

    void setState(const QString &state);
    void setOnlyWithFindings(bool only);
    /// Returns false when `pattern` is not a valid regular expression.
    bool setSearch(const QString &pattern, Scope scope, bool regularExpression);
    /// All of the above at once, filtering the rows once (the toolbar calls this on every
    /// keystroke). Returns false when `pattern` is not a valid regular expression; the
    /// previous search then stays.
    bool setFilters(const QString &state, bool onlyWithFindings, const QString &pattern, Scope scope, bool regularExpression);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool changedByLastUpdate(int row) const; ///< what `workbench update` marked (project/catalog_merge.h)
    bool alignedWithLowConfidence(int row) const; ///< a draft `workbench align` filled from a weak link

private:
    bool storeSearch(const QString &pattern, Scope scope, bool regularExpression);
    EditorSession &m_session;
    QString m_state;
    bool m_onlyWithFindings = false;
    QRegularExpression m_search;
    Scope m_scope = Scope::Both;
};

} // namespace wb::gui
