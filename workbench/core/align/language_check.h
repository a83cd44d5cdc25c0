#pragma once
#include "common/result.h"
#include "model/segmented_document.h"
#include "project/language_resources.h"

namespace wb {

/// How well a document reads as a language: of up to 400 of its words (three letters or
/// more), how many the target language's Hunspell dictionary knows, and the source's.
struct LanguageEvidence {
    bool checked = false;     ///< false when a dictionary is not installed: nothing was judged
    int sampled = 0;
    int knownInTarget = 0;
    int knownInSource = 0;
    /// A translation reads as its language when its dictionary knows at least half its words.
    bool readsAsTarget() const { return !checked || sampled == 0 || knownInTarget * 2 >= sampled; }
};

/// Samples `doc` (segmented as `targetLanguage`) against both languages' dictionaries
/// (the project's settings for which dictionary, else the defaults, docs/alignment.md).
LanguageEvidence languageEvidence(const SegmentedDocument &doc, const QString &sourceLanguage, const QString &targetLanguage,
                                  const ProjectSettings &settings);

} // namespace wb
