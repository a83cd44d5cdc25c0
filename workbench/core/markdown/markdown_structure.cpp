#include "markdown/markdown_structure.h"
#include "markdown/gfm_parser.h"

#include <QCryptographicHash>
#include <QMap>
#include <cmark-gfm.h>

namespace wb {
namespace {

QString shortHash(const char *literal)
{
    return QString::fromLatin1(QCryptographicHash::hash(QByteArray(literal ? literal : ""), QCryptographicHash::Sha1).toHex().left(8));
}

QString describeBlock(cmark_node *node)
{
    const QString type = QString::fromLatin1(cmark_node_get_type_string(node));
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
        return QStringLiteral("heading %1").arg(cmark_node_get_heading_level(node));
    case CMARK_NODE_LIST:
        if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
            return QStringLiteral("list ordered from %1%2 %3").arg(cmark_node_get_list_start(node))
                .arg(cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? QStringLiteral(")") : QStringLiteral("."))
                .arg(cmark_node_get_list_tight(node) ? QStringLiteral("tight") : QStringLiteral("loose"));
        return QStringLiteral("list bullet %1").arg(cmark_node_get_list_tight(node) ? QStringLiteral("tight") : QStringLiteral("loose"));
    case CMARK_NODE_CODE_BLOCK:
        return QStringLiteral("code block \"%1\" %2").arg(QString::fromUtf8(cmark_node_get_fence_info(node)),
                                                          shortHash(cmark_node_get_literal(node)));
    case CMARK_NODE_HTML_BLOCK:
        return QStringLiteral("HTML block %1").arg(shortHash(cmark_node_get_literal(node)));
    default:
        if (isTableNode(node))
            return QStringLiteral("table %1").arg(tableAlignments(node));
        return QString(type).replace(QLatin1Char('_'), QLatin1Char(' '));
    }
}

// Inline markup as readers meet it; empty for text and soft breaks.
QString describeInline(cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK: return {};
    case CMARK_NODE_LINEBREAK: return QStringLiteral("line break");
    case CMARK_NODE_EMPH: return QStringLiteral("emphasis");
    case CMARK_NODE_STRONG: return QStringLiteral("strong emphasis");
    case CMARK_NODE_LINK:
        return QStringLiteral("link to %1").arg(QString::fromUtf8(cmark_node_get_url(node)));
    case CMARK_NODE_IMAGE: return QStringLiteral("image %1").arg(QString::fromUtf8(cmark_node_get_url(node)));
    case CMARK_NODE_CODE: return QStringLiteral("code `%1`").arg(QString::fromUtf8(cmark_node_get_literal(node)));
    case CMARK_NODE_HTML_INLINE: return QStringLiteral("HTML %1").arg(QString::fromUtf8(cmark_node_get_literal(node)));
    default: return QString::fromLatin1(cmark_node_get_type_string(node));
    }
}

// "emphasis(link to /d())": children sorted, so that reordered markup compares equal.
QString canonicalChildren(cmark_node *parent, QStringList &parts)
{
    QStringList children;
    for (cmark_node *child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
        const QString description = describeInline(child);
        if (description.isEmpty())
            continue;
        parts.append(description);
        children.append(description + QLatin1Char('(') + canonicalChildren(child, parts) + QLatin1Char(')'));
    }
    children.sort();
    return children.join(QLatin1Char(','));
}

bool holdsInlines(cmark_node *block)
{
    cmark_node *child = cmark_node_first_child(block);
    return child && !isBlockNode(child);
}

// "emphasis lost, image /d gained" from the flattened markup of a block before and after.
QString markupDifference(const QStringList &before, const QStringList &after)
{
    QMap<QString, int> count;
    for (const QString &part : before)
        ++count[part];
    for (const QString &part : after)
        --count[part];
    QStringList lost, gained;
    for (auto it = count.cbegin(); it != count.cend(); ++it) {
        for (int i = 0; i < it.value(); ++i)
            lost.append(it.key());
        for (int i = 0; i > it.value(); --i)
            gained.append(it.key());
    }
    QStringList said;
    if (!lost.isEmpty())
        said.append(lost.join(QStringLiteral(", ")) + QStringLiteral(" lost"));
    if (!gained.isEmpty())
        said.append(gained.join(QStringLiteral(", ")) + QStringLiteral(" appeared"));
    return said.isEmpty() ? QStringLiteral("markup nested differently") : said.join(QStringLiteral("; "));
}

} // namespace

QList<StructureEntry> markdownStructure(cmark_node *root)
{
    QList<StructureEntry> entries;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        if (!isBlockNode(node))
            continue;
        const bool leaf = !cmark_node_first_child(node) || holdsInlines(node);
        if (ev == CMARK_EVENT_EXIT && leaf)
            continue; // leaf blocks appear once
        StructureEntry entry;
        entry.block = ev == CMARK_EVENT_EXIT ? QLatin1Char('/') + describeBlock(node) : describeBlock(node);
        entry.line = cmark_node_get_start_line(node);
        entry.endLine = cmark_node_get_end_line(node);
        if (leaf && ev == CMARK_EVENT_ENTER)
            entry.markup = canonicalChildren(node, entry.parts);
        entries.append(entry);
    }
    cmark_iter_free(iter);
    return entries;
}

std::optional<StructureChange> firstStructureChange(const QList<StructureEntry> &source, const QList<StructureEntry> &output)
{
    for (qsizetype i = 0; i < std::max(source.size(), output.size()); ++i) {
        const StructureEntry *before = i < source.size() ? &source[i] : nullptr;
        const StructureEntry *after = i < output.size() ? &output[i] : nullptr;
        if (before && after && before->block == after->block && before->markup == after->markup)
            continue;
        StructureChange change;
        change.index = i;
        change.sourceLine = before ? before->line : 0;
        change.sourceEndLine = before ? before->endLine : 0;
        change.line = after ? after->line : 0;
        // Where one side closes its container and the other goes on, a block appeared (or
        // disappeared) after the previous one: that previous block is where to look.
        const bool closes = before && before->block.startsWith(QLatin1Char('/'));
        const bool goesOn = after && !after->block.startsWith(QLatin1Char('/'));
        if (i > 0 && ((closes && goesOn) || !before || !after)) {
            change.sourceLine = source[std::min(i, source.size()) - 1].line;
            change.sourceEndLine = source[std::min(i, source.size()) - 1].endLine;
        }
        if (!before || (closes && goesOn))
            change.description = QStringLiteral("%1 appeared").arg(after->block);
        else if (!after || (!before->block.startsWith(QLatin1Char('/')) && after->block.startsWith(QLatin1Char('/'))))
            change.description = QStringLiteral("%1 disappeared").arg(before->block);
        else if (before->block != after->block)
            change.description = QStringLiteral("%1 became %2").arg(before->block, after->block);
        else
            change.description = QStringLiteral("%1: %2").arg(before->block, markupDifference(before->parts, after->parts));
        return change;
    }
    return std::nullopt;
}

} // namespace wb
