#pragma once
#include <QHash>

namespace wb {

/// Caches of words (stems, spellings, number words) live as long as an editor session or a
/// pipeline run, and text from anywhere (a fuzzer, a huge memory import) has no end of distinct
/// words: fuzz_qa grew past 1 GB in 130,000 inputs. Past this many entries a cache starts over;
/// computing a word again is cheap, memory without bound is not.
inline constexpr qsizetype kWordCacheLimit = 100000;

/// Inserts into a cache that never holds more than `limit` entries; returns the stored value.
template <typename Key, typename Value>
const Value &insertBounded(QHash<Key, Value> &cache, const Key &key, const Value &value, qsizetype limit = kWordCacheLimit)
{
    if (cache.size() >= limit)
        cache.clear();
    return *cache.insert(key, value);
}

} // namespace wb
