"""The period a document reports on, named in its title ("Q2 2024 Earnings Call", "THE
EMPLOYMENT SITUATION -- MARCH 2023"), and the anaphoric phrases that mean it: "in the quarter",
"at quarter end", "during the year".
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from ..periods import PeriodMention, find_periods

__all__ = ["focus_mentions", "title_period"]

_TITLE_CHARS = 300
_LENGTHS = {"month": range(28, 32), "quarter": range(89, 93), "year": range(365, 367)}
_ANAPHOR = re.compile(
    r"\b(?:(?:in|during|for|over|through|throughout|across)\s+)?(?:the|this)\s+"
    r"(?P<unit>quarter|year|month)\b(?!\s*(?:-|ago|earlier|before|ended|ending|to\b|of\b))"
    r"|\bat\s+(?:the\s+)?(?P<unit_end>quarter|year|month)[\s\-]end\b",
    re.IGNORECASE,
)


def title_period(text: str, date: datetime.date | None = None) -> PeriodMention | None:
    """The first explicit month, quarter or year in the document's opening lines, unless it
    holds the document's own ``date`` ("Monetary Policy Statement - September 2025" published on
    18 September names when it was written, not what its figures measure)."""
    for p in find_periods(text[:_TITLE_CHARS], None):
        if p.kind != "flow" or p.relative or not (p.period_start and p.period_end):
            continue
        if date is not None and p.period_start <= date <= p.period_end:
            return None
        days = (p.period_end - p.period_start).days + 1
        if any(days in r for r in _LENGTHS.values()):
            return p
    return None


def focus_mentions(
    text: str, taken: Sequence[PeriodMention], focus: PeriodMention | None
) -> list[PeriodMention]:
    """Period mentions for "the quarter" and the like, meaning the ``focus`` period the title
    names (see ``title_period``), where no other period phrase covers the words."""
    if focus is None or focus.period_start is None or focus.period_end is None:
        return []
    days = (focus.period_end - focus.period_start).days + 1
    unit = next(u for u, r in _LENGTHS.items() if days in r)
    spans = sorted((p.start, p.end) for p in taken)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end among the first k
    out = []
    for m in _ANAPHOR.finditer(text, _TITLE_CHARS):
        word = (m.group("unit") or m.group("unit_end")).lower()
        k = bisect_left(starts, m.end())  # spans starting before the phrase ends
        if word != unit or (k and reach[k - 1] > m.start()):
            continue
        end_only = m.group("unit_end") is not None
        start: datetime.date | None = None if end_only else focus.period_start
        out.append(
            PeriodMention(
                start=m.start(),
                end=m.end(),
                period_start=start,
                period_end=focus.period_end,
                kind="stock" if end_only else "flow",
                relative=True,
                text=m.group(),
                form="calendar",
            )
        )
    return out
