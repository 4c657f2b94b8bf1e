#!/usr/bin/env bash
# Fact quality per corpus, rules only (the default) and with the opt-in models of models/ml: amounts, amounts with actor,
# hardware and records F1 (extract eval).
#   bench/fact-quality.sh [EXTRACT]     EXTRACT defaults to the Debug build of the CLI.
# Corpora: samples/ (in the repository), and when present ../shared/seeds, ../shared/realworld/news and the
# German pages of ../shared/realworld/trafilatura-dev that mention money (gold: bench/gold/realworld-pages.jsonl) and
# the GermEval 2014 sentences that name money (gold: bench/gold/germeval-money.jsonl).
# Figures on corpora the rules were developed against are development figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/src/Extraction.Cli/bin/Debug/net10.0/extract}"
[[ -x "$bin" ]] || { echo "no extract binary at $bin (dotnet build Extraction.sln first)" >&2; exit 2; }
work="$(mktemp -d /tmp/fact-quality.XXXXXX)"
trap 'rm -rf "$work"' EXIT

corpora=("samples|$root/samples|$root/samples/gold.jsonl")
[[ -d "$root/../shared/seeds" ]] && corpora+=("seeds|$root/../shared/seeds|$root/../shared/seeds/gold.jsonl")
[[ -d "$root/../shared/realworld/news" ]] && corpora+=("realworld/news|$root/../shared/realworld/news/articles|$root/../shared/realworld/news/gold.jsonl")
# The pages' gold is the project's own annotation (bench/gold/README.md); the pages stay in ../shared.
[[ -d "$root/../shared/realworld/trafilatura-dev/pages" ]] && corpora+=("realworld/pages|$root/../shared/realworld/trafilatura-dev/pages|$root/bench/gold/realworld-pages.jsonl")
# The GermEval sentences that name money, one file each, written outside the repository (bench/germeval-money.py).
if [[ -d "$root/../shared/realworld/germeval2014" ]]; then
  python3 "$root/bench/germeval-money.py" "$work/germeval-money" "$root/../shared" >/dev/null
  corpora+=("realworld/germeval-money|$work/germeval-money|$root/bench/gold/germeval-money.jsonl")
fi

echo "| corpus | config | amounts F1 | amounts+actor F1 | hardware F1 | records F1 |"
echo "| --- | --- | --- | --- | --- | --- |"
for c in "${corpora[@]}"; do
  IFS='|' read -r name input gold <<<"$c"
  for config in "rules + models" "rules only"; do
    flags=(--models "$root/models/ml"); [[ "$config" == "rules only" ]] && flags=(--rules-only)
    out="$work/${name//\//-}-${config// /}"
    "$bin" run "$input" --out "$out" --no-store -q "${flags[@]}" >/dev/null 2>&1 || true  # failed inputs are named in run.json; their gold counts as missed
    "$bin" eval --gold "$gold" --facts "$out/facts.jsonl" --json | python3 -c '
import json, sys
r = json.load(sys.stdin); name, config = sys.argv[1], sys.argv[2]
f1 = ["%.3f" % r[m]["f1"] for m in ("amounts", "amounts+actor", "hardware", "records")]
print("| " + name + " | " + config + " | " + " | ".join(f1) + " |")' "$name" "$config"
  done
done
