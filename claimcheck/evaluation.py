"""Compare extracted claims with a reviewed ledger: detection, and agreement field by field.

A reviewed ledger is JSON Lines, one claim per line, with the contract's claim fields (``start``,
``end``, ``text``, ``value``, ``unit``, ``qualifier``, ``kind``, ``subject``, ``period``). Claims are
paired by overlapping spans; subjects agree when their fuzzy similarity reaches
``SUBJECT_THRESHOLD`` (rapidfuzz ``token_sort_ratio``, case and punctuation ignored): annotators word the
same subject differently, but a fragment of the right subject ("deficit" for "current account
deficit") must not count as agreement, which rules out ``token_set_ratio``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz, utils

from .claim import Claim

__all__ = ["FIELDS", "Comparison", "compare", "read_ledger", "write_ledger"]

FIELDS = ("value_unit", "subject", "period", "qualifier", "kind")
#: Reported beside the strict subject agreement: one subject's words found in the other's.
LENIENT = "subject_overlap"
SUBJECT_THRESHOLD = 80.0


def read_ledger(path: str | Path) -> list[dict[str, Any]]:
    """The reviewed claims of a ledger file, in order."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from None
    return out


def write_ledger(path: str | Path, claims: Iterable[Claim | dict[str, Any]]) -> None:
    """Write claims as a ledger (contract fields only, one per line)."""
    keep = ("start", "end", "text", "value", "unit", "qualifier", "kind", "subject", "period")
    lines = []
    for c in claims:
        d = c.to_dict() if isinstance(c, Claim) else c
        lines.append(json.dumps({k: d[k] for k in keep if k in d} | _extra(d), ensure_ascii=False))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _extra(d: dict[str, Any]) -> dict[str, Any]:
    return {"note": d["note"]} if d.get("note") else {}


@attrs.frozen
class Comparison:
    """Detection counts, per-field agreement on matched claims, and every difference in words."""

    true_positives: int
    false_positives: int
    false_negatives: int
    agreement: dict[str, float]
    differences: tuple[str, ...]

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    def summary(self) -> str:
        fields = ", ".join(f"{k} {v:.3f}" for k, v in self.agreement.items())
        return (
            f"precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {self.true_positives}, fp {self.false_positives}, fn {self.false_negatives}); "
            f"{fields}"
        )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_value(got: dict[str, Any], gold: dict[str, Any]) -> bool:
    if (got.get("unit") or "") != (gold.get("unit") or ""):
        return False
    g, e = float(got["value"]), float(gold["value"])
    return math.isclose(g, e, rel_tol=1e-6, abs_tol=1e-9)


def subjects_agree(a: str, b: str) -> bool:
    if not a and not b:
        return True
    return fuzz.token_sort_ratio(a, b, processor=utils.default_process) >= SUBJECT_THRESHOLD


def compare(found: Sequence[Claim | dict[str, Any]], gold: Sequence[dict[str, Any]]) -> Comparison:
    """Pair ``found`` with ``gold`` by overlapping spans (in order) and compare the pairs."""
    got = [c.to_dict() if isinstance(c, Claim) else c for c in found]
    diffs: list[str] = []
    hits = dict.fromkeys((*FIELDS, LENIENT), 0)
    tp = 0
    j = 0
    matched_gold: set[int] = set()
    for g_i, g in enumerate(gold):
        gspan = (g["start"], g["end"])
        while j < len(got) and got[j]["end"] <= gspan[0]:
            if not any(_overlap((got[j]["start"], got[j]["end"]), (x["start"], x["end"]))
                       for x in gold):  # fmt: skip
                diffs.append(f"extra     {got[j]['start']}-{got[j]['end']} {got[j]['text']!r}")
            j += 1
        if j < len(got) and _overlap((got[j]["start"], got[j]["end"]), gspan):
            c = got[j]
            j += 1
            tp += 1
            matched_gold.add(g_i)
            where = f"{g['start']}-{g['end']} {g['text']!r}"
            checks = {
                "value_unit": (_same_value(c, g), f"{c['value']} {c['unit']!r}",
                               f"{g['value']} {g['unit']!r}"),
                "subject": (subjects_agree(c["subject"], g["subject"]), c["subject"], g["subject"]),
                "period": (c["period"] == g["period"], c["period"], g["period"]),
                "qualifier": (c["qualifier"] == g["qualifier"], c["qualifier"], g["qualifier"]),
                "kind": (c["kind"] == g["kind"], c["kind"], g["kind"]),
            }  # fmt: skip
            if (
                fuzz.token_set_ratio(c["subject"].lower(), g["subject"].lower())
                >= SUBJECT_THRESHOLD
            ):
                hits[LENIENT] += 1
            for name, (ok, have, want) in checks.items():
                if ok:
                    hits[name] += 1
                else:
                    diffs.append(f"{name:<9} {where}: got {have!r}, reviewed {want!r}")
        else:
            diffs.append(f"missed    {g['start']}-{g['end']} {g['text']!r}")
    for c in got[j:]:
        diffs.append(f"extra     {c['start']}-{c['end']} {c['text']!r}")
    fp = len(got) - tp
    fn = len(gold) - tp
    agreement = {k: (v / tp if tp else 1.0) for k, v in hits.items()}
    return Comparison(tp, fp, fn, agreement, tuple(diffs))
