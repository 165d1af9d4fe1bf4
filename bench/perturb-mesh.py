#!/usr/bin/env python3
"""Copies a bench/gen-mesh.py values file, re-pointing a fraction of its edges (deterministically).

Usage: bench/perturb-mesh.py values.yaml 0.01 > changed.yaml
"""
import random
import re
import sys

path, fraction = sys.argv[1], float(sys.argv[2])
lines = open(path).read().splitlines()
ids = [m.group(1) for m in (re.match(r"    (\S+): \{name:", l) for l in lines) if m]
rng = random.Random(7)
edges = [(i, j) for i, l in enumerate(lines) if (m := re.match(r"    (\S+): \[(.*)\]$", l)) for j in range(len(m.group(2).split(", ")))]
for i, j in rng.sample(edges, max(1, int(len(edges) * fraction))):
    m = re.match(r"    (\S+): \[(.*)\]$", lines[i])
    src, targets = m.group(1), m.group(2).split(", ")
    choices = [c for c in ids if c != src and c not in targets]
    targets[j] = rng.choice(choices)
    lines[i] = f"    {src}: [{', '.join(sorted(targets))}]"
sys.stdout.write("\n".join(lines) + "\n")
