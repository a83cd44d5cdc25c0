#include "unit_table_model.h"
#include "editor/editor_session.h"
#include "i18n.h"
#include "ui_terms.h"
#include "model/placeholder_text.h"
#include "qa/check_suite.h"
#include "qa/terminology_check.h"

#include <QApplication>
#include <QColor>
#include <QStyle>

namespace wb::gui {

QString unitTextHtml(const QString &unitText, const QList<QPair<int, int>> &underlined)
{
    const QList<QPair<int, int>> placeholders = placeholderRanges(unitText);
    qsizetype nextPlaceholder = 0;
    QString html;
    auto isUnderlined = [&](int at) {
        return std::any_of(underlined.cbegin(), underlined.cend(), [at](const QPair<int, int> &s) { return at >= s.first && at < s.first + s.second; });
    };
    bool open = false;
    for (int i = 0; i < unitText.size();) {
        if (nextPlaceholder < placeholders.size() && placeholders[nextPlaceholder].first == i) {
            const auto [start, length] = placeholders[nextPlaceholder++];
            if (open) { html += QStringLiteral("</u>"); open = false; }
            html += QStringLiteral("<span style=\"background:#dfe3ee;color:#3b4a6b;font-size:small\">&#8239;%1&#8239;</span>")
                        .arg(unitText.mid(start + 1, length - 2).toHtmlEscaped());
            i = start + length;
            continue;
        }
        const bool u = isUnderlined(i);
        if (u != open) {
            html += u ? QStringLiteral("<u>") : QStringLiteral("</u>");
            open = u;
        }
        html += QString(unitText[i]).toHtmlEscaped();
        ++i;
    }
    if (open)
        html += QStringLiteral("</u>");
    return html;
}

QString unitDiffHtml(const QList<DiffPiece> &diff)
{
    return diffHtml(diff, [](const QString &text) { return unitTextHtml(text); });
}

UnitTableModel::UnitTableModel(EditorSession &session, QObject *parent) : QAbstractTableModel(parent), m_session(session) {}

int UnitTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_session.unitCount();
}

int UnitTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UnitTableModel::sourceHtml(int row) const
{
    const auto cached = m_sourceHtml.constFind(row);
    if (cached != m_sourceHtml.cend())
        return *cached;
    const QString source = m_session.unit(row).source;
    QList<QPair<int, int>> terms;
    if (CheckSuite *checks = m_session.checks())
        for (const SourceTermHit &hit : checks->terminology().recognize(source))
            terms.append({hit.span.start, hit.span.length});
    const QString html = unitTextHtml(source, terms);
    m_sourceHtml.insert(row, html);
    return html;
}

QVariant UnitTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return row + 1;
        case Source: return plainTextOf(m_session.unit(row).source);
        case Target: return plainTextOf(m_session.target(row));
        case State: {
            QString name = uiTerm(stateName(m_session.state(row)));
            if (m_session.conflictingTarget(row))
                name = ui("conflict");
            else if (m_session.isEdited(row))
                name += QLatin1Char('*');
            return name;
        }
        case Qa: {
            const int n = int(const_cast<EditorSession &>(m_session).findings(row).size());
            return n ? QString::number(n) : QString();
        }
        }
        break;
    case RichTextRole:
        if (index.column() == Source)
            return sourceHtml(row);
        if (index.column() == Target)
            return unitTextHtml(m_session.target(row));
        break;
    case Qt::ToolTipRole:
        if (index.column() == Qa) {
            QStringList lines;
            for (const Finding &f : const_cast<EditorSession &>(m_session).findings(row))
                lines.append(findingLine(f));
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case Qt::DecorationRole:
    case QaSeverityRole:
        if (index.column() == Qa) {
            const Findings findings = const_cast<EditorSession &>(m_session).findings(row);
            if (findings.isEmpty())
                return {};
            Severity worst = Severity::Info;
            for (const Finding &f : findings)
                worst = std::max(worst, f.severity);
            if (role == QaSeverityRole)
                return worst == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
            return severityIcon(worst);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == Qa)
            return QColor(0xb0, 0x5a, 0x00);
        break;
    }
    return {};
}

QString UnitTableModel::findingLine(const Finding &f)
{
    return QStringLiteral("%1 [%2] %3").arg(f.severity == Severity::Error ? ui("Error:") : ui("Warning:"), f.check, f.message);
}

QIcon UnitTableModel::severityIcon(Severity severity)
{
    return QApplication::style()->standardIcon(severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                                                                            : QStyle::SP_MessageBoxWarning);
}

QVariant UnitTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return ui("#");
    case Source: return ui("Source");
    case Target: return ui("Translation");
    case State: return ui("State");
    case Qa: return ui("QA");
    }
    return {};
}

void UnitTableModel::unitChanged(int row)
{
    if (row < 0) {
        beginResetModel();
        m_sourceHtml.clear();
        endResetModel();
        return;
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace wb::gui
