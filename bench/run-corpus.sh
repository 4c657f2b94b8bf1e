#!/usr/bin/env bash
# End-to-end throughput of `extract run --rules-only` (or with the models, BENCH_MODELS) on a generated corpus.
#   bench/run-corpus.sh [COUNT] [SEED]      COUNT defaults to 10000, SEED to 20251125
# Environment: BENCH_PROFILE (Realistic, the default, or Dense: see `extract generate --help`),
#              BENCH_DIR (default /tmp/extract-bench-PROFILE-COUNT-SEED), BENCH_TIMEOUT (seconds, default none),
#              BENCH_PARALLELISM (default: the pipeline's, one article per core).
#              BENCH_BUILD (r2r, the default: the CLI published with ReadyToRun, as installed for nightly runs; jit: plain `dotnet build`),
#              BENCH_MODELS (a models folder, e.g. models/ml: runs with `--models FOLDER` instead of `--rules-only`;
#              a relative path is taken from the repository root).
# The corpus is generated once per COUNT and SEED and reused (same seed -> same bytes). The run reads it
# from a warm page cache, as right after generation; wall time includes process start and the output writing.
set -euo pipefail
count="${1:-10000}"
seed="${2:-20251125}"
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
usage_or_die "$0" "$@"
profile="${BENCH_PROFILE:-Realistic}"
work="${BENCH_DIR:-/tmp/extract-bench-${profile,,}-$count-$seed}"

config=(--rules-only)
if [[ -n "${BENCH_MODELS:-}" ]]; then
  models="$BENCH_MODELS"
  [[ "$models" == /* ]] || models="$root/$models"
  [[ -d "$models" ]] || { echo "$(basename "$0"): BENCH_MODELS: no folder $models" >&2; exit 2; }
  config=(--models "$models")
fi

bin="$(build_extract "$root")"
mkdir -p "$work"
if [[ ! -f "$work/corpus.done" ]]; then
  rm -rf "$work/corpus"
  "$bin" generate --from "$root/samples" --count "$count" --seed "$seed" --profile "$profile" --out "$work/corpus" | tee "$work/generate.txt"
  touch "$work/corpus.done"
fi

rm -rf "$work/out"
load="$(load_line)"
extra=()
[[ -n "${BENCH_PARALLELISM:-}" ]] && extra+=(--parallelism "$BENCH_PARALLELISM")
limit=()
[[ -n "${BENCH_TIMEOUT:-}" ]] && limit=(timeout "$BENCH_TIMEOUT")
status=0
/usr/bin/time -v -o "$work/time.txt" "${limit[@]}" "$bin" run "$work/corpus" --out "$work/out" "${config[@]}" -q "${extra[@]}" || status=$?

bytes="$(folder_bytes "$work/corpus")"
wall="$(wall_seconds "$work/time.txt")"
rss="$(peak_rss_mb "$work/time.txt")"
echo "$(machine_line); $load"
echo "command: extract run $work/corpus --out $work/out ${config[*]} -q ${extra[*]:-}"
if [[ $status -eq 124 ]]; then
  echo "corpus: $count articles, $bytes bytes; DID NOT FINISH within ${BENCH_TIMEOUT} s; peak RSS so far $rss MB"
  exit 1
fi
articles="$(grep -m1 -o '"articles": [0-9]*' "$work/out/run.json" | grep -o '[0-9]*$')"
facts="$(grep -m1 -o '"facts": [0-9]*' "$work/out/run.json" | grep -o '[0-9]*$')"
records="$(grep -m1 -o '"records": [0-9]*' "$work/out/run.json" | grep -o '[0-9]*$')"
timings="$(tr -d ' \n' < "$work/out/run.json" | grep -o '"timings_ms":{[^}]*}')"
memory="$(tr -d ' \n' < "$work/out/run.json" | grep -o '"memory_mb":{[^}]*}' || true)"
awk -v p="$profile" -v n="$articles" -v b="$bytes" -v w="$wall" -v r="$rss" -v c="$count" -v f="$facts" -v rec="$records" -v s="$status" \
    -v cpu="$(cpu_seconds "$work/time.txt")" -v pct="$(cpu_percent "$work/time.txt")" 'BEGIN {
  printf "corpus: %d articles (profile %s), %.0f bytes (%.1f MB); exit %d\n", c, p, b, b / 1e6, s
  printf "result: %d articles, %d facts, %d records in %.1f s wall: %.1f articles/s, %.2f MB/s, peak RSS %d MB\n", n, f, rec, w, n / w, b / 1e6 / w, r
  printf "cpu: %.1f s user+sys (%s of one core on average): %.2f MB per CPU-second, %.1f articles per CPU-second\n", cpu, pct, b / 1e6 / cpu, n / cpu
}'
echo "pipeline timings: $timings"
echo "pipeline memory: $memory"
