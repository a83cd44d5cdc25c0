#include "segment/literal_rule.h"

#include <algorithm>
#include <unicode/uchar.h>

namespace wb {
namespace {

constexpr int kMaxExpansions = 256;

bool isMeta(QChar c)
{
    return QStringLiteral("\\^$.|?*+()[]{}").contains(c);
}

// Reads literal text (with backslash-escaped punctuation and simple [Aa] classes) up to the
// end or a character in `stop`; expands classes into alternatives. False if not literal.
bool readLiterals(const QString &p, qsizetype &i, const QString &stop, std::vector<std::u16string> &out)
{
    out = {u""};
    while (i < p.size() && !stop.contains(p[i])) {
        const QChar c = p[i];
        std::u16string choices;
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= p.size() || p[i + 1].isLetterOrNumber())
                return false; // \b, \s, \d, \1 ...: not a literal
            choices = char16_t(p[i + 1].unicode());
            i += 2;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = p.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0)
                return false;
            for (qsizetype k = i + 1; k < close; ++k) {
                if (isMeta(p[k]) || p[k] == QLatin1Char('-') || p[k] == QLatin1Char('^'))
                    return false; // ranges, negation, escapes: leave to ICU
                choices += char16_t(p[k].unicode());
            }
            if (choices.empty())
                return false;
            i = close + 1;
        } else if (isMeta(c)) {
            return false;
        } else {
            choices = char16_t(c.unicode());
            ++i;
        }
        if (i < p.size() && QStringLiteral("?*+{").contains(p[i]))
            return false; // quantified: not a fixed string
        std::vector<std::u16string> next;
        for (const auto &prefix : out)
            for (char16_t choice : choices)
                next.push_back(prefix + choice);
        if (next.size() > size_t(kMaxExpansions))
            return false;
        out.swap(next);
    }
    return true;
}

char32_t codePointBefore(const QString &text, int position)
{
    if (position <= 0)
        return 0;
    const QChar c = text[position - 1];
    if (c.isLowSurrogate() && position >= 2 && text[position - 2].isHighSurrogate())
        return QChar::surrogateToUcs4(text[position - 2], c);
    return c.unicode();
}

char32_t codePointAt(const QString &text, int position)
{
    if (position >= text.size())
        return 0;
    const QChar c = text[position];
    if (c.isHighSurrogate() && position + 1 < text.size() && text[position + 1].isLowSurrogate())
        return QChar::surrogateToUcs4(c, text[position + 1]);
    return c.unicode();
}

} // namespace

bool isIcuWordCharacter(char32_t c)
{
    if (c == 0x200C || c == 0x200D)
        return true;
    if (u_hasBinaryProperty(UChar32(c), UCHAR_ALPHABETIC))
        return true;
    const int8_t type = u_charType(UChar32(c));
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK
        || type == U_DECIMAL_DIGIT_NUMBER || type == U_CONNECTOR_PUNCTUATION;
}

bool isIcuSpace(char32_t c)
{
    if (c == '\t' || c == '\n' || c == '\f' || c == '\r')
        return true;
    const int8_t type = u_charType(UChar32(c));
    return type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR;
}

std::optional<LiteralBefore> LiteralBefore::parse(const QString &before)
{
    LiteralBefore result;
    Prefix prefix = Prefix::None;
    qsizetype i = 0;
    if (before.startsWith(QLatin1String("\\b"))) {
        prefix = Prefix::WordBoundary;
        i = 2;
    } else if (before.startsWith(QLatin1String("\\s"))) {
        prefix = Prefix::Space;
        i = 2;
        if (i < before.size() && QStringLiteral("?*+{").contains(before[i]))
            return std::nullopt;
    }
    std::vector<std::u16string> heads{u""};
    if (before.mid(i).startsWith(QLatin1String("(?:")) || (i < before.size() && before[i] == QLatin1Char('(')
                                                            && !before.mid(i).startsWith(QLatin1String("(?")))) {
        i += before.mid(i).startsWith(QLatin1String("(?:")) ? 3 : 1;
        heads.clear();
        while (true) {
            std::vector<std::u16string> alternative;
            if (!readLiterals(before, i, QStringLiteral("|)"), alternative) || i >= before.size())
                return std::nullopt;
            heads.insert(heads.end(), alternative.begin(), alternative.end());
            if (before[i++] == QLatin1Char(')'))
                break;
        }
        if (i < before.size() && QStringLiteral("?*+{").contains(before[i]))
            return std::nullopt;
    }
    std::vector<std::u16string> tails;
    if (!readLiterals(before, i, QString(), tails) || i != before.size())
        return std::nullopt;
    for (const auto &head : heads)
        for (const auto &tail : tails) {
            const std::u16string literal = head + tail;
            if (literal.empty())
                return std::nullopt; // an empty before is not worth a fast path
            result.m_literals[literal].push_back(prefix);
            result.m_lengths.push_back(int(literal.size()));
        }
    std::sort(result.m_lengths.begin(), result.m_lengths.end());
    result.m_lengths.erase(std::unique(result.m_lengths.begin(), result.m_lengths.end()), result.m_lengths.end());
    return result;
}

void LiteralBefore::merge(const LiteralBefore &other)
{
    for (const auto &[literal, prefixes] : other.m_literals) {
        auto &mine = m_literals[literal];
        mine.insert(mine.end(), prefixes.begin(), prefixes.end());
    }
    m_lengths.insert(m_lengths.end(), other.m_lengths.begin(), other.m_lengths.end());
    std::sort(m_lengths.begin(), m_lengths.end());
    m_lengths.erase(std::unique(m_lengths.begin(), m_lengths.end()), m_lengths.end());
}

bool LiteralBefore::matchesEndingAt(const QString &text, int position) const
{
    for (int length : m_lengths) {
        const int start = position - length;
        if (start < 0)
            break;
        const std::u16string key(reinterpret_cast<const char16_t *>(text.utf16()) + start, size_t(length));
        const auto it = m_literals.find(key);
        if (it == m_literals.end())
            continue;
        for (Prefix prefix : it->second) {
            switch (prefix) {
            case Prefix::None:
                return true;
            case Prefix::Space:
                if (start > 0 && isIcuSpace(codePointBefore(text, start)))
                    return true;
                break;
            case Prefix::WordBoundary: {
                const bool wordBefore = start > 0 && isIcuWordCharacter(codePointBefore(text, start));
                const bool wordAfter = isIcuWordCharacter(codePointAt(text, start));
                if (wordBefore != wordAfter)
                    return true;
                break;
            }
            }
        }
    }
    return false;
}

} // namespace wb
