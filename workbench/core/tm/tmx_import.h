#pragma once
#include "common/result.h"
#include <QString>
#include <functional>
#include <optional>

namespace wb {

struct TmxImportOutcome {
    qsizetype read = 0;  ///< units read from the file
    int added = 0;       ///< of those, new to the memory
    /// The memory's index could not be rebuilt: the units are in, and the next lookup
    /// rebuilds it (or works without one).
    std::optional<Diagnostic> indexProblem;
};

/// Where an import is, for a progress display.
struct TmxImportProgress {
    enum class Phase { Reading, Committing, Indexing };
    Phase phase = Phase::Reading;
    qint64 units = 0; ///< Reading: units read and stored so far; Indexing: units indexed so far
    qint64 done = 0;  ///< Reading: bytes of the file read; Indexing: units indexed
    qint64 total = 0; ///< of `done`: the file's size, or the units to index (0: not known)
};

/// Imports a TMX file into the SQLite memory at `database`: the units of `targetLanguage`,
/// each with the file's name as origin unless the file names one. The file is read as it
/// goes, however big, each unit written as it is read, all in one transaction: a bad unit
/// stops the import with its file and line and the memory stays exactly as it was. After
/// the commit the memory's index for the pair (the header's srclang, `targetLanguage`) is
/// rebuilt. One definition for `workbench tm import` and the editor's File → Import memory.
Result<TmxImportOutcome> importTmxFile(const QString &file, const QString &database, const QString &targetLanguage,
                                       const std::function<void(const TmxImportProgress &)> &progress = {});

} // namespace wb
