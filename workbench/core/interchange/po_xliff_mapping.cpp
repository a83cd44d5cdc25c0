#include "interchange/po_xliff_mapping.h"
#include "po/po_merge.h"
#include "po/structured_comments.h"
#include "review/review_record.h"

#include <QFileInfo>
#include <QHash>

namespace wb {
namespace {

const QString kDescription = QStringLiteral("description");
const QString kLocation = QStringLiteral("location");
const QString kTranslator = QStringLiteral("translator");
const QString kPreviousSource = QStringLiteral("wb:previous-source");
const QString kPreviousContext = QStringLiteral("wb:previous-context");
// translate-toolkit's po2xliff carries a PO's translator comments in this note.
const QString kPoTranslator = QStringLiteral("po-translator");

bool isWorkbenchCategory(const QString &category)
{
    return category == kDescription || category == kLocation || category == kTranslator || category == kPoTranslator
           || category.startsWith(QLatin1String("wb:"));
}

// One note per translator comment line: "wb:<keyword> {json}" keeps its keyword as the category.
void appendCommentNotes(QList<XliffNote> &notes, const QString &comments)
{
    if (comments.isEmpty())
        return;
    for (const QString &line : comments.split(QLatin1Char('\n'))) {
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (line.startsWith(QLatin1String("wb:")) && space > 3)
            notes.append({line.left(space), line.mid(space + 1)});
        else
            notes.append({kTranslator, line});
    }
}

// The translator comments the notes carried, in their order; empty when the file holds
// none of the workbench's notes (it came from another tool).
std::optional<QString> translatorCommentsFrom(const QList<XliffNote> &notes)
{
    QStringList lines;
    bool any = false;
    for (const XliffNote &note : notes) {
        if (!isWorkbenchCategory(note.category))
            continue;
        any = true;
        if (note.category == kTranslator || note.category == kPoTranslator)
            lines.append(note.text);
        else if (note.category.startsWith(QLatin1String("wb:")) && note.category != kPreviousSource && note.category != kPreviousContext)
            lines.append(note.category + QLatin1Char(' ') + note.text);
    }
    if (!any)
        return std::nullopt;
    return lines.join(QLatin1Char('\n'));
}

std::optional<QString> noteText(const QList<XliffNote> &notes, const QString &category)
{
    for (const XliffNote &note : notes)
        if (note.category == category)
            return note.text;
    return std::nullopt;
}

bool sameEntry(const PoEntry &a, const PoEntry &b)
{
    return a.msgstr == b.msgstr && a.fuzzy == b.fuzzy && a.translatorComments == b.translatorComments
           && a.previousMsgid == b.previousMsgid && a.previousContext == b.previousContext;
}

// The catalog entry an XLIFF unit stands for, or -1.
qsizetype findEntry(const PoCatalog &catalog, const XliffUnit &unit, const QHash<QString, qsizetype> &bySource)
{
    for (const QString &key : {unit.id, unit.name}) {
        if (key.isEmpty())
            continue;
        if (const qsizetype index = catalog.indexOfContext(key); index >= 0)
            return index;
    }
    for (const QString &source : {unit.source, unit.rawSource})
        if (const qsizetype index = bySource.value(source, -1); index >= 0)
            return index;
    return -1;
}

// `comments` with the record lines of `current` it lacks: history, thread and error lines
// are append-only, so one the catalog has is never dropped by an import.
QString withRecordLinesOf(const QString &current, const QString &comments)
{
    QStringList lines = comments.isEmpty() ? QStringList{} : comments.split(QLatin1Char('\n'));
    for (const QString &line : current.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const bool record = line.startsWith(QLatin1String("wb:history ")) || line.startsWith(QLatin1String("wb:comment "))
                            || line.startsWith(QLatin1String("wb:error "));
        if (record && !lines.contains(line))
            lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

// Moves the entry to the state the other tool gave the unit, recording who did it.
Status applyState(PoEntry &entry, UnitState wanted, const QString &reason, const QString &by, const QDateTime &at)
{
    if (stateOf(entry) == wanted)
        return {};
    switch (wanted) {
    case UnitState::Approved:
        // A verdict the unit cannot take (an empty target): translated, at least.
        if (Status approved = approveUnit(entry, by, at); approved)
            return approved;
        setReviewState(entry, UnitState::Translated, by, at);
        return {};
    case UnitState::Rejected:
        if (Status rejected = rejectUnit(entry, by, at, reason); rejected)
            return rejected;
        setReviewState(entry, UnitState::Draft, by, at);
        return {};
    case UnitState::Translated:
        return recordTranslation(entry, by, at);
    case UnitState::Draft:
    case UnitState::Untranslated:
        setReviewState(entry, wanted, by, at);
        if (wanted == UnitState::Untranslated)
            entry.fuzzy = false;
        return {};
    }
    return {};
}

// A unit the import could not take as the file says: a problem naming the unit and its line.
Diagnostic unitProblem(const QString &xliffPath, const XliffUnit &unit, const Diagnostic &why)
{
    return Diagnostic{why.kind, xliffPath, unit.line, 0, QStringLiteral("unit %1: %2").arg(unit.id, why.message)};
}

} // namespace

QList<XliffUnit> xliffUnitsOf(const PoCatalog &catalog)
{
    QList<XliffUnit> units;
    for (const PoEntry &entry : catalog.entries) {
        if (entry.obsolete || !entry.msgidPlural.isEmpty())
            continue; // plural entries never come from Markdown; XLIFF 2 core has no plurals
        XliffUnit unit;
        unit.id = entry.context;
        unit.source = entry.msgid;
        unit.target = entry.msgstr;
        unit.hasTarget = !entry.msgstr.isEmpty();
        unit.state = stateOf(entry);
        unit.stateGiven = true;
        if (!entry.extractedComments.isEmpty())
            unit.notes.append({kDescription, entry.extractedComments});
        for (const PoReference &reference : entry.references)
            unit.notes.append({kLocation, reference.line > 0 ? QStringLiteral("%1:%2").arg(reference.file).arg(reference.line)
                                                            : reference.file});
        appendCommentNotes(unit.notes, entry.translatorComments);
        if (!entry.previousMsgid.isEmpty())
            unit.notes.append({kPreviousSource, entry.previousMsgid});
        if (!entry.previousContext.isEmpty())
            unit.notes.append({kPreviousContext, entry.previousContext});
        units.append(unit);
    }
    return units;
}

XliffFile xliffFileOf(const PoCatalog &catalog, const QString &original)
{
    XliffFile file;
    file.original = original;
    // A file id is an NMTOKEN: the document's name with anything else made a hyphen.
    file.id = QFileInfo(original).completeBaseName();
    for (QChar &c : file.id)
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('-');
    if (file.id.isEmpty())
        file.id = QStringLiteral("f1");
    file.units = xliffUnitsOf(catalog);
    return file;
}

XliffImportOutcome applyXliffFile(PoCatalog &catalog, const XliffFile &file, const QString &xliffPath,
                                  const QString &by, const QDateTime &at)
{
    XliffImportOutcome outcome;
    QHash<QString, qsizetype> bySource; // unique source texts only
    for (qsizetype i = 0; i < catalog.entries.size(); ++i) {
        const PoEntry &entry = catalog.entries[i];
        if (entry.obsolete)
            continue;
        bySource.insert(entry.msgid, bySource.contains(entry.msgid) ? -1 : i);
    }
    auto problem = [&](const XliffUnit &unit, const QString &message) {
        outcome.problems.append(Diagnostic{ErrorKind::CheckFailed, xliffPath, unit.line, 0,
                                           QStringLiteral("unit '%1': %2").arg(unit.id, message)});
    };
    for (const XliffUnit &unit : file.units) {
        ++outcome.unitsRead;
        const qsizetype index = findEntry(catalog, unit, bySource);
        if (index < 0) {
            problem(unit, QStringLiteral("no unit of the project has this id or source text; another tool joined units or "
                                         "the file was made from another revision of the source"));
            continue;
        }
        PoEntry &entry = catalog.entries[index];
        const bool escapedMatch = unit.source == entry.msgid;
        if (!escapedMatch && unit.rawSource != entry.msgid) {
            problem(unit, QStringLiteral("its source text differs from the project's (\"%1\" here, \"%2\" in the project); "
                                         "the file was made from another revision of the source, or a tool joined segments "
                                         "across units")
                              .arg(unit.source.left(80), entry.msgid.left(80)));
            continue;
        }
        if (unit.segmentCount > 1)
            ++outcome.unitsJoined;
        PoEntry updated = entry;
        const QString target = unit.hasTarget ? (escapedMatch ? unit.target : unit.rawTarget) : QString();
        const bool targetChanged = target != entry.msgstr;
        updated.msgstr = target;
        updated.fuzzy = unit.state == UnitState::Draft || unit.state == UnitState::Rejected;
        const bool translatedNow = targetChanged && !target.isEmpty();
        auto recordNewTarget = [&] {
            setReviewState(updated, updated.msgstr.isEmpty() ? UnitState::Untranslated : UnitState::Translated, by, at);
            recordHistory(updated, QStringLiteral("imported"), by, at, QJsonObject{{QStringLiteral("file"), QFileInfo(xliffPath).fileName()}});
            updated.fuzzy = unit.state == UnitState::Draft || unit.state == UnitState::Rejected;
        };
        const auto comments = translatorCommentsFrom(unit.notes);
        if (comments) {
            // The workbench's own file coming back: its notes are the entry's record, plus
            // what the catalog recorded since the file was made (history, comments, errors),
            // which the notes cannot know of and which must not be lost.
            updated.translatorComments = withRecordLinesOf(entry.translatorComments, *comments);
            // Converters that drop gettext's previous msgid (po2xliff) leave the catalog's own.
            if (const auto previous = noteText(unit.notes, kPreviousSource))
                updated.previousMsgid = *previous;
            if (const auto previous = noteText(unit.notes, kPreviousContext))
                updated.previousContext = *previous;
        }
        // The workbench's own record coming back may already account for this target (a
        // lossless transfer to another machine): then there is nothing new to record.
        const QList<HistoryEvent> carried = comments ? historyOf(updated) : QList<HistoryEvent>{};
        const bool recordKnowsTarget = !carried.isEmpty() && fingerprintHolds(carried.last().target, target);
        if (translatedNow && !recordKnowsTarget)
            recordNewTarget();
        // A merge conflict is settled by a new translation, or by the other tool moving the
        // unit past draft: someone chose. The unit's own record coming back keeps the
        // conflict line it had when exported, so this looks at the entry as it was.
        const bool chosen = translatedNow || (unit.state != UnitState::Draft && unit.state != UnitState::Untranslated);
        if (!recordedConflicts(entry).isEmpty() && chosen && !target.isEmpty()) {
            if (recordedConflicts(updated).isEmpty()) // notes from before the merge: nothing to remove, but say it
                recordHistory(updated, QStringLiteral("resolved"), by, at, QJsonObject{{QStringLiteral("kept"), QStringLiteral("import")}});
            else if (Status resolved = resolveConflict(updated, ConflictChoice::Text, target, by, at, QStringLiteral("import")); !resolved)
                outcome.problems.append(unitProblem(xliffPath, unit, resolved.error()));
            updated.fuzzy = unit.state == UnitState::Draft || unit.state == UnitState::Rejected;
            outcome.conflictsResolved.append(entry.context);
        }
        // Tools with no word for review verdicts say "translated" for approved and "needs
        // review" for rejected (gettext's not-fuzzy and fuzzy): that does not overrule a
        // verdict the unit's own record still vouches for.
        const UnitState recorded = stateOf(updated);
        const bool verdictStands = (recorded == UnitState::Approved && unit.state == UnitState::Translated)
                                   || (recorded == UnitState::Rejected && unit.state == UnitState::Draft);
        if (recorded != unit.state && !verdictStands) {
            // Another tool moved the unit on: record it as this user's action.
            if (Status applied = applyState(updated, unit.state, QStringLiteral("rejected in %1").arg(xliffPath), by, at); !applied)
                outcome.problems.append(unitProblem(xliffPath, unit, applied.error()));
        }
        // Notes another tool added (a reviewer's remark in memoQ, say) join the comment thread.
        const QList<ReviewComment> thread = commentsOf(updated);
        for (const XliffNote &note : unit.notes) {
            if (isWorkbenchCategory(note.category) || note.text.trimmed().isEmpty())
                continue;
            const bool known = std::any_of(thread.begin(), thread.end(), [&](const ReviewComment &c) { return c.text == note.text; });
            if (!known)
                if (Status commented = commentUnit(updated, note.category.isEmpty() ? by : note.category, at, note.text); !commented)
                    outcome.problems.append(unitProblem(xliffPath, unit, commented.error()));
        }
        if (!sameEntry(updated, entry)) {
            entry = updated;
            ++outcome.unitsChanged;
        }
    }
    return outcome;
}

} // namespace wb
