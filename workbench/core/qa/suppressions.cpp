#include "qa/suppressions.h"
#include "po/structured_comments.h"

namespace wb {
namespace {

QString unitText(const PoEntry &entry)
{
    return entry.msgid + QChar(0) + entry.msgstr;
}

QString unitFingerprint(const PoEntry &entry)
{
    return textFingerprint(unitText(entry));
}

} // namespace

QList<Suppression> suppressionsOf(const PoEntry &entry)
{
    QList<Suppression> result;
    const QString text = unitText(entry);
    for (const auto &[unit, suppression] : recordOf(entry)->suppressions)
        if (fingerprintHolds(unit, text))
            result.append(suppression);
    return result;
}

void addSuppression(PoEntry &entry, const Suppression &s)
{
    appendRecordLine(entry, recordKeyword::kSuppression,
                     QJsonObject{{QStringLiteral("check"), s.check},
                                 {QStringLiteral("subject"), s.subject},
                                 {QStringLiteral("by"), s.by},
                                 {QStringLiteral("at"), s.at.toUTC().toString(Qt::ISODate)},
                                 {QStringLiteral("reason"), s.reason},
                                 {QStringLiteral("unit"), unitFingerprint(entry)}});
}

bool pruneStaleSuppressions(PoEntry &entry)
{
    const QString text = unitText(entry);
    const QList<QJsonObject> all = recordOf(entry)->lines(recordKeyword::kSuppression);
    QList<QJsonObject> valid;
    for (const QJsonObject &o : all)
        if (fingerprintHolds(o.value(QLatin1String("unit")).toString(), text))
            valid.append(o);
    if (valid.size() == all.size())
        return false;
    setRecordLines(entry, recordKeyword::kSuppression, valid);
    return true;
}

bool isSuppressed(const Finding &finding, const QList<Suppression> &suppressions)
{
    return std::any_of(suppressions.cbegin(), suppressions.cend(), [&](const Suppression &s) {
        return s.check == finding.check && (s.subject.isEmpty() || s.subject == finding.subject);
    });
}

} // namespace wb
