# Shared by the terminal benchmarks (bench/tui.sh, bench/compare.sh): the release build, the
# tuiprobe command, the 50 navigation keys, the steps that wait for studydash's and less's first
# full screen, and run_probe, which keeps one JSON report per run for bench/tui_report.py.
# Source after scripts/lib/setup.sh and bench/lib.sh.

# The shared release build (RELEASE_BUILD in setup.sh: `swift build -c release` with the Swift
# runtime linked statically), so that every benchmark reuses one build. Its output is shown only
# when it fails. Sets `bin`.
build_release() {
    say "building release ..."
    local log
    log="$(mktemp)"
    if ! "${RELEASE_BUILD[@]}" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        say "the release build failed (output above)"
        exit 1
    fi
    rm -f "$log"
    bin="$PWD/.build/release/studydash"
}

probe=(python3 ../shared/tools/tuiprobe --json --size 100x30 -e LANG=C.UTF-8 --timeout 120)
# 50 navigation keys. Not j*25 then k*25: the bundled tree shows only 16 rows at the start, so
# j past its end changes nothing, no byte comes back and tuiprobe counts the key as unanswered
# (a 1 s wait). This stays within the first 14 rows of either tree, so every key moves the
# selection; less gets the same keys (one line down, one line up, never above line 1).
keys='key j*12 k*12 j*13 k*13'
# First full screen of the dashboard: the title row has `overall` (first row) and the status row
# the hint `q quit` (last row). One wait-re, so its at_ms is when both were on screen.
# timeout=60: the 5,000-file folder takes over a second to load, more on a busy machine.
sd_first="wait-re '(?s)\\A[^\\n]*overall.*q quit[^\\n]*\\Z' timeout=60"
sd_steps="$sd_first; settle; $keys; key q; wait-exit 0"

failures=0
run_probe() {   # run_probe OUT FOLDER-TAG PROGRAM-TAG RUN STEPS COMMAND...
    local dir="$1/$2/$3" rc=0
    mkdir -p "$dir"
    "${probe[@]}" -s "$5" -- "${@:6}" >"$dir/$4.json" 2>"$dir/$4.err" || rc=$?
    if [ "$rc" -ne 0 ]; then
        failures=$((failures + 1))
        {
            echo "tui: FAILED run $4 of $3 on $2 (tuiprobe exit $rc): $(grep -m1 'FAILED' "$dir/$4.err" || tail -n1 "$dir/$4.err")"
            sed 's/^/    /' "$dir/$4.err"
        } >&2
    fi
}

# less_text FOLDER TEXT: the reader's version of the notes, every .md/.txt file in path order,
# one after the other, in TEXT; sets `less_steps` (its first full screen: the first line on row 1
# and the file name in the prompt, then the keys and q).
less_text() {
    local folder="$1" text="$2" first name
    files "$folder" | LC_ALL=C sort -z | xargs -0 cat >"$text"
    # Punctuation becomes `.` so the line needs no escaping inside the step's quotes.
    first="$(python3 -c 'import re,sys; print(re.sub(r"[^A-Za-z0-9 ]", ".", open(sys.argv[1], encoding="utf-8", errors="replace").readline().rstrip("\n")[:60]))' "$text")"
    name="$(basename "$text" | sed 's/[^A-Za-z0-9]/./g')"
    less_steps="wait-re '(?s)\\A${first}.*${name}[^\\n]*\\Z' timeout=60; settle; $keys; key q; wait-exit 0"
}
# LESSOPEN and LESS unset: no input preprocessor, default options; no history file.
less_command=(env -u LESSOPEN -u LESSCLOSE -u LESS LESSHISTFILE=- less)
