#include "markdown/markdown_source.h"
#include "common/text_file.h"
#include "markdown/front_matter_block.h"
#include "common/unicode_nfc.h"

#include <algorithm>
#include <cmark-gfm.h>

namespace wb {
namespace {

constexpr int kMaxNestingDepth = 64; // cmark recurses per container level; refuse pathological input
// No prose has a line this long; a file that does is data (or an attack), and one unit of
// it would stall segmentation, the catalog and the editor.
constexpr qsizetype kMaxLineBytes = 1024 * 1024;

int nestingDepth(cmark_node *root)
{
    int depth = 0, deepest = 0;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(cmark_iter_get_node(iter)))
            deepest = std::max(deepest, ++depth);
        else if (ev == CMARK_EVENT_EXIT)
            --depth;
    }
    cmark_iter_free(iter);
    return deepest;
}

} // namespace

Result<std::shared_ptr<MarkdownSource>> MarkdownSource::parse(const QByteArray &bytesRead, const QString &path)
{
    if (Status utf8 = checkUtf8(bytesRead, path); !utf8)
        return utf8.error();
    // The document is kept in NFC from here on: cmark's positions, the units, their ids and
    // the export all see one text, so a file a macOS editor saved decomposed (NFD) gives
    // the same units, and matches the same catalog, as its precomposed twin. NFC composes
    // nothing with Markdown's punctuation but '<', '=' and '>' followed by U+0338, which
    // no text writes. Already-NFC files are kept byte for byte.
    const QByteArray bytes = toNfcUtf8(bytesRead);
    std::shared_ptr<MarkdownSource> doc(new MarkdownSource);
    doc->m_bytes = bytes;
    doc->m_path = path;
    const qsizetype bom = utf8BomLength(bytes);

    // cmark-gfm counts line 1's columns from its first byte, a BOM included (cmark 0.30
    // counted from after the BOM).
    doc->m_lineStarts.append(0);
    // Lines end where cmark ends them: at "\n", "\r\n" and a lone "\r". Counting only
    // "\n" put every position after a lone "\r" on the wrong line, and the tokenizer
    // then read before the start of the bytes (found by fuzz_markdown).
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')))
            doc->m_lineStarts.append(i + 1);
    for (qsizetype line = 0; line < doc->m_lineStarts.size(); ++line) {
        const qsizetype end = line + 1 < doc->m_lineStarts.size() ? doc->m_lineStarts[line + 1] : bytes.size();
        if (end - doc->m_lineStarts[line] > kMaxLineBytes)
            return Diagnostic{ErrorKind::InvalidInput, path, int(line + 1), 1,
                              QStringLiteral("line of %1 bytes; the workbench reads lines up to %2 bytes (1 MiB)")
                                  .arg(end - doc->m_lineStarts[line]).arg(kMaxLineBytes)};
    }

    // Hide front matter from cmark by blanking it out line for line, so every line
    // and column cmark reports still points at the same bytes.
    QByteArray forParser = bytes;
    const auto frontMatter = findFrontMatter(bytes);
    for (qsizetype i = bom; frontMatter && i < frontMatter->end; ++i)
        if (forParser[i] != '\n' && forParser[i] != '\r')
            forParser[i] = ' ';

    doc->m_root = parseGfm(forParser, CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE);
    if (!doc->m_root)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("cmark could not parse the document")};
    if (nestingDepth(doc->m_root.get()) > kMaxNestingDepth)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                          QStringLiteral("Markdown nests deeper than %1 levels").arg(kMaxNestingDepth)};
    return doc;
}

Result<std::shared_ptr<MarkdownSource>> MarkdownSource::load(const QString &path)
{
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes.error();
    return parse(*bytes, path);
}

qsizetype MarkdownSource::offsetOf(int line, int column) const
{
    if (line < 1 || line > m_lineStarts.size())
        return -1;
    return std::min(m_lineStarts[line - 1] + column - 1, m_bytes.size());
}

int MarkdownSource::lineOf(qsizetype offset) const
{
    auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    return int(it - m_lineStarts.cbegin());
}

} // namespace wb
