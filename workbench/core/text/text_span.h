#pragma once
#include <QList>
#include <algorithm>

namespace wb {

/// A stretch of a unit's text (UTF-16 offsets into msgid or msgstr).
struct TextSpan {
    int start = -1;
    int length = 0;
    bool isValid() const { return start >= 0; }
    int end() const { return start + length; }
    /// Whether `inner` lies wholly inside this span.
    bool contains(const TextSpan &inner) const { return inner.start >= start && inner.end() <= end(); }
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

/// Whether one of `spans` holds `inner` wholly (a word inside a name, a URL, a kept stretch).
inline bool anySpanContains(const QList<TextSpan> &spans, const TextSpan &inner)
{
    return std::any_of(spans.cbegin(), spans.cend(), [&](const TextSpan &s) { return s.contains(inner); });
}

} // namespace wb
