#include "qa/structure_check.h"
#include "model/localizer.h"

namespace wb {

QHash<QString, Finding> structureFindings(const SegmentedDocument &doc, const PoCatalog &catalog)
{
    QHash<QString, const PoEntry *> byId;
    for (const PoEntry &entry : catalog.entries)
        if (!entry.obsolete && !entry.msgstr.isEmpty())
            byId.insert(entry.context, &entry);
    Diagnostics problems;
    QList<RefusedTranslation> refusals;
    localizeDocument(doc, [&](const SourceUnit &unit) -> std::optional<QString> {
        const PoEntry *entry = byId.value(unit.id);
        if (!entry || entry->msgid != unit.text)
            return std::nullopt;
        return entry->msgstr;
    }, problems, &refusals);

    QHash<QString, Finding> findings;
    for (const RefusedTranslation &refusal : refusals) {
        if (refusal.reason != RefusedTranslation::Reason::Structure)
            continue; // empty or mismatched placeholders: QA's other checks say so
        const SourceUnit &unit = doc.units[refusal.unit];
        Finding finding;
        finding.unit = unit.id;
        finding.msgid = unit.text;
        finding.check = QStringLiteral("markup.structure");
        finding.severity = Severity::Error;
        finding.message = QStringLiteral("this translation cannot be written in Markdown without changing the page (%1); "
                                         "the export would keep the English text. Put words between each pair of "
                                         "placeholders, and a space where the source has one next to them")
                              .arg(refusal.why);
        findings.insert(unit.id, finding);
    }
    return findings;
}

} // namespace wb
