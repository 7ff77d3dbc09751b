# Shared by scripts/run and scripts/test: make sure this machine can build StudyDash.
# Installs the Debian packages it needs when they are missing (as root, or with password-less
# sudo); otherwise prints the exact command to run and stops.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SYSTEM_PACKAGES=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libncurses-dev)

# Release builds link the Swift runtime and Foundation statically: the dashboard then starts
# faster and its memory is its own (about 23 MB instead of about 30 MB, most of which were pages
# of the shared Swift libraries; Package.swift's release link settings take it to about 19 MB).
# Every script that builds release uses these flags, so they share one build.
RELEASE_BUILD=(swift build -c release --static-swift-stdlib --product studydash)

say() { printf 'studydash: %s\n' "$*" >&2; }

have_system_packages() {
    command -v pkg-config >/dev/null 2>&1 \
        && pkg-config --exists libcmark-gfm \
        && pkg-config --exists ncursesw \
        && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
        && [ -f /usr/include/sqlite3.h ]
}

install_system_packages() {
    local runner=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            runner=(sudo)
        else
            say "missing system packages; install them with:"
            say "  sudo apt-get install -y ${SYSTEM_PACKAGES[*]}"
            exit 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "missing libraries; install cmark-gfm (with its extensions), SQLite 3 and ncursesw (headers) and pkg-config with your package manager"
        exit 1
    fi
    say "installing ${SYSTEM_PACKAGES[*]} (once) ..."
    "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${SYSTEM_PACKAGES[@]}" >&2
}

ensure_toolchain() {
    if ! command -v swift >/dev/null 2>&1; then
        say "the Swift toolchain (6.x) is not on PATH; install it from swift.org and try again"
        exit 1
    fi
    have_system_packages || install_system_packages
}

# The terminal tests drive the dashboard in a pseudo-terminal with Tests/Driver/ptydrive, which
# needs the Python module pyte. Installs it for the python3 on PATH (the one the driver runs with).
ensure_pyte() {
    python3 -c 'import pyte' >/dev/null 2>&1 && return 0
    say "installing the Python module pyte (once, for the terminal tests) ..."
    if python3 -m pip install --quiet --disable-pip-version-check pyte >&2 2>/dev/null \
        || python3 -m pip install --quiet --user --disable-pip-version-check pyte >&2 \
        || python3 -m pip install --quiet --break-system-packages --disable-pip-version-check pyte >&2; then
        python3 -c 'import pyte' >/dev/null 2>&1 && return 0
    fi
    say "could not install pyte; install it with: python3 -m pip install pyte (or apt-get install python3-pyte)"
    exit 1
}

# The man page test renders docs/studydash.1 with `man -l` (man-db), as a user would.
ensure_man() {
    command -v man >/dev/null 2>&1 && return 0
    local runner=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            runner=(sudo)
        else
            say "man is missing, so the man page test will be skipped; install it with: sudo apt-get install -y man-db"
            return 0
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || { say "man is missing; the man page test will be skipped"; return 0; }
    say "installing man-db (once, for the man page test) ..."
    "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db >&2 \
        || say "could not install man-db; the man page test will be skipped"
}
