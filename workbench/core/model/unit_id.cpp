#include "model/unit_id.h"
#include "model/placeholder_text.h"
#include "common/unicode_nfc.h"

#include <QCryptographicHash>
#include <QHash>

namespace wb {

QString normalizedForIdentity(const QString &text)
{
    return toNfc(text).simplified();
}

QString unitIdForText(const QString &text)
{
    const QString normalized = normalizedForIdentity(text);
    const QByteArray digest = QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);

    // The slug only helps people reading PO diffs; non-ASCII letters are left out.
    QString slug;
    int words = 0;
    bool inWord = false;
    for (QChar c : plainTextOf(normalized).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            if (!inWord) {
                if (++words > 4)
                    break;
                if (!slug.isEmpty())
                    slug += QLatin1Char('-');
            }
            slug += c;
            inWord = true;
        } else {
            inWord = false;
        }
        if (slug.size() >= 40)
            break;
    }
    return slug.isEmpty() ? QStringLiteral("u.") + QLatin1String(digest) : slug + QLatin1Char('.') + QLatin1String(digest);
}

QStringList assignUnitIds(const QStringList &texts)
{
    QStringList ids;
    QHash<QString, int> seen;
    for (const QString &text : texts) {
        const QString id = unitIdForText(text);
        const int occurrence = ++seen[id];
        ids.append(occurrence == 1 ? id : id + QLatin1Char('.') + QString::number(occurrence));
    }
    return ids;
}

} // namespace wb
