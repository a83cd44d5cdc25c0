#include "po/po_merge.h"
#include "po/review_marks.h"
#include "po/unit_record.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace wb {
namespace {

const QString kStatePrefix = QStringLiteral("wb:state ");

// ---- keys ---------------------------------------------------------------------------

// The unit id; entries without one (catalogs from other tools) are known by their msgid.
QString unitKey(const PoEntry &entry)
{
    return entry.context.isEmpty() ? QStringLiteral("\x04msgid\x04") + entry.msgid : entry.context;
}

// Keys of a catalog's entries in file order; a key that repeats (never in the workbench's
// own catalogs) gets its occurrence number, so no entry is dropped.
QStringList keysOf(const PoCatalog &catalog)
{
    QStringList keys;
    QHash<QString, int> seen;
    for (const PoEntry &entry : catalog.entries) {
        const QString key = unitKey(entry);
        const int n = seen[key]++;
        keys.append(n == 0 ? key : key + QStringLiteral("\x01") + QString::number(n));
    }
    return keys;
}

QHash<QString, const PoEntry *> indexByKey(const PoCatalog &catalog, const QStringList &keys)
{
    QHash<QString, const PoEntry *> index;
    for (qsizetype i = 0; i < keys.size(); ++i)
        index.insert(keys[i], &catalog.entries[i]);
    return index;
}

// ---- what counts as a change ---------------------------------------------------------

// The translation proper: what a conflict is about. The review state counts (approving
// and rejecting are results), the date of a state line does not.
bool sameTranslation(const PoEntry &a, const PoEntry &b)
{
    return a.msgstr == b.msgstr && a.msgstrPlural == b.msgstrPlural && stateOf(a) == stateOf(b);
}

bool sameEntry(const PoEntry &a, const PoEntry &b)
{
    return a.context == b.context && a.msgid == b.msgid && a.msgidPlural == b.msgidPlural && a.msgstr == b.msgstr
        && a.msgstrPlural == b.msgstrPlural && a.translatorComments == b.translatorComments
        && a.extractedComments == b.extractedComments && a.references == b.references && a.fuzzy == b.fuzzy
        && a.obsolete == b.obsolete && a.previousContext == b.previousContext && a.previousMsgid == b.previousMsgid
        && a.formats == b.formats;
}

template <typename T>
T pick(const T &base, const T &ours, const T &theirs)
{
    return ours == base ? theirs : ours;
}

// ---- comment lines --------------------------------------------------------------------

QStringList linesOf(const QString &comments)
{
    return comments.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool isStateLine(const QString &line)
{
    return line.trimmed().startsWith(kStatePrefix);
}

// Comment lines merged as sets: what either side added is kept (ours first, in order),
// what one side deleted from the base stays deleted (a suppression pruned, a conflict
// record resolved).
QStringList mergeLines(const QStringList &base, const QStringList &ours, const QStringList &theirs)
{
    QStringList merged;
    for (const QString &line : ours)
        if (theirs.contains(line) || !base.contains(line))
            merged.append(line);
    for (const QString &line : theirs)
        if (!ours.contains(line) && !base.contains(line) && !merged.contains(line))
            merged.append(line);
    return merged;
}

// The merged comments with only the winner's wb:state lines: a review state belongs to the
// msgstr it judged.
QString commentsWithState(const QStringList &merged, const PoEntry &winner)
{
    QStringList winnerStates;
    for (const QString &line : linesOf(winner.translatorComments))
        if (isStateLine(line))
            winnerStates.append(line);
    QStringList lines;
    for (const QString &line : merged)
        if (!isStateLine(line) || (winnerStates.contains(line) && !lines.contains(line)))
            lines.append(line);
    for (const QString &line : winnerStates)
        if (!lines.contains(line))
            lines.append(line);
    return lines.join(QLatin1Char('\n'));
}

// ---- conflicts -------------------------------------------------------------------------

QJsonObject conflictRecord(const PoEntry &base, const PoEntry &ours, const PoEntry &theirs, const QDateTime &at)
{
    QJsonObject record{{QStringLiteral("ours"), ours.msgstr},
                       {QStringLiteral("theirs"), theirs.msgstr},
                       {QStringLiteral("base"), base.msgstr},
                       {QStringLiteral("at"), at.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("ours_state"), stateName(stateOf(ours))},
                       {QStringLiteral("theirs_state"), stateName(stateOf(theirs))}};
    if (!ours.msgstrPlural.isEmpty() || !theirs.msgstrPlural.isEmpty()) {
        record.insert(QStringLiteral("ours_plural"), QJsonArray::fromStringList(ours.msgstrPlural));
        record.insert(QStringLiteral("theirs_plural"), QJsonArray::fromStringList(theirs.msgstrPlural));
    }
    return record;
}

// ---- one unit --------------------------------------------------------------------------

enum class Side { Ours, Theirs, Both, Conflict, Neither };

struct MergedEntry {
    PoEntry entry;
    Side side = Side::Neither;
};

MergedEntry mergeEntry(const PoEntry &base, const PoEntry &ours, const PoEntry &theirs, const QDateTime &at)
{
    const bool oursChanged = !sameEntry(base, ours);
    const bool theirsChanged = !sameEntry(base, theirs);
    if (!theirsChanged || sameEntry(ours, theirs))
        return {ours, !oursChanged ? Side::Neither : theirsChanged ? Side::Both : Side::Ours};
    if (!oursChanged)
        return {theirs, Side::Theirs};

    // Both changed it: field by field, the side that changed a field gives it.
    PoEntry merged = ours;
    merged.msgid = pick(base.msgid, ours.msgid, theirs.msgid);
    merged.msgidPlural = pick(base.msgidPlural, ours.msgidPlural, theirs.msgidPlural);
    merged.extractedComments = pick(base.extractedComments, ours.extractedComments, theirs.extractedComments);
    merged.references = pick(base.references, ours.references, theirs.references);
    merged.obsolete = pick(base.obsolete, ours.obsolete, theirs.obsolete);
    merged.previousContext = pick(base.previousContext, ours.previousContext, theirs.previousContext);
    merged.previousMsgid = pick(base.previousMsgid, ours.previousMsgid, theirs.previousMsgid);
    merged.formats = pick(base.formats, ours.formats, theirs.formats);

    const bool conflict = !sameTranslation(ours, theirs) && !sameTranslation(base, ours) && !sameTranslation(base, theirs);
    const PoEntry &winner = (conflict || !sameTranslation(base, ours)) ? ours : theirs;
    merged.msgstr = winner.msgstr;
    merged.msgstrPlural = winner.msgstrPlural;
    merged.fuzzy = winner.fuzzy;
    const QStringList lines = mergeLines(linesOf(base.translatorComments), linesOf(ours.translatorComments),
                                         linesOf(theirs.translatorComments));
    merged.translatorComments = commentsWithState(lines, winner);
    if (!conflict)
        return {merged, Side::Both};
    // Nothing is lost and nothing ships: both versions in the unit, which is a draft now.
    merged.fuzzy = true;
    appendRecordLine(merged, recordKeyword::kConflict, conflictRecord(base, ours, theirs, at));
    return {merged, Side::Conflict};
}

// A unit both sides added independently merges against an empty translation of it.
PoEntry emptyBaseFor(const PoEntry &entry)
{
    PoEntry base = entry;
    base.msgstr.clear();
    for (QString &form : base.msgstrPlural)
        form.clear();
    base.translatorComments.clear();
    base.fuzzy = false;
    return base;
}

void count(PoMergeReport &report, Side side, const PoEntry &entry)
{
    switch (side) {
    case Side::Ours: ++report.takenFromOurs; break;
    case Side::Theirs: ++report.takenFromTheirs; break;
    case Side::Both: ++report.combined; break;
    case Side::Conflict: report.conflicts.append(entry.context.isEmpty() ? entry.msgid : entry.context); break;
    case Side::Neither: break;
    }
}

// ---- header ----------------------------------------------------------------------------

std::optional<QDateTime> revisionDate(const PoCatalog &catalog)
{
    // gettext's form: "2024-05-01 12:30+0200".
    static const QRegularExpression form(QStringLiteral("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)\\s*([+-])(\\d\\d)(\\d\\d)$"));
    const auto m = form.match(catalog.headerField(QStringLiteral("PO-Revision-Date")).trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int offset = (m.captured(3).toInt() * 3600 + m.captured(4).toInt() * 60) * (m.captured(2) == QLatin1String("-") ? -1 : 1);
    QDateTime local = QDateTime::fromString(m.captured(1), QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!local.isValid())
        return std::nullopt;
    local.setTimeZone(QTimeZone(offset));
    return local;
}

void takeNewerRevisionDate(PoCatalog &merged, const PoCatalog &theirs)
{
    const auto oursDate = revisionDate(merged);
    const auto theirsDate = revisionDate(theirs);
    if (theirsDate && (!oursDate || *theirsDate > *oursDate))
        merged.setHeaderField(QStringLiteral("PO-Revision-Date"), theirs.headerField(QStringLiteral("PO-Revision-Date")));
}

} // namespace

QList<RecordedConflict> recordedConflicts(const PoEntry &entry)
{
    return recordOf(entry)->conflicts;
}

void clearRecordedConflicts(PoEntry &entry)
{
    setRecordLines(entry, recordKeyword::kConflict, {});
}

Status refuseIfConflicted(const PoEntry &entry, const QString &action)
{
    if (recordedConflicts(entry).isEmpty())
        return {};
    return Diagnostic{ErrorKind::CheckFailed, {}, entry.line, 0,
                      QStringLiteral("unit %1: changed on both sides of a merge; keep one version (`workbench review resolve %1 "
                                     "CATALOG.po --keep ours|theirs`, or Keep mine / Take theirs in the editor) or confirm "
                                     "the unit before it can be %2").arg(entry.context, action)};
}

PoCatalog mergeCatalogs(const PoCatalog &base, const PoCatalog &ours, const PoCatalog &theirs, PoMergeReport &report,
                        const QDateTime &at)
{
    const QStringList baseKeys = keysOf(base), oursKeys = keysOf(ours), theirsKeys = keysOf(theirs);
    const auto baseByKey = indexByKey(base, baseKeys);
    const auto theirsByKey = indexByKey(theirs, theirsKeys);
    const QSet<QString> oursKeySet(oursKeys.cbegin(), oursKeys.cend());

    PoCatalog merged = ours;
    merged.entries.clear();
    QStringList mergedKeys;
    auto keep = [&](const QString &key, const MergedEntry &m) {
        count(report, m.side, m.entry);
        mergedKeys.append(key);
        merged.entries.append(m.entry);
    };

    // Our units, in our order.
    for (qsizetype i = 0; i < oursKeys.size(); ++i) {
        const PoEntry &mine = ours.entries[i];
        const PoEntry *original = baseByKey.value(oursKeys[i]);
        const PoEntry *other = theirsByKey.value(oursKeys[i]);
        if (other) {
            const PoEntry emptyBase = original ? PoEntry{} : emptyBaseFor(*other);
            keep(oursKeys[i], mergeEntry(original ? *original : emptyBase, mine, *other, at));
        } else if (!original) {
            keep(oursKeys[i], {mine, Side::Ours});                 // we added it
        } else if (!sameEntry(*original, mine)) {
            keep(oursKeys[i], {mine, Side::Ours});                 // they removed it, we changed it: keep our work
        } else {
            ++report.removed;                                      // they removed it
        }
    }

    // Their units we do not have, each placed after the unit it follows on their side.
    for (qsizetype i = 0; i < theirsKeys.size(); ++i) {
        const QString &key = theirsKeys[i];
        if (oursKeySet.contains(key))
            continue;
        const PoEntry &other = theirs.entries[i];
        const PoEntry *original = baseByKey.value(key);
        if (original && sameEntry(*original, other)) {
            ++report.removed;                                      // we removed it
            continue;
        }
        qsizetype position = 0;
        for (qsizetype j = i - 1; j >= 0 && position == 0; --j)
            position = mergedKeys.indexOf(theirsKeys[j]) + 1;
        count(report, Side::Theirs, other);
        mergedKeys.insert(position, key);
        merged.entries.insert(position, other);
    }
    takeNewerRevisionDate(merged, theirs);
    return merged;
}

} // namespace wb
