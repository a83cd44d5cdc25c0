#include "model/pseudo.h"
#include "markdown/markdown_source.h"
#include "markdown/gfm_parser.h"
#include "markdown/markdown_structure.h"
#include "model/placeholder_text.h"

#include <QStringList>
#include <cmark-gfm.h>

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

bool isAutolinkText(cmark_node *text)
{
    cmark_node *parent = cmark_node_parent(text);
    if (!parent || cmark_node_get_type(parent) != CMARK_NODE_LINK)
        return false;
    const QByteArray literal(cmark_node_get_literal(text));
    const QByteArray url(cmark_node_get_url(parent));
    return url == literal || url == "mailto:" + literal || url == "http://" + literal;
}

// The units of the source block at [line, endLine], by id, for naming what changed.
QString unitsAt(const SegmentedDocument &doc, int line, int endLine)
{
    QStringList ids;
    for (const SourceUnit &unit : doc.units)
        if (unit.line >= line && unit.line <= endLine)
            ids.append(unit.id);
    if (ids.isEmpty())
        return QStringLiteral("no unit");
    return (ids.size() == 1 ? QStringLiteral("unit ") : QStringLiteral("units ")) + ids.join(QStringLiteral(", "));
}

// Letters outside the ⟦…⟧ every pseudo-translated unit is wrapped in: text that no unit
// covers. Brackets are counted over the text in reading order, since markup splits a unit's
// text into several nodes.
void findTextNotOffered(cmark_node *root, const QString &outputPath, Diagnostics &problems)
{
    cmark_iter *iter = cmark_iter_new(root);
    int blockLine = 0;
    int depth = 0;
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        const auto type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_ENTER && isBlockNode(node))
            blockLine = cmark_node_get_start_line(node);
        if (ev != CMARK_EVENT_ENTER || type != CMARK_NODE_TEXT || isAutolinkText(node))
            continue; // an autolink shows its address, which is not translatable
        const QString text = QString::fromUtf8(cmark_node_get_literal(node));
        QString outside;
        for (const QChar c : text) {
            if (c == QChar(0x27E6))
                ++depth;
            else if (c == QChar(0x27E7))
                depth = std::max(0, depth - 1);
            else if (depth == 0 && c.isLetter())
                outside += c;
        }
        if (!outside.isEmpty())
            problems.append(Diagnostic{ErrorKind::CheckFailed, outputPath, blockLine, 0,
                                       QStringLiteral("text was not offered for translation: \"%1\"").arg(text.trimmed())});
    }
    cmark_iter_free(iter);
}

} // namespace

QString pseudoTranslate(const QString &unitText)
{
    // Edge spaces, "!" before markup and Markdown's special characters are what real
    // translations bring and what broke exports before: the export must absorb them all.
    QString out = QStringLiteral(" ⟦");
    int letters = 0;
    for (const TextPiece &piece : parsePlaceholderText(unitText)) {
        switch (piece.kind) {
        case TextPiece::Kind::Text:
            out += QLatin1Char(' ') + escapeUnitText(mapLetters(piece.text)) + QLatin1Char(' ');
            letters += int(piece.text.size());
            break;
        case TextPiece::Kind::Open: out += QStringLiteral("!{%1}").arg(piece.number); break;
        case TextPiece::Kind::Close: out += QStringLiteral("{/%1}").arg(piece.number); break;
        case TextPiece::Kind::Standalone: out += QStringLiteral("{%1/}").arg(piece.number); break;
        }
    }
    out += QString(std::max(1, letters / 3), QChar(0x00B7)) + QStringLiteral(" *_`[#|<&\\⟧ ");
    return out;
}

Diagnostics checkPseudoOutput(const SegmentedDocument &doc, const QByteArray &output, const QString &outputPath)
{
    Diagnostics problems;
    auto parsed = MarkdownSource::parse(output, outputPath);
    if (!parsed) {
        problems.append(parsed.error());
        return problems;
    }
    const std::optional<StructureChange> change = firstStructureChange(markdownStructure(doc.source->root()),
                                                                       markdownStructure((*parsed)->root()));
    if (change)
        problems.append(Diagnostic{ErrorKind::CheckFailed, outputPath, change->line, 0,
                                   QStringLiteral("%1 (source line %2): structure changed: %3")
                                       .arg(unitsAt(doc, change->sourceLine, change->sourceEndLine))
                                       .arg(change->sourceLine).arg(change->description)});
    findTextNotOffered((*parsed)->root(), outputPath, problems);
    return problems;
}

} // namespace wb
