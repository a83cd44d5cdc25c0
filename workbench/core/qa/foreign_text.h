#pragma once
#include "qa/finding.h"
#include "text/word_tokenizer.h"
#include <functional>

namespace wb {

/// Which words a language knows: the spelling dictionaries of the source and the target.
struct WordKnowledge {
    std::function<bool(const QString &)> isTargetWord;
    std::function<bool(const QString &)> isSourceWord;
};

/// Stretches of a target that are not in its language, found from its word tokens.
///
/// Names: a run of two or more capitalized words ("American Cancer Society", "Mayo
/// Clinic"; "of", "and", "de", "del" may join them) is a proper name, since the target's
/// own orthography does not capitalize common words mid-sentence; it is foreign when one
/// of its capitalized words is known only to the source language, or most of them are
/// unknown to the target language. Its words are not spell-checked.
QList<TextSpan> foreignNameSpans(const QString &target, const QList<Token> &tokens, const WordKnowledge &words);

/// untranslated.fragment (error): three or more words in a row left in the source language,
/// each copied from the source or known to the source language's dictionary only, at
/// least two of them unknown to the target language (one when the stretch is the source's
/// own wording, word for word), not counting the words of a name (see above). A
/// translator who forgot half a sentence leaves exactly this; spelling would otherwise
/// report each English word as a misspelling.
/// `names` are the target's foreign names, as foreignNameSpans() finds them.
Findings checkUntranslatedFragments(const QString &source, const QString &target, const QList<Token> &tokens,
                                    const QList<TextSpan> &names, const WordKnowledge &words);

} // namespace wb
