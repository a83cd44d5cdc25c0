// libFuzzer harness: TMX 1.4 (readTmx, writeTmx).
//
// Input: a TMX file's bytes, read for Spanish targets. Invariants:
//   - a failure is a diagnostic naming the file;
//   - units that read write as TMX that reads back with the same number of units;
//   - from the second generation on, writing is a fixpoint (byte-identical).
#include "fuzz_common.h"

#include "tm/tmx_format.h"

using namespace wb;

namespace {
const QString kPath = QStringLiteral("fuzz.tmx");
const QString kTarget = QStringLiteral("es");
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int lastProgress = 0;
    auto units = readTmx(fuzz::bytesOf(data, size), kPath, kTarget, [&](int n) { lastProgress = n; });
    if (!units) {
        WB_FUZZ_CHECK(units.error().file == kPath && !units.error().message.isEmpty(), units.error().toString());
        return 0;
    }
    WB_FUZZ_CHECK(lastProgress <= units->size(), QString::number(lastProgress));
    if (units->isEmpty())
        return 0;
    const QString sourceLanguage = units->first().sourceLanguage;
    for (const TmUnit &u : *units)
        WB_FUZZ_CHECK(!u.source.isEmpty() && !u.target.isEmpty(), u.source + QStringLiteral(" / ") + u.target);

    const QByteArray gen1 = writeTmx(*units, sourceLanguage);
    auto reread1 = readTmx(gen1, kPath, kTarget);
    WB_FUZZ_CHECK(reread1.ok(), reread1.ok() ? QString() : reread1.error().toString() + QStringLiteral("\nwritten:\n") + QString::fromUtf8(gen1));
    WB_FUZZ_CHECK(reread1->size() == units->size(), QStringLiteral("%1 units read back as %2\nwritten:\n%3")
                                                        .arg(units->size()).arg(reread1->size()).arg(QString::fromUtf8(gen1)));
    const QByteArray gen2 = writeTmx(*reread1, sourceLanguage);
    auto reread2 = readTmx(gen2, kPath, kTarget);
    WB_FUZZ_CHECK(reread2.ok(), reread2.ok() ? QString() : reread2.error().toString());
    const QByteArray gen3 = writeTmx(*reread2, sourceLanguage);
    WB_FUZZ_CHECK(gen3 == gen2, QStringLiteral("writing is not a fixpoint:\n%1\n---\n%2").arg(QString::fromUtf8(gen2), QString::fromUtf8(gen3)));
    return 0;
}
