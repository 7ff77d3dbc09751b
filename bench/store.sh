#!/usr/bin/env bash
# Store benchmark: `mark`, `status` and `import` on a large progress database, beside `sqlite3`
# doing the same raw work (the floor: one SQL statement, no notes, no checks).
#   - a store holding 100,000 resources' states and 1,000,000 events, with the bundled notes;
#   - `import` of a ~10 MB export into an empty store, and again into the same store (a no-op).
# Release build; median of 5 runs (RUNS=N to change). `mark` and `status` run interleaved with
# their sqlite3 floor (bench/paired.py), each printed with its ratio to it.
# Targets: mark and status <= 200 ms (issue 4) and <= 2x sqlite3 (issue 17); import of 10 MB <= 5 s.
# STORE_WORK=DIR reads and writes the store's inputs there instead of bench/work/store (a copy, so
# that the generated ones are never written); BASELINE=BIN runs another studydash binary's `mark`
# and `status` in the same interleaved rounds, for a before/after on one machine state.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/setup.sh
ensure_toolchain
source bench/lib.sh
ensure_sqlite3_and_release
work="${STORE_WORK:-$PWD/bench/work/store}"
big="$work/big.sqlite"
mkdir -p "$work"

if [ ! -f "$work/.complete" ]; then
    rm -f "$work"/*.sqlite* "$work"/*.json
    say "generating $big: 100,000 states, 1,000,000 events ..."
    "$bin" status --db "$big" >/dev/null   # creates the schema through the real migrations
    sqlite3 "$big" < bench/store_fill.sql
    # A ~10 MB export: part of the big store (18,000 states and items, 1,800 notes, 27,000 events).
    say "writing a ~10 MB export ..."
    cp "$big" "$work/export-source.sqlite"
    sqlite3 "$work/export-source.sqlite" "DELETE FROM item_state WHERE rowid > 18000; DELETE FROM known_item WHERE rowid > 18000; DELETE FROM annotation WHERE rowid > 1800; DELETE FROM event WHERE rowid > 27000; VACUUM;"
    "$bin" export --db "$work/export-source.sqlite" -o "$work/export.json"
    rm -f "$work/export-source.sqlite"*
    touch "$work/.complete"
fi

# Each run flips one resource between done and todo, so that every `mark` really writes.
flipper() {  # flipper BIN NAME: writes $work/NAME.sh, with a flip file of its own
    printf '#!/bin/sh\nif [ -f "%s/%s.flip" ]; then rm "%s/%s.flip"; s=todo; else touch "%s/%s.flip"; s=done; fi\nexec "%s" mark https://semver.org/ $s --db "%s"\n' \
        "$work" "$2" "$work" "$2" "$work" "$2" "$1" "$big" > "$work/$2.sh"
    chmod +x "$work/$2.sh"
}
flipper "$bin" mark
baseline_mark=() baseline_status=()
if [ -n "${BASELINE:-}" ]; then
    flipper "$BASELINE" mark-baseline
    baseline_mark=("studydash mark (BASELINE)=$work/mark-baseline.sh")
    baseline_status=("studydash status (BASELINE)=$BASELINE status --db $big")
fi
printf '#!/bin/sh\nrm -f "%s/fresh.sqlite"*\nexec "%s" import "%s/export.json" --db "%s/fresh.sqlite"\n' \
    "$work" "$bin" "$work" "$work" > "$work/import-fresh.sh"
chmod +x "$work/import-fresh.sh"
raw_mark="BEGIN IMMEDIATE; INSERT INTO item_state VALUES ('rsqlitebench', 'done', 0) ON CONFLICT(item_id) DO UPDATE SET updated_at = updated_at + 1; INSERT INTO event VALUES (lower(hex(randomblob(16))), 'x', 'rsqlitebench', 'status', NULL, 'done', 0, NULL); COMMIT;"

echo "studydash $("$bin" --version) on $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "store: $(sqlite3 "$big" 'SELECT COUNT(*) FROM item_state') states, $(sqlite3 "$big" 'SELECT COUNT(*) FROM event') events, $(sqlite3 "$big" 'SELECT COUNT(*) FROM annotation') notes, $(du -h "$big" | cut -f1)"
echo
echo "mark (one resource; the bundled notes are loaded too), beside sqlite3 doing its SQL"
python3 bench/paired.py 2 "sqlite3 upsert + event=sqlite3 $big \"$raw_mark\"" "${baseline_mark[@]}" "studydash mark=$work/mark.sh"
echo
echo "status (the bundled notes: their states read by key; all stored items counted for orphans)"
python3 bench/paired.py 2 "sqlite3 counts=sqlite3 $big 'SELECT status, COUNT(*) FROM item_state GROUP BY status'" \
    "${baseline_status[@]}" "studydash status=$bin status --db $big"
echo
events="$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['events']), 'events,', len(d['states']), 'states,', len(d['annotations']), 'notes')" "$work/export.json")"
echo "import of a $(du -h "$work/export.json" | cut -f1) export ($events)"
"$work/import-fresh.sh" >/dev/null
python3 bench/measure.py "studydash import (empty store)=$work/import-fresh.sh" \
    "studydash import (again: no-op)=$bin import $work/export.json --db $work/fresh.sqlite" \
    "python3 json.load (parse only)=python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $work/export.json"
