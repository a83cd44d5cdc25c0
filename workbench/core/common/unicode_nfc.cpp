#include "common/unicode_nfc.h"

#include <algorithm>
#include <string>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace wb {
namespace {

// ICU's NFC data ships inside ICU itself: the instance only fails if ICU is broken, and
// then the text is kept as it is rather than lost.
const icu::Normalizer2 *nfc()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *instance = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
}

icu::UnicodeString readOnlyAlias(const QString &text)
{
    return icu::UnicodeString(false, reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
}

QString toQString(const icu::UnicodeString &text)
{
    return QString(reinterpret_cast<const QChar *>(text.getBuffer()), text.length());
}

// ASCII holds no combining mark and no precomposed letter: it is NFC and NFD as it stands.
bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

QString toNfc(const QString &text)
{
    // Most words ask ICU nothing.
    if (isAscii(text))
        return text;
    const icu::Normalizer2 *normalizer = nfc();
    if (!normalizer)
        return text;
    const icu::UnicodeString in = readOnlyAlias(text);
    UErrorCode status = U_ZERO_ERROR;
    // The prefix that is surely NFC is kept; only the rest is normalized (ICU's own idiom).
    const int32_t normalizedPrefix = normalizer->spanQuickCheckYes(in, status);
    if (U_FAILURE(status) || normalizedPrefix == in.length())
        return text;
    icu::UnicodeString out(in, 0, normalizedPrefix);
    normalizer->normalizeSecondAndAppend(out, in.tempSubString(normalizedPrefix), status);
    return U_SUCCESS(status) ? toQString(out) : text;
}

QByteArray toNfcUtf8(const QByteArray &utf8)
{
    const icu::Normalizer2 *normalizer = nfc();
    if (!normalizer)
        return utf8;
    const icu::StringPiece in(utf8.constData(), int32_t(utf8.size()));
    UErrorCode status = U_ZERO_ERROR;
    if (normalizer->isNormalizedUTF8(in, status) || U_FAILURE(status))
        return utf8;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, int32_t(utf8.size()));
    normalizer->normalizeUTF8(0, in, sink, nullptr, status);
    return U_SUCCESS(status) ? QByteArray(out.data(), qsizetype(out.size())) : utf8;
}

QString toNfd(const QString &text)
{
    if (isAscii(text))
        return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status))
        return text;
    const icu::UnicodeString out = nfd->normalize(readOnlyAlias(text), status);
    return U_SUCCESS(status) ? toQString(out) : text;
}

} // namespace wb
