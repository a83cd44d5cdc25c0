#include "qa/consistency_check.h"

namespace wb {
namespace {

QString sourceKey(const QString &text)
{
    QString key = text.simplified().toLower();
    while (!key.isEmpty() && QStringLiteral(".:;!?").contains(key.back()))
        key.chop(1);
    return key;
}

QString targetKey(const QString &text)
{
    return text.simplified();
}

bool counts(const PoEntry &e)
{
    return !e.obsolete && !e.fuzzy && !e.msgstr.isEmpty() && e.msgidPlural.isEmpty();
}

} // namespace

void ConsistencyIndex::add(const PoCatalog &catalog)
{
    for (const PoEntry &e : catalog.entries) {
        if (!counts(e))
            continue;
        const Use use{e.context.isEmpty() ? e.msgid : e.context, e.msgid, e.msgstr};
        m_bySource[sourceKey(e.msgid)].append(use);
        m_byTarget[targetKey(e.msgstr)].append(use);
    }
}

Findings ConsistencyIndex::check(const PoEntry &entry) const
{
    Findings findings;
    if (!counts(entry))
        return findings;
    const QString unit = entry.context.isEmpty() ? entry.msgid : entry.context;
    for (const Use &other : m_bySource.value(sourceKey(entry.msgid))) {
        if (other.unit == unit || targetKey(other.target) == targetKey(entry.msgstr))
            continue;
        Finding f;
        f.check = QStringLiteral("consistency.source");
        f.severity = Severity::Warning;
        f.message = QStringLiteral("the same source is translated differently in unit %1: \u201C%2\u201D").arg(other.unit, other.target);
        f.subject = other.unit;
        findings.append(f);
        break;
    }
    for (const Use &other : m_byTarget.value(targetKey(entry.msgstr))) {
        if (other.unit == unit || sourceKey(other.source) == sourceKey(entry.msgid))
            continue;
        Finding f;
        f.check = QStringLiteral("consistency.target");
        f.severity = Severity::Warning;
        f.message = QStringLiteral("the same translation is used for a different source in unit %1: \u201C%2\u201D").arg(other.unit, other.source);
        f.subject = other.unit;
        findings.append(f);
        break;
    }
    return findings;
}

} // namespace wb
