#pragma once
#include <QString>

namespace wb {

/// Where translated text is spliced into Markdown.
enum class MarkdownContext {
    Inline,        ///< inside a paragraph, heading, list item or alt text
    LineStart,     ///< as above, at the start of a block's first line
    Title,         ///< inside a link or image title
};

/// Escapes translated text so that Markdown reads it as the same characters: backslash
/// escapes for inline markup characters and, at a line start, for block markers.
/// Line breaks become spaces: a unit is one line in the output.
QString escapeMarkdownText(const QString &text, MarkdownContext context);

} // namespace wb
