#include "project/project_context.h"
#include "glossary/tbx_format.h"
#include "glossary/termbase.h"
#include "spell/hunspell_dictionary.h"
#include "spell/project_words.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>

namespace wb {
namespace {

QString loginName()
{
    for (const char *variable : {"USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

QString gitUserName(const QString &root)
{
    QProcess git;
    if (!root.isEmpty())
        git.setWorkingDirectory(root);
    git.start(QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("user.name")});
    if (git.waitForFinished(3000) && git.exitCode() == 0)
        return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
    return {};
}

} // namespace

Result<ProjectContext> ProjectContext::make(const QString &root, const QString &sourceLanguage,
                                            const QString &targetLanguage, bool requireSources)
{
    auto settings = ProjectSettings::load(root);
    if (!settings)
        return settings.error();
    const QString source = sourceLanguage.isEmpty() ? settings->sourceLanguage : sourceLanguage;
    ProjectContext context;
    if (requireSources) {
        auto project = Project::open(root, source);
        if (!project)
            return project.error();
        context.m_project = *project;
    } else {
        context.m_project = Project::at(root, source);
    }
    context.m_settings = *settings;
    context.m_targetLanguage = targetLanguage;
    return context;
}

Result<ProjectContext> ProjectContext::open(const QString &root, const QString &sourceLanguage, const QString &targetLanguage)
{
    return make(root, sourceLanguage, targetLanguage, true);
}

Result<ProjectContext> ProjectContext::atFolder(const QString &root, const QString &sourceLanguage, const QString &targetLanguage)
{
    return make(root, sourceLanguage, targetLanguage, false);
}

Result<ProjectContext> ProjectContext::around(const QString &path, const QString &sourceLanguage, const QString &targetLanguage)
{
    return make(findProjectRoot(path), sourceLanguage, targetLanguage, false);
}

ProjectContext ProjectContext::withTarget(const QString &language) const
{
    ProjectContext other = *this;
    other.m_targetLanguage = language;
    return other;
}

QString ProjectContext::user() const
{
    std::call_once(m_user->resolved, [this] {
        QString name = qEnvironmentVariable("WORKBENCH_USER");
        if (name.isEmpty())
            name = m_settings.user;
        if (name.isEmpty())
            name = gitUserName(root());
        m_user->name = name.isEmpty() ? loginName() : name;
    });
    return m_user->name;
}

QString ProjectContext::localeFolder(const QString &language) const
{
    return root() + QStringLiteral("/locales/") + language;
}

QStringList ProjectContext::catalogFiles() const
{
    QStringList catalogs;
    if (!inProject())
        return catalogs;
    QDirIterator it(root() + QStringLiteral("/locales"), {QStringLiteral("*.po")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        catalogs.append(it.next());
    catalogs.sort();
    return catalogs;
}

QString ProjectContext::catalogPattern()
{
    return QStringLiteral("locales/**/*.po");
}

bool ProjectContext::isCatalog(const QString &relativePath)
{
    return relativePath.startsWith(QLatin1String("locales/")) && relativePath.endsWith(QLatin1String(".po"));
}

QString ProjectContext::projectWordsPath(const QString &language) const
{
    return localeFolder(language) + QStringLiteral("/project-words.tsv");
}

QStringList ProjectContext::localeFiles(const QString &language, const QString &pattern) const
{
    return projectOrBuiltInFiles(root(), QStringLiteral("locales/") + language, pattern);
}

QString ProjectContext::languageFile(const QString &language, const QString &name, bool baseFallback) const
{
    QStringList languages{language};
    if (baseFallback)
        languages.append(primaryLanguage(language));
    for (const QString &each : languages)
        if (const QString path = localeFiles(each, name).value(0); !path.isEmpty())
            return path;
    return {};
}

Result<std::shared_ptr<Termbase>> ProjectContext::loadGlossary(const QStringList &extraFiles, ResourceUses *used) const
{
    auto termbase = std::make_shared<Termbase>();
    for (const QString &path : projectOrBuiltInFiles(root(), QStringLiteral("glossary"), QStringLiteral("*.tbx"))) {
        auto loaded = loadTbx(path);
        if (!loaded)
            return loaded.error();
        termbase->merge(*loaded);
        if (used)
            used->append(resourceUseOf(QStringLiteral("glossary"), path));
    }
    for (const QString &path : extraFiles) {
        auto extra = loadTbx(path);
        if (!extra)
            return extra.error();
        termbase->merge(*extra);
        if (used)
            used->append({QStringLiteral("glossary"), path, QStringLiteral("option")});
    }
    return termbase;
}

Result<std::shared_ptr<HunspellDictionary>> ProjectContext::loadDictionary(const QString &language, ResourceUses *used) const
{
    const QString systemName = m_settings.dictionaryFor(language);
    auto dictionary = HunspellDictionary::load(systemName);
    if (!dictionary)
        return dictionary.error();
    if (used)
        used->append({QStringLiteral("dictionary"), HunspellDictionary::defaultFolder() + QLatin1Char('/') + systemName,
                      QStringLiteral("system")});
    for (const QString &path : localeFiles(language, QStringLiteral("*.dic"))) {
        if (Status added = (*dictionary)->addWordList(path); !added)
            return added.error();
        if (used)
            used->append(resourceUseOf(QStringLiteral("word-list"), path));
    }
    if (inProject()) {
        auto projectWords = loadProjectWords(projectWordsPath(language));
        if (!projectWords)
            return projectWords.error();
        for (const ProjectWord &w : *projectWords)
            (*dictionary)->addWord(w.word);
    }
    return dictionary;
}

Result<std::shared_ptr<CheckSuite>> ProjectContext::loadCheckSuite(const CheckSuite::Options &options) const
{
    CheckResources resources;
    resources.sourceLanguage = sourceLanguage();
    resources.targetLanguage = m_targetLanguage;
    auto termbase = loadGlossary(options.glossaries, &resources.used);
    if (!termbase)
        return termbase.error();
    resources.termbase = *termbase;
    auto sourceDictionary = loadDictionary(sourceLanguage(), &resources.used);
    if (!sourceDictionary)
        return sourceDictionary.error();
    resources.sourceDictionary = *sourceDictionary;
    auto targetDictionary = loadDictionary(m_targetLanguage, &resources.used);
    if (!targetDictionary)
        return targetDictionary.error();
    resources.targetDictionary = *targetDictionary;
    // Number words fall back from "es-US" to "es"; a negation list belongs to its exact language.
    resources.sourceNumberWords = languageFile(sourceLanguage(), QStringLiteral("number-words.txt"), true);
    resources.targetNumberWords = languageFile(m_targetLanguage, QStringLiteral("number-words.txt"), true);
    resources.sourceNegationWords = languageFile(sourceLanguage(), QStringLiteral("negation-words.txt"));
    resources.targetNegationWords = languageFile(m_targetLanguage, QStringLiteral("negation-words.txt"));
    for (const QString &path : {resources.sourceNumberWords, resources.targetNumberWords})
        if (!path.isEmpty())
            resources.used.append(resourceUseOf(QStringLiteral("number-words"), path));
    if (!resources.sourceNegationWords.isEmpty() && !resources.targetNegationWords.isEmpty())
        for (const QString &path : {resources.sourceNegationWords, resources.targetNegationWords})
            resources.used.append(resourceUseOf(QStringLiteral("negation-words"), path));
    return CheckSuite::create(resources, options);
}

MemorySources ProjectContext::memorySources(const QString &database, bool projectTmx, bool projectCatalogs) const
{
    MemorySources sources;
    sources.database = database;
    if (!inProject())
        return sources;
    const QDir locale(localeFolder(m_targetLanguage));
    const auto filesOf = [&](const QString &pattern) {
        QStringList paths;
        for (const QString &name : locale.entryList({pattern}, QDir::Files, QDir::Name))
            paths.append(locale.filePath(name));
        return paths;
    };
    if (projectTmx)
        sources.tmxFiles = filesOf(QStringLiteral("*.tmx"));
    if (projectCatalogs)
        sources.catalogFiles = filesOf(QStringLiteral("*.po"));
    return sources;
}

} // namespace wb
