#pragma once
#include "common/diagnostic.h"
#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

namespace wb {

class MarkdownSource;

/// A part of a flow: original bytes, a translation unit, or a nested flow (the markup
/// behind a placeholder, which may itself hold translatable text such as alt text).
struct FlowPart {
    /// ReferenceStart and ReferenceEnd enclose the text of a shortcut or collapsed reference
    /// link or image, whose text is also its label: when the text rendered between them is
    /// not the label any more, the end writes "][label]" so the link keeps its target.
    enum class Kind { Raw, Unit, Flow, ReferenceStart, ReferenceEnd };
    Kind kind = Kind::Raw;
    QByteArray raw;  ///< Raw, ReferenceEnd: bytes copied to the output as they are
    qsizetype index = -1; ///< Unit: index into units; Flow: index into flows; Reference*: pairs start and end
    QByteArray label; ///< ReferenceEnd: the label as written in the source
};

/// A sequence of parts whose rendering, with every unit untranslated, is exactly the
/// original bytes it covers. Flow 0 is the whole document.
struct Flow {
    QList<FlowPart> parts;
    /// An extended autolink's markup written as an explicit link, "[www.x.gov](<http://www.x.gov>)":
    /// what the export writes when a translation glued to it changed it.
    QByteArray explicitForm;
};

/// A placeholder in a unit's text: {n}...{/n} for paired markup, {n/} for a standalone code.
struct Placeholder {
    int number = 0;
    int openFlow = -1;   ///< the markup's bytes (for standalone codes, the whole code)
    int closeFlow = -1;  ///< paired only
    QString label;       ///< what it is, shown to translators
};

/// One translation unit: a sentence (or heading, alt text, title) with its markup protected.
struct SourceUnit {
    QString id;           ///< stable: derived from the text, not from its position
    QString text;         ///< with placeholders; a literal '{' is written "{{"
    QString kind;         ///< "heading 2", "paragraph", "list item", "block quote", "image alt text", "link title"
    int line = 0;         ///< 1-based line where it starts in the source file
    bool startsLine = false; ///< first text of its block: line-start markup must be escaped on export
    QList<FlowPart> sourceParts; ///< the original bytes, with codes as nested flows
    QList<Placeholder> placeholders;
};

/// A Markdown document cut into translation units plus everything needed to put it back.
struct SegmentedDocument {
    std::shared_ptr<const MarkdownSource> source;
    QString language;
    QList<Flow> flows;
    QList<SourceUnit> units;
    Diagnostics warnings; ///< blocks left untranslatable and why
};

} // namespace wb
