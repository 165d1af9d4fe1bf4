#!/usr/bin/env python3
"""Writes a synthetic mesh values file: N components, each opening connections to 5 others.

Usage: bench/gen-mesh.py N > values.yaml
Deterministic (fixed seed), so every run of the benchmark renders the same mesh.
"""
import random
import sys

n = int(sys.argv[1])
edges = int(sys.argv[2]) if len(sys.argv) > 2 else 5
rng = random.Random(n)
width = len(str(n))
ids = [f"c{i:0{width}d}" for i in range(n)]
out = ["mesh:", "  components:"]
for cid in ids:
    out.append(f"    {cid}: {{name: svc-{cid}}}")
out.append("  connectivity:")
for i, cid in enumerate(ids):
    targets = set()
    while len(targets) < min(edges, n - 1):
        j = rng.randrange(n)
        if j != i:
            targets.add(ids[j])
    out.append(f"    {cid}: [{', '.join(sorted(targets))}]")
sys.stdout.write("\n".join(out) + "\n")
