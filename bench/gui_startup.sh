#!/usr/bin/env bash
# Time from starting `moudesk` to its main window being shown, then to the clause library,
# questionnaire and register loaded (in a background thread) and the first page built, and the
# peak memory, on the bundled library, in a real X server (Xvfb); with where the time goes (the
# application prints "phase <what> <ns>" lines when MOUDESK_REPORT_STARTUP is set; each phase's
# time is from the previous one, the first from the process start). Then, when it is built,
# build/bench/moudesk_gui_preview_bench: the drafting workspace following a change on the full
# bilingual MOU. Usage: bench/gui_startup.sh [BUILD_DIR] [RUNS]
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

total=0 worst=0 ready_total=0 ready_worst=0 peak=""
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  out=$("$app" 2>/dev/null)
  shown=$(awk '$1 == "shown-at-ns" {print $2}' <<<"$out")
  ready=$(awk '$1 == "ready-at-ns" {print $2}' <<<"$out")
  peak=$(awk '$1 == "ready-at-ns" {print $4, $5}' <<<"$out")
  ms=$(((shown - start) / 1000000))
  total=$((total + ms))
  ((ms > worst)) && worst=$ms
  ms=$(((ready - start) / 1000000))
  ready_total=$((ready_total + ms))
  ((ms > ready_worst)) && ready_worst=$ms
  # Phases, as "name ms-since-previous" lines, summed over the runs.
  grep '^phase ' <<<"$out" | awk -v start="$start" -v ready="$ready" '
    { printf "%s %.1f\n", $2, ($3 - prev_or(start)) / 1e6; last = $3 }
    function prev_or(s) { return last ? last : s }
    END { if (last) printf "%s %.1f\n", "first-page-painted", (ready - last) / 1e6 }' >>"$work/phases"
done
echo "moudesk window shown: mean $((total / runs)) ms, worst $worst ms over $runs runs"
echo "library loaded, first page shown: mean $((ready_total / runs)) ms, worst $ready_worst ms; peak RSS $peak"
if [[ -s $work/phases ]]; then
  echo "where the time goes (mean ms, each phase from the previous one):"
  awk -v runs="$runs" '{ if (!($1 in sum)) order[n++] = $1; sum[$1] += $2 }
    END { for (i = 0; i < n; i++) printf "  %-32s %7.1f\n", order[i], sum[order[i]] / runs }' "$work/phases"
fi

if [[ -x $build/bench/moudesk_gui_preview_bench ]]; then
  echo "preview after a change (full bilingual MOU):"
  "$build/bench/moudesk_gui_preview_bench" 30 2>/dev/null
fi
