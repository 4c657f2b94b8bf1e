#!/usr/bin/env bash
# Mutation testing with Stryker.NET, one source folder at a time (long: not part of CI).
#   tools/mutation/run.sh                 # every stage folder, in the order below
#   tools/mutation/run.sh Dedup Fetch     # the named folders only
# Environment: CONCURRENCY (default 1), NICE (default 15), OUT (default /tmp/extraction-mutation),
# ADDITIONAL_TIMEOUT (ms Stryker adds to a test run's expected time before it aborts it; default 60000).
# SAMPLE=0.1 (with SEED, default 1) mutates only a random sample of the folder's code: each block of
# 10 lines is taken with that probability (a mutant counts when it lies wholly inside a taken block).
# For folders too large to run whole in the time at hand; a score from a sample is labelled as such.
# RERUN=<an earlier run's mutation-report.json> mutates only the lines where that run's survivors and uncovered
# mutants stand (every mutant on those lines, killed ones too), to measure what tests added since kill of them;
# refused if a file changed since that run.
# Each folder's tests are the tests under tests/Extraction.Tests/<folder> plus the end-to-end and
# pinned tests named in FILTER below: a mutant counts as killed only when one of these fails.
# The score per folder is printed at the end and written to $OUT/scores.tsv.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"

CONCURRENCY="${CONCURRENCY:-1}"
NICE="${NICE:-15}"
OUT="${OUT:-/tmp/extraction-mutation}"
mkdir -p "$OUT"

# (target-framework is named because Buildalyzer, which Stryker uses, does not read it from Directory.Build.props.)
# Stryker builds and swaps assemblies in the test project's bin/: it works on a copy of the tracked
# (and new, unignored) files, so a build in the checkout meanwhile neither disturbs nor is disturbed.
# ../shared is linked beside the copy, so the tests that read it in place find it as they would here.
tree="$OUT/tree"
rm -rf "$tree"; mkdir -p "$tree"
( cd "$repo" && git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$tree" )
[ -d "$repo/../shared" ] && ln -sfn "$(cd "$repo/.." && pwd)/shared" "$OUT/shared"
cd "$tree"
dotnet tool restore >/dev/null

# Left out, for time, each a test that covers most of its folder and so would run for nearly every
# mutant: CrashResumeTests (extract as child processes, about 30 s), ScheduleCommandTests (Quartz
# starting and running the CLI), RunUrlsEndToEndTests (the CLI end to end, 7 s), the
# scaling test of RecordBuilder (100,000 facts, 5 s; it guards speed, not results) and the pinned ids
# of a whole samples run (the full pipeline, 15-30 s a mutant in the instrumented build under load;
# the same pinned ids are checked claim by claim by Build_EachPinnedClaimAlone_GetsItsPinnedId), and in the
# Fetch run BadInputTests' page nested just under the depth limit (5.5-7.8 s of cleaning a 1,990-deep page;
# it guards the cleaner, while the fetcher code it passes through is the same as every other BadInputTests
# case's), and
# the real-page floor of Clean (TrafilaturaDev_EveryPage_..., every page of ../shared/realworld's
# benchmark cleaned and scored: 25 s in the ordinary build, reached by nearly every mutant of Clean;
# the cleaning specs of samples and seeds and the focused Clean tests stay in). They still run in the ordinary suite; a mutant only they would kill counts as survived here.
# Recognize (2026-12-06): its word lists were static arrays, and a mutant in a static initialiser runs every
# test of the filter (about 2.5 minutes a mutant under load). They are data in models/ now (read by
# Pipeline/ModelFiles, outside the folder), which took 570 mutants out; 95 static mutants are left (the
# loading and the number-word trie). No slow test dominates the rest: the 580 tests of the filter take
# 13 s in all, the slowest 1.9 s. What does: Stryker's VsTest runner starts a new test host for each
# mutant, which discovers the whole test assembly again; about 4.5 s a mutant before any test runs at
# load 30. Stryker then tests mutants in groups whose tests do not overlap, and what dominates is endless
# loops (a loop counter turned the wrong way): a group holding one runs until the timeout, the expected
# time plus ADDITIONAL_TIMEOUT (60 s by default); in the first 6 group runs 3 did, 340 of 370 s. At that
# rate the folder's 1,986 mutants need hours on the shared 2-core machine: a run on a quiet machine, or
# SAMPLE with a smaller ADDITIONAL_TIMEOUT (a run aborted at the timeout may be reported as survived, so
# the survivors of such a run are read before they count).
declare -A FILTER=(
  [Recognize]='FullyQualifiedName~Extraction.Tests.Recognize|FullyQualifiedName~Extraction.Tests.Facts'
  [Facts]='FullyQualifiedName~Extraction.Tests.Facts'
  [Dedup]='(FullyQualifiedName~Extraction.Tests.Dedup&FullyQualifiedName!~ScalesWithoutPairwiseComparison&FullyQualifiedName!~Run_Samples_RecordsOfPinnedClaimsKeepTheirIds)'
  [Store]='(FullyQualifiedName~Extraction.Tests.Store&FullyQualifiedName!~CrashResumeTests&FullyQualifiedName!~ScheduleCommandTests)'
  [Fetch]='(FullyQualifiedName~Extraction.Tests.Fetch&FullyQualifiedName!~RunUrlsEndToEndTests)|(FullyQualifiedName~Extraction.Tests.Pipeline.BadInputTests&FullyQualifiedName!~Process_HtmlNestedJustUnderTheLimit)|FullyQualifiedName~Extraction.Tests.Feeds.PolitenessTests'
  [Clean]='(FullyQualifiedName~Extraction.Tests.Clean&FullyQualifiedName!~TrafilaturaDev_EveryPage)'
)

folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=(Dedup Fetch Store Recognize Facts Clean)

for f in "${folders[@]}"; do
  [ -n "${FILTER[$f]:-}" ] || { echo "unknown folder: $f (one of ${!FILTER[*]})" >&2; exit 2; }
  dir="$OUT/$f"
  rm -rf "$dir"; mkdir -p "$dir"
  mutate="[\"**/$f/**/*.cs\"]"
  if [ -n "${RERUN:-}" ]; then
    # The lines of the survivors and uncovered mutants of an earlier run's report (the source unchanged since).
    mutate=$(python3 - "$f" "$RERUN" <<'PY'
import json, os, sys
folder, report = sys.argv[1], sys.argv[2]
patterns = []
for path, entry in sorted(json.load(open(report, encoding="utf-8"))["files"].items()):
    rel = path[path.index("src/Extraction/") + len("src/Extraction/"):]
    if not rel.startswith(folder + "/"):
        continue
    lines = {l for m in entry["mutants"] if m["status"] in ("Survived", "NoCoverage")
             for l in range(m["location"]["start"]["line"], m["location"]["end"]["line"] + 1)}
    if not lines:
        continue
    with open(os.path.join("src/Extraction", rel), encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    if text != entry["source"].lstrip("\ufeff"):
        sys.exit(f"{rel} changed since the run of {report}: its lines no longer match; run the folder again")
    starts, at = [], 0
    for line in text.splitlines(keepends=True):
        starts.append((at, at + len(line)))
        at += len(line)
    patterns.append(f"**/{rel}" + "".join(f"{{{starts[l - 1][0]}..{starts[l - 1][1]}}}" for l in sorted(lines)))
print(json.dumps(patterns))
PY
)
    echo "$f: the survivors' lines of $RERUN" >&2
  elif [ -n "${SAMPLE:-}" ]; then
    # Stryker takes spans of characters after a pattern: "**/Recognize/Lexicon.cs{120..480}{900..1300}".
    mutate=$(python3 - "$f" "$SAMPLE" "${SEED:-1}" <<'PY'
import json, os, random, sys
folder, fraction, seed = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
base = os.path.join("src/Extraction", folder)
patterns = []
for root, dirs, files in os.walk(base):
    dirs.sort()
    for name in sorted(f for f in files if f.endswith(".cs")):
        path = os.path.join(root, name)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            lines = fh.read().splitlines(keepends=True)
        spans, at = [], 0
        for i in range(0, len(lines), 10):
            block = sum(len(l) for l in lines[i:i + 10])
            if rng.random() < fraction:
                spans.append(f"{{{at}..{at + block}}}")
            at += block
        if spans:
            patterns.append(f"**/{os.path.relpath(path, 'src/Extraction')}" + "".join(spans))
print(json.dumps(patterns))
PY
)
    echo "$f: sample $SAMPLE (seed ${SEED:-1}) of 10-line blocks: $mutate" >&2
  fi
  echo "== $f: tests ${FILTER[$f]}" >&2
  # Stryker's settings are kept in a config file: its --test-case-filter is not a command-line option.
  # additional-timeout is generous: on a loaded machine a run that hits Stryker's timeout is aborted,
  # and Stryker 5.1 then reported the mutant as survived (seen in the Dedup run at 10 s).
  cat > "$dir/stryker-config.json" <<JSON
{
  "stryker-config": {
    "project": "Extraction.csproj",
    "test-projects": ["$PWD/tests/Extraction.Tests/Extraction.Tests.csproj"],
    "mutate": $mutate,
    "test-case-filter": "${FILTER[$f]}",
    "target-framework": "net10.0",
    "coverage-analysis": "perTest",
    "concurrency": $CONCURRENCY,
    "reporters": ["json", "html", "progress"],
    "additional-timeout": ${ADDITIONAL_TIMEOUT:-60000},
    "thresholds": { "high": 80, "low": 75, "break": 0 }
  }
}
JSON
  ( cd src/Extraction && /usr/bin/time -f "$f: %e s wall, %U s user, %S s sys" \
      nice -n "$NICE" dotnet stryker --config-file "$dir/stryker-config.json" --output "$dir" --log-to-file ) \
      > "$dir/stryker.log" 2>&1 || { echo "$f: stryker failed, see $dir/stryker.log" >&2; continue; }
  tail -1 "$dir/stryker.log" >&2
  report=$(find "$dir" -name mutation-report.json | head -1)
  python3 - "$f" "$report" <<'PY' | tee -a "$OUT/scores.tsv"
import json, sys, collections
folder, path = sys.argv[1], sys.argv[2]
c = collections.Counter()
for f in json.load(open(path))["files"].values():
    for m in f["mutants"]:
        c[m["status"]] += 1
killed = c["Killed"] + c["Timeout"]
detectable = killed + c["Survived"] + c["NoCoverage"]
score = 100.0 * killed / detectable if detectable else 0.0
print(f"{folder}\t{score:.1f}%\tkilled {c['Killed']}\ttimeout {c['Timeout']}\tsurvived {c['Survived']}"
      f"\tno coverage {c['NoCoverage']}\tignored {c['Ignored']}\tcompile errors {c['CompileError']}")
PY
done
