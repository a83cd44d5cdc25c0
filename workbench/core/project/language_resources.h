#pragma once
#include "common/result.h"
#include "glossary/termbase.h"
#include <QMap>
#include <memory>

namespace wb {

class HunspellDictionary;

/// Per-project settings from `workbench.json` at the project root (all optional):
/// {"sourceLanguage": "en", "dictionaries": {"es": "es_US", "en": "en_US"}, "user": "…",
///  "reviewThreshold": 10}.
/// Hunspell's Spanish dictionaries are all the same es_ES list, so which one is used is
/// a setting, never guessed from the locale.
struct ProjectSettings {
    QString sourceLanguage = QStringLiteral("en");
    QString user;                      ///< "user": who works in this clone (else git's user.name, else the login)
    double reviewThreshold = 10.0;     ///< "reviewThreshold": pass mark, penalty points per 1,000 words
    QMap<QString, QString> dictionaries{{QStringLiteral("en"), QStringLiteral("en_US")}, {QStringLiteral("es"), QStringLiteral("es_US")}};

    static Result<ProjectSettings> load(const QString &projectRoot);
    QString dictionaryFor(const QString &language) const;
};

/// Who is working: $WORKBENCH_USER, then the project's "user" setting, then git's
/// user.name in the project, then the login name.
QString userName(const QString &projectRoot);

/// The project folder a file belongs to: the nearest folder upwards that has
/// workbench.json or source-content/. Empty when there is none.
QString findProjectRoot(const QString &path);

/// One file a check relied on, so that a report can say what knowledge it had:
/// `kind` glossary, word-list, dictionary or negation-words; `origin` project (the
/// project's own file), built-in (shipped inside the binary), system (the OS's Hunspell)
/// or option (named on the command line).
struct ResourceUse {
    QString kind;
    QString path;   ///< a file path, or "built-in:<name>" for what the binary carries
    QString origin;
};
using ResourceUses = QList<ResourceUse>;

/// The project's termbases (glossary/*.tbx), merged. A project without any, or no
/// project at all, gets the glossaries built into the binary (the PDQ patient glossary),
/// as it gets the built-in negation lists.
Result<std::shared_ptr<Termbase>> loadProjectGlossary(const QString &projectRoot, ResourceUses *used = nullptr);

/// Hunspell for a language: the system dictionary named in the settings plus the
/// project's word lists in locales/<language>/*.dic (medical terms; the built-in medical
/// lexicon when the project has none) and the words users added
/// (locales/<language>/project-words.tsv).
Result<std::shared_ptr<HunspellDictionary>> loadProjectDictionary(const QString &projectRoot, const QString &language,
                                                                  ResourceUses *used = nullptr);

/// The files of a project's folder matching a pattern, else the built-in ones of the
/// same place (":/workbench/<folder>"). `builtIn` tells which were found. Files the editor
/// writes for added terms ("added-terms*") come last and never replace the built-in ones.
QStringList projectOrBuiltInFiles(const QString &projectRoot, const QString &folder, const QString &pattern,
                                  bool *builtIn = nullptr);

/// How a resource path is named in reports: "built-in:<name>" for a Qt resource.
QString resourceDisplayPath(const QString &path);

} // namespace wb
