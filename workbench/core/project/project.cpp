#include "project/project.h"
#include "markdown/markdown_source.h"
#include "model/unit_extractor.h"
#include "segment/sentence_segmenter.h"
#include "segment/srx_rules.h"

#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QFileInfo>

namespace wb {

Result<Project> Project::open(const QString &root, const QString &sourceLanguage)
{
    Project project;
    project.m_root = QDir(root).absolutePath();
    project.m_sourceLanguage = sourceLanguage;
    if (!QFileInfo(project.sourceFolder()).isDir())
        return Diagnostic{ErrorKind::MissingInput, root, 0, 0,
                          QStringLiteral("not a workbench project: no folder source-content/%1/").arg(sourceLanguage)};
    return project;
}

Project Project::at(const QString &root, const QString &sourceLanguage)
{
    Project project;
    project.m_root = root.isEmpty() ? QString() : QDir(root).absolutePath();
    project.m_sourceLanguage = sourceLanguage;
    return project;
}

QString Project::sourceFolder() const
{
    return m_root + QStringLiteral("/source-content/") + m_sourceLanguage;
}

QStringList Project::documents() const
{
    QStringList paths;
    const QDir folder(sourceFolder());
    for (const QString &name : folder.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        paths.append(folder.filePath(name));
    return paths;
}

QString Project::relativePath(const QString &path) const
{
    return QDir(m_root).relativeFilePath(path);
}

bool isInsideFolder(const QString &path, const QString &folder)
{
    const QString root = QDir::cleanPath(QDir(folder).absolutePath());
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return target.startsWith(root + QLatin1Char('/'));
}

QString Project::catalogPath(const QString &document, const QString &language) const
{
    return m_root + QStringLiteral("/locales/%1/%2.po").arg(language, QFileInfo(document).completeBaseName());
}

QString Project::localizedPath(const QString &document, const QString &outFolder) const
{
    return outFolder + QLatin1Char('/') + QFileInfo(document).fileName();
}

QString Project::rulesPath() const
{
    return sourceFolder() + QStringLiteral("/segmentation.srx");
}

QString rulesBeside(const QString &markdownPath)
{
    return QFileInfo(markdownPath).absolutePath() + QStringLiteral("/segmentation.srx");
}

Result<std::shared_ptr<SentenceSegmenter>> loadSegmenter(const QString &rulesPath, const QString &language)
{
    const bool useOwn = !rulesPath.isEmpty() && QFileInfo::exists(rulesPath);
    const QString path = useOwn ? rulesPath : QStringLiteral(":/workbench/segmentation.srx");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("cannot read segmentation rules")};
    auto rules = SrxRules::parse(file.readAll(), path);
    if (!rules)
        return rules.error();
    return SentenceSegmenter::create(language, rules->rulesFor(language), path);
}

Result<SegmentedDocument> segmentFile(const QString &path, SentenceSegmenter &segmenter)
{
    auto source = MarkdownSource::load(path);
    if (!source)
        return source.error();
    return segmentDocument(*source, segmenter);
}

} // namespace wb
