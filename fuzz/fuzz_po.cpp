// libFuzzer harness: PO catalogs through libgettextpo (PoCatalog::read / toBytes).
//
// Inputs go straight from memory to libgettextpo (PoCatalog::fromBytes hands them over as a
// memfd): no disk I/O, so the harness runs at memory speed. Invariants:
//   - a failure is a diagnostic naming the file;
//   - a catalog that reads serializes (toBytes), and what it writes reads back with the
//     same entries and header;
//   - writing is a fixpoint from then on: the second serialization is byte-identical.
// libgettextpo keeps process-wide state between calls (GettextPoSession serializes them
// and longjmps out of fatal errors), which is exactly what running thousands of reads,
// good and bad, one after another in one process exercises.
#include "fuzz_common.h"

#include "common/text_file.h"
#include "po/po_catalog.h"

#include <algorithm>

using namespace wb;

namespace {
const QString kPath = QStringLiteral("fuzz.po");

QString describe(const PoCatalog &a, const PoCatalog &b)
{
    if (a.header != b.header)
        return QStringLiteral("header '%1' became '%2'").arg(a.header, b.header);
    if (a.entries.size() != b.entries.size())
        return QStringLiteral("%1 entries became %2").arg(a.entries.size()).arg(b.entries.size());
    for (qsizetype i = 0; i < a.entries.size(); ++i) {
        const PoEntry &x = a.entries[i], &y = b.entries[i];
        if (x.context != y.context || x.msgid != y.msgid || x.msgstr != y.msgstr || x.msgidPlural != y.msgidPlural
            || x.msgstrPlural != y.msgstrPlural || x.fuzzy != y.fuzzy || x.obsolete != y.obsolete)
            return QStringLiteral("entry %1 changed: msgctxt '%2' msgid '%3' msgstr '%4' -> msgctxt '%5' msgid '%6' msgstr '%7'")
                .arg(i).arg(x.context, x.msgid, x.msgstr, y.context, y.msgid, y.msgstr);
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto catalog = PoCatalog::fromBytes(fuzz::bytesOf(data, size), kPath);
    if (!catalog) {
        WB_FUZZ_CHECK(catalog.error().file == kPath, catalog.error().toString());
        WB_FUZZ_CHECK(!catalog.error().message.isEmpty(), catalog.error().toString());
        return 0;
    }
    // Cheap queries over what was read.
    (void)catalog->headerField(QStringLiteral("Plural-Forms"));
    for (const PoEntry &entry : catalog->entries)
        if (!entry.obsolete)
            WB_FUZZ_CHECK(catalog->indexOfContext(entry.context) >= 0, entry.context);

    // Generation 1 may normalize (charset converted to UTF-8, obsolete entries last,
    // gettext's line wrapping) but keeps every entry; from generation 2 on, reading and
    // writing changes nothing.
    auto gen1 = catalog->toBytes();
    WB_FUZZ_CHECK(gen1.ok(), gen1.error().toString());
    auto reread1 = PoCatalog::fromBytes(*gen1, kPath);
    WB_FUZZ_CHECK(reread1.ok(), reread1.error().toString() + QStringLiteral("\nwritten:\n") + QString::fromUtf8(*gen1));
    // gettext never writes an obsolete entry that was never translated; every other one stays.
    const qsizetype kept = std::count_if(catalog->entries.cbegin(), catalog->entries.cend(), &PoCatalog::isWritten);
    WB_FUZZ_CHECK(reread1->entries.size() == kept,
                  QStringLiteral("%1 entries read back as %2").arg(kept).arg(reread1->entries.size()));

    auto gen2 = reread1->toBytes();
    WB_FUZZ_CHECK(gen2.ok(), gen2.error().toString());
    auto reread2 = PoCatalog::fromBytes(*gen2, kPath);
    WB_FUZZ_CHECK(reread2.ok(), reread2.error().toString() + QStringLiteral("\nwritten:\n") + QString::fromUtf8(*gen2));
    const QString change = describe(*reread1, *reread2);
    WB_FUZZ_CHECK(change.isEmpty(), change);
    auto gen3 = reread2->toBytes();
    WB_FUZZ_CHECK(gen3.ok() && *gen3 == *gen2,
                  QStringLiteral("writing is not a fixpoint:\n%1\n---\n%2")
                      .arg(QString::fromUtf8(*gen2), QString::fromUtf8(gen3.ok() ? *gen3 : QByteArray())));
    return 0;
}
