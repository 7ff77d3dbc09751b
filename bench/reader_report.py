#!/usr/bin/env python3
"""Summarises the runs of bench/compare.sh's reader section (OUT/*.json, one tuiprobe report per
run): the 3.2 MB note opened in the whole-file reader, then paged and searched.

  open      ms from Enter on the note's file until the reader's hint is on screen (the wait's
            since_input_ms), median and max over the runs
  PgDn      latency of each PgDn (key until the last byte of the answer), all runs pooled;
            first PgDn: the first of each run alone (it used to lay the whole note out)
  G         latency of G (to the end of the document), median over the runs
  search    latency of each letter typed after / in the reader, all runs pooled; first key:
            the first letter of each run alone (it used to fold the whole note)
  peak RSS  VmHWM of the run (so the reader's layout included), median over the runs

Targets (issue 17): open <= 250 ms, PgDn <= 3 ms, search <= 30 ms a key, peak RSS <= 60 MB.
"""
import glob
import json
import statistics
import sys


def main():
    out = sys.argv[1]
    opens, pages, ends, typed, rss, failed = [], [], [], [], [], 0
    first_pages, first_typed = [], []
    for path in sorted(glob.glob(out + "/*.json")):
        try:
            with open(path) as f:
                report = json.load(f)
        except (OSError, ValueError):
            failed += 1
            continue
        if not report.get("ok"):
            failed += 1
            continue
        steps = report["steps"]
        names = [s["step"] for s in steps]
        at = names.index("key Enter")
        opens.append(steps[at + 1]["since_input_ms"])
        paged = [s["latency_ms"] for s in steps if s["step"].startswith("key PgDn")]
        pages += paged
        first_pages += paged[:1]
        ends += [s["latency_ms"] for s in steps if s["step"] == "key G"]
        after = names.index("key /")
        letters = [s["latency_ms"] for s in steps[after + 1:after + 9]]   # the 8 letters of "learning"
        typed += letters
        first_typed += letters[:1]
        rss.append(report["peak_rss_kb"] / 1024)
    if not opens:
        print("  the reader on the 3.2 MB note: no successful run")
        return

    def ms(values):
        answered = [v for v in values if v is not None]
        missing = len(values) - len(answered)
        if not answered:
            return "unanswered"
        text = f"median {statistics.median(answered):.1f} ms, max {max(answered):.1f} ms"
        return text + (f", {missing} unanswered (> 1 s)" if missing else "")

    def verdict(value, limit):
        return "ok" if value is not None and value <= limit else "FAIL"

    open_median = statistics.median(opens)
    page_median = statistics.median([p for p in pages if p is not None] or [float("inf")])
    type_median = statistics.median([t for t in typed if t is not None] or [float("inf")])
    rss_median = statistics.median(rss)
    print(f"  open      {ms(opens)} (target <= 250 ms: {verdict(open_median, 250)})")
    print(f"  PgDn      {ms(pages)} over {len(pages)} keys (target <= 3 ms: {verdict(page_median, 3)})")
    print(f"  first PgDn {ms(first_pages)} (the layout knows only the top then)")
    print(f"  G         {ms(ends)}")
    print(f"  search    {ms(typed)} over {len(typed)} keys (target <= 30 ms: {verdict(type_median, 30)})")
    print(f"  first key {ms(first_typed)} (after /: looked for from the top)")
    print(f"  peak RSS  {rss_median:.1f} MB (target <= 60 MB: {verdict(rss_median, 60)})")
    if failed:
        print(f"  ({failed} run(s) failed)")


if __name__ == "__main__":
    main()
