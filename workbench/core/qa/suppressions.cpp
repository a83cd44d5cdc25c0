#include "qa/suppressions.h"
#include "po/structured_comments.h"

namespace wb {
namespace {

const QString kKeyword = QStringLiteral("qa-ignore");

QString unitFingerprint(const PoEntry &entry)
{
    return textFingerprint(entry.msgid + QChar(0) + entry.msgstr);
}

} // namespace

QList<Suppression> suppressionsOf(const PoEntry &entry)
{
    QList<Suppression> result;
    const QString fingerprint = unitFingerprint(entry);
    for (const QJsonObject &o : structuredLines(entry.translatorComments, kKeyword)) {
        if (o.value(QLatin1String("unit")).toString() != fingerprint)
            continue;
        result.append(Suppression{o.value(QLatin1String("check")).toString(), o.value(QLatin1String("subject")).toString(),
                                  o.value(QLatin1String("by")).toString(),
                                  QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODate),
                                  o.value(QLatin1String("reason")).toString()});
    }
    return result;
}

void addSuppression(PoEntry &entry, const Suppression &s)
{
    QList<QJsonObject> objects = structuredLines(entry.translatorComments, kKeyword);
    objects.append(QJsonObject{{QStringLiteral("check"), s.check},
                               {QStringLiteral("subject"), s.subject},
                               {QStringLiteral("by"), s.by},
                               {QStringLiteral("at"), s.at.toUTC().toString(Qt::ISODate)},
                               {QStringLiteral("reason"), s.reason},
                               {QStringLiteral("unit"), unitFingerprint(entry)}});
    entry.translatorComments = withStructuredLines(entry.translatorComments, kKeyword, objects);
}

bool pruneStaleSuppressions(PoEntry &entry)
{
    const QString fingerprint = unitFingerprint(entry);
    const QList<QJsonObject> all = structuredLines(entry.translatorComments, kKeyword);
    QList<QJsonObject> valid;
    for (const QJsonObject &o : all)
        if (o.value(QLatin1String("unit")).toString() == fingerprint)
            valid.append(o);
    if (valid.size() == all.size())
        return false;
    entry.translatorComments = withStructuredLines(entry.translatorComments, kKeyword, valid);
    return true;
}

bool isSuppressed(const Finding &finding, const QList<Suppression> &suppressions)
{
    return std::any_of(suppressions.cbegin(), suppressions.cend(), [&](const Suppression &s) {
        return s.check == finding.check && (s.subject.isEmpty() || s.subject == finding.subject);
    });
}

} // namespace wb
