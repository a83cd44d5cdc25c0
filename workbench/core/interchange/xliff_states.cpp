// How unit states are spelled in XLIFF (docs/interchange.md has the table).
#include "interchange/xliff_format.h"

namespace wb {

XliffStateSpelling spellState(UnitState state, XliffVersion version)
{
    if (version == XliffVersion::V2) {
        switch (state) {
        case UnitState::Untranslated:
        case UnitState::Draft: return {QStringLiteral("initial"), {}, false};
        case UnitState::Translated: return {QStringLiteral("translated"), {}, false};
        case UnitState::Approved: return {QStringLiteral("final"), QStringLiteral("wb:approved"), false};
        case UnitState::Rejected: return {QStringLiteral("initial"), QStringLiteral("wb:rejected"), false};
        }
    }
    // 1.2: "approved" means "not fuzzy" to gettext-based tools (translate-toolkit), so a
    // translated unit is approved="yes"; signed-off is the reviewer's approval.
    switch (state) {
    case UnitState::Untranslated: return {QStringLiteral("needs-translation"), {}, false};
    case UnitState::Draft: return {QStringLiteral("needs-review-translation"), {}, false};
    case UnitState::Translated: return {QStringLiteral("translated"), {}, true};
    case UnitState::Approved: return {QStringLiteral("signed-off"), {}, true};
    case UnitState::Rejected: return {QStringLiteral("x-rejected"), {}, false};
    }
    return {};
}

UnitState stateFromXliff2(const QString &state, const QString &subState, bool hasTarget)
{
    if (subState == QLatin1String("wb:rejected"))
        return UnitState::Rejected;
    if (!hasTarget)
        return UnitState::Untranslated;
    if (subState == QLatin1String("wb:approved") || state == QLatin1String("final") || state == QLatin1String("reviewed"))
        return UnitState::Approved;
    if (state == QLatin1String("translated"))
        return UnitState::Translated;
    return UnitState::Draft; // "initial" or absent: a target nobody confirmed
}

UnitState stateFromXliff12(const QString &targetState, const QString &approved, bool hasTarget)
{
    if (targetState == QLatin1String("x-rejected"))
        return UnitState::Rejected;
    if (!hasTarget)
        return UnitState::Untranslated;
    if (targetState == QLatin1String("signed-off") || targetState == QLatin1String("final"))
        return UnitState::Approved;
    if (targetState == QLatin1String("translated"))
        return UnitState::Translated;
    if (targetState.isEmpty())
        return approved == QLatin1String("no") ? UnitState::Draft : UnitState::Translated;
    return UnitState::Draft; // new, needs-translation, needs-review-*, needs-l10n, ...
}

} // namespace wb
