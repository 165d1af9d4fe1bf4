#!/usr/bin/env python3
"""Runs a command several times and prints `median_wall_s peak_rss_mb stdout_bytes`.

    bench/measure.py RUNS OUTFILE CMD...
    bench/measure.py --pair RUNS OUTFILE_A OUTFILE_B CMD_A... --versus CMD_B...

Wall time is the median of RUNS runs, measured with a monotonic clock to the microsecond
(`/usr/bin/time` rounds to 10 ms, too coarse for a 10 ms process); peak RSS is the largest
`ru_maxrss` of the runs. The last run's stdout is kept in OUTFILE; stderr goes to
OUTFILE.stderr. A non-zero exit status fails the measurement (exit 1, stderr shown).

With --pair, two commands run in turn, RUNS rounds (the first of each round alternating), and the line is
`median_a peak_a bytes_a median_b peak_b bytes_b median_ratio`: the median over the rounds of B's wall time over
A's. A shared machine's speed drifts by tens of percent from minute to minute; running the two side by side puts
the drift on both, and the median of the rounds' ratios is the figure that survives it.
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


def run_checked(cmd, outfile):
    wall, rss_kb, code = run_once(cmd, outfile)
    if code != 0:
        sys.stderr.write(open(outfile + ".stderr", encoding="utf-8", errors="replace").read())
        sys.exit(f"FAILED (exit {code}): {' '.join(cmd)}")
    return wall, rss_kb


def pair(args):
    if len(args) < 5 or "--versus" not in args:
        sys.exit("usage: measure.py --pair RUNS OUTFILE_A OUTFILE_B CMD_A... --versus CMD_B...")
    runs, out_a, out_b = int(args[0]), args[1], args[2]
    split = args.index("--versus")
    cmd_a, cmd_b = args[3:split], args[split + 1:]
    walls_a, walls_b, ratios, peak_a, peak_b = [], [], [], 0, 0
    for i in range(runs):
        if i % 2 == 0:
            wa, ra = run_checked(cmd_a, out_a)
            wb, rb = run_checked(cmd_b, out_b)
        else:
            wb, rb = run_checked(cmd_b, out_b)
            wa, ra = run_checked(cmd_a, out_a)
        walls_a.append(wa)
        walls_b.append(wb)
        ratios.append(wb / wa)
        peak_a, peak_b = max(peak_a, ra), max(peak_b, rb)
    for out in (out_a, out_b):
        os.remove(out + ".stderr")
    print(f"{statistics.median(walls_a):.4f} {peak_a / 1024:.1f} {os.path.getsize(out_a)} "
          f"{statistics.median(walls_b):.4f} {peak_b / 1024:.1f} {os.path.getsize(out_b)} {statistics.median(ratios):.1f}")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--pair":
        return pair(sys.argv[2:])
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
