#!/usr/bin/env python3
"""Ablation: switch each cleaning rule and interview format off in turn and
print what it earns (make eval-ablate).

For every name `qanda rules` lists, runs the scorers with
`--disable-rule NAME` and prints the change against all rules on: pair F1,
answer F1 and docs with leaks on the HTML gold and on the text-dump gold,
ASB main-text F1 and the format zoo's pair F1 (its renderings written by
go test, scored by score.py), and trafilatura's evaluation pages (corpus/traf)
as HTML and as w3m text dumps; and the pages the rule fires on (removes or moves a
block, or gives an exchange). On the traf pages a rule can only change the pages it
fires on, so only those are run again with it off (the rest keep their counts). A positive delta means the score drops when
the rule is off, i.e. the rule helps. Verdicts: "no effect" (no score moves
and it fires nowhere), "one page" (it fires on one page only), "hurts"
(a score rises without it).

Usage: tools/ablate.py [--bin bin/qanda] [--shared ../shared] [--jobs 2]
                       [--only NAME,...] [--asb-limit N] [--no-zoo] [--no-traf]
"""

import argparse
import concurrent.futures as cf
import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PAIR_RE = re.compile(r"pair P [\d.]+ R [\d.]+ F1 ([\d.]+); answer F1 ([\d.]+); docs with leaks (\d+)")
ASB_RE = re.compile(r"TOTAL docs \d+ errors \d+ precision [\d.]+ recall [\d.]+ F1 ([\d.]+)")


def run_scorer(args, script, target, disabled, extra=()):
    cmd = args.bin + " extract --format json"
    if disabled:
        cmd += " --disable-rule " + disabled
    cmd += " {input}"
    out = subprocess.run(
        [sys.executable, os.path.join(args.shared, "eval", script), "--run", cmd, target, *extra],
        capture_output=True, text=True, check=False).stdout
    return out.strip().splitlines()[-1] if out.strip() else ""


def measure(args, disabled):
    """Scores with the named rule off ("" for none)."""
    r = {}
    for name, target in (("gold", "gold"), ("text", "gold-text")):
        line = run_scorer(args, "score.py", os.path.join(args.shared, target), disabled)
        m = PAIR_RE.search(line)
        if not m:
            raise SystemExit(f"ablate: no totals from score.py on {target} with {disabled or 'all rules'}: {line}")
        r[name] = (float(m.group(1)), float(m.group(2)), int(m.group(3)))
    if args.zoo_gold:
        line = run_scorer(args, "score.py", args.zoo_gold, disabled)
        m = PAIR_RE.search(line)
        if not m:
            raise SystemExit(f"ablate: no totals from score.py on the zoo with {disabled or 'all rules'}: {line}")
        r["zoo"] = float(m.group(1))
    extra = ("--limit", str(args.asb_limit)) if args.asb_limit else ()
    line = run_scorer(args, "extract_score.py", os.path.join(args.shared, "corpus", "asb"), disabled, extra)
    m = ASB_RE.search(line)
    if not m:
        raise SystemExit(f"ablate: no totals from extract_score.py with {disabled or 'all rules'}: {line}")
    r["asb"] = float(m.group(1))
    return r


def gold_inputs(folder):
    out = []
    for g in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(g, encoding="utf-8") as f:
            out.append(os.path.normpath(os.path.join(os.path.dirname(g), json.load(f)["input"])))
    return out


def zoo_gold(tmp):
    """Writes the format zoo's renderings (go test TestFormatZooWrite) and a
    gold file per rendering for score.py; returns the gold folder, or ""
    when the renderings cannot be made (no Go toolchain)."""
    out, gold = os.path.join(tmp, "renderings"), os.path.join(tmp, "gold")
    os.makedirs(out)
    os.makedirs(gold)
    env = dict(os.environ, QANDA_ZOO_OUT=out)
    r = subprocess.run(["go", "test", "-count=1", "-run", "^TestFormatZooWrite$", "./pkg/qanda"],
                       env=env, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        print("ablate: the format zoo could not be rendered; its column stays empty", file=sys.stderr)
        return ""
    zoo = {}
    for f in glob.glob(os.path.join("testdata", "zoo", "*.json")):
        with open(f, encoding="utf-8") as fh:
            t = json.load(fh)
        zoo[t["id"]] = t
    for f in sorted(os.listdir(out)):
        tid = next((i for i in zoo if f.startswith(i + "-")), None)
        if tid is None:
            continue
        g = {"id": f, "input": os.path.abspath(os.path.join(out, f)),
             "exchanges": [{"question": e["question"], "answer": e["answer"]} for e in zoo[tid]["exchanges"]]}
        with open(os.path.join(gold, f + ".json"), "w", encoding="utf-8") as fh:
            json.dump(g, fh, ensure_ascii=False)
    return gold


def ws(t):
    return " ".join((t or "").split())


class Traf:
    """trafilatura's evaluation metric (as eval/traf_score.py computes it) over
    corpus/traf, kept per page so a rule's run can replace only the pages it
    fires on. mode "html" gives each page as HTML, "text" as its w3m dump."""

    def __init__(self, args, tmp, mode):
        sys.path.insert(0, os.path.join(args.shared, "eval"))
        from extract_score import body_of  # the scorers' own text of a qanda document
        self.body_of, self.args, self.mode = body_of, args, mode
        d = os.path.join(args.shared, "corpus", "traf")
        with open(os.path.join(d, "evaldata.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.snips, self.inputs = {}, []
        for _, v in sorted(data.items()):
            p = os.path.join(d, "pages", v["file"] + ".gz")
            if not os.path.exists(p):
                continue
            if mode == "text":
                p = self.dump(p, tmp)
                if not p:
                    continue
            self.snips[p] = (v.get("with") or [], v.get("without") or [])
            self.inputs.append(p)

    @staticmethod
    def dump(path, tmp):
        out = os.path.join(tmp, os.path.basename(path)[:-3] + ".txt")
        with gzip.open(path) as f:
            raw = f.read()
        r = subprocess.run(["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "100000"], input=raw,
                           capture_output=True, timeout=60, check=False)
        if r.returncode != 0:
            return ""
        with open(out, "wb") as f:
            f.write(r.stdout)
        return out

    def counts(self, path, disabled):
        cmd = [self.args.bin, "extract", "--format", "json"]
        if disabled:
            cmd += ["--disable-rule", disabled]
        try:
            r = subprocess.run(cmd + [path], capture_output=True, timeout=60, check=False)
            out = json.loads(r.stdout.decode("utf-8")) if r.returncode == 0 else None
        except (subprocess.TimeoutExpired, ValueError):
            out = None
        text = ws(self.body_of(out)) if out else ""
        w, wo = self.snips[path]
        tp = sum(1 for s in w if ws(s) in text)
        fp = sum(1 for s in wo if ws(s) in text)
        return tp, len(w) - tp, fp

    def base(self, jobs):
        with cf.ThreadPoolExecutor(max_workers=max(jobs, 4)) as ex:
            self.per = dict(zip(self.inputs, ex.map(lambda p: self.counts(p, ""), self.inputs)))
        return self.f1(self.per)

    def fired(self):
        """Rule name -> traf pages it fires on, from `qanda rules`."""
        listing = subprocess.run([self.args.bin, "rules", "--format", "json", *self.inputs],
                                 capture_output=True, text=True, check=False)
        fired = {}
        for r in json.loads(listing.stdout):
            pages = r.get("pages") or []
            fired.setdefault(r["name"], set()).update(pages)
            if r.get("parent"):  # switching a parent off switches its steps off
                fired.setdefault(r["parent"], set()).update(pages)
        return {k: sorted(v) for k, v in fired.items()}

    def without(self, rule, pages, jobs):
        per = dict(self.per)
        with cf.ThreadPoolExecutor(max_workers=max(jobs, 4)) as ex:
            per.update(zip(pages, ex.map(lambda p: self.counts(p, rule), pages)))
        return self.f1(per)

    @staticmethod
    def f1(per):
        tp = sum(c[0] for c in per.values())
        fn = sum(c[1] for c in per.values())
        fp = sum(c[2] for c in per.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="bin/qanda")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="")
    ap.add_argument("--asb-limit", type=int, default=0)
    ap.add_argument("--no-zoo", action="store_true", help="skip the format zoo column")
    ap.add_argument("--no-traf", action="store_true", help="skip the corpus/traf columns")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    args.zoo_gold = "" if args.no_zoo else zoo_gold(tmp.name)

    pages = gold_inputs(os.path.join(args.shared, "gold")) + gold_inputs(os.path.join(args.shared, "gold-text"))
    asb = sorted(glob.glob(os.path.join(args.shared, "corpus", "asb", "html", "*")))
    if args.asb_limit:
        asb = asb[: args.asb_limit]
    listing = subprocess.run([args.bin, "rules", "--format", "json", *pages, *asb],
                             capture_output=True, text=True, check=False)
    rules = json.loads(listing.stdout)
    if args.only:
        keep = set(args.only.split(","))
        rules = [r for r in rules if r["name"] in keep]

    base = measure(args, "")
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = dict(zip([r["name"] for r in rules], ex.map(lambda r: measure(args, r["name"]), rules)))

    trafs = []
    if not args.no_traf and os.path.isdir(os.path.join(args.shared, "corpus", "traf")):
        modes = ("html", "text") if shutil.which("w3m") else ("html",)
        for mode in modes:
            t = Traf(args, tmp.name, mode)
            base["traf-" + mode] = t.base(args.jobs)
            fired = t.fired()
            for r in rules:
                pages = fired.get(r["name"], [])
                results[r["name"]]["traf-" + mode] = t.without(r["name"], pages, args.jobs) if pages else base["traf-" + mode]
                r["traf-pages"] = r.get("traf-pages", 0) + len(pages)
            trafs.append(mode)

    print(f"all rules on: gold pair {base['gold'][0]:.3f} answer {base['gold'][1]:.3f} leaks {base['gold'][2]}; "
          f"text pair {base['text'][0]:.3f} answer {base['text'][1]:.3f} leaks {base['text'][2]}; ASB {base['asb']:.3f}; "
          f"zoo pair {base.get('zoo', 0):.3f}" +
          "".join(f"; traf {m} {base['traf-' + m]:.4f}" for m in trafs))
    print("Δ = score with all rules minus score with the rule off (positive: the rule helps; leaks: docs it saves)")
    hdr = f"{'rule':24} {'kind':6} {'gold Δpair':>10} {'Δans':>6} {'Δleak':>5} {'text Δpair':>10} {'Δans':>6} {'Δleak':>5} {'ΔASB':>6} {'Δzoo':>6}" + "".join(f" {'Δtraf-' + m:>10}" for m in trafs) + f" {'pages':>5} {'traf':>5}  verdict"
    print(hdr)
    print("-" * len(hdr))
    for r in rules:
        o = results[r["name"]]
        d = [base["gold"][0] - o["gold"][0], base["gold"][1] - o["gold"][1], o["gold"][2] - base["gold"][2],
             base["text"][0] - o["text"][0], base["text"][1] - o["text"][1], o["text"][2] - base["text"][2],
             base["asb"] - o["asb"], base.get("zoo", 0) - o.get("zoo", 0)]
        d += [base["traf-" + m] - o["traf-" + m] for m in trafs]
        fired = r.get("pages") or []
        tfired = r.get("traf-pages", 0)
        moved = any(abs(x) > 1e-9 for x in d)
        verdict = ""
        if r["name"] == "site-boilerplate":
            verdict = "batch only (not scored per page)"
        elif not moved and not fired and not tfired:
            verdict = "no effect"
        elif len(fired) + tfired == 1:
            verdict = "one page"
        if any(x < -1e-9 for x in d):
            verdict = (verdict + ", " if verdict else "") + "hurts somewhere"
        if not moved and (fired or tfired) and not verdict:
            verdict = "fires, scores unmoved"
        print(f"{r['name']:24} {r['kind']:6} {d[0]:+10.3f} {d[1]:+6.3f} {d[2]:+5d} {d[3]:+10.3f} {d[4]:+6.3f} {d[5]:+5d} {d[6]:+6.3f} {d[7]:+6.3f}"
              + "".join(f" {x:+10.4f}" for x in d[8:]) + f" {len(fired):5d} {tfired:5d}  {verdict}")


if __name__ == "__main__":
    main()
