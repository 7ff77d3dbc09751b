#!/usr/bin/env python3
"""Times commands against a floor, interleaved (floor, command, floor, command, ...) so that a
busy machine slows both alike, and prints each one's median wall time, peak memory (ru_maxrss)
and its ratio to the floor, with the target ratio met or missed.

    paired.py TARGET "floor label=floor command" "label=command" ...

A measurement, not a test: the exit status is 0 even when a target is missed."""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import run_once  # noqa: E402


def main():
    runs = int(os.environ.get("RUNS", "5"))
    target = float(sys.argv[1])
    specs = [spec.split("=", 1) for spec in sys.argv[2:]]
    cwd = os.getcwd()
    results = {label: [] for label, _ in specs}
    for _ in range(runs):
        for label, command in specs:
            results[label].append(run_once(["sh", "-c", command], cwd))
    floor_label = specs[0][0]
    floor = statistics.median(r[0] for r in results[floor_label])
    print(f"  {'command':<44} {'median':>9} {'peak RSS':>10} {'ratio':>7}  target <= {target:g}x")
    for label, _ in specs:
        median = statistics.median(r[0] for r in results[label])
        rss = max(r[1] for r in results[label])
        ratio = median / floor
        verdict = "" if label == floor_label else ("ok" if ratio <= target else "MISSED")
        print(f"  {label:<44} {median * 1000:>7.1f}ms {rss / 1024:>8.1f}MB {ratio:>6.2f}x  {verdict}")


if __name__ == "__main__":
    main()
