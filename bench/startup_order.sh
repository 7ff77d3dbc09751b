#!/usr/bin/env bash
# Rewrites scripts/lib/startup-order.txt, the functions the dashboard runs on the bundled notes
# (100x30; an existing store: the first screen, the benchmark's navigation keys, quitting), which
# the release link (Package.swift) lays out together so that running touches fewer pages of the
# binary (its peak RSS).
#
# The names come from two runs of the release binary under valgrind's callgrind, driven in a
# pseudo-terminal by ../shared/tools/tuiprobe. The file only moves code: a stale one costs
# memory, never behaviour. Rerun after changes to what start-up runs, and compare peak RSS with
# bench/tui.sh before and after.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/setup.sh
ensure_toolchain
ensure_pyte
if ! command -v valgrind >/dev/null 2>&1 || ! command -v objcopy >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind binutils >&2
    else
        say "valgrind is missing; install it with: sudo apt-get install valgrind"
        exit 1
    fi
fi
source bench/lib.sh
source bench/tui_lib.sh
build_release

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# valgrind reads no DWARF 5: a copy without debug information keeps the symbols it needs.
objcopy --strip-debug "$bin" "$work/studydash"
# On a store made beforehand by an untimed `status` (which fills the parse cache too), as
# bench/compare.sh makes it: what every start but the very first runs. Twice: once restoring the
# place the last run left (the default), once at the top (--fresh, as bench/compare.sh runs it).
# Each waits for the idle work after the first screen (the activity read-ahead), then presses the
# benchmark's 50 navigation keys and quits. What only a first start runs (creating the store,
# parsing every note) is not profiled: the order is for the start a learner makes every day.
"$work/studydash" status --content Content --db "$work/progress.sqlite" >/dev/null
for run in existing existing-fresh; do
    say "running the dashboard under callgrind, $run store (about 20 s) ..."
    fresh=(--fresh)
    [ "$run" = existing ] && fresh=()
    "${probe[@]}" --timeout 300 --response 5000 \
        -s "${sd_first/timeout=60/timeout=240}; sleep 3s; $keys; key q; wait-exit 0 timeout=60" -- \
        valgrind --tool=callgrind --demangle=no --dump-instr=yes --callgrind-out-file="$work/callgrind-$run.out" \
        "$work/studydash" --content Content --db "$work/progress.sqlite" "${fresh[@]}" >"$work/probe-$run.json"
done
# Every function of the binary that ran: each instruction callgrind counted in the binary, found
# by its address in the function that holds it (a name alone would not say which of several
# local functions of that name ran). The global ones first: the compilers give each its own
# section, which the linker can move one by one; a local one mostly sits in its object file's
# shared .text, which moves as a whole. A name that the binary defines more than once (local
# value witnesses, merged functions) is left out: the linker would move every function of that
# name, and with each the shared .text of its object file, most of which never runs.
nm --defined-only --print-size "$work/studydash" >"$work/defined.txt"
python3 - "$work/defined.txt" "$work"/callgrind-*.out >scripts/lib/startup-order.txt <<'PY'
import bisect, collections, re, sys
functions, names = [], collections.Counter()
for line in open(sys.argv[1]):
    fields = line.split()
    if len(fields) != 4:
        continue
    names[fields[3]] += 1
    if fields[2] in "tTwW":
        functions.append((int(fields[0], 16), int(fields[1], 16), fields[2], fields[3]))
functions.sort()
starts = [start for start, _, _, _ in functions]
ran = set()
for path in sys.argv[2:]:
    objects, binary, address = {}, False, 0
    for line in open(path, errors="replace"):
        if line.startswith(("ob=", "cob=")):
            m = re.match(r"c?ob=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
            if m.group(2):
                objects[m.group(1)] = m.group(2)
            if line.startswith("ob="):
                binary = objects.get(m.group(1), "").endswith("/studydash")
            continue
        first = line.split(maxsplit=1)[0] if line.strip() else ""
        if not first or first[0] not in "0123456789+-*" or not binary:
            continue
        if first.startswith("0x"):
            address = int(first, 16)
        elif first[0] in "+-":
            address += int(first, 0) if len(first) > 1 else 0
        elif first != "*":
            continue
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0 and address < starts[index] + max(functions[index][1], 1):
            ran.add(index)
unique = [functions[i] for i in ran if names[functions[i][3]] == 1]
order = sorted(unique, key=lambda f: (f[2] not in "TW", f[3]))
print("\n".join(name for _, _, _, name in order))
PY
say "scripts/lib/startup-order.txt: $(wc -l <scripts/lib/startup-order.txt) functions"
# The order file is no input SwiftPM tracks: relink so that the binary uses the new one.
rm -f "$bin"
build_release
