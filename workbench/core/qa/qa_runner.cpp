#include "qa/qa_runner.h"
#include "po/review_marks.h"
#include "qa/suppressions.h"

#include <QJsonArray>
#include <QMap>

namespace wb {

bool QaReport::hasErrors() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Located &l) { return l.finding.severity == Severity::Error; });
}

QJsonObject QaReport::toJson() const
{
    QJsonArray list;
    QMap<QString, QMap<QString, int>> summary; // check -> severity -> count
    for (const Located &l : findings) {
        QJsonObject o = l.finding.toJson();
        o.insert(QStringLiteral("file"), l.file);
        o.insert(QStringLiteral("line"), l.line);
        list.append(o);
        ++summary[l.finding.check][severityName(l.finding.severity)];
    }
    QJsonObject bySeverity;
    QJsonObject byCheck;
    for (auto c = summary.cbegin(); c != summary.cend(); ++c) {
        QJsonObject counts;
        for (auto s = c.value().cbegin(); s != c.value().cend(); ++s) {
            counts.insert(s.key(), s.value());
            bySeverity.insert(s.key(), bySeverity.value(s.key()).toInt() + s.value());
        }
        byCheck.insert(c.key(), counts);
    }
    return QJsonObject{{QStringLiteral("findings"), list},
                       {QStringLiteral("summary"), QJsonObject{{QStringLiteral("checks"), byCheck},
                                                               {QStringLiteral("severities"), bySeverity},
                                                               {QStringLiteral("total"), int(findings.size())}}},
                       {QStringLiteral("units_checked"), unitsChecked},
                       {QStringLiteral("suppressed"), suppressed}};
}

void runChecks(const PoCatalog &catalog, const QString &catalogPath, const UnitCheck &check, const RunOptions &options,
               QaReport &report)
{
    for (const PoEntry &entry : catalog.entries) {
        if (entry.obsolete || !entry.msgidPlural.isEmpty() || (entry.fuzzy && !options.includeDrafts))
            continue;
        Findings findings;
        if (entry.msgstr.isEmpty()) {
            Finding empty;
            empty.check = QStringLiteral("untranslated.empty");
            empty.severity = Severity::Info;
            empty.message = QStringLiteral("not translated yet");
            findings.append(empty);
        } else {
            ++report.unitsChecked;
            findings = check(entry);
        }
        const QList<Suppression> suppressions = suppressionsOf(entry);
        for (Finding finding : findings) {
            if (isSuppressed(finding, suppressions)) {
                ++report.suppressed;
                continue;
            }
            if (finding.severity < options.minimum)
                continue;
            finding.unit = entry.context.isEmpty() ? entry.msgid : entry.context;
            finding.msgid = entry.msgid;
            report.findings.append({finding, catalogPath, entry.line, entry.msgstr});
        }
    }
}

} // namespace wb
