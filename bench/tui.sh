#!/usr/bin/env bash
# Dashboard benchmark: the full-screen `studydash` (no subcommand) driven in a pseudo-terminal by
# ../shared/tools/tuiprobe, on the bundled Content/ and on the generated ~5,000-file notes folder
# (the one bench/load.sh makes), beside `less` paging through the same notes (all .md/.txt files
# of the folder concatenated into one file): time to the first full screen, latency and bytes of
# 50 navigation keys, peak RSS. Release build, 100x30, median of 5 runs (RUNS=N to change).
# Each studydash run gets a new, empty --db (so opening includes creating the store); a second
# studydash row per folder reopens that same store right after (an existing store).
# Targets (dashboard issue): bundled first screen <= 25 ms, key median <= 0.5 ms, peak RSS <= 25 MB;
# 5,000 files first screen <= 1.5 s, key median <= 2 ms. Then opening the dashboard view `D`, and
# the search line's keystrokes (issue 14: <= 3 ms a key bundled, <= 30 ms on the 5,000 files),
# and the idle CPU of the open dashboard (issue 16: <= 1% over 30 s).
# Exit status 1 if a tuiprobe run failed (each failure is printed as it happens and again at the
# end); target misses are reported as FAIL in the table but do not change the exit status.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/setup.sh
ensure_toolchain
ensure_pyte
if ! command -v less >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq less >&2
    else
        say "less is missing (the peer this benchmark compares with); install it with: sudo apt-get install less"
        exit 1
    fi
fi

source bench/lib.sh
source bench/tui_lib.sh
build_release
runs="${RUNS:-5}"
# The same generated folder as bench/load.sh (bench/lib.sh), so either script reuses it.
work="$BENCH_WORK"
big="$BIG_NOTES"
ensure_big_notes

tui="$PWD/$work/tui"
out="$tui/runs"          # one JSON report (and stderr) per run, kept for a closer look
rm -rf "$out"
mkdir -p "$out"
# The stores live in a temporary folder, away from the notes and from the user's own store.
stores="$(mktemp -d)"
trap 'rm -rf "$stores"' EXIT

echo "studydash $("$bin" --version), $(less --version | head -n1) on $(nproc) cores, $(date -u +%Y-%m-%d)"
for folder in Content "$big"; do
    tag="$(basename "$folder")"
    # The reader's version of the same notes: every .md/.txt file, in path order, one after the other.
    text="$tui/less-$tag.txt"
    less_text "$folder" "$text"
    echo
    echo "$folder: $(files "$folder" | tr -cd '\0' | wc -c) files, $(du -sh "$folder" | cut -f1); less on $(du -h "$text" | cut -f1) $work/tui/less-$tag.txt"
    # Interleaved, so that a slow patch of the machine hits every program alike.
    for i in $(seq 1 "$runs"); do
        say "$tag: run $i/$runs ..."
        db="$stores/$tag-$i/progress.sqlite"
        mkdir -p "$(dirname "$db")"
        run_probe "$out" "$tag" sd-new "$i" "$sd_steps" "$bin" --content "$folder" --db "$db"
        run_probe "$out" "$tag" sd-existing "$i" "$sd_steps" "$bin" --content "$folder" --db "$db"
        run_probe "$out" "$tag" less "$i" "$less_steps" "${less_command[@]}" "$text"
    done
done
echo
python3 bench/tui_report.py "$out" "$runs"

# What one navigation key sends on the bundled notes, by kind (issue 17: <= 800 bytes a key):
# the text of the topic's pane is most of it; SGR switches, cursor moves and `ESC ( B` the rest.
echo
echo "Bytes of a navigation key on the bundled notes, by kind (bench/keybytes.py, the same 50 keys):"
python3 bench/keybytes.py -- "$bin" --content Content --db "$stores/keybytes.sqlite" 2>/dev/null | sed 's/^/  /'

# Opening the dashboard view (`D`): key to view drawn (tuiprobe's latency of `key D`, until the
# last byte of the answer), over a store with 100,000 status events of the last ~11 months (so
# the heatmap, streaks and recently finished have work). Targets (issue 13): <= 10 ms bundled,
# <= 100 ms on the 5,000 files.
echo
echo "Opening D (key to view drawn), 100,000 events in the store, median of $runs runs x 5 opens"
d_steps="$sd_first; settle"
for _ in 1 2 3 4 5; do d_steps="$d_steps; key D; key q"; done
d_steps="$d_steps; key q; wait-exit 0"
for folder in Content "$big"; do
    tag="$(basename "$folder")"
    db="$stores/$tag-d/progress.sqlite"
    mkdir -p "$(dirname "$db")"
    "$bin" status --content "$folder" --db "$db" >/dev/null   # creates the store
    python3 - "$db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
now = int(time.time() * 1000)
# One event every 5 minutes back from now: 100,000 of them over ~347 days, every tenth a done.
db.executemany("INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at) VALUES (?, ?, ?, 'status', 'todo', ?, ?)",
               ((f"d{i}", f"d{i}", f"rbench{i % 5000:05d}", "done" if i % 10 == 0 else "learning", now - i * 300000)
                for i in range(100000)))
db.commit()
PY
    for i in $(seq 1 "$runs"); do
        say "$tag: D, run $i/$runs ..."
        run_probe "$out" "$tag" sd-dashboard "$i" "$d_steps" "$bin" --content "$folder" --db "$db"
    done
    python3 - "$out/$tag/sd-dashboard" "$tag" <<'PY'
import glob, json, statistics, sys
lat = []
for path in glob.glob(sys.argv[1] + "/*.json"):
    with open(path) as f:
        report = json.load(f)
    lat += [s["latency_ms"] for s in report.get("steps", []) if s.get("step") == "key D" and s.get("latency_ms") is not None]
print(f"  {sys.argv[2]:8} D median {statistics.median(lat):.1f} ms, max {max(lat):.1f} ms ({len(lat)} opens)" if lat
      else f"  {sys.argv[2]:8} D: no answered opens")
PY
done

# Search keystrokes (issue 14): `/`, then the 8 characters of "learning" one key at a time (each
# filters the tree again), then Esc. Latency is tuiprobe's (key press until the last byte of the
# answer). The index is built when `/` opens the line, so that key carries its cost: shown apart,
# as the time from `/` until the line's hint is on screen (a wait, so a slow build cannot make the
# letters go out before the line is open).
# Targets: <= 3 ms a key on the bundled notes, <= 30 ms on the 5,000 files.
echo
echo "Search keystrokes: / then \"learning\" typed one key at a time, median of $runs runs x 8 keys"
s_steps="$sd_first; settle; key /; wait 'Enter keeps' timeout=120"
for c in l e a r n i n g; do s_steps="$s_steps; key $c"; done
s_steps="$s_steps; key Esc; key q; wait-exit 0 timeout=120"
for folder in Content "$big"; do
    tag="$(basename "$folder")"
    db="$stores/$tag-search/progress.sqlite"
    mkdir -p "$(dirname "$db")"
    for i in $(seq 1 "$runs"); do
        say "$tag: search, run $i/$runs ..."
        run_probe "$out" "$tag" sd-search "$i" "$s_steps" "$bin" --content "$folder" --db "$db"
    done
    python3 - "$out/$tag/sd-search" "$tag" "$([ "$tag" = Content ] && echo 3 || echo 30)" <<'PY'
import glob, json, statistics, sys
typed, opened = [], []
for path in glob.glob(sys.argv[1] + "/*.json"):
    with open(path) as f:
        steps = json.load(f).get("steps", [])
    names = [s.get("step") for s in steps]
    if "key /" not in names:
        continue
    at = names.index("key /")
    opened += [steps[at + 1]["since_input_ms"]] if steps[at + 1].get("since_input_ms") is not None else []
    typed += [s["latency_ms"] for s in steps[at + 2:at + 10] if s.get("latency_ms") is not None]
target = float(sys.argv[3])
opening = f"; / to the line (builds the index) median {statistics.median(opened):.1f} ms" if opened else ""
if typed:
    median = statistics.median(typed)
    print(f"  {sys.argv[2]:8} per key median {median:.1f} ms, max {max(typed):.1f} ms ({len(typed)} keys; "
          f"target <= {target:g} ms: {'ok' if median <= target else 'FAIL'}){opening}")
else:
    print(f"  {sys.argv[2]:8} search: no answered keys")
PY
done

# Idle (issue 16): the open dashboard watches the notes (inotify) and the store (data_version) on
# its 250 ms tick; sitting 30 s with no input must cost <= 1% of one core (IDLE_SECONDS to change).
echo
echo "Idle: the open dashboard, ${IDLE_SECONDS:-30} s with no input"
for folder in Content "$big"; do
    tag="$(basename "$folder")"
    printf '  %-8s ' "$tag"
    python3 bench/idle.py "${IDLE_SECONDS:-30}" "$bin" --content "$folder" --db "$stores/$tag-idle.sqlite"
done
if [ "$failures" -ne 0 ]; then
    say "$failures tuiprobe run(s) failed; reports in $out"
    exit 1
fi
