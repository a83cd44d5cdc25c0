// The File menu (open another project or document, recent projects, export, import a
// memory, reload, quit) and the window's layout remembered between sessions.
#include "main_window.h"
#include "common/text_file.h"
#include "editor/editor_session.h"
#include "i18n.h"
#include "open_session.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

namespace wb::gui {

namespace {
constexpr int kRecentProjects = 8;
const QString kRecentKey = QStringLiteral("recentProjects");
} // namespace

void MainWindow::buildFileMenu(QMenu *file)
{
    QAction *openProject = file->addAction(ui("&Open project\u2026"), this, [this] {
        const QString root = QFileDialog::getExistingDirectory(this, ui("Open project"), m_session->projectRoot(),
                                                               QFileDialog::ShowDirsOnly | QFileDialog::DontUseNativeDialog);
        if (!root.isEmpty())
            openOther(root, m_session->language(), {});
    });
    openProject->setShortcut(QKeySequence::Open);
    file->addAction(ui("Open &document\u2026"), this, [this] {
        QStringList names;
        for (const QString &path : m_session->projectDocuments())
            names.append(QDir(m_session->projectRoot()).relativeFilePath(path));
        const QString current = QDir(m_session->projectRoot()).relativeFilePath(m_session->documentPath());
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, ui("Open document"), ui("Document:"), names,
                                                     std::max(0, int(names.indexOf(current))), false, &ok);
        if (ok && chosen != current)
            openOther(m_session->projectRoot(), m_session->language(), QFileInfo(chosen).fileName());
    });
    QMenu *recent = file->addMenu(ui("&Recent projects"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        for (const QString &root : QSettings().value(kRecentKey).toStringList())
            recent->addAction(QDir::toNativeSeparators(root), this, [this, root] { openOther(root, m_session->language(), {}); });
        if (recent->isEmpty())
            recent->addAction(ui("(none yet)"))->setEnabled(false);
    });
    file->addSeparator();
    QAction *exportAction = file->addAction(ui("&Export localized Markdown\u2026"), this, [this] {
        // Where `workbench export --project` writes: the dialog opens there.
        const QString folder = m_session->projectRoot() + QStringLiteral("/localized/") + m_session->language();
        QDir().mkpath(folder);
        const QString suggested = folder + QLatin1Char('/') + QFileInfo(m_session->documentPath()).fileName();
        const QString path = QFileDialog::getSaveFileName(this, ui("Export localized Markdown"), suggested, ui("Markdown (*.md)"),
                                                          nullptr, QFileDialog::DontUseNativeDialog);
        if (!path.isEmpty())
            exportLocalizedMarkdown(path);
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(ui("&Import memory\u2026"), this, [this] {
        const QString tmx = QFileDialog::getOpenFileName(this, ui("Import memory"), m_session->projectRoot(),
                                                         ui("Translation memories (*.tmx)"), nullptr, QFileDialog::DontUseNativeDialog);
        if (!tmx.isEmpty())
            importMemory(tmx);
    });
    file->addSeparator();
    QAction *reload = file->addAction(ui("&Reload (changes on disk, memory)"), this, [this] {
        mergeFromDisk();
        reloadMemory();
    });
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *quit = file->addAction(ui("&Quit"), this, &QWidget::close);
    // Ctrl+Q everywhere: QKeySequence::Quit is empty in some keyboard schemes (Windows', which
    // platforms without a desktop theme use).
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (!quitKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)))
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcuts(quitKeys);
}

MainWindow *MainWindow::openOther(const QString &projectRoot, const QString &language, const QString &document)
{
    // Edits here are settled before the other session opens: it reads the journal, and must
    // not offer back edits just confirmed or discarded.
    if (!settleUnconfirmedEdits())
        return nullptr;
    QString notes;
    auto session = openSessionOfferingRepair(projectRoot, language, document, this, &notes);
    if (!session) {
        QMessageBox::warning(this, ui("Cannot open the project"), session.error().toString());
        return nullptr;
    }
    auto *next = new MainWindow(std::move(*session));
    next->setAttribute(Qt::WA_DeleteOnClose);
    // Shown before this one closes: the application ends when its last window closes.
    next->show();
    next->activateWindow();
    close(); // nothing left to ask
    if (!notes.isEmpty())
        next->statusBar()->showMessage(notes);
    QTimer::singleShot(0, next, &MainWindow::offerRecovery);
    return next;
}

bool MainWindow::exportLocalizedMarkdown(const QString &path)
{
    const ExportOutcome outcome = m_session->exportLocalized(IncludeLevel::Translated);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (Status written = writeFileAtomically(path, outcome.bytes); !written) {
        statusBar()->showMessage(ui("Not exported:") + QLatin1Char(' ') + written.error().toString());
        return false;
    }
    statusBar()->showMessage(QStringLiteral("%1 %2: %3, %4").arg(ui("Exported"), QFileInfo(path).fileName(),
                                                                uiCount("%n unit translated", "%n units translated", outcome.translatedUnits),
                                                                uiCount("%n kept in English", "%n kept in English", outcome.sourceUnits)),
                             8000);
    return true;
}

void MainWindow::rememberProject()
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString root = QDir(m_session->projectRoot()).absolutePath();
    recent.removeAll(root);
    recent.prepend(root);
    settings.setValue(kRecentKey, recent.mid(0, kRecentProjects));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: the whole window on the screen, whatever its size.
        const QRect available = (screen() ? screen() : QGuiApplication::primaryScreen())->availableGeometry();
        const QSize size = QSize(1400, 900).boundedTo(available.size() * 0.95);
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_bottomSplitter->restoreState(settings.value(QStringLiteral("window/bottomSplitter")).toByteArray());
    m_grid->header()->restoreState(settings.value(QStringLiteral("window/columns")).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/bottomSplitter"), m_bottomSplitter->saveState());
    settings.setValue(QStringLiteral("window/columns"), m_grid->header()->saveState());
}

} // namespace wb::gui
