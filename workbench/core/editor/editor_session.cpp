#include "editor/editor_session.h"
#include "common/text_file.h"
#include "markdown/markdown_source.h"
#include "po/catalog_lock.h"
#include <algorithm>
#include "po/po_merge.h"
#include "project/added_terms.h"
#include "spell/project_words.h"
#include "spell/spell_checker.h"
#include "spell/hunspell_dictionary.h"
#include "project/localize_workflow.h"
#include "qa/check_suite.h"
#include "review/review_record.h"
#include "tm/project_memory.h"
#include "tm/tm_store.h"
#include "text/search_key.h"
#include "model/placeholder_text.h"
#include "segment/sentence_segmenter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

namespace wb {

EditorSession::~EditorSession() = default;

Result<std::unique_ptr<EditorSession>> EditorSession::open(const QString &projectRoot, const QString &language,
                                                          const QString &document)
{
    auto context = ProjectContext::open(projectRoot, {}, language);
    if (!context)
        return context.error();
    const Project *project = &context->project();
    const QStringList documents = project->documents();
    if (documents.isEmpty())
        return Diagnostic{ErrorKind::MissingInput, project->sourceFolder(), 0, 0, QStringLiteral("no Markdown documents to translate")};
    QString documentPath = documents.first();
    if (!document.isEmpty()) {
        const auto it = std::find_if(documents.cbegin(), documents.cend(),
                                     [&](const QString &d) { return QFileInfo(d).fileName() == document || d == document; });
        if (it == documents.cend())
            return Diagnostic{ErrorKind::MissingInput, document, 0, 0, QStringLiteral("no such document in the project")};
        documentPath = *it;
    }
    auto segmenter = loadSegmenter(project->rulesPath(), project->sourceLanguage());
    if (!segmenter)
        return segmenter.error();
    auto doc = segmentFile(documentPath, **segmenter);
    if (!doc)
        return doc.error();
    // Bring the catalog in step with the source first, so units and entries match by id.
    auto updated = updateDocumentCatalog(*context, *doc, QDateTime::currentDateTimeUtc());
    if (!updated)
        return updated.error();
    const PoCatalog *catalog = &updated->catalog;

    std::unique_ptr<EditorSession> session(new EditorSession);
    session->m_context = *context;
    session->m_language = language;
    session->m_user = context->user();
    session->m_documentPath = documentPath;
    session->m_catalogPath = updated->catalogPath;
    session->m_document = *doc;
    session->m_catalog = *catalog;
    session->m_base = *catalog;
    session->m_baseFingerprint = session->diskFingerprint();
    for (const SourceUnit &u : session->m_document.units) {
        session->m_indexById.insert(u.id, int(session->m_units.size()));
        session->m_units.append(EditorUnit{u.id, u.text, u.kind, u.line});
    }
    for (qsizetype i = 0; i < session->m_catalog.entries.size(); ++i)
        if (!session->m_catalog.entries[i].obsolete)
            session->m_entryById.insert(session->m_catalog.entries[i].context, i);
    session->loadRecordedConflicts();

    // Unconfirmed edits of an earlier session that did not end well.
    if (auto journal = readFileBytes(session->journalPath()); journal) {
        const QJsonObject edits = QJsonDocument::fromJson(*journal).object().value(QLatin1String("edits")).toObject();
        for (auto it = edits.begin(); it != edits.end(); ++it)
            if (session->m_indexById.contains(it.key()) && it.value().toString() != session->confirmedTarget(session->m_indexById.value(it.key())))
                session->m_recoverable.insert(it.key(), it.value().toString());
    }
    return session;
}

QString EditorSession::journalPath() const
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/pdq-workbench/journals");
    const QByteArray key = QCryptographicHash::hash(QFileInfo(m_catalogPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return folder + QLatin1Char('/') + QFileInfo(m_catalogPath).completeBaseName() + QLatin1Char('-') + QString::fromLatin1(key) + QStringLiteral(".json");
}

const PoEntry *EditorSession::entry(int index) const
{
    const qsizetype at = m_entryById.value(m_units[index].id, -1);
    return at < 0 ? nullptr : &m_catalog.entries[at];
}

PoEntry *EditorSession::mutableEntry(int index)
{
    const qsizetype at = m_entryById.value(m_units[index].id, -1);
    return at < 0 ? nullptr : &m_catalog.entries[at];
}

QString EditorSession::confirmedTarget(int index) const
{
    const PoEntry *e = entry(index);
    return e ? e->msgstr : QString();
}

QString EditorSession::target(int index) const
{
    const auto it = m_pending.constFind(m_units[index].id);
    return it != m_pending.cend() ? *it : confirmedTarget(index);
}

UnitState EditorSession::state(int index) const
{
    const PoEntry *e = entry(index);
    return e ? stateOf(*e) : UnitState::Untranslated;
}

bool EditorSession::needsWork(int index) const
{
    const UnitState s = state(index);
    return isEdited(index) || m_conflicts.contains(m_units[index].id) || s == UnitState::Untranslated || s == UnitState::Draft
        || s == UnitState::Rejected;
}

QList<int> EditorSession::editedUnits() const
{
    QList<int> units;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (const int index = indexOf(it.key()); index >= 0)
            units.append(index);
    std::sort(units.begin(), units.end());
    return units;
}

int EditorSession::nextNeedingWork(int from) const
{
    for (int step = 1; step <= unitCount(); ++step) {
        const int i = (from + step) % unitCount();
        if (needsWork(i))
            return i;
    }
    return -1;
}

void EditorSession::editTarget(int index, const QString &text)
{
    const QString &id = m_units[index].id;
    if (text == confirmedTarget(index))
        m_pending.remove(id);
    else
        m_pending.insert(id, text);
    writeJournal();
}

void EditorSession::writeJournal()
{
    QJsonObject edits;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        edits.insert(it.key(), it.value());
    const QString path = journalPath();
    if (edits.isEmpty()) {
        QFile::remove(path);
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QJsonObject journal{{QStringLiteral("catalog"), QFileInfo(m_catalogPath).absoluteFilePath()},
                              {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                              {QStringLiteral("edits"), edits}};
    if (Status written = writeFileAtomically(path, QJsonDocument(journal).toJson(QJsonDocument::Compact)); !written) {
        Diagnostic problem = written.error();
        problem.message = QStringLiteral("unconfirmed edits are not journaled (%1); confirm them to keep them").arg(problem.message);
        reportProblem(problem);
    }
}

void EditorSession::reportProblem(const Diagnostic &problem)
{
    const QString text = problem.toString();
    if (std::none_of(m_problems.cbegin(), m_problems.cend(), [&](const Diagnostic &d) { return d.toString() == text; }))
        m_problems.append(problem);
}

namespace {
QByteArray fingerprintOf(const QByteArray &catalogBytes)
{
    return QCryptographicHash::hash(catalogBytes, QCryptographicHash::Sha1);
}
} // namespace

QByteArray EditorSession::diskFingerprint() const
{
    auto bytes = readFileBytes(m_catalogPath);
    return bytes ? fingerprintOf(*bytes) : QByteArray();
}

bool EditorSession::diskChanged() const
{
    return diskFingerprint() != m_baseFingerprint;
}

Result<EditorSession::MergeOutcome> EditorSession::mergeFromDisk()
{
    MergeOutcome outcome;
    auto disk = PoCatalog::read(m_catalogPath);
    if (!disk)
        return disk.error();
    forgetRecordedConflicts(); // the disk's records say which ones still stand
    QHash<QString, const PoEntry *> baseById;
    for (const PoEntry &e : m_base.entries)
        baseById.insert(e.context, &e);
    for (const PoEntry &theirs : disk->entries) {
        if (theirs.obsolete)
            continue;
        const int index = m_indexById.value(theirs.context, -1);
        const PoEntry *base = baseById.value(theirs.context);
        const bool changedOnDisk = !base || base->msgstr != theirs.msgstr || base->fuzzy != theirs.fuzzy
                                   || base->translatorComments != theirs.translatorComments;
        if (!changedOnDisk || index < 0)
            continue;
        PoEntry *mine = mutableEntry(index);
        if (!mine)
            continue;
        if (m_pending.contains(theirs.context) && m_pending.value(theirs.context) != theirs.msgstr) {
            m_conflicts.insert(theirs.context, theirs.msgstr);
            outcome.conflicts.append(index);
        }
        *mine = theirs; // the confirmed version is now the disk's; an unconfirmed edit stays on top
        m_findingsCache.remove(theirs.context);
        ++outcome.takenFromDisk;
    }
    m_base = *disk;
    m_baseFingerprint = diskFingerprint();
    loadRecordedConflicts();
    return outcome;
}

void EditorSession::loadRecordedConflicts()
{
    for (int index = 0; index < unitCount(); ++index) {
        const PoEntry *e = entry(index);
        const QList<RecordedConflict> records = e ? recordedConflicts(*e) : QList<RecordedConflict>();
        if (records.isEmpty())
            continue;
        // The newest record is the one to decide; confirming or resolving clears them all.
        m_conflicts.insert(m_units[index].id, records.last().theirs);
        m_recordedConflicts.insert(m_units[index].id);
    }
}

void EditorSession::forgetRecordedConflicts()
{
    for (const QString &id : std::as_const(m_recordedConflicts))
        m_conflicts.remove(id);
    m_recordedConflicts.clear();
}

std::optional<QString> EditorSession::conflictingTarget(int index) const
{
    const auto it = m_conflicts.constFind(m_units[index].id);
    return it == m_conflicts.cend() ? std::nullopt : std::optional<QString>(*it);
}

Status EditorSession::resolveConflict(int index, bool keepMine)
{
    const QString &id = m_units[index].id;
    if (m_recordedConflicts.contains(id))
        return resolveRecordedConflict(index, keepMine);
    m_conflicts.remove(id);
    if (!keepMine) {
        m_pending.remove(id);
        writeJournal();
    }
    return {};
}

// A recorded conflict lives in the catalog, so its resolution must too: otherwise every
// clone would keep showing it. The unit stays a draft: the choice is confirmed as usual.
Status EditorSession::resolveRecordedConflict(int index, bool keepMine)
{
    const QString id = m_units[index].id;
    const Status done = writeChange(index, [&](PoEntry &e) {
        const QList<RecordedConflict> records = recordedConflicts(e);
        if (records.isEmpty()) // someone resolved it meanwhile, and the merge before this took that
            return Status{};
        if (!keepMine) {
            e.msgstr = records.last().theirs;
            if (!records.last().theirsPlural.isEmpty())
                e.msgstrPlural = records.last().theirsPlural;
        }
        clearRecordedConflicts(e);
        // The choice is on record, as one made on the command line is (the unit stays a draft).
        recordHistory(e, QStringLiteral("resolved"), m_user, QDateTime::currentDateTimeUtc(),
                      QJsonObject{{QStringLiteral("kept"), keepMine ? QStringLiteral("ours") : QStringLiteral("theirs")}});
        return Status{};
    });
    if (!done)
        return done;
    m_conflicts.remove(id);
    m_recordedConflicts.remove(id);
    m_findingsCache.remove(id);
    if (!keepMine) {
        m_pending.remove(id);
        writeJournal();
    }
    return {};
}

Result<PoEntry *> EditorSession::entryToWrite(int index)
{
    // Never overwrite what someone else saved meanwhile: merge it in first.
    if (diskChanged())
        if (auto merged = mergeFromDisk(); !merged)
            return merged.error();
    PoEntry *e = mutableEntry(index);
    if (!e)
        return Diagnostic{ErrorKind::InvalidInput, m_catalogPath, 0, 0, QStringLiteral("unit %1 is not in the catalog").arg(m_units[index].id)};
    return e;
}

Status EditorSession::writeChange(int index, const std::function<Status(PoEntry &)> &change, const std::function<void()> &undo)
{
    // Held from reading the disk to writing it: nobody saves in between.
    auto lock = CatalogLock::acquire(m_catalogPath);
    if (!lock)
        return lock.error();
    auto writable = entryToWrite(index);
    if (!writable)
        return writable.error();
    PoEntry *e = *writable;
    const PoEntry before = *e;
    Status done = change(*e);
    // Nothing changed (a conflict someone resolved meanwhile): nothing to write, no new
    // revision stamp for sync to commit.
    const bool unchanged = e->msgstr == before.msgstr && e->msgstrPlural == before.msgstrPlural && e->fuzzy == before.fuzzy
                           && e->translatorComments == before.translatorComments && e->previousMsgid == before.previousMsgid;
    if (done && !(unchanged && !undo))
        done = writeCatalog();
    if (!done) { // nothing happened: the entry (and what `undo` knows) as it was, the edit still pending
        *e = before;
        if (undo)
            undo();
    }
    return done;
}

Status EditorSession::confirm(int index)
{
    const QString id = m_units[index].id;
    m_filledRepetitions.clear();
    QList<QPair<int, PoEntry>> repetitions;
    const Status done = writeChange(
        index,
        [&](PoEntry &e) {
            // Read after the merge: a unit without an edit confirms what is on disk now, never
            // an older text over a colleague's newer one.
            const QString text = m_pending.value(id, e.msgstr);
            e.msgstr = text;
            e.previousMsgid.clear();
            clearRecordedConflicts(e); // confirming a target is the choice a conflict waited for
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (Status recorded = recordTranslation(e, m_user, now); !recorded)
                return recorded;
            if (m_fillRepetitions)
                repetitions = fillRepetitions(index, text, now);
            return Status{};
        },
        [&] {
            for (const auto &[unit, original] : repetitions)
                *mutableEntry(unit) = original;
        });
    if (!done)
        return done;
    for (const auto &repetition : repetitions)
        m_filledRepetitions.append(repetition.first);
    m_pending.remove(id);
    m_conflicts.remove(id);
    m_recordedConflicts.remove(id);
    writeJournal();
    rememberConfirmed(index);
    return {};
}

QList<QPair<int, PoEntry>> EditorSession::fillRepetitions(int index, const QString &text, const QDateTime &at)
{
    QList<QPair<int, PoEntry>> filled;
    if (text.trimmed().isEmpty())
        return filled;
    const QString &source = m_units[index].source;
    for (int other = 0; other < unitCount(); ++other) {
        if (other == index || m_units[other].source != source || isEdited(other) || m_conflicts.contains(m_units[other].id))
            continue;
        PoEntry *e = mutableEntry(other);
        if (!e || !e->msgstr.isEmpty() || stateOf(*e) != UnitState::Untranslated)
            continue;
        filled.append({other, *e});
        e->msgstr = text;
        setReviewState(*e, UnitState::Draft, m_user, at);
        recordHistory(*e, QStringLiteral("pretranslated"), m_user, at,
                      QJsonObject{{QStringLiteral("origin"), QStringLiteral("repetition")}, {QStringLiteral("of"), m_units[index].id}});
    }
    return filled;
}

Status EditorSession::backToDraft(int index)
{
    const QString id = m_units[index].id;
    if (m_conflicts.contains(id)) // the other version waits for Keep mine / Take theirs first
        return Diagnostic{ErrorKind::CheckFailed, m_catalogPath, 0, 0,
                          QStringLiteral("unit %1 is in conflict with the version on disk; keep one version first").arg(id)};
    const Status done = writeChange(index, [&](PoEntry &e) {
        if (Status open = refuseIfConflicted(e, QStringLiteral("made a draft")); !open)
            return open;
        const QString text = m_pending.value(id, e.msgstr); // after the merge, as confirm() reads it
        if (plainTextOf(text).trimmed().isEmpty())
            return Status{Diagnostic{ErrorKind::CheckFailed, m_catalogPath, e.line, 0,
                                     QStringLiteral("unit %1 has no translation to keep as a draft").arg(id)}};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        e.msgstr = text;
        setReviewState(e, UnitState::Draft, m_user, now); // an approval or rejection no longer applies
        recordHistory(e, QStringLiteral("back-to-draft"), m_user, now);
        return Status{};
    });
    if (!done)
        return done;
    m_pending.remove(id);
    writeJournal();
    return {};
}

Status EditorSession::review(int index, const std::function<Status(PoEntry &)> &action)
{
    const QString id = m_units[index].id;
    const Status done = writeChange(index, [&](PoEntry &e) {
        Status acted;
        if (m_pending.contains(id)) // the reviewer corrected the target before acting
            acted = reviewerEdit(e, m_pending.value(id), m_user, QDateTime::currentDateTimeUtc());
        return acted ? action(e) : acted;
    });
    if (!done)
        return done;
    m_pending.remove(id);
    if (const PoEntry *e = entry(index); e && recordedConflicts(*e).isEmpty()) {
        m_conflicts.remove(id);
        m_recordedConflicts.remove(id);
    }
    m_findingsCache.remove(id);
    writeJournal();
    return {};
}

Status EditorSession::approve(int index)
{
    return review(index, [this](PoEntry &e) {
        if (Status open = refuseIfConflicted(e, QStringLiteral("approved")); !open)
            return open;
        return approveUnit(e, m_user, QDateTime::currentDateTimeUtc());
    });
}

Status EditorSession::reject(int index, const QString &reason)
{
    return review(index, [this, reason](PoEntry &e) { return rejectUnit(e, m_user, QDateTime::currentDateTimeUtc(), reason); });
}

Status EditorSession::comment(int index, const QString &text)
{
    return review(index, [this, text](PoEntry &e) { return commentUnit(e, m_user, QDateTime::currentDateTimeUtc(), text); });
}

Status EditorSession::annotate(int index, const ReviewError &error)
{
    return review(index, [=, this](PoEntry &e) {
        ReviewError recorded = error;
        recorded.by = m_user;
        recorded.at = QDateTime::currentDateTimeUtc();
        return annotateError(e, recorded);
    });
}

bool EditorSession::changedSinceMyReview(int index) const
{
    const PoEntry *e = entry(index);
    return e && !e->msgstr.isEmpty() && changedSinceLastReview(*e, m_user);
}

void EditorSession::rememberConfirmed(int index)
{
    const QString text = confirmedTarget(index);
    if (text.isEmpty())
        return;
    TmUnit unit;
    unit.source = m_units[index].source;
    unit.target = text;
    unit.sourceLanguage = m_context.sourceLanguage();
    unit.targetLanguage = m_language;
    unit.previousSource = index > 0 ? m_units[index - 1].source : QString();
    unit.nextSource = index + 1 < unitCount() ? m_units[index + 1].source : QString();
    unit.author = m_user;
    unit.changed = QDateTime::currentDateTimeUtc();
    unit.origin = QFileInfo(m_documentPath).fileName();
    if (m_memory)
        m_memory->add(unit);
    // The user's memory on disk, so the translation serves every later project too.
    if (!m_userMemory)
        if (auto store = TmStore::open(TmStore::defaultPath()))
            m_userMemory = std::move(*store);
    if (m_userMemory)
        if (auto added = m_userMemory->add({unit}); !added) {
            Diagnostic problem = added.error();
            problem.message = QStringLiteral("the translation is saved in the catalog but not in your memory: %1").arg(problem.message);
            reportProblem(problem);
        }
}

QList<EditorSession::ConcordanceHit> EditorSession::concordance(const QString &query, int max)
{
    QList<ConcordanceHit> hits;
    const QStringList words = searchWords(query);
    if (words.isEmpty())
        return hits;
    for (int i = 0; i < unitCount() && hits.size() < max; ++i) {
        if (holdsAllWords(plainTextOf(m_units[i].source), words) || holdsAllWords(plainTextOf(target(i)), words))
            hits.append({i, m_units[i].source, target(i), QFileInfo(m_documentPath).fileName()});
    }
    if (!m_userMemory)
        if (auto store = TmStore::open(TmStore::defaultPath()))
            m_userMemory = std::move(*store);
    // FTS5 also matches words inside placeholders ("{2}" for "2") and other languages: ask for
    // more, keep what holds the words as a reader sees them, in this language pair.
    if (m_userMemory && hits.size() < max)
        if (auto found = m_userMemory->concordance(query, 4 * max))
            for (const TmUnit &u : *found)
                if (hits.size() < max && sameLanguage(u.targetLanguage, m_language)
                    && (holdsAllWords(plainTextOf(u.source), words) || holdsAllWords(plainTextOf(u.target), words)))
                    hits.append({-1, u.source, u.target, u.origin});
    return hits;
}

MemorySources EditorSession::memorySources() const
{
    return m_context.memorySources(TmStore::defaultPath(), true, true);
}

Result<std::unique_ptr<TmIndex>> EditorSession::buildMemory(const MemorySources &sources, const QString &sourceLanguage,
                                                             const QString &language)
{
    return loadMemory(sourceLanguage, language, sources);
}

QList<TmMatch> EditorSession::memoryMatches(int index, int max)
{
    if (!m_memory)
        return {};
    const QString previous = index > 0 ? m_units[index - 1].source : QString();
    const QString next = index + 1 < unitCount() ? m_units[index + 1].source : QString();
    QList<TmMatch> matches = m_memory->lookup(m_units[index].source, 50, max + 1, previous, next);
    // The unit's own confirmed translation is not a suggestion for itself.
    const QString own = confirmedTarget(index);
    matches.erase(std::remove_if(matches.begin(), matches.end(), [&](const TmMatch &m) {
                      return m.source == m_units[index].source && m.target == own;
                  }), matches.end());
    return matches.mid(0, max);
}

Status EditorSession::writeCatalog()
{
    m_catalog.stampRevision(m_user, QDateTime::currentDateTimeUtc());
    // The bytes written are the bytes fingerprinted: no reading them back.
    QByteArray bytes;
    if (Status written = m_catalog.write(m_catalogPath, &bytes); !written)
        return written;
    m_base = m_catalog;
    m_baseFingerprint = fingerprintOf(bytes);
    return {};
}

void EditorSession::restoreRecoverableEdits()
{
    for (auto it = m_recoverable.cbegin(); it != m_recoverable.cend(); ++it)
        m_pending.insert(it.key(), it.value());
    m_recoverable.clear();
    writeJournal();
}

void EditorSession::discardRecoverableEdits()
{
    m_recoverable.clear();
    writeJournal();
}

CatalogStats EditorSession::stats() const
{
    return catalogStats(m_catalog, m_context.sourceLanguage());
}

ExportOutcome EditorSession::exportLocalized(IncludeLevel include) const
{
    PublishingContext publishing;
    publishing.language = m_language;
    publishing.sourcePath = QDir(m_context.root()).relativeFilePath(m_documentPath);
    publishing.reviewThreshold = m_context.settings().reviewThreshold;
    return exportDocument(m_document, m_catalog, include, FallbackPolicy::Source, publishing);
}

QByteArray EditorSession::localizedMarkdown(int markedUnit) const
{
    PoCatalog current = m_catalog;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const qsizetype at = m_entryById.value(it.key(), -1);
        if (at >= 0) {
            current.entries[at].msgstr = it.value();
            current.entries[at].fuzzy = false;
        }
    }
    if (markedUnit >= 0 && markedUnit < unitCount()) {
        if (const qsizetype at = m_entryById.value(m_units[markedUnit].id, -1); at >= 0) {
            PoEntry &e = current.entries[at];
            // A translation the export would not use (empty, placeholders wrong) shows the
            // English the page would have: that is what gets marked.
            const bool usable = !plainTextOf(e.msgstr).trimmed().isEmpty() && placeholderMismatch(e.msgid, e.msgstr).isEmpty();
            QString text = usable ? e.msgstr : e.msgid;
            // Inside the markup that opens and closes the unit ("{1}¿Qué es?{/1}" -> "**\uE000¿Qué
            // es?\uE001**"): outside it the marks would stop "**" from being emphasis.
            static const QRegularExpression opening(QStringLiteral("^(\\{\\d+\\})+")), closing(QStringLiteral("(\\{/\\d+\\})+$"));
            const qsizetype start = opening.match(text).capturedLength();
            const auto close = closing.match(text);
            const qsizetype end = close.hasMatch() && close.capturedStart() >= start ? close.capturedStart() : text.size();
            text.insert(end, QChar(kPreviewMarkEnd));
            text.insert(start, QChar(kPreviewMarkStart));
            e.msgstr = text;
            e.fuzzy = false;
        }
    }
    return exportDocument(m_document, current, IncludeLevel::All, FallbackPolicy::Source, PublishingContext{{}, {}, 10.0, false}).bytes;
}

CheckSuite *EditorSession::checks()
{
    if (!m_checksTried) {
        m_checksTried = true;
        auto loaded = m_context.loadCheckSuite();
        if (loaded) {
            m_checks = *loaded;
            m_checks->addForConsistency(m_catalog);
        } else {
            Diagnostic problem = loaded.error();
            problem.message = QStringLiteral("the QA checks are off: %1").arg(problem.message);
            reportProblem(problem);
        }
    }
    return m_checks.get();
}

Diagnostics EditorSession::problems()
{
    checks();
    return m_problems;
}

Status EditorSession::addToProjectDictionary(const QString &word)
{
    auto added = addProjectWords(m_context.projectWordsPath(m_language), {word}, m_user, QDateTime::currentDateTimeUtc());
    if (!added)
        return added.error();
    if (checks())
        m_checks->spelling().dictionary().addWord(word);
    m_findingsCache.clear(); // the word may be underlined in other units too
    return {};
}

Findings EditorSession::findings(int index)
{
    return findingsFor(index, target(index));
}

Findings EditorSession::findingsFor(int index, const QString &text)
{
    const QString &id = m_units[index].id;
    const auto cached = m_findingsCache.constFind(id);
    if (cached != m_findingsCache.cend() && cached->first == text)
        return cached->second;
    const Findings result = checkTarget(index, text);
    m_findingsCache.insert(id, {text, result});
    return result;
}

Result<Concept> EditorSession::addTerm(const QString &source, const QString &target)
{
    AddedTerm term{m_context.sourceLanguage(), source, m_language, target, m_user, QDateTime::currentDateTimeUtc()};
    // A source term the glossary already has: the new rendering joins its concept.
    if (checks()) {
        const QString wanted = source.simplified();
        for (const Concept &c : m_checks->termbase()->concepts)
            for (const Term &t : c.termsIn(m_context.sourceLanguage()))
                if (term.conceptId.isEmpty() && t.text.compare(wanted, t.isAcronym() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0)
                    term.conceptId = c.id;
    }
    auto added = addTermToProject(m_context, term);
    if (!added)
        return added.error();
    if (checks()) {
        m_checks->addConcept(*added);
        m_findingsCache.clear(); // terminology findings may change anywhere
    }
    return added;
}

Findings EditorSession::checkTarget(int index, const QString &text)
{
    if (text.isEmpty() || !checks())
        return {};
    PoEntry probe = entry(index) ? *entry(index) : PoEntry{};
    probe.msgstr = text;
    return m_checks->checkUnit(probe);
}

} // namespace wb
