#pragma once
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

struct cmark_node;

namespace wb {

/// One block of a parsed Markdown document as a reader's page is built from it, without its
/// text: the block's kind and attributes and, for blocks holding text, the inline markup in
/// it (emphasis, links with their destinations, images, code, HTML, hard breaks).
///
/// Inline markup is compared as a set per level, not in order: a translator may reorder
/// placeholders ("{2}b{/2} y {1}a{/1}"), and a translation adds and removes text freely.
/// Soft line breaks count as text: they read as spaces.
struct StructureEntry {
    QString block;      ///< "paragraph", "heading 2", "list bullet tight", "/list", ...
    QString markup;     ///< the inline markup, canonical (sorted per nesting level)
    QStringList parts;  ///< the inline markup flattened, for saying what changed
    int line = 0;       ///< the block's first and last line in its document
    int endLine = 0;
};

/// The blocks of a document in reading order; containers appear on entry and, as "/kind",
/// on exit.
QList<StructureEntry> markdownStructure(cmark_node *root);

/// Where two structures first differ, and how, in words.
struct StructureChange {
    qsizetype index = 0;   ///< into both lists
    int sourceLine = 0;    ///< of the source block (0 when the source has none there)
    int sourceEndLine = 0;
    int line = 0;          ///< of the output block (0 when the output has none there)
    QString description;   ///< e.g. "paragraph: emphasis lost" or "paragraph became list bullet tight"
};
std::optional<StructureChange> firstStructureChange(const QList<StructureEntry> &source, const QList<StructureEntry> &output);

} // namespace wb
