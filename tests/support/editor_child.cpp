// A translator's editor that gets killed (tests/golden/test_crash_safety.cpp). Opens an
// EditorSession on a project, like workbench-gui does, and works through its arguments:
//
//   editor_child PROJECT LOCALE OP...
//     edit UNIT-ID TEXT   an unconfirmed edit (editTarget: kept in memory and in the journal)
//     confirm UNIT-ID     confirms the unit (the catalog is written before this returns)
//     loop UNIT-ID        edits the unit for ever: "edit 1", "edit 2", …, printing each
//                         number once editTarget (and so its journal write) has returned
//
//   editor_child --lock CATALOG   only takes the catalog's lock (po/catalog_lock.h), as
//                                 every writer does before it reads and writes
//
// After the last operation it prints "ready" and sleeps until it is killed. Errors: exit 2.
// The journal goes to $XDG_DATA_HOME/pdq-workbench/journals/, as in the editor.
#include "editor/editor_session.h"
#include "po/catalog_lock.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>
#include <memory>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "editor_child: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    std::unique_ptr<wb::CatalogLock> lock;
    if (args.size() == 2 && args[0] == QLatin1String("--lock")) {
        auto taken = wb::CatalogLock::acquire(args[1]);
        if (!taken)
            return fail(taken.error().toString());
        lock = std::move(*taken);
        std::printf("ready\n");
        std::fflush(stdout);
        for (;;)
            QThread::sleep(60);
    }
    if (args.size() < 2)
        return fail(QStringLiteral("usage: editor_child PROJECT LOCALE (edit ID TEXT | confirm ID | loop ID)..."));
    auto opened = wb::EditorSession::open(args[0], args[1]);
    if (!opened)
        return fail(opened.error().toString());
    wb::EditorSession &session = **opened;

    auto indexOf = [&](const QString &id) {
        const int index = session.indexOf(id);
        if (index < 0) {
            std::fprintf(stderr, "editor_child: no unit %s\n", qPrintable(id));
            std::exit(2);
        }
        return index;
    };
    for (int i = 2; i < args.size(); ++i) {
        const QString &op = args[i];
        if (op == QLatin1String("edit") && i + 2 < args.size()) {
            session.editTarget(indexOf(args[i + 1]), args[i + 2]);
            i += 2;
        } else if (op == QLatin1String("confirm") && i + 1 < args.size()) {
            if (wb::Status confirmed = session.confirm(indexOf(args[i + 1])); !confirmed)
                return fail(confirmed.error().toString());
            i += 1;
        } else if (op == QLatin1String("loop") && i + 1 < args.size()) {
            const int index = indexOf(args[i + 1]);
            for (long n = 1;; ++n) {
                session.editTarget(index, QStringLiteral("edit %1").arg(n));
                std::printf("%ld\n", n);
                std::fflush(stdout);
            }
        } else {
            return fail(QStringLiteral("unknown or incomplete operation: %1").arg(op));
        }
    }
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(60);
}
