#!/usr/bin/env python3
"""Summarises the tuiprobe JSON reports bench/tui.sh wrote (OUT/FOLDER/PROGRAM/RUN.json): one row
per folder and program with medians over the runs, the ratios studydash/less, and the targets.

  first screen  at_ms of the first step (the wait-re for the first full screen): ms from the spawn
                until the read after which the whole first screen (top row and bottom row) was
                there; median over runs
  key median    median latency of the 50 navigation keys of all runs pooled (key press until the
                last byte of the answer, the answer ending at 50 ms of silence); `key q` excluded
  key max       the worst of those keys over all runs
  B/key         median bytes written in answer to one navigation key, all runs pooled
  peak RSS      VmHWM (tuiprobe samples it every 20 ms), median over runs, MB = 1024 * 1024 bytes
  quit          ms from `q` to the process exit (tearing down), median over runs

With --compare OUT RUNS [SKIPPED...] (bench/compare.sh): the issue-17 table instead, peers and
studydash rows (OUT/peers/PEER and OUT/studydash/FOLDER), each figure with its ratio to less.
"""
import json
import os
import statistics
import sys

FOLDERS = [("Content", "bundled Content/"), ("big", "5,000 files")]
PROGRAMS = [("sd-new", "studydash, new store"), ("sd-existing", "studydash, existing store"),
            ("less", "less, same notes")]
# (folder, metric, limit, unit): the dashboard issue's targets, checked for both studydash rows.
TARGETS = [("Content", "first", 25, "ms"), ("Content", "key_median", 0.5, "ms"),
           ("Content", "rss", 25, "MB"), ("big", "first", 1500, "ms"), ("big", "key_median", 2, "ms")]
METRIC_NAMES = {"first": "first screen", "key_median": "key median", "rss": "peak RSS"}
UNANSWERED_MS = 1000.0   # tuiprobe's --response: a key with no answer waited at least this long


def load(out, folder, program, runs):
    """The successful runs' reports, and a description of each failed run."""
    good, failed = [], []
    for i in range(1, runs + 1):
        path = os.path.join(out, folder, program, f"{i}.json")
        try:
            with open(path) as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            failed.append(f"run {i}: no JSON report ({e.__class__.__name__}); see {path[:-5]}.err")
            continue
        if report.get("ok"):
            good.append(report)
        else:
            failed.append(f"run {i}: {report.get('failure')}")
    return good, failed


def summarise(reports):
    firsts, rss, quits, latencies, sizes, unanswered = [], [], [], [], [], 0
    slowest = []   # (latency, which of the 50 keys), to tell a first visit from load noise
    for r in reports:
        steps = r["steps"]
        firsts.append(steps[0]["at_ms"])
        rss.append(r["peak_rss_kb"] / 1024)
        keys = [s for s in steps if s["step"].startswith("key ")]
        nav, quit_key = keys[:-1], keys[-1]          # the last key is q
        for number, k in enumerate(nav, 1):
            if k["latency_ms"] is None:
                unanswered += 1
            latencies.append(UNANSWERED_MS if k["latency_ms"] is None else k["latency_ms"])
            slowest.append((latencies[-1], number))
            sizes.append(k["bytes"])
        quits.append(r["exit"]["at_ms"] - quit_key["at_ms"])
    if not reports:
        return None
    # A run with no navigation keys (only q) has no key figures.
    pooled = (lambda f, values: f(values) if values else None)
    return {"first": statistics.median(firsts), "key_median": pooled(statistics.median, latencies),
            "key_max": pooled(max, latencies), "keys": len(latencies), "unanswered": unanswered,
            "bytes": pooled(statistics.median, sizes), "rss": statistics.median(rss),
            "quit": statistics.median(quits),
            "slowest": sorted(slowest, reverse=True)[:5]}


COMPARE_ROWS = [("peers", "less", "less"), ("peers", "nnn", "nnn"), ("peers", "newsboat", "newsboat"),
                ("peers", "frogmouth", "frogmouth"), ("studydash", "Content", "studydash, bundled notes"),
                ("studydash", "Content-new", "studydash, bundled notes, first start (new store)"),
                ("studydash", "big", "studydash, 5,000 files (parse cache warm)"),
                ("studydash", "big-cold", "studydash, 5,000 files, cold (no parse cache)"),
                ("studydash", "same", "studydash, 2,000 near-identical files"),
                ("studydash", "huge", "studydash, one 3.2 MB note"),
                ("baseline", "Content", "baseline (BASELINE), bundled notes"),
                ("baseline", "big", "baseline, 5,000 files (parse cache warm)"),
                ("baseline", "big-cold", "baseline, 5,000 files, cold (no parse cache)")]
# (row, metric, limit): issue 17's targets for the studydash rows.
COMPARE_TARGETS = [("Content", "first", 12), ("Content", "key_median", 0.3), ("Content", "key_max", 3),
                   ("Content", "bytes", 800), ("Content", "rss", 18), ("big", "quit", 20), ("big", "first", 150), ("big-cold", "first", 700),
                   ("big", "rss", 90), ("same", "first", 300), ("huge", "first", 250), ("huge", "rss", 60)]


def compare(out, runs, skipped):
    """The comparison table: one row per program and case, a figure and its ratio to less."""
    rows, failures = [], []
    for group, name, label in COMPARE_ROWS:
        if not os.path.isdir(os.path.join(out, group, name)):
            continue
        good, failed = load(out, group, name, runs)
        summary = summarise(good) if good else None
        # The baseline's rows share their case names with studydash's: kept apart, so that the
        # targets below judge only the build under test.
        rows.append((f"{group}-{name}" if group == "baseline" else name, label, summary, len(good)))
        failures += [f"{label}: {f}" for f in failed]
    base = next((s for name, _, s, _ in rows if name == "less"), None)

    def cell(s, metric, text):
        value = s[metric]
        if value is None:
            return "-"
        ratio = f" ({value / base[metric]:.1f}x)" if base and base[metric] and metric != "quit" else ""
        return text(value) + ratio

    metrics = [("first", ms), ("key_median", lambda v: f"{v:.2f} ms"), ("key_max", ms),
               ("bytes", lambda v: f"{v:,.0f}"), ("rss", lambda v: f"{v:.1f} MB"), ("quit", ms)]
    print("| | first screen | key median | key max | bytes/key | peak RSS | quit |")
    print("|---|---|---|---|---|---|---|")
    for name, label, s, n in rows:
        if s is None:
            print(f"| {label} | no successful run of {runs} | | | | | |")
            continue
        note = f" ({s['unanswered']} keys unanswered)" if s["unanswered"] else ""
        print(f"| {label}{note} | " + " | ".join(cell(s, m, f) for m, f in metrics) + " |")
    print("\n  medians of the runs; (Nx) = the ratio to less from the same run; keys: 50 navigation keys per run,"
          "\n  pooled; quit: from q to the exit")
    for name, label, s, _ in rows:
        if s is not None and s["slowest"] and s["keys"]:
            shown = ", ".join(f"#{n} {v:.1f} ms" for v, n in s["slowest"])
            print(f"  slowest keys, {label}: {shown}")
    for peer in skipped:
        print(f"  skipped: {peer}")
    print("\n  targets")
    found = {name: s for name, _, s, _ in rows}
    for name, metric, limit in COMPARE_TARGETS:
        if name not in found:
            continue
        value = None if found[name] is None else found[name][metric]
        verdict = "pass" if value is not None and value <= limit else "FAIL"
        print(f"  {verdict:<5} studydash {name:<8} {metric:<11} {'no data' if value is None else f'{value:.2f}':>10}"
              f"  (<= {limit:g})")
    if failures:
        print(f"\n  {len(failures)} failed run(s), left out of the figures above:")
        for f in failures:
            print(f"    {f}")


def ms(v):
    return "-" if v is None else f"{v:.1f} ms" if v < 100 else f"{v:.0f} ms"


def main():
    global FOLDERS
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
        return
    out, runs = sys.argv[1], int(sys.argv[2])
    FOLDERS = [f for f in FOLDERS if os.path.isdir(os.path.join(out, f[0]))]   # those that were run
    results, failures = {}, []
    for folder, flabel in FOLDERS:
        for program, plabel in PROGRAMS:
            good, failed = load(out, folder, program, runs)
            results[folder, program] = (summarise(good), len(good))
            failures += [f"{plabel} on {flabel}: {f}" for f in failed]

    print(f"  {'':<44}{'runs':>5} {'first screen':>13} {'key median':>11} {'key max':>9}"
          f" {'B/key':>7} {'peak RSS':>9} {'quit':>8}")
    for folder, flabel in FOLDERS:
        for program, plabel in PROGRAMS:
            s, n = results[folder, program]
            label = f"{flabel}: {plabel}"
            if s is None:
                print(f"  {label:<44}{n:>3}/{runs}  (no successful run)")
                continue
            note = f"  ({s['unanswered']} of {s['keys']} keys unanswered)" if s["unanswered"] else ""
            print(f"  {label:<44}{n:>3}/{runs} {ms(s['first']):>13} {ms(s['key_median']):>11}"
                  f" {ms(s['key_max']):>9} {s['bytes']:>7.0f} {s['rss']:>7.1f}MB {ms(s['quit']):>8}{note}")

    print("  medians over runs; first screen: from the spawn until the whole first screen was there (at_ms of\n"
          "  the first wait step); key: the 50 navigation keys of all runs pooled; quit: from q to the exit")

    print("\n  ratio studydash / less            first screen   key median    B/key   peak RSS")
    for folder, flabel in FOLDERS:
        base = results[folder, "less"][0]
        for program, plabel in PROGRAMS[:2]:
            s = results[folder, program][0]
            if s is None or base is None:
                print(f"  {flabel + ', ' + plabel.split(', ')[1]:<32} (no data)")
                continue
            r = [s[m] / base[m] if base[m] else float("inf") for m in ("first", "key_median", "bytes", "rss")]
            print(f"  {flabel + ', ' + plabel.split(', ')[1]:<32} {r[0]:>13.1f}x {r[1]:>11.1f}x"
                  f" {r[2]:>7.1f}x {r[3]:>9.1f}x")

    print("\n  targets")
    for folder, metric, limit, unit in TARGETS:
        if folder not in dict(FOLDERS):
            continue
        flabel = dict(FOLDERS)[folder]
        for program, plabel in PROGRAMS[:2]:
            s = results[folder, program][0]
            value = None if s is None else s[metric]
            shown = "no data" if value is None else f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
            verdict = "pass" if value is not None and value <= limit else "FAIL"
            print(f"  {verdict:<5} {flabel + ', ' + plabel.split(', ')[1]:<32}"
                  f" {METRIC_NAMES[metric]:<13} {shown:>10}  (<= {limit:g} {unit})")

    if failures:
        print(f"\n  {len(failures)} failed run(s), left out of the figures above:")
        for f in failures:
            print(f"    {f}")


if __name__ == "__main__":
    main()
