"""Shares of a small stated whole must be reachable with whole counts (the GRIM test).

"Over 90% of 31 provinces" means 28, 29, 30 or 31 of them; "33% of 4 regions" is impossible:
1 of 4 is 25% and 2 of 4 is 50%.

The whole is an exact integer count (no unit, at most 10,000) stated in the share's sentence or
the sentence before, tied to the share in one of three ways: the share is "X% of N ..."; the
share's stated whole names the count's subject ("90% of the provinces"); or the sentence opens
"Of the ... N ..., X% ..." (each count in that opening phrase is a whole).

Rules (documented in ``docs/checks/granularity.md``):

* CC1201 info -- the counts out of N the share allows;
* CC1202 error -- no count out of N gives the share.
"""

from __future__ import annotations

import math
import re

from ..claim import Claim
from ..intervals import Interval, reachable_counts
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import ONE_SIDED, flips, said
from ._subjects import phrase, same_thing
from ._text import between, sentence_before, windows
from ._util import fmt, interval

__all__ = ["granularity_check"]

CHECK = "granularity"
MAX_WHOLE = 10_000

_OF_NEXT = re.compile(r"^\s*of\s+(?:the\s+|all\s+|these\s+|those\s+|its\s+|their\s+)?$", re.I)
_OPENING = re.compile(r"^\s*(?:of|among|out\s+of)\b[^.;]*,\s*(?:[a-z]+\s+){0,2}$", re.I)


def _is_count(c: Claim) -> bool:
    return (
        c.unit == ""
        and c.kind == "level"
        and c.qualifier == "exact"
        and 1 <= c.value <= MAX_WHOLE
        and float(c.value).is_integer()
        and c.resolution <= 1
        and not c.bound
    )


def _is_share(c: Claim) -> bool:
    """A percentage that can be a share (a "change" only with "X% of N" right after it)."""
    return c.unit == "percent" and c.kind in ("share", "level", "change") and 0 <= c.value <= 100


def _wholes(
    ctx: CheckContext, s: Claim, sentence: tuple[Claim, ...], before: tuple[Claim, ...]
) -> list[Claim]:
    """The counts ``s`` is a share of (possibly several: "Of ... 31 provinces ... and 41
    categories, over 90% ...")."""
    later = [c for c in sentence if c.start >= s.end]
    if later and _is_count(later[0]):
        gap = between(ctx, s, later[0])
        if gap is not None and _OF_NEXT.match(gap):
            return [later[0]]
    if s.kind == "change":
        return []  # "up 33% of ..." is growth unless the count follows directly
    lead = sentence_before(ctx, s)
    if _OPENING.match(lead):
        found = [c for c in sentence if c.end <= s.start and _is_count(c)]
        if found:
            return found
    target = phrase(s.whole, keep_generic=False)
    if target:
        found = [
            c
            for c in (*before, *sentence)
            if c.end <= s.start and _is_count(c) and same_thing(phrase(c.subject), target)
        ]
        if found:
            return [found[-1]]
    return []


def _judge(s: Claim, n: Claim) -> Finding:
    share = interval(s, bounded=(0.0, 100.0))
    count = int(n.value)
    ks = reachable_counts(share, count)
    of = f"{said(s)} of {n.text} {n.subject}".rstrip()
    if len(ks):
        lo, hi = ks[0], ks[-1]
        counts = f"{lo}" if lo == hi else f"{lo} to {hi}"
        pct = fmt(100 * lo / count, "percent")
        if hi != lo:
            pct += f" to {fmt(100 * hi / count, 'percent')}"
        msg = f"{of}: {counts} of {count} ({pct})"
        mid = (lo + hi) / 2
        return finding("CC1201", CHECK, "info", msg, (s, n), expected=100 * mid / count,
                       observed=s.value, slip=0.0)  # fmt: skip
    # The counts just below and just above the stated range.
    below = min(count, max(0, math.floor(share.lo * count / 100)))
    above = min(count, max(0, math.ceil(share.hi * count / 100)))
    candidates = sorted({below, above})
    nearest = min(candidates, key=lambda k: share.distance(Interval.point(100 * k / count)))
    expected = 100 * nearest / count
    size = share.distance(Interval.point(expected))
    options = ", ".join(f"{k}/{count} = {fmt(100 * k / count, 'percent')}" for k in candidates)
    gross = flips(share, Interval.point(expected), (50.0,)) or s.qualifier in ONE_SIDED
    msg = (
        f"{of}: no whole count gives this share ({options}); nearest {fmt(expected, 'percent')}, "
        f"off by {fmt(size, 'percentage_point')} beyond rounding"
    )
    return finding("CC1202", CHECK, "error", msg, (s, n), expected=expected, observed=s.value,
                   gross=gross, slip=size)  # fmt: skip


@check(CHECK)
def granularity_check(ctx: CheckContext) -> list[Finding]:
    """CC1201/CC1202 for each share of a small stated count."""
    out: list[Finding] = []
    for w in windows(ctx):
        for s in w.sentence:
            if not _is_share(s):
                continue
            for n in _wholes(ctx, s, w.sentence, w.before):
                out.append(_judge(s, n))
    return out
