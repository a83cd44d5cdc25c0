#include "project/localize_workflow.h"
#include "markdown/markdown_source.h"
#include "model/localizer.h"
#include "model/placeholder_text.h"
#include "po/catalog_lock.h"
#include "project/front_matter.h"
#include "project/project_context.h"
#include "review/review_record.h"
#include "review/review_report.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace wb {

std::optional<IncludeLevel> includeLevelFromName(const QString &name)
{
    if (name == QLatin1String("approved")) return IncludeLevel::Approved;
    if (name == QLatin1String("translated")) return IncludeLevel::Translated;
    if (name == QLatin1String("all")) return IncludeLevel::All;
    return std::nullopt;
}

std::optional<FallbackPolicy> fallbackPolicyFromName(const QString &name)
{
    if (name == QLatin1String("source")) return FallbackPolicy::Source;
    if (name == QLatin1String("error")) return FallbackPolicy::Error;
    return std::nullopt;
}

namespace {

bool usable(const PoEntry &entry, IncludeLevel include)
{
    if (entry.msgstr.isEmpty())
        return false;
    const UnitState state = stateOf(entry);
    switch (include) {
    case IncludeLevel::Approved: return state == UnitState::Approved;
    case IncludeLevel::Translated: return state == UnitState::Approved || state == UnitState::Translated;
    case IncludeLevel::All: return true;
    }
    return false;
}

} // namespace

ExportOutcome exportDocument(const SegmentedDocument &doc, const PoCatalog &catalog, IncludeLevel include,
                             FallbackPolicy fallback, const PublishingContext &publishing)
{
    QHash<QString, const PoEntry *> byId, byText;
    for (const PoEntry &entry : catalog.entries) {
        if (entry.obsolete)
            continue;
        byId.insert(entry.context, &entry);
        if (!byText.contains(entry.msgid))
            byText.insert(entry.msgid, &entry);
    }
    ExportOutcome outcome;
    auto entryFor = [&](const SourceUnit &unit) {
        const PoEntry *entry = byId.value(unit.id);
        return entry && entry->msgid == unit.text ? entry : byText.value(unit.text);
    };
    UnitState leastPublished = UnitState::Approved;
    const TranslationLookup lookup = [&](const SourceUnit &unit) -> std::optional<QString> {
        const PoEntry *entry = entryFor(unit);
        if (entry && usable(*entry, include)) {
            ++outcome.translatedUnits;
            const UnitState state = stateOf(*entry);
            if (state != UnitState::Approved && leastPublished != UnitState::Draft)
                leastPublished = state == UnitState::Translated ? UnitState::Translated : UnitState::Draft;
            return entry->msgstr;
        }
        ++outcome.sourceUnits;
        if (fallback == FallbackPolicy::Error) {
            const QString state = entry ? stateName(stateOf(*entry)) : QStringLiteral("not in the catalog");
            const QString needed = include == IncludeLevel::Approved ? QStringLiteral("not approved") : QStringLiteral("no usable translation");
            outcome.problems.append(Diagnostic{ErrorKind::CheckFailed, doc.source->path(), unit.line, 0,
                                               QStringLiteral("unit %1 (%2): %3: %4").arg(unit.id, state, needed, unit.text)});
        }
        return std::nullopt;
    };
    // A translation the export could not use (empty, placeholders that do not match, or one
    // that would change the page) left the source text: it counts as such, in the summary
    // and in the front matter.
    QList<RefusedTranslation> refused;
    outcome.bytes = localizeDocument(doc, lookup, outcome.problems, &refused);
    outcome.translatedUnits -= int(refused.size());
    outcome.sourceUnits += int(refused.size());
    if (!publishing.frontMatter)
        return outcome;

    PublishingFacts facts;
    facts.language = publishing.language;
    facts.source = publishing.sourcePath;
    facts.sourceSha1 = QString::fromLatin1(QCryptographicHash::hash(doc.source->bytes(), QCryptographicHash::Sha1).toHex());
    facts.units = int(doc.units.size());
    facts.sourceLanguageUnits = outcome.sourceUnits;
    facts.include = include == IncludeLevel::Approved ? QStringLiteral("approved")
                    : include == IncludeLevel::Translated ? QStringLiteral("translated") : QStringLiteral("all");
    facts.status = outcome.sourceUnits > 0 ? QStringLiteral("partial") : stateName(leastPublished);
    // The title readers see: the top heading as published (translated or not).
    const SourceUnit *heading = nullptr;
    for (const SourceUnit &unit : doc.units)
        if (unit.kind.startsWith(QLatin1String("heading")) && (!heading || unit.kind < heading->kind))
            heading = &unit;
    if (heading) {
        const PoEntry *entry = entryFor(*heading);
        facts.title = plainTextOf(entry && usable(*entry, include) ? entry->msgstr : heading->text);
    }
    const ReviewReport review = buildReviewReport({{publishing.sourcePath, catalog}}, doc.language, publishing.language,
                                                  publishing.reviewThreshold);
    if (!review.errors.isEmpty()) {
        facts.reviewScore = review.scorePer1000Words();
        facts.reviewPassed = review.passed();
    }
    outcome.bytes = withFrontMatter(outcome.bytes, facts);
    return outcome;
}

namespace {

// A draft the update made from an old translation (a reworded, split or joined unit) is a
// change to the translations like any other: its history says so, under the user's name.
bool recordDraftsMade(PoCatalog &merged, const MergeReport &report, const QString &user, const QDateTime &now)
{
    bool any = false;
    for (const UnitChange &change : report.changes) {
        if (change.kind != UnitChange::Kind::Edited && change.kind != UnitChange::Kind::Split
            && change.kind != UnitChange::Kind::Joined)
            continue;
        const qsizetype index = merged.indexOfContext(change.id);
        if (index < 0 || merged.entries[index].msgstr.isEmpty())
            continue;
        recordHistory(merged.entries[index], QStringLiteral("updated"), user, now,
                      QJsonObject{{QStringLiteral("change"), changeKindName(change.kind)}});
        any = true;
    }
    return any;
}

} // namespace

Result<UpdateOutcome> updateDocumentCatalog(const ProjectContext &context, const QString &document,
                                            SentenceSegmenter &segmenter, const QDateTime &now)
{
    auto doc = segmentFile(document, segmenter);
    if (!doc)
        return doc.error();
    return updateDocumentCatalog(context, *doc, now);
}

Result<UpdateOutcome> updateDocumentCatalog(const ProjectContext &context, const SegmentedDocument &segmented, const QDateTime &now)
{
    const Project &project = context.project();
    const QString language = context.targetLanguage();
    const QString document = segmented.source->path();
    const SegmentedDocument *doc = &segmented;
    UpdateOutcome outcome;
    outcome.catalogPath = project.catalogPath(document, language);
    outcome.units = int(doc->units.size());
    const PoCatalog templ = templateCatalog(*doc, project.relativePath(document), now);

    // Held from reading the catalog to writing it: an editor or a reviewer saving meanwhile
    // waits, and their work is in what this update reads.
    if (!QDir().mkpath(QFileInfo(outcome.catalogPath).absolutePath()))
        return Diagnostic{ErrorKind::OutputFailed, outcome.catalogPath, 0, 0, QStringLiteral("cannot create the folder")};
    auto lock = CatalogLock::acquire(outcome.catalogPath);
    if (!lock)
        return lock.error();
    PoCatalog existing;
    outcome.created = !QFileInfo::exists(outcome.catalogPath);
    if (!outcome.created) {
        auto read = PoCatalog::read(outcome.catalogPath);
        if (!read)
            return read.error();
        existing = *read;
    }
    PoCatalog merged = mergeCatalog(existing, templ, outcome.report);
    const QString user = context.user();
    const bool draftsMade = recordDraftsMade(merged, outcome.report, user, now);
    const bool referencesMoved = [&] {
        if (merged.entries.size() != existing.entries.size())
            return true;
        for (qsizetype i = 0; i < merged.entries.size(); ++i)
            if (merged.entries[i].references != existing.entries[i].references
                || merged.entries[i].extractedComments != existing.entries[i].extractedComments
                || merged.entries[i].context != existing.entries[i].context)
                return true;
        return false;
    }();
    auto header = catalogHeader(existing.header, QFileInfo(document).completeBaseName(), language,
                                user, now);
    if (!header)
        return header.error();
    merged.header = *header;
    if (draftsMade)
        merged.stampRevision(user, now);
    // Rewrite only when something changed, so an idle update leaves git clean.
    if (!outcome.created && !outcome.report.changed() && !referencesMoved && merged.header == existing.header) {
        outcome.catalog = existing;
        return outcome;
    }
    if (outcome.report.changed() || outcome.created) {
        merged.setHeaderField(QStringLiteral("POT-Creation-Date"), poTimestamp(now));
    }
    if (Status written = merged.write(outcome.catalogPath); !written)
        return written.error();
    outcome.written = true;
    // Read back what was written: entry lines and exactly what is on disk.
    auto written = PoCatalog::read(outcome.catalogPath);
    if (!written)
        return written.error();
    outcome.catalog = *written;
    return outcome;
}

} // namespace wb
