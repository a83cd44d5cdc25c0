#include "align/language_check.h"
#include "project/language_resources.h"
#include "spell/hunspell_dictionary.h"
#include "text/word_tokenizer.h"

namespace wb {
namespace {
constexpr int kSampleWords = 400;
constexpr int kShortestWord = 3;
} // namespace

LanguageEvidence languageEvidence(const SegmentedDocument &doc, const QString &sourceLanguage, const QString &targetLanguage,
                                  const ProjectSettings &settings)
{
    LanguageEvidence evidence;
    auto source = HunspellDictionary::load(settings.dictionaryFor(sourceLanguage));
    auto target = HunspellDictionary::load(settings.dictionaryFor(targetLanguage));
    if (!source || !target)
        return evidence; // no dictionary for one of them: the check cannot speak
    evidence.checked = true;
    WordTokenizer tokenizer(targetLanguage);
    for (const SourceUnit &unit : doc.units) {
        for (const Token &token : tokenizer.tokenize(unit.text)) {
            if (token.kind != Token::Kind::Word || token.text.size() < kShortestWord)
                continue;
            ++evidence.sampled;
            evidence.knownInTarget += (*target)->spell(token.text) ? 1 : 0;
            evidence.knownInSource += (*source)->spell(token.text) ? 1 : 0;
            if (evidence.sampled == kSampleWords)
                return evidence;
        }
    }
    return evidence;
}

} // namespace wb
