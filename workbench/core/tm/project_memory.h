#pragma once
#include "common/result.h"
#include "tm/tm_index.h"
#include <functional>
#include <memory>

namespace wb {

/// What the memory is made of for a language pair (ProjectContext::memorySources finds
/// the project's files).
struct MemorySources {
    QString database;         ///< the user's SQLite memory (empty: none)
    QStringList tmxFiles;     ///< the project's TMX files
    QStringList catalogFiles; ///< the project's catalogs: their translated units, with their context
};

/// The fuzzy index of the sources: the database through its persistent index (rebuilt first
/// when it cannot be trusted: `rebuilding` is told why), the project's TMX files and catalogs
/// added in memory. Project TMX files that cannot be read are errors.
Result<std::unique_ptr<TmIndex>> loadMemory(const QString &sourceLanguage, const QString &targetLanguage,
                                            const MemorySources &sources,
                                            const std::function<void(const QString &why)> &rebuilding = {});

} // namespace wb
