#pragma once
#include <QList>
#include <QString>

namespace wb {

/// One file a check relied on, so that a report can say what knowledge it had:
/// `kind` glossary, word-list, dictionary, number-words or negation-words; `origin` project
/// (the project's own file), built-in (shipped inside the binary), system (the OS's
/// Hunspell) or option (named on the command line).
struct ResourceUse {
    QString kind;
    QString path;   ///< a file path, or "built-in:<name>" for what the binary carries
    QString origin;
};
using ResourceUses = QList<ResourceUse>;

/// Where the files built into the binary live (Qt resources).
inline const QString kBuiltInResourcePrefix = QStringLiteral(":/workbench/");

/// How a resource path is named in reports: "built-in:<name>" for a Qt resource.
inline QString resourceDisplayPath(const QString &path)
{
    return path.startsWith(kBuiltInResourcePrefix) ? QStringLiteral("built-in:") + path.mid(kBuiltInResourcePrefix.size())
                                                   : path;
}

/// A use of `path`, its origin told by where it lies: built-in or project.
inline ResourceUse resourceUseOf(const QString &kind, const QString &path)
{
    return {kind, resourceDisplayPath(path),
            path.startsWith(kBuiltInResourcePrefix) ? QStringLiteral("built-in") : QStringLiteral("project")};
}

} // namespace wb
