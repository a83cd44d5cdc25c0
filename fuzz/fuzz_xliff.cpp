// libFuzzer harness: XLIFF 1.2 and 2.x (readXliff, validateXliff2, writeXliff).
//
// Input: an XLIFF file's bytes. Invariants:
//   - a failure is a diagnostic naming the file;
//   - every problem validateXliff2 reports names the file;
//   - a document that reads writes as XLIFF 2.1 and as 1.2, and each written file reads
//     back with the same files and units (the writer promises valid output "whatever the
//     text"); the 2.1 output passes validateXliff2;
//   - from the second generation on, writing is a fixpoint (byte-identical).
#include "fuzz_common.h"

#include "interchange/xliff2_validator.h"
#include "interchange/xliff_format.h"

using namespace wb;

namespace {
const QString kPath = QStringLiteral("fuzz.xlf");

QString sameShape(const XliffDocument &a, const XliffDocument &b)
{
    if (a.files.size() != b.files.size())
        return QStringLiteral("%1 files read back as %2").arg(a.files.size()).arg(b.files.size());
    for (qsizetype f = 0; f < a.files.size(); ++f) {
        const auto &x = a.files[f].units, &y = b.files[f].units;
        if (x.size() != y.size())
            return QStringLiteral("file %1: %2 units read back as %3").arg(f).arg(x.size()).arg(y.size());
    }
    return {};
}

void roundTrip(const XliffDocument &document, XliffVersion version)
{
    const char *name = version == XliffVersion::V2 ? "2.1" : "1.2";
    const QByteArray gen1 = writeXliff(document, version);
    if (version == XliffVersion::V2) {
        const Diagnostics problems = validateXliff2(gen1, kPath);
        WB_FUZZ_CHECK(problems.isEmpty(), problems.value(0).toString() + QStringLiteral("\nwritten:\n") + QString::fromUtf8(gen1));
    }
    auto reread1 = readXliff(gen1, kPath);
    WB_FUZZ_CHECK(reread1.ok(), QStringLiteral("XLIFF %1 output does not read back: %2\nwritten:\n%3")
                                    .arg(QLatin1String(name), reread1.error().toString(), QString::fromUtf8(gen1)));
    const QString shape = sameShape(document, *reread1);
    WB_FUZZ_CHECK(shape.isEmpty(), QStringLiteral("XLIFF %1: %2").arg(QLatin1String(name), shape));
    const QByteArray gen2 = writeXliff(*reread1, version);
    auto reread2 = readXliff(gen2, kPath);
    WB_FUZZ_CHECK(reread2.ok(), reread2.error().toString());
    const QByteArray gen3 = writeXliff(*reread2, version);
    WB_FUZZ_CHECK(gen3 == gen2, QStringLiteral("XLIFF %1 writing is not a fixpoint:\n%2\n---\n%3")
                                    .arg(QLatin1String(name), QString::fromUtf8(gen2), QString::fromUtf8(gen3)));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    if (xliffFamilyOf(bytes) == XliffVersion::V2)
        for (const Diagnostic &d : validateXliff2(bytes, kPath))
            WB_FUZZ_CHECK(d.file == kPath && !d.message.isEmpty(), d.toString());
    auto document = readXliff(bytes, kPath);
    if (!document) {
        WB_FUZZ_CHECK(document.error().file == kPath && !document.error().message.isEmpty(), document.error().toString());
        return 0;
    }
    roundTrip(*document, XliffVersion::V2);
    roundTrip(*document, XliffVersion::V12);
    return 0;
}
