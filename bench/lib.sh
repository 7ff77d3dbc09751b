# Shared by the benchmarks: the generated ~5,000-file notes folder, made once and reused (a
# `.complete` marker says the generation finished), and the file lister over a notes folder.
BENCH_WORK="bench/work"
BIG_NOTES="$BENCH_WORK/big"

ensure_big_notes() {
    local seeds="../shared/seeds"
    [ -d "$seeds" ] || seeds=""
    if [ ! -f "$BIG_NOTES/.complete" ]; then
        rm -rf "$BIG_NOTES"
        say "generating $BIG_NOTES ..."
        python3 bench/make_notes.py "$BIG_NOTES" 5000 Content $seeds
        touch "$BIG_NOTES/.complete"
    fi
}

files() { find "$1" -type f \( -name '*.md' -o -name '*.txt' \) -print0; }

# The store benchmarks' floor, `sqlite3`, installed when missing (as root), then the shared
# release build; sets `bin` to the binary.
ensure_sqlite3_and_release() {
    if ! command -v sqlite3 >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >&2
    fi
    say "building release ..."
    "${RELEASE_BUILD[@]}" >/dev/null
    bin="$PWD/.build/release/studydash"
}
