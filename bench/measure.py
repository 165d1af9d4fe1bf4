#!/usr/bin/env python3
"""Runs a command several times and prints `median_wall_s peak_rss_mb stdout_bytes`.

    bench/measure.py RUNS OUTFILE CMD...

Wall time is the median of RUNS runs, measured with a monotonic clock to the microsecond
(`/usr/bin/time` rounds to 10 ms, too coarse for a 10 ms process); peak RSS is the largest
`ru_maxrss` of the runs. The last run's stdout is kept in OUTFILE; stderr goes to
OUTFILE.stderr. A non-zero exit status fails the measurement (exit 1, stderr shown).
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd, outfile):
    with open(outfile, "wb") as out, open(outfile + ".stderr", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: measure.py RUNS OUTFILE CMD...")
    runs, outfile, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    walls, peak = [], 0
    for _ in range(runs):
        wall, rss_kb, code = run_once(cmd, outfile)
        if code != 0:
            sys.stderr.write(open(outfile + ".stderr", encoding="utf-8", errors="replace").read())
            sys.exit(f"FAILED (exit {code}): {' '.join(cmd)}")
        walls.append(wall)
        peak = max(peak, rss_kb)
    os.remove(outfile + ".stderr")
    print(f"{statistics.median(walls):.4f} {peak / 1024:.1f} {os.path.getsize(outfile)}")


if __name__ == "__main__":
    main()
