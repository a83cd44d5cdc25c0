// The editor as a translator uses it, under QT_QPA_PLATFORM=offscreen: keys, panels, disk.
#include "editor/editor_session.h"
#include "editor/target_editor.h"
#include "find_replace_dialog.h"
#include "main_window.h"
#include "open_session.h"
#include "i18n.h"
#include "models/unit_filter_model.h"
#include "panels/glossary_panel.h"
#include "panels/qa_panel.h"
#include "po/po_catalog.h"
#include "markdown/gfm_parser.h"
#include "glossary/tbx_format.h"
#include "model/placeholder_text.h"
#include "project/localize_workflow.h"
#include "project/project.h"
#include "review/review_record.h"

#include <QApplication>
#include <QComboBox>
#include <QStatusBar>
#include <QTabWidget>
#include "editor/spell_highlighter.h"
#include "models/unit_table_model.h"
#include <QDir>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QProcess>
#include <QTextBrowser>
#include <QTimer>
#include <QScopeGuard>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QHeaderView>
#include <QTreeView>
#include <QFileDialog>
#include <QSignalSpy>
#include "panels/memory_panel.h"
#include "panels/concordance_panel.h"
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <functional>
#include <memory>

using namespace wb;
using namespace wb::gui;

namespace {

// A fresh copy of the bundled project: the tests write to its catalog.
void copyProject(const QString &to)
{
    const QString from = QStringLiteral(WB_SOURCE_DIR);
    for (const QString &folder : {QStringLiteral("source-content/en"), QStringLiteral("glossary"), QStringLiteral("locales/es")}) {
        QDir().mkpath(to + QLatin1Char('/') + folder);
        for (const QString &name : QDir(from + QLatin1Char('/') + folder).entryList(QDir::Files))
            QFile::copy(from + QLatin1Char('/') + folder + QLatin1Char('/') + name, to + QLatin1Char('/') + folder + QLatin1Char('/') + name);
    }
    QFile::copy(from + QStringLiteral("/workbench.json"), to + QStringLiteral("/workbench.json"));
}

std::unique_ptr<MainWindow> openWindow(const QString &project)
{
    auto session = EditorSession::open(project, QStringLiteral("es"));
    if (!session)
        qFatal("cannot open: %s", qPrintable(session.error().toString()));
    auto window = std::make_unique<MainWindow>(std::move(*session));
    window->resize(1200, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

// Types text as a keyboard would, one key event per character (QTest::keyClicks takes
// Latin-1 only, and Spanish needs more).
void type(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
        QApplication::sendEvent(widget, &release);
    }
}

const QString kLeukemiaUnit = QStringLiteral("leukemia-may-affect-red.942eacd7");

// Presses keys on whatever has keyboard focus now, as a keyboard does: the widget that gets
// each key is looked up again for every key.
void typeIntoFocus(const QString &text)
{
    for (QChar c : text) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus, "nothing has keyboard focus");
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(focus, &press);
        QApplication::sendEvent(focus, &release);
        QApplication::processEvents();
    }
}

// The grid's current row shows the unit the editor shows (or none when it is not listed).
bool gridShowsCurrentUnit(const MainWindow &window)
{
    const QModelIndex row = window.grid()->currentIndex();
    if (!row.isValid())
        return false;
    return window.filter()->mapToSource(row).row() == window.currentUnit();
}

// Units the filter lists, top to bottom.
QList<int> listedUnits(const MainWindow &window)
{
    QList<int> units;
    for (int row = 0; row < window.filter()->rowCount(); ++row)
        units.append(window.filter()->mapToSource(window.filter()->index(row, 0)).row());
    return units;
}

// Runs `act` on the next modal dialog of this type once it shows (a modal dialog runs its
// own event loop, so the test cannot act on it from the outside). Looks every 10 ms for 5 s:
// a single timer could fire before the dialog exists and leave it waiting forever.
template <typename Dialog>
void whenModalShows(const std::function<void(Dialog *)> &act, int triesLeft = 500)
{
    QTimer::singleShot(10, [act, triesLeft] {
        // Only once the dialog is the active window: until then key events go to the window
        // below it. Acting as soon as it existed typed the first letters into the editor on a
        // loaded machine (a flaky "cross section" term and annotation severity).
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (dialog && dialog->isActiveWindow())
            act(dialog);
        else if (triesLeft > 0)
            whenModalShows<Dialog>(act, triesLeft - 1);
    });
}

// Answers the next message box as a person would: records its text, then presses Space on the
// button with this text, or Escape when none is named. `text` outlives the box (shared).
void answerNextMessageBox(const std::shared_ptr<QString> &text, const QString &button)
{
    whenModalShows<QMessageBox>([text, button](QMessageBox *box) {
        *text = box->text();
        for (QAbstractButton *b : box->buttons())
            if (!button.isEmpty() && b->text() == button) {
                b->setFocus(); // Tab to it and press Space, as from the keyboard
                QTest::keyClick(b, Qt::Key_Space);
                return;
            }
        QTest::keyClick(box, Qt::Key_Escape);
    });
}

// Ctrl+Enter's first press on a text with QA errors only shows them; the second saves.
// For tests about something else that confirm imperfect text.
bool confirmDespiteErrors(MainWindow &window)
{
    return window.confirmAndNext() || window.confirmAndNext();
}

// The first unit that `wanted` accepts, or -1.
int firstUnit(const EditorSession &session, const std::function<bool(int)> &wanted)
{
    for (int i = 0; i < session.unitCount(); ++i)
        if (wanted(i))
            return i;
    return -1;
}

// Confirms translations for the first `count` untranslated units after `from`.
QList<int> translateUnits(EditorSession &session, int from, int count)
{
    QList<int> done;
    for (int i = from; i < session.unitCount() && done.size() < count; ++i) {
        if (session.state(i) != UnitState::Untranslated)
            continue;
        session.editTarget(i, QStringLiteral("Traducción %1.").arg(i));
        if (!session.confirm(i).ok())
            break;
        done.append(i);
    }
    return done;
}

} // namespace

class EditorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Journals go to the user's data folder: keep them out of the real one.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
        // Settings (window geometry, repetitions) too: every run starts as a first start.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_data.path() + QStringLiteral("/config")));
        qputenv("WORKBENCH_USER", "Test Translator");
    }

    void typeConfirmAndReadThePoOnDisk()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        const int unit = window->session().indexOf(kLeukemiaUnit);
        window->setCurrentUnit(unit);
        type(window->editor(), QStringLiteral("La leucemia puede afectar los glóbulos rojos, los glóbulos blancos y las plaquetas."));
        QTest::keyClick(window->editor(), Qt::Key_Return, Qt::ControlModifier);
        auto onDisk = PoCatalog::read(window->session().catalogPath());
        QVERIFY(onDisk.ok());
        const qsizetype at = onDisk->indexOfContext(kLeukemiaUnit);
        QVERIFY(at >= 0);
        QCOMPARE(onDisk->entries[at].msgstr, QStringLiteral("La leucemia puede afectar los glóbulos rojos, los glóbulos blancos y las plaquetas."));
        QVERIFY(!onDisk->entries[at].fuzzy);
        QVERIFY(window->currentUnit() != unit); // moved on to the next unit that needs work
    }

    void misspeltWordIsUnderlined()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        window->setCurrentUnit(window->session().indexOf(kLeukemiaUnit));
        type(window->editor(), QStringLiteral("La leucemai puede afectar"));
        const QTextBlock block = window->editor()->document()->firstBlock();
        bool underlined = false, cleanWordUnderlined = false;
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            const QString word = block.text().mid(range.start, range.length);
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline) {
                underlined |= word == QLatin1String("leucemai");
                cleanWordUnderlined |= word != QLatin1String("leucemai");
            }
        }
        QVERIFY(underlined);
        QVERIFY(!cleanWordUnderlined);
    }

    void glossaryTermInsertsInTheRightForm()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        window->setCurrentUnit(window->session().indexOf(kLeukemiaUnit));
        type(window->editor(), QStringLiteral("Afecta los "));
        QTest::keyClick(window->editor(), Qt::Key_2, Qt::ControlModifier); // "red blood cells" -> plural
        QCOMPARE(window->editor()->toPlainText(), QStringLiteral("Afecta los glóbulos rojos"));
    }

    // A click on a glossary entry only selects it (a click inserting changed translations by
    // accident); a double-click or Enter inserts, capitalized where a sentence starts.
    void glossaryClickSelectsAndDoubleClickInsertsAtSentenceCase()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        window->setCurrentUnit(window->session().indexOf(kLeukemiaUnit));
        GlossaryPanel *glossary = window->glossary();
        window->findChild<QTabWidget *>()->setCurrentWidget(glossary);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(glossary->item(0)->text().section(QLatin1Char('\n'), 0, 0), QStringLiteral("1. Leukemia \u2192 leucemia"));
        const QRect first = glossary->visualItemRect(glossary->item(0));
        QTest::mouseClick(glossary->viewport(), Qt::LeftButton, {}, first.center());
        QCOMPARE(glossary->currentRow(), 0);
        QCOMPARE(window->editor()->toPlainText(), QString()); // selected, nothing inserted
        QTest::mouseDClick(glossary->viewport(), Qt::LeftButton, {}, first.center());
        QCOMPARE(window->editor()->toPlainText(), QStringLiteral("Leucemia")); // starts the sentence
        QVERIFY(window->editor()->hasFocus());
        type(window->editor(), QStringLiteral(" puede afectar a los "));
        QTest::keyClick(window->editor(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window->editor()->toPlainText(), QStringLiteral("Leucemia puede afectar a los glóbulos rojos"));
        glossary->setFocus();
        glossary->setCurrentRow(2);
        QTest::keyClick(glossary, Qt::Key_Return);
        QVERIFY(window->editor()->toPlainText().endsWith(QStringLiteral("glóbulos rojosglóbulos blancos")));
    }

    // F9 inserts the source's placeholders in order, one per press; Ctrl+U saves the text as
    // a draft; F1 lists the keys, these among them.
    void placeholderKeyBackToDraftAndShortcutSheet()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = firstUnit(session, [&](int i) { return session.unit(i).source.contains(QStringLiteral("{1}")) && session.state(i) == UnitState::Untranslated; });
        QVERIFY(unit >= 0);
        window->setCurrentUnit(unit);
        window->editor()->setFocus();
        type(window->editor(), QStringLiteral("Vea "));
        QTest::keyClick(window->editor(), Qt::Key_F9);
        type(window->editor(), QStringLiteral("esto"));
        QTest::keyClick(window->editor(), Qt::Key_F9);
        QCOMPARE(window->editor()->toPlainText(), QStringLiteral("Vea {1}esto{/1}"));

        QTest::keyClick(window->editor(), Qt::Key_U, Qt::ControlModifier);
        QCOMPARE(session.state(unit), UnitState::Draft);
        QVERIFY(!session.isEdited(unit));
        auto onDisk = PoCatalog::read(session.catalogPath());
        const PoEntry &saved = onDisk->entries[onDisk->indexOfContext(session.unit(unit).id)];
        QVERIFY(saved.fuzzy);
        QCOMPARE(saved.msgstr, QStringLiteral("Vea {1}esto{/1}"));
        QCOMPARE(historyOf(saved).last().action, QStringLiteral("back-to-draft"));

        auto sheet = std::make_shared<QString>();
        whenModalShows<QDialog>([sheet](QDialog *dialog) {
            *sheet = dialog->findChild<QTextBrowser *>(QStringLiteral("shortcutSheet"))->toPlainText();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(window->editor(), Qt::Key_F1);
        QVERIFY2(sheet->contains(QStringLiteral("F9")) && sheet->contains(QStringLiteral("Insert the next source placeholder")), qPrintable(*sheet));
        QVERIFY(sheet->contains(QStringLiteral("Ctrl+U")) && sheet->contains(QStringLiteral("Back to draft")));
        QVERIFY(sheet->contains(QStringLiteral("Ctrl+J")));
    }

    // A TMX imported from the File menu while the editor is open shows at once: the match's
    // target with chips, a coloured diff against this source, who and when, and a QA mark on
    // the match that would bring the forbidden "médula espinal" into the translation.
    void importedMemoryShowsWithDiffOriginAndQaMark()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        // A user memory of its own: what other tests confirmed stays out, and this import too.
        const QByteArray data = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
        const auto restore = qScopeGuard([data] { qputenv("XDG_DATA_HOME", data); });
        auto window = openWindow(dir.path());
        QSignalSpy reloaded(window.get(), &MainWindow::memoryReloaded);
        if (!window->memoryLoaded()) // the memory built at opening
            QVERIFY(reloaded.wait(20000));
        const QString tmx = dir.filePath(QStringLiteral("agency.tmx"));
        QFile file(tmx);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu creationid="Ana Agency" changedate="20250312T101500Z">
<tuv xml:lang="en"><seg>Tests that examine the blood and bone marrow are used to diagnose <bpt i="1">*</bpt>ALL<ept i="1">*</ept>.</seg></tuv>
<tuv xml:lang="es"><seg>Las pruebas que examinan la sangre y la médula ósea se usan para diagnosticar la <bpt i="1">*</bpt>LLA<ept i="1">*</ept>.</seg></tuv>
</tu>
<tu creationid="Ana Agency" changedate="20250312T101500Z">
<tuv xml:lang="en"><seg>Tests that examine the bone marrow are used to diagnose ALL.</seg></tuv>
<tuv xml:lang="es"><seg>Las pruebas que examinan la médula espinal se usan para diagnosticar la LLA.</seg></tuv>
</tu>
</body></tmx>
)");
        file.close();
        EditorSession &session = window->session();
        const int unit = firstUnit(session, [&](int i) { return session.unit(i).source == QStringLiteral("Tests that examine the blood and bone marrow are used to diagnose ALL."); });
        QVERIFY(unit >= 0);
        window->setCurrentUnit(unit);
        // The dialog opens in the project folder, where the file is: its name is enough.
        whenModalShows<QFileDialog>([](QFileDialog *dialog) {
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name) {
                dialog->reject();
                return;
            }
            name->setFocus();
            type(name, QStringLiteral("agency.tmx"));
            QTest::keyClick(name, Qt::Key_Return);
        });
        QAction *import = nullptr;
        for (QAction *a : window->findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Import memory\u2026"))
                import = a;
        QVERIFY(import);
        import->trigger();
        QVERIFY(reloaded.wait(20000));
        MemoryPanel *memory = window->memory();
        QCOMPARE(memory->count(), 2);
        const QString first = memory->item(0)->data(UnitTableModel::RichTextRole).toString();
        const QString second = memory->item(1)->data(UnitTableModel::RichTextRole).toString();
        // Best first: the same words, the emphasis aside. {1} is a chip, not stripped, and it
        // is marked: this source has no emphasis, so the match would fail the placeholder check.
        QVERIFY2(first.contains(QStringLiteral("99%</b>")) && first.contains(QStringLiteral("background:#dfe3ee")), qPrintable(first));
        QVERIFY(first.contains(QStringLiteral("<b>QA:</b> placeholders differ")));
        QVERIFY(first.contains(QStringLiteral("agency.tmx \u00B7 Ana Agency \u00B7 "))); // origin, who, when
        // The other has the forbidden term for bone marrow: marked, with the words this source adds.
        const QString qa = second.section(QStringLiteral("<b>QA:</b>"), 1).section(QStringLiteral("</span>"), 0, 0);
        QVERIFY2(qa.contains(QStringLiteral("médula espinal")), qPrintable(second));
        QVERIFY(second.contains(QStringLiteral("<u style=\"color:#2e7d32\">blood and </u>")));
        // Double-click uses the match.
        memory->setCurrentRow(0);
        QTest::keyClick(memory, Qt::Key_Return);
        QCOMPARE(window->editor()->toPlainText(), memory->targetOf(0));
    }

    // Confirming "Key Points" fills its repetitions (untranslated, identical source) as
    // drafts in the same write; with the setting off, nothing else changes.
    void confirmingFillsRepetitionsAsDraftsUnlessTurnedOff()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        QList<int> keyPoints;
        for (int i = 0; i < session.unitCount(); ++i)
            if (session.unit(i).source == QStringLiteral("Key Points") && session.state(i) == UnitState::Untranslated)
                keyPoints.append(i);
        QVERIFY(keyPoints.size() >= 3);
        window->setCurrentUnit(keyPoints[0]);
        window->editor()->setFocus();
        type(window->editor(), QStringLiteral("Puntos importantes"));
        QTest::keyClick(window->editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(session.state(keyPoints[0]), UnitState::Translated);
        auto onDisk = PoCatalog::read(session.catalogPath());
        for (int other : keyPoints.mid(1)) {
            QCOMPARE(session.state(other), UnitState::Draft);
            const PoEntry &e = onDisk->entries[onDisk->indexOfContext(session.unit(other).id)];
            QCOMPARE(e.msgstr, QStringLiteral("Puntos importantes"));
            QVERIFY(e.fuzzy);
        }
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("repetitions filled as drafts")),
                 qPrintable(window->statusBar()->currentMessage()));
        // Off (Settings menu), another repeated heading stays as it was.
        QAction *setting = nullptr;
        for (QAction *a : window->findChildren<QAction *>())
            if (a->text() == QStringLiteral("Fill &repetitions when confirming"))
                setting = a;
        QVERIFY(setting && setting->isChecked());
        setting->trigger();
        const auto backOn = qScopeGuard([] { QSettings().remove(QStringLiteral("editor/fillRepetitions")); });
        QVERIFY(!session.fillsRepetitions());
        // The first source, in document order, that two untranslated units share.
        QHash<QString, QList<int>> bySource;
        QList<int> repeated;
        for (int i = 0; i < session.unitCount() && repeated.isEmpty(); ++i)
            if (session.state(i) == UnitState::Untranslated) {
                bySource[session.unit(i).source].append(i);
                if (bySource[session.unit(i).source].size() == 2)
                    repeated = bySource[session.unit(i).source];
            }
        QVERIFY(repeated.size() >= 2);
        window->setCurrentUnit(repeated[0]);
        type(window->editor(), QStringLiteral("Texto."));
        QVERIFY(confirmDespiteErrors(*window));
        QCOMPARE(session.state(repeated[0]), UnitState::Translated);
        QCOMPARE(session.state(repeated[1]), UnitState::Untranslated);
    }

    // Ctrl+K looks words up in the project and the memory, case and accents ignored: typed
    // into the concordance field (where the keys go), Enter on a hit goes to that unit.
    void concordanceFindsWordsInTheProjectWhateverTheirCaseAndAccents()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = session.indexOf(kLeukemiaUnit);
        window->setCurrentUnit(unit);
        window->editor()->setFocus();
        type(window->editor(), QStringLiteral("La leucemia puede afectar los glóbulos rojos, los glóbulos blancos y las plaquetas."));
        QVERIFY(confirmDespiteErrors(*window));
        QVERIFY(window->currentUnit() != unit);
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_K, Qt::ControlModifier);
        ConcordancePanel *concordance = window->concordance();
        QCOMPARE(QApplication::focusWidget(), concordance->query());
        typeIntoFocus(QStringLiteral("GLOBULOS blancos"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QListWidget *results = concordance->results();
        QVERIFY(results->count() >= 1);
        int row = -1;
        for (int i = 0; i < results->count(); ++i)
            if (results->item(i)->data(Qt::UserRole).toInt() == unit)
                row = i;
        QVERIFY(row >= 0);
        QVERIFY(results->item(row)->data(UnitTableModel::RichTextRole).toString().contains(QStringLiteral("glóbulos blancos")));
        for (int i = 0; i < results->count(); ++i) // every hit holds both words
            QVERIFY(results->item(i)->data(UnitTableModel::RichTextRole).toString().contains(QStringLiteral("white blood cell"), Qt::CaseInsensitive)
                    || results->item(i)->data(UnitTableModel::RichTextRole).toString().contains(QStringLiteral("glóbulos blancos"), Qt::CaseInsensitive));
        results->setFocus();
        results->setCurrentRow(row);
        QTest::keyClick(results, Qt::Key_Return);
        QCOMPARE(window->currentUnit(), unit);
        // A selection is looked up as it is.
        window->editor()->setFocus();
        window->editor()->selectAll();
        QTest::keyClick(window->editor(), Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(concordance->query()->text(), QStringLiteral("La leucemia puede afectar los glóbulos rojos, los glóbulos blancos y las plaquetas."));
    }

    // First start: the window fits the screen. Size, splitters and column widths come back as
    // the user left them, and the project is in the recent list.
    void windowLayoutIsRememberedAndFitsTheScreenAtFirst()
    {
        QSettings().clear();
        QTemporaryDir dir;
        copyProject(dir.path());
        auto session = EditorSession::open(dir.path(), QStringLiteral("es"));
        QVERIFY(session.ok());
        auto window = std::make_unique<MainWindow>(std::move(*session));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const QRect available = window->screen()->availableGeometry();
        QVERIFY2(available.contains(window->geometry()), qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(window->width()).arg(window->height())
                                                                         .arg(available.width()).arg(available.height())));
        window->resize(640, 480);
        window->grid()->header()->resizeSection(UnitTableModel::Number, 90);
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("gridAndEditor"));
        QVERIFY(splitter);
        splitter->setSizes({100, 300});
        const QList<int> sizes = splitter->sizes();
        QVERIFY(window->close());
        QVERIFY(QSettings().value(QStringLiteral("recentProjects")).toStringList().contains(QDir(dir.path()).absolutePath()));

        auto again = EditorSession::open(dir.path(), QStringLiteral("es"));
        auto reopened = std::make_unique<MainWindow>(std::move(*again));
        reopened->show();
        QVERIFY(QTest::qWaitForWindowExposed(reopened.get()));
        QCOMPARE(reopened->size(), QSize(640, 480));
        QCOMPARE(reopened->grid()->header()->sectionSize(UnitTableModel::Number), 90);
        QCOMPARE(reopened->findChild<QSplitter *>(QStringLiteral("gridAndEditor"))->sizes(), sizes);
        QSettings().clear();
    }

    // File -> Open document switches to another document of the project (its catalog made on
    // the way); Ctrl+E exports the page from the saved catalog, where the user says.
    void fileMenuOpensAnotherDocumentAndExports()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        QFile second(dir.filePath(QStringLiteral("source-content/en/second.md")));
        QVERIFY(second.open(QIODevice::WriteOnly));
        second.write("# Second\n\nRest at home.\n");
        second.close();
        auto window = openWindow(dir.path());
        QAction *openDocument = nullptr;
        for (QAction *a : window->findChildren<QAction *>())
            if (a->text() == QStringLiteral("Open &document\u2026"))
                openDocument = a;
        QVERIFY(openDocument);
        whenModalShows<QInputDialog>([](QInputDialog *dialog) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // adult-all-treatment.md -> second.md
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        openDocument->trigger();
        QVERIFY(!window->isVisible());
        MainWindow *next = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *m = qobject_cast<MainWindow *>(w); m && m != window.get() && m->isVisible())
                next = m;
        QVERIFY(next);
        QVERIFY(next->session().documentPath().endsWith(QStringLiteral("second.md")));
        QCOMPARE(next->session().unitCount(), 2);
        QVERIFY(QTest::qWaitForWindowActive(next)); // keys go to the new window
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("locales/es/second.po"))));

        next->setCurrentUnit(1);
        next->editor()->setFocus();
        type(next->editor(), QStringLiteral("Descanse en casa."));
        QVERIFY(confirmDespiteErrors(*next));
        whenModalShows<QFileDialog>([](QFileDialog *dialog) {
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name) {
                dialog->reject();
                return;
            }
            name->setFocus();
            name->selectAll();
            type(name, QStringLiteral("segundo.md"));
            QTest::keyClick(name, Qt::Key_Return);
        });
        QTest::keyClick(next->editor(), Qt::Key_E, Qt::ControlModifier);
        const QString exported = dir.filePath(QStringLiteral("localized/es/segundo.md"));
        QFile page(exported);
        QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(next->statusBar()->currentMessage()));
        const QByteArray bytes = page.readAll();
        QVERIFY(bytes.startsWith("---\n"));
        QVERIFY(bytes.contains("\n# Second\n\nDescanse en casa.\n"));
        QVERIFY(bytes.contains("workbench-source-language-units: 1"));
        QVERIFY(next->statusBar()->currentMessage().contains(QStringLiteral("1 unit translated, 1 kept in English")));
        next->close();
    }

    // The preview marks the whole current unit, markup inside it included, not its first 40
    // characters; what is typed shows after a short pause (the preview waits for one).
    void previewHighlightsTheWholeUnit()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = firstUnit(session, [&](int i) { return session.unit(i).source.contains(QStringLiteral("{1}")) && plainTextOf(session.unit(i).source).size() > 60 && session.state(i) == UnitState::Untranslated; });
        QVERIFY(unit >= 0);
        window->setCurrentUnit(unit);
        window->findChild<QTabWidget *>()->setCurrentWidget(window->preview());
        auto highlighted = [&] {
            QString text;
            for (QTextBlock b = window->preview()->document()->begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it)
                    if (it.fragment().charFormat().background().color() == QColor(0xff, 0xf3, 0xa8))
                        text += it.fragment().text();
            return text.simplified();
        };
        QTRY_COMPARE(highlighted(), plainTextOf(session.unit(unit).source).simplified());
        window->editor()->setFocus();
        type(window->editor(), QStringLiteral("Una frase larga "));
        // Without the source's placeholders the page keeps the English: that is what is marked.
        QTRY_COMPARE(highlighted(), plainTextOf(session.unit(unit).source).simplified());
        QString typed = QStringLiteral("Una frase larga ");
        for (QString next; !(next = nextMissingPlaceholder(session.unit(unit).source, window->editor()->toPlainText())).isEmpty();) {
            QTest::keyClick(window->editor(), Qt::Key_F9);
            type(window->editor(), QStringLiteral("con marcas "));
            typed += QStringLiteral("con marcas ");
        }
        type(window->editor(), QStringLiteral("que se ve entera hasta el final."));
        typed += QStringLiteral("que se ve entera hasta el final.");
        QTRY_COMPARE(highlighted(), typed.simplified());
    }

    // Ctrl+Shift+T adds the target words selected in the editor (and the source words typed)
    // to the project's glossary: written to glossary/added-terms.tbx and its TSV and word list,
    // and the glossary panel offers it at once.
    void addTermFromTheEditorReachesTheGlossaryAndItsFiles()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = firstUnit(session, [&](int i) { return session.unit(i).source.contains(QStringLiteral("cross section")); });
        QVERIFY(unit >= 0);
        window->setCurrentUnit(unit);
        window->editor()->setFocus();
        type(window->editor(), QStringLiteral("Un corte transversal"));
        QTest::keyClick(window->editor(), Qt::Key_Left, Qt::ShiftModifier | Qt::ControlModifier);
        QTest::keyClick(window->editor(), Qt::Key_Left, Qt::ShiftModifier | Qt::ControlModifier);
        QCOMPARE(window->editor()->textCursor().selectedText(), QStringLiteral("corte transversal"));
        auto prefilled = std::make_shared<QString>();
        whenModalShows<QDialog>([prefilled](QDialog *dialog) {
            *prefilled = dialog->findChild<QLineEdit *>(QStringLiteral("termTarget"))->text();
            // Nothing selected in the source: its field has the focus.
            typeIntoFocus(QStringLiteral("cross section"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(window->editor(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(*prefilled, QStringLiteral("corte transversal"));
        auto tbx = loadTbx(dir.filePath(QStringLiteral("glossary/added-terms.tbx")));
        QVERIFY(tbx.ok());
        QCOMPARE(tbx->concepts.size(), 1);
        QCOMPARE(tbx->concepts[0].termsIn(QStringLiteral("es")).first().text, QStringLiteral("corte transversal"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("glossary/added-terms.tsv"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("locales/es/added-terms-glossary.dic"))));
        bool offered = false;
        for (int i = 0; i < window->glossary()->count(); ++i)
            offered |= window->glossary()->item(i)->text().contains(QStringLiteral("cross section \u2192 corte transversal"));
        QVERIFY(offered);

        // A source term the curated glossary has: the new rendering joins that concept (one
        // glossary entry, not two competing ones).
        QVERIFY(session.addTerm(QStringLiteral("bone marrow"), QStringLiteral("médula hematopoyética")).ok());
        const int marrow = firstUnit(session, [&](int i) { return session.unit(i).source == QStringLiteral("Tests that examine the blood and bone marrow are used to diagnose ALL."); });
        window->setCurrentUnit(marrow);
        QStringList marrowEntries;
        for (int i = 0; i < window->glossary()->count(); ++i)
            if (window->glossary()->item(i)->text().contains(QStringLiteral("bone marrow \u2192")))
                marrowEntries.append(window->glossary()->item(i)->text());
        QCOMPARE(marrowEntries.size(), 1);
        QVERIFY2(marrowEntries[0].contains(QStringLiteral("médula hematopoyética")), qPrintable(marrowEntries[0]));
    }

    // A unit that starts with bold ("{1}¿Qué{/1} es…", where a mark before "**" would stop it
    // being emphasis) stays bold in the preview, highlighted whole;
    // a unit inside an attribute (image alt text) leaves the HTML intact, anchored before it.
    void previewMarksKeepTheMarkupAndTheHtmlIntact()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
        QFile doc(dir.filePath(QStringLiteral("source-content/en/doc.md")));
        QVERIFY(doc.open(QIODevice::WriteOnly));
        doc.write("**What** is ALL?\n\n![Bone marrow drawing](bone.png)\n");
        doc.close();
        auto session = EditorSession::open(dir.path(), QStringLiteral("es"));
        if (!session)
            QFAIL(qPrintable(session.error().toString()));
        EditorSession &s = **session;
        const int bold = firstUnit(s, [&](int i) { return s.unit(i).source == QStringLiteral("{1}What{/1} is ALL?"); });
        const int alt = firstUnit(s, [&](int i) { return s.unit(i).kind == QStringLiteral("image alt text"); });
        QVERIFY(bold >= 0 && alt >= 0);
        s.editTarget(bold, QStringLiteral("{1}¿Qué{/1} es la LLA?"));
        const QString boldHtml = previewHtml(QString::fromUtf8(renderGfmHtml(s.localizedMarkdown(bold), false)));
        QVERIFY2(boldHtml.contains(QStringLiteral("<p><strong><a name=\"current\"></a><span style=\"background:#fff3a8\">¿Qué</span></strong><span style=\"background:#fff3a8\"> es la LLA?</span></p>")),
                 qPrintable(boldHtml));
        s.editTarget(alt, QStringLiteral("Dibujo de la médula ósea"));
        const QString altHtml = previewHtml(QString::fromUtf8(renderGfmHtml(s.localizedMarkdown(alt), false)));
        QVERIFY2(altHtml.contains(QStringLiteral("<a name=\"current\"></a><img src=\"bone.png\" alt=\"Dibujo de la médula ósea\" />")),
                 qPrintable(altHtml));
    }

    // With LANGUAGE=es nothing the editor shows is left in English: no menu item, tab, filter,
    // column, unit kind or state, and the counts take Spanish plurals ("12 traducidas").
    void spanishInterfaceLeavesNoEnglishString()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        initUiLanguage(QStringLiteral(WB_BIN_DIR));
        const QByteArray language = qgetenv("LANGUAGE");
        qputenv("LANGUAGE", "es");
        const auto english = qScopeGuard([language] { qputenv("LANGUAGE", language); }); // whatever happens below
        auto window = openWindow(dir.path());
        QStringList shown;
        const std::function<void(QMenu *)> collect = [&](QMenu *menu) {
            shown.append(menu->title());
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    collect(a->menu());
                else if (!a->isSeparator())
                    shown.append(a->text());
            }
        };
        for (QAction *top : window->menuBar()->actions())
            if (top->menu())
                collect(top->menu());
        auto *tabs = window->findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i)
            shown.append(tabs->tabText(i));
        for (int i = 0; i < window->stateFilter()->count(); ++i)
            shown.append(window->stateFilter()->itemText(i));
        for (int c = 0; c < window->grid()->model()->columnCount(); ++c)
            shown.append(window->grid()->model()->headerData(c, Qt::Horizontal).toString());
        for (int row = 0; row < 40; ++row)
            shown.append(window->grid()->model()->index(row, UnitTableModel::State).data().toString().remove(QLatin1Char('*')));
        shown.append(window->search()->placeholderText());
        const QString source = window->findChild<QLabel *>(QStringLiteral("sourceText"))->text();
        // Every English string the catalog translates differently must not be on screen.
        auto catalog = PoCatalog::read(QStringLiteral(WB_SOURCE_DIR) + QStringLiteral("/locales/es/workbench-ui.po"));
        QVERIFY(catalog.ok());
        QSet<QString> englishTexts;
        for (const PoEntry &e : catalog->entries)
            if (!e.msgid.isEmpty() && e.msgstr != e.msgid)
                englishTexts.insert(e.msgid);
        QStringList left;
        for (const QString &text : std::as_const(shown))
            if (englishTexts.contains(text))
                left.append(text);
        for (const QString &kind : {QStringLiteral("list item"), QStringLiteral("heading 1"), QStringLiteral("paragraph")})
            if (source.contains(QStringLiteral("<i>%1</i>").arg(kind)))
                left.append(kind);
        QString statusText;
        for (QLabel *label : window->statusBar()->findChildren<QLabel *>())
            statusText += label->text();
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(" | "))));
        QVERIFY2(statusText.contains(QStringLiteral(" sin traducir")) && statusText.contains(QStringLiteral("borradores")),
                 qPrintable(statusText));
        QVERIFY(!shown.filter(QStringLiteral("Archivo")).isEmpty()); // and it is Spanish, not just not English
    }

    // Bad files met from the editor say which file, which line and what is wrong, and change
    // nothing: a TMX cut off in the middle, a glossary/added-terms.tbx that is not XML.
    void badMemoryOrGlossaryFilesAreNamedWithTheirLine()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        const QString tmx = dir.filePath(QStringLiteral("cut.tmx"));
        QFile cut(tmx);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>Bone");
        cut.close();
        window->importMemory(tmx);
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("cut.tmx:4")));

        QFile broken(dir.filePath(QStringLiteral("glossary/added-terms.tbx")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("<tbx>\n<text>\n");
        broken.close();
        EditorSession &session = window->session();
        auto added = session.addTerm(QStringLiteral("red marrow"), QStringLiteral("médula roja"));
        QVERIFY(!added.ok());
        QVERIFY2(added.error().toString().contains(QStringLiteral("added-terms.tbx:")), qPrintable(added.error().toString()));
        QFile after(dir.filePath(QStringLiteral("glossary/added-terms.tbx")));
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), QByteArray("<tbx>\n<text>\n")); // untouched
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("glossary/added-terms.tsv"))));
    }

    // A malformed glossary used to leave QA silently empty: the banner above the grid names
    // the file and line for as long as the window is open, and a misspelling is then not
    // underlined because there are no checks, not because the text is right.
    void aMalformedGlossaryIsNamedInABannerWithItsLine()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        QFile broken(dir.filePath(QStringLiteral("glossary/zz-broken.tbx")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("<?xml version=\"1.0\"?>\n<tbx>\n<text><body>\n<termEntry id=\"x\">\n");
        broken.close();
        auto window = openWindow(dir.path());
        auto *banner = window->findChild<QLabel *>(QStringLiteral("loadProblems"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("zz-broken.tbx:")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("QA checks are off")), qPrintable(banner->text()));
        // Moving through units keeps it in view, once.
        window->setCurrentUnit(1);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text().count(QStringLiteral("zz-broken.tbx:")), 1);

        // A sound project shows no banner.
        QTemporaryDir sound;
        copyProject(sound.path());
        auto soundWindow = openWindow(sound.path());
        QVERIFY(!soundWindow->findChild<QLabel *>(QStringLiteral("loadProblems"))->isVisible());
    }

    // A no-break space typed between a number and its unit ("10 mg") is saved as typed:
    // QPlainTextEdit's plain text turns it into an ordinary space.
    void noBreakSpacesAreSavedAsTyped()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = session.indexOf(kLeukemiaUnit);
        window->setCurrentUnit(unit);
        window->editor()->setFocus();
        type(window->editor(), QStringLiteral("La leucemia afecta a 10\u00A0mg de plaquetas."));
        QCOMPARE(session.target(unit), QStringLiteral("La leucemia afecta a 10\u00A0mg de plaquetas."));
        QVERIFY(confirmDespiteErrors(*window));
        auto onDisk = PoCatalog::read(session.catalogPath());
        QCOMPARE(onDisk->entries[onDisk->indexOfContext(kLeukemiaUnit)].msgstr, QStringLiteral("La leucemia afecta a 10\u00A0mg de plaquetas."));
        window->setCurrentUnit(unit); // shown again: the same text, its undo history kept
        QCOMPARE(window->editor()->text(), QStringLiteral("La leucemia afecta a 10\u00A0mg de plaquetas."));
    }

    // Closing the editor right after changing the filter, before the grid has laid out its
    // rows again: the grid still asks for the rows' text while the window is torn down, and the
    // session behind it must still be there (it was destroyed first: a crash on quit).
    void closingRightAfterFilteringDoesNotCrash()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        QVERIFY(window->filter()->setSearch(QStringLiteral("platelet"), UnitFilterModel::Scope::Source, false));
        window->filter()->setState(QStringLiteral("untranslated"));
        window.reset(); // as when a test or the application ends with the window still shown
        QVERIFY(!window);
    }

    void filterNarrowsTheGrid()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        const int all = window->filter()->rowCount();
        QVERIFY(window->filter()->setSearch(QStringLiteral("platelet"), UnitFilterModel::Scope::Source, false));
        const int some = window->filter()->rowCount();
        QVERIFY(some > 0);
        QVERIFY(some < all / 10);
        window->filter()->setState(QStringLiteral("translated"));
        QCOMPARE(window->filter()->rowCount(), 0);
        QVERIFY(!window->filter()->setSearch(QStringLiteral("(unclosed"), UnitFilterModel::Scope::Both, true));
    }

    void revisedEnglishIsShownOldToNewAndFilterable()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        const QString po = dir.filePath(QStringLiteral("locales/es/adult-all-treatment.po"));
        auto catalog = PoCatalog::read(po);
        QVERIFY(catalog.ok());
        const QString reworded = QStringLiteral("This type of cancer usually gets worse quickly if it is not treated.");
        for (PoEntry &entry : catalog->entries)
            if (entry.msgid == reworded)
                entry.msgstr = QStringLiteral("Este tipo de cáncer suele empeorar rápido si no se trata.");
        QVERIFY(catalog->write(po).ok());
        // NCI's next revision of the summary, brought in as `workbench update` does.
        const QString document = dir.filePath(QStringLiteral("source-content/en/adult-all-treatment.md"));
        QFile::remove(document);
        QVERIFY(QFile::copy(QStringLiteral(WB_SOURCE_DIR "/tests/data/revision/adult-all-treatment.v2.md"), document));
        auto project = ProjectContext::open(dir.path(), {}, QStringLiteral("es"));
        QVERIFY(project.ok());
        auto segmenter = loadSegmenter(project->project().rulesPath(), QStringLiteral("en"));
        QVERIFY(segmenter.ok());
        QVERIFY(updateDocumentCatalog(*project, document, **segmenter, QDateTime::currentDateTimeUtc()).ok());

        auto window = openWindow(dir.path());
        window->filter()->setState(QStringLiteral("changed-by-update"));
        QCOMPARE(window->filter()->rowCount(), 5); // 2 moved, 2 edited, 1 added
        int edited = -1;
        for (int i = 0; i < window->session().unitCount(); ++i)
            if (window->session().unit(i).source.startsWith(QStringLiteral("This type of cancer usually gets worse very")))
                edited = i;
        QVERIFY(edited >= 0);
        window->setCurrentUnit(edited);
        const QString shown = window->findChild<QLabel *>(QStringLiteral("sourceText"))->text();
        QVERIFY2(shown.contains(QStringLiteral("English changed:")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("very ")) && shown.contains(QStringLiteral("right away")), qPrintable(shown));
        QCOMPARE(window->session().target(edited), QStringLiteral("Este tipo de cáncer suele empeorar rápido si no se trata."));
        QCOMPARE(window->session().state(edited), UnitState::Draft);
    }

    void undoRestoresThePreviousTargetPerUnit()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        const int first = window->session().indexOf(kLeukemiaUnit);
        window->setCurrentUnit(first);
        type(window->editor(), QStringLiteral("uno"));
        window->setCurrentUnit(first + 1);
        type(window->editor(), QStringLiteral("dos"));
        window->setCurrentUnit(first); // back: its own history is still there
        QCOMPARE(window->editor()->toPlainText(), QStringLiteral("uno"));
        QTest::keyClick(window->editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window->editor()->toPlainText(), QString());
        QCOMPARE(window->session().target(first), QString());
        QCOMPARE(window->session().target(first + 1), QStringLiteral("dos"));
    }

    void findAndReplaceShowsEveryChangeFirst()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        session.editTarget(0, QStringLiteral("Leucemia linfoblástica aguda"));
        session.editTarget(1, QStringLiteral("Información sobre la leucemia"));
        FindReplaceDialog dialog(session);
        dialog.findChildren<QLineEdit *>()[0]->setText(QStringLiteral("eucemia"));
        dialog.findChildren<QLineEdit *>()[1]->setText(QStringLiteral("EUCEMIA"));
        const auto preview = dialog.preview();
        QCOMPARE(preview.size(), 2);
        QCOMPARE(session.target(0), QStringLiteral("Leucemia linfoblástica aguda")); // nothing changed yet
        QCOMPARE(dialog.apply(), (QList<int>{0, 1}));
        QCOMPARE(session.target(1), QStringLiteral("Información sobre la lEUCEMIA"));
        QVERIFY(session.isEdited(1)); // still to be confirmed
    }

    // Ctrl+H: the preview shows each translation with the words that change struck through
    // and the new ones underlined, before anything changes.
    void findAndReplacePreviewShowsTheChangedWords()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        session.editTarget(0, QStringLiteral("Leucemia linfoblástica aguda"));
        session.editTarget(1, QStringLiteral("Información sobre la leucemia"));
        auto shown = std::make_shared<QStringList>();
        auto summary = std::make_shared<QString>();
        whenModalShows<FindReplaceDialog>([shown, summary](FindReplaceDialog *dialog) {
            const auto fields = dialog->findChildren<QLineEdit *>();
            fields[0]->setFocus();
            typeIntoFocus(QStringLiteral("leucemia"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            typeIntoFocus(QStringLiteral("leucemia linfoide"));
            auto *list = dialog->findChild<QTreeWidget *>();
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                shown->append(list->topLevelItem(i)->data(1, UnitTableModel::RichTextRole).toString());
            for (QLabel *label : dialog->findChildren<QLabel *>())
                if (label->text().contains(QStringLiteral("would change")))
                    *summary = label->text();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(window->editor(), Qt::Key_H, Qt::ControlModifier);
        QCOMPARE(shown->size(), 1); // case matters: only the lower-case one
        QVERIFY2(shown->first().contains(QStringLiteral("<u style=\"color:#2e7d32\">linfoide</u>")), qPrintable(shown->first()));
        QVERIFY(shown->first().startsWith(QStringLiteral("Información sobre la ")));
        QCOMPARE(*summary, QStringLiteral("1 translation would change; it stays unconfirmed until you confirm it."));
        QCOMPARE(session.target(1), QStringLiteral("Información sobre la leucemia")); // cancelled: nothing changed
    }

    void reviewerApprovesCorrectsAndRejects()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        session.setFillRepetitions(false); // the sentence is also a heading: one unit to review here
        const int unit = session.indexOf(kLeukemiaUnit);
        window->setCurrentUnit(unit);
        type(window->editor(), QStringLiteral("La leucemia afecta a las células."));
        QVERIFY(confirmDespiteErrors(*window));

        // The reviewer: corrects the target, approves with Ctrl+Shift+Enter.
        window.reset();
        qputenv("WORKBENCH_USER", "Rosa Reviewer");
        auto reviewer = openWindow(dir.path());
        EditorSession &review = reviewer->session();
        reviewer->filter()->setState(QStringLiteral("changed-since-review"));
        QCOMPARE(reviewer->filter()->rowCount(), 1);
        reviewer->setCurrentUnit(unit);
        reviewer->editor()->selectAll();
        type(reviewer->editor(), QStringLiteral("La leucemia puede afectar los glóbulos rojos, los glóbulos blancos y las plaquetas."));
        QTest::keyClick(reviewer->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(review.state(unit), UnitState::Approved);
        QCOMPARE(*previousTargetOf(*review.entry(unit)), QStringLiteral("La leucemia afecta a las células."));
        QCOMPARE(reviewer->filter()->rowCount(), 0); // nothing changed since this review
        auto onDisk = PoCatalog::read(review.catalogPath());
        QCOMPARE(stateOf(onDisk->entries[onDisk->indexOfContext(kLeukemiaUnit)]), UnitState::Approved);

        reviewer->setCurrentUnit(unit);
        QVERIFY(!reviewer->rejectCurrent(QString())); // a reason is required
        QVERIFY(reviewer->rejectCurrent(QStringLiteral("falta “agudo”")));
        QCOMPARE(review.state(unit), UnitState::Rejected);
        // One dialog for the error, about the words selected in the editor (Shift+Ctrl+Left x2:
        // "las plaquetas."), its choices in the interface language.
        reviewer->editor()->setFocus();
        QTextCursor end = reviewer->editor()->textCursor();
        end.movePosition(QTextCursor::End);
        reviewer->editor()->setTextCursor(end);
        QTest::keyClick(reviewer->editor(), Qt::Key_Left, Qt::ShiftModifier | Qt::ControlModifier);
        QTest::keyClick(reviewer->editor(), Qt::Key_Left, Qt::ShiftModifier | Qt::ControlModifier);
        QTest::keyClick(reviewer->editor(), Qt::Key_Left, Qt::ShiftModifier | Qt::ControlModifier);
        auto dialogTitle = std::make_shared<QString>();
        auto words = std::make_shared<QString>();
        whenModalShows<QDialog>([dialogTitle, words](QDialog *dialog) {
            *dialogTitle = dialog->windowTitle();
            *words = dialog->findChild<QLabel *>(QStringLiteral("annotatedWords"))->text();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // category: accuracy/omission
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // severity: major
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            typeIntoFocus(QStringLiteral("falta agudo"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(reviewer->editor(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(*dialogTitle, QStringLiteral("Annotate an error"));
        QCOMPARE(*words, QStringLiteral("\u00ABlas plaquetas.\u00BB"));
        const QList<ReviewError> errors = errorsOf(*review.entry(unit));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].category, QStringLiteral("accuracy/omission"));
        QCOMPARE(errors[0].severity, QStringLiteral("major"));
        QCOMPARE(errors[0].note, QStringLiteral("falta agudo"));
        QCOMPARE(errors[0].words, QStringLiteral("las plaquetas."));
        qputenv("WORKBENCH_USER", "Test Translator");
    }

    void confirmedTranslationsComeBackAsMemoryMatches()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        session.setMemory(std::move(*EditorSession::buildMemory(session.memorySources(), QStringLiteral("en"), QStringLiteral("es"))));
        session.setFillRepetitions(false); // the memory is what this test is about
        // "Key Points" appears once per section: translate the first, the others match it.
        const int first = session.indexOf(QStringLiteral("key-points.b2802386"));
        const int second = session.indexOf(QStringLiteral("key-points.b2802386.2"));
        QVERIFY(first >= 0 && second > first);
        window->setCurrentUnit(first);
        type(window->editor(), QStringLiteral("Puntos importantes"));
        QVERIFY(window->confirmAndNext());
        const QList<TmMatch> matches = session.memoryMatches(second);
        QVERIFY(!matches.isEmpty());
        QCOMPARE(matches.first().score, 100);
        QCOMPARE(matches.first().target, QStringLiteral("Puntos importantes"));
        window->setCurrentUnit(second);
        QTest::keyClick(window->editor(), Qt::Key_1, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(window->editor()->toPlainText(), QStringLiteral("Puntos importantes"));
    }

    void placeholdersAreDeletedWhole()
    {
        TargetEditor editor;
        editor.setPlainText(QStringLiteral("Vea {1}la lista{/1}."));
        QTextCursor c = editor.textCursor();
        c.setPosition(int(QStringLiteral("Vea {1}la lista{/1}").size()));
        editor.setTextCursor(c);
        QTest::keyClick(&editor, Qt::Key_Backspace);
        QCOMPARE(editor.toPlainText(), QStringLiteral("Vea {1}la lista."));
        c.setPosition(4);
        editor.setTextCursor(c);
        QTest::keyClick(&editor, Qt::Key_Delete);
        QCOMPARE(editor.toPlainText(), QStringLiteral("Vea la lista."));
    }

    void externalChangeIsMergedNotLost()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int mine = session.indexOf(kLeukemiaUnit);
        const int theirs = mine + 1;
        window->setCurrentUnit(mine);
        type(window->editor(), QStringLiteral("Mi traducción sin confirmar"));

        // A reviewer in another window saves two units: one this user never touched,
        // and the one this user is editing.
        auto other = PoCatalog::read(session.catalogPath());
        QVERIFY(other.ok());
        other->entries[other->indexOfContext(session.unit(theirs).id)].msgstr = QStringLiteral("Traducción del revisor");
        other->entries[other->indexOfContext(kLeukemiaUnit)].msgstr = QStringLiteral("Otra versión");
        QVERIFY(other->write(session.catalogPath()).ok());
        window->mergeFromDisk();

        QCOMPARE(session.target(theirs), QStringLiteral("Traducción del revisor"));     // untouched: takes the disk version
        QCOMPARE(session.target(mine), QStringLiteral("Mi traducción sin confirmar"));  // touched: kept...
        QCOMPARE(*session.conflictingTarget(mine), QStringLiteral("Otra versión"));     // ...and shown as a conflict

        // Confirming now writes the user's unit and keeps the reviewer's.
        QVERIFY(confirmDespiteErrors(*window));
        auto after = PoCatalog::read(session.catalogPath());
        QCOMPARE(after->entries[after->indexOfContext(session.unit(theirs).id)].msgstr, QStringLiteral("Traducción del revisor"));
        QCOMPARE(after->entries[after->indexOfContext(kLeukemiaUnit)].msgstr, QStringLiteral("Mi traducción sin confirmar"));
    }

    // Ctrl+F and a query typed at a person's pace: every key lands in the search field, even
    // when the current unit leaves the list on the way; no translation changes.
    void searchKeepsFocusAndNeverTypesIntoATranslation()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        EditorSession &session = window->session();
        window->setCurrentUnit(session.indexOf(kLeukemiaUnit));
        QTest::keyClick(window->editor(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->search()));
        const QString query = QStringLiteral("how cancer develops");
        typeIntoFocus(query);
        QCOMPARE(window->search()->text(), query);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->search()));
        for (int i = 0; i < session.unitCount(); ++i)
            QVERIFY2(!session.isEdited(i), qPrintable(QStringLiteral("unit #%1 was edited: %2").arg(i + 1).arg(session.target(i))));
        // The editor left the unit the search no longer lists, for one it lists.
        QVERIFY(window->filter()->rowCount() > 0);
        QVERIFY(listedUnits(*window).contains(window->currentUnit()));
        QVERIFY(gridShowsCurrentUnit(*window));
    }

    // Ctrl+Shift+Down, Ctrl+Down and Ctrl+Enter walk the list as filtered; grid and editor agree.
    void everyNextStepWalksTheFilteredList()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        window->search()->setFocus();
        typeIntoFocus(QStringLiteral("leukemia"));
        const QList<int> listed = listedUnits(*window);
        QVERIFY(listed.size() >= 4);
        QVERIFY(listed.size() < window->session().unitCount() / 4);
        QCOMPARE(window->currentUnit(), listed.first());
        for (int step = 1; step < 4; ++step) {
            QTest::keyClick(window->search(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(window->currentUnit(), listed[step]);
            QVERIFY(gridShowsCurrentUnit(*window));
            QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->search()));
        }
        QTest::keyClick(window->search(), Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(window->currentUnit(), listed[4 % listed.size()]);
        // Confirming goes to the next listed unit that needs work, not to one outside the list.
        window->editor()->setFocus();
        typeIntoFocus(QStringLiteral("La leucemia."));
        const int confirmed = window->currentUnit();
        QTest::keyClick(window->editor(), Qt::Key_Return, Qt::ControlModifier);
        if (window->session().state(confirmed) != UnitState::Translated) // QA errors shown: press again
            QTest::keyClick(window->editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->session().state(confirmed), UnitState::Translated);
        QVERIFY(listedUnits(*window).contains(window->currentUnit()));
        QVERIFY(window->currentUnit() != confirmed);
        QVERIFY(gridShowsCurrentUnit(*window));
    }

    // A reviewer on the "translated" list presses approve once per listed unit: exactly
    // those units are approved, in order, none skipped, none outside the list.
    void approvingEveryListedUnitApprovesExactlyThose()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        QList<int> translated = translateUnits(session, 5, 3) + translateUnits(session, 40, 3);
        QCOMPARE(translated.size(), 6);
        window.reset();
        qputenv("WORKBENCH_USER", "Rosa Reviewer");
        auto reviewer = openWindow(dir.path());
        EditorSession &review = reviewer->session();
        QList<int> approvedBefore;
        for (int i = 0; i < review.unitCount(); ++i)
            if (review.state(i) == UnitState::Approved)
                approvedBefore.append(i);
        reviewer->stateFilter()->setCurrentIndex(reviewer->stateFilter()->findData(QStringLiteral("translated")));
        const QList<int> listed = listedUnits(*reviewer);
        QVERIFY(listed.size() >= translated.size());
        QCOMPARE(reviewer->currentUnit(), listed.first());
        reviewer->editor()->setFocus();
        QList<int> visited;
        for (int n = 0; n < listed.size(); ++n) {
            const int unit = reviewer->currentUnit();
            visited.append(unit);
            QTest::keyClick(reviewer->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
            if (review.state(unit) != UnitState::Approved) { // QA errors shown, nothing moved: press again
                QCOMPARE(reviewer->currentUnit(), unit);
                QTest::keyClick(reviewer->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
            }
            QCOMPARE(review.state(unit), UnitState::Approved);
        }
        QCOMPARE(visited, listed);
        QCOMPARE(reviewer->filter()->rowCount(), 0);
        int approved = 0;
        for (int i = 0; i < review.unitCount(); ++i)
            if (review.state(i) == UnitState::Approved)
                ++approved;
        QCOMPARE(approved, approvedBefore.size() + listed.size());
        qputenv("WORKBENCH_USER", "Test Translator");
    }

    // Rejecting the first of three listed units goes to the second, not the third.
    void rejectingGoesToTheNextListedUnit()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        const QList<int> translated = translateUnits(window->session(), 3, 3);
        QCOMPARE(translated.size(), 3);
        window->stateFilter()->setCurrentIndex(window->stateFilter()->findData(QStringLiteral("translated")));
        const QList<int> listed = listedUnits(*window);
        QVERIFY(listed.size() >= 3);
        window->setCurrentUnit(listed[0]);
        QVERIFY(window->rejectCurrent(QStringLiteral("falta “agudo”")));
        QCOMPARE(window->session().state(listed[0]), UnitState::Rejected);
        QCOMPARE(window->currentUnit(), listed[1]);
        QVERIFY(gridShowsCurrentUnit(*window));
    }

    // "médula espinal" for "bone marrow": underlined at its span in the editor as an error,
    // marked in the grid with the error icon, and Ctrl+Enter saves only when pressed again.
    void forbiddenTermIsMarkedAndConfirmingItTakesASecondPress()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = firstUnit(session, [&](int i) { return session.unit(i).source.contains(QLatin1String("bone marrow")) && session.state(i) == UnitState::Untranslated; });
        QVERIFY(unit >= 0);
        window->setCurrentUnit(unit);
        window->editor()->setFocus();
        const QString text = QStringLiteral("La médula espinal produce células sanguíneas.");
        typeIntoFocus(text);

        const QTextBlock block = window->editor()->document()->firstBlock();
        const int at = int(text.indexOf(QStringLiteral("médula espinal")));
        QString marked;
        for (const QTextLayout::FormatRange &range : block.layout()->formats())
            if (range.format.underlineStyle() == QTextCharFormat::WaveUnderline
                && range.format.underlineColor() == SpellHighlighter::findingColor(Severity::Error))
                marked += block.text().mid(range.start, range.length);
        QCOMPARE(marked, text.mid(at, int(QStringLiteral("médula espinal").size())));

        const QModelIndex qaCell = window->filter()->mapFromSource(window->filter()->sourceModel()->index(unit, UnitTableModel::Qa));
        QCOMPARE(qaCell.data(UnitTableModel::QaSeverityRole).toString(), QStringLiteral("error"));
        const QIcon icon = qaCell.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        QVERIFY(icon.pixmap(16).toImage() != UnitTableModel::severityIcon(Severity::Warning).pixmap(16).toImage());

        QTest::keyClick(window->editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->currentUnit(), unit); // not saved, not moved on
        QCOMPARE(session.state(unit), UnitState::Untranslated);
        // The errors are in view: the QA panel lists the forbidden term, the status bar says to press again.
        QVERIFY(window->qa()->isVisible());
        auto *unitFindings = qobject_cast<QListWidget *>(window->qa()->widget(0));
        QVERIFY(unitFindings && unitFindings->isVisible());
        bool listed = false;
        for (int i = 0; i < unitFindings->count(); ++i)
            listed |= unitFindings->item(i)->text().contains(QStringLiteral("terminology.forbidden"))
                && unitFindings->item(i)->text().contains(QStringLiteral("médula espinal"));
        QVERIFY(listed);
        QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("QA errors:")));
        auto onDisk = PoCatalog::read(session.catalogPath());
        QVERIFY(onDisk->entries[onDisk->indexOfContext(session.unit(unit).id)].msgstr.isEmpty());

        QTest::keyClick(window->editor(), Qt::Key_Return, Qt::ControlModifier); // the second press saves
        QCOMPARE(session.state(unit), UnitState::Translated);
        QVERIFY(window->currentUnit() != unit);
        onDisk = PoCatalog::read(session.catalogPath());
        QCOMPARE(onDisk->entries[onDisk->indexOfContext(session.unit(unit).id)].msgstr, text);
    }

    // Ctrl+Q with an unconfirmed edit asks first: Cancel keeps the window and the edit,
    // "Confirm all" saves it and quits; the question names each unit with its text.
    void quittingWithUnconfirmedEditsAsks()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        const int unit = session.indexOf(kLeukemiaUnit);
        window->setCurrentUnit(unit);
        window->editor()->setFocus();
        typeIntoFocus(QStringLiteral("La leucemia puede afectar las plaquetas."));

        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto asked = std::make_shared<QString>();
        answerNextMessageBox(asked, QString()); // Escape: cancel
        QTest::keyClick(window->editor(), Qt::Key_Q, Qt::ControlModifier);
        QVERIFY(window->isVisible());
        QVERIFY(session.isEdited(unit));
        QVERIFY2(asked->contains(QStringLiteral("#%1").arg(unit + 1)), qPrintable(*asked));
        QVERIFY2(asked->contains(QStringLiteral("Leukemia may affect")), qPrintable(*asked));
        QVERIFY2(asked->contains(QStringLiteral("La leucemia puede afectar las plaquetas.")), qPrintable(*asked));

        asked->clear();
        window->activateWindow(); // the closed question had the focus
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        answerNextMessageBox(asked, QStringLiteral("Confirm all"));
        QTest::keyClick(window->editor(), Qt::Key_Q, Qt::ControlModifier);
        QVERIFY(!asked->isEmpty());
        QTRY_VERIFY(!window->isVisible());
        auto onDisk = PoCatalog::read(session.catalogPath());
        QCOMPARE(onDisk->entries[onDisk->indexOfContext(kLeukemiaUnit)].msgstr, QStringLiteral("La leucemia puede afectar las plaquetas."));
    }

    // After a crash, the offer to restore lists each unit with its number, English and edit.
    void theRestoreOfferListsEachUnitWithItsEdit()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        int unit = -1;
        {
            auto session = EditorSession::open(dir.path(), QStringLiteral("es"));
            QVERIFY(session.ok());
            unit = (*session)->indexOf(kLeukemiaUnit);
            (*session)->editTarget(unit, QStringLiteral("Sin confirmar"));
        }
        auto window = openWindow(dir.path());
        auto asked = std::make_shared<QString>();
        answerNextMessageBox(asked, QStringLiteral("&Yes"));
        window->offerRecovery();
        QVERIFY2(asked->contains(QStringLiteral("#%1  Leukemia may affect").arg(unit + 1)), qPrintable(*asked));
        QVERIFY2(asked->contains(QStringLiteral("Sin confirmar")), qPrintable(*asked));
        QCOMPARE(window->session().target(unit), QStringLiteral("Sin confirmar"));
    }

    // F8 / Shift+F8 walk the listed units that have QA findings; Ctrl+J goes to a unit number.
    void qaIssuesAndUnitNumbersAreOneKeyAway()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        auto window = openWindow(dir.path());
        EditorSession &session = window->session();
        translateUnits(session, 5, 3); // "Traducción 6." : numbers and terms the source does not have
        QList<int> withFindings;
        for (int unit : listedUnits(*window))
            if (!session.findings(unit).isEmpty())
                withFindings.append(unit);
        QVERIFY(withFindings.size() >= 3);
        window->setCurrentUnit(0);
        window->editor()->setFocus();
        for (int expected : withFindings.mid(0, 3)) {
            QTest::keyClick(window->editor(), Qt::Key_F8);
            QCOMPARE(window->currentUnit(), expected);
            QVERIFY(gridShowsCurrentUnit(*window));
        }
        QTest::keyClick(window->editor(), Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(window->currentUnit(), withFindings[1]);

        whenModalShows<QInputDialog>([](QInputDialog *dialog) {
            QWidget *field = dialog->focusWidget() ? dialog->focusWidget() : dialog;
            QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(field, QStringLiteral("12"));
            QTest::keyClick(field, Qt::Key_Return);
        });
        window->activateWindow(); // window shortcuts need the active window
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window->editor(), Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(window->currentUnit(), 11);
        QVERIFY(gridShowsCurrentUnit(*window));
    }

    void unconfirmedEditsSurviveACrash()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        {
            auto session = EditorSession::open(dir.path(), QStringLiteral("es"));
            QVERIFY(session.ok());
            (*session)->editTarget((*session)->indexOf(kLeukemiaUnit), QStringLiteral("Sin confirmar"));
            // No confirm, no clean shutdown: the session object is simply gone.
        }
        auto reopened = EditorSession::open(dir.path(), QStringLiteral("es"));
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->recoverableEdits().value(kLeukemiaUnit), QStringLiteral("Sin confirmar"));
        (*reopened)->restoreRecoverableEdits();
        QCOMPARE((*reopened)->target((*reopened)->indexOf(kLeukemiaUnit)), QStringLiteral("Sin confirmar"));
    }

    // A catalog git merged as plain text: the editor offers the repair instead of refusing
    // the file; the person presses Repair and gets the unit in conflict to choose from.
    void aCatalogWithGitsConflictMarkersIsRepairedOnOpen()
    {
        QTemporaryDir dir;
        copyProject(dir.path());
        const QString catalog = markCatalogAsGitWould(dir.path(), QStringLiteral("Versión de Ana."), QStringLiteral("Versión de Rosa."));
        const QByteArray marked = readBytes(catalog);
        QVERIFY(marked.contains("<<<<<<<"));

        // Escape first: nothing is touched and the reason is given.
        auto asked = std::make_shared<QString>();
        answerNextMessageBox(asked, {});
        auto declined = openSessionOfferingRepair(dir.path(), QStringLiteral("es"), {}, nullptr);
        QVERIFY(!declined.ok());
        QVERIFY2(declined.error().message.contains(QStringLiteral("git conflict markers")), qPrintable(declined.error().message));
        QVERIFY2(asked->contains(QStringLiteral("conflict markers")), qPrintable(*asked));
        QCOMPARE(readBytes(catalog), marked);

        answerNextMessageBox(asked, QStringLiteral("Repair"));
        QString notes;
        auto session = openSessionOfferingRepair(dir.path(), QStringLiteral("es"), {}, nullptr, &notes);
        QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().toString()));
        QVERIFY2(notes.contains(QStringLiteral("1 units in conflict")), qPrintable(notes));
        const int unit = (*session)->indexOf(kLeukemiaUnit);
        QCOMPARE((*session)->target(unit), QStringLiteral("Versión de Ana."));
        QVERIFY((*session)->conflictingTarget(unit).has_value());
        QCOMPARE(*(*session)->conflictingTarget(unit), QStringLiteral("Versión de Rosa."));
        QVERIFY(!readBytes(catalog).contains("<<<<<<<"));
    }

    // After `workbench align`, a reviewer picks "Aligned, low confidence" from the filter with
    // the keyboard and gets exactly the drafts filled from weak links.
    void theAlignedLowConfidenceFilterListsTheWeakLinks()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
        writeBytes(dir.filePath(QStringLiteral("source-content/en/doc.md")),
                   "# Fever\n\nCall your doctor if the fever lasts more than 3 days. Rest at home until you feel much better again.\n");
        writeBytes(dir.filePath(QStringLiteral("published.md")),
                   "# Fiebre\n\nLlame a su médico si la fiebre dura más de 3 días. Descanse.\n");
        QProcess cli;
        cli.start(QStringLiteral(WB_CLI), {QStringLiteral("align"), QStringLiteral("--project"), dir.path(), QStringLiteral("--locale"),
                                          QStringLiteral("es"), QStringLiteral("--document"), QStringLiteral("doc"),
                                          dir.filePath(QStringLiteral("published.md")), QStringLiteral("--min-score"), QStringLiteral("0")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        auto window = openWindow(dir.path());
        const int rest = window->session().indexOf(idOfSource(window->session(), QStringLiteral("Rest at home")));
        QVERIFY(rest >= 0);
        QCOMPARE(window->session().target(rest), QStringLiteral("Descanse."));
        window->stateFilter()->setFocus();
        const int wanted = window->stateFilter()->findData(QStringLiteral("aligned-low-confidence"));
        QVERIFY(wanted > 0);
        while (window->stateFilter()->currentIndex() < wanted)
            QTest::keyClick(window->stateFilter(), Qt::Key_Down);
        QCOMPARE(window->stateFilter()->currentData().toString(), QStringLiteral("aligned-low-confidence"));
        QCOMPARE(listedUnits(*window), QList<int>{rest});
    }

private:
    // Two versions of the project's catalog with the unit translated differently, merged by
    // git as text (`git merge-file`, what `git merge` does without a driver).
    static QString markCatalogAsGitWould(const QString &project, const QString &ours, const QString &theirs)
    {
        auto session = EditorSession::open(project, QStringLiteral("es")); // writes the catalog
        if (!session)
            qFatal("cannot open: %s", qPrintable(session.error().toString()));
        const QString path = (*session)->catalogPath();
        session->reset();
        auto base = PoCatalog::read(path);
        if (!base)
            qFatal("cannot read the catalog");
        const QString basePath = path + QStringLiteral(".base");
        const QString theirsPath = path + QStringLiteral(".theirs");
        auto version = [&](const QString &target, const QString &to) {
            PoCatalog changed = *base;
            changed.entries[changed.indexOfContext(kLeukemiaUnit)].msgstr = target;
            if (!changed.write(to))
                qFatal("cannot write %s", qPrintable(to));
        };
        if (!base->write(basePath))
            qFatal("cannot write the base");
        version(ours, path);
        version(theirs, theirsPath);
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("merge-file"), path, basePath, theirsPath});
        git.waitForFinished();
        if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 1) // 1: one conflict
            qFatal("git merge-file: %s", git.readAllStandardError().constData());
        QFile::remove(basePath);
        QFile::remove(theirsPath);
        return path;
    }

    static void writeBytes(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
    }

    // The id of the unit whose English starts with `start`.
    static QString idOfSource(EditorSession &session, const QString &start)
    {
        for (int i = 0; i < session.unitCount(); ++i)
            if (session.unit(i).source.startsWith(start))
                return session.unit(i).id;
        return {};
    }

    static QByteArray readBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_data;
};

QTEST_MAIN(EditorTest)
#include "test_editor.moc"
