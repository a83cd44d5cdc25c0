#include "tm/tmx_import.h"
#include "common/text_file.h"
#include "tm/tm_store.h"
#include "tm/tmx_format.h"

#include <QFileInfo>

namespace wb {

Result<TmxImportOutcome> importTmxFile(const QString &file, const QString &database, const QString &targetLanguage,
                                       const std::function<void(int)> &read, const std::function<void(int)> &stored)
{
    auto bytes = readFileBytes(file);
    if (!bytes)
        return bytes.error();
    auto units = readTmx(*bytes, file, targetLanguage, read);
    if (!units)
        return units.error();
    auto store = TmStore::open(database);
    if (!store)
        return store.error();
    for (TmUnit &u : *units)
        if (u.origin.isEmpty())
            u.origin = QFileInfo(file).fileName();
    auto added = (*store)->add(*units, stored);
    if (!added)
        return added.error();
    return TmxImportOutcome{units->size(), *added};
}

} // namespace wb
