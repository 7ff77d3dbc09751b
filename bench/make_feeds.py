#!/usr/bin/env python3
"""The notes as newsboat sees them (bench/compare.sh): one local RSS feed per top-level entry of
the notes folder (its .md/.txt files, one item each, the note as the item's text), and the urls
file that lists them as file:// feeds.

  make_feeds.py NOTES OUT   writes OUT/feeds/*.xml and OUT/urls
"""
import html
import os
import sys


def notes(path):
    if os.path.isfile(path):
        return [path] if path.endswith((".md", ".txt")) else []
    found = []
    for dirpath, _, names in sorted(os.walk(path)):
        found += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith((".md", ".txt"))]
    return found


def main():
    folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    urls = []
    for entry in sorted(os.listdir(folder)):
        items = []
        for path in notes(os.path.join(folder, entry)):
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            name = os.path.relpath(path, folder)
            items.append(f"<item><title>{html.escape(name)}</title><guid>{html.escape(name)}</guid>"
                         f"<description>{html.escape(text)}</description></item>")
        if not items:
            continue
        feed = os.path.abspath(os.path.join(out, "feeds", entry + ".xml"))
        with open(feed, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                    f"<title>{html.escape(entry)}</title><link>file://{feed}</link><description>notes</description>"
                    + "".join(items) + "</channel></rss>\n")
        urls.append("file://" + feed)
    with open(os.path.join(out, "urls"), "w", encoding="utf-8") as f:
        f.write("\n".join(urls) + "\n")


if __name__ == "__main__":
    main()
