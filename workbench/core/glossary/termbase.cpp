#include "glossary/termbase.h"

#include <QHash>

#include <optional>

namespace wb {

QString termStatusName(TermStatus status)
{
    switch (status) {
    case TermStatus::Preferred: return QStringLiteral("preferred");
    case TermStatus::Admitted: return QStringLiteral("admitted");
    case TermStatus::Deprecated: return QStringLiteral("deprecated");
    case TermStatus::Superseded: return QStringLiteral("superseded");
    }
    return {};
}

std::optional<TermStatus> termStatusFromName(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.remove(QStringLiteral("term-admn-sts"));
    if (n == QLatin1String("preferred")) return TermStatus::Preferred;
    if (n == QLatin1String("admitted")) return TermStatus::Admitted;
    if (n == QLatin1String("deprecated") || n == QLatin1String("forbidden"))
        return TermStatus::Deprecated;
    // TBX 2008 tools (Weblate) write "obsolete" for terms no longer to be used.
    if (n == QLatin1String("superseded") || n == QLatin1String("obsolete")) return TermStatus::Superseded;
    return std::nullopt;
}

bool Term::isAcronym() const
{
    if (termType == QLatin1String("acronym") || termType == QLatin1String("abbreviation"))
        return true;
    int upper = 0, lower = 0;
    for (QChar c : text) {
        upper += c.isUpper();
        lower += c.isLower();
    }
    return upper >= 2 && lower == 0;
}

QList<Term> Concept::termsIn(const QString &language) const
{
    QList<Term> result;
    for (const Term &t : terms)
        if (sameLanguage(t.language, language))
            result.append(t);
    return result;
}

const Term *Concept::preferred(const QString &language) const
{
    const Term *firstAcceptable = nullptr;
    for (const Term &t : terms) {
        if (!sameLanguage(t.language, language) || !t.isAcceptable())
            continue;
        if (t.status == TermStatus::Preferred)
            return &t;
        if (!firstAcceptable)
            firstAcceptable = &t;
    }
    return firstAcceptable;
}

const Concept *Termbase::findConcept(const QString &id) const
{
    for (const Concept &c : concepts)
        if (c.id == id)
            return &c;
    return nullptr;
}

bool Concept::isCritical() const
{
    return subsets.contains(QLatin1String(kCriticalSubset));
}

void Termbase::merge(const Termbase &other)
{
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < concepts.size(); ++i)
        indexOf.insert(concepts[i].id, i);
    for (const Concept &incoming : other.concepts) {
        const auto found = indexOf.constFind(incoming.id);
        if (found == indexOf.cend()) {
            indexOf.insert(incoming.id, concepts.size());
            concepts.append(incoming);
            continue;
        }
        Concept *it = &concepts[*found];
        for (const QString &subset : incoming.subsets)
            if (!it->subsets.contains(subset))
                it->subsets.append(subset);
        for (const Term &t : incoming.terms)
            if (!it->terms.contains(t))
                it->terms.append(t);
        for (auto d = incoming.definitions.cbegin(); d != incoming.definitions.cend(); ++d)
            if (!it->definitions.contains(d.key()))
                it->definitions.insert(d.key(), d.value());
    }
}

} // namespace wb
