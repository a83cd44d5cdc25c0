#pragma once
#include <QByteArrayView>
#include <cstring>
#include <memory>
#include <vector>

namespace wb {

/// Append-only store for the UTF-8 text of a translation memory. Records go into 4 MiB
/// blocks: a million units cost their bytes, not a heap block and array header per string,
/// and growing never copies what is already stored (no doubling spikes in resident memory).
class TextArena {
public:
    using Handle = quint64; ///< block index << 32 | offset in the block

    Handle append(QByteArrayView bytes)
    {
        const size_t size = size_t(bytes.size());
        if (m_blocks.empty() || m_used + size > kBlockSize) {
            m_blocks.push_back(std::make_unique<char[]>(std::max(size, kBlockSize)));
            m_used = 0;
        }
        const Handle handle = Handle(m_blocks.size() - 1) << 32 | Handle(m_used);
        if (size)
            std::memcpy(m_blocks.back().get() + m_used, bytes.data(), size);
        m_used += size;
        return handle;
    }

    QByteArrayView view(Handle handle, qsizetype size) const
    {
        return QByteArrayView(m_blocks[size_t(handle >> 32)].get() + (handle & 0xFFFFFFFFu), size);
    }

private:
    static constexpr size_t kBlockSize = size_t(4) << 20;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    size_t m_used = 0;
};

} // namespace wb
