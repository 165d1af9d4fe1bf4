#!/usr/bin/env bash
# CPU a chart's values.schema.json costs a render, two ways:
#  - `perf stat` task-clock (CPU over all threads) of rendering the chart with the schema check and with
#    --skip-schema-validation, and the difference (compiling the schema and checking the values; noisy on a
#    shared machine);
#  - `perf record` cpu-clock samples (with call graphs) under the schema's compile (frames of
#    CompiledValuesSchema.startCompiling: reading the JSON, the meta-schema check, the index, the compile),
#    as CPU milliseconds per render.
#
#   bench/schema-compile.sh [CHART] [RUNS]     CHART default bench/out/charts/vald, RUNS default 20
#
# MESHRENDER names the binary (default .build/release/meshrender: `swift build -c release --product meshrender`).
# A measurement, not a test: compare two builds on the same machine, one after the other.
set -euo pipefail
cd "$(dirname "$0")/.."
chart=${1:-bench/out/charts/vald}
runs=${2:-20}
bin=${MESHRENDER:-.build/release/meshrender}
cpu() {  # task-clock in ms, mean of $runs runs
    perf stat -x, -e task-clock -r "$runs" "$bin" render "$chart" --release bench -n bench "$@" 2>&1 >/dev/null |
        awk -F, '$3 == "task-clock" { printf "%.2f", $1 }'
}
with=$(cpu)
without=$(cpu --skip-schema-validation)
echo "task-clock ms (mean of $runs): with schema $with, --skip-schema-validation $without, difference $(awk "BEGIN { printf \"%.2f\", $with - $without }")"
data=$(mktemp)
trap 'rm -f "$data"' EXIT
# CPU time under the compile's frames: a cpu-clock sample every 50 microseconds (20 kHz), each sample's call chain
# searched for the compile's closure. (This machine has no hardware counters; on one that has them, the same
# count of instructions would be steadier than time under load.)
perf record -q -e cpu-clock -c 50000 -g -o "$data" -- \
    bash -c "for i in \$(seq $runs); do '$bin' render '$chart' --release bench -n bench >/dev/null; done" 2>/dev/null
perf script -i "$data" -F ip,sym 2>/dev/null | awk -v runs="$runs" '
    /^$/ { if (inside) n++; inside = 0; next }
    /CompiledValuesSchema.*startCompiling/ { inside = 1 }
    END { if (inside) n++; printf "schema compile: %d samples of 50 us, %.2f ms CPU per render\n", n, n * 0.05 / runs }'
