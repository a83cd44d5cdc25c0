#include "project/language_resources.h"
#include "project/added_terms.h"
#include "common/resource_use.h"
#include "common/text_file.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

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

QString findProjectRoot(const QString &path)
{
    QDir dir(QFileInfo(path).isDir() ? path : QFileInfo(path).absolutePath());
    do {
        if (dir.exists(QStringLiteral("workbench.json")) || dir.exists(QStringLiteral("source-content")))
            return dir.absolutePath();
    } while (dir.cdUp());
    return {};
}

QStringList projectOrBuiltInFiles(const QString &projectRoot, const QString &folder, const QString &pattern)
{
    QStringList files, additions;
    if (!projectRoot.isEmpty()) {
        const QDir own(projectRoot + QLatin1Char('/') + folder);
        for (const QString &name : own.entryList({pattern}, QDir::Files, QDir::Name))
            // What the editor writes when a translator adds a term (project/added_terms) adds
            // to the glossary in use; alone it must not replace the built-in one.
            (name.startsWith(QLatin1String(kAddedTermsName)) ? additions : files).append(own.filePath(name));
    }
    if (files.isEmpty()) {
        const QDir shipped(kBuiltInResourcePrefix + folder);
        for (const QString &name : shipped.entryList({pattern}, QDir::Files, QDir::Name))
            files.append(shipped.filePath(name));
    }
    return files + additions;
}

} // namespace wb
