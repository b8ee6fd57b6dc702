#!/usr/bin/env bash
# Seeds each fuzz target's corpus: the shipped event files (as the mutated
# file of `load_compare_render`), the kept regression inputs and hostile
# shapes (for `any_file`), and a few byte strings (for `structured_dataset`).
# Usage: fuzz/seeds.sh  (from the repository root), then
#   cargo +nightly fuzz run -s none <target> -- -max_total_time=1800
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/load_compare_render fuzz/corpus/any_file fuzz/corpus/structured_dataset
i=0
for f in $(ls data/*.toml | grep -v -e sources.toml -e vocabulary.toml | sort); do
  { printf "\\x$(printf %02x $i)"; cat "$f"; } > "fuzz/corpus/load_compare_render/seed-$(basename "$f" .toml)"
  i=$((i + 1))
done
cp tests/fuzz-regressions/seed-* tests/fuzz-regressions/*.toml fuzz/corpus/any_file/ 2>/dev/null || true
cp tests/fixtures/hostile/*.toml fuzz/corpus/any_file/ 2>/dev/null || true
# The shapes of benches/hostile.rs, small.
cargo bench --quiet --bench hostile -- --seeds fuzz/corpus/any_file
for n in 1 2 3 4 5 6 7 8; do
  head -c $((n * 64)) /dev/urandom > "fuzz/corpus/structured_dataset/seed-$n"
done
echo "seeded: $(ls fuzz/corpus/load_compare_render | wc -l) / $(ls fuzz/corpus/any_file | wc -l) / $(ls fuzz/corpus/structured_dataset | wc -l)"
