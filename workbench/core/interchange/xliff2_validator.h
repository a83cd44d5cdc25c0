#pragma once
#include "common/diagnostic.h"
#include <QByteArray>
#include <QString>

namespace wb {

/// Checks an XLIFF 2.x document (core namespace urn:oasis:names:tc:xliff:document:2.0)
/// against what the specification requires: the core schema's structure (elements,
/// required attributes, enumerations) and the processing requirements and constraints
/// the schema cannot express (unique ids, inline-code pairing, canReorder sequences,
/// fragment identifiers, inherited xml:lang, ...). Module and extension elements are
/// accepted where the core allows them.
/// Returns every violation: InvalidInput, the file, line and column, and a message that
/// names the rule ("unit 'u1': <ec> startRef 'x' names no <sc> in the unit (XLIFF 2.0 §4.2.3.4)").
/// An empty list means the file is valid.
Diagnostics validateXliff2(const QByteArray &bytes, const QString &path);

} // namespace wb
