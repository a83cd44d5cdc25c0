#pragma once
#include "po/po_catalog.h"
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace wb {

/// The keywords of the structured translator-comment lines, "# wb:<keyword> {json}" (docs/po-store.md).
namespace recordKeyword {
inline const QString kState = QStringLiteral("state");
inline const QString kHistory = QStringLiteral("history");
inline const QString kComment = QStringLiteral("comment");
inline const QString kPreviousTarget = QStringLiteral("previous-target");
inline const QString kError = QStringLiteral("error");
inline const QString kSuppression = QStringLiteral("qa-ignore");
inline const QString kConflict = QStringLiteral("conflict");
inline const QString kChanged = QStringLiteral("changed");
} // namespace recordKeyword

/// "# wb:state {...}": the review state PO has no keyword for (po/review_marks.h).
struct StateMark {
    QString state;    ///< "approved" or "rejected"
    QString by;
    QDateTime at;
    QString target;   ///< approvals: fingerprint of the approved msgstr
    QString reason;   ///< rejections
};

/// Who did what to a unit, and when ("# wb:history {...}").
struct HistoryEvent {
    QString action;   ///< "translated", "approved", "rejected", "edited-by-reviewer", "commented", "annotated"
    QString by;
    QDateTime at;
    QString target;   ///< fingerprint of the target the action was about
};

/// A comment in a unit's thread ("# wb:comment {...}"); also a previous target ("# wb:previous-target {...}").
struct ReviewComment {
    QString by;
    QDateTime at;
    QString text;
};

/// An error a reviewer annotated (MQM-style; "# wb:error {...}").
struct ReviewError {
    ReviewError() = default;
    ReviewError(QString category, QString severity, QString by, QDateTime at, QString note)
        : category(std::move(category)), severity(std::move(severity)), by(std::move(by)), at(std::move(at)), note(std::move(note))
    {
    }
    QString category;   ///< "accuracy/mistranslation", "terminology", "fluency/spelling", "style", "locale/numbers", ...
    QString severity;   ///< "minor" (1), "major" (5), "critical" (25)
    QString by;
    QDateTime at;
    QString note;
    /// The target words the error is about, where the reviewer selected them: their
    /// position in the target (UTF-16 code units) and the words themselves, which stay
    /// meaningful after the target changes. start -1: the whole unit. When `words` is given,
    /// annotating refuses a target whose text at start/length differs (it changed meanwhile).
    int start = -1;
    int length = 0;
    QString words;
    int weight() const;
};

/// A finding a person decided to accept for one unit, with who, when and why ("# wb:qa-ignore {...}").
struct Suppression {
    QString check;    ///< the finding's check id
    QString subject;  ///< what it was about (a concept id); empty: any finding of the check
    QString by;
    QDateTime at;
    QString reason;
};

/// A conflict the merge recorded in a unit: "# wb:conflict {"ours","theirs","base","at",
/// "ours_state","theirs_state"}" (docs/teamwork.md). The unit keeps our msgstr and is fuzzy
/// until someone chooses.
struct RecordedConflict {
    QString ours;
    QString theirs;
    QString base;
    QDateTime at;
    QString oursState;          ///< the unit's state on each side ("translated", "approved", ...)
    QString theirsState;
    QStringList oursPlural;     ///< plural entries: each side's plural forms
    QStringList theirsPlural;
};

/// A unit's review record: every "# wb:<keyword> {json}" line of its translator comments,
/// read in one pass and kept as typed values (docs/po-store.md). Lines that are not JSON
/// objects are not part of it, as before.
class UnitRecord {
public:
    /// Reads the record from translator comments.
    static UnitRecord read(const QString &comments);

    QString source;                                  ///< the comments it was read from
    std::optional<StateMark> state;                  ///< the first wb:state line
    QList<HistoryEvent> history;
    QList<ReviewComment> comments;
    QList<ReviewComment> previousTargets;
    QList<ReviewError> errors;
    QList<std::pair<QString, Suppression>> suppressions; ///< with the unit fingerprint each was made for
    QList<RecordedConflict> conflicts;
    QStringList changes;                             ///< wb:changed kinds

    /// The lines of one keyword as JSON objects, in order (for writing them back, and for
    /// fields the typed values leave out, such as a history line's "score").
    QList<QJsonObject> lines(const QString &keyword) const { return m_lines.value(keyword); }

    /// How many times a record was read from comments in this process (tests count reads).
    static qint64 readCount();

private:
    void derive(const QString &keyword);
    QHash<QString, QList<QJsonObject>> m_lines;
    friend void setRecordLines(PoEntry &entry, const QString &keyword, const QList<QJsonObject> &objects);
};

/// The entry's record: read from its translator comments the first time it is asked for,
/// then kept with the entry (and its copies) until the comments change.
std::shared_ptr<const UnitRecord> recordOf(const PoEntry &entry);

/// Writes back: replaces every line of `keyword` with `objects` (appended at the end of the
/// comments, exactly as po/structured_comments writes them) and updates the kept record
/// without reading the comments again.
void setRecordLines(PoEntry &entry, const QString &keyword, const QList<QJsonObject> &objects);
/// Appends one line of `keyword`.
void appendRecordLine(PoEntry &entry, const QString &keyword, const QJsonObject &object);

} // namespace wb
