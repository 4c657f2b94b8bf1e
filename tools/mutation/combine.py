#!/usr/bin/env python3
"""A whole-folder run's score after a RERUN of its survivors' lines (tools/mutation/run.sh, RERUN=<report>).

    python3 tools/mutation/combine.py WHOLE/mutation-report.json RERUN/mutation-report.json

A mutant of the whole run that survived or was not covered takes its status from the re-run, where the re-run
holds the same mutant (same file, span, mutator and replacement); every other mutant keeps the whole run's
status. Prints how the survivors fared, the combined counts and score (killed and timed out over killed, timed
out, survived and not covered), and the survivors left, by file and line.
"""
import collections, json, sys


def load(path):
    statuses = {}
    for name, entry in json.load(open(path, encoding="utf-8"))["files"].items():
        rel = name[name.index("src/Extraction/") + len("src/Extraction/"):]
        for m in entry["mutants"]:
            at, to = m["location"]["start"], m["location"]["end"]
            key = (rel, at["line"], at["column"], to["line"], to["column"], m["mutatorName"], m.get("replacement"))
            statuses[key] = (m["status"], m["id"])
    return statuses


whole, rerun = load(sys.argv[1]), load(sys.argv[2])
fates, combined, left = collections.Counter(), collections.Counter(), []
for key, (status, mutant) in whole.items():
    if status in ("Survived", "NoCoverage"):
        if key in rerun:
            fates[f"{status} -> {rerun[key][0]}"] += 1
            status = rerun[key][0]
        else:
            fates[f"{status} -> not in the re-run"] += 1
        if status in ("Survived", "NoCoverage"):
            left.append((key[0], key[1], mutant, status, key[5], key[6]))
    combined[status] += 1
detected = combined["Killed"] + combined["Timeout"]
tested = detected + combined["Survived"] + combined["NoCoverage"]
for fate, n in sorted(fates.items()):
    print(f"{fate}: {n}")
print("combined: " + ", ".join(f"{s} {n}" for s, n in sorted(combined.items())))
print(f"score {100.0 * detected / tested:.1f} % ({detected} of {tested})" if tested else "no mutants")
for rel, line, mutant, status, mutator, replacement in sorted(left):
    print(f"left\t{rel}:{line}\t{mutant}\t{status}\t{mutator}\t{replacement}")
