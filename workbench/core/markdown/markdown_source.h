#pragma once
#include "common/result.h"
#include "markdown/gfm_parser.h"
#include <QByteArray>
#include <QList>
#include <memory>

struct cmark_node;

namespace wb {

/// A Markdown document as bytes plus cmark-gfm's block tree with source positions.
/// Keeps the exact bytes, in NFC (a decomposed file is composed when read): the export
/// splices translations back into them.
class MarkdownSource {
public:
    /// Parses UTF-8 Markdown. YAML front matter (--- ... --- at the top) is kept as
    /// bytes but hidden from cmark, which would read it as a thematic break and heading.
    static Result<std::shared_ptr<MarkdownSource>> parse(const QByteArray &bytes, const QString &path);
    static Result<std::shared_ptr<MarkdownSource>> load(const QString &path);

    const QByteArray &bytes() const { return m_bytes; }
    const QString &path() const { return m_path; }
    cmark_node *root() const { return m_root.get(); }

    /// Byte offset of a cmark (line, column) position; both 1-based, column in bytes.
    qsizetype offsetOf(int line, int column) const;
    /// 1-based line of a byte offset.
    int lineOf(qsizetype offset) const;

private:
    MarkdownSource() = default;
    QByteArray m_bytes;
    QString m_path;
    QList<qsizetype> m_lineStarts;
    CmarkTree m_root;
};

} // namespace wb
