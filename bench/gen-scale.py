#!/usr/bin/env python3
"""Writes the inputs of the bench `scale` suite: shapes that were once quadratic.

Usage: bench/gen-scale.py DIR
  DIR/defines/     a chart whose one template file holds 100,000 `define`s
  DIR/templates/   a chart of 20,000 one-line templates
  DIR/set-args     20,000 `--set aN=N` flags, one per line
  DIR/scalars.yaml a 20 MB values file of 10,000,000 plain scalars (one flow list)
"""
import os
import sys

out = sys.argv[1]
for name in ("defines", "templates"):
    os.makedirs(os.path.join(out, name, "templates"), exist_ok=True)
    with open(os.path.join(out, name, "Chart.yaml"), "w") as f:
        f.write(f"apiVersion: v2\nname: {name}\nversion: 0.1.0\n")
with open(os.path.join(out, "defines", "templates", "defines.yaml"), "w") as f:
    f.write("".join('{{ define "d%d" }}x{{ end }}' % i for i in range(100_000)))
    f.write('\na: {{ include "d99999" . }}\n')
for i in range(20_000):
    with open(os.path.join(out, "templates", "templates", f"t{i:05d}.yaml"), "w") as f:
        f.write("a%d: {{ .Release.Name }}\n" % i)
with open(os.path.join(out, "set-args"), "w") as f:
    for i in range(20_000):
        f.write(f"--set\na{i}={i}\n")
with open(os.path.join(out, "scalars.yaml"), "w") as f:
    f.write("x: [" + ",".join(["1"] * 10_000_000) + "]\n")
