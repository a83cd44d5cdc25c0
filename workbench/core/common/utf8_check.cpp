#include "common/utf8_check.h"
#include "common/text_file.h"

#include <unicode/utf8.h>

namespace wb {
namespace {

// How many bytes at the end of `data` begin a sequence that needs more bytes than are left
// (0 when the data ends on a whole character or on a byte that cannot start one).
qsizetype cutSequence(const uint8_t *data, qsizetype size)
{
    for (qsizetype back = 1; back <= 3 && back <= size; ++back) {
        const uint8_t byte = data[size - back];
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: its lead is further back
        const qsizetype needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return needed > back ? back : 0;
    }
    return 0;
}

} // namespace

Status Utf8Check::fail(qsizetype offsetInData, const QString &message)
{
    // m_line and m_lineStart are up to date: feed() counts every newline before the bad byte.
    m_failed = Diagnostic{ErrorKind::InvalidInput, m_path, m_line, int(m_offset + offsetInData - m_lineStart) + 1, message};
    return *m_failed;
}

Status Utf8Check::feed(const char *input, qsizetype inputSize)
{
    if (m_failed)
        return *m_failed;
    QByteArray joined;
    const char *data = input;
    qsizetype size = inputSize;
    if (!m_carry.isEmpty()) {
        joined = m_carry + QByteArray::fromRawData(input, inputSize);
        data = joined.constData();
        size = joined.size();
        m_carry.clear();
    }
    if (m_offset == 0) { // the first bytes say whether this is UTF-16
        if (const auto utf16 = utf16Kind(QByteArray::fromRawData(data, size))) {
            m_failed = Diagnostic{ErrorKind::InvalidInput, m_path, 1, 1, *utf16};
            return *m_failed;
        }
    }
    const auto *s = reinterpret_cast<const uint8_t *>(data);
    const qsizetype whole = size - cutSequence(s, size);
    qsizetype i = 0;
    while (i < whole) {
        const uint8_t byte = s[i];
        if (byte == '\n') {
            ++m_line;
            m_lineStart = m_offset + i + 1;
            ++i;
            continue;
        }
        if (byte == 0)
            return fail(i, QStringLiteral("NUL byte in text"));
        if (byte < 0x80) {
            ++i;
            continue;
        }
        // U8_NEXT takes int32 offsets: it never needs more than the 4 bytes from here.
        const int32_t length = int32_t(std::min<qsizetype>(whole - i, 4));
        int32_t at = 0;
        UChar32 c;
        U8_NEXT(s + i, at, length, c);
        if (c < 0)
            return fail(i, QStringLiteral("invalid UTF-8 byte 0x%1").arg(uint(byte), 2, 16, QLatin1Char('0')));
        i += at;
    }
    m_carry = QByteArray(data + whole, size - whole);
    m_offset += whole;
    return {};
}

Status Utf8Check::finish()
{
    if (m_failed)
        return *m_failed;
    if (m_carry.isEmpty())
        return {};
    return fail(0, QStringLiteral("invalid UTF-8 byte 0x%1").arg(uint(uint8_t(m_carry[0])), 2, 16, QLatin1Char('0')));
}

} // namespace wb
