#!/usr/bin/env python3
"""Writes the values of one bench/regex-chart case: `bench/gen-regex.py CASE > values.yaml`.

Cases (patterns a backtracking engine takes exponential or quadratic time on, and plain throughput):
  nested-plus    regexMatch "(a+)+$" on 20 a's and "!"
  word-groups    regexMatch "^(\\w+\\s?)*$" on 5,000 words and "!"
  dot-star       regexMatch "a.*b.*c" on 20,000 characters without "c"
  many-x         regexFindAll "(x+x+)+y" on 5,000 x's
  replace-1mb    regexReplaceAll "(\\w+)\\s+" with "${1}" on 1 MB of words
  split-1mb      regexSplit "\\s*,\\s*" on 1 MB of comma-separated fields
  loop-20k       20,000 iterations of regexReplaceAll and regexMatch on short strings (typical template use)
"""
import json
import sys

CASES = {
    "nested-plus": ("match", "(a+)+$", "a" * 20 + "!"),
    "word-groups": ("match", "^(\\w+\\s?)*$", "word " * 5000 + "!"),
    "dot-star": ("match", "a.*b.*c", "ab" * 10000),
    "many-x": ("findAll", "(x+x+)+y", "x" * 5000),
    "replace-1mb": ("replace", "(\\w+)\\s+", "lorem ipsum dolor sit amet " * 40000),
    "split-1mb": ("split", "\\s*,\\s*", "alpha , beta,gamma ,delta, " * 40000),
    "loop-20k": ("loop", "^[0-9]*7[0-9]*\\.item$", "20000"),
}

if len(sys.argv) != 2 or sys.argv[1] not in CASES:
    sys.exit("usage: gen-regex.py " + "|".join(CASES))
fn, pattern, text = CASES[sys.argv[1]]
# JSON strings are YAML double-quoted scalars.
print(f"fn: {fn}\npattern: {json.dumps(pattern)}\ninput: {json.dumps(text)}")
