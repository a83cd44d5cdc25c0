#pragma once
#include <QString>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace wb {

/// The common shape of SRX no-break rules, "\b(?:Dr|Mr|Prof)\." or "\sabr\.": a word
/// boundary or space, then one of a list of literal strings. Such a `before` is tested by
/// comparing strings ending at the candidate instead of running ICU's look-behind, which
/// tries every start offset for every alternative and costs more than ICU's sentence
/// iterator itself. Anything outside this shape is left to ICU's regex engine.
class LiteralBefore {
public:
    /// nullopt when `before` is not of the literal shape.
    static std::optional<LiteralBefore> parse(const QString &before);

    /// Adds another rule's literals (rules with the same verdict and `after` are merged).
    void merge(const LiteralBefore &other);

    /// Whether `before` matches text ending exactly at `position`.
    bool matchesEndingAt(const QString &text, int position) const;

private:
    enum class Prefix { None, WordBoundary, Space };
    // Literal -> the prefix conditions under which it counts.
    std::unordered_map<std::u16string, std::vector<Prefix>> m_literals;
    std::vector<int> m_lengths; ///< distinct literal lengths, ascending
};

/// ICU's definitions, as its regular expressions use them.
bool isIcuWordCharacter(char32_t c);  ///< \w
bool isIcuSpace(char32_t c);          ///< \s

} // namespace wb
