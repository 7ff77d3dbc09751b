#!/usr/bin/env python3
"""keybytes.py: what the dashboard sends for each navigation key, and (optionally) the
instructions it spends on them.

Runs COMMAND in a pseudo-terminal (100x30, xterm-256color), waits for the first full screen,
then presses the keys one at a time, each followed by waiting for the answer to end, and keeps
each key's raw bytes. Prints, per key, the byte count and a breakdown of what was sent (SGR
attribute/colour switches, cursor moves, clear-to-EOL, text), then the totals.

With --slow the waits are long enough for a command run under `valgrind --tool=callgrind`: run
it once with the keys and once with --keys '' and compare the two profiles (callgrind_control
cannot zero the counters of a process waiting for a key). With --raw DIR the first screen's
bytes are written to DIR/first.bin and each key's to DIR/NN.bin, for a closer look (and for
bench/floor/frames.py).

Standard library plus pyte (the screen model the terminal tests use), to know when the first
screen is up.
"""

import argparse
import fcntl
import os
import re
import select
import struct
import sys
import termios
import time

import pyte


def read_until_quiet(fd, quiet, first_wait):
    """Bytes the program writes until `quiet` s of silence (waiting up to `first_wait` s for the first)."""
    chunks = []
    deadline = time.monotonic() + first_wait
    while True:
        timeout = (deadline - time.monotonic()) if not chunks else quiet
        if timeout <= 0:
            break
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


SGR = re.compile(rb"\x1b\[[0-9;:]*m")
MOVE = re.compile(rb"\x1b\[[0-9;]*[HfGd]|\x1b\[[0-9]*[ABCD]|\r|\n|\x08")
EL = re.compile(rb"\x1b\[[0-9]*K")
OTHER = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z@`]|\x1b[()][0-9A-Za-z]|\x1b[78=>]")


def breakdown(data):
    """Bytes by kind: sgr, move, el, other escapes, text (what is left)."""
    parts = {}
    rest = data
    for name, pattern in (("sgr", SGR), ("move", MOVE), ("el", EL), ("other", OTHER)):
        found = pattern.findall(rest)
        parts[name] = (len(found), sum(len(x) for x in found))
        rest = pattern.sub(b"", rest)
    parts["text"] = (len(rest.decode("utf-8", "replace")), len(rest))
    return parts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", default="j*12 k*12 j*13 k*13")
    parser.add_argument("--size", default="100x30")
    parser.add_argument("--quiet", type=float, default=0.05)
    parser.add_argument("--slow", action="store_true", help="under valgrind")
    parser.add_argument("--raw", metavar="DIR")
    parser.add_argument("--per-key", action="store_true", help="print every key's figures")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    columns, rows = (int(x) for x in args.size.split("x"))
    keys = []
    for word in args.keys.split():
        name, _, count = word.partition("*")
        keys += [name] * int(count or 1)

    pid, fd = os.forkpty()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LANG", "C.UTF-8")
        os.environ.pop("LINES", None)
        os.environ.pop("COLUMNS", None)
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    slow = args.slow
    quiet = 1.5 if slow else args.quiet
    first = b""
    start = time.monotonic()
    while time.monotonic() - start < (300 if slow else 60):
        data = read_until_quiet(fd, quiet, 5)
        first += data
        stream.feed(data)
        if "overall" in screen.display[0] and "q quit" in screen.display[-1]:
            break
    first += read_until_quiet(fd, quiet, quiet)
    print(f"first screen: {len(first)} bytes", file=sys.stderr)
    if args.raw:
        os.makedirs(args.raw, exist_ok=True)
        with open(os.path.join(args.raw, "first.bin"), "wb") as f:
            f.write(first)
    totals = {}
    sizes = []
    for number, key in enumerate(keys):
        os.write(fd, key.encode())
        data = read_until_quiet(fd, quiet, 10 if slow else 2)
        stream.feed(data)
        sizes.append(len(data))
        if args.raw:
            with open(os.path.join(args.raw, f"{number:02d}.bin"), "wb") as f:
                f.write(data)
        parts = breakdown(data)
        for name, (count, size) in parts.items():
            c, s = totals.get(name, (0, 0))
            totals[name] = (c + count, s + size)
        if args.per_key:
            print(f"{number:2d} {key} {len(data):5d} " + " ".join(f"{n}={c}/{s}B" for n, (c, s) in parts.items()))
    os.write(fd, b"q")
    read_until_quiet(fd, quiet, 5)
    os.waitpid(pid, 0)
    n = len(keys)
    if n == 0:
        return
    sizes.sort()
    print(f"{n} keys: {sum(sizes)} bytes, {sum(sizes) / n:.0f} a key (median {sizes[n // 2]}, max {sizes[-1]})")
    print("per key: " + ", ".join(f"{name} {size / n:.0f} B ({count / n:.1f})" for name, (count, size) in totals.items()))


if __name__ == "__main__":
    main()
