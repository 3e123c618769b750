#!/usr/bin/env bash
# Sets up, builds and runs moudesk's main job on its bundled defaults: writes the example
# bilingual memorandum of understanding and renders it to Word, OpenDocument, PDF and HTML.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --runtime-only
"$root/scripts/build.sh"
cli="${BUILD_DIR:-$root/build}/src/cli/moudesk-cli"
out=${MOUDESK_OUT:-$root/out}
mkdir -p "$out"
"$cli" draft new --instrument mou --language en+fr -o "$out/example-mou.moudraft" --force
for ext in docx odt pdf html; do
  "$cli" draft render "$out/example-mou.moudraft" -o "$out/example-mou.$ext"
done
echo
echo "The example agreement is in $out:"
ls -1 "$out"/example-mou.*
