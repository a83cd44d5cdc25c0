#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <utility>

namespace wb {

/// One translation memory entry. Texts use the workbench's placeholder syntax.
struct TmUnit {
    qint64 id = 0;
    QString source;
    QString target;
    QString sourceLanguage = QStringLiteral("en");
    QString targetLanguage = QStringLiteral("es");
    QString previousSource;  ///< context: the unit before, for 101% matches
    QString nextSource;      ///< context: the unit after
    QString author;
    QDateTime created;
    QDateTime changed;
    QString origin;          ///< document or file it came from
    QList<std::pair<QString, QString>> properties; ///< more <prop type="…">s to write (alignment: x-align-score, …)
};

} // namespace wb
