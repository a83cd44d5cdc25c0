#pragma once
#include "po/po_catalog.h"
#include "qa/finding.h"

namespace wb {

/// What must never reach a public health website through a translation (errors, all of
/// them; a target is escaped for Markdown on export, but a page is only as safe as the
/// weakest tool between the catalog and the site):
///  - publishing.html: an HTML tag the source does not have ("<b>", "<img …>", "<!-- …");
///  - publishing.script: a script element or an inline event handler ("onclick=");
///  - publishing.javascript-link: a "javascript:", "vbscript:" or "data:" URL;
///  - publishing.link-destination: a link or URL the source does not have (Markdown
///    "[text](url)", "<url>", bare "http…"/"www." addresses). The source's destinations are
///    its own URLs and those of its link placeholders (the "#." lines: "link to URL").
Findings checkPublishingSafety(const PoEntry &entry);

} // namespace wb
