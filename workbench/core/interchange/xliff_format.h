#pragma once
#include "common/result.h"
#include "common/xml_root.h"
#include "interchange/xliff_document.h"
#include "interchange/xliff_inline.h"
#include <QByteArray>

namespace wb {

/// Reads XLIFF 1.2 or 2.x, whichever the root element declares. A 2.x file must first
/// pass validateXliff2 (all its problems are reported, the first one returned); a 1.2
/// file must have the elements and attributes the 1.2 schema requires. Units a tool
/// split into several segments come back joined, with segmentCount saying so.
Result<XliffDocument> readXliff(const QByteArray &bytes, const QString &path);

/// The XLIFF family the root element declares (1.x or 2.x namespace), if any.
std::optional<XliffVersion> xliffFamilyOf(const XmlRoot &root);
std::optional<XliffVersion> xliffFamilyOf(const QByteArray &bytes);

/// Writes the document as XLIFF 2.1 or 1.2. The output depends only on the document
/// (no dates, no tool build numbers), so the same catalogs give the same bytes.
QByteArray writeXliff(const XliffDocument &document, XliffVersion version);

/// XLIFF spellings of a unit's state. 2.x: state plus a "wb:" subState for the review
/// verdicts XLIFF has no state for; 1.2: the target's state plus the approved flag.
struct XliffStateSpelling {
    QString state;
    QString subState;  ///< 2.x only
    bool approved = false; ///< 1.2 only
};
XliffStateSpelling spellState(UnitState state, XliffVersion version);
UnitState stateFromXliff2(const QString &state, const QString &subState, bool hasTarget);
/// `approved` is the attribute as written ("yes", "no" or empty when absent).
UnitState stateFromXliff12(const QString &targetState, const QString &approved, bool hasTarget);

} // namespace wb
