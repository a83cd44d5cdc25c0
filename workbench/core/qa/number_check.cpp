#include "qa/number_check.h"
#include "common/bounded_cache.h"
#include "model/placeholder_text.h"
#include "text/text_key.h"
#include "text/word_tokenizer.h"

#include "common/text_file.h"
#include <QRegularExpression>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

namespace wb {

QString maskPlaceholders(const QString &unitText)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\{\{|\{/?\d{1,4}\}|\{\d{1,4}/\})"));
    QString masked = unitText;
    for (auto it = placeholder.globalMatch(unitText); it.hasNext();) {
        const auto m = it.next();
        if (m.captured() == QLatin1String("{{"))
            continue;
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            masked[i] = QLatin1Char(' ');
    }
    return masked;
}

struct NumberChecker::Language {
    std::unique_ptr<icu::NumberFormat> decimal;
    std::unique_ptr<icu::RuleBasedNumberFormat> spellout;
    QHash<QString, std::optional<double>> words;
    struct Listed {
        double value;
        bool article = false;
        QString notBefore;       ///< not a number when this word follows it ("both … and")
        bool multiplier = false; ///< scales the number before it ("52 thousand", "2 millones")
    };
    QHash<QString, Listed> listed; ///< number-words.txt: words ICU does not read, and articles
    QString listPath;              ///< where `listed` came from; empty when there is no list
    std::optional<Diagnostic> listError;

    Language(const QString &code, const QString &listPath)
    {
        loadListedWords(listPath);
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale locale(code.toUtf8().constData());
        decimal.reset(icu::NumberFormat::createInstance(locale, status));
        status = U_ZERO_ERROR;
        spellout = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, locale, status);
        if (U_FAILURE(status))
            spellout.reset();
    }

    // "word value [article | multiplier | not-before WORD]" a line; '#' starts a comment. A
    // language without a list keeps ICU's spell-out rules alone; an unreadable list or one
    // that is not UTF-8 is kept in listError for the caller to report.
    void loadListedWords(const QString &path)
    {
        if (path.isEmpty())
            return;
        auto text = readUtf8Text(path);
        if (!text) {
            listError = text.error();
            return;
        }
        listPath = path;
        for (const QString &line : text->split(QLatin1Char('\n'))) {
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            bool ok = false;
            const double value = fields.value(1).toDouble(&ok);
            if (fields.size() < 2 || fields.first().startsWith(QLatin1Char('#')) || !ok)
                continue;
            listed.insert(textKey(fields.first()),
                          Listed{value, fields.value(2) == QLatin1String("article"),
                                 fields.value(2) == QLatin1String("not-before") ? textKey(fields.value(3)) : QString(),
                                 fields.value(2) == QLatin1String("multiplier")});
        }
    }

    std::optional<double> parseDecimal(const QString &text) const
    {
        if (!decimal)
            return std::nullopt;
        icu::Formattable result;
        icu::ParsePosition position(0);
        const icu::UnicodeString u(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
        decimal->parse(u, result, position);
        UErrorCode status = U_ZERO_ERROR;
        if (position.getIndex() != u.length())
            return std::nullopt;
        const double value = result.getDouble(status);
        return U_SUCCESS(status) ? std::optional<double>(value) : std::nullopt;
    }

    // A whole word read by ICU's spell-out rules ("two", "veintiuno"), cached.
    std::optional<double> parseWord(const QString &word)
    {
        // ICU's rules read a spelling, in lower case and NFC: not a textKey ("dreißig" would
        // fold to "dreissig", which they do not know).
        const QString lower = toNfc(word).toLower();
        const auto cached = words.constFind(lower);
        if (cached != words.cend())
            return *cached;
        std::optional<double> value;
        if (spellout && lower.size() >= 2) {
            icu::Formattable result;
            icu::ParsePosition position(0);
            const icu::UnicodeString u(reinterpret_cast<const UChar *>(lower.utf16()), int32_t(lower.size()));
            spellout->parse(u, result, position);
            UErrorCode status = U_ZERO_ERROR;
            if (position.getIndex() == u.length()) {
                const double v = result.getDouble(status);
                if (U_SUCCESS(status))
                    value = v;
            }
        }
        insertBounded(words, lower, value);
        return value;
    }
};

NumberChecker::NumberChecker(const QString &sourceLanguage, const QString &targetLanguage, const QString &sourceWords,
                             const QString &targetWords)
    : m_source(std::make_unique<Language>(sourceLanguage, sourceWords)),
      m_target(std::make_unique<Language>(targetLanguage, targetWords)),
      m_sourceTokens(std::make_unique<WordTokenizer>(sourceLanguage)), m_targetTokens(std::make_unique<WordTokenizer>(targetLanguage))
{
}

NumberChecker::~NumberChecker() = default;

std::optional<Diagnostic> NumberChecker::wordListError() const
{
    return m_source->listError ? m_source->listError : m_target->listError;
}

QStringList NumberChecker::wordLists() const
{
    QStringList paths;
    for (const Language *language : {m_source.get(), m_target.get()})
        if (!language->listPath.isEmpty())
            paths.append(language->listPath);
    return paths;
}

QList<NumberChecker::Item> NumberChecker::numbersIn(const QString &text, bool isSource)
{
    const QString masked = maskPlaceholders(text);
    QList<Item> items;
    QList<TextSpan> taken;
    // Codes and phone numbers: digit groups joined by hyphens or colons (1-800-422-6237),
    // or digits after letters (C81, ABL1, CD19).
    static const QRegularExpression code(QStringLiteral(
        R"((?<![\w.,])(?:\d+(?:[-‐–:]+[\dA-Za-z]+){2,}|[A-Za-z]+\d+[A-Za-z\d]*))"));
    for (auto it = code.globalMatch(masked); it.hasNext();) {
        const auto m = it.next();
        Item item{Item::Kind::Code, {}, {}, TextSpan{int(m.capturedStart()), int(m.capturedLength())}, m.captured()};
        for (QChar c : m.captured())
            if (c.isDigit())
                item.digits += c;
        items.append(item);
        taken.append(item.span);
    }
    // Plain numbers, with grouping and decimal marks of either convention; a unit may be
    // glued on ("5mg", "3D").
    // Clock times ("10:00" = "10 a.m."): the hour, and the hour with its minutes.
    static const QRegularExpression time(QStringLiteral(R"((?<![\w.,:])(\d{1,2}):(\d{2})(?![\d:]))"));
    for (auto it = time.globalMatch(masked); it.hasNext();) {
        const auto m = it.next();
        const double hour = m.captured(1).toDouble();
        const double minutes = m.captured(2).toDouble();
        Item item{Item::Kind::Digits, {hour + minutes / 60}, {}, TextSpan{int(m.capturedStart()), int(m.capturedLength())}, m.captured()};
        if (minutes == 0)
            item.values.append(hour);
        items.append(item);
        taken.append(item.span);
    }
    // Plain numbers, after a space or a label's dot ("Fig.1"), not after a digit's dot.
    static const QRegularExpression number(QStringLiteral(
        R"((?<![\w,])(?<!\d\.)\d{1,3}(?:[.,\x{00A0}\x{202F} ]\d{3})+(?:[.,]\d+)?(?![\d])|(?<![\w,])(?<!\d\.)\d+(?:[.,]\d+)?(?![\d]))"));
    Language &own = isSource ? *m_source : *m_target;
    Language &other = isSource ? *m_target : *m_source;
    for (auto it = number.globalMatch(masked); it.hasNext();) {
        const auto m = it.next();
        const TextSpan span{int(m.capturedStart()), int(m.capturedLength())};
        const bool overlaps = std::any_of(taken.cbegin(), taken.cend(), [&](const TextSpan &t) {
            return span.start < t.start + t.length && t.start < span.start + span.length;
        });
        if (overlaps)
            continue;
        Item item{Item::Kind::Digits, {}, {}, span, m.captured()};
        QString plain = m.captured();
        plain.replace(QChar(0x00A0), QLatin1Char(' ')).replace(QChar(0x202F), QLatin1Char(' '));
        // The text's own conventions first; the other language's as a second reading,
        // since translators often keep the source's format.
        for (Language *language : {&own, &other}) {
            QString candidate = plain;
            candidate.remove(QLatin1Char(' '));
            if (auto v = language->parseDecimal(candidate); v && !item.values.contains(*v))
                item.values.append(*v);
        }
        if (item.values.isEmpty())
            item.values.append(plain.remove(QRegularExpression(QStringLiteral("[^\\d]"))).toDouble());
        items.append(item);
    }
    const QList<Token> tokens = (isSource ? *m_sourceTokens : *m_targetTokens).tokenize(text);
    const auto followedBy = [&](qsizetype index, const QString &word) {
        return std::any_of(tokens.cbegin() + index + 1, tokens.cend(), [&](const Token &t) { return t.key == word; });
    };
    // The number item that ends right before a position, with only spaces or a hyphen
    // between: what a following number word continues ("twenty four", "52 thousand").
    const auto itemJustBefore = [&](int position) -> Item * {
        for (Item &item : items) {
            const int end = item.span.start + item.span.length;
            if (end > position || item.kind == Item::Kind::Code)
                continue;
            const QString gap = text.mid(end, position - end);
            if (gap.size() <= 2 && std::all_of(gap.cbegin(), gap.cend(), [](QChar c) { return c.isSpace() || c == QLatin1Char('-'); }))
                return &item;
        }
        return nullptr;
    };
    const auto extend = [&](Item &item, const Token &token) {
        item.span.length = token.end() - item.span.start;
        item.text = text.mid(item.span.start, item.span.length);
    };
    for (qsizetype index = 0; index < tokens.size(); ++index) {
        const Token &token = tokens[index];
        if (token.kind != Token::Kind::Word)
            continue;
        const TextSpan span{token.start, token.length};
        const auto it = own.listed.constFind(token.key);
        if (it != own.listed.cend() && !it->notBefore.isEmpty() && followedBy(index, it->notBefore))
            continue; // "both T cells and NK cells": a conjunction, not the number two
        Item *before = itemJustBefore(token.start);
        if (it != own.listed.cend() && it->multiplier && before && before->reading != Item::Reading::Article) {
            for (double &v : before->values)
                v *= it->value;
            extend(*before, token);
            continue;
        }
        if (it != own.listed.cend()) {
            items.append(Item{Item::Kind::Word, {it->value}, {}, span, token.text,
                              it->article ? Item::Reading::Article : Item::Reading::Listed});
            continue;
        }
        const std::optional<double> value = own.parseWord(token.text);
        if (!value)
            continue;
        if (before && before->kind == Item::Kind::Word && before->reading == Item::Reading::Spellout) {
            // "twenty four" is one number when ICU reads the two words together.
            std::optional<double> joined = own.parseWord(before->text + QLatin1Char('-') + token.text);
            if (!joined)
                joined = own.parseWord(before->text + QLatin1Char(' ') + token.text);
            if (joined) {
                before->values = {*joined};
                extend(*before, token);
                continue;
            }
        }
        items.append(Item{Item::Kind::Word, {*value}, {}, span, token.text, Item::Reading::Spellout});
    }
    return items;
}

Findings NumberChecker::check(const QString &source, const QString &target)
{
    Findings findings;
    QList<Item> inSource = numbersIn(source, true);
    // Articles: the source's are never numbers, and each one accounts for an article of
    // the target ("a doctor" = "un médico"); target articles left over may render "one".
    const auto isArticle = [](const Item &item) { return item.reading == Item::Reading::Article; };
    qsizetype articlesLeft = std::count_if(inSource.cbegin(), inSource.cend(), isArticle);
    inSource.removeIf(isArticle);
    static const QRegularExpression digit(QStringLiteral("\\d"));
    if (inSource.isEmpty() && !maskPlaceholders(target).contains(digit))
        return findings;
    QList<Item> inTarget = numbersIn(target, false);
    const qsizetype targetArticles = std::count_if(inTarget.cbegin(), inTarget.cend(), isArticle);
    inTarget.removeIf([&](const Item &item) { return isArticle(item) && articlesLeft-- > 0; });
    // Articles the source's articles took: Spanish drops and adds articles freely ("once a
    // day" = "una vez al día"), so one of them may still render a lost "one" when
    // nothing says otherwise.
    qsizetype spareArticles = targetArticles - std::count_if(inTarget.cbegin(), inTarget.cend(), isArticle);
    QList<bool> used(inTarget.size(), false);

    auto take = [&](const Item &wanted) -> bool {
        for (qsizetype i = 0; i < inTarget.size(); ++i) {
            if (used[i])
                continue;
            const Item &candidate = inTarget[i];
            const bool match = wanted.kind == Item::Kind::Code
                ? candidate.kind == Item::Kind::Code && candidate.digits == wanted.digits
                : candidate.kind != Item::Kind::Code
                      && std::any_of(wanted.values.cbegin(), wanted.values.cend(),
                                     [&](double v) { return candidate.values.contains(v); });
            if (match) {
                used[i] = true;
                return true;
            }
        }
        return false;
    };
    // Codes first, then digits, then words: a spelled-out word must not take a digit's match.
    QList<const Item *> unmatchedSource;
    for (Item::Kind kind : {Item::Kind::Code, Item::Kind::Digits, Item::Kind::Word})
        for (const Item &item : inSource)
            if (item.kind == kind && !take(item))
                unmatchedSource.append(&item);

    // An unmatched source number and an unmatched target number of the same kind, in
    // order, are one change ("5%" became "50 %"), reported once with both places.
    // A spelled-out source number pairs with a digit number or a number word ICU reads;
    // listed words ("medio", "par") and articles are too often something else.
    auto pairFor = [&](const Item &source) -> qsizetype {
        for (qsizetype i = 0; i < inTarget.size(); ++i) {
            if (used[i])
                continue;
            const Item &candidate = inTarget[i];
            const bool pairs = source.kind == Item::Kind::Word
                ? candidate.kind == Item::Kind::Digits
                      || (candidate.kind == Item::Kind::Word && candidate.reading == Item::Reading::Spellout)
                : candidate.kind == source.kind;
            if (pairs)
                return i;
        }
        return -1;
    };
    for (const Item *item : unmatchedSource) {
        const qsizetype paired = pairFor(*item);
        if (paired < 0 && item->kind == Item::Kind::Word && item->values.contains(1.0) && spareArticles > 0) {
            --spareArticles;
            continue;
        }
        Finding f;
        f.sourceSpan = item->span;
        f.subject = item->text;
        const QString changedTo = paired >= 0 ? QStringLiteral(", not \u201C%1\u201D").arg(inTarget[paired].text) : QString();
        if (paired >= 0) {
            used[paired] = true;
            f.targetSpan = inTarget[paired].span;
        }
        if (item->kind == Item::Kind::Code) {
            f.check = QStringLiteral("numbers.code");
            f.severity = Severity::Error;
            f.message = QStringLiteral("phone number or code \u201C%1\u201D must appear with the same digits%2").arg(item->text, changedTo);
        } else if (item->kind == Item::Kind::Digits) {
            f.check = paired >= 0 ? QStringLiteral("numbers.changed") : QStringLiteral("numbers.missing");
            f.severity = Severity::Error;
            f.message = paired >= 0 ? QStringLiteral("number \u201C%1\u201D of the source is \u201C%2\u201D in the target")
                                          .arg(item->text, inTarget[paired].text)
                                    : QStringLiteral("number \u201C%1\u201D of the source is missing in the target").arg(item->text);
        } else if (paired >= 0) {
            f.check = QStringLiteral("numbers.changed");
            f.severity = Severity::Error;
            f.message = QStringLiteral("the source says \u201C%1\u201D (%2); the target says \u201C%3\u201D")
                            .arg(item->text).arg(item->values.first()).arg(inTarget[paired].text);
        } else {
            f.check = QStringLiteral("numbers.word");
            f.severity = Severity::Warning;
            f.message = QStringLiteral("the source says \u201C%1\u201D (%2); the target has no such number")
                            .arg(item->text).arg(item->values.first());
        }
        findings.append(f);
    }
    for (qsizetype i = 0; i < inTarget.size(); ++i) {
        const Item &item = inTarget[i];
        if (used[i] || item.kind == Item::Kind::Word)
            continue; // spelled-out words in the target ("un", "una") are mostly articles
        Finding f;
        f.check = QStringLiteral("numbers.extra");
        f.severity = Severity::Error;
        f.message = QStringLiteral("\u201C%1\u201D in the target is not a number of the source").arg(item.text);
        f.targetSpan = item.span;
        f.subject = item.text;
        findings.append(f);
    }
    return findings;
}

} // namespace wb
