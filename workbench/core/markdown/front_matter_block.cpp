#include "markdown/front_matter_block.h"
#include "common/text_file.h"

namespace wb {
namespace {

bool isFenceLine(const QByteArray &bytes, qsizetype start, qsizetype end, bool closing)
{
    const QByteArray line = bytes.mid(start, end - start).trimmed(); // trims a "\r" too
    return line == "---" || (closing && line == "...");
}

} // namespace

std::optional<FrontMatterBlock> findFrontMatter(const QByteArray &bytes)
{
    FrontMatterBlock block;
    block.start = utf8BomLength(bytes);
    const qsizetype firstEnd = bytes.indexOf('\n', block.start);
    if (firstEnd < 0 || !isFenceLine(bytes, block.start, firstEnd, false))
        return std::nullopt;
    block.newline = firstEnd > block.start && bytes[firstEnd - 1] == '\r' ? QByteArray("\r\n") : QByteArray("\n");
    block.bodyStart = firstEnd + 1;
    for (qsizetype start = block.bodyStart; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        if (isFenceLine(bytes, start, end, true)) {
            block.closingLine = start;
            block.end = std::min(end + 1, bytes.size());
            return block;
        }
        start = end + 1;
    }
    return std::nullopt; // unterminated: not front matter
}

} // namespace wb
