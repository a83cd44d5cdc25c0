#include "i18n.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <clocale>
#include <libintl.h>

namespace wb::gui {

namespace {
const char kDomain[] = "workbench";
}

QString ui(const char *text)
{
    return QString::fromUtf8(dgettext(kDomain, text));
}

QString uiCount(const char *singular, const char *plural, int n)
{
    return QString::fromUtf8(dngettext(kDomain, singular, plural, static_cast<unsigned long>(std::max(n, 0))))
        .replace(QStringLiteral("%n"), QString::number(n));
}

void initUiLanguage(const QString &applicationDir)
{
    // gettext ignores LANGUAGE under the plain "C" locale; C.UTF-8 behaves the same
    // otherwise and lets LANGUAGE=es choose the Spanish catalog.
    const char *current = std::setlocale(LC_MESSAGES, nullptr);
    if (!current || QByteArray(current) == "C" || QByteArray(current) == "POSIX")
        std::setlocale(LC_ALL, "C.UTF-8");
    for (const QString &candidate : {applicationDir + QStringLiteral("/../share/locale"), QStringLiteral("/usr/share/locale")}) {
        if (QFile::exists(candidate + QStringLiteral("/es/LC_MESSAGES/workbench.mo"))) {
            bindtextdomain(kDomain, QFile::encodeName(QDir(candidate).absolutePath()).constData());
            break;
        }
    }
    bind_textdomain_codeset(kDomain, "UTF-8");
}

} // namespace wb::gui
