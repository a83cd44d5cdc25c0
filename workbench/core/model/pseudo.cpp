#include "model/pseudo.h"
#include "markdown/markdown_source.h"
#include "model/placeholder_text.h"

#include <QCryptographicHash>
#include <QStringList>
#include <cmark.h>

namespace wb {
namespace {

// Look-alikes for a..z and A..Z, all outside ASCII.
const char16_t kLower[] = u"åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž";
const char16_t kUpper[] = u"ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

QString mapLetters(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 'a' && u <= 'z')
            c = QChar(kLower[u - 'a']);
        else if (u >= 'A' && u <= 'Z')
            c = QChar(kUpper[u - 'A']);
    }
    return out;
}

struct BlockEntry {
    QString signature;
    int line;
};

QList<BlockEntry> blockTree(cmark_node *root)
{
    QList<BlockEntry> entries;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        const auto type = cmark_node_get_type(node);
        if (type < CMARK_NODE_FIRST_BLOCK || type > CMARK_NODE_LAST_BLOCK)
            continue;
        QString signature = QString::fromLatin1(cmark_node_get_type_string(node));
        if (ev == CMARK_EVENT_EXIT)
            signature = QLatin1Char('/') + signature;
        else if (type == CMARK_NODE_HEADING)
            signature += QString::number(cmark_node_get_heading_level(node));
        else if (type == CMARK_NODE_LIST)
            signature += QStringLiteral(" %1 %2 %3").arg(cmark_node_get_list_type(node)).arg(cmark_node_get_list_start(node))
                             .arg(cmark_node_get_list_tight(node) ? QStringLiteral("tight") : QStringLiteral("loose"));
        else if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK)
            signature += QLatin1Char(' ') + QString::fromLatin1(
                QCryptographicHash::hash(cmark_node_get_literal(node), QCryptographicHash::Sha1).toHex().left(8));
        if (ev == CMARK_EVENT_EXIT && type != CMARK_NODE_DOCUMENT && cmark_node_first_child(node) == nullptr)
            continue; // leaf blocks appear once
        entries.append(BlockEntry{signature, cmark_node_get_start_line(node)});
    }
    cmark_iter_free(iter);
    return entries;
}

bool isAutolinkText(cmark_node *text)
{
    cmark_node *parent = cmark_node_parent(text);
    if (!parent || cmark_node_get_type(parent) != CMARK_NODE_LINK)
        return false;
    const QByteArray literal(cmark_node_get_literal(text));
    const QByteArray url(cmark_node_get_url(parent));
    return url == literal || url == "mailto:" + literal;
}

} // namespace

QString pseudoTranslate(const QString &unitText)
{
    QString out = QStringLiteral("⟦");
    int letters = 0;
    for (const TextPiece &piece : parsePlaceholderText(unitText)) {
        switch (piece.kind) {
        case TextPiece::Kind::Text:
            out += escapeUnitText(mapLetters(piece.text));
            letters += int(piece.text.size());
            break;
        case TextPiece::Kind::Open: out += QStringLiteral("{%1}").arg(piece.number); break;
        case TextPiece::Kind::Close: out += QStringLiteral("{/%1}").arg(piece.number); break;
        case TextPiece::Kind::Standalone: out += QStringLiteral("{%1/}").arg(piece.number); break;
        }
    }
    out += QLatin1Char(' ') + QString(std::max(1, letters / 3), QChar(0x00B7)) + QStringLiteral("⟧");
    return out;
}

Diagnostics checkPseudoOutput(const MarkdownSource &source, const QByteArray &output, const QString &outputPath)
{
    Diagnostics problems;
    auto parsed = MarkdownSource::parse(output, outputPath);
    if (!parsed) {
        problems.append(parsed.error());
        return problems;
    }
    const QList<BlockEntry> before = blockTree(source.root());
    const QList<BlockEntry> after = blockTree((*parsed)->root());
    for (qsizetype i = 0; i < std::max(before.size(), after.size()); ++i) {
        if (i < before.size() && i < after.size() && before[i].signature == after[i].signature)
            continue;
        const int line = i < after.size() ? after[i].line : 0;
        problems.append(Diagnostic{ErrorKind::CheckFailed, outputPath, line, 0,
                                   QStringLiteral("block structure changed: source has %1 (line %2), output has %3")
                                       .arg(i < before.size() ? before[i].signature : QStringLiteral("nothing"))
                                       .arg(i < before.size() ? before[i].line : 0)
                                       .arg(i < after.size() ? after[i].signature : QStringLiteral("nothing"))});
        break; // after the first divergence every block differs
    }

    cmark_iter *iter = cmark_iter_new((*parsed)->root());
    int blockLine = 0;
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        const auto type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_ENTER && type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK)
            blockLine = cmark_node_get_start_line(node);
        if (ev != CMARK_EVENT_ENTER || type != CMARK_NODE_TEXT)
            continue;
        const QString text = QString::fromUtf8(cmark_node_get_literal(node));
        if (isAutolinkText(node))
            continue; // an autolink shows its address, which is not translatable
        const bool hasAsciiLetter = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
        });
        if (hasAsciiLetter)
            problems.append(Diagnostic{ErrorKind::CheckFailed, outputPath, blockLine, 0,
                                       QStringLiteral("text was not offered for translation: \"%1\"").arg(text.trimmed())});
    }
    cmark_iter_free(iter);
    return problems;
}

} // namespace wb
