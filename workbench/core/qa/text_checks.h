#pragma once
#include "qa/finding.h"
#include <QSet>
#include <functional>

namespace wb {

/// markup.placeholders (error): placeholders missing, repeated, unknown or badly nested.
/// markup.typed (warning): Markdown typed as text ("**", "[..](..)", backticks) that the
/// export will escape and show literally: the placeholders are the way to format.
Findings checkMarkup(const QString &source, const QString &target);

/// punctuation.inverted (error, Spanish): "?" and "!" without their opening "¿" "¡" in the
/// same sentence (also after a comma: "Si tiene fiebre, ¿debe llamar?"), or an opening
/// mark never closed. punctuation.final (warning): the target ends with other punctuation
/// than the source (. ? ! : ;).
Findings checkPunctuation(const QString &source, const QString &target, const QString &targetLanguage);

/// whitespace.double, whitespace.edges, whitespace.before-punctuation (warnings).
Findings checkWhitespace(const QString &source, const QString &target);

/// untranslated.copy (error): the target is the source, and the source does not read as
/// target-language text (`readsAsTarget` false: the target's spell checker finds words it
/// does not know). Names, acronyms, numbers and words the same in both languages
/// ("Otitis externa") pass. Empty targets are reported by the runner (untranslated.empty, info).
Findings checkUntranslated(const QString &source, const QString &target, const std::function<bool(const QString &)> &readsAsTarget);

/// length (warning): the target is far shorter or longer than Spanish needs
/// (under 60% or over 200% of a source of at least 20 characters).
Findings checkLength(const QString &source, const QString &target);

} // namespace wb
