"""Stated differences against the two figures they compare.

"increased by 12.8% year on year, 7 percentage points higher than the industrial growth in the
same period" states three things: 12.8%, 7 points, and (elsewhere) industrial growth of 5.8%.
The difference must meet ``12.8 - 5.8``, computed on intervals.

Rules (documented in ``docs/checks/difference.md``):

* CC301 info -- the stated difference agrees with the two figures;
* CC302 error -- it does not (``gross`` when the computed difference has the other sign);
* CC303 info -- the comparison figure is not stated: the figure the difference implies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..claim import Claim
from ..intervals import Interval, growth_rate, pp_difference
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import factor, scaled, show, value_range, verdict
from ._subjects import phrase
from ._text import between, sentence_after, sentence_before, windows
from ._util import fmt, same_period

__all__ = ["difference_check"]

CHECK = "difference"

_UP = "higher|more|greater|larger|bigger|above|faster|over|exceeding|exceeded|ahead of"
_DOWN = "lower|less|fewer|smaller|below|slower|under|behind|trailing|short of"
#: After the figure: "7 percentage points higher than the industrial growth in the same period".
_AFTER = re.compile(
    rf"^\s*(?:percentage\s+points?\s+|points?\s+|pp\s+)?(?P<dir>{_UP}|{_DOWN})\b\s*(?:than\b)?"
    r"(?P<target>(?:[^,;.()\d]|\.(?=\w))*)",
    re.I,
)
#: Before the figure: "outpacing the industrial growth by 7 percentage points".
_BEFORE = re.compile(
    rf"(?P<dir>{_UP}|outpacing|outpaced|{_DOWN})\s+(?:than\s+)?(?P<target>[^,;.()]*?)\s+by\s*$",
    re.I,
)
_SAME_PERIOD = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+same\s+(?:period|month|quarter|year)(?:\s+\w+\s+year)?\b"
    r"|\b(?:a\s+year\s+(?:earlier|ago)|last\s+year)\b",
    re.I,
)


#: Heads that name an aggregate rather than a narrower kind of thing.
_AGGREGATE = frozenset(
    {"enterprise", "company", "firm", "sector", "industry", "economy", "overall", "whole",
     "business", "average", "national", "nationwide", "all", "entire"}
)  # fmt: skip


#: A target naming a time, not a thing: "higher than in Quarter 4 2013", "than previously
#: reported". The comparison is the same subject at another time (a restatement or a change),
#: not a figure to look up by subject.
_PERIODISH = re.compile(
    r"^\s*(?:in|at|during|on|for|by|over|as\s+of)\b|\b(?:previous(?:ly)?|earlier|ago|last|"
    r"prior|before|year|quarter|month|week|(?:19|20)\d\d)\b",
    re.I,
)


def _direction(word: str) -> int:
    return -1 if re.fullmatch(_DOWN, word.lower()) else 1


def _mode(d: Claim) -> str:
    """How the difference is measured: "pp" (of percentages), "abs" (same unit), "rel" (%)."""
    if d.unit == "percentage_point":
        return "pp"
    if d.unit == "percent":
        return "rel"
    return "abs"


def _fits(mode: str, d: Claim, c: Claim) -> bool:
    """Whether ``c`` can be one side of the difference ``d``."""
    if c is d or c.kind in ("difference", "target"):
        return False
    if mode == "pp":
        return c.unit == "percent"
    if mode == "rel":
        return c.unit not in ("percent", "percentage_point") and c.kind in ("level", "ratio")
    return c.unit not in ("percent", "percentage_point") and factor(c.unit, d.unit) is not None


def _own(d: Claim, mode: str, sentence: tuple[Claim, ...]) -> Claim | None:
    """The figure the difference is about: the nearest fitting figure before it, same sentence."""
    before = [c for c in sentence if c.end <= d.start and _fits(mode, d, c)]
    return before[-1] if before else None


def _in_sentence_other(
    ctx: CheckContext, d: Claim, mode: str, sentence: tuple[Claim, ...]
) -> Claim | None:
    """ "32,000 lower than the previously reported 504,000": the comparison figure follows."""
    later = [c for c in sentence if c.start >= d.end]
    if not later:
        return None
    gap = between(ctx, d, later[0])
    if (
        gap is not None
        and len(gap) < 80
        and re.search(r"\b(?:than|above|below|over|under)\b", gap)
        and not re.search(r"[,;]|\b(?:while|whereas|but|and)\b", gap)
    ):
        return later[0] if _fits(mode, d, later[0]) else None
    return None


def _score(target: str, own: Claim, c: Claim) -> tuple[int, int, int, int]:
    t = phrase(target, keep_generic=False)
    cp = phrase(c.subject, keep_generic=False)
    op = phrase(own.subject, keep_generic=False)
    return (
        len(cp.things & t.things),
        len(cp.things & op.things),
        -len(cp.things - t.things - op.things),
        int(c.period_start == own.period_start and c.period_end == own.period_end),
    )


#: How many claims either side of a stated difference are searched for its comparison figure:
#: far enough for a briefing's opening statement and a later answer, bounded so the check stays
#: linear in long documents.
SEARCH_SPAN = 400


def _nearby(ctx: CheckContext, d: Claim, position: dict[int, int]) -> Sequence[Claim]:
    i = position.get(id(d))
    if i is None:
        return ctx.claims
    return ctx.claims[max(0, i - SEARCH_SPAN) : i + SEARCH_SPAN]


def _search(
    ctx: CheckContext, d: Claim, own: Claim, mode: str, target: str, position: dict[int, int]
) -> Claim | None:
    """The comparison figure named by ``target`` anywhere in the document, if unambiguous."""
    t = phrase(target, keep_generic=False)
    if not t:
        return None
    scored = []
    own_things = phrase(own.subject, keep_generic=False).things
    for c in _nearby(ctx, d, position):
        if c is own or not _fits(mode, d, c) or c.kind != own.kind or not same_period(own, c):
            continue
        if phrase(c.subject, keep_generic=False).things == own_things:
            continue  # the figure compared, stated again elsewhere, is no comparison figure
        if own.basis and c.basis and own.basis != c.basis:
            continue
        cand = phrase(c.subject, keep_generic=False)
        if not t.things <= cand.things:
            continue
        # The comparison is an aggregate or a sibling named by the target: every word of its
        # subject comes from the target, from the figure compared, or names an aggregate
        # ("enterprises", "sector"). "the automobile industry" is not "industrial growth".
        if cand.things - t.things - phrase(own.subject).things - _AGGREGATE:
            continue
        scored.append((_score(target, own, c), c))
    if not scored:
        return None
    best = max(s for s, _ in scored)
    top = [c for s, c in scored if s == best]
    # Several equally good candidates stating different figures: do not guess.
    first = value_range(top[0])
    if any(not first.intersects(value_range(c)) for c in top[1:]):
        return None
    return min(top, key=lambda c: abs(c.start - d.start))


def _computed(mode: str, own: Claim, other: Claim, unit: str) -> Interval:
    if mode == "pp":
        return pp_difference(value_range(own), value_range(other))
    if mode == "rel":
        return growth_rate(value_range(own), scaled(other, own.unit))
    return scaled(own, unit) - scaled(other, unit)


def _implied(mode: str, own: Claim, diff: Interval, d: Claim) -> tuple[Interval, str]:
    """The comparison figure implied by ``own`` and the signed difference."""
    if mode == "pp":
        return value_range(own) - diff, "percent"
    if mode == "rel":
        return value_range(own) / (1 + diff / 100), own.unit
    return scaled(own, d.unit) - diff, d.unit


@check(CHECK)
def difference_check(ctx: CheckContext) -> list[Finding]:
    """CC301/CC302 for each stated difference whose two figures are found; CC303 otherwise."""
    out: list[Finding] = []
    position = {id(c): k for k, c in enumerate(ctx.claims)}
    for w in windows(ctx):
        for d in w.sentence:
            f = _one(ctx, d, w.sentence, position) if d.kind == "difference" else None
            if f is not None:
                out.append(f)
    return out


def _one(
    ctx: CheckContext, d: Claim, sentence: tuple[Claim, ...], position: dict[int, int]
) -> Finding | None:
    mode = _mode(d)
    after = sentence_after(ctx, d)
    m = _AFTER.match(after)
    raw = ""
    if m is not None:
        # The words compared with, digits included ("than in 2022"), for display and periods.
        rest = re.match(r"\s*(?:than\s+)?(.*?)\s*(?:[,;(]|\.(?:\s|$)|$)", after[m.end("dir") :])
        raw = rest.group(1) if rest else ""
    else:
        m = _BEFORE.search(sentence_before(ctx, d))
    if m is None:
        return None  # no direction word: not a comparison we can read
    own = _own(d, mode, sentence)
    if own is None:
        return None
    sign = _direction(m["dir"])
    target = _SAME_PERIOD.sub("", m["target"]).strip()
    raw = _SAME_PERIOD.sub("", raw).strip() or target
    magnitude = value_range(d) if d.value >= 0 else -value_range(d)
    stated = magnitude if sign > 0 else -magnitude
    observed = abs(d.value) * sign
    unit = {"pp": "percentage_point", "rel": "percent"}.get(mode, d.unit)
    other = _in_sentence_other(ctx, d, mode, sentence)
    periodish = bool(_PERIODISH.search(raw))
    if other is None and not periodish:
        other = _search(ctx, d, own, mode, target, position)
    if other is None:
        if periodish:
            target = f"{own.subject or 'the figure'} {raw}".strip()
        elif not phrase(target, keep_generic=False):
            return None
        implied, implied_unit = _implied(mode, own, stated, d)
        if mode == "rel":
            arithmetic = f"{fmt(own.value, own.unit)} / (1 + {fmt(observed, unit)})"
        else:
            op = "−" if observed >= 0 else "+"
            arithmetic = f"{fmt(own.value, own.unit)} {op} {fmt(abs(observed), unit)}"
        msg = (
            f"{target} not stated; implied: {arithmetic} = {show(implied, implied_unit, span=True)}"
        )
        return finding("CC303", CHECK, "info", msg, (d, own), expected=implied.mid)
    if mode == "rel":
        arithmetic = f"100 × ({fmt(own.value, own.unit)} / {fmt(other.value, other.unit)} − 1)"
    else:
        arithmetic = f"{fmt(own.value, own.unit)} − {fmt(other.value, other.unit)}"
    return verdict(
        check_name=CHECK,
        rules=("CC301", "CC302"),
        stated=d,
        stated_iv=stated,
        observed=observed,
        computed=_computed(mode, own, other, unit),
        claims=(d, own, other),
        what=f"difference between {own.subject or own.text} and {other.subject or target}",
        arithmetic=arithmetic,
        unit=unit,
        thresholds=(0.0,),
    )
