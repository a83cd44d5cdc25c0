#include "qa/consistency_check.h"
#include "text/text_key.h"

namespace wb {
namespace {

QString sourceKey(const QString &text)
{
    QString key = textKey(text.simplified());
    while (!key.isEmpty() && QStringLiteral(".:;!?").contains(key.back()))
        key.chop(1);
    return key;
}

// Case is part of a translation; how its accents are encoded (NFC or NFD) is not.
QString targetKey(const QString &text)
{
    return toNfc(text.simplified());
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
    // The first other unit that shares one side but not the other; one finding per side is
    // enough to send the translator there.
    auto firstConflict = [&](const QList<Use> &uses, auto differs) -> const Use * {
        for (const Use &other : uses)
            if (other.unit != unit && differs(other))
                return &other;
        return nullptr;
    };
    auto report = [&](const char *check, const QString &message, const Use &other) {
        Finding f;
        f.check = QString::fromLatin1(check);
        f.severity = Severity::Warning;
        f.message = message;
        f.subject = other.unit;
        findings.append(f);
    };
    const QList<Use> sameSource = m_bySource.value(sourceKey(entry.msgid));
    if (const Use *other = firstConflict(sameSource, [&](const Use &u) { return targetKey(u.target) != targetKey(entry.msgstr); }))
        report("consistency.source",
               QStringLiteral("the same source is translated differently in unit %1: \u201C%2\u201D").arg(other->unit, other->target), *other);
    const QList<Use> sameTarget = m_byTarget.value(targetKey(entry.msgstr));
    if (const Use *other = firstConflict(sameTarget, [&](const Use &u) { return sourceKey(u.source) != sourceKey(entry.msgid); }))
        report("consistency.target",
               QStringLiteral("the same translation is used for a different source in unit %1: \u201C%2\u201D").arg(other->unit, other->source),
               *other);
    return findings;
}

} // namespace wb
