#!/usr/bin/env bash
# Fails when an interface string of the editor has no Spanish translation: every string the
# code passes to ui()/uiCount()/uiNoop() must be in locales/es/workbench-ui.po, translated
# and not fuzzy, with every plural form. Prints what is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
catalog="$root/locales/es/workbench-ui.po"
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
"$root/scripts/extract-ui-strings" "$pot"
status=0
# msgcmp: each msgid of the code needs a translated (non-fuzzy) entry in the catalog.
if ! msgcmp "$catalog" "$pot"; then
  echo "ui_catalog: strings of the editor without a Spanish translation (run scripts/update-ui-catalog and translate them)" >&2
  status=1
fi
untranslated=$(msgattrib --untranslated --no-obsolete "$catalog" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$catalog" | grep -c '^msgid ' || true)
# msgattrib prints the header as one msgid when it prints anything.
if [[ $untranslated -gt 1 || $fuzzy -gt 1 ]]; then
  echo "ui_catalog: $catalog has untranslated or fuzzy entries:" >&2
  msgattrib --untranslated --no-obsolete "$catalog" >&2
  msgattrib --only-fuzzy --no-obsolete "$catalog" >&2
  status=1
fi
msgfmt -c -o /dev/null "$catalog" || status=1
exit $status
