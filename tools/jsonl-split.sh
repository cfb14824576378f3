#!/usr/bin/env bash
# Line in, line out: checks that `qanda extract --stdin-jsonl` can be a
# map step (a Spark pipe() or a Hadoop Streaming mapper). It splits a JSON
# Lines input into parts of N lines, maps every part through the command on
# its own, concatenates the answers and compares them with one run over the
# whole input, sorted (the parts' order is the framework's).
#   tools/jsonl-split.sh BIN INPUT.jsonl [LINES]
set -euo pipefail
bin=$1 input=$2 lines=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
split -l "$lines" "$input" "$work/part-"
for p in "$work"/part-*; do
  # Exit code 1 says some record failed; its answer line is still written.
  "$bin" extract -q --stdin-jsonl < "$p" > "$p.out" || [ $? -eq 1 ]
done
cat "$work"/part-*.out | LC_ALL=C sort > "$work/mapped"
{ "$bin" extract -q --stdin-jsonl < "$input" || [ $? -eq 1 ]; } | LC_ALL=C sort > "$work/whole"
cmp "$work/mapped" "$work/whole"
echo "jsonl-split: $(wc -l < "$work/whole") lines from $(ls "$work"/part-*.out | wc -l) parts, identical to one run"
