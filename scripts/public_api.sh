#!/usr/bin/env bash
# The public surface of errwire, pinned: cargo-public-api lists every public item (from
# rustdoc's JSON, which needs the nightly toolchain) with all features on, and the list must
# equal error-core/public-api.txt, so a change to the surface shows in review.
#
#   scripts/public_api.sh           check (CI runs this)
#   scripts/public_api.sh --bless   rewrite error-core/public-api.txt after a deliberate change
set -euo pipefail
cd "$(dirname "$0")/.."
pinned=error-core/public-api.txt
if ! command -v cargo-public-api >/dev/null; then
  cargo install --locked cargo-public-api --version 0.52.0
fi
# Blanket and auto-trait impls (`impl<T> From<T> for T`, `Send`) follow from the items.
listed=$(cargo public-api --package errwire --all-features -ss 2>/dev/null)
if [ "${1:-}" = --bless ]; then
  printf '%s\n' "$listed" > "$pinned"
  echo "wrote $pinned"
elif ! diff -u "$pinned" <(printf '%s\n' "$listed"); then
  echo "errwire's public surface changed: review the diff above, then run $0 --bless" >&2
  exit 1
else
  echo "public surface: $(wc -l < "$pinned") items, as pinned"
fi
