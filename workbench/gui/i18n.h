#pragma once
#include <QString>

namespace wb::gui {

/// Every string the editor shows goes through gettext (domain "workbench"); the Spanish
/// catalog is locales/es/workbench-ui.po, compiled by msgfmt at build time.
QString ui(const char *text);
/// A count in the interface language with its plural form (gettext ngettext; "%n" becomes
/// the number): uiCount("%n unit", "%n units", 12) -> "12 unidades".
QString uiCount(const char *singular, const char *plural, int n);

/// Binds the gettext domain to the compiled catalogs next to the executable
/// (<build>/share/locale) and makes LANGUAGE work under the C locale too.
void initUiLanguage(const QString &applicationDir);

} // namespace wb::gui
