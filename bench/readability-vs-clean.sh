#!/usr/bin/env bash
# `extract` versus Mozilla Readability (jsdom) on the same generated HTML pages, each in ONE process.
#   bench/readability-vs-clean.sh [PAGES] [SEED]     PAGES defaults to 500, SEED to 20251125
#   Environment: BENCH_PROFILE (Realistic, the default, or Dense), BENCH_DIR.
# What is measured:
#   extract:     `extract clean PAGES --out DIR -q --parallelism 1`, whole process under /usr/bin/time: start-up,
#                reading, decoding, cleaning and writing one .txt per page, one page at a time to match
#                single-threaded Node; a second line shows the default (one page per core), a third the whole
#                pipeline (`extract run --rules-only`: cleaning plus fact extraction, dedup and the JSONL files).
#   readability: node bench/node/readability.mjs, one process: JSDOM parses each page, Readability.parse()
#                extracts the article; whole process under /usr/bin/time, and the in-process split jsdom/readability.
# Ratio = readability wall / extract wall (> 1: extract is faster).
set -euo pipefail
pages="${1:-500}"
seed="${2:-20251125}"
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
usage_or_die "$0" "$@"
profile="${BENCH_PROFILE:-Realistic}"
work="${BENCH_DIR:-/tmp/extract-readability-${profile,,}-$pages-$seed}"

bin="$(build_extract "$root")"
[[ -d "$root/bench/node/node_modules" ]] || (cd "$root/bench/node" && npm ci --no-audit --no-fund >/dev/null)
mkdir -p "$work"
if [[ ! -f "$work/corpus.done" ]]; then
  rm -rf "$work/corpus"
  "$bin" generate --from "$root/samples" --count "$pages" --seed "$seed" --format Html --profile "$profile" --out "$work/corpus" -q
  touch "$work/corpus.done"
fi
bytes="$(folder_bytes "$work/corpus")"

rm -rf "$work/out1" "$work/outN" "$work/outRun"
load="$(load_line)"
/usr/bin/time -v -o "$work/time-extract1.txt" "$bin" clean "$work/corpus" --out "$work/out1" -q --parallelism 1
/usr/bin/time -v -o "$work/time-extractN.txt" "$bin" clean "$work/corpus" --out "$work/outN" -q
/usr/bin/time -v -o "$work/time-run.txt" "$bin" run "$work/corpus" --out "$work/outRun" --rules-only -q --parallelism 1
/usr/bin/time -v -o "$work/time-node.txt" node "$root/bench/node/readability.mjs" "$work/corpus" > "$work/readability.json"

e1="$(wall_seconds "$work/time-extract1.txt")"
er="$(wall_seconds "$work/time-run.txt")"
en="$(wall_seconds "$work/time-extractN.txt")"
nd="$(wall_seconds "$work/time-node.txt")"
echo "$(machine_line); node $(node --version); $load"
echo "pages: $pages HTML pages (profile $profile), $bytes bytes ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB), seed $seed"
awk -v b="$bytes" -v t="$e1" -v r="$(peak_rss_mb "$work/time-extract1.txt")" 'BEGIN{printf "extract clean --parallelism 1: %.2f s wall, %.2f MB/s, peak RSS %d MB\n", t, b/1e6/t, r}'
awk -v b="$bytes" -v t="$en" -v r="$(peak_rss_mb "$work/time-extractN.txt")" -v c="$(nproc)" 'BEGIN{printf "extract clean (parallelism %d): %.2f s wall, %.2f MB/s, peak RSS %d MB\n", c, t, b/1e6/t, r}'
awk -v b="$bytes" -v t="$er" -v r="$(peak_rss_mb "$work/time-run.txt")" 'BEGIN{printf "extract run --rules-only --parallelism 1 (whole pipeline): %.2f s wall, %.2f MB/s, peak RSS %d MB\n", t, b/1e6/t, r}'
awk -v b="$bytes" -v t="$nd" -v r="$(peak_rss_mb "$work/time-node.txt")" 'BEGIN{printf "readability (node, 1 process): %.2f s wall, %.2f MB/s, peak RSS %d MB\n", t, b/1e6/t, r}'
echo "readability in-process: $(cat "$work/readability.json")"
for t in extract1 extractN run node; do
  echo "cpu $t: $(cpu_seconds "$work/time-$t.txt") s user+sys, $(cpu_percent "$work/time-$t.txt") of one core"
done
awk -v a="$nd" -v b="$e1" -v c="$en" -v d="$er" 'BEGIN{printf "ratio readability/extract clean by wall time: %.2f (one page at a time), %.2f (one per core); readability/extract run: %.2f\n", a/b, a/c, a/d}'
awk -v a="$(cpu_seconds "$work/time-node.txt")" -v b="$(cpu_seconds "$work/time-extract1.txt")" 'BEGIN{printf "ratio readability/extract clean by CPU time (one at a time): %.2f\n", a/b}'
