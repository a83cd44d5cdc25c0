// workbench tm import|export|lookup|concord, pretranslate and analyze: the translation memory.
#include "cli_common.h"
#include "progress_report.h"
#include "common/text_file.h"
#include "model/placeholder_text.h"
#include "po/catalog_lock.h"
#include "po/review_marks.h"
#include "review/review_record.h"
#include "project/language_resources.h"
#include "project/project.h"
#include "stats/word_count.h"
#include "tm/memory_index.h"
#include "tm/project_memory.h"
#include "tm/tm_index_file.h"
#include "tm/tm_store.h"
#include "tm/tmx_format.h"
#include "tm/tmx_import.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <cstdio>

namespace wb::cli {
namespace {

void addMemoryOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"), QStringLiteral("The SQLite memory (default: the user's, %1).").arg(TmStore::defaultPath()), QStringLiteral("DB")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Target language (default: es)."), QStringLiteral("LANG"), QStringLiteral("es")});
    parser.addOption({QStringLiteral("source-lang"), QStringLiteral("Source language (default: the project's, else en)."), QStringLiteral("LANG")});
}

QString database(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : TmStore::defaultPath();
}

QJsonObject matchJson(const TmMatch &m)
{
    QJsonObject json{{QStringLiteral("score"), m.score}, {QStringLiteral("source"), m.source}, {QStringLiteral("target"), m.target},
                     {QStringLiteral("origin"), m.origin}, {QStringLiteral("diff"), diffJson(m.diff)}};
    if (!m.author.isEmpty())
        json.insert(QStringLiteral("author"), m.author);
    if (m.changed.isValid())
        json.insert(QStringLiteral("changed"), m.changed.toUTC().toString(Qt::ISODate));
    return json;
}

// Told when a lookup finds the memory's index missing or untrustworthy and rebuilds it
// (seconds at a million units): the wait is explained, once, unless stdout is JSON.
void noteRebuild(const QString &why)
{
    if (!jsonMode())
        std::fprintf(stderr, "workbench: rebuilding the memory's index: %s\n", qPrintable(why));
}

QString band(int score)
{
    if (score >= 101) return QStringLiteral("101");
    if (score >= 100) return QStringLiteral("100");
    if (score >= 95) return QStringLiteral("95-99");
    if (score >= 85) return QStringLiteral("85-94");
    if (score >= 75) return QStringLiteral("75-84");
    if (score >= 50) return QStringLiteral("50-74");
    return QStringLiteral("new");
}

int tmCommand(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const QString target = parser.value(QStringLiteral("locale"));
    // --project is optional here: without it, the defaults and the user's memory alone.
    auto context = ProjectContext::atFolder(parser.value(QStringLiteral("project")), sourceLanguageOption(parser), target);
    if (!context)
        return fail(context.error());
    const QString source = context->sourceLanguage();
    if (action == QLatin1String("import")) {
        if (args.size() != 2)
            return usageError(QStringLiteral("tm"), QStringLiteral("import takes FILE.tmx"));
        ProgressReport report(QStringLiteral("tm import"));
        using Phase = TmxImportProgress::Phase;
        Phase current = Phase::Reading;
        report.start(QStringLiteral("read"));
        auto imported = importTmxFile(args[1], database(parser), target, [&](const TmxImportProgress &p) {
            if (p.phase != current) {
                current = p.phase;
                report.start(p.phase == Phase::Committing ? QStringLiteral("committed") : QStringLiteral("indexed"));
            }
            report.update(p.units, p.done, p.total);
        });
        if (!imported) {
            report.interrupt();
            return fail(imported.error());
        }
        report.finish();
        if (imported->indexProblem)
            warn(*imported->indexProblem);
        std::fprintf(stderr, "%s: %lld units read, %d new in %s\n", qPrintable(args[1]), static_cast<long long>(imported->read), imported->added,
                     qPrintable(database(parser)));
        return kExitOk;
    }
    if (action == QLatin1String("export")) {
        if (!parser.isSet(QStringLiteral("output")))
            return usageError(QStringLiteral("tm"), QStringLiteral("export needs -o FILE.tmx"));
        auto store = TmStore::open(database(parser));
        if (!store)
            return fail(store.error());
        auto units = (*store)->units(source, target);
        if (!units)
            return fail(units.error());
        if (Status written = writeOutput(parser.value(QStringLiteral("output")), writeTmx(*units, source)); !written)
            return fail(written.error());
        return kExitOk;
    }
    if (action == QLatin1String("lookup")) {
        if (args.size() != 2)
            return usageError(QStringLiteral("tm"), QStringLiteral("lookup takes one TEXT"));
        auto index = loadMemory(source, target, context->memorySources(database(parser), true, true), noteRebuild);
        if (!index)
            return fail(index.error());
        const QList<TmMatch> matches = (*index)->lookup(args[1], parser.value(QStringLiteral("min")).toInt(), parser.value(QStringLiteral("max")).toInt());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const TmMatch &m : matches)
                list.append(matchJson(m));
            addJsonFields(QJsonObject{{QStringLiteral("matches"), list}});
        } else {
            for (const TmMatch &m : matches)
                std::printf("%3d%%  %s\n      %s\n", m.score, qPrintable(m.source), qPrintable(m.target));
        }
        return kExitOk;
    }
    if (action == QLatin1String("concord")) {
        if (args.size() < 2)
            return usageError(QStringLiteral("tm"), QStringLiteral("concord takes WORDS"));
        auto store = TmStore::open(database(parser));
        if (!store)
            return fail(store.error());
        auto found = (*store)->concordance(args.mid(1).join(QLatin1Char(' ')), parser.value(QStringLiteral("max")).toInt() * 10);
        if (!found)
            return fail(found.error());
        QJsonArray list;
        for (const TmUnit &u : *found) {
            if (parser.isSet(QStringLiteral("json")))
                list.append(QJsonObject{{QStringLiteral("source"), u.source}, {QStringLiteral("target"), u.target}, {QStringLiteral("origin"), u.origin}});
            else
                std::printf("%s\n    %s\n", qPrintable(u.source), qPrintable(u.target));
        }
        if (parser.isSet(QStringLiteral("json")))
            addJsonFields(QJsonObject{{QStringLiteral("units"), list}});
        return kExitOk;
    }
    if (action == QLatin1String("optimize")) {
        if (args.size() != 1)
            return usageError(QStringLiteral("tm"), QStringLiteral("optimize takes no arguments"));
        if (!QFileInfo::exists(database(parser)))
            return fail(Diagnostic{ErrorKind::MissingInput, database(parser), 0, 0, QStringLiteral("no memory here")});
        if (Status built = rebuildMemoryIndex(database(parser), source, target); !built)
            return fail(built.error());
        auto index = TmIndexFile::open(database(parser), source, target);
        if (!index)
            return fail(index.error());
        const QString path = TmIndexFile::pathFor(database(parser), source, target);
        const qint64 bytes = QFileInfo(path).size();
        if (jsonMode())
            addJsonFields(QJsonObject{{QStringLiteral("index"), path}, {QStringLiteral("units"), qint64((*index)->entryCount())},
                                      {QStringLiteral("bytes"), bytes}, {QStringLiteral("generation"), (*index)->stamp().generation}});
        else
            std::fprintf(stderr, "%s: %u units indexed, %.1f MiB\n", qPrintable(path), (*index)->entryCount(), double(bytes) / (1 << 20));
        return kExitOk;
    }
    return usageError(QStringLiteral("tm"), QStringLiteral("expected import, export, lookup, concord or optimize"));
}

} // namespace

int runTm(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The translation memory.\n"
        "  workbench tm import FILE.tmx [--db DB]\n"
        "  workbench tm export [--db DB] -o FILE.tmx\n"
        "  workbench tm lookup TEXT [--db DB] [--project DIR] [--min 50] [--max 5] [--json]\n"
        "  workbench tm concord WORDS... [--db DB] [--json]\n"
        "  workbench tm optimize [--db DB] [--source-lang LANG] [--locale LANG] [--json]"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("import, export, lookup, concord or optimize"));
    addMemoryOptions(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("export: the TMX file."), QStringLiteral("FILE.tmx")});
    parser.addOption({QStringLiteral("min"), QStringLiteral("lookup: lowest score (default 50)."), QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("max"), QStringLiteral("lookup: most matches (default 5)."), QStringLiteral("N"), QStringLiteral("5")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("tm"), arguments, exitCode))
        return exitCode;
    return tmCommand(parser);
}

int runPretranslate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fills untranslated units from the memory (the user's, the project's TMX files and its own\n"
        "translations, so repetitions propagate). Results are drafts (fuzzy), never approved."));
    addMemoryOptions(parser);
    parser.addOption({QStringLiteral("min"), QStringLiteral("Lowest score to use (default 100)."), QStringLiteral("N"), QStringLiteral("100")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("pretranslate"), arguments, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("project")))
        return usageError(QStringLiteral("pretranslate"), QStringLiteral("--project DIR is required"));
    auto context = openProject(parser);
    if (!context)
        return fail(context.error());
    const Project *project = &context->project();
    const QString target = parser.value(QStringLiteral("locale"));
    auto index = loadMemory(project->sourceLanguage(), target, context->memorySources(database(parser), true, true), noteRebuild);
    if (!index)
        return fail(index.error());
    const int minimum = parser.value(QStringLiteral("min")).toInt();
    const QString user = context->user();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &document : project->documents()) {
        const QString path = project->catalogPath(document, target);
        if (!QFileInfo::exists(path))
            continue;
        int filled = 0;
        // Locked and re-read: units confirmed in an editor meanwhile are never overwritten.
        const Status done = modifyCatalog(path, [&](PoCatalog &catalog) -> Status {
            for (qsizetype i = 0; i < catalog.entries.size(); ++i) {
                PoEntry &e = catalog.entries[i];
                if (e.obsolete || !e.msgstr.isEmpty())
                    continue;
                const QString previous = i > 0 ? catalog.entries[i - 1].msgid : QString();
                const QString next = i + 1 < catalog.entries.size() ? catalog.entries[i + 1].msgid : QString();
                const QList<TmMatch> best = (*index)->lookup(e.msgid, minimum, 1, previous, next);
                if (best.isEmpty() || !placeholderMismatch(e.msgid, best.first().target).isEmpty())
                    continue;
                e.msgstr = best.first().target;
                e.fuzzy = true;
                recordHistory(e, QStringLiteral("pretranslated"), user, now, QJsonObject{{QStringLiteral("score"), best.first().score}});
                ++filled;
            }
            if (filled > 0)
                catalog.stampRevision(user, now);
            return {};
        });
        if (!done)
            return fail(done.error());
        std::printf("%s: %d units filled as drafts\n", qPrintable(project->relativePath(path)), filled);
    }
    return kExitOk;
}

int runAnalyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The word-count report translators are paid by: per document and in total, the units and\n"
        "words that are repetitions, each match band (101, 100, 95-99, 85-94, 75-84, 50-74) and new,\n"
        "against the memory (the user's and the project's TMX files)."));
    addMemoryOptions(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("analyze"), arguments, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("project")))
        return usageError(QStringLiteral("analyze"), QStringLiteral("--project DIR is required"));
    auto context = openProject(parser);
    if (!context)
        return fail(context.error());
    const Project *project = &context->project();
    const QString target = parser.value(QStringLiteral("locale"));
    auto index = loadMemory(project->sourceLanguage(), target, context->memorySources(database(parser), true, false), noteRebuild);
    if (!index)
        return fail(index.error());
    WordCounter words(project->sourceLanguage());
    const QStringList bands = {QStringLiteral("repetitions"), QStringLiteral("101"), QStringLiteral("100"), QStringLiteral("95-99"),
                               QStringLiteral("85-94"), QStringLiteral("75-84"), QStringLiteral("50-74"), QStringLiteral("new")};
    QMap<QString, QPair<int, int>> totals; // band -> units, words
    QSet<QString> seen;
    for (const QString &document : project->documents()) {
        auto catalog = PoCatalog::read(project->catalogPath(document, target));
        if (!catalog)
            return fail(catalog.error());
        for (qsizetype i = 0; i < catalog->entries.size(); ++i) {
            const PoEntry &e = catalog->entries[i];
            if (e.obsolete)
                continue;
            QString which;
            if (seen.contains(e.msgid)) {
                which = QStringLiteral("repetitions");
            } else {
                const QString previous = i > 0 ? catalog->entries[i - 1].msgid : QString();
                const QString next = i + 1 < catalog->entries.size() ? catalog->entries[i + 1].msgid : QString();
                const QList<TmMatch> best = (*index)->lookup(e.msgid, 50, 1, previous, next);
                which = best.isEmpty() ? QStringLiteral("new") : band(best.first().score);
            }
            seen.insert(e.msgid);
            ++totals[which].first;
            totals[which].second += words.count(e.msgid);
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out;
        for (const QString &b : bands)
            out.insert(b, QJsonObject{{QStringLiteral("units"), totals.value(b).first}, {QStringLiteral("words"), totals.value(b).second}});
        addJsonFields(QJsonObject{{QStringLiteral("bands"), out}});
        return kExitOk;
    }
    std::printf("%-12s %7s %7s\n", "band", "units", "words");
    for (const QString &b : bands)
        std::printf("%-12s %7d %7d\n", qPrintable(b), totals.value(b).first, totals.value(b).second);
    return kExitOk;
}

} // namespace wb::cli
