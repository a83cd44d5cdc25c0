#include "model/unit_id.h"
#include "model/placeholder_text.h"

#include <QCryptographicHash>
#include <QHash>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace wb {

QString normalizedForIdentity(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(status);
    QString normalized = text;
    if (U_SUCCESS(status)) {
        const icu::UnicodeString in(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
        const icu::UnicodeString out = nfc->normalize(in, status);
        if (U_SUCCESS(status))
            normalized = QString(reinterpret_cast<const QChar *>(out.getBuffer()), out.length());
    }
    return normalized.simplified();
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
