#include "po/review_marks.h"

#include "po/structured_comments.h"

#include <QJsonObject>

namespace wb {
namespace {

const QString kStateKeyword = QStringLiteral("state");

std::optional<QJsonObject> stateMark(const PoEntry &entry)
{
    const QList<QJsonObject> marks = structuredLines(entry.translatorComments, kStateKeyword);
    if (marks.isEmpty())
        return std::nullopt;
    return marks.first();
}

} // namespace

QString stateName(UnitState state)
{
    switch (state) {
    case UnitState::Untranslated: return QStringLiteral("untranslated");
    case UnitState::Draft: return QStringLiteral("draft");
    case UnitState::Translated: return QStringLiteral("translated");
    case UnitState::Approved: return QStringLiteral("approved");
    case UnitState::Rejected: return QStringLiteral("rejected");
    }
    return {};
}

std::optional<UnitState> stateFromName(const QString &name)
{
    for (UnitState s : kUnitStates)
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

QString targetFingerprint(const QString &msgstr)
{
    return textFingerprint(msgstr);
}

UnitState stateOf(const PoEntry &entry)
{
    const auto mark = stateMark(entry);
    const QString marked = mark ? mark->value(QLatin1String("state")).toString() : QString();
    if (entry.fuzzy)
        return marked == QLatin1String("rejected") ? UnitState::Rejected : UnitState::Draft;
    if (entry.msgstr.isEmpty())
        return UnitState::Untranslated;
    if (marked == QLatin1String("approved")
        && mark->value(QLatin1String("target")).toString() == targetFingerprint(entry.msgstr))
        return UnitState::Approved;
    return UnitState::Translated;
}

void setReviewState(PoEntry &entry, UnitState state, const QString &by, const QDateTime &at, const QString &reason)
{
    QList<QJsonObject> marks;
    if (state == UnitState::Approved || state == UnitState::Rejected) {
        QJsonObject mark{{QStringLiteral("state"), stateName(state)},
                         {QStringLiteral("by"), by},
                         {QStringLiteral("at"), at.toUTC().toString(Qt::ISODate)}};
        if (state == UnitState::Approved)
            mark.insert(QStringLiteral("target"), targetFingerprint(entry.msgstr));
        if (!reason.isEmpty())
            mark.insert(QStringLiteral("reason"), reason);
        marks.append(mark);
    }
    entry.translatorComments = withStructuredLines(entry.translatorComments, kStateKeyword, marks);
    if (state == UnitState::Rejected || state == UnitState::Draft)
        entry.fuzzy = true;
    else if (state == UnitState::Approved || state == UnitState::Translated)
        entry.fuzzy = false;
}

} // namespace wb
