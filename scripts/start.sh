#!/usr/bin/env bash
# Sets up, builds and starts moudesk on its bundled defaults: writes the example bilingual
# memorandum of understanding (and renders it to Word, OpenDocument, PDF and HTML), then opens
# it in the desktop application. Without a display, it stops after writing the documents.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --no-test-tools
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
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec "${BUILD_DIR:-$root/build}/src/gui/moudesk" "$out/example-mou.moudraft"
else
  echo "No display: start the desktop application later with ${BUILD_DIR:-$root/build}/src/gui/moudesk"
fi
