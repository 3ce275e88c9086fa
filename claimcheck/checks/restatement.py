"""``restatement``: a figure stated more than once must keep its value.

Every group of ``CheckContext.groups`` (claims the matcher found to state the same fact) yields
exactly one finding that cites all its claims:

* ``CC101`` info -- the values agree as stated, rounding allowed for ("4.09 million" and
  "4.089 million"; "over 4 million" and "4.089 million", since 4.089 million prints as 4 million).
* ``CC102`` error -- some two values cannot both be true: their intervals (stated precision and
  qualifier) do not meet ("4.089 million" vs "4.098 million"; "21.47 million" vs "21.48 million").
* ``CC103`` info -- the values agree only through a qualifier's latitude: read as exact figures
  they would contradict each other ("more than 4 million" and "4.6 million"; "nearly 50%" and
  "48%").

``gross`` on ``CC102`` is true when the contradiction flips a conclusion: the two values have
opposite signs (a rise restated as a fall), a percentage lies on opposite sides of 50% or 100%,
or the slip beyond rounding exceeds ``GROSS_RELATIVE`` (10%) of the larger value -- a different
figure or a wrong scale word, not a mistyped last digit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from ..claim import Claim
from ..intervals import Interval, slip
from ..matching import in_unit, intervals_meet
from ..report import Finding
from . import CheckContext, check, finding
from ._util import fmt, interval

__all__ = ["GROSS_RELATIVE", "PERCENT_THRESHOLDS", "judge", "restatement"]

#: A slip beyond rounding larger than this share of the larger value is gross.
GROSS_RELATIVE = 0.10
#: Percentages on opposite sides of one of these tell a different story.
PERCENT_THRESHOLDS = (50.0, 100.0)

_QUALIFIER_WORDS = {
    "exact": "",
    "more_than": "over ",
    "less_than": "under ",
    "about": "about ",
    "at_least": "at least ",
    "at_most": "at most ",
}
_TIMES = {2: "twice", 3: "three times"}


@check("restatement")
def restatement(ctx: CheckContext) -> Iterator[Finding]:
    for group in ctx.groups:
        claims = [ctx.claims[i] for i in group]
        if len(claims) >= 2:
            yield judge(claims)


def judge(claims: Sequence[Claim]) -> Finding:
    """The one finding for a group of claims stating the same fact (in document order)."""
    unit = claims[0].unit
    same = [in_unit(c, unit) for c in claims]
    stated = [interval(c) for c in same]
    first = same[0]
    subject = first.subject
    times = _TIMES.get(len(claims), f"{len(claims)} times")

    worst = _worst_pair(stated)
    if worst is not None:
        i, j, gap = worst
        a, b = same[i], same[j]
        diff = abs(b.value - a.value)
        diff_unit = "percentage_point" if unit == "percent" else unit
        more = "" if len(claims) == 2 else f" (stated {times})"
        beyond = f"{fmt(gap, diff_unit)} beyond rounding" if gap > 0 else "in the last digit"
        message = (
            f"{subject}: {_show(claims[i])} (line {a.line}) vs {_show(claims[j])} "
            f"(line {b.line}): differ by {fmt(diff, diff_unit)} ({beyond}){more}"
        )
        return finding(
            "CC102", "restatement", "error", message, claims,
            expected=a.value, observed=b.value, slip=gap,
            gross=_gross(a, b, stated[i], stated[j], gap),
        )  # fmt: skip

    # Agreement: the figure furthest from the first is the one worth showing.
    far = max(range(len(same)), key=lambda k: (abs(same[k].value - first.value), -k))
    values = list(dict.fromkeys(_show(c) for c in claims))
    as_exact = [interval(attrs.evolve(c, qualifier="exact")) for c in same]
    if _worst_pair(as_exact) is None:
        message = f"{subject} stated {times} with the same value ({', '.join(values)})"
        rule = "CC101"
    else:
        qualified = next(c for c in claims if c.qualifier != "exact")
        message = (
            f"{subject} stated {times} ({', '.join(values)}): consistent only through the "
            f"qualifier of {_show(qualified)} (line {qualified.line})"
        )
        rule = "CC103"
    return finding(
        rule, "restatement", "info", message, claims,
        expected=first.value, observed=same[far].value, slip=0.0,
    )  # fmt: skip


def _worst_pair(ivs: Sequence[Interval]) -> tuple[int, int, float] | None:
    """The pair that disagrees most, preferring pairs with the first claim; ``None`` if all meet.

    For intervals, pairwise meeting is the same as a common point (Helly in one dimension).
    """
    against_first = [(slip(ivs[0], ivs[k]), -k) for k in range(1, len(ivs))
                     if not intervals_meet(ivs[0], ivs[k])]  # fmt: skip
    if against_first:
        gap, neg_k = max(against_first)
        return 0, -neg_k, gap
    best: tuple[int, int, float] | None = None
    for i in range(1, len(ivs)):
        for j in range(i + 1, len(ivs)):
            if not intervals_meet(ivs[i], ivs[j]):
                d = slip(ivs[i], ivs[j])
                if best is None or d > best[2]:
                    best = (i, j, d)
    return best


def _gross(a: Claim, b: Claim, ia: Interval, ib: Interval, gap: float) -> bool:
    if a.value * b.value < 0:
        return True
    if a.unit == "percent":
        for t in PERCENT_THRESHOLDS:
            if (ia.hi < t < ib.lo) or (ib.hi < t < ia.lo):
                return True
    return gap > GROSS_RELATIVE * max(abs(a.value), abs(b.value))


def _show(c: Claim) -> str:
    return f"{_QUALIFIER_WORDS[c.qualifier]}{fmt(c.value, c.unit)}"
