#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace wb {

/// Hands items from one producer thread to one consumer thread, holding at most `capacity`
/// (the producer waits): work on two cores at once in bounded memory. Either side can end it:
/// the producer by close() (the consumer still gets what waits), the consumer by stop() (the
/// producer's next push() returns false, so it can give up early).
template<typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(size_t capacity) : m_capacity(capacity) {}

    /// False if the consumer stopped: the item is dropped.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_items.size() < m_capacity; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }

    /// The next item, or nothing once the producer closed and all was taken, or after stop().
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_closed || !m_items.empty(); });
        if (m_stopped || m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_items.clear();
        m_changed.notify_all();
    }

private:
    const size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    bool m_closed = false;
    bool m_stopped = false;
};

} // namespace wb
