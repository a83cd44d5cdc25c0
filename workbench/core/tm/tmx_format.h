#pragma once
#include "common/result.h"
#include "tm/tm_unit.h"
#include <QIODevice>
#include <QList>
#include <functional>

namespace wb {

/// What a TMX file held besides its units.
struct TmxSummary {
    QString sourceLanguage; ///< the header's srclang
    qsizetype units = 0;    ///< units handed on (those with text in both languages)
};

/// Reads TMX as it goes, never holding the file, however big: each unit is handed to `unit`
/// once its </tu> is read (a failure it returns stops the reading and is returned). The same
/// reading and the same checks as the other readTmx, done on the way: the bytes are checked
/// as UTF-8 as they pass (the first bad one named by line), a DTD declaring an external
/// entity is refused before any unit. `progress` gets the units read and the device's bytes
/// read so far, every thousand units and at the end.
Result<TmxSummary> readTmx(QIODevice &device, const QString &path, const QString &targetLanguage,
                          const std::function<Status(TmUnit &)> &unit,
                          const std::function<void(qsizetype units, qint64 bytes)> &progress = {});

/// Reads TMX 1.4b (QXmlStreamReader). Inline codes become placeholders: <bpt i="n">/<ept
/// i="n"> pairs {n}…{/n}, and <ph>, <it>, <x> standalone {k/}. Units with no text in the
/// source language or in `targetLanguage` are skipped. `progress` gets the units read so far.
Result<QList<TmUnit>> readTmx(const QByteArray &xml, const QString &path, const QString &targetLanguage,
                             const std::function<void(int)> &progress = {});

/// Writes TMX 1.4b, valid against tmx14.dtd; placeholders become <bpt>/<ept>/<ph>.
QByteArray writeTmx(const QList<TmUnit> &units, const QString &sourceLanguage);

} // namespace wb
