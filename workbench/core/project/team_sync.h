#pragma once
#include "common/result.h"
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace wb {

class ProjectContext;

/// What a sync did, also when it stopped half-way (docs/teamwork.md).
struct SyncOutcome {
    bool cloneFound = false;  ///< false: the project is not in a usable clone, nothing was done
    QString remote;
    QString branch;
    QString upstream;         ///< "<remote>/<branch>" this branch exchanges with
    bool committed = false;
    QString commit;           ///< the short hash of the commit of confirmed work
    bool fetched = false;
    bool merged = false;
    bool pushed = false;
    struct Conflict {
        QString catalog;      ///< relative to the project
        int line = 0;
        QString unit;
    };
    QList<Conflict> conflicts; ///< units a merge kept with both versions, for a person to resolve
};

/// One line of progress ("fetched origin"), for whoever shows it.
using SyncProgress = std::function<void(const QString &line)>;

struct SyncOptions {
    QString remote;              ///< empty: the branch's upstream remote, else origin
    std::optional<QString> message; ///< none: "Translations by <user> (workbench sync)"
    QString mergeDriverProgram;  ///< the workbench binary git runs as the catalogs' merge driver
    SyncProgress progress = [](const QString &) {};
};

/// Exchanges the project's confirmed work with the team through git: installs the catalogs'
/// merge driver when missing, finishes a merge git stopped on catalogs, repairs catalogs
/// committed with conflict markers, commits the catalogs (nothing else), fetches, merges the
/// upstream branch and pushes (again when someone pushed meanwhile). Errors keep their
/// exit-code kind: RemoteUnreachable (the local commit is kept), CheckFailed (files other
/// than catalogs conflict), Usage (no such remote).
Status syncProject(const ProjectContext &project, const SyncOptions &options, SyncOutcome &outcome);

} // namespace wb
