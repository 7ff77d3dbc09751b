#!/usr/bin/env python3
"""Generates a large notes folder for benchmarks by replicating the bundled Content/ and the
seed notes: about FILES files, ~10 KB and ~20 links each, every link made unique per file (its
host gets a `vN.` prefix) so that the loader sees as many distinct resources as links."""
import os
import re
import sys

LINK = re.compile(r"(https?://)")


def texts(folders):
    """Every note of the folders, in a stable order (bench/make_cases.py reads them too)."""
    found = []
    for folder in folders:
        for dirpath, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                if name.endswith((".md", ".txt")):
                    with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                        found.append(f.read())
    return found


def sources(folders):
    return [t for t in texts(folders) if LINK.search(t)]


def main():
    out, files = sys.argv[1], int(sys.argv[2])
    folders = sys.argv[3:]
    texts = sources(folders)
    if not texts:
        sys.exit("make_notes: no source notes with links in " + " ".join(folders))
    total_bytes = total_links = 0
    cursor = 0
    for index in range(files):
        area = os.path.join(out, f"{index // 100:03d}-area-{index // 100}")
        os.makedirs(area, exist_ok=True)
        body, links = [f"# Topic {index}\n\n"], 0
        while links < 20 and sum(map(len, body)) < 9000:
            text = texts[cursor % len(texts)]
            cursor += 1
            body.append(LINK.sub(lambda m: f"{m.group(1)}v{index}.", text) + "\n\n")
            links += len(LINK.findall(text))
        data = "".join(body)
        with open(os.path.join(area, f"{index % 100:02d}-topic-{index}.md"), "w", encoding="utf-8") as f:
            f.write(data)
        total_bytes += len(data.encode())
        total_links += links
    print(f"{files} files, {total_bytes / 1e6:.1f} MB, {total_links} links in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
