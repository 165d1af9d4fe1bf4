#!/usr/bin/env python3
"""Checks a `meshrender matrix --format json` output too large to load whole: the layout the writer
promises (one endpoint, row or flow per line, two-space indentation) with every line's value parsed as
JSON, commas between elements and none after the last, and every row holding one cell per column.

    bench/check-matrix-json.py FILE      prints "valid json: E endpoints, R rows x C columns, F flows"
"""
import json
import sys


def section(lines, name, last, check=lambda item: item):
    """Reads `  "name": [` ... `  ],` (or `  "name": [],`) and returns its elements, each as `check` leaves it."""
    head = next(lines)
    closing = "  ]" + ("" if last else ",")
    if head == f'  "{name}": []' + ("" if last else ","):
        return []
    if head != f'  "{name}": [':
        sys.exit(f"expected the {name} section, got {head[:80]!r}")
    items, pending = [], None
    for line in lines:
        if line == closing:
            if pending is None or pending.endswith(","):
                sys.exit(f"{name}: missing element or comma after the last one")
            items.append(check(json.loads(pending)))
            return items
        if pending is not None:
            if not pending.endswith(","):
                sys.exit(f"{name}: missing comma between elements")
            items.append(check(json.loads(pending[:-1])))
        if not line.startswith("    "):
            sys.exit(f"{name}: unexpected line {line[:80]!r}")
        pending = line.strip()
    sys.exit(f"{name}: unterminated")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = (line.rstrip("\n") for line in f)
        if next(lines) != "{":
            sys.exit("expected {")
        endpoints = section(lines, "endpoints", last=False)
        columns_line = next(lines)
        if not (columns_line.startswith('  "columns": ') and columns_line.endswith(",")):
            sys.exit("expected the columns")
        columns = json.loads(columns_line[len('  "columns": '):-1])

        def check_row(row):
            if len(row["cells"]) != len(columns):
                sys.exit(f"row {row['from']}: {len(row['cells'])} cells for {len(columns)} columns")
            return row["from"]

        rows = section(lines, "rows", last=False, check=check_row)
        flows = section(lines, "flows", last=True)
        if next(lines) != "}" or next(lines, None) is not None:
            sys.exit("expected } at the end")
    print(f"   valid json: {len(endpoints)} endpoints, {len(rows)} rows x {len(columns)} columns, {len(flows)} flows")


if __name__ == "__main__":
    main()
