#!/usr/bin/env bash
# Sync benchmark (issue 18): 100,000 events across 3 devices, through one folder.
#   - devices A and B have each written their ~33,333 events to the folder; device C, holding
#     its own ~33,333, syncs: it appends its events and merges the other 66,667 (a first sync);
#   - C syncs again with nothing new (an incremental sync: each file's new tail is empty).
# The first-sync run includes copying C's store back to its unsynced state (a few MB).
# Release build; median of 5 runs (RUNS=N to change).
# Targets: the first sync <= 2 s; the incremental one <= 100 ms.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/setup.sh
ensure_toolchain
source bench/lib.sh
ensure_sqlite3_and_release
work="$PWD/bench/work/sync"
rm -rf "$work"
mkdir -p "$work/shared"

# Each device's own history: EVENTS status changes over 2,000 resources, a millisecond apart
# across devices, and the current status of each resource as the last of them.
per_device=33334
fill() {  # store, offset in milliseconds
    "$bin" status --db "$1" >/dev/null   # the schema, through the real migrations
    sqlite3 "$1" "
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $per_device)
        INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at, undoes)
            SELECT lower(hex(randomblob(16))), lower(hex(randomblob(16))), 'rbench' || (i % 2000), 'status', NULL,
                   CASE i % 3 WHEN 0 THEN 'done' WHEN 1 THEN 'learning' ELSE 'todo' END, 1700000000000 + i * 10 + $2, NULL
            FROM n;
        INSERT INTO item_state (item_id, status, updated_at)
            SELECT item_id, new_value, MAX(at) FROM event GROUP BY item_id;"
}
say "filling 3 stores with $per_device events each ..."
fill "$work/a.sqlite" 1
fill "$work/b.sqlite" 2
fill "$work/c-unsynced.sqlite" 3
"$bin" sync "$work/shared" --db "$work/a.sqlite" >/dev/null
"$bin" sync "$work/shared" --db "$work/b.sqlite" >/dev/null
c_id="$(sqlite3 "$work/c-unsynced.sqlite" 'SELECT id FROM sync_device')"

printf '#!/bin/sh\nrm -f "%s/shared/%s.jsonl" "%s"/c.sqlite*\ncp "%s/c-unsynced.sqlite" "%s/c.sqlite"\nexec "%s" sync "%s/shared" --db "%s/c.sqlite"\n' \
    "$work" "$c_id" "$work" "$work" "$work" "$bin" "$work" "$work" > "$work/first-sync.sh"
chmod +x "$work/first-sync.sh"

echo "studydash $("$bin" --version) on $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "folder: $(ls "$work/shared" | wc -l) files, $(du -sh "$work/shared" | cut -f1), $(cat "$work"/shared/*.jsonl | wc -l) lines"
echo
echo "first sync of C: append its $per_device events, merge A's and B's $((2 * per_device))"
python3 bench/measure.py "studydash sync (first, 100,000 events)=$work/first-sync.sh" \
    "cp of the store alone=cp $work/c-unsynced.sqlite $work/copy.sqlite"
"$work/first-sync.sh" >/dev/null
echo
echo "sync again with nothing new (incremental)"
python3 bench/measure.py "studydash sync (nothing new)=$bin sync $work/shared --db $work/c.sqlite" \
    "studydash sync --status=$bin sync --status --db $work/c.sqlite"
echo
echo "C after the sync: $(sqlite3 "$work/c.sqlite" 'SELECT COUNT(*) FROM event') events, $("$bin" sync --status --db "$work/c.sqlite" | tail -n +2 | tr '\n' ';')"
