#pragma once
#include "common/result.h"
#include "tm/tm_unit.h"
#include <QList>
#include <functional>

namespace wb {

/// Reads TMX 1.4b (QXmlStreamReader). Inline codes become placeholders: <bpt i="n">/<ept
/// i="n"> pairs {n}…{/n}, and <ph>, <it>, <x> standalone {k/}. Units with no text in the
/// source language or in `targetLanguage` are skipped. `progress` gets the units read so far.
Result<QList<TmUnit>> readTmx(const QByteArray &xml, const QString &path, const QString &targetLanguage,
                             const std::function<void(int)> &progress = {});

/// Writes TMX 1.4b, valid against tmx14.dtd; placeholders become <bpt>/<ept>/<ph>.
QByteArray writeTmx(const QList<TmUnit> &units, const QString &sourceLanguage);

} // namespace wb
