#!/usr/bin/env python3
"""frames.py RAW_DIR OUT: the dashboard's frames as the terminal showed them, for floor.c.

RAW_DIR is what `bench/keybytes.py --raw` keeps: first.bin (the first screen) and NN.bin (each
key's answer). They are replayed through pyte (the screen model of the terminal tests) and every
frame (the first screen, then the screen after each key) is written as 30 lines of 100 cells,
each cell `CODEPOINT,ATTRIBUTES,FOREGROUND,BACKGROUND` (codepoint 0: the right half of a wide
character; attributes: 1 bold, 2 dim, 4 reverse, 8 underline, 16 italic; colours: a 256-colour
number, -1 the terminal's own). pyte has no dim, so SGR 2 is read as blink, which the dashboard
never sends.
"""
import os
import sys

import pyte
from pyte import graphics

graphics.TEXT[2] = "+blink"
BASIC = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]


def colour(name):
    if name in BASIC:
        return BASIC.index(name)
    if name.startswith("bright") and name[6:] in BASIC:
        return 8 + BASIC.index(name[6:])
    if name in graphics.FG_BG_256:
        return graphics.FG_BG_256.index(name)
    return -1


def main():
    raw, out = sys.argv[1], sys.argv[2]
    screen = pyte.Screen(100, 30)
    stream = pyte.ByteStream(screen)
    keys = sorted(name for name in os.listdir(raw) if name[0].isdigit())
    with open(out, "w") as frames:
        for name in ["first.bin"] + keys:
            stream.feed(open(os.path.join(raw, name), "rb").read())
            for y in range(screen.lines):
                cells = []
                for x in range(screen.columns):
                    c = screen.buffer[y][x]
                    bits = int(c.bold) | int(c.blink) * 2 | int(c.reverse) * 4 | int(c.underscore) * 8 | int(c.italics) * 16
                    cells.append(f"{ord(c.data[0]) if c.data else 0},{bits},{colour(c.fg)},{colour(c.bg)}")
                frames.write(" ".join(cells) + "\n")
    print(f"{len(keys) + 1} frames", file=sys.stderr)


if __name__ == "__main__":
    main()
