// workbench-gui: the side-by-side editor.
#include "editor/editor_session.h"
#include "i18n.h"
#include "main_window.h"
#include "open_session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("pdq-workbench"));
    QApplication::setApplicationName(QStringLiteral("workbench-gui"));
    wb::gui::initUiLanguage(QApplication::applicationDirPath());
    using wb::gui::ui;

    QCommandLineParser parser;
    parser.setApplicationDescription(ui("The side-by-side editor of the PDQ Localization Workbench."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("project"), ui("Project folder (default: the current folder)."), QStringLiteral("DIR"), QStringLiteral(".")});
    parser.addOption({QStringLiteral("locale"), ui("Target language (default: es)."), QStringLiteral("LANG"), QStringLiteral("es")});
    parser.addOption({QStringLiteral("document"), ui("Document to open (default: the first)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("unit"), ui("Unit id to show first."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("screenshot"), ui("Render the window to a PNG file and exit."), QStringLiteral("FILE.png")});
    parser.process(app);

    QString notes;
    auto session = wb::gui::openSessionOfferingRepair(parser.value(QStringLiteral("project")), parser.value(QStringLiteral("locale")),
                                                      parser.value(QStringLiteral("document")), nullptr, &notes);
    if (!session) {
        std::fprintf(stderr, "workbench-gui: %s\n", qPrintable(session.error().toString()));
        if (!parser.isSet(QStringLiteral("screenshot")) && QApplication::platformName() != QLatin1String("offscreen"))
            QMessageBox::critical(nullptr, ui("Cannot open the project"), session.error().toString());
        return int(session.error().kind);
    }
    // On the heap and deleted when closed: File -> Open replaces it with another window, and
    // the one left behind must not keep its session and file watcher alive.
    QPointer<wb::gui::MainWindow> window = new wb::gui::MainWindow(std::move(*session)); // sized as the user left it
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (parser.isSet(QStringLiteral("screenshot")))
        window->resize(1400, 900); // the same picture on every machine
    if (parser.isSet(QStringLiteral("unit"))) {
        const int index = window->session().indexOf(parser.value(QStringLiteral("unit")));
        if (index < 0) {
            std::fprintf(stderr, "workbench-gui: no unit \"%s\"\n", qPrintable(parser.value(QStringLiteral("unit"))));
            delete window;
            return int(wb::ErrorKind::Usage);
        }
        window->setCurrentUnit(index);
    }
    window->show();
    if (!notes.isEmpty())
        window->statusBar()->showMessage(notes);
    if (parser.isSet(QStringLiteral("screenshot"))) {
        // Let layouts settle, then render the window as a person would see it.
        QTimer::singleShot(300, window, [&] {
            const QString path = parser.value(QStringLiteral("screenshot"));
            const bool saved = window->grab().save(path, "PNG");
            if (!saved)
                std::fprintf(stderr, "workbench-gui: %s: cannot write\n", qPrintable(path));
            QApplication::exit(saved ? 0 : int(wb::ErrorKind::OutputFailed));
        });
    } else {
        QTimer::singleShot(0, window, &wb::gui::MainWindow::offerRecovery);
    }
    const int code = app.exec();
    delete window; // still open after a screenshot or QApplication::exit
    return code;
}
