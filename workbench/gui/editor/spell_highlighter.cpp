#include "spell_highlighter.h"
#include "spell/spell_checker.h"

#include "model/placeholder_text.h"
#include <QTextBlock>
#include <QTextDocument>
#include <algorithm>

namespace wb::gui {

QColor SpellHighlighter::findingColor(Severity severity)
{
    return severity == Severity::Error ? QColor(0xc0, 0x00, 0x00) : QColor(0xe0, 0x8a, 0x00);
}

SpellHighlighter::SpellHighlighter(QTextDocument *document, SpellChecker *spelling)
    : QSyntaxHighlighter(document), m_spelling(spelling)
{
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    QTextCharFormat chip;
    chip.setBackground(QColor(0xdf, 0xe3, 0xee));
    chip.setForeground(QColor(0x3b, 0x4a, 0x6b));
    for (const auto &[start, length] : placeholderRanges(text))
        setFormat(start, length, chip);
    if (m_findingsOf) {
        const int blockStart = currentBlock().position();
        for (const Finding &f : m_findingsOf(document()->toPlainText())) {
            const int start = f.targetSpan.start - blockStart;
            if (f.severity < Severity::Warning || f.targetSpan.length <= 0 || f.targetSpan.start < 0 || start >= text.size() || start + f.targetSpan.length <= 0)
                continue;
            const int from = std::max(start, 0);
            const int to = std::min<int>(start + f.targetSpan.length, int(text.size()));
            for (int i = from; i < to; ++i) { // keep a chip's background under the underline
                QTextCharFormat marked = format(i);
                marked.setUnderlineStyle(QTextCharFormat::WaveUnderline);
                marked.setUnderlineColor(findingColor(f.severity));
                marked.setToolTip(f.message);
                setFormat(i, 1, marked);
            }
        }
    }
    if (!m_spelling)
        return;
    QTextCharFormat misspelt;
    misspelt.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    misspelt.setUnderlineColor(Qt::red);
    for (const Misspelling &m : m_spelling->check(text))
        setFormat(m.span.start, m.span.length, misspelt);
}

} // namespace wb::gui
