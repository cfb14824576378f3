#!/usr/bin/env python3
"""Calibration of the per-exchange confidence against the gold (make eval).

Runs `BIN extract --format json INPUT` on every page of SHARED/gold (HTML)
and SHARED/gold-text (text dumps), inputs resolved as score.py resolves
them, and decides for every predicted exchange whether it is correct: matched
to a gold exchange by score.py's own one-to-one matching (question token-F1
>= 0.8 and answer token-F1 >= 0.8). Prints, for the two sets together and
each on its own, a table per confidence band (exchanges, correct, accuracy,
mean confidence), the expected calibration error (ECE: sum over bands of
n_band/N * |accuracy - mean confidence|) and the Brier score (mean of
(confidence - correct)^2). With --methods, the same per `method`.

score.py is imported from SHARED/eval, not copied: its score_doc pairs gold
and predicted exchanges greedily, best pairs first, and reports every gold
exchange it could not match well enough with the predicted exchange it was
paired with. Called once with thresholds no pair can reach, it thus reports
the whole pairing; each pair is then judged with score.py's own f1, tokens,
strip_optional and thresholds, and the count checked against score_doc's
correct_pairs with the real thresholds.

Usage: tools/calibrate.py [--bin bin/qanda] [--shared ../shared] [--methods] [--jobs 4]
"""
import argparse
import concurrent.futures as cf
import importlib.util
import os
import sys

# Bands of the confidence: the low ones are wide because few exchanges
# fall there; the top one is split because most do.
BANDS = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]


def load_score(shared):
    path = os.path.join(shared, "eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pairing(score, gold, pred):
    """(gold index, pred index) of every pair score_doc makes."""
    q_min, a_min = score.Q_MIN, score.A_MIN
    score.Q_MIN = score.A_MIN = float("inf")
    try:
        res = score.score_doc(gold, pred)
    finally:
        score.Q_MIN, score.A_MIN = q_min, a_min
    return [(m["gold"] - 1, m["pred"] - 1) for m in res["misses"] if m["pred"] is not None]


def judge(score, gold, pred):
    """One row per predicted exchange: (confidence, correct, method)."""
    pex = pred.get("exchanges") or []
    gex = gold.get("exchanges") or []
    ok = [False] * len(pex)
    for i, j in pairing(score, gold, pred):
        g, p = gex[i], pex[j]
        qs = score.f1(score.tokens(score.text_of(p.get("question"))), score.tokens(g["question"]))
        as_ = score.f1(score.strip_optional(score.text_of(p.get("answer")), g.get("answer_optional")),
                       score.tokens(" ".join(g.get("answer") or [])))
        ok[j] = qs >= score.Q_MIN and as_ >= score.A_MIN
    want = score.score_doc(gold, pred)["correct_pairs"]
    if sum(ok) != want:
        raise SystemExit(f"calibrate: {gold['id']}: {sum(ok)} correct exchanges, score.py counts {want}")
    return [(float(p.get("confidence", 0.0)), c, p.get("method", "")) for p, c in zip(pex, ok)]


def band_of(conf):
    k = 0
    for i, lo in enumerate(BANDS):
        if conf >= lo:
            k = i
    return k


def band_name(k):
    lo = BANDS[k]
    if k + 1 < len(BANDS):
        return f"[{lo:.2f},{BANDS[k + 1]:.2f})"
    return f"[{lo:.2f},1.00]"


def table(title, rows):
    """Print the band table of rows; return (ECE, Brier)."""
    n = len(rows)
    print(f"calibration: {title}: {n} exchanges, {sum(c for _, c, _ in rows)} correct")
    if not n:
        return 0.0, 0.0
    print(f"  {'band':<13} {'exchanges':>9} {'correct':>7} {'accuracy':>8} {'mean conf':>9}")
    ece = 0.0
    for k in range(len(BANDS)):
        b = [(conf, c) for conf, c, _ in rows if band_of(conf) == k]
        if not b:
            print(f"  {band_name(k):<13} {0:>9} {0:>7} {'-':>8} {'-':>9}")
            continue
        acc = sum(c for _, c in b) / len(b)
        mean = sum(conf for conf, _ in b) / len(b)
        ece += len(b) / n * abs(acc - mean)
        print(f"  {band_name(k):<13} {len(b):>9} {sum(c for _, c in b):>7} {acc:>8.3f} {mean:>9.3f}")
    brier = sum((conf - c) ** 2 for conf, c, _ in rows) / n
    acc = sum(c for _, c, _ in rows) / n
    mean = sum(conf for conf, _, _ in rows) / n
    print(f"  all: accuracy {acc:.3f}, mean confidence {mean:.3f}; ECE {ece:.3f}; Brier {brier:.4f}")
    return ece, brier


def by_method(rows):
    methods = sorted({m for _, _, m in rows})
    print(f"  {'method':<30} {'exchanges':>9} {'correct':>7} {'accuracy':>8} {'mean conf':>9}  confidences")
    for m in methods:
        b = [(conf, c) for conf, c, mm in rows if mm == m]
        acc = sum(c for _, c in b) / len(b)
        mean = sum(conf for conf, _ in b) / len(b)
        vals = {}
        for conf, c in b:
            n, k = vals.get(conf, (0, 0))
            vals[conf] = (n + 1, k + c)
        spread = " ".join(f"{v:.2f}:{k}/{n}" for v, (n, k) in sorted(vals.items()))
        print(f"  {m[:30]:<30} {len(b):>9} {sum(c for _, c in b):>7} {acc:>8.3f} {mean:>9.3f}  {spread}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="bin/qanda")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--methods", action="store_true", help="also a table per method")
    ap.add_argument("--jobs", type=int, default=4)
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.shared, "eval", "score.py")):
        print(f"calibrate: {args.shared} has no eval/score.py, nothing to calibrate against")
        return 0
    score = load_score(args.shared)
    cmd = args.bin + " extract --format json {input}"
    sets = {}
    for name in ("gold", "gold-text"):
        golds = score.load_golds(os.path.join(args.shared, name))
        with cf.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            preds = list(ex.map(lambda g: score.run_tool(cmd, g), golds))
        rows = []
        for g, (pred, err) in zip(golds, preds):
            if pred is None:
                raise SystemExit(f"calibrate: {g['id']}: {err}")
            rows += judge(score, g, pred)
        sets[name] = rows
    sets = {"gold + gold-text": sets["gold"] + sets["gold-text"], **sets}
    summary = []
    for name, rows in sets.items():
        ece, brier = table(name, rows)
        if args.methods:
            by_method(rows)
        summary.append(f"{name} ECE {ece:.3f} Brier {brier:.4f}")
    print("calibration: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
