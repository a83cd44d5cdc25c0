#pragma once
#include <QByteArray>
#include <QString>
#include <memory>

struct cmark_node;

namespace wb {

/// cmark-gfm with the GitHub extensions the workbench reads: tables, strikethrough and
/// extended autolinks (www.…, https://…, e-mail addresses). Everything that parses or
/// renders Markdown goes through here, so that all parts read a document the same way.
struct CmarkNodeDeleter {
    void operator()(cmark_node *node) const;
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

/// Parses UTF-8 Markdown; `options` are cmark's (CMARK_OPT_SOURCEPOS, CMARK_OPT_UNSAFE, …).
CmarkTree parseGfm(const QByteArray &markdown, int options);

/// Renders Markdown to HTML; raw HTML is kept only when asked (a preview does not need it).
QByteArray renderGfmHtml(const QByteArray &markdown, bool keepRawHtml);

/// Node kinds of the extensions, which cmark-gfm's headers do not declare.
bool isTableNode(cmark_node *node);      ///< the table itself
/// A table's column alignments, one letter per column: l, c, r or - (none).
QString tableAlignments(cmark_node *table);
bool isTableRowNode(cmark_node *node);   ///< a header or body row
bool isTableCellNode(cmark_node *node);
bool isTableHeaderRow(cmark_node *node); ///< the row above the delimiter row
bool isStrikethroughNode(cmark_node *node);
/// Whether a node is a block (cmark-gfm has no FIRST_BLOCK/LAST_BLOCK range).
bool isBlockNode(cmark_node *node);

} // namespace wb
