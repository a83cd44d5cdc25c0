#pragma once
#include "po/review_marks.h"
#include <QList>
#include <QString>

namespace wb {

/// A note on a unit. `category` says what it holds; the workbench's own categories
/// ("location", "description", "translator", "wb:<keyword>") carry a PO entry's
/// comments so that a file coming back restores them exactly.
struct XliffNote {
    QString category;
    QString text;
    friend bool operator==(const XliffNote &, const XliffNote &) = default;
};

/// One translation unit, whatever the XLIFF version. Text uses the workbench's
/// placeholder syntax ({n}…{/n}, {n/}, {{); `rawSource`/`rawTarget` hold the same text
/// with literal braces unescaped, for files whose text already carries placeholders
/// as plain characters (po2xliff copies a PO's msgid verbatim).
struct XliffUnit {
    QString id;
    QString name;              ///< 2.x name / 1.2 resname: the real id when `id` could not hold it
    QString source;
    QString target;
    QString rawSource;
    QString rawTarget;
    bool hasTarget = false;
    UnitState state = UnitState::Untranslated;
    bool stateGiven = false;   ///< the file stated it; otherwise derived from the target
    QList<XliffNote> notes;
    int segmentCount = 1;      ///< segments the other tool split the unit into (joined on reading)
    int line = 0;              ///< where the unit starts in the file
};

/// One <file>: the units of one source document.
struct XliffFile {
    QString id;
    QString original;          ///< the source document, relative to the project
    QList<XliffUnit> units;
    int line = 0;
};

struct XliffDocument {
    QString version;           ///< "1.2", "2.0", "2.1", ...
    QString sourceLanguage;
    QString targetLanguage;
    QList<XliffFile> files;
};

} // namespace wb
