#include "po/conflict_markers.h"
#include "common/text_file.h"
#include "po/catalog_lock.h"

namespace wb {
namespace {

constexpr int kMarkerSize = 7; // git's default conflict-marker-size

// A marker line: seven of `c` at the start, then a space (and a label) or the line's end.
// "=======" never has a label.
bool isMarker(const QByteArray &line, char c)
{
    if (line.size() < kMarkerSize)
        return false;
    for (int i = 0; i < kMarkerSize; ++i)
        if (line[i] != c)
            return false;
    const char after = line.size() > kMarkerSize ? line[kMarkerSize] : '\n';
    if (c == '=')
        return after == '\n' || after == '\r';
    return after == ' ' || after == '\n' || after == '\r';
}

// Calls `visit(line, number)` for every line, its line ending included.
template <typename Visit>
void forEachLine(const QByteArray &bytes, Visit visit)
{
    qsizetype start = 0;
    int number = 1;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        end = end < 0 ? bytes.size() : end + 1;
        if (!visit(bytes.mid(start, end - start), number))
            return;
        start = end;
        ++number;
    }
}

} // namespace

int firstConflictMarkerLine(const QByteArray &bytes)
{
    // Cheap for the common case: no line starts with "<<<<<<<".
    if (!bytes.startsWith("<<<<<<<") && !bytes.contains("\n<<<<<<<"))
        return 0;
    int found = 0;
    forEachLine(bytes, [&](const QByteArray &line, int number) {
        if (isMarker(line, '<'))
            found = number;
        return found == 0;
    });
    return found;
}

Result<ConflictSides> splitConflictMarkers(const QByteArray &bytes, const QString &path)
{
    enum class Part { Outside, Ours, Base, Theirs };
    ConflictSides sides;
    QByteArray base;
    Part part = Part::Outside;
    int opened = 0;
    int regionsWithBase = 0;
    bool regionHasBase = false;
    std::optional<Diagnostic> problem;
    auto misplaced = [&](int number, const char *what) {
        problem = Diagnostic{ErrorKind::InvalidInput, path, number, 1,
                             QStringLiteral("git conflict marker %1 out of place (the region opened at line %2)")
                                 .arg(QString::fromLatin1(what))
                                 .arg(opened)};
        return false;
    };
    forEachLine(bytes, [&](const QByteArray &line, int number) {
        switch (part) {
        case Part::Outside:
            if (isMarker(line, '<')) {
                part = Part::Ours;
                opened = number;
                regionHasBase = false;
            } else if (isMarker(line, '|') || isMarker(line, '=') || isMarker(line, '>')) {
                problem = Diagnostic{ErrorKind::InvalidInput, path, number, 1,
                                     QStringLiteral("git conflict marker outside a conflicted region")};
                return false;
            } else {
                sides.ours += line;
                sides.theirs += line;
                base += line;
            }
            return true;
        case Part::Ours:
            if (isMarker(line, '|')) {
                part = Part::Base;
                regionHasBase = true;
            } else if (isMarker(line, '=')) {
                part = Part::Theirs;
            } else if (isMarker(line, '<') || isMarker(line, '>')) {
                return misplaced(number, isMarker(line, '<') ? "<<<<<<<" : ">>>>>>>");
            } else {
                sides.ours += line;
            }
            return true;
        case Part::Base:
            if (isMarker(line, '='))
                part = Part::Theirs;
            else if (isMarker(line, '<') || isMarker(line, '|') || isMarker(line, '>'))
                return misplaced(number, "inside the base part");
            else
                base += line;
            return true;
        case Part::Theirs:
            if (isMarker(line, '>')) {
                part = Part::Outside;
                ++sides.regions;
                regionsWithBase += regionHasBase ? 1 : 0;
            } else if (isMarker(line, '<') || isMarker(line, '|') || isMarker(line, '=')) {
                return misplaced(number, "before the region's >>>>>>>");
            } else {
                sides.theirs += line;
            }
            return true;
        }
        return true;
    });
    if (problem)
        return *problem;
    if (part != Part::Outside)
        return Diagnostic{ErrorKind::InvalidInput, path, opened, 1,
                          QStringLiteral("git conflict region opened here is never closed (no >>>>>>> line)")};
    if (sides.regions > 0 && regionsWithBase == sides.regions)
        sides.base = base;
    return sides;
}

Result<PoCatalog> repairConflictMarkers(const QByteArray &bytes, const QString &path, ConflictRepair &repair, const QDateTime &at)
{
    auto sides = splitConflictMarkers(bytes, path);
    if (!sides)
        return sides.error();
    repair.regions = sides->regions;
    // A side that does not parse is named as such: its line numbers are that side's own.
    auto readSide = [&](const QByteArray &side, const QString &name) -> Result<PoCatalog> {
        auto catalog = PoCatalog::fromBytes(side, path);
        if (!catalog) {
            Diagnostic error = catalog.error();
            error.message = QStringLiteral("%1 (in the %2 version of the conflicted file)").arg(error.message, name);
            return error;
        }
        return catalog;
    };
    auto ours = readSide(sides->ours, QStringLiteral("ours"));
    if (!ours)
        return ours.error();
    auto theirs = readSide(sides->theirs, QStringLiteral("theirs"));
    if (!theirs)
        return theirs.error();
    PoCatalog base;
    if (sides->base) {
        auto read = readSide(*sides->base, QStringLiteral("base"));
        if (!read)
            return read.error();
        base = *read;
    }
    return mergeCatalogs(base, *ours, *theirs, repair.merge, at);
}

} // namespace wb

namespace wb {

Result<ConflictRepair> repairConflictMarkersInFile(const QString &catalogPath)
{
    auto lock = CatalogLock::acquire(catalogPath);
    if (!lock)
        return lock.error();
    auto bytes = readFileBytes(catalogPath);
    if (!bytes)
        return bytes.error();
    ConflictRepair repair;
    if (firstConflictMarkerLine(*bytes) == 0)
        return repair;
    auto repaired = repairConflictMarkers(*bytes, catalogPath, repair);
    if (!repaired)
        return repaired.error();
    if (Status written = repaired->write(catalogPath); !written)
        return written.error();
    return repair;
}

} // namespace wb
