#!/usr/bin/env bash
# Load benchmark: how long `studydash tree --json` takes, and how much memory it needs, on the
# bundled Content/ and on a generated notes folder of ~5,000 files (~50 MB, ~90-100k links),
# beside two peers on the same files: `cat` (reading the bytes) and `cmark-gfm` (parsing the
# Markdown alone). Release build; median of 5 runs (RUNS=N to change).
# Targets (issue 3): bundled <= 50 ms; big folder <= 1.5 s and <= 300 MB. Issue 17: big folder
# <= 1.0x cmark-gfm alone, <= 90 MB; a warm start (parse cache, nothing changed) <= 150 ms. The
# first row parses every file (--no-cache); "warm" reads the parse cache a first run wrote.
# Then `studydash search kubernetes` the same way (issue 14: big folder <= 1.5 s including the
# load), and `search --timing`: the index build and one hits(for:) per keystroke of a query typed
# one character at a time, in process (issue 14: <= 30 ms on the big folder, <= 3 ms bundled).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/setup.sh
ensure_toolchain
if ! command -v cmark-gfm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >&2 || true
    fi
fi

say "building release ..."
"${RELEASE_BUILD[@]}" >/dev/null
bin="$PWD/.build/release/studydash"
source bench/lib.sh
work="$BENCH_WORK"
big="$BIG_NOTES"
ensure_big_notes

echo "studydash $("$bin" --version) on $(nproc) cores, $(date -u +%Y-%m-%d)"
for folder in Content "$big"; do
    echo
    echo "$folder: $(files "$folder" | tr -cd '\0' | wc -c) files, $(du -sh "$folder" | cut -f1)"
    peers=("cat=find $folder -type f \\( -name '*.md' -o -name '*.txt' \\) -print0 | xargs -0 cat > /dev/null")
    if command -v cmark-gfm >/dev/null 2>&1; then
        peers+=("cmark-gfm=find $folder -type f \\( -name '*.md' -o -name '*.txt' \\) -print0 | xargs -0 cmark-gfm -e table -e autolink -e tasklist -e strikethrough > /dev/null")
    fi
    export XDG_CACHE_HOME="$PWD/$work/cache"
    rm -rf "$XDG_CACHE_HOME"
    "$bin" tree --json --content "$folder" > /dev/null
    python3 bench/measure.py "studydash tree --json=$bin tree --json --no-cache --content $folder > /dev/null" \
        "studydash warm=$bin tree --json --content $folder > /dev/null" "${peers[@]}"
done
db="$work/search-progress.sqlite"
"$bin" status --db "$db" > /dev/null
for folder in Content "$big"; do
    echo
    echo "$folder: search"
    python3 bench/measure.py "studydash search kubernetes=$bin search kubernetes --content $folder --db $db > /dev/null 2>&1" \
        "studydash tree --json=$bin tree --json --content $folder > /dev/null"
    for query in kubernetes "vllm batching"; do
        "$bin" search --timing "$query" --content "$folder" --db "$db" 2>&1 > /dev/null | grep -v '^… and' | sed 's/^/  /'
    done
done
