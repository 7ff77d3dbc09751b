#!/usr/bin/env python3
"""Runs commands several times and reports median wall time and peak memory (ru_maxrss of
each run, from wait4), side by side, with each one's ratio to the first row."""
import os
import statistics
import sys
import time


def run_once(argv, cwd):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"measure: {' '.join(argv)} failed with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss


def main():
    runs = int(os.environ.get("RUNS", "5"))
    cwd = os.getcwd()
    rows = []
    for spec in sys.argv[1:]:
        label, command = spec.split("=", 1)
        argv = ["sh", "-c", command]
        results = [run_once(argv, cwd) for _ in range(runs)]
        rows.append((label, statistics.median(r[0] for r in results), max(r[1] for r in results)))
    base = rows[0][1]
    print(f"  {'command':<44} {'median':>9} {'peak RSS':>10} {'ratio':>7}")
    for label, median, rss in rows:
        print(f"  {label:<44} {median * 1000:>7.0f}ms {rss / 1024:>8.1f}MB {median / base:>6.2f}x")


if __name__ == "__main__":
    main()
