#pragma once
#include <QHash>
#include <QString>

namespace wb {

/// The number of `text` in `ids`, handing out the next one (0, 1, 2…) when it is new: one
/// integer per distinct string, so inner loops compare numbers, not strings.
inline int internedId(QHash<QString, int> &ids, const QString &text)
{
    const auto found = ids.constFind(text);
    if (found != ids.cend())
        return *found;
    const int id = int(ids.size());
    ids.insert(text, id);
    return id;
}

} // namespace wb
