#pragma once
#include <QString>

namespace wb {

/// Language tags as files, folders and formats write them: "es", "es-US", "es_US",
/// "zh-Hant-TW". One place for what the workbench asks of them.

/// The primary language subtag, lower case: "es-US" and "es_US" -> "es".
QString primaryLanguage(const QString &tag);

/// Whether two tags name the same language, regions and scripts aside ("es" and "es-US").
bool sameLanguage(const QString &a, const QString &b);

/// Whether a tag can name a folder safely: a BCP 47-like tag ("es", "es-US", "pt_BR",
/// "zh-Hant-TW"), never a path ("../x", "es/..").
bool isLanguageCode(const QString &code);

} // namespace wb
