#!/usr/bin/python3
"""The peer for `workbench align` (docs/alignment.md): NLTK's Gale-Church aligner
(nltk.translate.gale_church, Debian's python3-nltk), given the same sentences and paragraphs
as the labelled set has them: one sentence per line, paragraphs (and lists) separated by blank
lines. Prints one JSON object: links as line pairs, and precision/recall against GOLD.tsv.

    bench/nltk_align.py EN.md ES.md [GOLD.tsv]
"""
import json, re, sys, time
from nltk.translate.gale_church import align_blocks

def blocks(path):
    """[[(line_number, length)]] per paragraph, markup and escapes taken off."""
    out, current = [], []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            text = line.strip()
            if not text:
                if current:
                    out.append(current)
                current = []
                continue
            text = re.sub(r'^(#+|-)\s+', '', text)
            text = re.sub(r'\\(.)', r'\1', text)
            current.append((number, len(text)))
    if current:
        out.append(current)
    return out

def main():
    start = time.monotonic()
    en, es = blocks(sys.argv[1]), blocks(sys.argv[2])
    if len(en) != len(es):  # NLTK needs as many paragraphs on each side: then one block
        en, es = [sum(en, [])], [sum(es, [])]
    links = set()
    for s, t in zip(en, es):
        for i, j in align_blocks([length for _, length in s], [length for _, length in t]):
            links.add((s[i][0], t[j][0]))
    result = {'paragraphs': len(en), 'links': len(links), 'seconds': round(time.monotonic() - start, 3)}
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding='utf-8') as f:
            next(f)
            gold = {tuple(int(x) for x in line.split('\t')) for line in f if line.strip()}
        correct = len(links & gold)
        result.update(precision=round(correct / len(links), 4), recall=round(correct / len(gold), 4))
    print(json.dumps(result))

if __name__ == '__main__':
    main()
