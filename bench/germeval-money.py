#!/usr/bin/env python3
"""Writes the GermEval 2014 sentences that name an amount of money as one-sentence articles.

    bench/germeval-money.py OUT [SHARED]     SHARED defaults to ../shared beside the repository

Each sentence of ../shared/realworld/germeval2014/NER-de-{dev,test}.tsv whose text names an amount
of money becomes OUT/ge-{dev,test}-NNNN.txt (NNNN: the sentence's number in its file, from 1), its
tokens joined back into text. bench/gold/germeval-money.jsonl holds their gold facts. The sentences
stay third-party text: they are written outside the repository and never committed.
"""
import os
import re
import sys

MONEY = re.compile(
    r"(\d[\d.,]*\s*(Mio\.?|Mrd\.?|Millionen|Milliarden|Tausend)?\s*(Euro|EUR|Dollar|US-Dollar|Mark|DM|D-Mark|Franken|Pfund|Schilling|€|\$|Yen|Rubel|Kronen))"
    r"|((Euro|Dollar|€|\$|EUR|US-Dollar)\s*\d)"
    r"|(\b(Millionen|Milliarden|Mio\.|Mrd\.)\s+(Euro|Dollar|Mark|DM|US-Dollar|Franken|Pfund))")


def sentences(path):
    tokens = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                yield tokens
                tokens = []
            continue
        tokens.append(line.split("\t")[1])
    if tokens:
        yield tokens


def detokenize(tokens):
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?)\]])", r"\1", text)
    text = re.sub(r"([(\[„]) ", r"\1", text)
    return text.replace(" “", "“")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    os.makedirs(out, exist_ok=True)
    written = 0
    for part in ("dev", "test"):
        path = os.path.join(shared, "realworld", "germeval2014", f"NER-de-{part}.tsv")
        for number, tokens in enumerate(sentences(path), start=1):
            text = detokenize(tokens)
            if MONEY.search(text):
                with open(os.path.join(out, f"ge-{part}-{number:04d}.txt"), "w", encoding="utf-8") as f:
                    f.write(text + "\n")
                written += 1
    print(f"{written} sentences -> {out}")


if __name__ == "__main__":
    main()
