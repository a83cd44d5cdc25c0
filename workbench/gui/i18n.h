#pragma once
#include <QString>

namespace wb::gui {

/// Every string the editor shows goes through gettext (domain "workbench"); the Spanish
/// catalog is locales/es/workbench-ui.po, compiled by msgfmt at build time.
QString ui(const char *text);

/// Binds the gettext domain to the compiled catalogs next to the executable
/// (<build>/share/locale) and makes LANGUAGE work under the C locale too.
void initUiLanguage(const QString &applicationDir);

} // namespace wb::gui
