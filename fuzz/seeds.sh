#!/usr/bin/env bash
# Seeds each fuzz target's corpus: the shipped event files (as the mutated
# file of `load_compare_render`), the kept regression inputs and hostile
# shapes (for `any_file`), and a few byte strings (for `structured_dataset`).
# Usage: fuzz/seeds.sh  (from the repository root), then
#   cargo +nightly fuzz run -s none <target> -- -max_total_time=1800
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/load_compare_render fuzz/corpus/any_file fuzz/corpus/structured_dataset \
  fuzz/corpus/import_sheet fuzz/corpus/quote_hint
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
# Sheets: the template, and every shipped event as `list` writes it (CSV and TSV).
cargo run --quiet -- import --template > fuzz/corpus/import_sheet/seed-template
for e in kilisali-2021 september-2022 tavush-2020; do
  cargo run --quiet -- list --event "$e" --format csv > "fuzz/corpus/import_sheet/seed-$e.csv"
  cargo run --quiet -- list --event "$e" --format tsv > "fuzz/corpus/import_sheet/seed-$e.tsv"
done
# A document text, NUL, a quote near it.
printf 'Le ministère a déclaré que l’Azerbaïdjan avait accepté un cessez-le-feu.\0le Ministère a déclaré' > fuzz/corpus/quote_hint/seed-case
printf 'TOKEN=ghp_0123456789abcdefghij\0TOKEN=ghp_0123X' > fuzz/corpus/quote_hint/seed-prefix
head -c 4000 data/documents/kilisali-2021.fr.txt > fuzz/corpus/quote_hint/seed-article
printf '\0' >> fuzz/corpus/quote_hint/seed-article
head -c 300 data/documents/kilisali-2021.fr.txt | tail -c 120 | tr 'a-z' 'A-Z' >> fuzz/corpus/quote_hint/seed-article
echo "seeded: $(ls fuzz/corpus/load_compare_render | wc -l) / $(ls fuzz/corpus/any_file | wc -l) / $(ls fuzz/corpus/structured_dataset | wc -l) / $(ls fuzz/corpus/import_sheet | wc -l) / $(ls fuzz/corpus/quote_hint | wc -l)"
