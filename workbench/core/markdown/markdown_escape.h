#pragma once
#include <QString>

namespace wb {

/// Where translated text is spliced into Markdown.
enum class MarkdownContext {
    Inline,        ///< inside a paragraph, heading, list item or alt text
    LineStart,     ///< as above, at the start of a block's first line
    Title,         ///< inside a link or image title
};

/// Escapes translated text so that Markdown (with GFM's extensions) reads it as the same
/// characters: backslash escapes for inline markup characters ("~" too), at a line start for
/// block markers, in a table cell for "|", and before the "." of "www." and the ":" of "://"
/// so that no address turns into a link the source does not have.
/// Line breaks become spaces: a unit is one line in the output.
QString escapeMarkdownText(const QString &text, MarkdownContext context, bool inTableCell = false);

} // namespace wb
