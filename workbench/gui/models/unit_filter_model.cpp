#include "unit_filter_model.h"
#include "align/aligned_drafts.h"
#include "editor/editor_session.h"
#include "model/placeholder_text.h"
#include "project/catalog_merge.h"

namespace wb::gui {

UnitFilterModel::UnitFilterModel(EditorSession &session, QObject *parent) : QSortFilterProxyModel(parent), m_session(session) {}

void UnitFilterModel::setState(const QString &state)
{
    m_state = state;
    invalidateFilter();
}

void UnitFilterModel::setOnlyWithFindings(bool only)
{
    m_onlyWithFindings = only;
    invalidateFilter();
}

bool UnitFilterModel::setSearch(const QString &pattern, Scope scope, bool regularExpression)
{
    if (!storeSearch(pattern, scope, regularExpression))
        return false;
    invalidateFilter();
    return true;
}

bool UnitFilterModel::setFilters(const QString &state, bool onlyWithFindings, const QString &pattern, Scope scope,
                                 bool regularExpression)
{
    m_state = state;
    m_onlyWithFindings = onlyWithFindings;
    const bool valid = storeSearch(pattern, scope, regularExpression);
    invalidateFilter();
    return valid;
}

bool UnitFilterModel::storeSearch(const QString &pattern, Scope scope, bool regularExpression)
{
    QRegularExpression search(regularExpression ? pattern : QRegularExpression::escape(pattern),
                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (!search.isValid())
        return false;
    m_search = pattern.isEmpty() ? QRegularExpression() : search;
    m_scope = scope;
    return true;
}

bool UnitFilterModel::changedByLastUpdate(int row) const
{
    const PoEntry *entry = m_session.entry(row);
    return entry && lastChangeOf(*entry).has_value();
}

bool UnitFilterModel::alignedWithLowConfidence(int row) const
{
    const PoEntry *entry = m_session.entry(row);
    const std::optional<double> score = entry ? alignedScoreOf(*entry) : std::nullopt;
    return score && *score < kLowConfidenceScore;
}

bool UnitFilterModel::filterAcceptsRow(int row, const QModelIndex &) const
{
    if (!m_state.isEmpty()) {
        const bool keep = m_state == QLatin1String("needs-work")       ? m_session.needsWork(row)
                        : m_state == QLatin1String("changed-since-review") ? m_session.changedSinceMyReview(row)
                        : m_state == QLatin1String("changed-by-update")    ? changedByLastUpdate(row)
                        : m_state == QLatin1String("aligned-low-confidence") ? alignedWithLowConfidence(row)
                                                                            : stateName(m_session.state(row)) == m_state;
        if (!keep)
            return false;
    }
    if (m_onlyWithFindings && const_cast<EditorSession &>(m_session).findings(row).isEmpty())
        return false;
    if (!m_search.pattern().isEmpty()) {
        const bool inSource = m_scope != Scope::Target && m_search.match(plainTextOf(m_session.unit(row).source)).hasMatch();
        const bool inTarget = m_scope != Scope::Source && m_search.match(plainTextOf(m_session.target(row))).hasMatch();
        if (!inSource && !inTarget)
            return false;
    }
    return true;
}

} // namespace wb::gui
