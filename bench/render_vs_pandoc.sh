#!/usr/bin/env bash
# Times the whole `moudesk-cli draft render` of the full bilingual MOU to DOCX against pandoc
# converting the same text from Markdown to DOCX, in one run, and reports peak memory.
# Usage: bench/render_vs_pandoc.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-20}
cli="$build/src/cli/moudesk-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cli" draft new --instrument mou --language en+fr -o "$work/mou.moudraft" >/dev/null
# The same content as Markdown: the text writer's output is valid Markdown prose.
"$cli" draft render "$work/mou.moudraft" -o "$work/mou.txt" >/dev/null
cp "$work/mou.txt" "$work/mou.md"

# Mean wall-clock microseconds of `runs` runs of a command.
time_us() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(((end - start) / runs / 1000))
}
# Peak resident memory in KiB of one run.
peak_kib() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }

moudesk_us=$(time_us "$cli" draft render "$work/mou.moudraft" -o "$work/out.docx")
pandoc_us=$(time_us pandoc -f markdown -t docx -o "$work/pandoc.docx" "$work/mou.md")
moudesk_kib=$(peak_kib "$cli" draft render "$work/mou.moudraft" -o "$work/out.docx")
pandoc_kib=$(peak_kib pandoc -f markdown -t docx -o "$work/pandoc.docx" "$work/mou.md")

words=$(wc -w <"$work/mou.txt")
echo "content: full bilingual MOU, $words words; $runs runs each"
awk -v m="$moudesk_us" -v p="$pandoc_us" -v mk="$moudesk_kib" -v pk="$pandoc_kib" 'BEGIN {
  printf "%-34s %9.1f ms  %6.1f MiB peak\n", "moudesk-cli draft render -> docx", m / 1000, mk / 1024
  printf "%-34s %9.1f ms  %6.1f MiB peak\n", "pandoc markdown -> docx", p / 1000, pk / 1024
  printf "moudesk is %.1fx faster than pandoc\n", p / m
}'
