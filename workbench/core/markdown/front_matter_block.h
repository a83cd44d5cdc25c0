#pragma once
#include <QByteArray>
#include <optional>

namespace wb {

/// The YAML front matter block at the very start of a Markdown file: a "---" line, the
/// YAML, and a closing "---" or "..." line (YAML's end of document). An unclosed block is
/// not front matter. One reader for both the Markdown parser, which hides the block from
/// cmark, and export, which adds its facts to it.
struct FrontMatterBlock {
    qsizetype start = 0;       ///< the opening line (after a UTF-8 BOM)
    qsizetype bodyStart = 0;   ///< the first YAML line
    qsizetype closingLine = 0; ///< the closing "---" or "..." line
    qsizetype end = 0;         ///< just past the closing line and its line break
    QByteArray newline;        ///< how the opening line ends: "\n" or "\r\n"
};

std::optional<FrontMatterBlock> findFrontMatter(const QByteArray &bytes);

} // namespace wb
