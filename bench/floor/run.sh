#!/usr/bin/env bash
# The ncurses floor of a navigation key (issue 17): what the least ncurses program spends on the
# dashboard's own screen changes. The release build answers the 50 navigation keys on the
# bundled Content/ at 100x30 (bench/keybytes.py keeps each key's bytes); bench/floor/frames.py
# turns those bytes back into frames; bench/floor/floor.c replays them, a frame a key, drawing
# them the way the dashboard does (changed stretches, wadd_wchnstr, one doupdate) and doing
# nothing else. Both then answer the same keys under tuiprobe, interleaved, RUNS times (5):
# their key latencies (median and mean of the fastest 80%, in ms) and bytes a key side by side.
# The floor keeps the terminal's own attribute sequences (xterm's switch the character set on
# every change, which the dashboard drops: see Sources/StudyTerminal/CharsetSwitch.swift), so
# it sends about 130 bytes a key more than the dashboard for the same screens.
# With CALLGRIND=1 also the instructions a key of each (valgrind, 0 and 50 keys; slow).
# Writes only under a temporary folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/setup.sh
ensure_toolchain
ensure_pyte
source bench/lib.sh
source bench/tui_lib.sh
build_release
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
db="$work/store/progress.sqlite"
mkdir -p "$work/store"
"$bin" status --content Content --db "$db" >/dev/null
python3 bench/keybytes.py --raw "$work/raw" -- "$bin" --content Content --db "$db" >"$work/studydash.bytes" 2>/dev/null
python3 bench/floor/frames.py "$work/raw" "$work/frames.txt" 2>/dev/null
cc -O2 -Wall -o "$work/floor" bench/floor/floor.c -lncursesw -ltinfo
python3 bench/keybytes.py -- "$work/floor" "$work/frames.txt" >"$work/floor.bytes" 2>/dev/null

latencies() {   # latencies STEPS COMMAND...: "median trimmed-mean" of one tuiprobe run's keys
    "${probe[@]}" -s "$1" -- "${@:2}" | python3 -c '
import json, statistics, sys
steps = json.load(sys.stdin)["steps"]
v = sorted(s["latency_ms"] for s in steps if s["step"].startswith("key ") and s["step"] != "key q" and s.get("latency_ms") is not None)
print(statistics.median(v), round(statistics.mean(v[: max(1, len(v) * 8 // 10)]), 3))'
}
for run in $(seq 1 "${RUNS:-5}"); do
    echo "studydash $(latencies "$sd_steps" "$bin" --content Content --db "$db")"
    echo "floor $(latencies "$sd_steps" "$work/floor" "$work/frames.txt")"
done >"$work/latencies"
python3 - "$work" <<'PY'
import statistics, sys
work = sys.argv[1]
rows = {}
for line in open(f"{work}/latencies"):
    name, median, mean = line.split()
    rows.setdefault(name, []).append((float(median), float(mean)))
for name in ("studydash", "floor"):
    bytes_line = open(f"{work}/{name}.bytes").read().strip().splitlines()[0]
    medians, means = zip(*rows[name])
    print(f"{name:10} key median {statistics.median(medians):.1f} ms, fastest-80% mean {statistics.median(means):.3f} ms; {bytes_line}")
PY
if [ "${CALLGRIND:-0}" = 1 ]; then
    objcopy --strip-debug "$bin" "$work/studydash"
    for name in studydash floor; do
        if [ "$name" = studydash ]; then command=("$work/studydash" --content Content --db "$db"); else command=("$work/floor" "$work/frames.txt"); fi
        for n in 0 50; do
            keys='j*12 k*12 j*13 k*13'
            [ "$n" = 0 ] && keys=''
            python3 bench/keybytes.py --slow --keys "$keys" -- valgrind --tool=callgrind --dump-instr=no --collect-atstart=yes \
                --callgrind-out-file="$work/$name.$n.cg" "${command[@]}" >/dev/null 2>&1
        done
        total() { callgrind_annotate "$1" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'; }
        echo "$name instructions a key: $(( ($(total "$work/$name.50.cg") - $(total "$work/$name.0.cg")) / 50 ))"
    done
fi
