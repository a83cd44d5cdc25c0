// Bringing a catalog up to a new revision of its source: which old unit each new one
// continues, and what that means for its translation (docs/revisions.md).
#include "project/catalog_merge.h"
#include "po/review_marks.h"
#include "po/unit_record.h"
#include "qa/suppressions.h"
#include "tm/tm_index.h"

#include <QHash>
#include <QJsonObject>
#include <QMultiHash>
#include <QRegularExpression>
#include <optional>
#include <algorithm>

namespace wb {
namespace {

constexpr int kEditedScore = 50;   // a reworded sentence still shares half its words
constexpr int kSplitJoinScore = 85; // the pieces together say what the whole said
constexpr int kLongestRun = 3;     // a sentence cut into (or made of) up to three

// Which old entry each new unit continues, and how.
struct Continuation {
    UnitChange::Kind kind = UnitChange::Kind::Added;
    QList<qsizetype> oldEntries; // consecutive old units (joined), or the one continued
    int score = 0;
    QString draftSource;         // the source the draft translation was made for
    QString draftTarget;
};

// Phase 1: units whose text is unchanged, under the same id or (a renumbered repeat) another.
QList<qsizetype> matchUnchanged(const PoCatalog &existing, const PoCatalog &templ, QList<bool> &used, MergeReport &report)
{
    QHash<QString, qsizetype> byContext;       // live and obsolete, by msgctxt
    QMultiHash<QString, qsizetype> liveByText; // live, by msgid
    for (qsizetype i = 0; i < existing.entries.size(); ++i) {
        const PoEntry &e = existing.entries[i];
        if (!byContext.contains(e.context) || !e.obsolete)
            byContext.insert(e.context, i);
        if (!e.obsolete)
            liveByText.insert(e.msgid, i);
    }
    QList<qsizetype> freshToOld(templ.entries.size(), -1);
    for (qsizetype f = 0; f < templ.entries.size(); ++f) {
        const PoEntry &fresh = templ.entries[f];
        qsizetype match = -1;
        if (auto it = byContext.constFind(fresh.context);
            it != byContext.cend() && existing.entries[*it].msgid == fresh.msgid && !used[*it]) {
            match = *it;
            ++(existing.entries[match].obsolete ? report.revived : report.kept);
        } else {
            for (auto it = liveByText.constFind(fresh.msgid); it != liveByText.cend() && it.key() == fresh.msgid; ++it) {
                if (!used[*it] && templ.indexOfContext(existing.entries[*it].context) < 0) {
                    match = *it;
                    ++report.renamed;
                    break;
                }
            }
        }
        if (match >= 0) {
            used[match] = true;
            freshToOld[f] = match;
        }
    }
    return freshToOld;
}

// The matched units that left their place: those off the longest run of units that kept
// their relative order (a longest increasing subsequence of their old positions).
QList<bool> movedUnits(const QList<qsizetype> &freshToOld)
{
    QList<qsizetype> order; // fresh indices of matched units
    for (qsizetype f = 0; f < freshToOld.size(); ++f)
        if (freshToOld[f] >= 0)
            order.append(f);
    QList<qsizetype> tails, tailAt, previous(order.size(), -1);
    for (qsizetype k = 0; k < order.size(); ++k) {
        const qsizetype old = freshToOld[order[k]];
        const auto pos = std::lower_bound(tails.begin(), tails.end(), old) - tails.begin();
        if (pos == tails.size()) {
            tails.append(old);
            tailAt.append(k);
        } else {
            tails[pos] = old;
            tailAt[pos] = k;
        }
        previous[k] = pos > 0 ? tailAt[pos - 1] : -1;
    }
    QList<bool> moved(freshToOld.size(), false);
    for (qsizetype f : order)
        moved[f] = true;
    for (qsizetype k = tailAt.isEmpty() ? -1 : tailAt.last(); k >= 0; k = previous[k])
        moved[order[k]] = false;
    return moved;
}

// Runs of 1..kLongestRun consecutive entries among `left` (indices into `entries`).
QList<QList<qsizetype>> runsOf(const QList<qsizetype> &left, int minLength)
{
    QList<QList<qsizetype>> runs;
    for (qsizetype start = 0; start < left.size(); ++start) {
        QList<qsizetype> run{left[start]};
        if (minLength <= 1)
            runs.append(run);
        for (qsizetype next = start + 1; next < left.size() && run.size() < kLongestRun && left[next] == run.last() + 1; ++next) {
            run.append(left[next]);
            if (run.size() >= minLength)
                runs.append(run);
        }
    }
    return runs;
}

QString joined(const PoCatalog &catalog, const QList<qsizetype> &run, bool targets)
{
    QStringList parts;
    for (qsizetype i : run)
        parts.append(targets ? catalog.entries[i].msgstr : catalog.entries[i].msgid);
    return parts.join(QLatin1Char(' '));
}

// An index of runs of entries, each findable by its joined source; the origin names the run.
std::unique_ptr<TmIndex> indexRuns(const PoCatalog &catalog, const QList<QList<qsizetype>> &runs, const QString &language)
{
    auto index = std::make_unique<TmIndex>(language);
    for (qsizetype r = 0; r < runs.size(); ++r) {
        TmUnit unit;
        unit.source = joined(catalog, runs[r], false);
        unit.target = joined(catalog, runs[r], true);
        unit.origin = QString::number(r);
        index->add(unit);
    }
    index->finishLoading();
    return index;
}

// A unit's text as it was written before its bare addresses became links of their own
// ("Available at: {1/}." was "Available at: https://www.cancer.gov/…."), with the
// placeholder each address became: the reading of GitHub's extended autolinks that came with
// cmark-gfm. One spelling per address: the URL without the "http://" or "mailto:" GFM adds to
// "www.x" and "ana@x"; an address written "http://www.x" in the text is not recognised (the
// reworded-unit match below may still carry it as a draft).
struct AddressLinks {
    QString textBefore;
    QList<QPair<QString, QString>> addressToPlaceholder;
};

std::optional<AddressLinks> addressLinksOf(const PoEntry &entry)
{
    static const QRegularExpression described(QStringLiteral("^(\\{\\d+/\\}) link (\\S+)$"), QRegularExpression::MultilineOption);
    AddressLinks links;
    links.textBefore = entry.msgid;
    for (auto it = described.globalMatch(entry.extractedComments); it.hasNext();) {
        const auto match = it.next();
        const QString placeholder = match.captured(1);
        QString address = match.captured(2);
        if (!links.textBefore.contains(placeholder))
            continue;
        for (const QString &scheme : {QStringLiteral("mailto:"), QStringLiteral("http://")})
            if (address.startsWith(scheme) && !entry.msgid.isEmpty() && address.size() > scheme.size()) {
                // written without its scheme ("www.x", "ana@x") unless the text has it
                address = address.mid(scheme.size());
                break;
            }
        links.textBefore.replace(placeholder, address);
        links.addressToPlaceholder.append({address, placeholder});
    }
    if (links.addressToPlaceholder.isEmpty())
        return std::nullopt;
    return links;
}

// The old translation with each address it spells out once replaced by its placeholder.
QString withAddressPlaceholders(const QString &translation, const AddressLinks &links)
{
    QString out = translation;
    for (const auto &[address, placeholder] : links.addressToPlaceholder)
        if (out.count(address) == 1)
            out.replace(address, placeholder);
    return out;
}

bool allFree(const QList<qsizetype> &run, const QList<bool> &taken)
{
    return std::none_of(run.begin(), run.end(), [&](qsizetype i) { return taken[i]; });
}

// Phase 2: new units that continue old ones which are gone: joins, splits, then edits.
QHash<qsizetype, Continuation> matchRevised(const PoCatalog &existing, const PoCatalog &templ,
                                            const QList<qsizetype> &freshToOld, QList<bool> &used, const QString &language)
{
    QList<qsizetype> freshLeft, oldLeft;
    for (qsizetype f = 0; f < templ.entries.size(); ++f)
        if (freshToOld[f] < 0)
            freshLeft.append(f);
    for (qsizetype o = 0; o < existing.entries.size(); ++o)
        if (!used[o] && !existing.entries[o].obsolete)
            oldLeft.append(o);
    QHash<qsizetype, Continuation> revised;
    if (freshLeft.isEmpty() || oldLeft.isEmpty())
        return revised;
    QList<bool> freshTaken(templ.entries.size(), false);

    // Links: the same words, but a bare address in them is now a link of its own.
    QHash<QString, qsizetype> oldBySource;
    for (qsizetype o : oldLeft)
        oldBySource.insert(existing.entries[o].msgid, o);
    for (qsizetype f : freshLeft) {
        const std::optional<AddressLinks> links = addressLinksOf(templ.entries[f]);
        const qsizetype o = links ? oldBySource.value(links->textBefore, -1) : -1;
        if (o < 0 || used[o])
            continue;
        used[o] = true;
        freshTaken[f] = true;
        revised.insert(f, {UnitChange::Kind::Edited, {o}, 100, existing.entries[o].msgid,
                           withAddressPlaceholders(existing.entries[o].msgstr, *links)});
    }

    // Joins: a new unit that says what several consecutive old ones said.
    const QList<QList<qsizetype>> oldRuns = runsOf(oldLeft, 2);
    const auto oldRunIndex = indexRuns(existing, oldRuns, language);
    for (qsizetype f : freshLeft) {
        const auto matches = oldRunIndex->lookup(templ.entries[f].msgid, kSplitJoinScore, 1);
        if (matches.isEmpty())
            continue;
        const QList<qsizetype> &run = oldRuns[matches.first().origin.toInt()];
        if (!allFree(run, used))
            continue;
        for (qsizetype o : run)
            used[o] = true;
        freshTaken[f] = true;
        revised.insert(f, {UnitChange::Kind::Joined, run, matches.first().score, joined(existing, run, false),
                           joined(existing, run, true)});
    }

    // Splits: consecutive new units that together say what one old unit said.
    QList<qsizetype> freshStill;
    for (qsizetype f : freshLeft)
        if (!freshTaken[f])
            freshStill.append(f);
    const QList<QList<qsizetype>> freshRuns = runsOf(freshStill, 2);
    const auto freshRunIndex = indexRuns(templ, freshRuns, language);
    for (qsizetype o : oldLeft) {
        if (used[o])
            continue;
        const auto matches = freshRunIndex->lookup(existing.entries[o].msgid, kSplitJoinScore, 1);
        if (matches.isEmpty())
            continue;
        const QList<qsizetype> &run = freshRuns[matches.first().origin.toInt()];
        if (!allFree(run, freshTaken))
            continue;
        used[o] = true;
        for (qsizetype f : run) {
            freshTaken[f] = true;
            revised.insert(f, {UnitChange::Kind::Split, {o}, matches.first().score, existing.entries[o].msgid,
                               existing.entries[o].msgstr});
        }
    }

    // Edits: the best-scoring pairs of a remaining new unit and a remaining old one.
    QList<QList<qsizetype>> singles;
    for (qsizetype o : oldLeft)
        if (!used[o])
            singles.append(QList<qsizetype>{o});
    const auto singleIndex = indexRuns(existing, singles, language);
    struct Pair { int score; qsizetype fresh; qsizetype old; };
    QList<Pair> pairs;
    for (qsizetype f : freshLeft) {
        if (freshTaken[f])
            continue;
        for (const TmMatch &m : singleIndex->lookup(templ.entries[f].msgid, kEditedScore, 5))
            pairs.append({m.score, f, singles[m.origin.toInt()].first()});
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) { return a.score > b.score; });
    for (const Pair &p : pairs) {
        if (freshTaken[p.fresh] || used[p.old])
            continue;
        freshTaken[p.fresh] = true;
        used[p.old] = true;
        revised.insert(p.fresh, {UnitChange::Kind::Edited, {p.old}, p.score, existing.entries[p.old].msgid,
                                 existing.entries[p.old].msgstr});
    }
    return revised;
}

// An old entry carried into its new place: everything the source decides follows the template.
PoEntry carried(const PoEntry &old, const PoEntry &fresh, MergeReport &report)
{
    PoEntry entry = old;
    entry.context = fresh.context;
    entry.msgid = fresh.msgid;
    entry.extractedComments = fresh.extractedComments;
    entry.references = fresh.references;
    entry.obsolete = false;
    if (pruneStaleSuppressions(entry))
        ++report.staleSuppressions;
    return entry;
}

// A draft for a unit whose source changed: the old translation, fuzzy, with the source it
// was made for in "#|" so the editor can show what changed.
void makeDraft(PoEntry &entry, const QString &previousSource, const QString &target)
{
    entry.msgstr = target;
    if (target.isEmpty())
        return;
    setReviewState(entry, UnitState::Draft, {}, {});
    entry.previousMsgid = previousSource;
}

void markChange(PoEntry &entry, UnitChange::Kind kind)
{
    setRecordLines(entry, recordKeyword::kChanged, {QJsonObject{{QStringLiteral("kind"), changeKindName(kind)}}});
}

} // namespace

QString changeKindName(UnitChange::Kind kind)
{
    switch (kind) {
    case UnitChange::Kind::Added: return QStringLiteral("added");
    case UnitChange::Kind::Edited: return QStringLiteral("edited");
    case UnitChange::Kind::Moved: return QStringLiteral("moved");
    case UnitChange::Kind::Split: return QStringLiteral("split");
    case UnitChange::Kind::Joined: return QStringLiteral("joined");
    case UnitChange::Kind::Deleted: return QStringLiteral("deleted");
    }
    return {};
}

std::optional<UnitChange::Kind> lastChangeOf(const PoEntry &entry)
{
    const QStringList marks = recordOf(entry)->changes;
    if (marks.isEmpty())
        return std::nullopt;
    const QString name = marks.first();
    for (auto kind : {UnitChange::Kind::Added, UnitChange::Kind::Edited, UnitChange::Kind::Moved, UnitChange::Kind::Split,
                      UnitChange::Kind::Joined, UnitChange::Kind::Deleted})
        if (changeKindName(kind) == name)
            return kind;
    return std::nullopt;
}

PoCatalog mergeCatalog(const PoCatalog &existing, const PoCatalog &templ, MergeReport &report)
{
    report = {};
    PoCatalog merged;
    merged.header = existing.header;
    merged.headerComments = existing.headerComments;
    merged.headerFuzzy = existing.headerFuzzy;
    QString language = templ.headerField(QStringLiteral("X-Source-Language"));
    if (language.isEmpty())
        language = QStringLiteral("en");

    QList<bool> used(existing.entries.size(), false);
    const QList<qsizetype> freshToOld = matchUnchanged(existing, templ, used, report);
    const QList<bool> moved = movedUnits(freshToOld);
    const QHash<qsizetype, Continuation> revised = matchRevised(existing, templ, freshToOld, used, language);

    QList<std::optional<UnitChange::Kind>> changeOf; // per merged entry
    for (qsizetype f = 0; f < templ.entries.size(); ++f) {
        const PoEntry &fresh = templ.entries[f];
        const int line = fresh.references.isEmpty() ? 0 : fresh.references.first().line;
        if (const qsizetype old = freshToOld[f]; old >= 0) {
            merged.entries.append(carried(existing.entries[old], fresh, report));
            changeOf.append(moved[f] ? std::optional(UnitChange::Kind::Moved) : std::nullopt);
            if (moved[f]) {
                ++report.moved;
                --report.kept;
                report.changes.append({UnitChange::Kind::Moved, fresh.context, existing.entries[old].context, fresh.msgid,
                                       existing.entries[old].msgid, line, 100});
            }
            continue;
        }
        const auto it = revised.constFind(f);
        if (it == revised.cend()) {
            merged.entries.append(fresh);
            changeOf.append(UnitChange::Kind::Added);
            ++report.added;
            report.changes.append({UnitChange::Kind::Added, fresh.context, {}, fresh.msgid, {}, line, 0});
            continue;
        }
        const Continuation &c = *it;
        PoEntry entry = c.kind == UnitChange::Kind::Edited ? carried(existing.entries[c.oldEntries.first()], fresh, report) : fresh;
        makeDraft(entry, c.draftSource, c.draftTarget);
        merged.entries.append(entry);
        changeOf.append(c.kind);
        ++(c.kind == UnitChange::Kind::Edited ? report.edited : c.kind == UnitChange::Kind::Split ? report.split : report.joined);
        QStringList previousIds;
        for (qsizetype o : c.oldEntries)
            previousIds.append(existing.entries[o].context);
        report.changes.append({c.kind, fresh.context, previousIds.join(QLatin1Char(' ')), fresh.msgid, c.draftSource, line, c.score});
    }

    // What the new revision no longer has: obsolete, translation kept for reference.
    QList<bool> continued(existing.entries.size(), false);
    for (const Continuation &c : revised)
        for (qsizetype o : c.oldEntries)
            continued[o] = true;
    for (qsizetype i = 0; i < existing.entries.size(); ++i) {
        if (freshToOld.contains(i))
            continue;
        PoEntry entry = existing.entries[i];
        if (!entry.obsolete && !continued[i]) {
            ++report.obsoleted;
            report.changes.append({UnitChange::Kind::Deleted, {}, entry.context, {}, entry.msgid,
                                   entry.references.isEmpty() ? 0 : entry.references.first().line, 0});
        }
        if (entry.msgstr.isEmpty() && entry.translatorComments.isEmpty())
            continue; // nothing worth keeping, as msgmerge drops untranslated leftovers
        entry.obsolete = true;
        entry.references.clear();
        merged.entries.append(entry);
    }

    // The marks say what the last update that changed anything did; an update that
    // changed nothing leaves them for the translator who has not looked yet.
    if (report.changed()) {
        for (qsizetype i = 0; i < merged.entries.size(); ++i) {
            PoEntry &entry = merged.entries[i];
            setRecordLines(entry, recordKeyword::kChanged, {});
            if (i < changeOf.size() && changeOf[i])
                markChange(entry, *changeOf[i]);
        }
    }
    return merged;
}

} // namespace wb
