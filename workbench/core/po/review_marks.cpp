#include "po/review_marks.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace wb {
namespace {

const QString kStatePrefix = QStringLiteral("wb:state ");

std::optional<QJsonObject> stateMark(const PoEntry &entry)
{
    for (const QString &line : entry.translatorComments.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.startsWith(kStatePrefix))
            continue;
        const QJsonDocument json = QJsonDocument::fromJson(trimmed.mid(kStatePrefix.size()).toUtf8());
        if (json.isObject())
            return json.object();
    }
    return std::nullopt;
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
    for (UnitState s : {UnitState::Untranslated, UnitState::Draft, UnitState::Translated, UnitState::Approved,
                        UnitState::Rejected})
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

QString targetFingerprint(const QString &msgstr)
{
    return QString::fromLatin1(QCryptographicHash::hash(msgstr.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
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
    QStringList lines;
    for (const QString &line : entry.translatorComments.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().startsWith(kStatePrefix))
            lines.append(line);
    if (state == UnitState::Approved || state == UnitState::Rejected) {
        QJsonObject mark{{QStringLiteral("state"), stateName(state)},
                         {QStringLiteral("by"), by},
                         {QStringLiteral("at"), at.toUTC().toString(Qt::ISODate)}};
        if (state == UnitState::Approved)
            mark.insert(QStringLiteral("target"), targetFingerprint(entry.msgstr));
        if (!reason.isEmpty())
            mark.insert(QStringLiteral("reason"), reason);
        lines.append(kStatePrefix + QString::fromUtf8(QJsonDocument(mark).toJson(QJsonDocument::Compact)));
    }
    entry.translatorComments = lines.join(QLatin1Char('\n'));
    if (state == UnitState::Rejected || state == UnitState::Draft)
        entry.fuzzy = true;
    else if (state == UnitState::Approved || state == UnitState::Translated)
        entry.fuzzy = false;
}

} // namespace wb
