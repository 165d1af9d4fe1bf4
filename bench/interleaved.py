#!/usr/bin/env python3
"""Compares two meshrender executables on the real-chart renders of `bench/run real` (`meshrender template`, with
helm template's arguments), runs interleaved.

    bench/interleaved.py RUNS OLD_BIN NEW_BIN [CASE...]

CASE is kube-prometheus-stack, argo-cd, istio-base, prometheus-operator-crds, keda, vald or template-logic-300
(default: all), rendered as `bench/run real` renders them (charts under $MESHRENDER_CHARTS, default
bench/out/charts; run `bench/run real` once to place them). Each of the RUNS rounds runs both executables, the
order alternating, so that the drift of a shared machine falls on both alike; sequential benchmark runs on a busy
2-core machine differ by tens of percent. Prints, per case, the median and minimum whole-process wall time and
the median CPU time (user + system) of each, and new/old ratios.
"""
import os
import statistics
import subprocess
import sys
import time

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CHARTS = os.environ.get("MESHRENDER_CHARTS", "bench/out/charts")
CASES = {
    "kube-prometheus-stack": [f"{CHARTS}/kube-prometheus-stack", "-f", "bench/out/real-kube-prometheus-stack.yaml"],
    "argo-cd": [f"{CHARTS}/argo-cd"],
    "istio-base": [f"{CHARTS}/istio-base"],
    "prometheus-operator-crds": [f"{CHARTS}/prometheus-operator-crds"],
    "keda": [f"{CHARTS}/keda"],
    "vald": [f"{CHARTS}/vald"],
    "template-logic-300": ["bench/helm-mesh-chart", "-f", "bench/out/mesh-300.yaml"],
}


def run(binary, args):
    """Wall and CPU seconds of one render, its output discarded."""
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "template", "bench", args[0], "-n", "bench"] + args[1:], stdout=null)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"FAILED: {binary} template bench {' '.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, old, new = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    for case in sys.argv[4:] or list(CASES):
        if case not in CASES:
            sys.exit(f"unknown case {case}: one of {', '.join(CASES)}")
        times = {old: ([], []), new: ([], [])}
        for i in range(runs):
            for binary in (old, new) if i % 2 == 0 else (new, old):
                wall, cpu = run(binary, CASES[case])
                times[binary][0].append(wall)
                times[binary][1].append(cpu)
        (ow, oc), (nw, nc) = times[old], times[new]
        ms = lambda v: f"{statistics.median(v) * 1000:6.1f}"
        print(f"{case:26} old {ms(ow)}/{min(ow) * 1000:6.1f} ms cpu {ms(oc)} | new {ms(nw)}/{min(nw) * 1000:6.1f} ms "
              f"cpu {ms(nc)} | new/old median {statistics.median(nw) / statistics.median(ow):.2f} "
              f"min {min(nw) / min(ow):.2f} cpu {statistics.median(nc) / statistics.median(oc):.2f}")


main()
