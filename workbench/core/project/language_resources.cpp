#include "project/language_resources.h"
#include "project/added_terms.h"
#include "common/text_file.h"
#include "glossary/tbx_format.h"
#include "spell/hunspell_dictionary.h"
#include "spell/project_words.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include "project/project.h"

namespace wb {

Result<ProjectSettings> ProjectSettings::load(const QString &projectRoot)
{
    ProjectSettings settings;
    const QString path = projectRoot + QStringLiteral("/workbench.json");
    if (projectRoot.isEmpty() || !QFileInfo::exists(path))
        return settings;
    auto bytes = readUtf8File(path);
    if (!bytes)
        return bytes.error();
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !json.isObject()) {
        const TextPosition pos = positionOfOffset(*bytes, error.offset);
        return Diagnostic{ErrorKind::InvalidInput, path, pos.line, pos.column,
                          QStringLiteral("not a JSON object: %1").arg(error.errorString())};
    }
    const QJsonObject root = json.object();
    if (root.contains(QLatin1String("sourceLanguage")))
        settings.sourceLanguage = root.value(QLatin1String("sourceLanguage")).toString();
    settings.user = root.value(QLatin1String("user")).toString();
    if (root.contains(QLatin1String("reviewThreshold")))
        settings.reviewThreshold = root.value(QLatin1String("reviewThreshold")).toDouble(settings.reviewThreshold);
    const QJsonObject dictionaries = root.value(QLatin1String("dictionaries")).toObject();
    for (auto it = dictionaries.begin(); it != dictionaries.end(); ++it)
        settings.dictionaries.insert(it.key(), it.value().toString());
    return settings;
}

QString ProjectSettings::dictionaryFor(const QString &language) const
{
    for (auto it = dictionaries.cbegin(); it != dictionaries.cend(); ++it)
        if (sameLanguage(it.key(), language) && it.key().size() <= language.size())
            return it.value();
    return QString(language).replace(QLatin1Char('-'), QLatin1Char('_'));
}

QString userName(const QString &projectRoot)
{
    const QString fromEnvironment = qEnvironmentVariable("WORKBENCH_USER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    if (auto settings = ProjectSettings::load(projectRoot); settings && !settings->user.isEmpty())
        return settings->user;
    QProcess git;
    if (!projectRoot.isEmpty())
        git.setWorkingDirectory(projectRoot);
    git.start(QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("user.name")});
    if (git.waitForFinished(3000) && git.exitCode() == 0) {
        const QString name = QString::fromUtf8(git.readAllStandardOutput()).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return currentUserName();
}

QString findProjectRoot(const QString &path)
{
    QDir dir(QFileInfo(path).isDir() ? path : QFileInfo(path).absolutePath());
    do {
        if (dir.exists(QStringLiteral("workbench.json")) || dir.exists(QStringLiteral("source-content")))
            return dir.absolutePath();
    } while (dir.cdUp());
    return {};
}

QStringList projectOrBuiltInFiles(const QString &projectRoot, const QString &folder, const QString &pattern, bool *builtIn)
{
    QStringList files, additions;
    if (!projectRoot.isEmpty()) {
        const QDir own(projectRoot + QLatin1Char('/') + folder);
        for (const QString &name : own.entryList({pattern}, QDir::Files, QDir::Name))
            // What the editor writes when a translator adds a term (project/added_terms) adds
            // to the glossary in use; alone it must not replace the built-in one.
            (name.startsWith(QLatin1String(kAddedTermsName)) ? additions : files).append(own.filePath(name));
    }
    if (builtIn)
        *builtIn = files.isEmpty();
    if (files.isEmpty()) {
        const QDir shipped(QStringLiteral(":/workbench/") + folder);
        for (const QString &name : shipped.entryList({pattern}, QDir::Files, QDir::Name))
            files.append(shipped.filePath(name));
    }
    return files + additions;
}

QString resourceDisplayPath(const QString &path)
{
    static const QString prefix = QStringLiteral(":/workbench/");
    return path.startsWith(prefix) ? QStringLiteral("built-in:") + path.mid(prefix.size()) : path;
}

Result<std::shared_ptr<Termbase>> loadProjectGlossary(const QString &projectRoot, ResourceUses *used)
{
    auto termbase = std::make_shared<Termbase>();
    bool builtIn = false;
    for (const QString &path : projectOrBuiltInFiles(projectRoot, QStringLiteral("glossary"), QStringLiteral("*.tbx"), &builtIn)) {
        auto loaded = loadTbx(path);
        if (!loaded)
            return loaded.error();
        termbase->merge(*loaded);
        if (used)
            used->append({QStringLiteral("glossary"), resourceDisplayPath(path),
                          path.startsWith(QLatin1Char(':')) ? QStringLiteral("built-in") : QStringLiteral("project")});
    }
    return termbase;
}

Result<std::shared_ptr<HunspellDictionary>> loadProjectDictionary(const QString &projectRoot, const QString &language,
                                                                  ResourceUses *used)
{
    auto settings = ProjectSettings::load(projectRoot);
    if (!settings)
        return settings.error();
    const QString systemName = settings->dictionaryFor(language);
    auto dictionary = HunspellDictionary::load(systemName);
    if (!dictionary)
        return dictionary.error();
    if (used)
        used->append({QStringLiteral("dictionary"), HunspellDictionary::defaultFolder() + QLatin1Char('/') + systemName,
                      QStringLiteral("system")});
    bool builtIn = false;
    for (const QString &path : projectOrBuiltInFiles(projectRoot, QStringLiteral("locales/") + language, QStringLiteral("*.dic"), &builtIn)) {
        if (Status added = (*dictionary)->addWordList(path); !added)
            return added.error();
        if (used)
            used->append({QStringLiteral("word-list"), resourceDisplayPath(path),
                          path.startsWith(QLatin1Char(':')) ? QStringLiteral("built-in") : QStringLiteral("project")});
    }
    if (!projectRoot.isEmpty()) {
        auto projectWords = loadProjectWords(projectWordsPath(projectRoot, language));
        if (!projectWords)
            return projectWords.error();
        for (const ProjectWord &w : *projectWords)
            (*dictionary)->addWord(w.word);
    }
    return dictionary;
}

} // namespace wb
