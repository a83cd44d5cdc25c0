#pragma once
#include "common/result.h"
#include "tm/tm_index.h"
#include <memory>

namespace wb {

/// What the memory is made of for a language pair (ProjectContext::memorySources finds
/// the project's files).
struct MemorySources {
    QString database;         ///< the user's SQLite memory (empty: none)
    QStringList tmxFiles;     ///< the project's TMX files
    QStringList catalogFiles; ///< the project's catalogs: their translated units, with their context
};

/// Builds the fuzzy index from the sources. Project TMX files that cannot be read are errors.
Result<std::unique_ptr<TmIndex>> loadMemory(const QString &sourceLanguage, const QString &targetLanguage,
                                            const MemorySources &sources);

} // namespace wb
