#pragma once
#include <QJsonObject>
#include <QList>
#include <QString>
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
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

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
