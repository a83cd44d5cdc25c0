#include "po/structured_comments.h"
#include "common/unicode_nfc.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace wb {
namespace {
QString prefixOf(const QString &keyword)
{
    return QStringLiteral("wb:") + keyword + QLatin1Char(' ');
}
} // namespace

QString withStructuredLines(const QString &comments, const QString &keyword, const QList<QJsonObject> &objects)
{
    const QString prefix = prefixOf(keyword);
    QStringList lines;
    for (const QString &line : comments.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().startsWith(prefix))
            lines.append(line);
    for (const QJsonObject &object : objects)
        lines.append(prefix + QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    return lines.join(QLatin1Char('\n'));
}

QString textFingerprint(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

bool fingerprintHolds(const QString &stored, const QString &text)
{
    if (stored == textFingerprint(text))
        return true;
    const QString decomposed = toNfd(text);
    return decomposed != text && stored == textFingerprint(decomposed);
}

} // namespace wb
