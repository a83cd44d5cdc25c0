#pragma once
#include "common/result.h"
#include "model/segmented_document.h"
#include <memory>

namespace wb {

class MarkdownSource;
class SentenceSegmenter;

/// Cuts a parsed Markdown document into translation units: headings, paragraphs, list
/// items, block quotes, image alt text and link titles, split into sentences. Code
/// blocks, HTML blocks, front matter and link destinations stay as they are.
SegmentedDocument segmentDocument(std::shared_ptr<const MarkdownSource> source, SentenceSegmenter &segmenter);

} // namespace wb
