#!/usr/bin/env python3
"""Generates the two hard cases of the comparison benchmark (bench/compare.sh):

  same OUT N [SOURCE...]   N files whose headings are all alike (every file `# Notes` with the
                           same `## Reading` / `## Practice` sections), so every topic has the
                           same title path: what a folder of near-identical notes looks like
  one OUT SIZE SOURCE...   one note of at least SIZE bytes: the sources' .md/.txt files, in
                           path order, repeated (a huge single file)
"""
import os
import sys

from make_notes import texts


def same(out, count):
    for index in range(count):
        folder = os.path.join(out, f"{index // 100:03d}-part")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{index % 100:02d}-notes.md"), "w", encoding="utf-8") as f:
            f.write("# Notes\n\nWhat to read this week, and what to try.\n\n"
                    "## Reading\n\n"
                    f"- [The article](https://example.org/read/{index}) - Article. Why it matters.\n"
                    f"- [The book](https://example.org/book/{index}) - Book. Chapters 1-3.\n\n"
                    "## Practice\n\n"
                    f"- [The exercise](https://example.org/try/{index}) - Exercise. An hour.\n")


def one(out, size, folders):
    parts = texts(folders)
    if not parts:
        sys.exit("make_cases: no .md/.txt file in " + " ".join(folders))
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < size:
            for text in parts:
                f.write(text + "\n\n")
                written += len(text.encode()) + 2


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "same":
        same(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) >= 5 and sys.argv[1] == "one":
        one(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
