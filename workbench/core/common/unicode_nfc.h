#pragma once
#include <QByteArray>
#include <QString>

namespace wb {

/// The text in Unicode NFC (ICU). Every reader passes the text it reads through this, so
/// "médula" written decomposed (NFD, as macOS editors and some converters write it) is the
/// same string as the precomposed one everywhere after reading. Text already in NFC (nearly
/// all) costs a quick check and comes back as it is.
QString toNfc(const QString &text);

/// The same for UTF-8 bytes; bytes already in NFC come back as they are, a byte order mark
/// included. The bytes must be valid UTF-8.
QByteArray toNfcUtf8(const QByteArray &utf8);

/// The text in Unicode NFD (ICU): what a file written decomposed held before it was read.
QString toNfd(const QString &text);

} // namespace wb
