#include "segment/sentence_segmenter.h"
#include "segment/literal_rule.h"

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

/// A rule, or a run of consecutive rules with the same verdict, tested at one position in
/// one of three ways:
///  - `literal`: a `before` of literal strings ("\\b(?:Dr|Mr)\\.") compared directly;
///  - `atPosition`: `(?=after)(?<=before)` when `before` has a bounded length;
///  - `beforeInWindow`: `before$` searched in a bounded window, for unbounded `before`.
/// In the first and last case `after` is tested at the position on its own.
struct SentenceSegmenter::CompiledRule {
    bool breaks = true;
    QString afterPattern;
    std::optional<LiteralBefore> literal;
    std::unique_ptr<icu::RegexMatcher> atPosition;
    std::unique_ptr<icu::RegexMatcher> beforeInWindow;
    std::unique_ptr<icu::RegexMatcher> after;
    bool afterIsSpace = false; ///< `after` is exactly "\\s": tested without the regex engine
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
        out.reset(new icu::RegexMatcher(toIcu(pattern), 0, st));
        if (U_FAILURE(st)) {
            out.reset();
            return Diagnostic{ErrorKind::InvalidInput, rulesPath, rule.line, 0,
                              QStringLiteral("rule regular expression does not compile (%1): %2")
                                  .arg(u_errorName(st), pattern)};
        }
        return {};
    };
    auto &compiled = segmenter->m_rules;
    auto compileAfter = [&](const SrxRule &rule, CompiledRule &target) -> Status {
        target.afterPattern = rule.after;
        target.afterIsSpace = rule.after == QLatin1String("\\s");
        if (rule.after.isEmpty() || target.afterIsSpace)
            return {};
        return compile(rule.after, rule, target.after);
    };

    // Consecutive rules with the same verdict are merged: whichever of them matches first,
    // the verdict is the same, and one test replaces many (OpenXLIFF's English has hundreds
    // of no-break rules in a row).
    QString pendingAlternation;
    const SrxRule *pendingRule = nullptr;
    auto flush = [&]() -> Status {
        if (!pendingRule)
            return {};
        auto rule = std::make_unique<CompiledRule>();
        rule->breaks = pendingRule->breaks;
        if (Status s = compile(pendingAlternation, *pendingRule, rule->atPosition); !s)
            return s;
        compiled.push_back(std::move(rule));
        pendingAlternation.clear();
        pendingRule = nullptr;
        return {};
    };

    for (const SrxRule &rule : rules) {
        // Validate each half on its own first, so the message names the broken part.
        std::unique_ptr<icu::RegexMatcher> probe;
        if (Status s = compile(rule.before.isEmpty() ? QStringLiteral("(?:)") : rule.before, rule, probe); !s)
            return s.error();
        if (Status s = compile(rule.after.isEmpty() ? QStringLiteral("(?:)") : rule.after, rule, probe); !s)
            return s.error();
        const QString lookAhead = rule.after.isEmpty() ? QString() : QStringLiteral("(?=%1)").arg(rule.after);

        if (auto literal = LiteralBefore::parse(rule.before)) {
            if (Status s = flush(); !s)
                return s.error();
            CompiledRule *last = compiled.empty() ? nullptr : compiled.back().get();
            if (last && last->literal && last->breaks == rule.breaks && last->afterPattern == rule.after) {
                last->literal->merge(*literal);
            } else {
                auto next = std::make_unique<CompiledRule>();
                next->breaks = rule.breaks;
                next->literal = std::move(literal);
                if (Status s = compileAfter(rule, *next); !s)
                    return s.error();
                compiled.push_back(std::move(next));
            }
        } else {
            const QString lookBehind = rule.before.isEmpty() ? QString() : QStringLiteral("(?<=%1)").arg(rule.before);
            // Look-ahead first: it is cheap and often fails at once.
            const QString atPosition = QStringLiteral("(?:%1%2)").arg(lookAhead, lookBehind);
            std::unique_ptr<icu::RegexMatcher> bounded;
            // ICU refuses unbounded look-behind (U_REGEX_LOOK_BEHIND_LIMIT): such rules use the window form.
            if (compile(atPosition, rule, bounded).ok()) {
                if (pendingRule && pendingRule->breaks != rule.breaks)
                    if (Status s = flush(); !s)
                        return s.error();
                pendingAlternation += (pendingAlternation.isEmpty() ? QString() : QStringLiteral("|")) + atPosition;
                pendingRule = pendingRule ? pendingRule : &rule;
            } else {
                if (Status s = flush(); !s)
                    return s.error();
                auto next = std::make_unique<CompiledRule>();
                next->breaks = rule.breaks;
                if (Status s = compile(QStringLiteral("(?:%1)$").arg(rule.before), rule, next->beforeInWindow); !s)
                    return s.error();
                if (Status s = compileAfter(rule, *next); !s)
                    return s.error();
                compiled.push_back(std::move(next));
            }
        }
        if (rule.breaks && !rule.before.isEmpty()) {
            std::unique_ptr<icu::RegexMatcher> scanner;
            if (Status s = compile(QStringLiteral("(?:%1)").arg(rule.before) + lookAhead, rule, scanner); !s)
                return s.error();
            segmenter->m_breakScanners.push_back(std::move(scanner));
        }
    }
    if (Status s = flush(); !s)
        return s.error();
    return segmenter;
}

bool SentenceSegmenter::afterMatches(CompiledRule &rule, int position)
{
    if (rule.afterIsSpace)
        return position < m_text->size() && isIcuSpace(m_text->at(position).unicode());
    if (!rule.after)
        return true;
    UErrorCode status = U_ZERO_ERROR;
    return rule.after->lookingAt(position, status) && U_SUCCESS(status);
}

int SentenceSegmenter::firstMatchingRule(int position)
{
    for (size_t i = 0; i < m_rules.size(); ++i) {
        CompiledRule &rule = *m_rules[i];
        UErrorCode status = U_ZERO_ERROR;
        if (rule.literal) {
            if (rule.literal->matchesEndingAt(*m_text, position) && afterMatches(rule, position))
                return int(i);
        } else if (rule.atPosition) {
            if (rule.atPosition->lookingAt(position, status) && U_SUCCESS(status))
                return int(i);
        } else {
            rule.beforeInWindow->region(std::max(0, position - kUnboundedLookBehind), position, status);
            if (rule.beforeInWindow->find(status) && U_SUCCESS(status) && afterMatches(rule, position))
                return int(i);
        }
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
        for (icu::RegexMatcher *matcher : {rule->atPosition.get(), rule->beforeInWindow.get(), rule->after.get()}) {
            if (matcher) {
                matcher->reset(alias);
                matcher->useTransparentBounds(true);
            }
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
    for (auto &scanner : m_breakScanners) {
        icu::RegexMatcher &scan = *scanner;
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
