#!/usr/bin/env python3
"""Whole-process benchmark: qanda's CLI against whole processes of its peers.

Every command runs once over the same files per round (the ASB pages, gzip),
in an order that rotates each round, so drift of a busy machine spreads over
all of them; the table gives medians. Every tool pays the reading and
gunzipping alike, so the ratios that count are net of a process that only
reads and gunzips ("read"). Timing only, no assertions: make bench-cli.

  tools/bench_cli.py --bin bin/qanda --peers bin/peers --corpus ../shared/corpus/asb --rounds 5
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="bin/qanda")
    ap.add_argument("--peers", default="bin/peers")
    ap.add_argument("--corpus", default="../shared/corpus/asb")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()

    files = sorted(glob.glob(os.path.join(a.corpus, "html", "*.html.gz")) +
                   glob.glob(os.path.join(a.corpus, "html", "*.html")))
    if not files:
        print(f"bench-cli: no pages under {a.corpus}/html, nothing to time")
        return 0
    qanda = [a.bin, "extract", "--format", "jsonl", "--quiet"]
    cmds = {
        "read": [a.peers, "-process", "read"] + files,
        "qanda": qanda + ["--jobs", "1"] + files,
        "qanda --no-site-boilerplate": qanda + ["--jobs", "1", "--no-site-boilerplate"] + files,
        "qanda --jobs 2": qanda + ["--jobs", "2"] + files,
        "go-trafilatura": [a.peers, "-process", "trafilatura"] + files,
        "go-readability": [a.peers, "-process", "readability"] + files,
    }
    names = list(cmds)
    secs = {n: [] for n in names}
    for n in names:  # warm-up: page cache, first-run costs
        run(cmds[n])
    for r in range(a.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            secs[n].append(run(cmds[n]))
    med = {n: statistics.median(s) for n, s in secs.items()}
    net = {n: max(med[n] - med["read"], 1e-9) for n in names}

    print(f"{len(files)} pages, {a.rounds} rounds, medians of whole processes (wall time)")
    print()
    print("| command | median s | net of reading s | runs (s) |")
    print("|---|---:|---:|---|")
    for n in names:
        runs = " ".join(f"{x:.2f}" for x in secs[n])
        print(f"| `{n}` | {med[n]:.3f} | {net[n] if n != 'read' else 0:.3f} | {runs} |")
    print()
    rows = [
        ("qanda vs go-trafilatura, net", net["go-trafilatura"] / net["qanda"], ">= 3"),
        ("qanda vs go-readability, net", net["go-readability"] / net["qanda"], ">= 2"),
        ("site learning over --no-site-boilerplate, net",
         net["qanda"] / net["qanda --no-site-boilerplate"] - 1, "<= 0.15"),
        ("--jobs 2 speed-up over --jobs 1", med["qanda"] / med["qanda --jobs 2"], ">= 1.7"),
        ("--jobs 2 speed-up over --jobs 1, net", net["qanda"] / net["qanda --jobs 2"], ""),
        # The same speed-up as the median of each round's ratio: the two
        # runs of a round are seconds apart, so drift in the machine's
        # speed (other jobs, a busy host) moves it less.
        ("--jobs 2 speed-up over --jobs 1, median of rounds",
         statistics.median(a / b for a, b in zip(secs["qanda"], secs["qanda --jobs 2"])), ""),
    ]
    print("| ratio | value | target |")
    print("|---|---:|---|")
    for name, v, target in rows:
        print(f"| {name} | {v:.2f} | {target} |")
    return 0


def run(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if p.returncode not in (0, 1):  # 1: some page had no interview or failed, still timed
        sys.exit(f"bench-cli: {' '.join(cmd[:4])} ... exited {p.returncode}: {p.stderr.decode()[:300]}")
    return took


if __name__ == "__main__":
    sys.exit(main())
