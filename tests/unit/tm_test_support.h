#pragma once
#include "tm/tm_index.h"
#include <QList>
#include <QRandomGenerator>

namespace wb::test {

/// The units of the OpenXLIFF sample memory (real EN-ES software strings), in file order.
QList<TmUnit> sampleTmUnits();

/// Looks up 150 sources of units[0, known), each with a word dropped, added or replaced, at
/// minimum scores 50 and 70, through the index and by scoring every unit, and fails the test
/// where the two disagree on a rank's score or unit (equal scores: the newest unit first).
/// Returns how many lookups found a match.
int compareWithFullScan(TmIndex &index, const QList<TmUnit> &units, qsizetype known, QRandomGenerator &random);

} // namespace wb::test
