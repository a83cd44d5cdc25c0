#include "markdown/gfm_parser.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cstring>
#include <mutex>

namespace wb {
namespace {

constexpr const char *kExtensions[] = {"table", "strikethrough", "autolink"};

struct ParserDeleter {
    void operator()(cmark_parser *parser) const { cmark_parser_free(parser); }
};
using Parser = std::unique_ptr<cmark_parser, ParserDeleter>;

Parser newParser(int options)
{
    // Registration fills a process-wide registry; once is enough and it is not thread-safe.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    Parser parser(cmark_parser_new(options));
    for (const char *name : kExtensions)
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    return parser;
}

bool typeIs(cmark_node *node, const char *name)
{
    return node && std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

} // namespace

void CmarkNodeDeleter::operator()(cmark_node *node) const
{
    cmark_node_free(node);
}

CmarkTree parseGfm(const QByteArray &markdown, int options)
{
    Parser parser = newParser(options);
    cmark_parser_feed(parser.get(), markdown.constData(), size_t(markdown.size()));
    return CmarkTree(cmark_parser_finish(parser.get()));
}

QByteArray renderGfmHtml(const QByteArray &markdown, bool keepRawHtml)
{
    const int options = keepRawHtml ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT;
    Parser parser = newParser(options);
    cmark_parser_feed(parser.get(), markdown.constData(), size_t(markdown.size()));
    const CmarkTree root(cmark_parser_finish(parser.get()));
    char *html = cmark_render_html(root.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    QByteArray out(html);
    free(html);
    return out;
}

bool isTableNode(cmark_node *node) { return typeIs(node, "table"); }

QString tableAlignments(cmark_node *table)
{
    QString out;
    const uint8_t *alignments = cmark_gfm_extensions_get_table_alignments(table);
    for (uint16_t i = 0; alignments && i < cmark_gfm_extensions_get_table_columns(table); ++i)
        out += QLatin1Char(alignments[i] == 'l' ? 'l' : alignments[i] == 'c' ? 'c' : alignments[i] == 'r' ? 'r' : '-');
    return out;
}
bool isTableRowNode(cmark_node *node) { return typeIs(node, "table_row") || typeIs(node, "table_header"); }
bool isTableCellNode(cmark_node *node) { return typeIs(node, "table_cell"); }
bool isTableHeaderRow(cmark_node *node) { return typeIs(node, "table_header"); }
bool isStrikethroughNode(cmark_node *node) { return typeIs(node, "strikethrough"); }

bool isBlockNode(cmark_node *node)
{
    return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

} // namespace wb
