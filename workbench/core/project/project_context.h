#pragma once
#include "common/resource_use.h"
#include "common/result.h"
#include "project/language_resources.h"
#include "project/project.h"
#include "qa/check_suite.h"
#include "tm/project_memory.h"
#include <memory>
#include <mutex>

namespace wb {

class HunspellDictionary;
struct Termbase;

/// What one command or one editor session knows about the project it works on, worked
/// out once and in one place: the folder, its settings (workbench.json), who is working,
/// the source and target languages, where each language's files are, and the resources
/// the checks and the memory load from them. Nothing else reads workbench.json or builds a
/// locales/<language>/ path, so every command and the editor give the same answers.
class ProjectContext {
public:
    /// A project folder with source-content/<source language>/. An empty `sourceLanguage`
    /// (no --source-lang) is the project's setting, else "en".
    static Result<ProjectContext> open(const QString &root, const QString &sourceLanguage = {},
                                       const QString &targetLanguage = {});
    /// A folder taken as the project as it is, source-content/ or not (adding words to it).
    static Result<ProjectContext> atFolder(const QString &root, const QString &sourceLanguage = {},
                                           const QString &targetLanguage = {});
    /// The project a file lies in (the nearest folder upwards with workbench.json or
    /// source-content/), or none: then the defaults and the built-in resources.
    static Result<ProjectContext> around(const QString &path, const QString &sourceLanguage = {},
                                         const QString &targetLanguage = {});

    bool inProject() const { return !m_project.root().isEmpty(); }
    QString root() const { return m_project.root(); }
    const Project &project() const { return m_project; }
    const ProjectSettings &settings() const { return m_settings; }
    QString sourceLanguage() const { return m_project.sourceLanguage(); }
    QString targetLanguage() const { return m_targetLanguage; }
    /// The same project with another target language (a command over several catalogs).
    ProjectContext withTarget(const QString &language) const;

    /// Who is working: $WORKBENCH_USER, then the project's "user" setting, then git's
    /// user.name in the project, then the login name. Asked once (it may run git).
    QString user() const;

    /// locales/<language> of the project.
    QString localeFolder(const QString &language) const;
    /// The target language's catalog of a source document.
    QString catalogPath(const QString &document) const { return m_project.catalogPath(document, m_targetLanguage); }
    /// Every catalog of the project, all languages (locales/*/*.po), sorted.
    QStringList catalogFiles() const;
    /// The catalogs as a git glob relative to the project: "locales/**/*.po".
    static QString catalogPattern();
    /// Whether a path relative to the project names one of its catalogs.
    static bool isCatalog(const QString &relativePath);
    /// locales/<language>/project-words.tsv: the words users added to the dictionary.
    QString projectWordsPath(const QString &language) const;
    /// A language's file of that name: the project's own (locales/<language>/<name>), else
    /// the one built into the binary; with `baseFallback`, "es-US" also tries "es". Empty when none.
    QString languageFile(const QString &language, const QString &name, bool baseFallback = false) const;

    /// The glossary: the project's glossary/*.tbx merged, else the built-in ones (plus what
    /// the editor added either way), and any extra TBX files.
    Result<std::shared_ptr<Termbase>> loadGlossary(const QStringList &extraFiles = {}, ResourceUses *used = nullptr) const;
    /// Hunspell for a language: the system dictionary the settings name, the project's word
    /// lists in locales/<language>/*.dic (else the built-in medical lexicon) and the words
    /// users added.
    Result<std::shared_ptr<HunspellDictionary>> loadDictionary(const QString &language, ResourceUses *used = nullptr) const;
    /// Every check of the source and target language pair, with what they rely on.
    Result<std::shared_ptr<CheckSuite>> loadCheckSuite(const CheckSuite::Options &options = {}) const;
    /// What the target language's memory is made of: the user's database, and the project's
    /// TMX files and catalogs in locales/<target>/ when asked for.
    MemorySources memorySources(const QString &database, bool projectTmx, bool projectCatalogs) const;

private:
    /// The files of locales/<language>/ matching a pattern, else the built-in ones.
    QStringList localeFiles(const QString &language, const QString &pattern) const;
    static Result<ProjectContext> make(const QString &root, const QString &sourceLanguage, const QString &targetLanguage,
                                       bool requireSources);
    Project m_project;
    ProjectSettings m_settings;
    QString m_targetLanguage;
    /// Who is working, resolved on first use (it may run git) and shared by copies, which may
    /// live on other threads (the editor's workers).
    struct UserName {
        std::once_flag resolved;
        QString name;
    };
    std::shared_ptr<UserName> m_user = std::make_shared<UserName>();
};

} // namespace wb
