#pragma once
#include "common/result.h"
#include <QString>
#include <vector>

struct cmark_node;

namespace wb {

class MarkdownSource;

/// One piece of a block's inline content, located in the document's bytes.
struct InlineToken {
    enum class Kind {
        Text,      ///< translatable characters (entities and escapes decoded)
        Space,     ///< a soft line break: a space to the reader
        LineBreak, ///< a hard line break
        Open,      ///< start of emphasis, strong emphasis or a link
        Close,     ///< its end (for links: "](destination "title")")
        Atom,      ///< code span, inline HTML, autolink or image: kept whole
    };
    Kind kind = Kind::Text;
    qsizetype start = 0;     ///< byte range in the document
    qsizetype end = 0;
    QString text;            ///< Text: the characters as the reader sees them
    std::vector<qsizetype> byteOfChar; ///< Text: document byte offset of each UTF-16 unit, plus end
    QString label;           ///< what the markup is, for translators ("emphasis", "link to ...")
    std::vector<InlineToken> children; ///< Atom image: its alt text
    qsizetype childrenStart = -1, childrenEnd = -1; ///< Atom image: the bytes between "![" and "]"
    qsizetype titleStart = -1, titleEnd = -1;       ///< link Close / image Atom: the title's bytes
    QString title;
    /// Shortcut or collapsed reference link ("[docs]", "[docs][]") or image ("![logo]"): the
    /// label bytes, which are also the link text. A translated text no longer matches any
    /// definition, so the export writes the label after it ("[DOCUMENTOS][docs]").
    QByteArray referenceLabel;
    qsizetype referenceId = -1; ///< the "[" that opens it: pairs a link's Open with its Close
    /// GFM extended autolink ("www.cancer.gov"): the same link written "[text](<url>)", for
    /// when translated text glued to it would extend or break it.
    QByteArray explicitForm;
};

/// Locates every inline node of a paragraph or heading in the document bytes.
///
/// cmark 0.30's inline source positions are wrong after a backslash hard break, on lazy
/// continuation lines and on lines whose container prefix differs from the first, so the
/// tokens are found by walking cmark's inline tree and aligning it with the bytes instead.
/// Fails (for the caller to leave the block as it is) when the two cannot be aligned.
Result<std::vector<InlineToken>> tokenizeInlines(const MarkdownSource &source, cmark_node *block);

/// Aligns `literal` with the bytes from `from`: escapes and entities in the bytes may
/// stand for single characters of the literal. Returns the byte after the last one used,
/// filling byteOfChar, or -1.
qsizetype alignLiteral(const QByteArray &bytes, qsizetype from, qsizetype limit, const QString &literal,
                       std::vector<qsizetype> &byteOfChar);

} // namespace wb
