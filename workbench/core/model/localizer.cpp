#include "model/localizer.h"
#include "markdown/markdown_escape.h"
#include "markdown/markdown_source.h"
#include "model/placeholder_text.h"

namespace wb {
namespace {

class Renderer {
public:
    Renderer(const SegmentedDocument &doc, const TranslationLookup &lookup, Diagnostics &problems)
        : m_doc(doc), m_lookup(lookup), m_problems(problems) {}

    QByteArray flow(int index)
    {
        QByteArray out;
        for (const FlowPart &part : m_doc.flows[index].parts)
            out += this->part(part);
        return out;
    }

private:
    QByteArray part(const FlowPart &part)
    {
        switch (part.kind) {
        case FlowPart::Kind::Raw: return part.raw;
        case FlowPart::Kind::Flow: return flow(part.index);
        case FlowPart::Kind::Unit: return unit(m_doc.units[part.index]);
        }
        return {};
    }

    QByteArray unit(const SourceUnit &unit)
    {
        const std::optional<QString> translation = m_lookup(unit);
        if (!translation || *translation == unit.text)
            return original(unit);
        if (const QString problem = placeholderMismatch(unit.text, *translation); !problem.isEmpty()) {
            m_problems.append(Diagnostic{ErrorKind::CheckFailed, m_doc.source->path(), unit.line, 0,
                                         QStringLiteral("unit %1: placeholders of the translation do not match the source (%2); source text kept")
                                             .arg(unit.id, problem)});
            return original(unit);
        }
        const MarkdownContext context = unit.kind == QLatin1String("link title") ? MarkdownContext::Title
                                      : unit.startsLine                          ? MarkdownContext::LineStart
                                                                                 : MarkdownContext::Inline;
        QByteArray out;
        bool first = true;
        for (const TextPiece &piece : parsePlaceholderText(*translation)) {
            if (piece.kind == TextPiece::Kind::Text) {
                // Only the very start of the unit can be mistaken for a block marker.
                const MarkdownContext here = (!first && context == MarkdownContext::LineStart) ? MarkdownContext::Inline : context;
                out += escapeMarkdownText(piece.text, here).toUtf8();
            } else {
                const Placeholder &ph = unit.placeholders[piece.number - 1];
                out += flow(piece.kind == TextPiece::Kind::Close ? ph.closeFlow : ph.openFlow);
            }
            first = false;
        }
        return out;
    }

    QByteArray original(const SourceUnit &unit)
    {
        QByteArray out;
        for (const FlowPart &p : unit.sourceParts)
            out += part(p);
        return out;
    }

    const SegmentedDocument &m_doc;
    const TranslationLookup &m_lookup;
    Diagnostics &m_problems;
};

} // namespace

QByteArray localizeDocument(const SegmentedDocument &doc, const TranslationLookup &lookup, Diagnostics &problems)
{
    if (doc.flows.isEmpty())
        return {};
    return Renderer(doc, lookup, problems).flow(0);
}

} // namespace wb
