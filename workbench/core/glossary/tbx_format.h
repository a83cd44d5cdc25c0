#pragma once
#include "common/result.h"
#include "glossary/termbase.h"
#include <QByteArray>

namespace wb {

/// Reads TBX with QXmlStreamReader: TBX v3 (ISO 30042:2019) in DCA or DCT style, and
/// TBX 2008 (`martif`, tig/ntig). TBX 2008 "Translation needed: No" concepts are kept
/// untranslated: their source term becomes the preferred term of every other language.
Result<Termbase> readTbx(const QByteArray &xml, const QString &path);
Result<Termbase> loadTbx(const QString &path);

/// Writes TBX v3, TBX-Basic dialect, DCA style; valid against the TBX core RNG.
QByteArray writeTbx(const Termbase &termbase, const QString &sourceLanguage = QStringLiteral("en"));

} // namespace wb
