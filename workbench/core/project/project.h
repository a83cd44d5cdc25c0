#pragma once
#include "common/language_tag.h"
#include "common/result.h"
#include "model/segmented_document.h"
#include <QString>
#include <QStringList>
#include <memory>

namespace wb {

class SentenceSegmenter;

/// A workbench project folder: source-content/<source language>/*.md with their
/// segmentation rules, and locales/<language>/<document>.po with their translations.
class Project {
public:
    /// Opens a project folder; fails when it has no source-content/<sourceLanguage>/.
    static Result<Project> open(const QString &root, const QString &sourceLanguage = QStringLiteral("en"));
    /// A folder taken as the project as it is, without looking at what it holds.
    static Project at(const QString &root, const QString &sourceLanguage);

    QString root() const { return m_root; }
    QString sourceLanguage() const { return m_sourceLanguage; }
    QString sourceFolder() const;
    QStringList documents() const;                 ///< absolute paths of the source Markdown files, sorted
    QString relativePath(const QString &path) const; ///< as "#:" references name it
    QString catalogPath(const QString &document, const QString &language) const;
    QString localizedPath(const QString &document, const QString &outFolder) const;
    QString rulesPath() const;                     ///< source-content/<lang>/segmentation.srx (may not exist)

private:
    QString m_root;
    QString m_sourceLanguage;
};

/// The SRX rules to segment a file with: `rulesPath` when it exists, else the
/// workbench's built-in rules (the same file as the bundled project's).
Result<std::shared_ptr<SentenceSegmenter>> loadSegmenter(const QString &rulesPath, const QString &language);

/// segmentation.srx beside a Markdown file, if any.
QString rulesBeside(const QString &markdownPath);

/// Loads, parses and segments one Markdown file.
Result<SegmentedDocument> segmentFile(const QString &path, SentenceSegmenter &segmenter);

/// Whether `path` lies inside `folder` once both are made absolute and cleaned: what an
/// export checks before writing, whatever names its input held.
bool isInsideFolder(const QString &path, const QString &folder);

} // namespace wb
