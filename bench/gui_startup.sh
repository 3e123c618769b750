#!/usr/bin/env bash
# Time from starting `moudesk` to its main window being shown, and its peak memory, on the
# bundled library, in a real X server (Xvfb). Usage: bench/gui_startup.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-10}
app="$build/src/gui/moudesk"
work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data MOUDESK_REPORT_STARTUP=1

total=0 worst=0 peak=""
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  line=$("$app" 2>/dev/null | grep shown-at-ns)
  shown=$(awk '{print $2}' <<<"$line")
  peak=$(awk '{print $4, $5}' <<<"$line")
  ms=$(((shown - start) / 1000000))
  total=$((total + ms))
  ((ms > worst)) && worst=$ms
done
echo "moudesk window shown: mean $((total / runs)) ms, worst $worst ms over $runs runs; peak RSS $peak"
