#include "tm/project_memory.h"
#include "po/unit_record.h"

#include <QJsonObject>
#include "common/text_file.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "tm/memory_index.h"
#include "tm/tmx_format.h"

#include <QDir>
#include <QFileInfo>

namespace wb {

Result<std::unique_ptr<TmIndex>> loadMemory(const QString &sourceLanguage, const QString &targetLanguage,
                                            const MemorySources &sources, const std::function<void(const QString &)> &rebuilding)
{
    std::unique_ptr<TmIndex> index;
    if (!sources.database.isEmpty() && QFileInfo::exists(sources.database)) {
        // The user's memory through its persistent index; what follows is added in memory.
        auto opened = openIndexedMemory(sources.database, sourceLanguage, targetLanguage, rebuilding);
        if (!opened)
            return opened.error();
        index = std::move(*opened);
    } else {
        index = std::make_unique<TmIndex>(sourceLanguage);
    }
    for (const QString &path : sources.tmxFiles) {
        auto bytes = readFileBytes(path);
        if (!bytes)
            return bytes.error();
        auto units = readTmx(*bytes, path, targetLanguage);
        if (!units)
            return units.error();
        for (const TmUnit &u : *units)
            index->add(u);
    }
    for (const QString &path : sources.catalogFiles) {
        const QString name = QFileInfo(path).fileName();
        auto catalog = PoCatalog::read(path);
        if (!catalog)
            return catalog.error();
        const QList<PoEntry> &entries = catalog->entries;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const PoEntry &e = entries[i];
            const UnitState state = stateOf(e);
            if (e.obsolete || !(state == UnitState::Translated || state == UnitState::Approved))
                continue;
            TmUnit u;
            u.source = e.msgid;
            u.target = e.msgstr;
            u.sourceLanguage = sourceLanguage;
            u.targetLanguage = targetLanguage;
            u.previousSource = i > 0 ? entries[i - 1].msgid : QString();
            u.nextSource = i + 1 < entries.size() ? entries[i + 1].msgid : QString();
            u.origin = name;
            // Who translated it and when (docs/po-store.md).
            // The last line that wrote the text, not a review that only read it.
            static const QStringList writers = {QStringLiteral("translated"), QStringLiteral("edited-by-reviewer"),
                                                QStringLiteral("pretranslated"), QStringLiteral("imported"),
                                                QStringLiteral("aligned"), QStringLiteral("resolved"), QStringLiteral("updated")};
            const std::shared_ptr<const UnitRecord> record = recordOf(e);
            for (auto h = record->history.crbegin(); h != record->history.crend(); ++h)
                if (writers.contains(h->action)) {
                    u.author = h->by;
                    u.changed = h->at;
                    break;
                }
            index->add(u);
        }
    }
    index->finishLoading();
    return index;
}

} // namespace wb
