#pragma once
#include <QSyntaxHighlighter>

namespace wb { class SpellChecker; }

namespace wb::gui {

/// Underlines misspelt words as the translator types (Hunspell through SpellChecker)
/// and draws placeholders as chips.
class SpellHighlighter : public QSyntaxHighlighter {
public:
    SpellHighlighter(QTextDocument *document, SpellChecker *spelling);

protected:
    void highlightBlock(const QString &text) override;

private:
    SpellChecker *m_spelling;
};

} // namespace wb::gui
