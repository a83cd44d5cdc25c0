#pragma once
#include "common/result.h"
#include "glossary/termbase.h"
#include "model/segmented_document.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "project/project_context.h"
#include "project/localize_workflow.h"
#include "qa/finding.h"
#include "review/review_record.h"
#include "stats/catalog_stats.h"
#include "tm/tm_index.h"
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <functional>
#include <memory>

namespace wb {

class TmStore;

class CheckSuite;
class SentenceSegmenter;

/// One unit as the editor shows it.
struct EditorUnit {
    QString id;
    QString source;
    QString kind;
    int line = 0;
};

/// A translator's session on one document of a project and one target language: the
/// units, their targets and states, and everything that keeps work safe. No widgets:
/// the editor is a view of this, and tests drive it directly.
///
/// Safety rules:
///  - confirm() writes the catalog atomically before it returns;
///  - edits not yet confirmed go to a journal (in the user's data folder) at once, and
///    are offered back when the document is opened after a crash;
///  - before writing, and whenever asked, the catalog on disk is merged by unit: units
///    without an unconfirmed edit take the disk version, units with one become conflicts;
///  - every write holds the catalog's lock (po/catalog_lock.h) from that merge to the
///    write, so another process saving meanwhile (`workbench review`) is never overwritten;
///  - conflicts a git merge recorded in the catalog ("# wb:conflict", docs/teamwork.md) are
///    shown like the session's own: the unit's msgstr is "mine", the other side's "theirs".
class EditorSession {
public:
    static Result<std::unique_ptr<EditorSession>> open(const QString &projectRoot, const QString &language,
                                                      const QString &document = {});
    ~EditorSession();

    int unitCount() const { return int(m_units.size()); }
    const EditorUnit &unit(int index) const { return m_units[index]; }
    int indexOf(const QString &unitId) const { return m_indexById.value(unitId, -1); }
    QString target(int index) const;            ///< the unconfirmed edit if any, else the catalog's
    QString confirmedTarget(int index) const;
    UnitState state(int index) const;
    bool isEdited(int index) const { return m_pending.contains(m_units[index].id); }
    /// Units with an unconfirmed edit, in document order.
    QList<int> editedUnits() const;
    bool needsWork(int index) const;            ///< untranslated, draft, rejected, edited or in conflict
    int nextNeedingWork(int from) const;        ///< wraps around; -1 when nothing needs work

    /// An unconfirmed edit: kept in memory and in the journal.
    void editTarget(int index, const QString &text);
    /// Confirms a unit: its target is saved as translated (a previous approval no longer
    /// applies) and the catalog is written before this returns. With repetitions on (the
    /// default), untranslated units with the identical source get the same text as drafts in
    /// the same write (history "pretranslated", origin "repetition"), as memoQ and OmegaT do.
    Status confirm(int index);
    void setFillRepetitions(bool on) { m_fillRepetitions = on; }
    bool fillsRepetitions() const { return m_fillRepetitions; }
    /// The units the last confirm() filled as repetitions.
    QList<int> filledRepetitions() const { return m_filledRepetitions; }

    /// Ctrl+U: the unit's text (the edit, if any) is saved as a draft, out of translated or
    /// approved, with a "back-to-draft" history line. Refused for a unit without text.
    Status backToDraft(int index);

    /// Reviewer actions, recorded with who and when and written at once. Approving a
    /// unit the reviewer edited keeps the translator's version as the previous target.
    Status approve(int index);
    Status reject(int index, const QString &reason);
    Status comment(int index, const QString &text);
    /// Records a reviewer's error (category, severity, note, and the selected target words
    /// if any) under this user's name, now.
    Status annotate(int index, const ReviewError &error);
    /// Whether the unit changed since this user last reviewed it (or was never reviewed by them).
    bool changedSinceMyReview(int index) const;
    QString user() const { return m_user; }

    struct MergeOutcome { int takenFromDisk = 0; QList<int> conflicts; };
    bool diskChanged() const;
    /// Reads the catalog from disk and merges it by unit (see the class comment).
    Result<MergeOutcome> mergeFromDisk();
    /// The other version of a unit in conflict, if it is one: the disk version, or the
    /// other side's target of a conflict recorded by a merge.
    std::optional<QString> conflictingTarget(int index) const;
    /// Keeps the user's edit (it stays unconfirmed) or takes the disk version. A conflict
    /// recorded in the catalog is resolved in the catalog at once (the record removed, the
    /// chosen target kept as a draft to confirm); that write can fail.
    Status resolveConflict(int index, bool keepMine);

    /// Unconfirmed edits found in the journal when the document was opened.
    QMap<QString, QString> recoverableEdits() const { return m_recoverable; }
    void restoreRecoverableEdits();
    void discardRecoverableEdits();

    CatalogStats stats() const;
    /// The document localized with the current targets (unconfirmed ones included). With
    /// `markedUnit`, that unit's text (its target, or its source when it has none) is
    /// enclosed in kPreviewMarkStart … kPreviewMarkEnd, for a preview to highlight all of it.
    QByteArray localizedMarkdown(int markedUnit = -1) const;
    static constexpr char16_t kPreviewMarkStart = u'\uE000';
    static constexpr char16_t kPreviewMarkEnd = u'\uE001';
    /// The page as `workbench export` publishes it from the saved catalog (front matter
    /// included), with the translations of `include` and the English text elsewhere.
    ExportOutcome exportLocalized(IncludeLevel include) const;
    /// The documents of the project (absolute paths), to open another one.
    QStringList projectDocuments() const { return m_context.project().documents(); }
    /// QA findings of one unit as it is now (cached until its target changes).
    Findings findings(int index);
    /// The findings the unit would have with this target text (the editor's text before the
    /// session has it: the live underline); cached like findings().
    Findings findingsFor(int index, const QString &text);
    /// The same, not cached: for candidates such as memory matches.
    Findings checkTarget(int index, const QString &text);
    /// Adds a term to the project's glossary (project/added_terms: the TBX and the files made
    /// from it) and to the checks in use: the glossary panel and QA know it at once.
    Result<Concept> addTerm(const QString &source, const QString &target);
    /// Where the checks come from; loaded on first use (glossary, dictionaries). Null when
    /// they could not be loaded: problems() says why.
    CheckSuite *checks();
    /// What the session could not load or do on the side, each naming its file (and line):
    /// checks that did not load (a malformed glossary, dictionary or word list), the journal
    /// of unconfirmed edits or the user's memory not written. The editor shows them instead
    /// of going on silently without them. Confirmed translations are not among them: a
    /// confirmation that cannot be saved fails as it happens.
    Diagnostics problems();
    /// Adds a word to the project's dictionary (locales/<language>/project-words.tsv, with
    /// the session's user and the time) and to the spelling check in use.
    Status addToProjectDictionary(const QString &word);
    /// Translation memory matches for a unit; none until a memory is set. Confirming a unit
    /// adds it to the memory and to the user's memory on disk.
    QList<TmMatch> memoryMatches(int index, int max = 3);
    /// Concordance (Ctrl+K): the project's units (this document's, as edited now) and the
    /// user's memory whose source or target holds every word, case and accents ignored;
    /// this document's units first, in document order, then the memory's best-ranked.
    struct ConcordanceHit {
        int unit = -1;      ///< this document's unit, or -1 for a memory unit
        QString source;
        QString target;
        QString origin;     ///< the memory unit's file or document
    };
    QList<ConcordanceHit> concordance(const QString &query, int max = 50);
    /// What this session's memory is made of: the user's memory, the project's TMX files and
    /// its translated units.
    MemorySources memorySources() const;
    /// Builds a memory from `sources`. Touches no session state: editors run it on a worker thread.
    static Result<std::unique_ptr<TmIndex>> buildMemory(const MemorySources &sources, const QString &sourceLanguage,
                                                        const QString &language);
    void setMemory(std::unique_ptr<TmIndex> memory) { m_memory = std::move(memory); }
    QString sourceLanguage() const { return m_context.sourceLanguage(); }
    const ProjectContext &project() const { return m_context; }

    QString catalogPath() const { return m_catalogPath; }
    QString documentPath() const { return m_documentPath; }
    QString journalPath() const;
    QString language() const { return m_language; }
    QString projectRoot() const { return m_context.root(); }
    const SegmentedDocument &document() const { return m_document; }
    const PoEntry *entry(int index) const;

private:
    EditorSession() = default;
    PoEntry *mutableEntry(int index);
    /// The unit's catalog entry, after merging what others saved meanwhile.
    Result<PoEntry *> entryToWrite(int index);
    Status writeCatalog();
    /// Conflicts recorded in the catalog become the session's conflicts (on open, after a merge).
    void loadRecordedConflicts();
    void forgetRecordedConflicts();
    Status resolveRecordedConflict(int index, bool keepMine);
    Status review(int index, const std::function<Status(PoEntry &)> &action);
    /// Every write of one unit: holds the catalog's lock from merging the disk version to
    /// writing, lets `change` edit the unit's entry (and others, which `undo` restores), and
    /// writes the catalog. When `change` or the write fails, nothing is saved and the entry is
    /// as it was.
    Status writeChange(int index, const std::function<Status(PoEntry &)> &change, const std::function<void()> &undo = {});
    void writeJournal();
    /// Keeps a problem for problems(), once however often it recurs.
    void reportProblem(const Diagnostic &problem);
    QByteArray diskFingerprint() const;

    ProjectContext m_context;
    QString m_user;                         ///< who confirms, resolved once (it may ask git)
    QString m_language;
    QString m_documentPath;
    QString m_catalogPath;
    SegmentedDocument m_document;
    PoCatalog m_catalog;
    PoCatalog m_base;                      ///< the catalog as last read from or written to disk
    QByteArray m_baseFingerprint;
    QList<EditorUnit> m_units;
    QHash<QString, int> m_indexById;
    QHash<QString, qsizetype> m_entryById;
    QMap<QString, QString> m_pending;      ///< unit id -> unconfirmed target
    QMap<QString, QString> m_conflicts;    ///< unit id -> disk target (or the other side's, when recorded)
    QSet<QString> m_recordedConflicts;     ///< units whose conflict is a "wb:conflict" record in the catalog
    QMap<QString, QString> m_recoverable;
    QHash<QString, QPair<QString, Findings>> m_findingsCache; ///< unit id -> (target, findings)
    std::shared_ptr<CheckSuite> m_checks;
    std::unique_ptr<TmIndex> m_memory;
    std::unique_ptr<TmStore> m_userMemory; ///< the user's memory on disk, opened at the first confirmation
    void rememberConfirmed(int index);
    /// Sets the text as a draft in the untranslated units with the same source as `index`;
    /// returns each unit filled with its entry as it was (to undo when the write fails).
    QList<QPair<int, PoEntry>> fillRepetitions(int index, const QString &text, const QDateTime &at);
    bool m_fillRepetitions = true;
    QList<int> m_filledRepetitions;
    bool m_checksTried = false;
    Diagnostics m_problems;
};

} // namespace wb
