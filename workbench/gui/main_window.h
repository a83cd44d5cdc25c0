#pragma once
#include <QHash>
#include <QMainWindow>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QFileSystemWatcher;
class QListWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QPushButton;
class QTextBrowser;
class QTextDocument;
class QTimer;
class QTreeView;

namespace wb { class EditorSession; class Status; struct ReviewError; }

namespace wb::gui {

class ConcordancePanel;
class GlossaryPanel;
class MemoryPanel;
class QaPanel;
class ReviewPanel;
class SpellHighlighter;
class TargetEditor;
class UnitFilterModel;
class UnitTableModel;

/// Rendered preview HTML with the unit between EditorSession's preview marks highlighted
/// (its anchor "current"), all of it, across any markup inside.
QString previewHtml(const QString &renderedHtml);

/// The side-by-side editor. All logic lives in EditorSession and the core; this class
/// wires views, keys and panels to it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<EditorSession> session, QWidget *parent = nullptr);
    ~MainWindow() override;

    EditorSession &session() { return *m_session; }
    TargetEditor *editor() const { return m_editor; }
    GlossaryPanel *glossary() const { return m_glossary; }
    QaPanel *qa() const { return m_qa; }
    MemoryPanel *memory() const { return m_memory; }
    ConcordancePanel *concordance() const { return m_concordance; }
    QTextBrowser *preview() const { return m_preview; }
    UnitFilterModel *filter() const { return m_filter; }
    QTreeView *grid() const { return m_grid; }
    QLineEdit *search() const { return m_search; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    int currentUnit() const { return m_current; }

    /// Shows unit `index` in the editor and selects its row in the grid (cleared when the
    /// filter does not list it). Never moves keyboard focus: that stays where the user put it.
    void setCurrentUnit(int index);
    /// Ctrl+Enter: confirm the current unit (the PO is written now) and go to the next
    /// unit that needs work. False when the catalog could not be written.
    bool confirmAndNext();
    void copySourceToTarget();
    /// F9: inserts the source's first placeholder the translation does not have yet.
    void insertNextPlaceholder();
    /// Ctrl+U: the current text is saved as a draft (out of translated or approved).
    void backToDraft();
    /// F1: every action with a shortcut, by menu, read from the menus themselves.
    void showShortcutSheet();
    /// Ctrl+K: the concordance panel, searching the words selected in the editor or the source.
    void lookUpSelection();
    /// Ctrl+Shift+T: adds the selected source and target words to the project's glossary.
    void addTermFromSelection();
    QString shortcutSheetHtml() const;
    void insertGlossaryTerm(int n);
    /// Inserts a glossary term at the cursor, capitalized when it starts a sentence.
    void insertTerm(const QString &term);
    /// Ctrl+Alt+1..3: replace the target with the n-th translation memory match.
    void useMemoryMatch(int n);
    /// Reviewer mode. Ctrl+Shift+Enter approves (the reviewer's own correction, if any,
    /// is kept with the translator's version as the previous target) and moves on.
    bool approveAndNext();
    bool rejectCurrent(const QString &reason);
    bool commentCurrent(const QString &text);
    bool annotateCurrent(const ReviewError &error);
    /// Asks whether to restore unconfirmed edits left by a session that did not end well.
    void offerRecovery();
    /// Renders the preview now (it otherwise follows 150 ms after the last step or keystroke:
    /// on a 10,000-unit document it takes about 300 ms).
    void refreshPreview();
    /// Merges the catalog from disk now (the file watcher calls this too).
    void mergeFromDisk();
    /// Builds the translation memory again on a worker thread (F5, after an import).
    void reloadMemory();
    /// Shows a load problem in the banner above the grid (once, however often it recurs).
    void showLoadProblem(const QString &text);
    /// The session's problems (checks not loaded, journal or memory not written) in the banner.
    void showSessionProblems();
    /// Whether the latest memory build has finished (and its matches show).
    bool memoryLoaded() const { return m_memoryLoaded == m_memoryGeneration; }
    /// File → Import memory: a TMX into the user's memory, then the memory reloads.
    void importMemory(const QString &file);

    /// With unconfirmed edits, asks: confirm them all, discard them, or stay (false).
    bool settleUnconfirmedEdits();

signals:
    /// A new memory is in place and the current unit's matches show it.
    void memoryReloaded();

protected:
    /// Quitting with unconfirmed edits asks first (settleUnconfirmedEdits).
    void closeEvent(QCloseEvent *event) override;

    /// Opens another project or document in a new window and closes this one (which asks
    /// about unconfirmed edits first). The new window, or null when it did not open.
    MainWindow *openOther(const QString &projectRoot, const QString &language, const QString &document);
    /// File → Export localized Markdown: the page from the saved catalog, translated units
    /// in Spanish and the rest in English, with front matter; written atomically.
    bool exportLocalizedMarkdown(const QString &path);

private:
    void buildFileMenu(QMenu *file);
    /// Window size, maximized state, splitters and grid columns as the user left them; on
    /// first start the window fits the screen's available area.
    void restoreLayout();
    void saveLayout() const;
    void rememberProject();
    /// "#12 Leukemia may affect… → La leucemia…" for each unit, as dialogs list edits.
    QString describeEdits(const QList<QPair<int, QString>> &edits) const;
    void buildActions();
    void buildLayout();
    void refreshUnitPanels();
    void refreshStatus();
    void refreshDocumentFindings();
    void applyFilters();
    /// Runs a review action on the current unit; with moveOn goes to the next listed unit.
    bool reviewAction(const std::function<Status(int)> &action, bool moveOn);
    /// Tells the grid a unit changed without letting its row changes move the editor.
    void unitChangedQuietly(int unit);
    /// False the first time a unit with error-level findings is confirmed or approved with
    /// this text: the errors are shown (QA panel, status bar) and nothing is saved. The same
    /// action again on the same text goes ahead.
    bool errorsAcknowledged(int unit);
    /// The grid's row of a unit under the current filter and sort, or -1 when not listed.
    int listedRowOf(int unit) const;
    /// The unit listed at a grid row, or -1.
    int unitAtListedRow(int row) const;
    /// The next listed unit after `unit` (before it, with direction -1) that `wanted` accepts,
    /// walking the grid as filtered and sorted. `rowBefore` is where `unit` was listed before
    /// the action that led here: a unit that the action took off the list is followed by
    /// what now stands at its row.
    int nextListed(int unit, int rowBefore, bool wrap, const std::function<bool(int)> &wanted, int direction = 1) const;
    QTextDocument *documentFor(int index);

    std::unique_ptr<EditorSession> m_session;
    UnitTableModel *m_model = nullptr;
    UnitFilterModel *m_filter = nullptr;
    QTreeView *m_grid = nullptr;
    QLabel *m_source = nullptr;
    TargetEditor *m_editor = nullptr;
    SpellHighlighter *m_highlighter = nullptr;
    QWidget *m_conflictBar = nullptr;
    QLabel *m_conflictText = nullptr;
    GlossaryPanel *m_glossary = nullptr;
    QaPanel *m_qa = nullptr;
    QTextBrowser *m_preview = nullptr;
    ReviewPanel *m_review = nullptr;
    MemoryPanel *m_memory = nullptr;
    ConcordancePanel *m_concordance = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QCheckBox *m_findingsFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_searchScope = nullptr;
    QCheckBox *m_regex = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_loadBanner = nullptr; ///< what could not be loaded, naming file and line
    qsizetype m_problemsShown = 0;  ///< the session's problems already in the banner
    QFileSystemWatcher *m_watcher = nullptr;
    QHash<int, QTextDocument *> m_documents; ///< one per visited unit: undo history per unit
    int m_current = -1;
    bool m_loading = false;
    QTabWidget *m_panels = nullptr;
    QTimer *m_previewDelay = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_bottomSplitter = nullptr;
    int m_acknowledgedUnit = -1;  ///< errorsAcknowledged(): the unit and text whose errors were shown
    QString m_acknowledgedTarget;
    int m_memoryGeneration = 0;
    int m_memoryLoaded = -1; ///< the generation whose build finished last
};

} // namespace wb::gui
