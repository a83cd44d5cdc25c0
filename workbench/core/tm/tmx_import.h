#pragma once
#include "common/result.h"
#include <QString>
#include <functional>

namespace wb {

struct TmxImportOutcome {
    qsizetype read = 0;  ///< units read from the file
    int added = 0;       ///< of those, new to the memory
};

/// Imports a TMX file into the SQLite memory at `database`: the units of `targetLanguage`,
/// each with the file's name as origin unless the file names one. `read` and `stored` get
/// the units read and stored so far. One definition for `workbench tm import` and the
/// editor's File → Import memory.
Result<TmxImportOutcome> importTmxFile(const QString &file, const QString &database, const QString &targetLanguage,
                                       const std::function<void(int)> &read = {}, const std::function<void(int)> &stored = {});

} // namespace wb
