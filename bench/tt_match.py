#!/usr/bin/python3
"""The baseline of bench/tm_process_bench: translate-toolkit's matcher over a TMX memory.

    tt_match.py MEMORY.tmx --one TEXT [--max-length N]   load the TMX, match TEXT, print the matches
    tt_match.py MEMORY.tmx --many [--max-length N]       load once, then match each stdin line;
                                                         prints "load SECONDS", then "MS COUNT" per query

matcher(store, max_candidates=5, min_similarity=50, max_length=N): translate-toolkit's
default max_length is 70 characters (longer memory sources are never compared); the
benchmark passes 1000 so that it considers the same units the workbench does. Needs
/usr/bin/python3 (Debian's translate-toolkit; python3-levenshtein installed makes it faster).
"""
import sys
import time

from translate.search import match
from translate.storage import base, factory

# translate-toolkit 3.8.4's matcher keeps its best candidates in a heap of (similarity, unit):
# two candidates with the same similarity make heapq compare the units, which raises
# TypeError ('<' not supported between instances of 'TranslationUnit'). An arbitrary but
# consistent order between units lets it run; it changes no score.
base.TranslationUnit.__lt__ = lambda self, other: id(self) < id(other)


def main():
    path, mode = sys.argv[1], sys.argv[2]
    max_length = int(sys.argv[sys.argv.index("--max-length") + 1]) if "--max-length" in sys.argv else 70
    started = time.perf_counter()
    store = factory.getobject(path)
    matcher = match.matcher(store, max_candidates=5, min_similarity=50, max_length=max_length)
    if mode == "--one":
        for unit in matcher.matches(sys.argv[3]):
            print(unit.getnotes(), unit.source, "\t", unit.target, sep=" ")
        return
    print("load %.3f units %d" % (time.perf_counter() - started, len(matcher.candidates.units)), flush=True)
    for line in sys.stdin:
        text = line.rstrip("\n")
        began = time.perf_counter()
        found = matcher.matches(text)
        print("%.3f %d" % ((time.perf_counter() - began) * 1000, len(found)), flush=True)


if __name__ == "__main__":
    main()
