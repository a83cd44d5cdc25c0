#include "po/review_marks.h"

#include "po/structured_comments.h"
#include "po/unit_record.h"

#include <QJsonObject>

namespace wb {

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
    const std::shared_ptr<const UnitRecord> record = recordOf(entry);
    const std::optional<StateMark> &mark = record->state;
    const QString marked = mark ? mark->state : QString();
    if (entry.fuzzy)
        return marked == QLatin1String("rejected") ? UnitState::Rejected : UnitState::Draft;
    if (entry.msgstr.isEmpty())
        return UnitState::Untranslated;
    if (marked == QLatin1String("approved")
        && fingerprintHolds(mark->target, entry.msgstr))
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
    setRecordLines(entry, recordKeyword::kState, marks);
    if (state == UnitState::Rejected || state == UnitState::Draft)
        entry.fuzzy = true;
    else if (state == UnitState::Approved || state == UnitState::Translated)
        entry.fuzzy = false;
}

} // namespace wb
