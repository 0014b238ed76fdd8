#!/usr/bin/env bash
# Instructions per operation of each derived/hand-written pair, counted by callgrind: the
# difference between runs of 11,000 and 1,000 iterations, divided by 10,000, so start-up
# does not count. Needs valgrind. See BENCHMARKS.md.
#
#   benches/instructions.sh
set -euo pipefail
cd "$(dirname "$0")"
cargo build -q --release --example instructions
binary=target/release/examples/instructions

count() { # pair side iterations
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$2" "$3" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per_operation() { # pair side
  echo "($(count "$1" "$2" 11000) - $(count "$1" "$2" 1000)) / 10000" | bc -l
}

printf '%-18s %10s %14s %7s\n' pair derived hand-written ratio
for pair in render/djblets render/matrix render/problem parse/matrix parse/classified; do
  derived=$(per_operation "$pair" derived)
  by_hand=$(per_operation "$pair" hand-written)
  printf '%-18s %10.0f %14.0f %7.2f\n' "$pair" "$derived" "$by_hand" "$(echo "$derived / $by_hand" | bc -l)"
done
