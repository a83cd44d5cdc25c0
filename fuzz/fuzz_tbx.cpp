// libFuzzer harness: TBX v3 and TBX 2008 (readTbx, writeTbx).
//
// Input: a TBX file's bytes. Invariants:
//   - a failure is a diagnostic naming the file;
//   - a termbase that reads writes as TBX v3 that reads back with the same concepts and
//     the same number of terms in each;
//   - from the second generation on, writing is a fixpoint (byte-identical).
#include "fuzz_common.h"

#include "glossary/tbx_format.h"

using namespace wb;

namespace {
const QString kPath = QStringLiteral("fuzz.tbx");

QString sameShape(const Termbase &a, const Termbase &b)
{
    if (a.concepts.size() != b.concepts.size())
        return QStringLiteral("%1 concepts read back as %2").arg(a.concepts.size()).arg(b.concepts.size());
    for (qsizetype i = 0; i < a.concepts.size(); ++i)
        if (a.concepts[i].terms.size() != b.concepts[i].terms.size())
            return QStringLiteral("concept '%1': %2 terms read back as %3")
                .arg(a.concepts[i].id).arg(a.concepts[i].terms.size()).arg(b.concepts[i].terms.size());
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
    auto termbase = readTbx(fuzz::bytesOf(data, size), kPath);
    if (!termbase) {
        WB_FUZZ_CHECK(termbase.error().file == kPath && !termbase.error().message.isEmpty(), termbase.error().toString());
        return 0;
    }
    // Lookups the checks make.
    for (const Concept &c : termbase->concepts) {
        (void)c.preferred(QStringLiteral("en"));
        (void)c.preferred(QStringLiteral("es"));
        WB_FUZZ_CHECK(termbase->findConcept(c.id) != nullptr, c.id);
    }

    const QByteArray gen1 = writeTbx(*termbase);
    auto reread1 = readTbx(gen1, kPath);
    WB_FUZZ_CHECK(reread1.ok(), reread1.ok() ? QString() : reread1.error().toString() + QStringLiteral("\nwritten:\n") + QString::fromUtf8(gen1));
    const QString shape = sameShape(*termbase, *reread1);
    WB_FUZZ_CHECK(shape.isEmpty(), shape + QStringLiteral("\nwritten:\n") + QString::fromUtf8(gen1));
    const QByteArray gen2 = writeTbx(*reread1);
    auto reread2 = readTbx(gen2, kPath);
    WB_FUZZ_CHECK(reread2.ok(), reread2.ok() ? QString() : reread2.error().toString());
    const QByteArray gen3 = writeTbx(*reread2);
    WB_FUZZ_CHECK(gen3 == gen2, QStringLiteral("writing is not a fixpoint:\n%1\n---\n%2").arg(QString::fromUtf8(gen2), QString::fromUtf8(gen3)));
    return 0;
}
