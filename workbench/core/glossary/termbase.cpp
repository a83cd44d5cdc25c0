#include "glossary/termbase.h"

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

void Termbase::merge(const Termbase &other)
{
    for (const Concept &incoming : other.concepts) {
        auto it = std::find_if(concepts.begin(), concepts.end(), [&](const Concept &c) { return c.id == incoming.id; });
        if (it == concepts.end()) {
            concepts.append(incoming);
            continue;
        }
        for (const Term &t : incoming.terms)
            if (!it->terms.contains(t))
                it->terms.append(t);
        for (auto d = incoming.definitions.cbegin(); d != incoming.definitions.cend(); ++d)
            if (!it->definitions.contains(d.key()))
                it->definitions.insert(d.key(), d.value());
    }
}

bool sameLanguage(const QString &a, const QString &b)
{
    auto primary = [](const QString &code) {
        qsizetype cut = code.indexOf(QLatin1Char('-'));
        const qsizetype underscore = code.indexOf(QLatin1Char('_'));
        if (cut < 0 || (underscore >= 0 && underscore < cut))
            cut = underscore;
        return QStringView(code).left(cut < 0 ? code.size() : cut);
    };
    return primary(a).compare(primary(b), Qt::CaseInsensitive) == 0;
}

} // namespace wb
