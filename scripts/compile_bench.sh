#!/usr/bin/env bash
# Compile-time benchmark: the same N-variant error enum (each variant a message template and
# one field) derived with ApiError, and with thiserror::Error plus a hand-written Serialize.
# Prints, for each N, the seconds `cargo build` takes for the crate alone (dependencies are
# built first and not counted), the time per variant and the ratio, in one run. The last
# column ("enum s") builds the bare enum with only `#[derive(Debug)]`: what any error enum of
# that size costs rustc, so growth can be told apart from what the derives add.
#
#   scripts/compile_bench.sh [N...]        (default: 100 1000 10000)
#   PROFILE=release scripts/compile_bench.sh 1000
#   REPEAT=5 scripts/compile_bench.sh 1000  (each build timed REPEAT times, default 3; the
#                                           fastest counts, as a shared machine only adds)
#   CLEAN_DEPS=1 scripts/compile_bench.sh 100  (times clean builds of the crate *with* its
#                                           dependencies, each in an empty target directory)
set -euo pipefail
export CARGO_INCREMENTAL=0
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${COMPILE_BENCH_DIR:-$root/target/compile-bench}"
profile="${PROFILE:-dev}"
repeat="${REPEAT:-3}"
sizes=("${@:-100 1000 10000}")
[ "$#" -eq 0 ] && sizes=(100 1000 10000)
mkdir -p "$work"

manifest() { # dir dependencies: a crate of its own, named after its directory
  cat > "$1/Cargo.toml" <<TOML
[package]
name = "bench-$(basename "$1")"
version = "0.0.0"
edition = "2024"
[dependencies]
$2
[workspace]
TOML
}

generate() { # kind n
  local kind=$1 n=$2 dir="$work/$1-$2"
  mkdir -p "$dir/src"
  if [ "$kind" = floor ]; then
    manifest "$dir" ""
    {
      echo '#[derive(Debug)]'
      echo 'pub enum Error {'
      for i in $(seq 0 $((n - 1))); do
        echo "    Error$i { detail: String },"
      done
      echo '}'
    } > "$dir/src/lib.rs"
  elif [ "$kind" = api ]; then
    manifest "$dir" "errwire = { path = \"$root/error-core\" }"
    {
      echo '#[derive(Debug, errwire::ApiError)]'
      echo '#[api_error(format = "matrix", http = 400)]'
      echo 'pub enum Error {'
      for i in $(seq 0 $((n - 1))); do
        echo "    #[api_error(errcode = \"M_ERROR_$i\", message = \"error $i: {detail}\")]"
        echo "    Error$i { #[api_error(extra)] detail: String },"
      done
      echo '}'
    } > "$dir/src/lib.rs"
  else
    manifest "$dir" $'thiserror = "2"\nserde = "1"'
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

seconds_of() { # dir target-dir: the seconds one non-incremental build takes
  local start end
  start=$(date +%s.%N)
  (cd "$1" && CARGO_INCREMENTAL=0 CARGO_TARGET_DIR="$2" cargo build -q --profile "$profile")
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

build_seconds() { # dir: the fastest of $repeat builds
  local dir=$1 package best="" seconds
  package=$(basename "$dir")
  # Without CLEAN_DEPS, dependencies are built first, so only the crate itself is timed, in
  # clean non-incremental builds (incremental caches would hide the cost being measured).
  [ -z "${CLEAN_DEPS:-}" ] &&
    (cd "$dir" && CARGO_TARGET_DIR="$work/target" cargo build -q --profile "$profile" >/dev/null 2>&1 || true)
  for _ in $(seq "$repeat"); do
    if [ -n "${CLEAN_DEPS:-}" ]; then
      rm -rf "$work/target-clean"
      seconds=$(seconds_of "$dir" "$work/target-clean")
    else
      (cd "$dir" && CARGO_TARGET_DIR="$work/target" cargo clean -q -p "bench-$package" --profile "$profile" 2>/dev/null || true)
      seconds=$(seconds_of "$dir" "$work/target")
    fi
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best=$seconds; fi
  done
  rm -rf "$work/target-clean"
  echo "$best"
}

printf '%-8s %12s %12s %14s %14s %7s %10s\n' N "ApiError s" "thiserror s" "ApiError ms/v" "thiserror ms/v" ratio "enum s"
for n in "${sizes[@]}"; do
  api=$(build_seconds "$(generate api "$n")")
  this=$(build_seconds "$(generate thiserror "$n")")
  floor=$(build_seconds "$(generate floor "$n")")
  printf '%-8s %12.2f %12.2f %14.3f %14.3f %7.2f %10.2f\n' "$n" "$api" "$this" \
    "$(echo "$api * 1000 / $n" | bc -l)" "$(echo "$this * 1000 / $n" | bc -l)" "$(echo "$api / $this" | bc -l)" "$floor"
done
