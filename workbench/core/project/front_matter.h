#pragma once
#include <QByteArray>
#include <QString>
#include <optional>

namespace wb {

/// What a static site generator and a publishing check need to know about a localized
/// page, written as YAML front matter (README, "Front matter of exported Markdown").
struct PublishingFacts {
    QString title;                ///< the page's first heading as readers see it
    QString language;             ///< the target language
    QString source;               ///< the source document, relative to the project
    QString sourceSha1;           ///< SHA-1 of the source bytes: the revision translated
    QString status;               ///< "approved", "translated", "draft" or "partial" (some units in the source language)
    QString include;              ///< which translations the export allowed
    int units = 0;
    int sourceLanguageUnits = 0;
    std::optional<double> reviewScore; ///< MQM penalty points per 1,000 words, when a reviewer annotated errors
    bool reviewPassed = true;
};

/// The markdown with the facts in its front matter: added to the document's own front
/// matter when it has one (keys it already sets, such as its own title, win), else as a
/// new block on top. Keys are written in a fixed order, so the bytes depend only on the facts.
QByteArray withFrontMatter(const QByteArray &markdown, const PublishingFacts &facts);

} // namespace wb
