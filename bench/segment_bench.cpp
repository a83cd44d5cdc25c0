// Segmentation throughput against raw ICU on the same text, in the same run.
//
//   BM_RawIcuSentenceBreak/<text>   ICU's sentence BreakIterator alone (the baseline)
//   BM_SentenceSegmenter/<text>     ICU + the bundled SRX rules (what units are cut with)
//   BM_SegmentMarkdownDocument      the whole path: cmark parse, inline alignment, sentences, units
//   BM_ExportUntranslated           export with no unit translated: the source bytes back (the baseline
//                                   for the next: no escaping and no structure check)
//   BM_ExportPseudoTranslated       export with every unit pseudo-translated: escaping, tidying and
//                                   the cmark-gfm comparison of the output's structure with the source's
//
// Texts: "units" is the summary's reading text (units joined), "markdown" the raw file.
#include "markdown/markdown_source.h"
#include "model/localizer.h"
#include "model/placeholder_text.h"
#include "model/pseudo.h"
#include "model/unit_extractor.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

#include <QFile>
#include <QHash>
#include <benchmark/benchmark.h>
#include <memory>
#include <unicode/brkiter.h>

namespace {

const QString kRules = QStringLiteral(WB_SOURCE_DIR "/source-content/en/segmentation.srx");

QByteArray summaryBytes()
{
    QFile file(QStringLiteral(WB_SOURCE_DIR "/source-content/en/adult-all-treatment.md"));
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

std::shared_ptr<wb::SentenceSegmenter> bundledSegmenter()
{
    return *wb::loadSegmenter(kRules, QStringLiteral("en"));
}

const QString &readingText()
{
    static const QString text = [] {
        auto source = wb::MarkdownSource::parse(summaryBytes(), QStringLiteral("summary.md"));
        auto segmenter = bundledSegmenter();
        QStringList parts;
        for (const wb::SourceUnit &unit : wb::segmentDocument(*source, *segmenter).units)
            parts.append(wb::plainTextOf(unit.text));
        return parts.join(QLatin1Char(' '));
    }();
    return text;
}

const QString &markdownText()
{
    static const QString text = QString::fromUtf8(summaryBytes());
    return text;
}

const QString &textFor(int which) { return which == 0 ? readingText() : markdownText(); }

void BM_RawIcuSentenceBreak(benchmark::State &state)
{
    const QString &text = textFor(int(state.range(0)));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
    const icu::UnicodeString alias(false, reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    int64_t sentences = 0;
    for (auto _ : state) {
        it->setText(alias);
        for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next())
            ++sentences;
        benchmark::DoNotOptimize(sentences);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * text.size() * 2);
    state.counters["sentences"] = double(sentences) / double(state.iterations());
}

void BM_SentenceSegmenter(benchmark::State &state)
{
    const QString &text = textFor(int(state.range(0)));
    auto segmenter = bundledSegmenter();
    int64_t sentences = 0;
    for (auto _ : state) {
        sentences += segmenter->boundaries(text).size() + 1;
        benchmark::DoNotOptimize(sentences);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * text.size() * 2);
    state.counters["sentences"] = double(sentences) / double(state.iterations());
}

void BM_SegmentMarkdownDocument(benchmark::State &state)
{
    const QByteArray bytes = summaryBytes();
    auto segmenter = bundledSegmenter();
    int64_t units = 0;
    for (auto _ : state) {
        auto source = wb::MarkdownSource::parse(bytes, QStringLiteral("summary.md"));
        units += wb::segmentDocument(*source, *segmenter).units.size();
        benchmark::DoNotOptimize(units);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * bytes.size());
    state.counters["units"] = double(units) / double(state.iterations());
}

void exportSummary(benchmark::State &state, bool translated)
{
    auto segmenter = bundledSegmenter();
    auto source = wb::MarkdownSource::parse(summaryBytes(), QStringLiteral("summary.md"));
    const wb::SegmentedDocument doc = wb::segmentDocument(*source, *segmenter);
    QHash<QString, QString> pseudo;
    for (const wb::SourceUnit &unit : doc.units)
        pseudo.insert(unit.id, wb::pseudoTranslate(unit.text));
    int64_t bytes = 0;
    for (auto _ : state) {
        wb::Diagnostics problems;
        const QByteArray out = wb::localizeDocument(doc, [&](const wb::SourceUnit &unit) {
            return translated ? std::optional<QString>(pseudo.value(unit.id)) : std::optional<QString>();
        }, problems);
        bytes += out.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.SetBytesProcessed(bytes);
}

void BM_ExportUntranslated(benchmark::State &state) { exportSummary(state, false); }
void BM_ExportPseudoTranslated(benchmark::State &state) { exportSummary(state, true); }

} // namespace

BENCHMARK(BM_ExportUntranslated);
BENCHMARK(BM_ExportPseudoTranslated);
BENCHMARK(BM_RawIcuSentenceBreak)->Arg(0)->Arg(1)->ArgName("text");
BENCHMARK(BM_SentenceSegmenter)->Arg(0)->Arg(1)->ArgName("text");
BENCHMARK(BM_SegmentMarkdownDocument);
BENCHMARK_MAIN();
