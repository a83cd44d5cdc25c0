#include "model/localizer.h"
#include "markdown/markdown_escape.h"
#include "markdown/markdown_source.h"
#include "markdown/markdown_structure.h"
#include "model/placeholder_text.h"
#include "model/translation_tidy.h"

#include <QHash>

namespace wb {
namespace {

/// How a translated unit is written. Tidy: edge whitespace out of the unit and out of paired
/// markup. Repaired: also punctuation out of emphasis, "_" emphasis written with "*" (which
/// may open and close inside a word), and GFM's bare addresses as explicit links (text glued
/// to "https://x.gov" becomes part of the address). Kept: the translation cannot be written with
/// the source's structure, so the source text is.
enum class Writing { Tidy, Repaired, Kept };

// The delimiter run behind an emphasis placeholder ("*", "__", "~~"), or empty.
QByteArray emphasisRun(const Flow &flow)
{
    if (flow.parts.size() != 1 || flow.parts.first().kind != FlowPart::Kind::Raw)
        return {};
    const QByteArray &raw = flow.parts.first().raw;
    if (raw.isEmpty() || raw.size() > 3)
        return {};
    const char c = raw[0];
    if ((c != '*' && c != '_' && c != '~') || raw.count(c) != raw.size())
        return {};
    return raw;
}

class Renderer {
public:
    Renderer(const SegmentedDocument &doc, const QList<std::optional<QString>> &translations, const QHash<qsizetype, Writing> &writing)
        : m_doc(doc), m_translations(translations), m_writing(writing) {}

    QByteArray render()
    {
        m_out.clear();
        m_referenceStarts.clear();
        m_translatedTextEnd = -1;
        flow(0);
        return m_out;
    }

private:
    void flow(qsizetype index)
    {
        for (const FlowPart &part : m_doc.flows[index].parts)
            this->part(part);
    }

    void part(const FlowPart &part)
    {
        switch (part.kind) {
        case FlowPart::Kind::Raw: markup(part.raw); break;
        case FlowPart::Kind::Flow: flow(part.index); break;
        case FlowPart::Kind::Unit: unit(part.index); break;
        case FlowPart::Kind::ReferenceStart: m_referenceStarts.insert(part.index, m_out.size()); break;
        case FlowPart::Kind::ReferenceEnd: {
            // A shortcut or collapsed reference whose text changed needs its label written out.
            const qsizetype start = m_referenceStarts.value(part.index, m_out.size());
            if (QByteArrayView(m_out).sliced(start) == part.label)
                m_out += part.raw;
            else
                m_out += "][" + part.label + ']';
            break;
        }
        }
    }

    void markup(const QByteArray &bytes)
    {
        // A translation's "!" right before a link's "[" would make it an image.
        if (bytes.startsWith('[') && m_out.size() == m_translatedTextEnd && m_out.endsWith('!') && !m_out.endsWith("\\!"))
            m_out.insert(m_out.size() - 1, '\\');
        m_out += bytes;
    }

    void unit(qsizetype index)
    {
        const SourceUnit &unit = m_doc.units[index];
        const Writing writing = m_writing.value(index, Writing::Tidy);
        if (!m_translations[index] || writing == Writing::Kept) {
            for (const FlowPart &p : unit.sourceParts)
                part(p);
            return;
        }
        const bool repaired = writing == Writing::Repaired;
        const qsizetype unitStart = m_out.size();
        auto isEmphasis = [&](int number) { return !emphasisRun(m_doc.flows[unit.placeholders[number - 1].openFlow]).isEmpty(); };
        const QList<TextPiece> pieces = tidyTranslation(*m_translations[index], isEmphasis, repaired);
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            const TextPiece &piece = pieces[i];
            if (piece.kind == TextPiece::Kind::Text) {
                // The first block of a list item starts a line even after its "- ".
                const bool lineStart = atLineStart() || (unit.startsLine && m_out.size() == unitStart);
                text(unit, piece.text, lineStart, i + 1 == pieces.size());
                continue;
            }
            const Placeholder &ph = unit.placeholders[piece.number - 1];
            const qsizetype markup = piece.kind == TextPiece::Kind::Close ? ph.closeFlow : ph.openFlow;
            const QByteArray run = emphasisRun(m_doc.flows[markup]);
            if (repaired && run.startsWith('_'))
                m_out += QByteArray(run.size(), '*');
            else if (repaired && !m_doc.flows[markup].explicitForm.isEmpty())
                this->markup(m_doc.flows[markup].explicitForm);
            else
                flow(markup);
        }
    }

    void text(const SourceUnit &unit, const QString &text, bool lineStart, bool last)
    {
        if (text.isEmpty())
            return;
        const MarkdownContext context = unit.kind == QLatin1String("link title") ? MarkdownContext::Title
                                      : lineStart                               ? MarkdownContext::LineStart
                                                                                : MarkdownContext::Inline;
        QString escaped = escapeMarkdownText(text, context, unit.kind.startsWith(QLatin1String("table ")));
        // A heading's closing "#"s are not content: "Paso 2 #" would lose its "#".
        if (last && unit.kind.startsWith(QLatin1String("heading")) && escaped.endsWith(QLatin1Char('#'))) {
            qsizetype run = escaped.size();
            while (run > 0 && escaped[run - 1] == QLatin1Char('#'))
                --run;
            if (run == 0 || escaped[run - 1].isSpace())
                escaped.insert(run, QLatin1Char('\\'));
        }
        m_out += escaped.toUtf8();
        m_translatedTextEnd = m_out.size();
    }

    // Whether what is written next starts a line (after any indentation and block quote
    // markers), where "-", "#", "1." and the like would open a block.
    bool atLineStart() const
    {
        for (qsizetype i = m_out.size() - 1; i >= 0; --i) {
            const char c = m_out[i];
            if (c == '\n' || c == '\r')
                return true;
            if (c != ' ' && c != '\t' && c != '>')
                return false;
        }
        return true;
    }

    const SegmentedDocument &m_doc;
    const QList<std::optional<QString>> &m_translations;
    const QHash<qsizetype, Writing> &m_writing;
    QByteArray m_out;
    QHash<qsizetype, qsizetype> m_referenceStarts;
    qsizetype m_translatedTextEnd = -1;
};

// The translations to write, one lookup per unit: nullopt keeps the source text.
QList<std::optional<QString>> lookUpTranslations(const SegmentedDocument &doc, const TranslationLookup &lookup, Diagnostics &problems,
                                                 QList<RefusedTranslation> &refused)
{
    using Reason = RefusedTranslation::Reason;
    QList<std::optional<QString>> translations;
    for (qsizetype i = 0; i < doc.units.size(); ++i) {
        const SourceUnit &unit = doc.units[i];
        std::optional<QString> translation = lookup(unit);
        if (translation && *translation == unit.text) {
            translation.reset(); // the source's own bytes are written
        } else if (translation && plainTextOf(*translation).trimmed().isEmpty()) {
            refused.append({i, Reason::Empty, {}}); // an empty translation is no translation
            translation.reset();
        } else if (translation) {
            if (const QString problem = placeholderMismatch(unit.text, *translation); !problem.isEmpty()) {
                problems.append(Diagnostic{ErrorKind::CheckFailed, doc.source->path(), unit.line, 0,
                                           QStringLiteral("unit %1: placeholders of the translation do not match the source (%2); source text kept")
                                               .arg(unit.id, problem)});
                refused.append({i, Reason::Placeholders, problem});
                translation.reset();
            }
        }
        translations.append(translation);
    }
    return translations;
}

// The translated units that may have caused a change found in the source block at
// [line, endLine]: those in the block; for a container, the unit just before it too.
QList<qsizetype> suspects(const SegmentedDocument &doc, const QList<std::optional<QString>> &translations,
                          const QHash<qsizetype, Writing> &writing, const StructureChange &change)
{
    QList<qsizetype> found;
    qsizetype before = -1;
    for (qsizetype i = 0; i < doc.units.size(); ++i) {
        if (!translations[i] || writing.value(i) == Writing::Kept)
            continue;
        const int line = doc.units[i].line;
        if (change.sourceLine == 0 || line < change.sourceLine)
            before = i;
        else if (line <= change.sourceEndLine)
            found.append(i);
    }
    if (found.isEmpty() && before >= 0)
        found.append(before);
    return found;
}

} // namespace

QByteArray localizeDocument(const SegmentedDocument &doc, const TranslationLookup &lookup, Diagnostics &problems,
                            QList<RefusedTranslation> *refused)
{
    if (doc.flows.isEmpty())
        return {};
    QList<RefusedTranslation> ignored;
    QList<RefusedTranslation> &refusals = refused ? *refused : ignored;
    const QList<std::optional<QString>> translations = lookUpTranslations(doc, lookup, problems, refusals);
    QHash<qsizetype, Writing> writing;
    Renderer renderer(doc, translations, writing);
    QByteArray out = renderer.render();
    if (std::none_of(translations.cbegin(), translations.cend(), [](const auto &t) { return t.has_value(); }))
        return out;

    // Whatever a translation holds, the export must keep the document's structure. Most
    // translations are written tidily at once; the rest are found by comparing cmark's
    // trees, repaired, and if even that fails, left in the source language and named.
    const QList<StructureEntry> expected = markdownStructure(doc.source->root());
    for (qsizetype round = 0; round <= 2 * doc.units.size(); ++round) {
        auto parsed = MarkdownSource::parse(out, doc.source->path());
        if (!parsed)
            break; // refused as input (too long a line): the structure cannot be compared
        const std::optional<StructureChange> change = firstStructureChange(expected, markdownStructure((*parsed)->root()));
        if (!change)
            break;
        const QList<qsizetype> units = suspects(doc, translations, writing, *change);
        if (units.isEmpty())
            break;
        for (qsizetype i : units) {
            if (writing.value(i, Writing::Tidy) == Writing::Tidy) {
                writing.insert(i, Writing::Repaired);
                continue;
            }
            writing.insert(i, Writing::Kept);
            refusals.append({i, RefusedTranslation::Reason::Structure, change->description});
            const SourceUnit &unit = doc.units[i];
            problems.append(Diagnostic{ErrorKind::CheckFailed, doc.source->path(), unit.line, 0,
                                       QStringLiteral("unit %1: the translation cannot be written in Markdown without changing "
                                                      "the document's structure (%2); source text kept")
                                           .arg(unit.id, change->description)});
        }
        out = renderer.render();
    }
    return out;
}

} // namespace wb
