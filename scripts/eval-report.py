#!/usr/bin/env python3
"""The tables scripts/eval prints after the scorer's own: scores by split
(the original 10 dev articles and the 40 added) and by source, and a
reliability table of `confidence` (bin, count, share correct).

    scripts/eval-report.py GOLD_DIR PREDICTIONS.jsonl [SPLITS.tsv]

Uses the guidelines' scorer (../shared/eval/score.py) for matching, so a
triple counts as correct here exactly when the scorer counts it.
"""
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCORER = os.path.join(HERE, "..", "..", "shared", "eval", "score.py")


def scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def source(doc):
    """The outlet or corpus an article came from, by its file stem."""
    if doc.startswith("bulk-"):
        return "bulk"
    m = re.fullmatch(r"([a-z]+)-\d{3}", doc)
    if m:
        return m.group(1)
    if re.search(r"\d{4}-\d{2}-\d{2}$", doc):
        return "other"
    return "bbc"


def summary(gold_dir, pred, stems):
    """The scorer's last line on the gold files of `stems`."""
    with tempfile.TemporaryDirectory() as tmp:
        for s in stems:
            os.symlink(os.path.abspath(os.path.join(gold_dir, s + ".json")), os.path.join(tmp, s + ".json"))
        out = subprocess.run([sys.executable, SCORER, "--gold", tmp, "--pred", pred], capture_output=True, text=True)
        return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr.strip()


def main():
    gold_dir, pred = sys.argv[1], sys.argv[2]
    splits = sys.argv[3] if len(sys.argv) > 3 else None
    sc = scorer()
    stems = sorted(f[:-5] for f in os.listdir(gold_dir) if f.endswith(".json"))

    groups = collections.defaultdict(list)
    if splits and os.path.exists(splits):
        with open(splits, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    stem, split = line.rstrip("\n").split("\t")[:2]
                    if stem in stems:
                        groups[split].append(stem)
    if groups:
        print("\nBy split:")
        for split in sorted(groups):
            print(f"  {split:9s} {len(groups[split]):3d} articles  {summary(gold_dir, pred, groups[split])}")

    by_source = collections.defaultdict(list)
    for s in stems:
        by_source[source(s)].append(s)
    print("\nBy source:")
    for src in sorted(by_source):
        print(f"  {src:9s} {len(by_source[src]):3d} articles  {summary(gold_dir, pred, by_source[src])}")

    golds = {}
    for s in stems:
        g = sc.Gold(os.path.join(gold_dir, s + ".json"))
        golds[g.doc] = g
    bins = collections.defaultdict(lambda: [0, 0])
    with open(pred, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            g = golds.get(sc.doc_key(t["doc"]))
            if g is None or t.get("modality", "fact") not in sc.SCORED_MODALITIES:
                continue
            right = any(
                sc.canon(s, t["relation"], o) in g.triples
                for s in g.resolve(t["subject"])
                for o in g.resolve(t["object"])
            )
            b = min(int(float(t.get("confidence", 1.0)) * 10), 9)
            bins[b][0] += 1
            bins[b][1] += right
    print("\nReliability of confidence (scored triples: fact and planned):")
    print("  confidence  count  share correct")
    for b in sorted(bins):
        n, right = bins[b]
        print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}    {n:5d}  {right / n:.2f}")
    for cut in (0.5, 0.7, 0.8):
        sel = [(n, r) for b, (n, r) in bins.items() if b >= cut * 10]
        n = sum(x for x, _ in sel)
        r = sum(y for _, y in sel)
        print(f"  >= {cut:.1f}    {n:5d}  {r / n if n else 0:.2f}   (--min-confidence {cut})")


if __name__ == "__main__":
    main()
