#pragma once
#include "text/text_span.h"
#include <QJsonObject>
#include <QList>
#include <QString>
#include <algorithm>
#include <optional>

namespace wb {

enum class Severity { Info = 0, Warning = 1, Error = 2 };
QString severityName(Severity severity);                      ///< "info", "warning", "error"
std::optional<Severity> severityFromName(const QString &name);

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
