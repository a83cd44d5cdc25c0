#include "qa/finding.h"

namespace wb {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

std::optional<Severity> severityFromName(const QString &name)
{
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Error})
        if (severityName(s) == name)
            return s;
    return std::nullopt;
}

QJsonObject Finding::toJson() const
{
    auto span = [](const TextSpan &s) -> QJsonValue {
        if (!s.isValid())
            return QJsonValue::Null;
        return QJsonObject{{QStringLiteral("start"), s.start}, {QStringLiteral("length"), s.length}};
    };
    return QJsonObject{{QStringLiteral("unit"), unit},
                       {QStringLiteral("msgid"), msgid},
                       {QStringLiteral("check"), check},
                       {QStringLiteral("severity"), severityName(severity)},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("target_span"), span(targetSpan)},
                       {QStringLiteral("source_span"), span(sourceSpan)}};
}

} // namespace wb
