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

/// The project's termbases (glossary/*.tbx), merged. An empty termbase when there are none.
Result<std::shared_ptr<Termbase>> loadProjectGlossary(const QString &projectRoot);

/// Hunspell for a language: the system dictionary named in the settings plus the
/// project's word lists in locales/<language>/*.dic (medical terms) and the words users
/// added (locales/<language>/project-words.tsv).
Result<std::shared_ptr<HunspellDictionary>> loadProjectDictionary(const QString &projectRoot, const QString &language);

} // namespace wb
