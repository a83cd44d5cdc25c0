#!/usr/bin/env bash
# Whole-process time of `workbench segment` against po4a (Debian's po4a-updatepo) on the
# bundled summary, their unit counts, and whether each round trip is byte-identical.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BUILD_DIR:-$root/build}/bin
doc=$root/source-content/en/adult-all-treatment.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

units() { grep -c '^msgid ' "$1" | awk '{print $1 - 1}'; } # minus the header

"$bin/workbench" segment "$doc" -o "$work/wb.pot"
po4a-updatepo -f text -o markdown -m "$doc" -p "$work/po4a.po" -M UTF-8
echo "units: workbench $(units "$work/wb.pot"), po4a $(units "$work/po4a.po")"

msgen -o "$work/wb-en.po" "$work/wb.pot"
"$bin/workbench" export "$doc" --po "$work/wb-en.po" --include all -o "$work/wb.md" 2>/dev/null
cmp -s "$doc" "$work/wb.md" && echo "workbench round trip: byte-identical" || echo "workbench round trip: DIFFERS"
msgen -o "$work/po4a-en.po" "$work/po4a.po"
po4a-translate -f text -o markdown -m "$doc" -p "$work/po4a-en.po" -l "$work/po4a.md" -k 0 -M UTF-8 -L UTF-8
if cmp -s "$doc" "$work/po4a.md"; then
  echo "po4a round trip: byte-identical"
else
  echo "po4a round trip: differs in $(diff "$doc" "$work/po4a.md" | grep -c '^[<>]') lines"
fi

hyperfine --warmup 3 --runs ${RUNS:-30} --style basic --export-json "$work/hyperfine.json" \
  -n "workbench segment" "$bin/workbench segment $doc -o $work/wb.pot" \
  -n "po4a-updatepo" "po4a-updatepo -f text -o markdown -m $doc -p $work/po4a-run.po -M UTF-8"
python3 - "$work/hyperfine.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
wb, po4a = results["workbench segment"], results["po4a-updatepo"]
print(f"median: workbench segment {wb['median']*1000:.1f} ms, po4a-updatepo {po4a['median']*1000:.1f} ms, "
      f"ratio {po4a['median']/wb['median']:.1f}x")
PY
