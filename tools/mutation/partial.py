#!/usr/bin/env python3
"""What a Stryker.NET run stopped before its end had found: Stryker writes its report only at the end.

    python3 tools/mutation/partial.py $OUT/<folder>/logs 887 17

Reads the trace logs of `run.sh` (--log-to-file): each test run's outcome (log-*.txt), the mutants of each
run and their tests (the run settings in "Runner 0-log.txt") and the tests that failed ([FAIL] lines of the
test-host logs). A mutant's last finished run decides: a one-mutant run that failed, or a group run Stryker
stopped as every mutant in it was killed, is a kill; a run with no failure is a survivor (Stryker 5.1 also
reports a run aborted at its timeout so); in a group run that failed otherwise, a mutant is killed when one
of its own tests is named as failed, else "not seen killed" (an upper bound on survivors: some failures are
reported without a [FAIL] line). Arguments: the logs folder, the mutants to test and those not covered,
as Stryker printed them at the start.
"""
import glob, json, os, re, sys

logs, total, uncovered = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
main = open(glob.glob(os.path.join(logs, "log-*.txt"))[0], encoding="utf-8", errors="replace").read()
main = main[main.index("total mutants will be tested"):]

# With CONCURRENCY > 1 the runners' lines interleave: "Runner N": Testing [...] and "Runner N": Each
# mutant's fate ... name their runner; "Test run for ..." does not, but names the run's mutants.
current, stopped, last = {}, set(), {}
finished = 0
for n, line in enumerate(main.splitlines()):
    m = re.search(r'"Runner (\d+)": Testing \[(.*)\]', line)
    if m:
        current[m.group(1)] = frozenset(re.findall(r"(\d+): ", m.group(2)))
        continue
    m = re.search(r'"Runner (\d+)": Each mutant\'s fate has been established', line)
    if m and m.group(1) in current:
        stopped.add(current[m.group(1)])
        continue
    m = re.search(r'Test run for "([^"]*)" is "(\w+)"', line)
    if not m:
        continue
    finished += 1
    ids = re.findall(r"(\d+): ", m.group(1))
    if m.group(2) == "success":
        verdict = "survived"
    elif frozenset(ids) in stopped or len(ids) == 1:
        verdict = "killed"
    else:
        verdict = "group"
    for i in ids:
        last[i] = (verdict, n)

def started(path):
    h, m, s = re.search(r"host\.\d\d-\d\d-\d\d_(\d\d)-(\d\d)-(\d\d)", path).groups()
    return f"{h}:{m}:{s}"

# Each runner's runs (mutants and their tests), in order, paired with the test hosts that runner started.
named = {}
for runner_log in sorted(glob.glob(os.path.join(logs, "Runner *-log.txt"))):
    runner = os.path.basename(runner_log)[:-len("-log.txt")]
    runs = []
    for line in open(runner_log, encoding="utf-8", errors="replace"):
        if "GetTestRunnerProcessStartInfoForRun" not in line:
            continue
        at = re.search(r"\d{4}/\d\d/\d\d, (\d\d:\d\d:\d\d)", line).group(1)
        payload = json.loads(line[line.index('{"Version"'):])["Payload"]
        names = {t["Id"]: t["DisplayName"] for t in payload.get("TestCases") or []}
        tests = {m.group(1): [names.get(t, "") for t in m.group(2).split(",") if t]
                 for m in re.finditer(r"Mutant id='(\d+)' tests='([^']*)'", payload.get("RunSettings") or "")}
        runs.append((at, tests))
    hosts = sorted(glob.glob(os.path.join(logs, glob.escape(runner) + "-log.host.*.txt")), key=started)
    h = 0
    for at, tests in runs:
        while h < len(hosts) and started(hosts[h]) < at:
            h += 1
        if h >= len(hosts):
            break
        failed = set(m.group(1).strip() for m in re.finditer(
            r"\[xUnit\.net [\d:.]+\]\s+(Extraction\.Tests\.\S.*?) \[FAIL\]", open(hosts[h], encoding="utf-8", errors="replace").read()))
        h += 1
        for mutant, names in tests.items():
            named[mutant] = named.get(mutant, False) or any(n in failed for n in names)

killed = sorted((k for k, v in last.items() if v[0] == "killed"), key=int)
survived = sorted((k for k, v in last.items() if v[0] == "survived"), key=int)
group = [k for k, v in last.items() if v[0] == "group"]
group_killed = [k for k in group if named.get(k)]
unseen = sorted((k for k in group if not named.get(k)), key=int)
done = len(last)
low, high, den = len(killed) + len(group_killed), len(killed) + len(group), done + uncovered
print(f"test runs finished: {finished}; mutants with a finished run: {done} of {total}")
print(f"killed {len(killed)}; killed by a named failed test {len(group_killed)}; survived {len(survived)}; not seen killed {len(unseen)}")
print(f"with the {uncovered} uncovered: {low}..{high} of {den} killed = {100 * low / den:.1f} % .. {100 * high / den:.1f} % (the part tested only)")
print("survived:", " ".join(survived))
print("not seen killed:", " ".join(unseen))
