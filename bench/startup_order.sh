#!/usr/bin/env bash
# Rewrites scripts/lib/startup-order.txt, the functions the dashboard runs up to its first full
# screen on the bundled notes (100x30; a new store, then the same store again), which the release
# link (Package.swift) lays out together so that starting touches fewer pages of the binary (its
# peak RSS).
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
# Twice on one store: the first run creates it, the second opens it as every later start does.
for run in new existing; do
    say "running the first screen under callgrind, $run store (about 10 s) ..."
    # The wait before q lets the idle work after the first screen run (the activity read-ahead),
    # as it does in every start that is not quit at once.
    "${probe[@]}" --timeout 300 -s "${sd_first/timeout=60/timeout=240}; sleep 3s; key q; wait-exit 0 timeout=60" -- \
        valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/callgrind-$run.out" \
        "$work/studydash" --content Content --db "$work/progress.sqlite" --fresh >"$work/probe-$run.json"
done
# Every function of the binary that ran (a name callgrind gives that the binary defines as code).
# The global ones first: the compilers give each its own section, which the linker can move one
# by one; a local one mostly sits in its object file's shared .text, which moves as a whole.
nm --defined-only "$work/studydash" | awk '$2 ~ /^[TW]$/ {print $3}' >"$work/defined.txt"
nm --defined-only "$work/studydash" | awk '$2 ~ /^[tw]$/ {print $3}' >>"$work/defined.txt"
python3 - "$work/defined.txt" "$work"/callgrind-*.out >scripts/lib/startup-order.txt <<'PY'
import re, sys
rank = {}
for i, name in enumerate(open(sys.argv[1]).read().split()):
    rank.setdefault(name, i)
ran = set()
for path in sys.argv[2:]:
    for line in open(path, errors="replace"):
        m = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
        if m and m.group(1) in rank:
            ran.add(m.group(1))
print("\n".join(sorted(ran, key=rank.get)))
PY
say "scripts/lib/startup-order.txt: $(wc -l <scripts/lib/startup-order.txt) functions"
# The order file is no input SwiftPM tracks: relink so that the binary uses the new one.
rm -f "$bin"
build_release
