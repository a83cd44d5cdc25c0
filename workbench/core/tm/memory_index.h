#pragma once
#include "common/result.h"
#include "tm/tm_index.h"
#include <functional>
#include <memory>

namespace wb {

/// Opens the database's memory for a language pair through its persistent index
/// (tm/tm_index_file.h): the file is mapped, and the units added since it was built are read
/// into memory as a delta that lookups merge. An index that is missing, damaged, built by
/// another version, for another memory, newer than the memory, or far behind it is rebuilt
/// first (`rebuilding` is told why), never trusted. A memory whose folder cannot hold an index
/// is indexed in memory instead.
Result<std::unique_ptr<TmIndex>> openIndexedMemory(const QString &database, const QString &sourceLanguage,
                                                   const QString &targetLanguage,
                                                   const std::function<void(const QString &why)> &rebuilding = {},
                                                   const std::function<void(qint64)> &progress = {});

/// Rebuilds the pair's index from the whole memory, folding in every unit added since the
/// last build (`tm import`, `tm optimize`). The old index stays until the new one is whole.
Status rebuildMemoryIndex(const QString &database, const QString &sourceLanguage, const QString &targetLanguage,
                          const std::function<void(qint64)> &progress = {});

} // namespace wb
