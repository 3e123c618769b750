#!/usr/bin/env bash
# Times the register's everyday queries and the diagnostic's coverage matrix on a generated
# register of 100,000 agreements (about a million actions and a million audit rows): moudesk's
# store (moudesk_register_bench) next to the same SQL run by the sqlite3 shell. The SQL below
# mirrors src/store/{dashboard,agreements,search,deadlines,coverage}.cpp; keep them in step.
# Usage: bench/register_vs_sqlite3.sh [BUILD_DIR] [AGREEMENTS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
count=${2:-100000}
db="$build/bench/register-$count.sqlite"

if [[ ! -f "$db" ]]; then
  echo "generating $count agreements into $db (once) ..."
  "$build/src/cli/moudesk-cli" demo-data --agreements "$count" --db "$db.tmp"
  mv "$db.tmp" "$db"
fi
sqlite3 "$db" "SELECT (SELECT count(*) FROM agreement) || ' agreements, ' || (SELECT count(*) FROM action) ||
  ' actions, ' || (SELECT count(*) FROM audit) || ' audit rows'"

echo "== moudesk (Google Benchmark, mean of repetitions)"
# The first open migrates an older register (once, outside the timings); the shell below then
# runs on the migrated file.
MOUDESK_BENCH_DB="$db" "$build/bench/moudesk_register_bench" --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "_mean|^Benchmark"

# Five timed runs per query in the shell, after a warm-up run, as the store's queries are warm
# too. Each run is a new sqlite3 process: its page cache starts empty (the OS cache is warm), where
# moudesk's long-lived connection keeps its 32 MiB page cache between queries.
shell_ms() {
  local sql=$1
  sqlite3 "$db" "$sql" >/dev/null
  local times
  times=$( { TIMEFORMAT='%R %U %S'; time (for i in 1 2 3 4 5; do sqlite3 "$db" "$sql" >/dev/null; done); } 2>&1)
  awk -v t="$times" 'BEGIN { split(t, x, " "); printf "%6.1f ms  (CPU %.1f ms)", x[1] * 1000 / 5, (x[2] + x[3]) * 1000 / 5 }'
}
echo "== sqlite3 shell, same SQL (wall per run and CPU, including the shell's own start, about 1-2 ms)"
today=2026-11-30
until=2027-02-28
active="('signed', 'in-force', 'suspended')"
open_actions="('not-started', 'in-progress', 'blocked')"
# What Database::open reads on a register at the current schema version (no write).
printf "%-22s %s\n" open "$(shell_ms "
PRAGMA application_id; PRAGMA user_version; SELECT count(*) FROM sqlite_schema; PRAGMA journal_mode;
SELECT id FROM agreement WHERE tacit_renewal IS NOT NULL AND computed_expiry <= '$today';")"
printf "%-22s %s\n" dashboard "$(shell_ms "
SELECT status, n FROM status_count WHERE entity = 'agreement';
SELECT status, n FROM status_count WHERE entity = 'action';
SELECT count(*) FROM action WHERE status IN $open_actions AND due_date < '$today';
SELECT count(*) FROM action WHERE status IN $open_actions AND due_date BETWEEN '$today' AND '$until';
SELECT count(*) FROM agreement WHERE next_review <= '$until' AND status IN $active;
SELECT count(*) FROM agreement WHERE computed_expiry BETWEEN '$today' AND '$until' AND status IN $active;
SELECT count(*) FROM agreement WHERE computed_notice_deadline BETWEEN '$today' AND '$until' AND status IN $active;")"
printf "%-22s %s\n" filtered_list_page "$(shell_ms "
SELECT a.id, a.reference, a.title, a.instrument, a.status,
 (SELECT group_concat(n, ' – ') FROM (SELECT coalesce(nullif(short_name, ''), name) AS n FROM party WHERE agreement_id = a.id ORDER BY position)),
 a.computed_entry_into_force, a.computed_expiry, a.next_review FROM agreement a
 WHERE a.status = 'in-force' AND a.instrument = 'mou'
 AND (CASE WHEN (SELECT bit FROM element_bit WHERE slug = 'information-exchange') < 63
  THEN (a.element_mask >> (SELECT bit FROM element_bit WHERE slug = 'information-exchange')) & 1
  ELSE a.id IN (SELECT agreement_id FROM agreement_element WHERE element = 'information-exchange') END)
 ORDER BY a.computed_expiry ASC, a.id LIMIT 200 OFFSET 0;
SELECT count(*) FROM agreement a WHERE a.status = 'in-force' AND a.instrument = 'mou'
 AND (CASE WHEN (SELECT bit FROM element_bit WHERE slug = 'information-exchange') < 63
  THEN (a.element_mask >> (SELECT bit FROM element_bit WHERE slug = 'information-exchange')) & 1
  ELSE a.id IN (SELECT agreement_id FROM agreement_element WHERE element = 'information-exchange') END);")"
# search: the shell runs the query without the score column. moudesk ranks the visited rows with
# its own FTS5 function, moudesk_rank() (src/store/search.cpp: title above body, BM25-style term
# frequency, no IDF), which the shell does not have; bm25() would walk every match of every word
# for its IDF, which moudesk no longer does. So this is the bare SQL that moudesk's ranking runs on.
printf "%-22s %s\n" search "$(shell_ms "
SELECT s.rowid, s.agreement, a.reference, s.title, snippet(search_index, -1, '[', ']', '…', 12)
 FROM search_index s JOIN agreement a ON a.id = s.agreement
 WHERE search_index MATCH '\"liaison\" \"officers\"*' ORDER BY s.rowid DESC LIMIT 200;")"
printf "%-22s %s\n" deadlines "$(shell_ms "
SELECT x.due_date, a.id, a.reference, x.title, x.id, trim(coalesce(nullif(p.short_name, ''), p.name, '') || ' ' || x.owner_person)
 FROM action x JOIN agreement a ON a.id = x.agreement_id LEFT JOIN party p ON p.id = x.owner_party_id
 WHERE x.status IN $open_actions AND x.due_date <= '$until' ORDER BY x.due_date, x.id LIMIT 1000;
SELECT a.next_review, a.id, a.reference, a.title, 0, '' FROM agreement a WHERE a.next_review <= '$until'
 AND a.status IN $active ORDER BY a.next_review, a.id LIMIT 1000;
SELECT a.computed_expiry, a.id, a.reference, a.title, 0, '' FROM agreement a WHERE a.computed_expiry BETWEEN '$today' AND '$until'
 AND a.status IN $active ORDER BY a.computed_expiry, a.id LIMIT 1000;
SELECT a.computed_notice_deadline, a.id, a.reference, a.title, 0, '' FROM agreement a
 WHERE a.computed_notice_deadline BETWEEN '$today' AND '$until'
 AND a.status IN $active ORDER BY a.computed_notice_deadline, a.id LIMIT 1000;")"
printf "%-22s %s\n" coverage_matrix "$(shell_ms "
SELECT id, reference, status, element_mask FROM agreement WHERE status = 'in-force' ORDER BY reference;
SELECT agreement_id, element FROM action WHERE status IN $open_actions AND due_date < '$today';")"
