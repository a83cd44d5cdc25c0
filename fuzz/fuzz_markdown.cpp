// libFuzzer harness: Markdown segmentation and the export round trip.
//
// Input: a Markdown file's bytes. Parsed with MarkdownSource::parse (UTF-8 check, front
// matter, cmark), cut into units by segmentDocument with the bundled SRX rules, then put
// back together by localizeDocument. Invariants (the localizer's documented promise):
//   - translating nothing, or translating every unit into its own text, gives back the
//     exact input bytes (segmentation loses and invents nothing outside the units);
//   - a pseudo-translation keeps every placeholder, so no unit is rejected for mismatched
//     placeholders.
// Invalid UTF-8 must fail with a diagnostic naming the file; the harness then also feeds
// the lossy UTF-8 conversion of the input, so that the fuzzer reaches the segmenter.
#include "fuzz_common.h"

#include "markdown/markdown_source.h"
#include "model/localizer.h"
#include "model/pseudo.h"
#include "model/unit_extractor.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

using namespace wb;

namespace {
std::shared_ptr<SentenceSegmenter> g_segmenter;
const QString kPath = QStringLiteral("fuzz.md");

void segmentAndExport(const QByteArray &bytes)
{
    auto source = MarkdownSource::parse(bytes, kPath);
    if (!source) {
        WB_FUZZ_CHECK(source.error().file == kPath, source.error().toString());
        return;
    }
    const SegmentedDocument doc = segmentDocument(*source, *g_segmenter);
    for (const SourceUnit &unit : doc.units)
        WB_FUZZ_CHECK(unit.line >= 1, QStringLiteral("unit '%1' has line %2").arg(unit.text).arg(unit.line));

    Diagnostics problems;
    const QByteArray untouched = localizeDocument(doc, [](const SourceUnit &) { return std::nullopt; }, problems);
    WB_FUZZ_CHECK(untouched == bytes, QStringLiteral("untranslated export differs from the source:\n%1\n---\n%2")
                                          .arg(QString::fromUtf8(bytes), QString::fromUtf8(untouched)));
    WB_FUZZ_CHECK(problems.isEmpty(), problems.value(0).toString());

    const QByteArray same = localizeDocument(doc, [](const SourceUnit &u) { return std::optional<QString>(u.text); }, problems);
    WB_FUZZ_CHECK(same == bytes, QStringLiteral("export with every unit 'translated' into itself differs:\n%1\n---\n%2")
                                     .arg(QString::fromUtf8(bytes), QString::fromUtf8(same)));
    WB_FUZZ_CHECK(problems.isEmpty(), problems.value(0).toString());

    localizeDocument(doc, [](const SourceUnit &u) { return std::optional<QString>(pseudoTranslate(u.text)); }, problems);
    WB_FUZZ_CHECK(problems.isEmpty(), problems.value(0).toString());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    auto segmenter = loadSegmenter(fuzz::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"),
                                   QStringLiteral("en"));
    if (!segmenter) {
        std::fprintf(stderr, "cannot load the bundled SRX rules: %s\n", qPrintable(segmenter.error().toString()));
        std::abort();
    }
    g_segmenter = *segmenter;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    segmentAndExport(bytes);
    const QByteArray utf8 = QString::fromUtf8(bytes).toUtf8();
    if (utf8 != bytes)
        segmentAndExport(utf8);
    return 0;
}
