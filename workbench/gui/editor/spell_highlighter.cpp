#include "spell_highlighter.h"
#include "spell/spell_checker.h"

#include <QRegularExpression>

namespace wb::gui {

SpellHighlighter::SpellHighlighter(QTextDocument *document, SpellChecker *spelling)
    : QSyntaxHighlighter(document), m_spelling(spelling)
{
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\{/?\d{1,4}\}|\{\d{1,4}/\})"));
    QTextCharFormat chip;
    chip.setBackground(QColor(0xdf, 0xe3, 0xee));
    chip.setForeground(QColor(0x3b, 0x4a, 0x6b));
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), chip);
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
