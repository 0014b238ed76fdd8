#!/usr/bin/env bash
# Compile-time benchmark: the same N-variant error enum (each variant a message template and
# one field) derived with ApiError, and with thiserror::Error plus a hand-written Serialize.
# Prints, for each N, the seconds `cargo build` takes for the crate alone (dependencies are
# built first and not counted), the time per variant and the ratio, in one run.
#
#   scripts/compile_bench.sh [N...]        (default: 100 1000 10000)
#   PROFILE=release scripts/compile_bench.sh 1000
#   REPEAT=5 scripts/compile_bench.sh 1000  (each build timed REPEAT times, default 3; the
#                                           fastest counts, as a shared machine only adds)
set -euo pipefail
export CARGO_INCREMENTAL=0
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${COMPILE_BENCH_DIR:-$root/target/compile-bench}"
profile="${PROFILE:-dev}"
repeat="${REPEAT:-3}"
sizes=("${@:-100 1000 10000}")
[ "$#" -eq 0 ] && sizes=(100 1000 10000)
mkdir -p "$work"

generate() { # kind n
  local kind=$1 n=$2 dir="$work/$1-$2"
  mkdir -p "$dir/src"
  if [ "$kind" = api ]; then
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "bench-$kind-$n"
version = "0.0.0"
edition = "2024"
[dependencies]
error-core = { path = "$root/error-core" }
[workspace]
TOML
    {
      echo '#[derive(Debug, error_core::ApiError)]'
      echo '#[api_error(format = "matrix", http = 400)]'
      echo 'pub enum Error {'
      for i in $(seq 0 $((n - 1))); do
        echo "    #[api_error(errcode = \"M_ERROR_$i\", message = \"error $i: {detail}\")]"
        echo "    Error$i { #[api_error(extra)] detail: String },"
      done
      echo '}'
    } > "$dir/src/lib.rs"
  else
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "bench-$kind-$n"
version = "0.0.0"
edition = "2024"
[dependencies]
thiserror = "2"
serde = "1"
[workspace]
TOML
    {
      echo 'use serde::ser::{Serialize, SerializeMap, Serializer};'
      echo '#[derive(Debug, thiserror::Error)]'
      echo 'pub enum Error {'
      for i in $(seq 0 $((n - 1))); do
        echo "    #[error(\"error $i: {detail}\")]"
        echo "    Error$i { detail: String },"
      done
      echo '}'
      echo 'impl Serialize for Error {'
      echo '    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {'
      echo '        let (errcode, detail) = match self {'
      for i in $(seq 0 $((n - 1))); do
        echo "            Error::Error$i { detail } => (\"M_ERROR_$i\", detail),"
      done
      echo '        };'
      echo '        let mut map = serializer.serialize_map(Some(3))?;'
      echo '        map.serialize_entry("errcode", errcode)?;'
      echo '        map.serialize_entry("error", &self.to_string())?;'
      echo '        map.serialize_entry("detail", detail)?;'
      echo '        map.end()'
      echo '    }'
      echo '}'
    } > "$dir/src/lib.rs"
  fi
  echo "$dir"
}

build_seconds() { # dir
  local dir=$1 package best=""
  package=$(basename "$dir")
  # Dependencies first, so only the crate itself is timed; then clean, non-incremental builds
  # of the crate alone (incremental caches would hide the cost being measured).
  (cd "$dir" && CARGO_TARGET_DIR="$work/target" cargo build -q --profile "$profile" >/dev/null 2>&1 || true)
  for _ in $(seq "$repeat"); do
    (cd "$dir" && CARGO_TARGET_DIR="$work/target" cargo clean -q -p "bench-$package" --profile "$profile" 2>/dev/null || true)
    local start end seconds
    start=$(date +%s.%N)
    (cd "$dir" && CARGO_INCREMENTAL=0 CARGO_TARGET_DIR="$work/target" cargo build -q --profile "$profile")
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best=$seconds; fi
  done
  echo "$best"
}

printf '%-8s %12s %12s %14s %14s %7s\n' N "ApiError s" "thiserror s" "ApiError ms/v" "thiserror ms/v" ratio
for n in "${sizes[@]}"; do
  api=$(build_seconds "$(generate api "$n")")
  this=$(build_seconds "$(generate thiserror "$n")")
  printf '%-8s %12.2f %12.2f %14.3f %14.3f %7.2f\n' "$n" "$api" "$this" \
    "$(echo "$api * 1000 / $n" | bc -l)" "$(echo "$this * 1000 / $n" | bc -l)" "$(echo "$api / $this" | bc -l)"
done
