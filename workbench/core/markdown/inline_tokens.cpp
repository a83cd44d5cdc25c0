#include "markdown/inline_tokens.h"
#include "markdown/markdown_source.h"

#include <QHash>
#include <QMutex>
#include "markdown/gfm_parser.h"

#include <cmark-gfm.h>
#include <memory>
#include <optional>
#include <unicode/utf8.h>

namespace wb {
namespace {

bool isAsciiPunctuation(char c)
{
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

bool isEntityBody(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// What an entity reference ("&amp;", "&#8212;", "&copy;") stands for, as cmark decodes it, or
// nothing when cmark does not take it for an entity (then its '&' is a plain character).
// cmark has the HTML5 entity table; asking it beats keeping a copy. Results are cached: a
// document repeats the same few entities.
std::optional<QString> decodedEntity(const QByteArray &reference)
{
    static QMutex mutex;
    static QHash<QByteArray, std::optional<QString>> cache;
    const QMutexLocker lock(&mutex);
    if (auto known = cache.constFind(reference); known != cache.cend())
        return *known;
    std::optional<QString> decoded;
    const QByteArray document = "x" + reference; // never a block marker
    const CmarkTree root = parseGfm(document, CMARK_OPT_DEFAULT);
    QString text;
    cmark_node *paragraph = root ? cmark_node_first_child(root.get()) : nullptr;
    for (cmark_node *n = paragraph ? cmark_node_first_child(paragraph) : nullptr; n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_TEXT)
            text += QString::fromUtf8(cmark_node_get_literal(n));
    if (text.startsWith(QLatin1Char('x')) && text.mid(1) != QString::fromUtf8(reference))
        decoded = text.mid(1);
    if (cache.size() > 4096)
        cache.clear();
    cache.insert(reference, decoded);
    return decoded;
}

// Code point of the literal at j (handles surrogate pairs); sets width in UTF-16 units.
char32_t literalAt(const QString &literal, qsizetype j, int &width)
{
    const QChar c = literal[j];
    if (c.isHighSurrogate() && j + 1 < literal.size() && literal[j + 1].isLowSurrogate()) {
        width = 2;
        return QChar::surrogateToUcs4(c, literal[j + 1]);
    }
    width = 1;
    return c.unicode();
}

bool alignFrom(const QByteArray &bytes, qsizetype i, qsizetype limit, const QString &literal, qsizetype j,
               std::vector<qsizetype> &map, qsizetype &endOut)
{
    const auto *s = reinterpret_cast<const uint8_t *>(bytes.constData());
    while (j < literal.size()) {
        if (i >= limit)
            return false;
        const char b = bytes[i];
        if (b == '\\' && i + 1 < limit && isAsciiPunctuation(bytes[i + 1]) && literal[j] == QLatin1Char(bytes[i + 1])) {
            map[size_t(j)] = i;
            i += 2;
            ++j;
            continue;
        }
        if (b == '&') {
            // An entity reference stands for what cmark decodes it to; one it does not know
            // is plain text, aligned character by character below.
            qsizetype semi = i + 1;
            while (semi < limit && semi - i <= 32 && isEntityBody(bytes[semi]))
                ++semi;
            if (semi < limit && bytes[semi] == ';' && semi > i + 1) {
                const std::optional<QString> decoded = decodedEntity(bytes.mid(i, semi + 1 - i));
                if (decoded && !decoded->isEmpty() && QStringView(literal).mid(j).startsWith(*decoded)) {
                    for (qsizetype k = 0; k < decoded->size(); ++k)
                        map[size_t(j + k)] = i;
                    i = semi + 1;
                    j += decoded->size();
                    continue;
                }
            }
        }
        int32_t next = int32_t(i);
        UChar32 c;
        U8_NEXT(s, next, int32_t(limit), c);
        int width = 1;
        if (c < 0 || char32_t(c) != literalAt(literal, j, width))
            return false;
        for (int k = 0; k < width; ++k)
            map[size_t(j + k)] = i;
        i = next;
        j += width;
    }
    map[size_t(literal.size())] = i;
    endOut = i;
    return true;
}

// A token for markup (no text of its own): emphasis, links, code, HTML, autolinks.
InlineToken markupToken(InlineToken::Kind kind, qsizetype start, qsizetype end, const QString &label)
{
    InlineToken token;
    token.kind = kind;
    token.start = start;
    token.end = end;
    token.label = label;
    return token;
}

class Tokenizer {
public:
    Tokenizer(const MarkdownSource &source, qsizetype limit) : m_source(source), m_bytes(source.bytes()), m_limit(limit) {}

    bool walk(cmark_node *parent, std::vector<InlineToken> &out)
    {
        for (cmark_node *node = cmark_node_first_child(parent); node; node = cmark_node_next(node))
            if (!visit(node, out))
                return false;
        return true;
    }

    qsizetype cursor = 0;

private:
    // Skips what may stand between inline nodes but is not part of them: line ends,
    // indentation and block quote markers of continuation lines.
    qsizetype skipGap(qsizetype from) const
    {
        qsizetype i = from;
        while (i < m_limit && (m_bytes[i] == ' ' || m_bytes[i] == '\t' || m_bytes[i] == '\r'
                               || m_bytes[i] == '\n' || m_bytes[i] == '>'))
            ++i;
        return i;
    }

    bool visitText(cmark_node *node, std::vector<InlineToken> &out)
    {
        const QString literal = QString::fromUtf8(cmark_node_get_literal(node));
        if (literal.isEmpty())
            return true; // cmark leaves empty text nodes for stripped trailing spaces
        InlineToken token;
        token.kind = InlineToken::Kind::Text;
        token.text = literal;
        token.byteOfChar.resize(size_t(literal.size()) + 1);
        // Try at the cursor first (text often starts with a space), then past a gap, then
        // back over what a line break took for indentation and block quote markers: on a
        // lazy continuation line a ">" may be text ("[^x]:\n    > quoted").
        QList<qsizetype> starts{cursor, skipGap(cursor)};
        for (qsizetype at = cursor; at > 0 && !out.empty() && out.back().kind != InlineToken::Kind::Text
                                    && at > out.back().start && QByteArrayView(" \t>").contains(m_bytes[at - 1]);)
            starts.append(--at);
        for (qsizetype at : starts) {
            qsizetype end = alignLiteral(m_bytes, at, m_limit, literal, token.byteOfChar);
            if (end >= 0) {
                if (at < cursor && !out.empty())
                    out.back().end = std::min(out.back().end, at); // the break ends where the text starts
                token.start = at;
                token.end = end;
                cursor = end;
                out.push_back(std::move(token));
                return true;
            }
        }
        return false;
    }

    bool visitBreak(InlineToken::Kind kind, std::vector<InlineToken> &out)
    {
        InlineToken token;
        token.kind = kind;
        token.start = cursor;
        // A hard break owns its marker (backslash or trailing spaces) and the line end.
        qsizetype i = cursor;
        while (i < m_limit && (m_bytes[i] == ' ' || m_bytes[i] == '\t' || m_bytes[i] == '\\'))
            ++i;
        if (i < m_limit && m_bytes[i] == '\r')
            ++i;
        if (i >= m_limit || m_bytes[i] != '\n')
            return false;
        ++i;
        // The next line's indentation and container markers belong to the break too.
        cursor = skipGap(i);
        token.end = cursor;
        token.label = kind == InlineToken::Kind::LineBreak ? QStringLiteral("line break") : QString();
        out.push_back(std::move(token));
        return true;
    }

    bool visitCode(cmark_node *node, std::vector<InlineToken> &out)
    {
        const qsizetype start = skipGap(cursor);
        qsizetype run = 0;
        while (start + run < m_limit && m_bytes[start + run] == '`')
            ++run;
        if (run == 0)
            return false;
        const QByteArray fence(run, '`');
        for (qsizetype i = start + run; i < m_limit;) {
            const qsizetype found = m_bytes.indexOf(fence, i);
            if (found < 0 || found >= m_limit)
                return false;
            qsizetype close = found + run;
            if (close < m_limit && m_bytes[close] == '`') { // a longer run is not the closer
                while (close < m_limit && m_bytes[close] == '`')
                    ++close;
                i = close;
                continue;
            }
            InlineToken token;
            token.kind = InlineToken::Kind::Atom;
            token.start = start;
            token.end = close;
            token.label = QStringLiteral("code %1").arg(QString::fromUtf8(m_bytes.mid(start, close - start)));
            cursor = close;
            Q_UNUSED(node);
            out.push_back(std::move(token));
            return true;
        }
        return false;
    }

    bool visitHtml(cmark_node *node, std::vector<InlineToken> &out)
    {
        const QByteArray literal(cmark_node_get_literal(node));
        const qsizetype start = skipGap(cursor);
        if (m_bytes.mid(start, literal.size()) != literal)
            return false; // HTML spread over container-prefixed lines: leave the block alone
        InlineToken token;
        token.kind = InlineToken::Kind::Atom;
        token.start = start;
        token.end = start + literal.size();
        token.label = QStringLiteral("HTML %1").arg(QString::fromUtf8(literal));
        cursor = token.end;
        out.push_back(std::move(token));
        return true;
    }

    // Emphasis ("*", "_"), strong emphasis ("**", "__") and strikethrough ("~", "~~").
    bool visitEmphasis(cmark_node *node, std::vector<InlineToken> &out)
    {
        const bool strike = isStrikethroughNode(node);
        const bool strong = cmark_node_get_type(node) == CMARK_NODE_STRONG;
        const qsizetype start = skipGap(cursor);
        if (start >= m_limit)
            return false;
        const char delimiter = m_bytes[start];
        qsizetype width = strong ? 2 : 1;
        if (strike)
            width = m_bytes.mid(start, 2) == "~~" ? 2 : 1;
        if (start + width > m_limit)
            return false;
        const bool expected = strike ? delimiter == '~' : (delimiter == '*' || delimiter == '_');
        if (!expected || m_bytes.mid(start, width) != QByteArray(width, delimiter))
            return false;
        const QString label = strike ? QStringLiteral("strikethrough") : strong ? QStringLiteral("strong emphasis") : QStringLiteral("emphasis");
        out.push_back(markupToken(InlineToken::Kind::Open, start, start + width, label));
        cursor = start + width;
        if (!walk(node, out))
            return false;
        if (m_bytes.mid(cursor, width) != QByteArray(width, delimiter))
            return false;
        out.push_back(markupToken(InlineToken::Kind::Close, cursor, cursor + width, label));
        cursor += width;
        return true;
    }

    // After "]" of a link or image: "(destination "title")", "[label]", "[]" or nothing.
    // Locates the end and the title's bytes; cmark already decided this is a link.
    bool scanLinkTail(qsizetype from, qsizetype &end, qsizetype &titleStart, qsizetype &titleEnd, bool &labelIsText)
    {
        titleStart = titleEnd = -1;
        labelIsText = false;
        qsizetype i = from;
        if (i < m_limit && m_bytes[i] == '[') {
            const qsizetype close = m_bytes.indexOf(']', i);
            if (close < 0 || close >= m_limit)
                return false;
            end = close + 1;
            labelIsText = close == i + 1; // collapsed reference "[text][]"
            return true;
        }
        if (i >= m_limit || m_bytes[i] != '(' || !scanInlineTail(i, end, titleStart, titleEnd)) {
            // A shortcut reference link, also when "(...)" follows but is no destination:
            // cmark already decided this is a link.
            end = i;
            titleStart = titleEnd = -1;
            labelIsText = true;
        }
        return true;
    }

    // "(destination "title")" from the "(" at `from`.
    bool scanInlineTail(qsizetype from, qsizetype &end, qsizetype &titleStart, qsizetype &titleEnd)
    {
        qsizetype i = from + 1;
        i = skipGap(i);
        if (i < m_limit && m_bytes[i] == '<') {
            while (i < m_limit && m_bytes[i] != '>')
                i += (m_bytes[i] == '\\') ? 2 : 1;
            ++i;
        } else {
            int depth = 0;
            while (i < m_limit) {
                const char c = m_bytes[i];
                if (c == '\\') { i += 2; continue; }
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
                if (c == '(') ++depth;
                if (c == ')') { if (depth == 0) break; --depth; }
                ++i;
            }
        }
        i = skipGap(i);
        if (i < m_limit && (m_bytes[i] == '"' || m_bytes[i] == '\'' || m_bytes[i] == '(')) {
            const char closer = m_bytes[i] == '(' ? ')' : m_bytes[i];
            titleStart = ++i;
            while (i < m_limit && m_bytes[i] != closer)
                i += (m_bytes[i] == '\\') ? 2 : 1;
            if (i >= m_limit)
                return false;
            titleEnd = i++;
            i = skipGap(i);
        }
        if (i >= m_limit || m_bytes[i] != ')')
            return false;
        end = i + 1;
        return true;
    }

    // Fills token.title when the title's bytes decode to cmark's title.
    void attachTitle(cmark_node *node, InlineToken &token, qsizetype titleStart, qsizetype titleEnd)
    {
        const QString title = QString::fromUtf8(cmark_node_get_title(node));
        if (title.isEmpty() || titleStart < 0)
            return;
        std::vector<qsizetype> map(size_t(title.size()) + 1);
        if (alignLiteral(m_bytes, titleStart, titleEnd, title, map) == titleEnd) {
            token.titleStart = titleStart;
            token.titleEnd = titleEnd;
            token.title = title;
        }
    }

    bool visitLink(cmark_node *node, std::vector<InlineToken> &out)
    {
        const qsizetype start = skipGap(cursor);
        const QString url = QString::fromUtf8(cmark_node_get_url(node));
        if (start < m_limit && m_bytes[start] == '<') { // autolink: nothing to translate
            const qsizetype close = m_bytes.indexOf('>', start);
            if (close < 0 || close >= m_limit)
                return false;
            out.push_back(markupToken(InlineToken::Kind::Atom, start, close + 1, QStringLiteral("link %1").arg(url)));
            cursor = close + 1;
            return true;
        }
        if (start < m_limit && m_bytes[start] != '[')
            return visitExtendedAutolink(node, start, url, out);
        if (start >= m_limit)
            return false;
        const QString label = QStringLiteral("link to %1").arg(url);
        const size_t openIndex = out.size();
        out.push_back(markupToken(InlineToken::Kind::Open, start, start + 1, label));
        cursor = start + 1;
        if (!walk(node, out))
            return false;
        if (cursor >= m_limit || m_bytes[cursor] != ']')
            return false;
        qsizetype end = 0, titleStart = -1, titleEnd = -1;
        bool labelIsText = false;
        if (!scanLinkTail(cursor + 1, end, titleStart, titleEnd, labelIsText))
            return false;
        InlineToken close = markupToken(InlineToken::Kind::Close, cursor, end, label);
        attachTitle(node, close, titleStart, titleEnd);
        if (labelIsText) {
            close.referenceLabel = out[openIndex].referenceLabel = m_bytes.mid(start + 1, cursor - start - 1);
            close.referenceId = out[openIndex].referenceId = start;
        }
        out.push_back(std::move(close));
        cursor = end;
        return true;
    }

    // GFM's "www.cancer.gov", "https://…" and e-mail addresses: links without markup, whose
    // text is the address as written. Kept whole, like "<…>" autolinks.
    bool visitExtendedAutolink(cmark_node *node, qsizetype start, const QString &url, std::vector<InlineToken> &out)
    {
        cmark_node *text = cmark_node_first_child(node);
        if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT || cmark_node_next(text))
            return false;
        const QByteArray literal(cmark_node_get_literal(text));
        if (literal.isEmpty() || m_bytes.mid(start, literal.size()) != literal)
            return false;
        InlineToken token = markupToken(InlineToken::Kind::Atom, start, start + literal.size(), QStringLiteral("link %1").arg(url));
        QByteArray shown = literal;
        for (const char special : {'\\', '[', ']', '*', '_', '~', '`', '<'})
            shown.replace(QByteArray(1, special), QByteArray("\\") + special);
        token.explicitForm = '[' + shown + "](<" + url.toUtf8() + ">)";
        out.push_back(std::move(token));
        cursor = start + literal.size();
        return true;
    }

    bool visitImage(cmark_node *node, std::vector<InlineToken> &out)
    {
        const qsizetype start = skipGap(cursor);
        if (m_bytes.mid(start, 2) != "![")
            return false;
        InlineToken image;
        image.kind = InlineToken::Kind::Atom;
        image.start = start;
        image.label = QStringLiteral("image %1").arg(QString::fromUtf8(cmark_node_get_url(node)));
        image.childrenStart = cursor = start + 2;
        if (!walk(node, image.children))
            return false;
        if (cursor >= m_limit || m_bytes[cursor] != ']')
            return false;
        image.childrenEnd = cursor;
        qsizetype titleStart = -1, titleEnd = -1;
        bool labelIsText = false;
        if (!scanLinkTail(cursor + 1, image.end, titleStart, titleEnd, labelIsText))
            return false;
        attachTitle(node, image, titleStart, titleEnd);
        if (labelIsText) {
            image.referenceLabel = m_bytes.mid(image.childrenStart, image.childrenEnd - image.childrenStart);
            image.referenceId = start;
        }
        cursor = image.end;
        out.push_back(std::move(image));
        return true;
    }

    bool visit(cmark_node *node, std::vector<InlineToken> &out)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT: return visitText(node, out);
        case CMARK_NODE_SOFTBREAK: return visitBreak(InlineToken::Kind::Space, out);
        case CMARK_NODE_LINEBREAK: return visitBreak(InlineToken::Kind::LineBreak, out);
        case CMARK_NODE_CODE: return visitCode(node, out);
        case CMARK_NODE_HTML_INLINE: return visitHtml(node, out);
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG: return visitEmphasis(node, out);
        case CMARK_NODE_LINK: return visitLink(node, out);
        case CMARK_NODE_IMAGE: return visitImage(node, out);
        default:
            if (isStrikethroughNode(node))
                return visitEmphasis(node, out);
            return false; // custom inlines: not produced by cmark's parser
        }
    }

    const MarkdownSource &m_source;
    const QByteArray &m_bytes;
    qsizetype m_limit;
};

// Where the inline content of a block begins: past "#"s for ATX headings.
qsizetype contentStart(const MarkdownSource &source, cmark_node *block)
{
    qsizetype start = source.offsetOf(cmark_node_get_start_line(block), cmark_node_get_start_column(block));
    const QByteArray &bytes = source.bytes();
    if (cmark_node_get_type(block) == CMARK_NODE_HEADING) {
        qsizetype i = start;
        while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t'))
            ++i;
        if (i < bytes.size() && bytes[i] == '#') {
            while (i < bytes.size() && bytes[i] == '#')
                ++i;
            start = i;
        }
    }
    return start;
}

} // namespace

qsizetype alignLiteral(const QByteArray &bytes, qsizetype from, qsizetype limit, const QString &literal,
                       std::vector<qsizetype> &byteOfChar)
{
    byteOfChar.assign(size_t(literal.size()) + 1, -1);
    qsizetype end = -1;
    if (from < 0 || !alignFrom(bytes, from, std::min(limit, bytes.size()), literal, 0, byteOfChar, end))
        return -1;
    return end;
}

Result<std::vector<InlineToken>> tokenizeInlines(const MarkdownSource &source, cmark_node *block)
{
    // A block ends before the next block starts; its last line's end is a safe limit.
    cmark_node *next = cmark_node_next(block);
    cmark_node *ancestor = cmark_node_parent(block);
    while (!next && ancestor) {
        next = cmark_node_next(ancestor);
        ancestor = cmark_node_parent(ancestor);
    }
    qsizetype limit = next ? source.offsetOf(cmark_node_get_start_line(next), 1) : source.bytes().size();
    if (isTableCellNode(block)) {
        // Cells share their row's line: a cell ends where the next one starts, the last one
        // at the end of the line.
        // Cells cmark-gfm adds to a short row have no position (column 0).
        cmark_node *nextCell = cmark_node_next(block);
        const int line = cmark_node_get_start_line(block);
        const qsizetype start = source.offsetOf(line, cmark_node_get_start_column(block));
        limit = source.offsetOf(line + 1, 1);
        if (nextCell && cmark_node_get_start_column(nextCell) > 0) {
            const qsizetype nextStart = source.offsetOf(cmark_node_get_start_line(nextCell), cmark_node_get_start_column(nextCell));
            if (nextStart > start)
                limit = nextStart;
        }
        if (limit < 0)
            limit = source.bytes().size();
    }

    // cmark counts link reference definitions at the top of a paragraph as its first lines
    // ("[foo]: /url\nbar"), though they are not its content: when the content does not
    // align from the block's start, it is tried from each following line.
    std::vector<InlineToken> tokens;
    bool aligned = false;
    int attempts = 0; // a bound: a long block that cannot be aligned is not walked once per line
    for (qsizetype start = contentStart(source, block); !aligned && start >= 0 && start < limit && attempts++ < 64;) {
        Tokenizer tokenizer(source, limit);
        tokenizer.cursor = start;
        tokens.clear();
        aligned = tokenizer.walk(block, tokens);
        const qsizetype lineEnd = source.bytes().indexOf('\n', start);
        start = lineEnd < 0 ? -1 : lineEnd + 1;
    }
    if (!aligned)
        return Diagnostic{ErrorKind::InvalidInput, source.path(), cmark_node_get_start_line(block), 0,
                          QStringLiteral("inline markup could not be matched to the source; block left untranslatable")};
    // Soft breaks that end a block (before an ATX closing sequence) are not content.
    while (!tokens.empty() && tokens.back().kind == InlineToken::Kind::Space)
        tokens.pop_back();
    return tokens;
}

} // namespace wb
