// Spelling and full QA throughput, each against its baseline in the same run.
//
//   BM_RawHunspellSpell       baseline: Hunspell spell() on every word token of the text (tokens made beforehand)
//   BM_SpellCheckDocument     SpellChecker::check on the same text, unit by unit (tokenizing included)
//   BM_FullQa10000Units       every check (spelling, numbers, markup, punctuation, whitespace,
//                             untranslated, consistency, length, terminology) over 10,000 units, no suggestions
//
// Text: the Spanish definitions of the NCI Dictionary of Cancer Terms (751, real text, from
// ../shared/reference-data); units: the correct pairs of tests/data/terminology, varied to 10,000.
#include "qa/check_suite.h"
#include "project/project_context.h"
#include "spell/hunspell_dictionary.h"
#include "spell/spell_checker.h"
#include "project/language_resources.h"
#include "text/word_tokenizer.h"

#include <QFile>
#include <benchmark/benchmark.h>

namespace {

QStringList tsvColumn(const QString &path, int column, int filterColumn = -1)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QStringList values;
    file.readLine();
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).chopped(1).split(QLatin1Char('\t'));
        if (filterColumn >= 0 && !fields.value(filterColumn).isEmpty())
            continue;
        values.append(fields.value(column));
    }
    return values;
}

const QStringList &spanishText()
{
    static const QStringList text = tsvColumn(QStringLiteral(WB_SHARED_DIR "/reference-data/glossary/nci-dictionary-glossary-app/"
                                                             "derived_en-es_terms_A-M_by_termId.tsv"), 4);
    return text;
}

std::shared_ptr<wb::HunspellDictionary> projectSpanish()
{
    return *wb::ProjectContext::atFolder(QStringLiteral(WB_SOURCE_DIR))->loadDictionary(QStringLiteral("es"));
}

void BM_RawHunspellSpell(benchmark::State &state)
{
    auto dictionary = projectSpanish();
    wb::WordTokenizer tokenizer(QStringLiteral("es"));
    QList<QString> words;
    for (const QString &unit : spanishText())
        for (const wb::Token &t : tokenizer.tokenize(unit))
            if (t.kind == wb::Token::Kind::Word)
                words.append(t.text);
    int64_t wrong = 0;
    for (auto _ : state)
        for (const QString &w : words)
            wrong += !dictionary->spell(w);
    state.counters["words"] = double(words.size());
    state.counters["unknown"] = double(wrong) / double(state.iterations());
}

void BM_SpellCheckDocument(benchmark::State &state)
{
    auto dictionary = projectSpanish();
    int64_t wrong = 0;
    for (auto _ : state) {
        // A fresh checker each time: its word cache starts empty, as for a newly opened document.
        state.PauseTiming();
        auto checker = std::make_unique<wb::SpellChecker>(dictionary, QStringLiteral("es"));
        state.ResumeTiming();
        for (const QString &unit : spanishText())
            wrong += checker->check(unit).size();
        state.PauseTiming();
        checker.reset();
        state.ResumeTiming();
    }
    state.counters["flagged"] = double(wrong) / double(state.iterations());
}

void BM_FullQa10000Units(benchmark::State &state)
{
    const QString pairs = QStringLiteral(WB_SOURCE_DIR "/tests/data/terminology/labelled-targets.tsv");
    const QStringList sources = tsvColumn(pairs, 2, 4);
    const QStringList targets = tsvColumn(pairs, 3, 4);
    wb::PoCatalog catalog;
    for (int i = 0; i < 10000; ++i) {
        wb::PoEntry e;
        e.context = QStringLiteral("u%1").arg(i);
        // Vary the text so that caches do not make it trivial: a different number each time.
        e.msgid = sources[i % sources.size()] + QStringLiteral(" (%1)").arg(i);
        e.msgstr = targets[i % targets.size()] + QStringLiteral(" (%1)").arg(i);
        catalog.entries.append(e);
    }
    int64_t findings = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto suite = *wb::ProjectContext::atFolder(QStringLiteral(WB_SOURCE_DIR), QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
        state.ResumeTiming();
        suite->addForConsistency(catalog);
        for (const wb::PoEntry &e : catalog.entries)
            findings += suite->checkUnit(e).size();
    }
    state.counters["units"] = 10000;
    state.counters["findings"] = double(findings) / double(state.iterations());
}

} // namespace

BENCHMARK(BM_RawHunspellSpell)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SpellCheckDocument)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullQa10000Units)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
