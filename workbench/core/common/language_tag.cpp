#include "common/language_tag.h"

#include <QRegularExpression>

namespace wb {

QString primaryLanguage(const QString &tag)
{
    static const QRegularExpression separator(QStringLiteral("[-_]"));
    return tag.section(separator, 0, 0).toLower();
}

bool sameLanguage(const QString &a, const QString &b)
{
    return primaryLanguage(a) == primaryLanguage(b);
}

bool isLanguageCode(const QString &code)
{
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$"));
    return tag.match(code).hasMatch();
}

} // namespace wb
