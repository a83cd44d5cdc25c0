#include "po/plural_forms.h"

#include <QMap>
#include <QRegularExpression>
#include <memory>
#include <unicode/plurrule.h>

namespace wb {
namespace {

// CLDR's canonical category order, which is also the order gettext forms use.
const QStringList kCategoryOrder = {QStringLiteral("zero"), QStringLiteral("one"), QStringLiteral("two"),
                                    QStringLiteral("few"), QStringLiteral("many"), QStringLiteral("other")};

// Parses one CLDR condition as ICU prints it ("i mod 10 in 2..4 and v in 0..0 or ...").
// The grammar is CLDR's (UTS #35, Language Plural Rules); ICU has no API that exposes it.
std::optional<PluralCondition> parseCondition(const QString &text)
{
    static const QRegularExpression relationPattern(QStringLiteral(
        R"(^\s*([niftvwce])\s*(?:(?:mod|%)\s*(\d+))?\s*(not\s+in|in|not\s+within|within|is\s+not|is|!=|=)\s*([\d.,\s]+?)\s*$)"));
    PluralCondition condition;
    for (const QString &andPart : text.split(QStringLiteral(" or "), Qt::SkipEmptyParts)) {
        QList<PluralRelation> relations;
        for (const QString &relationText : andPart.split(QStringLiteral(" and "), Qt::SkipEmptyParts)) {
            const auto m = relationPattern.match(relationText);
            if (!m.hasMatch())
                return std::nullopt;
            PluralRelation relation;
            relation.usesNumber = m.captured(1) == QLatin1String("n") || m.captured(1) == QLatin1String("i");
            relation.modulus = m.captured(2).toLongLong();
            const QString op = m.captured(3).simplified();
            relation.negated = op.startsWith(QLatin1String("not")) || op == QLatin1String("is not") || op == QLatin1String("!=");
            for (const QString &item : m.captured(4).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QStringList bounds = item.trimmed().split(QStringLiteral(".."));
                relation.ranges.append({bounds.first().toLongLong(), bounds.last().toLongLong()});
            }
            relations.append(relation);
        }
        condition.append(relations);
    }
    return condition;
}

bool conditionHolds(const PluralCondition &condition, qint64 n)
{
    return std::any_of(condition.cbegin(), condition.cend(), [n](const QList<PluralRelation> &all) {
        return std::all_of(all.cbegin(), all.cend(), [n](const PluralRelation &r) { return r.holdsFor(n); });
    });
}

// C text of a relation, or nullopt when it is a constant (its value in `constant`).
std::optional<QString> relationToC(const PluralRelation &r, bool &constant)
{
    if (!r.usesNumber) {
        constant = r.holdsFor(0);
        return std::nullopt;
    }
    const QString operand = r.modulus ? QStringLiteral("n % ") + QString::number(r.modulus) : QStringLiteral("n");
    QStringList alternatives;
    for (const auto &[low, high] : r.ranges) {
        if (low == high)
            alternatives.append(QStringLiteral("%1 %2 %3").arg(operand, r.negated ? QStringLiteral("!=") : QStringLiteral("=="))
                                    .arg(low));
        else if (r.negated)
            alternatives.append(QStringLiteral("(%1 < %2 || %1 > %3)").arg(operand).arg(low).arg(high));
        else
            alternatives.append(QStringLiteral("(%1 >= %2 && %1 <= %3)").arg(operand).arg(low).arg(high));
    }
    const QString joiner = r.negated ? QStringLiteral(" && ") : QStringLiteral(" || ");
    return alternatives.size() == 1 ? alternatives.first() : QLatin1Char('(') + alternatives.join(joiner) + QLatin1Char(')');
}

// C text of a condition with constant relations folded away.
QString conditionToC(const PluralCondition &condition)
{
    QStringList ors;
    for (const QList<PluralRelation> &all : condition) {
        QStringList ands;
        bool impossible = false;
        for (const PluralRelation &r : all) {
            bool constant = true;
            if (auto text = relationToC(r, constant))
                ands.append(*text);
            else if (!constant)
                impossible = true;
        }
        if (impossible)
            continue;
        if (ands.isEmpty())
            return QStringLiteral("1");
        ors.append(ands.size() == 1 ? ands.first() : QLatin1Char('(') + ands.join(QStringLiteral(" && ")) + QLatin1Char(')'));
    }
    if (ors.isEmpty())
        return QStringLiteral("0");
    return ors.size() == 1 ? ors.first() : QLatin1Char('(') + ors.join(QStringLiteral(" || ")) + QLatin1Char(')');
}

// Whole numbers that reach every category a language has: small numbers and the
// round millions some languages (es, fr, it, pt) treat apart.
QList<qint64> probeNumbers()
{
    QList<qint64> numbers;
    for (qint64 n = 0; n <= 1100; ++n)
        numbers.append(n);
    for (qint64 p = 10000; p <= 10000000000LL; p *= 10)
        for (qint64 k = 1; k <= 12; ++k)
            numbers.append(p * k);
    return numbers;
}

} // namespace

bool PluralRelation::holdsFor(qint64 n) const
{
    const qint64 value = !usesNumber ? 0 : modulus ? n % modulus : n;
    const bool inRanges = std::any_of(ranges.cbegin(), ranges.cend(),
                                      [value](const auto &range) { return value >= range.first && value <= range.second; });
    return negated ? !inRanges : inRanges;
}

QString PluralForms::headerValue() const
{
    const QString plural = count == 1 ? expression : QLatin1Char('(') + expression + QLatin1Char(')');
    return QStringLiteral("nplurals=%1; plural=%2;").arg(count).arg(plural);
}

int PluralForms::formFor(qint64 n) const
{
    for (qsizetype i = 0; i < conditions.size(); ++i)
        if (conditionHolds(conditions[i], n))
            return int(i);
    return int(conditions.size());
}

Result<PluralForms> pluralFormsFor(const QString &language)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(icu::Locale(language.toUtf8().constData()), status));
    if (U_FAILURE(status) || !rules)
        return Diagnostic{ErrorKind::InvalidInput, {}, 0, 0, QStringLiteral("ICU has no plural rules for \"%1\"").arg(language)};
    std::string rulesText;
    rules->getRules().toUTF8String(rulesText);

    QMap<QString, PluralCondition> byKeyword;
    for (const QString &rule : QString::fromStdString(rulesText).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype colon = rule.indexOf(QLatin1Char(':'));
        const QString keyword = rule.left(colon).trimmed();
        QString condition = rule.mid(colon + 1);
        condition = condition.left(condition.indexOf(QLatin1Char('@'))).trimmed(); // drop samples
        if (keyword == QLatin1String("other"))
            continue;
        auto parsed = parseCondition(condition);
        if (!parsed)
            return Diagnostic{ErrorKind::InvalidInput, {}, 0, 0,
                              QStringLiteral("cannot read ICU plural rule \"%1\" for \"%2\"").arg(rule.trimmed(), language)};
        byKeyword.insert(keyword, *parsed);
    }

    PluralForms forms;
    const QList<qint64> numbers = probeNumbers();
    QStringList reachable;
    for (const QString &keyword : kCategoryOrder) {
        if (keyword == QLatin1String("other") || !byKeyword.contains(keyword))
            continue;
        // Reachable: some whole number lands in this category before any earlier one.
        PluralForms partial = forms;
        partial.conditions.append(byKeyword[keyword]);
        const bool reached = std::any_of(numbers.cbegin(), numbers.cend(),
                                         [&](qint64 n) { return partial.formFor(n) == partial.conditions.size() - 1; });
        if (!reached)
            continue;
        forms.conditions.append(byKeyword[keyword]);
        forms.keywords.append(keyword);
    }
    forms.keywords.append(QStringLiteral("other"));
    forms.count = int(forms.keywords.size());

    if (forms.count == 1) {
        forms.expression = QStringLiteral("0");
    } else if (forms.count == 2) {
        forms.expression = QStringLiteral("(%1) ? 0 : 1").arg(conditionToC(forms.conditions.first()));
    } else {
        QString expression = QString::number(forms.count - 1);
        for (qsizetype i = forms.conditions.size() - 1; i >= 0; --i)
            expression = QStringLiteral("(%1) ? %2 : %3").arg(conditionToC(forms.conditions[i])).arg(i).arg(expression);
        forms.expression = expression;
    }
    return forms;
}

} // namespace wb
