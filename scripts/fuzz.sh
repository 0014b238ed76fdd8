#!/usr/bin/env bash
# A fuzzing campaign: every fuzz target for SECONDS each (default 60) on JOBS processes
# (default 2, both cores), with the corpus kept under fuzz/corpus/TARGET (minimized after
# the run, committed). Prints executions and crashes per target and appends them to
# fuzz/runs.tsv, whose totals RELIABILITY.md reports. Needs nightly and cargo-fuzz
# (`cargo install cargo-fuzz`). A crash is saved under fuzz/artifacts/TARGET/: make it a
# regression test first, then fix it.
#
# Targets are built without a sanitizer (SANITIZER=address to change it): every crate here
# forbids unsafe code, so AddressSanitizer would watch only the dependencies, at a twentieth
# of the speed. The derive's inputs are capped at 4 KiB (a declaration, not a file).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
shift || true
jobs="${JOBS:-2}"
sanitizer="${SANITIZER:-none}"
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
cargo +nightly fuzz build --release -s "$sanitizer" >/dev/null 2>&1
printf '%-10s %12s %8s %8s\n' target executions crashes corpus
for target in "${targets[@]}"; do
  corpus="$root/fuzz/corpus/$target"
  artifacts="$root/fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  before=$(find "$artifacts" -type f | wc -l)
  logs="$(mktemp -d)"
  options=()
  [ "$target" = derive ] && options+=(-max_len=4096)
  # libFuzzer writes one fuzz-N.log per job into the current directory.
  (cd "$logs" && cargo +nightly fuzz run --fuzz-dir "$root/fuzz" --release -s "$sanitizer" "$target" "$corpus" -- \
    "${options[@]}" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >/dev/null 2>&1) || true
  executions=$(cat "$logs"/fuzz-*.log 2>/dev/null \
    | sed -n 's/^stat::number_of_executed_units: *//p' | awk '{s += $1} END {print s + 0}')
  crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
  rm -rf "$logs"
  cargo +nightly fuzz cmin --fuzz-dir "$root/fuzz" --release -s "$sanitizer" "$target" "$corpus" >/dev/null 2>&1 || true
  size=$(find "$corpus" -type f | wc -l)
  printf '%-10s %12s %8s %8s\n' "$target" "$executions" "$crashes" "$size"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%d)" "$target" "$seconds" "$executions" \
    "$crashes" "$size" >> "$root/fuzz/runs.tsv"
done
echo "totals (every run in fuzz/runs.tsv):"
awk -F'\t' '{e[$2] += $4; c[$2] += $5} END {for (t in e) printf "  %-10s %12d executions, %d crashes\n", t, e[t], c[t]}' \
  "$root/fuzz/runs.tsv" | sort
