#include "tm/tm_token_spill.h"

#include <QFile>
#include <cerrno>
#include <unistd.h>

namespace wb {

namespace {
constexpr size_t kPendingTokens = 1u << 20; // 4 MiB written at a time
constexpr quint64 kBlockTokens = 1u << 20;  // 4 MiB read at a time (a unit is at most 512 KiB)

// pread may return less than asked (a signal, a file system's limit): read on until all is there.
bool readFully(int fd, char *to, quint64 bytes, quint64 offset)
{
    while (bytes > 0) {
        const ssize_t got = ::pread(fd, to, size_t(bytes), off_t(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        to += got;
        bytes -= quint64(got);
        offset += quint64(got);
    }
    return true;
}
} // namespace

bool TokenSpill::open(const QString &folder)
{
    m_file.setFileTemplate(folder + QStringLiteral("/.tmindex-tokens-XXXXXX"));
    if (!m_file.open())
        return false;
    m_file.setAutoRemove(false);
    ::unlink(QFile::encodeName(m_file.fileName()).constData());
    return true;
}

void TokenSpill::add(const std::vector<quint32> &inTextOrder, const std::vector<quint32> &sorted)
{
    m_pending.insert(m_pending.end(), inTextOrder.begin(), inTextOrder.end());
    m_pending.insert(m_pending.end(), sorted.begin(), sorted.end());
    m_counts.push_back(quint16(inTextOrder.size()));
    m_tokenCount += 2 * inTextOrder.size();
    if (m_pending.size() >= kPendingTokens)
        flush();
}

void TokenSpill::flush()
{
    const qint64 bytes = qint64(m_pending.size() * sizeof(quint32));
    m_writeFailed = m_writeFailed || m_file.write(reinterpret_cast<const char *>(m_pending.data()), bytes) != bytes;
    m_pending.clear();
}

bool TokenSpill::finish()
{
    flush();
    return !m_writeFailed && m_file.flush();
}

bool TokenSpill::forEachUnit(const std::function<void(quint32 unit, const quint32 *tokens, quint16 count)> &visit)
{
    std::vector<quint32> block;
    quint64 offset = 0; // in tokens, where unit `first` starts
    for (quint32 first = 0; first < unitCount();) {
        // Whole units only, as many as fit a block (always at least one).
        quint32 end = first;
        quint64 size = 0;
        while (end < unitCount() && (end == first || size + 2 * quint64(m_counts[end]) <= kBlockTokens))
            size += 2 * quint64(m_counts[end++]);
        block.resize(size);
        if (!readFully(m_file.handle(), reinterpret_cast<char *>(block.data()), size * sizeof(quint32), offset * sizeof(quint32)))
            return false;
        const quint32 *tokens = block.data();
        for (quint32 unit = first; unit < end; ++unit) {
            visit(unit, tokens, m_counts[unit]);
            tokens += 2 * quint64(m_counts[unit]);
        }
        offset += size;
        first = end;
    }
    return true;
}

} // namespace wb
