#include "model/unit_extractor.h"
#include "markdown/gfm_parser.h"
#include "markdown/inline_tokens.h"
#include "markdown/markdown_source.h"
#include "model/placeholder_text.h"
#include "model/unit_id.h"
#include "segment/sentence_segmenter.h"

#include <QHash>
#include <cmark-gfm.h>
#include <list>

namespace wb {
namespace {

using Kind = InlineToken::Kind;

/// A token, or for text a slice of it, assigned to one sentence.
struct Piece {
    const InlineToken *token = nullptr;
    qsizetype from = 0; ///< Text: character range
    qsizetype to = 0;

    qsizetype startByte() const { return token->kind == Kind::Text ? token->byteOfChar[size_t(from)] : token->start; }
    qsizetype endByte() const { return token->kind == Kind::Text ? token->byteOfChar[size_t(to)] : token->end; }
    bool isBlank() const
    {
        if (token->kind == Kind::Space || token->kind == Kind::LineBreak)
            return true;
        return token->kind == Kind::Text && token->text.mid(from, to - from).trimmed().isEmpty();
    }
};

class Extractor {
public:
    Extractor(SegmentedDocument &doc, SentenceSegmenter &segmenter) : m_doc(doc), m_segmenter(segmenter) {}

    void run()
    {
        m_doc.flows.append(Flow{});
        qsizetype cursor = 0;
        walkBlocks(m_doc.source->root(), cursor);
        appendRaw(0, cursor, m_doc.source->bytes().size());
        const QStringList ids = assignUnitIds([&] {
            QStringList texts;
            for (const SourceUnit &u : std::as_const(m_doc.units))
                texts.append(u.text);
            return texts;
        }());
        for (qsizetype i = 0; i < m_doc.units.size(); ++i)
            m_doc.units[i].id = ids[i];
    }

private:
    static QString blockKind(cmark_node *block)
    {
        if (isTableCellNode(block))
            return isTableHeaderRow(cmark_node_parent(block)) ? QStringLiteral("table header") : QStringLiteral("table cell");
        if (cmark_node_get_type(block) == CMARK_NODE_HEADING)
            return QStringLiteral("heading %1").arg(cmark_node_get_heading_level(block));
        for (cmark_node *p = cmark_node_parent(block); p; p = cmark_node_parent(p)) {
            if (cmark_node_get_type(p) == CMARK_NODE_ITEM)
                return QStringLiteral("list item");
            if (cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE)
                return QStringLiteral("block quote");
        }
        return QStringLiteral("paragraph");
    }

    void walkBlocks(cmark_node *parent, qsizetype &cursor)
    {
        for (cmark_node *node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
            const auto type = cmark_node_get_type(node);
            if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || isTableCellNode(node)) {
                auto tokens = tokenizeInlines(*m_doc.source, node);
                if (!tokens) {
                    Diagnostic warning = tokens.error();
                    m_doc.warnings.append(warning);
                    continue; // its bytes stay in the surrounding raw part
                }
                if (tokens->empty())
                    continue;
                m_blockTokens.push_back(std::move(*tokens));
                const auto &blockTokens = m_blockTokens.back();
                appendRaw(0, cursor, blockTokens.front().start);
                appendSentences(0, blockTokens, blockKind(node), true);
                cursor = blockTokens.back().end;
            } else if (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK) {
                walkBlocks(node, cursor); // containers: document, list, item, block quote, table, row
            }
        }
    }

    void appendRaw(int flow, qsizetype from, qsizetype to)
    {
        if (to <= from)
            return;
        appendRawBytes(m_doc.flows[flow].parts, m_doc.source->bytes().mid(from, to - from));
    }

    static void appendRawBytes(QList<FlowPart> &parts, const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            return;
        if (!parts.isEmpty() && parts.last().kind == FlowPart::Kind::Raw)
            parts.last().raw += bytes;
        else
            parts.append(FlowPart{FlowPart::Kind::Raw, bytes, -1, {}});
    }

    // The markup behind a code as a flow of its own; images and titled links carry
    // translatable text inside it (alt text, title), which becomes units of their own.
    int codeFlow(const InlineToken &token)
    {
        Flow flow;
        auto titled = [&](qsizetype from, qsizetype to) {
            const QByteArray &bytes = m_doc.source->bytes();
            if (token.titleStart < 0 || token.titleStart < from || token.titleEnd > to) {
                appendRawBytes(flow.parts, bytes.mid(from, to - from));
                return;
            }
            appendRawBytes(flow.parts, bytes.mid(from, token.titleStart - from));
            InlineToken title;
            title.kind = Kind::Text;
            title.text = token.title;
            alignLiteral(bytes, token.titleStart, token.titleEnd, token.title, title.byteOfChar);
            title.start = token.titleStart;
            title.end = token.titleEnd;
            m_titleTokens.push_back({std::move(title)});
            flow.parts.append(FlowPart{FlowPart::Kind::Flow, {}, subflow(m_titleTokens.back(), QStringLiteral("link title")), {}});
            appendRawBytes(flow.parts, bytes.mid(token.titleEnd, to - token.titleEnd));
        };
        const QByteArray &bytes = m_doc.source->bytes();
        const bool labelIsText = token.referenceId >= 0;
        if (token.childrenStart >= 0) { // image
            appendRawBytes(flow.parts, bytes.mid(token.start, token.childrenStart - token.start));
            if (labelIsText)
                flow.parts.append(FlowPart{FlowPart::Kind::ReferenceStart, {}, token.referenceId, {}});
            if (!token.children.empty()) {
                appendRawBytes(flow.parts, bytes.mid(token.childrenStart, token.children.front().start - token.childrenStart));
                flow.parts.append(FlowPart{FlowPart::Kind::Flow, {}, subflow(token.children, QStringLiteral("image alt text")), {}});
                appendRawBytes(flow.parts, bytes.mid(token.children.back().end, token.childrenEnd - token.children.back().end));
            } else {
                appendRawBytes(flow.parts, bytes.mid(token.childrenStart, token.childrenEnd - token.childrenStart));
            }
            if (labelIsText)
                flow.parts.append(FlowPart{FlowPart::Kind::ReferenceEnd, bytes.mid(token.childrenEnd, token.end - token.childrenEnd),
                                           token.referenceId, token.referenceLabel});
            else
                titled(token.childrenEnd, token.end);
        } else if (labelIsText && token.kind == Kind::Open) {
            appendRawBytes(flow.parts, bytes.mid(token.start, token.end - token.start));
            flow.parts.append(FlowPart{FlowPart::Kind::ReferenceStart, {}, token.referenceId, {}});
        } else if (labelIsText) {
            flow.parts.append(FlowPart{FlowPart::Kind::ReferenceEnd, bytes.mid(token.start, token.end - token.start),
                                       token.referenceId, token.referenceLabel});
        } else {
            titled(token.start, token.end);
        }
        flow.explicitForm = token.explicitForm;
        m_doc.flows.append(flow);
        return int(m_doc.flows.size() - 1);
    }

    int subflow(const std::vector<InlineToken> &tokens, const QString &kind)
    {
        m_doc.flows.append(Flow{});
        const int index = int(m_doc.flows.size() - 1);
        appendSentences(index, tokens, kind, false);
        return index;
    }

    // Sentence boundaries of a block, as positions in its reading text, dropping any
    // that would split paired markup (a sentence inside *emphasis* stays whole).
    QList<int> sentenceBoundaries(const std::vector<InlineToken> &tokens, std::vector<int> &textStart)
    {
        QString reading;
        textStart.assign(tokens.size(), 0);
        QList<int> opensAt, closesAt;
        for (size_t i = 0; i < tokens.size(); ++i) {
            textStart[i] = int(reading.size());
            switch (tokens[i].kind) {
            case Kind::Text: reading += tokens[i].text; break;
            case Kind::Space: reading += QLatin1Char(' '); break;
            case Kind::LineBreak: reading += QLatin1Char('\n'); break;
            case Kind::Atom: reading += QChar(0xFFFC); break; // object replacement character
            case Kind::Open: opensAt.append(int(reading.size())); break;
            case Kind::Close: closesAt.append(int(reading.size())); break;
            }
        }
        QList<int> kept;
        for (int b : m_segmenter.boundaries(reading)) {
            // Opens at b belong to the next sentence, closes at b to the previous one.
            const auto opened = std::count_if(opensAt.cbegin(), opensAt.cend(), [b](int p) { return p < b; });
            const auto closed = std::count_if(closesAt.cbegin(), closesAt.cend(), [b](int p) { return p <= b; });
            if (opened == closed)
                kept.append(b);
        }
        return kept;
    }

    QList<QList<Piece>> cutIntoSentences(const std::vector<InlineToken> &tokens)
    {
        std::vector<int> textStart;
        const QList<int> boundaries = sentenceBoundaries(tokens, textStart);
        QList<QList<Piece>> sentences(1);
        qsizetype next = 0;
        for (size_t i = 0; i < tokens.size(); ++i) {
            const InlineToken &token = tokens[i];
            const int at = textStart[i];
            if (token.kind != Kind::Close) {
                while (next < boundaries.size() && boundaries[next] <= at) {
                    sentences.append(QList<Piece>());
                    ++next;
                }
            }
            if (token.kind != Kind::Text) {
                sentences.last().append(Piece{&token, 0, 0});
                continue;
            }
            qsizetype from = 0;
            while (next < boundaries.size() && boundaries[next] < at + token.text.size()) {
                const qsizetype cut = boundaries[next] - at;
                sentences.last().append(Piece{&token, from, cut});
                sentences.append(QList<Piece>());
                from = cut;
                ++next;
            }
            sentences.last().append(Piece{&token, from, token.text.size()});
        }
        return sentences;
    }

    // Moves leading and trailing whitespace, and paired markup enclosing the whole
    // sentence, out of the unit: the translator need not see or keep it.
    static void trim(QList<Piece> &pieces, QList<Piece> &lead, QList<Piece> &tail)
    {
        auto trimBlank = [&] {
            while (!pieces.isEmpty() && pieces.first().isBlank())
                lead.append(pieces.takeFirst());
            while (!pieces.isEmpty() && pieces.last().isBlank())
                tail.prepend(pieces.takeLast());
            if (pieces.isEmpty())
                return;
            if (Piece &f = pieces.first(); f.token->kind == Kind::Text) {
                Piece blank = f;
                while (f.from < f.to && f.token->text[f.from].isSpace())
                    ++f.from;
                blank.to = f.from;
                if (blank.to > blank.from)
                    lead.append(blank);
            }
            if (Piece &l = pieces.last(); l.token->kind == Kind::Text) {
                Piece blank = l;
                while (l.to > l.from && l.token->text[l.to - 1].isSpace())
                    --l.to;
                blank.from = l.to;
                if (blank.to > blank.from)
                    tail.prepend(blank);
            }
        };
        trimBlank();
        while (pieces.size() >= 2 && pieces.first().token->kind == Kind::Open && pieces.last().token->kind == Kind::Close
               && enclosesAll(pieces)) {
            lead.append(pieces.takeFirst());
            tail.prepend(pieces.takeLast());
            trimBlank();
        }
    }

    // Whether the first piece (an Open) is closed by the last piece and not before.
    static bool enclosesAll(const QList<Piece> &pieces)
    {
        int depth = 0;
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            const Kind k = pieces[i].token->kind;
            if (k == Kind::Open)
                ++depth;
            else if (k == Kind::Close && --depth == 0)
                return i == pieces.size() - 1;
        }
        return false;
    }

    void appendGlue(int flow, const QList<Piece> &pieces)
    {
        for (const Piece &p : pieces) {
            // Images and titled links carry text; reference links whose text is their label
            // need their ends marked.
            const bool needsFlow = p.token->childrenStart >= 0 || p.token->titleStart >= 0 || p.token->referenceId >= 0;
            if (needsFlow) {
                const int code = codeFlow(*p.token); // appends to flows: take the index before indexing flows
                m_doc.flows[flow].parts.append(FlowPart{FlowPart::Kind::Flow, {}, code, {}});
            } else {
                appendRaw(flow, p.startByte(), p.endByte());
            }
        }
    }

    void appendSentences(int flow, const std::vector<InlineToken> &tokens, const QString &kind, bool blockStart)
    {
        bool first = blockStart;
        for (QList<Piece> pieces : cutIntoSentences(tokens)) {
            QList<Piece> lead, tail;
            trim(pieces, lead, tail);
            appendGlue(flow, lead);
            const bool hasText = std::any_of(pieces.cbegin(), pieces.cend(),
                                             [](const Piece &p) { return p.token->kind == Kind::Text && !p.isBlank(); });
            if (hasText) {
                // Reserve the unit's place first, so that units inside it (alt text, link
                // titles), made while building it, follow it in reading order.
                const int index = int(m_doc.units.size());
                m_doc.units.append(SourceUnit{});
                SourceUnit unit = makeUnit(pieces, kind, first);
                m_doc.units[index] = std::move(unit);
                m_doc.flows[flow].parts.append(FlowPart{FlowPart::Kind::Unit, {}, index, {}});
                first = false;
            } else {
                appendGlue(flow, pieces);
            }
            appendGlue(flow, tail);
        }
    }

    SourceUnit makeUnit(const QList<Piece> &pieces, const QString &kind, bool startsLine)
    {
        SourceUnit unit;
        unit.kind = kind;
        unit.startsLine = startsLine;
        unit.line = m_doc.source->lineOf(pieces.first().startByte());
        QHash<const InlineToken *, int> numberOfOpen;
        QList<const InlineToken *> openStack;
        for (const Piece &p : pieces) {
            const InlineToken &t = *p.token;
            switch (t.kind) {
            case Kind::Text:
                unit.text += escapeUnitText(t.text.mid(p.from, p.to - p.from));
                appendRawBytes(unit.sourceParts, m_doc.source->bytes().mid(p.startByte(), p.endByte() - p.startByte()));
                break;
            case Kind::Space:
                unit.text += QLatin1Char(' ');
                appendRawBytes(unit.sourceParts, m_doc.source->bytes().mid(t.start, t.end - t.start));
                break;
            case Kind::Open: {
                Placeholder ph{int(unit.placeholders.size() + 1), codeFlow(t), -1, t.label};
                unit.placeholders.append(ph);
                openStack.append(&t);
                numberOfOpen.insert(&t, ph.number);
                unit.text += QStringLiteral("{%1}").arg(ph.number);
                unit.sourceParts.append(FlowPart{FlowPart::Kind::Flow, {}, ph.openFlow, {}});
                break;
            }
            case Kind::Close: {
                const InlineToken *open = openStack.isEmpty() ? nullptr : openStack.takeLast();
                const int number = numberOfOpen.value(open, 0);
                const int flow = codeFlow(t);
                unit.placeholders[number - 1].closeFlow = flow;
                unit.text += QStringLiteral("{/%1}").arg(number);
                unit.sourceParts.append(FlowPart{FlowPart::Kind::Flow, {}, flow, {}});
                break;
            }
            case Kind::LineBreak:
            case Kind::Atom: {
                Placeholder ph{int(unit.placeholders.size() + 1), codeFlow(t), -1, t.label};
                unit.placeholders.append(ph);
                unit.text += QStringLiteral("{%1/}").arg(ph.number);
                unit.sourceParts.append(FlowPart{FlowPart::Kind::Flow, {}, ph.openFlow, {}});
                break;
            }
            }
        }
        return unit;
    }

    SegmentedDocument &m_doc;
    SentenceSegmenter &m_segmenter;
    // Tokens must outlive the pieces that point into them while a block is processed;
    // std::list keeps addresses stable as more are added.
    std::list<std::vector<InlineToken>> m_blockTokens;
    std::list<std::vector<InlineToken>> m_titleTokens;
};

} // namespace

SegmentedDocument segmentDocument(std::shared_ptr<const MarkdownSource> source, SentenceSegmenter &segmenter)
{
    SegmentedDocument doc;
    doc.source = std::move(source);
    doc.language = segmenter.language();
    Extractor(doc, segmenter).run();
    return doc;
}

} // namespace wb
