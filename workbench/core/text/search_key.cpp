#include "text/search_key.h"
#include "text/text_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <QRegularExpression>

namespace wb {

QString searchKey(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed;
    const icu::UnicodeString in(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    if (U_FAILURE(status) || (nfd->normalize(in, decomposed, status), U_FAILURE(status)))
        decomposed = in;
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK)
            kept.append(c);
        i += U16_LENGTH(c);
    }
    return textKey(QString(reinterpret_cast<const QChar *>(kept.getBuffer()), kept.length()));
}

bool holdsAllWords(const QString &text, const QStringList &words)
{
    if (words.isEmpty())
        return false;
    const QString key = searchKey(text);
    for (const QString &w : words)
        if (!key.contains(w))
            return false;
    return true;
}

QStringList searchWords(const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList words;
    for (const QString &w : query.split(space, Qt::SkipEmptyParts))
        words.append(searchKey(w));
    return words;
}

} // namespace wb
