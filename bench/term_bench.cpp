// Term recognition cost against tokenizing and stemming alone, on a 100,000-concept
// synthetic termbase, in the same run.
//
//   BM_TokenizeAndStem    baseline: ICU word tokens of the summary, each stemmed (Hunspell, cached)
//   BM_RecognizeTerms     the same plus the trie walk over 100,000 concepts (~250,000 terms)
//   BM_BruteForceSearch   for scale: every term of a 1,000-concept termbase searched with QString::contains
#include "glossary/term_index.h"
#include "markdown/markdown_source.h"
#include "model/placeholder_text.h"
#include "model/unit_extractor.h"
#include "project/project.h"
#include "spell/hunspell_dictionary.h"

#include <QFile>
#include <QRandomGenerator>
#include <benchmark/benchmark.h>

namespace {

QStringList summaryUnits()
{
    QFile file(QStringLiteral(WB_SOURCE_DIR "/source-content/en/adult-all-treatment.md"));
    file.open(QIODevice::ReadOnly);
    auto source = wb::MarkdownSource::parse(file.readAll(), QStringLiteral("summary.md"));
    auto segmenter = *wb::loadSegmenter(QStringLiteral(WB_SOURCE_DIR "/source-content/en/segmentation.srx"), QStringLiteral("en"));
    QStringList units;
    for (const wb::SourceUnit &unit : wb::segmentDocument(*source, *segmenter).units)
        units.append(unit.text);
    return units;
}

// Real English words from the en_US word list, so that stems and collisions are realistic.
QStringList englishWords()
{
    QFile dic(QStringLiteral("/usr/share/hunspell/en_US.dic"));
    dic.open(QIODevice::ReadOnly);
    QStringList words;
    dic.readLine();
    while (!dic.atEnd()) {
        const QString word = QString::fromUtf8(dic.readLine()).section(QLatin1Char('/'), 0, 0).trimmed();
        if (word.size() > 2 && word == word.toLower())
            words.append(word);
    }
    return words;
}

// Concepts of one to three words each, with a plural variant; seeded, so every run is the same.
wb::Termbase syntheticTermbase(int concepts)
{
    static const QStringList words = englishWords();
    QRandomGenerator random(20261127);
    wb::Termbase termbase;
    for (int i = 0; i < concepts; ++i) {
        wb::Concept c;
        c.id = QStringLiteral("c%1").arg(i);
        for (int variant = 0; variant < 2; ++variant) {
            const int length = 1 + int(random.bounded(3));
            QStringList parts;
            for (int w = 0; w < length; ++w)
                parts.append(words[int(random.bounded(words.size()))]);
            c.terms.append(wb::Term{parts.join(QLatin1Char(' ')), QStringLiteral("en"), variant ? wb::TermStatus::Admitted : wb::TermStatus::Preferred,
                                    QStringLiteral("noun"), {}, {}, {}, {}});
        }
        termbase.concepts.append(c);
    }
    return termbase;
}

struct Fixture {
    QStringList units = summaryUnits();
    std::shared_ptr<wb::HunspellDictionary> dictionary = *wb::HunspellDictionary::load(QStringLiteral("en_US"));
    wb::WordTokenizer tokenizer{QStringLiteral("en")};
    wb::TermNormalizer normalizer{dictionary.get()};
    qint64 bytes() const
    {
        qint64 n = 0;
        for (const QString &u : units)
            n += u.size() * 2;
        return n;
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

void BM_TokenizeAndStem(benchmark::State &state)
{
    Fixture &f = fixture();
    int64_t tokens = 0;
    for (auto _ : state) {
        for (const QString &unit : f.units)
            for (const wb::Token &token : f.tokenizer.tokenize(unit)) {
                benchmark::DoNotOptimize(f.normalizer.foldedKey(token));
                ++tokens;
            }
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * f.bytes());
    state.counters["tokens"] = double(tokens) / double(state.iterations());
}

void BM_RecognizeTerms(benchmark::State &state)
{
    Fixture &f = fixture();
    static const wb::Termbase termbase = syntheticTermbase(100000);
    static const wb::TermIndex index(termbase, QStringLiteral("en"), f.tokenizer, f.normalizer);
    int64_t matches = 0;
    for (auto _ : state)
        for (const QString &unit : f.units)
            matches += index.find(f.tokenizer.tokenize(unit), f.normalizer).size();
    state.SetBytesProcessed(int64_t(state.iterations()) * f.bytes());
    state.counters["terms_indexed"] = index.termCount();
    state.counters["matches"] = double(matches) / double(state.iterations());
}

void BM_BruteForceSearch(benchmark::State &state)
{
    Fixture &f = fixture();
    static const wb::Termbase termbase = syntheticTermbase(1000);
    int64_t matches = 0;
    for (auto _ : state)
        for (const QString &unit : f.units)
            for (const wb::Concept &c : termbase.concepts)
                for (const wb::Term &t : c.terms)
                    matches += unit.contains(t.text, Qt::CaseInsensitive);
    state.SetBytesProcessed(int64_t(state.iterations()) * f.bytes());
    state.counters["matches"] = double(matches) / double(state.iterations());
}

} // namespace

BENCHMARK(BM_TokenizeAndStem)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RecognizeTerms)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BruteForceSearch)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
