#!/usr/bin/env python3
"""Score the HTML gold as text dumps wrapped at a given width (make eval).

The gold-text set holds dumps made with `w3m -dump -cols 100000` (one line
per paragraph); a user who runs `w3m -dump page.html` gets lines wrapped at
80 columns. This renders every page of GOLD (default ../shared/gold) with w3m
at each width given, writes a gold file per page pointing at the dump, and
runs score.py on them. Gold pages whose input is already text are skipped.

Usage: tools/gold_at_width.py [--bin bin/qanda] [--shared ../shared] [--cols 60,80,132]
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="bin/qanda")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--cols", default="80")
    args = ap.parse_args()
    if not shutil.which("w3m"):
        print("gold_at_width: w3m not found, skipping (apt-get install w3m)")
        return 0
    gold = os.path.join(args.shared, "gold")
    for cols in args.cols.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            for g in sorted(glob.glob(os.path.join(gold, "*.json"))):
                with open(g, encoding="utf-8") as f:
                    d = json.load(f)
                if not d["input"].lower().endswith((".html", ".htm")):
                    # A text page is already a dump; w3m would read it as
                    # HTML and run its lines together.
                    continue
                with open(os.path.normpath(os.path.join(gold, d["input"])), "rb") as f:
                    raw = f.read()
                r = subprocess.run(["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", cols],
                                   input=raw, capture_output=True, check=False)
                dump = os.path.join(tmp, d["id"] + ".txt")
                with open(dump, "wb") as f:
                    f.write(r.stdout)
                d["input"], d["format"] = dump, "text"
                with open(os.path.join(tmp, os.path.basename(g)), "w", encoding="utf-8") as f:
                    json.dump(d, f, ensure_ascii=False)
            out = subprocess.run([sys.executable, os.path.join(args.shared, "eval", "score.py"), "--run",
                                  args.bin + " extract --format json {input}", tmp],
                                 capture_output=True, text=True, check=False).stdout.strip().splitlines()
            print(f"gold as w3m dumps at {cols} columns: {out[-1] if out else 'no output'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
