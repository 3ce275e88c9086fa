"""Benchmark of restatement matching on synthetic corpora of 1k, 10k and 100k claims.

Run: ``.venv/bin/python benchmarks/bench_matching.py [SIZES...]``

Subjects are drawn from combinatorial word lists (modifiers x modifiers x heads x activities,
plus "X of Y" forms), with a few periods, kinds, units and wholes; about 10% of the claims restate
an earlier one with paraphrased wording ("the number of ...", "... had been built", "China's ...")
and a value that is the same, rounded coarser, misstated in the last digit, or off by a scale
word. Printed per size: seconds (best of ``REPEATS``, subject cache cleared each time), claims/s,
candidate pairs probed, rapidfuzz comparisons, links, groups, the share of planted
restatements found ("recall") and the share of planted look-alikes (one subject word changed,
same value) kept apart ("apart"); then the time per claim at the largest size over the smallest.
"""

from __future__ import annotations

import random
import sys
import time

from claimcheck.claim import Claim
from claimcheck.matching import match_restatements, normalize_subject

REPEATS = 3


def _words(text: str) -> list[str]:
    return text.split()


MODIFIERS = _words("""rural urban 5G gigabit broadband industrial smart digital mobile fixed public private
foreign domestic online cross-border high-tech retail wholesale agricultural green low-carbon
small medium-sized large listed state-owned specialized innovative cloud AI IoT satellite optical
fiber wireless electric hydrogen solar wind nuclear coastal inland western eastern central
northeastern county township provincial municipal household commercial residential overseas
inbound outbound e-commerce logistics medical elderly youth graduate migrant registered
licensed certified key pilot demonstration national-level world-class leading emerging
traditional advanced basic""")
SECONDS = _words("""computing network internet energy power water transport health education finance
insurance tourism catering freight passenger data software hardware semiconductor chip
display battery vehicle charging storage grid broadband television postal express courier
railway highway aviation shipping port mining steel chemical textile food pharmaceutical
machinery equipment instrument""")
HEADS = _words("""users base-stations enterprises projects vehicles devices terminals ports platforms
applications services accounts parks factories households villages schools hospitals
subscribers connections data-centers servers chips phones TVs computers robots batteries
panels turbines stations lines routes flights trains ships containers parcels orders
transactions loans deposits bonds funds patents trademarks standards laboratories
universities students teachers doctors nurses workers jobs firms shops markets""")
HEADS = [h.replace("-", " ") for h in HEADS]
ACTIVITIES = ["", "", "", "", " exported", " produced", " sold", " shipped", " imported"]
OF_HEADS = ["penetration rate of", "value added of", "revenue of", "output value of"]
WHOLES = ["", "", "provinces", "administrative villages", "enterprises", "GDP"]
UNITS = [("level", ""), ("level", ""), ("level", "CNY"), ("level", "USD"), ("change", "percent"),
         ("share", "percent"), ("target", ""), ("ratio", "megawatt"),
         ("difference", "percentage_point")]  # fmt: skip
PARAPHRASES = [
    "the number of {}", "{} had been built", "{} have been established", "China's {}",
    "a total of {}", "{}",
]  # fmt: skip


def _month_ends() -> list[str]:
    days = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}
    return [f"{y}-{m:02d}-{days.get(m, 31)}" for y in range(2019, 2025) for m in range(1, 13)]


ENDS = _month_ends()


def corpus(
    n: int, seed: int = 0
) -> tuple[list[Claim], list[tuple[int, int]], list[tuple[int, int]]]:
    """``n`` claims, the (original, restatement) pairs and the (original, look-alike) pairs.

    A look-alike copies an original's value, period and unit but changes one word of its
    subject (a modifier or the activity): a different fact that must not be linked.
    """
    rng = random.Random(seed)
    out: list[Claim] = []
    originals: list[int] = []
    planted: list[tuple[int, int]] = []
    lookalikes: list[tuple[int, int]] = []

    def make(subject: str, value: float, resolution: float, kind: str, unit: str,
             end: str | None, whole: str) -> Claim:  # fmt: skip
        k = len(out)
        return Claim(
            id=f"c{k:06d}", start=k * 40, end=k * 40 + 8, text="", line=k // 3 + 1, column=1,
            value=value, unit=unit, qualifier="exact", kind=kind, subject=subject,
            period_end=end, resolution=resolution, whole=whole if kind == "share" else "",
            paragraph=k // 4,  # a few figures a paragraph, as in a real release
        )  # fmt: skip

    while len(out) < n:
        if originals and rng.random() < 0.1:
            k = rng.choice(originals)
            c = out[k]
            subject = rng.choice(PARAPHRASES).format(c.subject)
            value, resolution = c.value, c.resolution
            roll = rng.random()
            if roll < 0.15:  # rounded coarser
                resolution *= 10
                value = round(value / resolution) * resolution
            elif roll < 0.25:  # misstated last digit
                value += resolution * rng.choice([-1, 1])
            elif roll < 0.30:  # scale word slip
                value *= 10
            planted.append((k, len(out)))
            out.append(make(subject, value, resolution, c.kind, c.unit, c.period_end, c.whole))
            continue
        if originals and rng.random() < 0.05:
            k = rng.choice(originals)
            c = out[k]
            words = c.subject.split(" ")
            act = next((w for w in words if w in {a.strip() for a in ACTIVITIES if a}), None)
            if act is not None and rng.random() < 0.5:
                other = rng.choice([a.strip() for a in ACTIVITIES if a and a.strip() != act])
                words[words.index(act)] = other
            else:
                mods = [w for w in words if w in MODIFIERS]
                if not mods:
                    continue
                fresh = [m for m in MODIFIERS if m not in words and m.lower() + "s" not in words]
                words[words.index(mods[0])] = rng.choice(fresh)
            lookalikes.append((k, len(out)))
            out.append(make(" ".join(words), c.value, c.resolution, c.kind, c.unit,
                            c.period_end, c.whole))  # fmt: skip
            continue
        head = rng.choice(HEADS)
        mods = rng.sample(MODIFIERS, 2 if rng.random() < 0.3 else 1)
        noun = f"{' '.join(mods)} {rng.choice(SECONDS)} {head}"
        subject = noun + rng.choice(ACTIVITIES)
        if rng.random() < 0.15:
            subject = f"{rng.choice(OF_HEADS)} {noun}"
        kind, unit = rng.choice(UNITS)
        if unit in ("percent", "percentage_point"):
            resolution = 0.1
            value = round(rng.uniform(0.1, 99.9), 1)
        else:
            resolution = 10.0 ** rng.randint(0, 6)
            value = rng.randint(1, 9999) * resolution
        end = rng.choice(ENDS) if rng.random() < 0.7 else None
        originals.append(len(out))
        out.append(make(subject, value, resolution, kind, unit, end, rng.choice(WHOLES)))
    return out, planted, lookalikes


def run(n: int) -> dict[str, float]:
    claims, planted, lookalikes = corpus(n)
    best = float("inf")
    result = None
    for _ in range(REPEATS):
        normalize_subject.cache_clear()
        t = time.perf_counter()
        result = match_restatements(claims)
        best = min(best, time.perf_counter() - t)
    assert result is not None
    group_of = {i: g for g in result.groups for i in g}
    found = sum(j in group_of.get(i, ()) for i, j in planted)
    confused = sum(j in group_of.get(i, ()) for i, j in lookalikes)
    s = result.stats
    return {
        "claims": n, "seconds": best, "claims/s": n / best, "probes": s.probes,
        "comparisons": s.comparisons, "links": s.links, "groups": s.groups,
        "recall": found / len(planted) if planted else 1.0,
        "apart": 1 - confused / len(lookalikes) if lookalikes else 1.0,
    }  # fmt: skip


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 100_000]
    rows = [run(n) for n in sizes]
    print(f"{'claims':>8} {'seconds':>8} {'claims/s':>9} {'probes':>8} {'compared':>9} "
          f"{'links':>7} {'groups':>7} {'recall':>7} {'apart':>7}")  # fmt: skip
    for r in rows:
        print(f"{r['claims']:>8,} {r['seconds']:>8.3f} {r['claims/s']:>9,.0f} {r['probes']:>8,} "
              f"{r['comparisons']:>9,} {r['links']:>7,} {r['groups']:>7,} {r['recall']:>7.1%} "
              f"{r['apart']:>7.1%}")  # fmt: skip
    if len(rows) > 1:
        per_claim = [r["seconds"] / r["claims"] for r in rows]
        print(f"time per claim, {rows[-1]['claims']:,} vs {rows[0]['claims']:,}: "
              f"{per_claim[-1] / per_claim[0]:.2f}x; comparisons per claim: "
              f"{rows[-1]['comparisons'] / rows[-1]['claims']:.3f} vs "
              f"{rows[0]['comparisons'] / rows[0]['claims']:.3f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
