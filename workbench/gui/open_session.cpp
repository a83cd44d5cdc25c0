#include "open_session.h"
#include "common/text_file.h"
#include "i18n.h"
#include "po/conflict_markers.h"
#include "team/merge_driver_setup.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace wb::gui {
namespace {

// The catalog an open failed on because of git's markers, if that is why.
QString markedCatalogIn(const Diagnostic &error)
{
    if (!error.file.endsWith(QLatin1String(".po")) || !QFileInfo(error.file).isFile())
        return {};
    auto bytes = readFileBytes(error.file);
    return bytes && firstConflictMarkerLine(*bytes) > 0 ? error.file : QString();
}

} // namespace

Result<std::unique_ptr<EditorSession>> openSessionOfferingRepair(const QString &projectRoot, const QString &language,
                                                                 const QString &document, QWidget *parent, QString *notes)
{
    if (inspectMergeDriver(projectRoot).inClone) {
        auto installed = ensureMergeDriver(projectRoot, QApplication::applicationDirPath() + QStringLiteral("/workbench"));
        if (notes && !installed)
            *notes = ui("git's merge driver could not be installed: %1").arg(installed.error().toString());
        else if (notes && *installed)
            *notes = ui("git's merge driver for catalogs is now installed in this clone.");
    }
    auto session = EditorSession::open(projectRoot, language, document);
    if (session)
        return session;
    const QString catalog = markedCatalogIn(session.error());
    if (catalog.isEmpty())
        return session;

    QMessageBox box(QMessageBox::Question, ui("Repair the catalog?"),
                    ui("%1 was merged by git as plain text and holds conflict markers.\n\nRepair it: units the same on both "
                       "sides are kept once, and units changed differently keep both versions for you to choose.")
                        .arg(QFileInfo(catalog).fileName()),
                    QMessageBox::NoButton, parent);
    QPushButton *repair = box.addButton(ui("Repair"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(repair);
    box.exec();
    if (box.clickedButton() != repair)
        return session;
    auto repaired = repairConflictMarkersInFile(catalog);
    if (!repaired)
        return repaired.error();
    if (notes)
        *notes = ui("%1: %2 conflicted regions repaired; %3 units in conflict to resolve.")
                     .arg(QFileInfo(catalog).fileName())
                     .arg(repaired->regions)
                     .arg(repaired->merge.conflicts.size());
    return EditorSession::open(projectRoot, language, document);
}

} // namespace wb::gui
