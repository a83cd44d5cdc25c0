#include "segment/sentence_segmenter.h"

#include <QChar>
#include <map>
#include <unicode/brkiter.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace wb {
namespace {

// How far back a rule whose `before` has no length bound may look. SRX rules describe
// the end of a sentence (an abbreviation, a number), never more than a few words.
constexpr int kUnboundedLookBehind = 256;

icu::UnicodeString aliasOf(const QString &text)
{
    // Read-only alias of the QString's UTF-16 buffer: no copy for ICU.
    return icu::UnicodeString(false, reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
}

icu::UnicodeString toIcu(const QString &text)
{
    return icu::UnicodeString(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
}

bool isBreakSpace(QChar c)
{
    return c.isSpace() && c != QChar(0x00A0) && c != QChar(0x202F);
}

} // namespace

/// A rule compiled two ways: `(?<=before)(?=after)` tested at one position when
/// `before` has a bounded length (the common, fast case), else `before$` searched in a
/// bounded window plus `after` tested at the position.
struct SentenceSegmenter::CompiledRule {
    bool breaks = true;
    std::unique_ptr<icu::RegexMatcher> atPosition;
    std::unique_ptr<icu::RegexMatcher> beforeInWindow;
    std::unique_ptr<icu::RegexMatcher> after;
    std::unique_ptr<icu::RegexMatcher> scan; ///< `before(?=after)`, for break rules only
};

SentenceSegmenter::~SentenceSegmenter() = default;

Result<std::shared_ptr<SentenceSegmenter>> SentenceSegmenter::create(const QString &language,
                                                                     const QList<SrxRule> &rules,
                                                                     const QString &rulesPath)
{
    std::shared_ptr<SentenceSegmenter> segmenter(new SentenceSegmenter);
    segmenter->m_language = language;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(language.toUtf8().constData());
    segmenter->m_icu.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status))
        return Diagnostic{ErrorKind::InvalidInput, {}, 0, 0,
                          QStringLiteral("ICU has no sentence rules for \"%1\": %2").arg(language, u_errorName(status))};

    auto compile = [&](const QString &pattern, const SrxRule &rule,
                       std::unique_ptr<icu::RegexMatcher> &out) -> Status {
        UErrorCode st = U_ZERO_ERROR;
        UParseError parseError{};
        out.reset(new icu::RegexMatcher(toIcu(pattern), 0, st));
        Q_UNUSED(parseError);
        if (U_FAILURE(st)) {
            out.reset();
            return Diagnostic{ErrorKind::InvalidInput, rulesPath, rule.line, 0,
                              QStringLiteral("rule regular expression does not compile (%1): %2")
                                  .arg(u_errorName(st), pattern)};
        }
        return {};
    };

    for (const SrxRule &rule : rules) {
        auto compiled = std::make_unique<CompiledRule>();
        compiled->breaks = rule.breaks;
        // Validate each half on its own first, so the message names the broken part.
        std::unique_ptr<icu::RegexMatcher> probe;
        if (Status s = compile(rule.before.isEmpty() ? QStringLiteral("(?:)") : rule.before, rule, probe); !s)
            return s.error();
        if (Status s = compile(rule.after.isEmpty() ? QStringLiteral("(?:)") : rule.after, rule, probe); !s)
            return s.error();

        const QString lookBehind = rule.before.isEmpty() ? QString() : QStringLiteral("(?<=%1)").arg(rule.before);
        const QString lookAhead = rule.after.isEmpty() ? QString() : QStringLiteral("(?=%1)").arg(rule.after);
        if (!compile(lookBehind + lookAhead + QStringLiteral("(?:)"), rule, compiled->atPosition)) {
            // ICU refuses unbounded look-behind (U_REGEX_LOOK_BEHIND_LIMIT): use the window form.
            if (Status s = compile(QStringLiteral("(?:%1)$").arg(rule.before), rule, compiled->beforeInWindow); !s)
                return s.error();
            if (Status s = compile(rule.after.isEmpty() ? QStringLiteral("(?:)") : rule.after, rule, compiled->after); !s)
                return s.error();
        }
        if (rule.breaks && !rule.before.isEmpty()) {
            if (Status s = compile(QStringLiteral("(?:%1)").arg(rule.before) + lookAhead, rule, compiled->scan); !s)
                return s.error();
            segmenter->m_breakRuleIndexes.push_back(int(segmenter->m_rules.size()));
        }
        segmenter->m_rules.push_back(std::move(compiled));
    }
    return segmenter;
}

int SentenceSegmenter::firstMatchingRule(int position)
{
    const int length = int(m_text->size());
    for (size_t i = 0; i < m_rules.size(); ++i) {
        CompiledRule &rule = *m_rules[i];
        UErrorCode status = U_ZERO_ERROR;
        if (rule.atPosition) {
            rule.atPosition->region(position, length, status);
            if (U_SUCCESS(status) && rule.atPosition->lookingAt(status) && U_SUCCESS(status))
                return int(i);
            continue;
        }
        rule.beforeInWindow->region(std::max(0, position - kUnboundedLookBehind), position, status);
        if (!rule.beforeInWindow->find(status) || U_FAILURE(status))
            continue;
        status = U_ZERO_ERROR;
        rule.after->region(position, length, status);
        if (U_SUCCESS(status) && rule.after->lookingAt(status) && U_SUCCESS(status))
            return int(i);
    }
    return -1;
}

QList<int> SentenceSegmenter::boundaries(const QString &text)
{
    QList<int> result;
    if (text.isEmpty())
        return result;
    const icu::UnicodeString alias = aliasOf(text);
    m_text = &text;
    for (auto &rule : m_rules) {
        if (rule->atPosition) {
            rule->atPosition->reset(alias);
            rule->atPosition->useTransparentBounds(true);
        } else {
            rule->beforeInWindow->reset(alias);
            rule->after->reset(alias);
            rule->after->useTransparentBounds(true);
        }
    }

    // Candidates keyed by the position right after the sentence's last visible character,
    // which is where SRX rules are written to match ("\." before, "\s" after).
    std::map<int, bool> candidates; // position -> ICU proposed it
    m_icu->setText(alias);
    for (int32_t p = m_icu->next(); p != icu::BreakIterator::DONE; p = m_icu->next()) {
        if (p >= text.size())
            break;
        int q = p;
        while (q > 0 && isBreakSpace(text[q - 1]))
            --q;
        candidates[q] = true;
    }
    for (int index : m_breakRuleIndexes) {
        icu::RegexMatcher &scan = *m_rules[size_t(index)]->scan;
        UErrorCode status = U_ZERO_ERROR;
        scan.reset(alias);
        scan.useTransparentBounds(true);
        while (scan.find(status) && U_SUCCESS(status)) {
            const int end = scan.end(status);
            if (end > 0 && end < text.size())
                candidates.emplace(end, false);
            if (scan.end(status) == scan.start(status)) // empty match: step on
                if (!scan.find(end + 1, status))
                    break;
        }
    }

    for (const auto &[position, proposedByIcu] : candidates) {
        const int rule = firstMatchingRule(position);
        const bool breakHere = rule >= 0 ? m_rules[size_t(rule)]->breaks : proposedByIcu;
        if (!breakHere)
            continue;
        int start = position;
        while (start < text.size() && isBreakSpace(text[start]))
            ++start;
        if (start > 0 && start < text.size() && (result.isEmpty() || result.last() < start))
            result.append(start);
    }
    m_text = nullptr;
    return result;
}

} // namespace wb
