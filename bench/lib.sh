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
