#include "review/review_record.h"
#include "po/po_merge.h"
#include "po/structured_comments.h"
#include "po/unit_record.h"

#include <QJsonObject>

namespace wb {
namespace {

QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

void addHistory(PoEntry &entry, const QString &action, const QString &by, const QDateTime &at, const QJsonObject &extra = {})
{
    QJsonObject event{{QStringLiteral("action"), action}, {QStringLiteral("by"), by},
                      {QStringLiteral("at"), iso(at)}, {QStringLiteral("target"), textFingerprint(entry.msgstr)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        event.insert(it.key(), it.value());
    appendRecordLine(entry, recordKeyword::kHistory, event);
}

Diagnostic refused(const PoEntry &entry, const QString &why)
{
    return Diagnostic{ErrorKind::CheckFailed, {}, entry.line, 0, QStringLiteral("unit %1: %2").arg(entry.context, why)};
}

} // namespace

const QStringList &errorCategories()
{
    static const QStringList categories = {
        QStringLiteral("accuracy/mistranslation"), QStringLiteral("accuracy/omission"), QStringLiteral("accuracy/addition"),
        QStringLiteral("accuracy/untranslated"),   QStringLiteral("terminology"),       QStringLiteral("fluency/grammar"),
        QStringLiteral("fluency/spelling"),        QStringLiteral("fluency/punctuation"), QStringLiteral("style"),
        QStringLiteral("locale/numbers"),          QStringLiteral("locale/dates"),      QStringLiteral("locale/units")};
    return categories;
}

const QStringList &errorSeverities()
{
    static const QStringList severities = {QStringLiteral("minor"), QStringLiteral("major"), QStringLiteral("critical")};
    return severities;
}

QList<HistoryEvent> historyOf(const PoEntry &entry)
{
    return recordOf(entry)->history;
}

QList<ReviewComment> commentsOf(const PoEntry &entry)
{
    return recordOf(entry)->comments;
}

QList<ReviewError> errorsOf(const PoEntry &entry)
{
    return recordOf(entry)->errors;
}

std::optional<QString> previousTargetOf(const PoEntry &entry)
{
    const std::shared_ptr<const UnitRecord> record = recordOf(entry);
    if (record->previousTargets.isEmpty())
        return std::nullopt;
    return record->previousTargets.last().text;
}

Status recordTranslation(PoEntry &entry, const QString &by, const QDateTime &at)
{
    setReviewState(entry, entry.msgstr.isEmpty() ? UnitState::Untranslated : UnitState::Translated, by, at);
    addHistory(entry, QStringLiteral("translated"), by, at);
    return {};
}

Status approveUnit(PoEntry &entry, const QString &by, const QDateTime &at)
{
    if (entry.msgstr.isEmpty())
        return refused(entry, QStringLiteral("an untranslated unit cannot be approved"));
    setReviewState(entry, UnitState::Approved, by, at);
    addHistory(entry, QStringLiteral("approved"), by, at);
    return {};
}

Status rejectUnit(PoEntry &entry, const QString &by, const QDateTime &at, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return refused(entry, QStringLiteral("a rejection needs a reason"));
    if (entry.msgstr.isEmpty())
        return refused(entry, QStringLiteral("an untranslated unit cannot be rejected"));
    setReviewState(entry, UnitState::Rejected, by, at, reason);
    addHistory(entry, QStringLiteral("rejected"), by, at);
    appendRecordLine(entry, recordKeyword::kComment,
                     QJsonObject{{QStringLiteral("by"), by}, {QStringLiteral("at"), iso(at)},
                                 {QStringLiteral("text"), QStringLiteral("Rejected: ") + reason}});
    return {};
}

Status commentUnit(PoEntry &entry, const QString &by, const QDateTime &at, const QString &text)
{
    if (text.trimmed().isEmpty())
        return refused(entry, QStringLiteral("an empty comment"));
    appendRecordLine(entry, recordKeyword::kComment, QJsonObject{{QStringLiteral("by"), by}, {QStringLiteral("at"), iso(at)}, {QStringLiteral("text"), text}});
    addHistory(entry, QStringLiteral("commented"), by, at);
    return {};
}

Status reviewerEdit(PoEntry &entry, const QString &newTarget, const QString &by, const QDateTime &at)
{
    if (newTarget == entry.msgstr)
        return {};
    appendRecordLine(entry, recordKeyword::kPreviousTarget, QJsonObject{{QStringLiteral("by"), by}, {QStringLiteral("at"), iso(at)}, {QStringLiteral("text"), entry.msgstr}});
    entry.msgstr = newTarget;
    setReviewState(entry, UnitState::Translated, by, at);
    addHistory(entry, QStringLiteral("edited-by-reviewer"), by, at);
    return {};
}

Status annotateError(PoEntry &entry, const ReviewError &error)
{
    if (!errorCategories().contains(error.category))
        return refused(entry, QStringLiteral("unknown error category \"%1\" (one of: %2)").arg(error.category, errorCategories().join(QStringLiteral(", "))));
    if (!errorSeverities().contains(error.severity))
        return refused(entry, QStringLiteral("unknown severity \"%1\" (minor, major or critical)").arg(error.severity));
    if (error.start >= 0 && (error.length <= 0 || error.start + error.length > entry.msgstr.size()
                             || (!error.words.isEmpty() && entry.msgstr.mid(error.start, error.length) != error.words)))
        return refused(entry, QStringLiteral("the words \"%1\" are not at %2 in the target (it changed?)").arg(error.words).arg(error.start));
    QJsonObject record{{QStringLiteral("category"), error.category}, {QStringLiteral("severity"), error.severity},
                       {QStringLiteral("by"), error.by}, {QStringLiteral("at"), iso(error.at)}, {QStringLiteral("note"), error.note}};
    if (error.start >= 0) {
        record.insert(QStringLiteral("start"), error.start);
        record.insert(QStringLiteral("length"), error.length);
        record.insert(QStringLiteral("words"), entry.msgstr.mid(error.start, error.length));
    }
    appendRecordLine(entry, recordKeyword::kError, record);
    addHistory(entry, QStringLiteral("annotated"), error.by, error.at);
    return {};
}

void recordHistory(PoEntry &entry, const QString &action, const QString &by, const QDateTime &at, const QJsonObject &extra)
{
    addHistory(entry, action, by, at, extra);
}

std::optional<ConflictChoice> conflictChoiceFromName(const QString &name)
{
    if (name == QLatin1String("ours"))
        return ConflictChoice::Ours;
    if (name == QLatin1String("theirs"))
        return ConflictChoice::Theirs;
    if (name == QLatin1String("base"))
        return ConflictChoice::Base;
    return std::nullopt;
}

Status resolveConflict(PoEntry &entry, ConflictChoice choice, const QString &text, const QString &by, const QDateTime &at,
                       const QString &how)
{
    const QList<RecordedConflict> records = recordedConflicts(entry);
    if (records.isEmpty())
        return refused(entry, QStringLiteral("records no conflict to resolve"));
    const RecordedConflict &newest = records.last(); // the one the editor shows too
    static const char *const names[] = {"ours", "theirs", "base", "text"};
    switch (choice) {
    case ConflictChoice::Ours:
        entry.msgstr = newest.ours;
        if (!newest.oursPlural.isEmpty())
            entry.msgstrPlural = newest.oursPlural;
        break;
    case ConflictChoice::Theirs:
        entry.msgstr = newest.theirs;
        if (!newest.theirsPlural.isEmpty())
            entry.msgstrPlural = newest.theirsPlural;
        break;
    case ConflictChoice::Base:
        entry.msgstr = newest.base;
        break;
    case ConflictChoice::Text:
        entry.msgstr = text;
        break;
    }
    clearRecordedConflicts(entry);
    entry.fuzzy = false;
    setReviewState(entry, entry.msgstr.isEmpty() ? UnitState::Untranslated : UnitState::Translated, by, at);
    addHistory(entry, QStringLiteral("resolved"), by, at,
               QJsonObject{{QStringLiteral("kept"), how.isEmpty() ? QString::fromLatin1(names[int(choice)]) : how}});
    return {};
}

bool changedSinceLastReview(const PoEntry &entry, const QString &reviewer)
{
    const QList<HistoryEvent> events = historyOf(entry);
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const bool review = it->action == QLatin1String("approved") || it->action == QLatin1String("rejected")
                            || it->action == QLatin1String("commented") || it->action == QLatin1String("annotated");
        if (review && it->by == reviewer)
            return !fingerprintHolds(it->target, entry.msgstr);
    }
    return true;
}

} // namespace wb
