#include "main_window.h"
#include <QPointer>
#include "text/text_diff.h"
#include "markdown/gfm_parser.h"
#include "editor/editor_session.h"
#include "editor/spell_highlighter.h"
#include "editor/rich_text_delegate.h"
#include "editor/target_editor.h"
#include "annotation_dialog.h"
#include "find_replace_dialog.h"
#include "ui_terms.h"
#include "i18n.h"
#include "models/unit_filter_model.h"
#include "models/unit_table_model.h"
#include "panels/concordance_panel.h"
#include "panels/glossary_panel.h"
#include "panels/memory_panel.h"
#include "panels/qa_panel.h"
#include "panels/review_panel.h"
#include "review/review_record.h"
#include "tm/tm_store.h"
#include "tm/tmx_import.h"
#include "qa/check_suite.h"
#include "qa/terminology_check.h"
#include "qa/term_suggestions.h"
#include "spell/hunspell_dictionary.h"
#include "spell/project_words.h"
#include "spell/spell_checker.h"
#include "project/language_resources.h"
#include "project/project.h"
#include "model/placeholder_text.h"

#include <QFileInfo>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QtConcurrent/QtConcurrentRun>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMutex>
#include <QPlainTextDocumentLayout>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QScopedValueRollback>
#include <QCloseEvent>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace wb::gui {

MainWindow::MainWindow(std::unique_ptr<EditorSession> session, QWidget *parent)
    : QMainWindow(parent), m_session(std::move(session))
{
    setWindowTitle(QStringLiteral("%1 \u2014 %2 (%3)").arg(ui("PDQ Localization Workbench"),
                                                           QFileInfo(m_session->documentPath()).fileName(), m_session->language()));
    m_model = new UnitTableModel(*m_session, this);
    m_filter = new UnitFilterModel(*m_session, this);
    m_filter->setSourceModel(m_model);
    buildLayout();
    buildActions();
    restoreLayout();
    rememberProject();
    m_watcher = new QFileSystemWatcher({m_session->catalogPath()}, this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        // Editors and git replace the file: watch the new one too.
        if (!m_watcher->files().contains(m_session->catalogPath()))
            m_watcher->addPath(m_session->catalogPath());
        QTimer::singleShot(100, this, &MainWindow::mergeFromDisk);
    });
    refreshStatus();
    const int first = m_session->nextNeedingWork(-1);
    setCurrentUnit(first >= 0 ? first : 0);
    m_editor->setFocus(); // where a translator starts; from here on focus is the user's
    reloadMemory();
}

void MainWindow::reloadMemory()
{
    // Built on a worker thread: opening (or F5) never waits for it. Only the latest request
    // is kept: an older build finishing late never replaces a newer memory.
    using Built = std::shared_ptr<Result<std::unique_ptr<TmIndex>>>;
    const int generation = ++m_memoryGeneration;
    auto *watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcher<Built>::finished, this, [this, watcher, generation] {
        Built built = watcher->result();
        watcher->deleteLater();
        if (generation != m_memoryGeneration)
            return;
        m_memoryLoaded = generation;
        if (built && built->ok()) {
            m_session->setMemory(std::move(built->value()));
            setCurrentUnit(m_current);
            emit memoryReloaded();
        } else if (built) {
            statusBar()->showMessage(ui("Translation memory not loaded:") + QLatin1Char(' ') + built->error().toString());
            showLoadProblem(ui("Translation memory not loaded:") + QLatin1Char(' ') + built->error().toString());
        }
    });
    const MemorySources sources = m_session->memorySources();
    const QString source = m_session->sourceLanguage(), language = m_session->language();
    watcher->setFuture(QtConcurrent::run([sources, source, language] {
        return std::make_shared<Result<std::unique_ptr<TmIndex>>>(EditorSession::buildMemory(sources, source, language));
    }));
}

void MainWindow::importMemory(const QString &file)
{
    statusBar()->showMessage(ui("Importing") + QLatin1Char(' ') + QFileInfo(file).fileName() + QStringLiteral("\u2026"));
    using Imported = std::shared_ptr<Result<TmxImportOutcome>>;
    auto *watcher = new QFutureWatcher<Imported>(this);
    connect(watcher, &QFutureWatcher<Imported>::finished, this, [this, watcher, file] {
        Imported imported = watcher->result();
        watcher->deleteLater();
        if (!imported->ok()) {
            statusBar()->showMessage(ui("Memory not imported:") + QLatin1Char(' ') + imported->error().toString());
            return;
        }
        statusBar()->showMessage(QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(),
                                                             uiCount("%n unit new in the memory", "%n units new in the memory",
                                                                     (*imported)->added)), 5000);
        reloadMemory();
    });
    const QString language = m_session->language();
    watcher->setFuture(QtConcurrent::run([file, language] {
        return std::make_shared<Result<TmxImportOutcome>>(importTmxFile(file, TmStore::defaultPath(), language));
    }));
}

MainWindow::~MainWindow()
{
    // ~QWidget deletes the child widgets after the members, the session among them, are gone;
    // a grid hidden on the way still lays out its rows and asks the session for their text.
    // So the children go first, while the session is alive.
    hide();
    QList<QPointer<QWidget>> children;
    for (QWidget *child : findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        children.append(child);
    for (const QPointer<QWidget> &child : children)
        delete child.data(); // a child may have taken another with it: QPointer is then null
}

void MainWindow::buildLayout()
{
    auto *toolbar = addToolBar(ui("Filters"));
    toolbar->setObjectName(QStringLiteral("filters"));
    m_stateFilter = new QComboBox(toolbar);
    m_stateFilter->addItem(ui("All units"), QString());
    m_stateFilter->addItem(ui("Needs work"), QStringLiteral("needs-work"));
    m_stateFilter->addItem(ui("Changed since my last review"), QStringLiteral("changed-since-review"));
    m_stateFilter->addItem(ui("Changed by the last update"), QStringLiteral("changed-by-update"));
    m_stateFilter->addItem(ui("Aligned, low confidence"), QStringLiteral("aligned-low-confidence"));
    for (UnitState state : kUnitStates)
        m_stateFilter->addItem(uiTerm(stateName(state)), stateName(state));
    m_findingsFilter = new QCheckBox(ui("With QA findings"), toolbar);
    m_search = new QLineEdit(toolbar);
    m_search->setPlaceholderText(ui("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_searchScope = new QComboBox(toolbar);
    m_searchScope->addItem(ui("source and target"), int(UnitFilterModel::Scope::Both));
    m_searchScope->addItem(ui("source"), int(UnitFilterModel::Scope::Source));
    m_searchScope->addItem(ui("target"), int(UnitFilterModel::Scope::Target));
    m_regex = new QCheckBox(ui("Regular expression"), toolbar);
    toolbar->addWidget(new QLabel(ui("Show:") + QLatin1Char(' '), toolbar));
    toolbar->addWidget(m_stateFilter);
    toolbar->addWidget(m_findingsFilter);
    toolbar->addSeparator();
    toolbar->addWidget(m_search);
    toolbar->addWidget(m_searchScope);
    toolbar->addWidget(m_regex);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
    connect(m_findingsFilter, &QCheckBox::toggled, this, &MainWindow::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyFilters);
    connect(m_searchScope, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
    connect(m_regex, &QCheckBox::toggled, this, &MainWindow::applyFilters);

    m_grid = new QTreeView(this);
    m_grid->setModel(m_filter);
    m_grid->setRootIsDecorated(false);
    m_grid->setAlternatingRowColors(true);
    m_grid->setUniformRowHeights(false);
    m_grid->setWordWrap(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setItemDelegateForColumn(UnitTableModel::Source, new RichTextDelegate(m_grid));
    m_grid->setItemDelegateForColumn(UnitTableModel::Target, new RichTextDelegate(m_grid));
    m_grid->header()->setStretchLastSection(false);
    m_grid->header()->resizeSection(UnitTableModel::Number, 48);
    m_grid->header()->setSectionResizeMode(UnitTableModel::Source, QHeaderView::Stretch);
    m_grid->header()->setSectionResizeMode(UnitTableModel::Target, QHeaderView::Stretch);
    m_grid->header()->resizeSection(UnitTableModel::State, 100);
    m_grid->header()->resizeSection(UnitTableModel::Qa, 56);
    // Wrapped rows change height with their column's width: lay the rows out again then.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(50);
    connect(relayout, &QTimer::timeout, m_grid, [this] { m_grid->doItemsLayout(); });
    connect(m_grid->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && !m_loading)
            setCurrentUnit(m_filter->mapToSource(current).row());
    });

    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("sourceText"));
    m_source->setWordWrap(true);
    m_source->setTextFormat(Qt::RichText);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setMargin(4);
    m_editor = new TargetEditor(this);
    m_editor->setPlaceholderText(ui("Type the translation; Ctrl+Enter confirms"));
    SpellChecker *spelling = m_session->checks() ? &m_session->checks()->spelling() : nullptr;
    m_highlighter = new SpellHighlighter(nullptr, spelling);
    // QA findings underlined where they are, for the text as it is in the editor now.
    m_highlighter->setFindingsOf([this](const QString &text) {
        return m_current < 0 ? Findings{} : m_session->findingsFor(m_current, text);
    });
    // Suggestions run on a worker thread with a dictionary of their own (Hunspell is not thread-safe).
    auto suggester = std::make_shared<std::shared_ptr<HunspellDictionary>>();
    auto suggesterLock = std::make_shared<QMutex>();
    const ProjectContext project = m_session->project();
    const QString language = m_session->language();
    m_editor->setSpellingHooks(
        [spelling](const QString &text, int position) -> std::optional<QPair<int, int>> {
            if (!spelling)
                return std::nullopt;
            for (const Misspelling &m : spelling->check(text))
                if (position >= m.span.start && position <= m.span.start + m.span.length)
                    return QPair<int, int>{m.span.start, m.span.length};
            return std::nullopt;
        },
        [suggester, suggesterLock, project, language](const QString &word) {
            QMutexLocker lock(suggesterLock.get());
            if (!*suggester)
                if (auto loaded = project.loadDictionary(language))
                    *suggester = *loaded;
            return *suggester ? (*suggester)->suggest(word) : QStringList();
        },
        [this](const QString &word) {
            if (Status added = m_session->addToProjectDictionary(word); !added)
                statusBar()->showMessage(ui("Not added to the dictionary:") + QLatin1Char(' ') + added.error().toString());
            m_highlighter->rehighlight();
        });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading || m_current < 0)
            return;
        m_session->editTarget(m_current, m_editor->text());
        unitChangedQuietly(m_current); // an edit may take the unit off a state filter: stay on it
        refreshUnitPanels();
    });

    m_conflictBar = new QWidget(this);
    auto *conflictLayout = new QHBoxLayout(m_conflictBar);
    m_conflictText = new QLabel(m_conflictBar);
    m_conflictText->setWordWrap(true);
    auto *keepMine = new QPushButton(ui("Keep mine"), m_conflictBar);
    auto *takeTheirs = new QPushButton(ui("Take theirs"), m_conflictBar);
    conflictLayout->addWidget(m_conflictText, 1);
    conflictLayout->addWidget(keepMine);
    conflictLayout->addWidget(takeTheirs);
    m_conflictBar->setStyleSheet(QStringLiteral("background:#fff3cd"));
    m_conflictBar->hide();
    connect(keepMine, &QPushButton::clicked, this, [this] {
        if (Status resolved = m_session->resolveConflict(m_current, true); !resolved)
            statusBar()->showMessage(ui("Conflict not resolved:") + QLatin1Char(' ') + resolved.error().toString());
        setCurrentUnit(m_current);
    });
    connect(takeTheirs, &QPushButton::clicked, this, [this] {
        if (Status resolved = m_session->resolveConflict(m_current, false); !resolved)
            statusBar()->showMessage(ui("Conflict not resolved:") + QLatin1Char(' ') + resolved.error().toString());
        m_documents.remove(m_current);
        setCurrentUnit(m_current);
    });

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_source);
    editorLayout->addWidget(m_conflictBar);
    editorLayout->addWidget(m_editor, 1);

    auto *panels = m_panels = new QTabWidget(this);
    m_glossary = new GlossaryPanel(panels);
    m_qa = new QaPanel(panels);
    m_preview = new QTextBrowser(panels);
    panels->addTab(m_glossary, ui("Glossary"));
    panels->addTab(m_qa, ui("QA"));
    panels->addTab(m_preview, ui("Preview"));
    m_memory = new MemoryPanel(panels);
    panels->insertTab(1, m_memory, ui("Memory"));
    connect(m_memory, &MemoryPanel::useRequested, this, &MainWindow::useMemoryMatch);
    m_review = new ReviewPanel(panels);
    panels->addTab(m_review, ui("Review"));
    m_concordance = new ConcordancePanel(*m_session, panels);
    panels->addTab(m_concordance, ui("Concordance"));
    connect(m_concordance, &ConcordancePanel::unitRequested, this, &MainWindow::setCurrentUnit);
    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(150);
    connect(m_previewDelay, &QTimer::timeout, this, &MainWindow::refreshPreview);
    connect(panels, &QTabWidget::currentChanged, this, [this, panels](int) {
        if (panels->currentWidget() == m_preview)
            refreshPreview();
    });
    connect(m_glossary, &GlossaryPanel::insertRequested, this, [this](const QString &text) {
        insertTerm(text);
        m_editor->setFocus();
    });
    connect(m_qa, &QaPanel::spanRequested, this, [this](int start, int length) {
        QTextCursor c = m_editor->textCursor();
        c.setPosition(start);
        c.setPosition(start + length, QTextCursor::KeepAnchor);
        m_editor->setTextCursor(c);
        m_editor->setFocus();
    });
    connect(m_qa, &QaPanel::unitRequested, this, &MainWindow::setCurrentUnit);
    connect(m_qa, &QaPanel::documentTabShown, this, &MainWindow::refreshDocumentFindings);

    auto *bottom = m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(editorPane);
    bottom->addWidget(panels);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto *main = m_mainSplitter = new QSplitter(Qt::Vertical, this);
    main->setObjectName(QStringLiteral("gridAndEditor"));
    main->addWidget(m_grid);
    main->addWidget(bottom);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);
    // What could not be loaded stays in view above the work (a status message goes away).
    m_loadBanner = new QLabel(this);
    m_loadBanner->setObjectName(QStringLiteral("loadProblems"));
    m_loadBanner->setWordWrap(true);
    m_loadBanner->setTextFormat(Qt::PlainText);
    m_loadBanner->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; color: #611a15; padding: 6px; }"));
    m_loadBanner->hide();
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_loadBanner);
    centralLayout->addWidget(main, 1);
    setCentralWidget(central);
    showSessionProblems();

    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);
}

void MainWindow::showSessionProblems()
{
    // The session's list only grows: show what came since the last look (this runs with every keystroke).
    const Diagnostics problems = m_session->problems();
    for (qsizetype i = m_problemsShown; i < problems.size(); ++i)
        showLoadProblem(problems[i].toString());
    m_problemsShown = problems.size();
}

void MainWindow::showLoadProblem(const QString &text)
{
    const QString shown = m_loadBanner->text();
    if (shown.split(QLatin1Char('\n')).contains(text))
        return;
    m_loadBanner->setText(shown.isEmpty() ? text : shown + QLatin1Char('\n') + text);
    m_loadBanner->show();
}

QTextDocument *MainWindow::documentFor(int index)
{
    QTextDocument *&doc = m_documents[index];
    if (!doc) {
        doc = new QTextDocument(this);
        doc->setDocumentLayout(new QPlainTextDocumentLayout(doc));
        doc->setPlainText(m_session->target(index));
        doc->clearUndoRedoStacks();
    } else if (TargetEditor::textOf(*doc) != m_session->target(index)) {
        doc->setPlainText(m_session->target(index)); // changed elsewhere (disk merge)
    }
    return doc;
}

void MainWindow::setCurrentUnit(int index)
{
    if (index < 0 || index >= m_session->unitCount())
        return;
    m_loading = true;
    const bool otherUnit = index != m_current;
    m_current = index;
    QTextDocument *doc = documentFor(index);
    if (m_editor->document() != doc) {
        m_editor->setDocument(doc);
        m_highlighter->setDocument(doc);
    }
    if (otherUnit) { // a refresh of the same unit (memory loaded, review) keeps the cursor
        QTextCursor end(doc);
        end.movePosition(QTextCursor::End);
        m_editor->setTextCursor(end);
    }
    // The grid shows the unit the editor shows, or none when the filter does not list it.
    const QModelIndex row = m_filter->mapFromSource(m_model->index(index, 0));
    if (row.isValid()) {
        m_grid->setCurrentIndex(row);
        m_grid->scrollTo(row);
    } else {
        m_grid->selectionModel()->clearCurrentIndex();
        m_grid->clearSelection();
    }
    m_loading = false;
    QList<QPair<int, int>> terms;
    QList<SourceTermHit> hits;
    if (CheckSuite *checks = m_session->checks()) {
        hits = checks->terminology().recognize(m_session->unit(index).source);
        for (const SourceTermHit &hit : hits)
            terms.append({hit.span.start, hit.span.length});
    }
    QString sourceHtml = QStringLiteral("<b>#%1</b> <i>%2</i><br>%3")
                             .arg(index + 1)
                             .arg(uiTerm(m_session->unit(index).kind).toHtmlEscaped(), unitTextHtml(m_session->unit(index).source, terms));
    // A unit whose English changed in a source revision: what changed, old to new.
    if (const PoEntry *entry = m_session->entry(index); entry && !entry->previousMsgid.isEmpty())
        sourceHtml += QStringLiteral("<br><small><b>%1</b> %2</small>")
                          .arg(ui("English changed:"), diffHtml(wordDiff(plainTextOf(entry->previousMsgid), plainTextOf(entry->msgid))));
    m_source->setText(sourceHtml);
    m_glossary->showSuggestions(termSuggestions(hits, m_session->unit(index).source, m_session->language()));
    m_memory->showMatches(m_session->memoryMatches(index), m_session->unit(index).source,
                          [this, index](const QString &target) { return m_session->checkTarget(index, target); });
    if (const auto theirs = m_session->conflictingTarget(index)) {
        m_conflictText->setText(ui("Changed on disk meanwhile:") + QStringLiteral(" \u201C%1\u201D").arg(theirs->toHtmlEscaped()));
        m_conflictBar->show();
    } else {
        m_conflictBar->hide();
    }
    refreshUnitPanels();
}

void MainWindow::refreshUnitPanels()
{
    showSessionProblems(); // a journal or memory write that failed with this step
    if (m_current < 0)
        return;
    m_qa->showUnitFindings(m_session->findings(m_current));
    m_review->showEntry(m_session->entry(m_current), m_session->target(m_current));
    // The preview localizes and renders the whole document: on 10,000 units that takes
    // 300 ms, so it follows a moment after the last step or keystroke, never inside one.
    if (m_preview->isVisible())
        m_previewDelay->start();
}

void MainWindow::refreshPreview()
{
    if (m_current < 0 || !m_preview->isVisible())
        return;
    // The localized Markdown, rendered, with the whole current unit marked and in view.
    const QString rendered = previewHtml(QString::fromUtf8(renderGfmHtml(m_session->localizedMarkdown(m_current), false)));
    m_preview->setHtml(rendered);
    m_preview->scrollToAnchor(QStringLiteral("current"));
}

QString previewHtml(const QString &html)
{
    // The unit may span markup (emphasis, a link): its highlight closes before every tag
    // inside it and opens again after, so the HTML stays well formed. A unit inside a tag (an
    // image's alt text, a link's title) cannot be highlighted: its marks are dropped and the
    // anchor goes before the tag, so the preview still scrolls there.
    static const QString open = QStringLiteral("<span style=\"background:#fff3a8\">"), close = QStringLiteral("</span>");
    static const QString anchor = QStringLiteral("<a name=\"current\"></a>");
    QString out;
    out.reserve(html.size() + 256);
    bool inUnit = false, inTag = false;
    qsizetype tagStart = 0;
    for (const QChar c : html) {
        if (c == QChar(EditorSession::kPreviewMarkStart)) {
            if (inTag) {
                out.insert(tagStart, anchor);
                tagStart += anchor.size();
            } else {
                out += anchor + open;
                inUnit = true;
            }
        } else if (c == QChar(EditorSession::kPreviewMarkEnd)) {
            if (inUnit)
                out += close;
            inUnit = false;
        } else if (c == QLatin1Char('<') && !inTag) {
            if (inUnit)
                out += close;
            tagStart = out.size();
            out += c;
            inTag = true;
        } else if (c == QLatin1Char('>') && inTag) {
            out += c;
            if (inUnit)
                out += open;
            inTag = false;
        } else {
            out += c;
        }
    }
    return out;
}

void MainWindow::refreshDocumentFindings()
{
    QList<QPair<int, Finding>> all;
    for (int i = 0; i < m_session->unitCount(); ++i)
        for (const Finding &f : m_session->findings(i))
            all.append({i, f});
    m_qa->showDocumentFindings(all);
}

void MainWindow::refreshStatus()
{
    const CatalogStats stats = m_session->stats();
    const auto total = stats.total();
    const int done = stats.byState.value(UnitState::Translated).units + stats.byState.value(UnitState::Approved).units;
    const int doneWords = stats.byState.value(UnitState::Translated).words + stats.byState.value(UnitState::Approved).words;
    // Each count with its language's plural form ("1 traducida", "12 traducidas").
    auto count = [&stats](UnitState state) {
        const int n = stats.byState.value(state).units;
        switch (state) {
        case UnitState::Untranslated: return uiCount("%n untranslated", "%n untranslated", n);
        case UnitState::Draft: return uiCount("%n draft", "%n drafts", n);
        case UnitState::Translated: return uiCount("%n translated", "%n translated", n);
        case UnitState::Approved: return uiCount("%n approved", "%n approved", n);
        case UnitState::Rejected: return uiCount("%n rejected", "%n rejected", n);
        }
        return QString();
    };
    QStringList parts;
    for (UnitState s : kUnitStates)
        parts.append(count(s));
    m_statusLabel->setText(QStringLiteral("%1 \u2014 %2 %3/%4 (%5%)   %6 %7/%8")
                               .arg(parts.join(QStringLiteral(" \u00B7 ")), ui("words"))
                               .arg(doneWords).arg(total.words)
                               .arg(total.words ? 100 * doneWords / total.words : 0)
                               .arg(ui("units")).arg(done).arg(total.units));
}

void MainWindow::applyFilters()
{
    const bool valid = m_filter->setFilters(m_stateFilter->currentData().toString(), m_findingsFilter->isChecked(), m_search->text(),
                                            UnitFilterModel::Scope(m_searchScope->currentData().toInt()), m_regex->isChecked());
    m_search->setStyleSheet(valid ? QString() : QStringLiteral("background:#fde2e1"));
    // The editor never stays on a unit the list no longer shows: go to the first listed one.
    // (Keyboard focus stays in the search field or wherever the user is typing.)
    if (listedRowOf(m_current) < 0 && m_filter->rowCount() > 0)
        setCurrentUnit(unitAtListedRow(0));
    else
        setCurrentUnit(m_current);
}

int MainWindow::listedRowOf(int unit) const
{
    if (unit < 0)
        return -1;
    return m_filter->mapFromSource(m_model->index(unit, 0)).row();
}

int MainWindow::unitAtListedRow(int row) const
{
    const QModelIndex at = m_filter->index(row, 0);
    return at.isValid() ? m_filter->mapToSource(at).row() : -1;
}

int MainWindow::nextListed(int unit, int rowBefore, bool wrap, const std::function<bool(int)> &wanted, int direction) const
{
    const int rows = m_filter->rowCount();
    const int rowNow = listedRowOf(unit);
    // Forward, a unit that left the list is followed by what now stands at its row.
    int row = rowNow >= 0 ? rowNow + direction : (direction > 0 ? std::max(rowBefore, 0) : rowBefore - 1);
    for (int step = 0; step < rows; ++step, row += direction) {
        if ((row >= rows || row < 0) && !wrap)
            break;
        const int candidate = unitAtListedRow(((row % rows) + rows) % rows);
        if (candidate != unit && wanted(candidate))
            return candidate;
    }
    return -1;
}

bool MainWindow::errorsAcknowledged(int unit)
{
    Findings errors;
    for (const Finding &f : m_session->findings(unit))
        if (f.severity == Severity::Error)
            errors.append(f);
    const QString target = m_session->target(unit);
    if (errors.isEmpty() || (m_acknowledgedUnit == unit && m_acknowledgedTarget == target))
        return true;
    // Shown, not saved: the same action again on the same text goes ahead.
    m_acknowledgedUnit = unit;
    m_acknowledgedTarget = target;
    m_panels->setCurrentWidget(m_qa);
    m_qa->setCurrentIndex(0);
    statusBar()->showMessage(QStringLiteral("%1 %2: %3 \u2014 %4").arg(
        ui("QA errors:"), QString::number(errors.size()), errors.first().message,
        ui("press again to save anyway, or fix it, or suppress it with a reason")));
    return false;
}

bool MainWindow::confirmAndNext()
{
    if (m_current < 0 || !errorsAcknowledged(m_current))
        return false;
    const int unit = m_current, rowBefore = listedRowOf(unit);
    if (Status confirmed = m_session->confirm(unit); !confirmed) {
        statusBar()->showMessage(ui("Not saved:") + QLatin1Char(' ') + confirmed.error().toString());
        return false;
    }
    unitChangedQuietly(unit);
    QString saved = ui("Saved") + QLatin1Char(' ') + QFileInfo(m_session->catalogPath()).fileName();
    if (const QList<int> repetitions = m_session->filledRepetitions(); !repetitions.isEmpty()) {
        for (int repetition : repetitions)
            unitChangedQuietly(repetition);
        saved += QStringLiteral("; ") + uiCount("%n repetition filled as a draft", "%n repetitions filled as drafts", int(repetitions.size()));
    }
    refreshStatus();
    statusBar()->showMessage(saved, 5000);
    // The next unit needing work in the list as the user filtered and sorted it.
    const int next = nextListed(unit, rowBefore, true, [this](int i) { return m_session->needsWork(i); });
    setCurrentUnit(next >= 0 ? next : unit);
    return true;
}

void MainWindow::unitChangedQuietly(int unit)
{
    // The unit may leave the filter now, and the grid then makes another row current:
    // that must not become the editor's unit, or the next step would start from there.
    const QScopedValueRollback<bool> quiet(m_loading, true);
    m_model->unitChanged(unit);
}

bool MainWindow::reviewAction(const std::function<Status(int)> &action, bool moveOn)
{
    if (m_current < 0)
        return false;
    const int unit = m_current, rowBefore = listedRowOf(unit);
    if (Status done = action(unit); !done) {
        statusBar()->showMessage(ui("Not saved:") + QLatin1Char(' ') + done.error().toString());
        return false;
    }
    m_documents.remove(unit);
    unitChangedQuietly(unit);
    refreshStatus();
    // The action may have taken the unit off a state filter: the next is then what now
    // stands at its row, never the one after it.
    const int next = moveOn ? nextListed(unit, rowBefore, false, [](int) { return true; }) : -1;
    m_current = -1; // its document was replaced: load it again even when staying
    setCurrentUnit(next >= 0 ? next : unit);
    return true;
}

bool MainWindow::approveAndNext()
{
    if (m_current < 0 || !errorsAcknowledged(m_current))
        return false;
    return reviewAction([this](int unit) { return m_session->approve(unit); }, true);
}

bool MainWindow::rejectCurrent(const QString &reason)
{
    return reviewAction([this, &reason](int unit) { return m_session->reject(unit, reason); }, true);
}

bool MainWindow::commentCurrent(const QString &text)
{
    return reviewAction([this, &text](int unit) { return m_session->comment(unit, text); }, false);
}

bool MainWindow::annotateCurrent(const ReviewError &error)
{
    return reviewAction([&, this](int unit) { return m_session->annotate(unit, error); }, false);
}

void MainWindow::copySourceToTarget()
{
    if (m_current >= 0)
        m_editor->setPlainText(m_session->unit(m_current).source);
}

void MainWindow::insertGlossaryTerm(int n)
{
    insertTerm(m_glossary->insertionFor(n));
}

void MainWindow::insertTerm(const QString &term)
{
    if (term.isEmpty())
        return;
    const QString before = m_editor->text().left(m_editor->textCursor().selectionStart());
    m_editor->insertAtCursor(fitToSentenceStart(term, before, m_session->language()));
}

void MainWindow::useMemoryMatch(int n)
{
    if (const QString target = m_memory->targetOf(n); !target.isEmpty())
        m_editor->setPlainText(target);
}

QString MainWindow::describeEdits(const QList<QPair<int, QString>> &edits) const
{
    constexpr int kShown = 15;
    auto shorten = [](const QString &text) { return text.size() > 70 ? text.left(69) + QChar(0x2026) : text; };
    QStringList lines;
    for (const auto &[unit, edit] : edits.mid(0, kShown))
        lines.append(QStringLiteral("#%1  %2\n      \u2192 %3")
                         .arg(unit + 1)
                         .arg(shorten(plainTextOf(m_session->unit(unit).source)), shorten(plainTextOf(edit))));
    if (edits.size() > kShown)
        lines.append(ui("and more:") + QLatin1Char(' ') + QString::number(edits.size() - kShown));
    return lines.join(QLatin1Char('\n'));
}

void MainWindow::offerRecovery()
{
    const auto edits = m_session->recoverableEdits();
    if (edits.isEmpty())
        return;
    QList<QPair<int, QString>> listed;
    for (auto it = edits.cbegin(); it != edits.cend(); ++it)
        if (const int unit = m_session->indexOf(it.key()); unit >= 0)
            listed.append({unit, it.value()});
    std::sort(listed.begin(), listed.end());
    const auto answer = QMessageBox::question(this, ui("Restore unconfirmed edits?"),
                                              ui("The last session ended before these edits were confirmed. Restore them?")
                                                  + QStringLiteral("\n\n") + describeEdits(listed));
    if (answer == QMessageBox::Yes)
        m_session->restoreRecoverableEdits();
    else
        m_session->discardRecoverableEdits();
    m_documents.clear();
    m_model->unitChanged(-1);
    setCurrentUnit(m_current);
}

bool MainWindow::settleUnconfirmedEdits()
{
    const QList<int> edited = m_session->editedUnits();
    if (edited.isEmpty())
        return true;
    QList<QPair<int, QString>> listed;
    for (int unit : edited)
        listed.append({unit, m_session->target(unit)});
    QMessageBox box(QMessageBox::Warning, ui("Unconfirmed edits"),
                    ui("These units have edits you have not confirmed:") + QStringLiteral("\n\n") + describeEdits(listed),
                    QMessageBox::NoButton, this);
    QPushButton *confirmAll = box.addButton(ui("Confirm all"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(ui("Discard"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(confirmAll);
    box.exec();
    if (box.clickedButton() == confirmAll) {
        for (int unit : edited)
            if (Status saved = m_session->confirm(unit); !saved) {
                statusBar()->showMessage(ui("Not saved:") + QLatin1Char(' ') + saved.error().toString());
                return false;
            }
        return true;
    }
    if (box.clickedButton() == discard) {
        for (int unit : edited)
            m_session->editTarget(unit, m_session->confirmedTarget(unit));
        return true;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!settleUnconfirmedEdits()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::mergeFromDisk()
{
    if (!m_session->diskChanged())
        return;
    auto merged = m_session->mergeFromDisk();
    if (!merged) {
        statusBar()->showMessage(ui("Could not read the catalog:") + QLatin1Char(' ') + merged.error().toString());
        return;
    }
    m_model->unitChanged(-1);
    refreshStatus();
    statusBar()->showMessage(QStringLiteral("%1 %2, %3 %4")
                                 .arg(ui("Merged from disk:")).arg(merged->takenFromDisk)
                                 .arg(ui("conflicts:")).arg(merged->conflicts.size()), 5000);
    setCurrentUnit(m_current);
}

} // namespace wb::gui
