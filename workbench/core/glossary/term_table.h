#pragma once
#include "common/result.h"
#include "glossary/termbase.h"
#include <QByteArray>

namespace wb {

/// Termbases as tables, one row per term, for spreadsheets and readers:
/// concept, language, term, status, part_of_speech, gender, term_type, note, source,
/// definition (on the first row of each language), subject_field (on the concept's first row).
enum class TableFormat { Tsv, Csv };

QByteArray writeTermTable(const Termbase &termbase, TableFormat format);
/// Reads a table written by writeTermTable or by hand: the header row names the columns,
/// in any order; "concept", "language" and "term" are required.
Result<Termbase> readTermTable(const QByteArray &bytes, TableFormat format, const QString &path);

} // namespace wb
