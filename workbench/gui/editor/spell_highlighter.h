#pragma once
#include "qa/finding.h"
#include <QSyntaxHighlighter>
#include <functional>

namespace wb { class SpellChecker; }

namespace wb::gui {

/// Underlines misspelt words as the translator types (Hunspell through SpellChecker),
/// underlines every QA finding at its target span (errors red, warnings orange) and draws
/// placeholders as chips.
class SpellHighlighter : public QSyntaxHighlighter {
public:
    SpellHighlighter(QTextDocument *document, SpellChecker *spelling);
    /// The findings of the whole target text as it is now; spans are offsets in that text.
    using FindingsOf = std::function<Findings(const QString &text)>;
    void setFindingsOf(FindingsOf findingsOf) { m_findingsOf = std::move(findingsOf); }
    /// The underline colour of a finding of this severity (tests read formats back).
    static QColor findingColor(Severity severity);

protected:
    void highlightBlock(const QString &text) override;

private:
    SpellChecker *m_spelling;
    FindingsOf m_findingsOf;
};

} // namespace wb::gui
