#pragma once
#include "common/result.h"
#include <QByteArray>

namespace wb {

/// Checks an XML document before any reader walks it:
///  - a document in UTF-8 (no UTF-16 byte order mark, no other encoding declared) must be
///    valid UTF-8, reported at the exact line and column of the first bad byte (the XML
///    reader's own message names the XML declaration instead);
///  - a DTD that declares external entities (SYSTEM or PUBLIC) is refused, so no file or
///    URL named by a stranger's file is ever read. Internal entities stay allowed; Qt
///    bounds their expansion, so a "billion laughs" file fails fast with the reader's message.
Status checkXmlInput(const QByteArray &xml, const QString &path);

} // namespace wb
