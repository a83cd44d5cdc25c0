#pragma once
#include "common/result.h"
#include <QMap>
#include <memory>

namespace wb {

/// Per-project settings from `workbench.json` at the project root (all optional; read by
/// ProjectContext, nowhere else):
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

/// The project folder a file belongs to: the nearest folder upwards that has
/// workbench.json or source-content/. Empty when there is none.
QString findProjectRoot(const QString &path);

/// The files of a project's folder matching a pattern, else the built-in ones of the
/// same place (":/workbench/<folder>"). Files the editor writes for added terms
/// ("added-terms*") come last and never replace the built-in ones.
QStringList projectOrBuiltInFiles(const QString &projectRoot, const QString &folder, const QString &pattern);

} // namespace wb
