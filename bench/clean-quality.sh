#!/usr/bin/env bash
# Main-text quality of `extract clean` on real pages, with Mozilla Readability (jsdom) side by side on the same pages.
#   bench/clean-quality.sh [PAGES] [EVALDATA]
#   PAGES     folder of .html pages (default: ../shared/realworld/trafilatura-dev/pages, read in place)
#   EVALDATA  the pages' segments, trafilatura benchmark format: {"page.html": {"with": [...], "without": [...]}}
#             (default: evaldata.json beside PAGES)
#   Environment: BENCH_DIR (scratch, default /tmp/extract-clean-quality), SKIP_READABILITY=1 (extract only).
# Scoring is trafilatura's benchmark method (its tests/eval_common.py, as ../shared/.../score.py): white space
# normalised, substring match; a "with" segment found is a true positive, missing a false negative; a "without"
# segment found is a false positive. Also lists pages with "with" segments whose output is empty.
# CPU seconds (user+sys, GNU time) are the whole process for each tool, one page at a time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 0
fi
pages="$(cd "${1:-$root/../shared/realworld/trafilatura-dev/pages}" 2>/dev/null && pwd)" \
  || { echo "clean-quality: no pages folder ${1:-../shared/realworld/trafilatura-dev/pages} (../shared absent?)" >&2; exit 2; }
evaldata="${2:-$(dirname "$pages")/evaldata.json}"
[[ -f "$evaldata" ]] || { echo "clean-quality: no segments file $evaldata" >&2; exit 2; }
work="${BENCH_DIR:-/tmp/extract-clean-quality}"
mkdir -p "$work"

bin="$(build_extract "$root")"
score() { # OUTDIR LABEL TIMEFILE
  python3 - "$evaldata" "$1" "$2" "$(cpu_seconds "$3")" <<'PY'
import json, os, re, sys
evaldata, out, label, cpu = sys.argv[1:5]
norm = lambda t: re.sub(r"\s+", " ", t).strip()
data = json.load(open(evaldata, encoding="utf-8"))
tp = fp = fn = tn = 0
empty = []
for page, it in sorted(data.items()):
    p = os.path.join(out, page + ".txt")
    res = norm(open(p, encoding="utf-8", errors="replace").read()) if os.path.isfile(p) else ""
    t = sum(1 for w in it["with"] if norm(w) in res)
    f = sum(1 for w in it["without"] if norm(w) in res)
    tp += t; fp += f; fn += len(it["with"]) - t; tn += len(it["without"]) - f
    if it["with"] and not res:
        empty.append(page)
P = tp / (tp + fp) if tp + fp else 0
R = tp / (tp + fn) if tp + fn else 0
F = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0
print(f"| {label} | {len(data)} | {P:.3f} | {R:.3f} | {F:.3f} | {len(empty)} | {cpu} s |")
if empty:
    print(f"|   empty although segments say there is main text: {' '.join(empty[:20])}{' ...' if len(empty) > 20 else ''} | | | | | | |")
PY
}

load="$(load_line)"
rm -rf "$work/extract"
/usr/bin/time -v -o "$work/time-extract.txt" "$bin" clean "$pages" --out "$work/extract" -q --parallelism 1
readability=""
if [[ "${SKIP_READABILITY:-}" != 1 ]]; then
  [[ -d "$root/bench/node/node_modules" ]] || (cd "$root/bench/node" && npm ci --no-audit --no-fund >/dev/null)
  rm -rf "$work/readability"
  /usr/bin/time -v -o "$work/time-readability.txt" node "$root/bench/node/readability-text.mjs" "$pages" "$work/readability" > "$work/readability.json"
  readability=1
fi

echo "$(machine_line); $load"
echo "pages: $pages ($(find "$pages" -maxdepth 1 -name '*.html' | wc -l) .html, $(folder_bytes "$pages") bytes); segments: $evaldata"
echo
echo "| extractor | pages | precision | recall | F1 | empty pages with main text | CPU user+sys |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
score "$work/extract" "extract clean (--parallelism 1)" "$work/time-extract.txt"
if [[ -n "$readability" ]]; then
  score "$work/readability" "Readability 0.6.0 + jsdom 26.1.0 (node)" "$work/time-readability.txt"
  awk -v e="$(cpu_seconds "$work/time-extract.txt")" -v r="$(cpu_seconds "$work/time-readability.txt")" \
    'BEGIN { printf "\nCPU ratio Readability / extract: %.1fx\n", r / e }'
fi
