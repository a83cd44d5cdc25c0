#pragma once
#include "common/result.h"
#include "tm/tm_index.h"
#include <memory>

namespace wb {

/// What the memory is made of for a project and language pair.
struct MemorySources {
    QString database;           ///< the user's SQLite memory (empty: none)
    bool projectTmx = true;     ///< locales/<lang>/*.tmx
    bool projectCatalogs = true; ///< the project's own translated units (with their context)
};

/// Builds the fuzzy index from the sources. Project TMX files that cannot be read are errors.
Result<std::unique_ptr<TmIndex>> loadMemory(const QString &projectRoot, const QString &sourceLanguage,
                                            const QString &targetLanguage, const MemorySources &sources);

} // namespace wb
