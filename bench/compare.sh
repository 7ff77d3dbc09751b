#!/usr/bin/env bash
# The whole comparison in one go (issue 17): the full-screen `studydash` beside four peers on
# the same notes, each driven in a pseudo-terminal by ../shared/tools/tuiprobe at 100x30,
# release build with the static Swift runtime, medians of RUNS (default 5) interleaved runs,
# ratios against `less` from the same run. Columns: first full screen, key median and max over
# 50 navigation keys, bytes written per key, peak RSS (VmHWM), quit (q to exit).
#   less       the bundled notes, every file concatenated into one text (as bench/tui.sh)
#   nnn        the bundled notes folder
#   newsboat   the bundled notes as local feeds, one per top-level folder (bench/make_feeds.py)
#   frogmouth  the bundled notes' README.md (a Markdown viewer), in a venv under bench/work/
#   studydash  the bundled notes; the ~5,000-file folder (bench/lib.sh); 2,000 near-identical
#              files (same title paths); one 3.2 MB note (../shared/seeds x200, or Content/
#              repeated when the seeds are absent) (bench/make_cases.py)
# BASELINE=PATH adds rows for an older studydash binary (e.g. the last release, built from its
# tag) on the bundled notes and the 5,000 files, warm and cold, interleaved in the same runs with
# a store and parse cache of its own: before/after figures from one run on one machine.
# Missing peers are installed (Debian packages with apt-get as root; frogmouth from PyPI into
# bench/work/frogmouth-venv); one that cannot be installed is skipped, and the table says so.
# Then the 3.2 MB note opened in the whole-file reader: open, PgDn, G, in-reader search keys, RSS.
# Exit status 1 if a tuiprobe run failed (printed as it happens, and again under the table).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/setup.sh
source bench/lib.sh
source bench/tui_lib.sh
ensure_toolchain
ensure_pyte

skipped=()
ensure_debian_peer() {   # ensure_debian_peer COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2 || true
    fi
    command -v "$1" >/dev/null 2>&1 && return 0
    skipped+=("$1 (not installed; as root: apt-get install $2)")
    return 1
}
frogmouth="$PWD/$BENCH_WORK/frogmouth-venv/bin/frogmouth"
ensure_frogmouth() {
    [ -x "$frogmouth" ] && return 0
    say "installing frogmouth into $BENCH_WORK/frogmouth-venv ..."
    mkdir -p "$BENCH_WORK"
    if python3 -m venv "$BENCH_WORK/frogmouth-venv" >&2 && "$BENCH_WORK/frogmouth-venv/bin/pip" install -q frogmouth >&2; then
        return 0
    fi
    skipped+=("frogmouth (python3 -m venv + pip install frogmouth failed; Debian needs python3-venv)")
    return 1
}
# ONLY=reader runs the reader section alone (no peers, no table): a quick look at the huge note.
only_reader=false
[ "${ONLY:-}" = reader ] && only_reader=true
peers=()
if ! $only_reader; then
    ensure_debian_peer less less || { say "less is the baseline of every ratio; cannot go on without it"; exit 1; }
    peers=(less)
    ensure_debian_peer nnn nnn && peers+=(nnn)
    ensure_debian_peer newsboat newsboat && peers+=(newsboat)
    ensure_frogmouth && peers+=(frogmouth)
fi

build_release
runs="${RUNS:-5}"
$only_reader || ensure_big_notes
work="$PWD/$BENCH_WORK/compare"
same="$BENCH_WORK/same"
huge="$BENCH_WORK/huge"
if ! $only_reader && [ ! -f "$same/.complete" ]; then
    rm -rf "$same"
    say "generating $same ..."
    python3 bench/make_cases.py same "$same" 2000
    touch "$same/.complete"
fi
if [ ! -f "$huge/.complete" ]; then
    rm -rf "$huge"
    say "generating $huge ..."
    if [ -d ../shared/seeds ]; then seeds=../shared/seeds; else seeds=Content; fi
    python3 bench/make_cases.py one "$huge/huge.md" 3200000 "$seeds"
    touch "$huge/.complete"
fi
out="$work/runs"
rm -rf "$out"
mkdir -p "$out"
stores="$(mktemp -d)"
trap 'rm -rf "$stores"' EXIT

# The peers' inputs, made from the bundled notes once per run of this script.
if ! $only_reader; then
less_text Content "$work/less-Content.txt"
rm -rf "$work/newsboat"
python3 bench/make_feeds.py Content "$work/newsboat"
: >"$work/newsboat/config"
newsboat_command=(newsboat -u "$work/newsboat/urls" -c "$work/newsboat/cache.db" -C "$work/newsboat/config")
if [[ " ${peers[*]} " == *" newsboat "* ]]; then
    "${newsboat_command[@]}" -x reload >/dev/null   # the feeds read into its cache beforehand
fi
nnn_steps="wait-re '(?s)01-foundations.*README' timeout=60; settle; $keys; key q; wait-exit 0"
newsboat_steps="wait-re '(?s)Your feeds.*Quit' timeout=60; settle; $keys; key q; wait-exit 0"
# frogmouth scrolls with the arrow keys and quits with Ctrl-Q.
frog_keys='key Down*12 Up*12 Down*13 Up*13'
frog_steps="wait-re '(?s)A study path.*CTRL\\+Q  Quit' timeout=60; settle; $frog_keys; key Ctrl-q; wait-exit 0 timeout=20"
# The 3.2 MB note: its first screen and quitting (no navigation figures: its tree is one file).
huge_steps="$sd_first; settle; key q; wait-exit 0"

echo "studydash $("$bin" --version) on $(nproc) cores, $(date -u +%Y-%m-%d); $runs interleaved runs, 100x30"
for folder in Content "$BIG_NOTES" "$same" "$huge"; do
    echo "  $(basename "$folder"): $(files "$folder" | tr -cd '\0' | wc -c) files, $(du -sh "$folder" | cut -f1)"
done
# Each folder's store is made once, before the timed runs, by an untimed `status` (which also
# fills the parse cache): a timed run reopens it, as every start but the first does. Two rows
# time the other starts: the bundled notes with a new store each run (the first start ever,
# migrations included) and the 5,000 files with the parse cache bypassed (a cold start).
for folder in Content "$BIG_NOTES" "$same" "$huge"; do
    db="$stores/$(basename "$folder")/progress.sqlite"
    mkdir -p "$(dirname "$db")"
    "$bin" status --content "$folder" --db "$db" >/dev/null
done
baseline="${BASELINE:-}"
if [ -n "$baseline" ] && ! $only_reader; then
    [ -x "$baseline" ] || { say "BASELINE is not an executable: $baseline"; exit 1; }
    echo "  baseline: $baseline ($("$baseline" --version))"
    base_env=(env XDG_CACHE_HOME="$stores/base-cache")
    for folder in Content "$BIG_NOTES"; do
        db="$stores/base-$(basename "$folder")/progress.sqlite"
        mkdir -p "$(dirname "$db")"
        "${base_env[@]}" "$baseline" status --content "$folder" --db "$db" >/dev/null
    done
fi
for i in $(seq 1 "$runs"); do
    say "run $i/$runs ..."
    for peer in "${peers[@]}"; do
        case "$peer" in
            less) run_probe "$out" peers less "$i" "$less_steps" "${less_command[@]}" "$work/less-Content.txt" ;;
            nnn) run_probe "$out" peers nnn "$i" "$nnn_steps" env -u NNN_OPTS -u NNN_PLUG -u NNN_BMS nnn Content ;;
            newsboat) run_probe "$out" peers newsboat "$i" "$newsboat_steps" "${newsboat_command[@]}" ;;
            frogmouth) run_probe "$out" peers frogmouth "$i" "$frog_steps" "$frogmouth" Content/README.md ;;
        esac
    done
    for folder in Content "$BIG_NOTES" "$same" "$huge"; do
        tag="$(basename "$folder")"
        steps="$sd_steps"
        [ "$folder" = "$huge" ] && steps="$huge_steps"
        run_probe "$out" studydash "$tag" "$i" "$steps" "$bin" --content "$folder" --db "$stores/$tag/progress.sqlite" --fresh
    done
    db="$stores/new-$i/progress.sqlite"
    mkdir -p "$(dirname "$db")"
    run_probe "$out" studydash Content-new "$i" "$sd_steps" "$bin" --content Content --db "$db" --fresh
    run_probe "$out" studydash big-cold "$i" "$sd_steps" env STUDYDASH_NO_CACHE=1 "$bin" --content "$BIG_NOTES" \
        --db "$stores/$(basename "$BIG_NOTES")/progress.sqlite" --fresh
    if [ -n "$baseline" ]; then
        for folder in Content "$BIG_NOTES"; do
            tag="$(basename "$folder")"
            run_probe "$out" baseline "$tag" "$i" "$sd_steps" "${base_env[@]}" "$baseline" --content "$folder" \
                --db "$stores/base-$tag/progress.sqlite" --fresh
        done
        run_probe "$out" baseline big-cold "$i" "$sd_steps" "${base_env[@]}" STUDYDASH_NO_CACHE=1 "$baseline" \
            --content "$BIG_NOTES" --db "$stores/base-$(basename "$BIG_NOTES")/progress.sqlite" --fresh
    fi
done
echo
python3 bench/tui_report.py --compare "$out" "$runs" "${skipped[@]}"
fi

# The 3.2 MB note in the whole-file reader (issue 17): Enter on its file (the tree's first row),
# wait for the reader's hint, PgDn x20, G to the end, g back, then / and "learning" typed a key at
# a time inside the reader, Esc, q to the dashboard, q. Summarised by bench/reader_report.py.
echo
echo "The 3.2 MB note in the reader: open, PgDn x20, G, / then \"learning\", $runs runs"
reader_steps="$sd_first; settle; key Enter; wait 'J/K section' timeout=60; settle; key PgDn*20; key G; key g"
reader_steps="$reader_steps; key /"
for c in l e a r n i n g; do reader_steps="$reader_steps; key $c"; done
reader_steps="$reader_steps; key Esc; key q; key q; wait-exit 0 timeout=60"
for i in $(seq 1 "$runs"); do
    say "reader on the 3.2 MB note: run $i/$runs ..."
    db="$stores/reader-$i/progress.sqlite"
    mkdir -p "$(dirname "$db")"
    run_probe "$out" studydash reader "$i" "$reader_steps" "$bin" --content "$huge" --db "$db" --fresh
done
python3 bench/reader_report.py "$out/studydash/reader"
if [ "$failures" -ne 0 ]; then
    say "$failures tuiprobe run(s) failed; reports in $out"
    exit 1
fi
