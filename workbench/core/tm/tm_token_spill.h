#pragma once
#include <QTemporaryFile>
#include <functional>
#include <vector>

namespace wb {

/// The tokens of every unit an index build has analysed, kept out of memory: appended to a
/// nameless temporary file as the units come, then read back in large sequential blocks.
/// Never mapped: pages of a mapping read in no order stay in the process's resident memory
/// (145 MB of a 304 MB peak at a million units), and one read per unit costs a system call
/// each (6 s at a million units on this machine).
class TokenSpill {
public:
    /// Creates the file in `folder` and unlinks it at once: a build that is killed leaves
    /// nothing behind (the descriptor keeps the file until it is closed).
    bool open(const QString &folder);
    QString errorString() const { return m_file.errorString(); }

    /// Appends one unit: its token ids in text order, then the same sorted (as many).
    void add(const std::vector<quint32> &inTextOrder, const std::vector<quint32> &sorted);
    /// Writes what waits in memory; false if any write failed.
    bool finish();
    quint64 tokenCount() const { return m_tokenCount; }
    quint32 unitCount() const { return quint32(m_counts.size()); }
    /// How many tokens unit `unit` has (half its tokens in the file).
    quint16 countOf(quint32 unit) const { return m_counts[unit]; }

    /// Each unit in the order they were added, with its 2 × count tokens (text order, then
    /// sorted), read a few MiB at a time. False if the file could not be read.
    bool forEachUnit(const std::function<void(quint32 unit, const quint32 *tokens, quint16 count)> &visit);

private:
    void flush();
    QTemporaryFile m_file;
    std::vector<quint32> m_pending;
    std::vector<quint16> m_counts;
    quint64 m_tokenCount = 0;
    bool m_writeFailed = false;
};

} // namespace wb
