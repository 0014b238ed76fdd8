#!/usr/bin/env bash
# The full load run: CLIENTS concurrent clients (default 64) x REQUESTS each (default 2000)
# against the axum_server example and a hand-written server answering the same bytes, on
# loopback. Exits 1 if any response differs from the one expected; prints the table
# BENCHMARKS.md keeps.
#
#   scripts/load.sh [CLIENTS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p errwire-tests --example load -- "${1:-64}" "${2:-2000}"
