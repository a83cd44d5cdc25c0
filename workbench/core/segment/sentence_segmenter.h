#pragma once
#include "common/result.h"
#include "segment/srx_rules.h"
#include <QList>
#include <QString>
#include <memory>

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
class RegexPattern;
class RegexMatcher;
U_NAMESPACE_END

namespace wb {

/// Splits text into sentences: ICU's sentence BreakIterator proposes boundaries and the
/// SRX rules dispose. At every candidate the first SRX rule that matches decides; where
/// none matches, ICU's verdict stands. SRX "break" rules may add boundaries ICU missed.
///
/// Not thread-safe (ICU iterators and matchers keep state): one instance per thread.
class SentenceSegmenter {
public:
    /// `rulesPath` names the SRX file in diagnostics about rules that do not compile.
    static Result<std::shared_ptr<SentenceSegmenter>> create(const QString &language,
                                                             const QList<SrxRule> &rules,
                                                             const QString &rulesPath = {});
    ~SentenceSegmenter();

    /// UTF-16 offsets where a new sentence starts, ascending, excluding 0 and text.size().
    /// The whitespace between two sentences stays at the end of the first one.
    QList<int> boundaries(const QString &text);

    QString language() const { return m_language; }

private:
    struct CompiledRule;
    SentenceSegmenter() = default;
    int firstMatchingRule(int position);
    bool afterMatches(CompiledRule &rule, int position);

    QString m_language;
    std::unique_ptr<icu::BreakIterator> m_icu;
    std::vector<std::unique_ptr<CompiledRule>> m_rules;
    std::vector<std::unique_ptr<icu::RegexMatcher>> m_breakScanners; ///< `before(?=after)` of break="yes" rules
    const QString *m_text = nullptr;
};

} // namespace wb
