#pragma once
#include <QJsonObject>
#include <QList>
#include <QString>
#include <algorithm>
#include <optional>

namespace wb {

enum class Severity { Info = 0, Warning = 1, Error = 2 };
QString severityName(Severity severity);                      ///< "info", "warning", "error"
std::optional<Severity> severityFromName(const QString &name);

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

/// One QA finding: which unit, which check, how bad, what is wrong and where.
struct Finding {
    QString unit;        ///< msgctxt, or msgid when there is none
    QString msgid;
    QString check;       ///< "terminology.missing", "numbers.changed", ...
    Severity severity = Severity::Error;
    QString message;     ///< for translators: what is wrong and what to write instead
    TextSpan targetSpan; ///< where in the target; invalid when the problem is an absence
    TextSpan sourceSpan; ///< where in the source, when the finding is about a source word
    QString subject;     ///< what the finding is about (a concept id, a number), for suppressions

    QJsonObject toJson() const;
};
using Findings = QList<Finding>;

} // namespace wb
