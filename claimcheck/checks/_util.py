"""Helpers every check family (and the ledger and CLI) uses: claim intervals, figure display,
periods, word lists."""

from __future__ import annotations

from ..claim import Claim
from ..intervals import Interval, from_stated

__all__ = ["fmt", "interval", "same_period", "wordset"]


def interval(c: Claim, *, bounded: tuple[float, float] | None = None) -> Interval:
    """The values ``c`` admits given its stated precision and qualifier."""
    if bounded is None and c.unit == "percent" and c.kind == "share" and 0 <= c.value <= 100:
        bounded = (0.0, 100.0)
    return from_stated(c.value, c.resolution, c.qualifier, bounded=bounded)


def fmt(x: float | None, unit: str = "") -> str:
    """A figure as a reader would write it: 4.089 million, 38.7%, 7 percentage points."""
    if x is None:
        return "?"
    ax = abs(x)
    if unit == "percent":
        return f"{_trim(x, 2)}%"
    if unit == "percentage_point":
        return f"{_trim(x, 2)} percentage points"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if ax >= scale:
            s = f"{_trim(x / scale, 4)} {word}"
            break
    else:
        s = f"{x:,.4f}".rstrip("0").rstrip(".") if ax < 1000 else f"{x:,.0f}"
    return f"{s} {unit}" if unit else s


def _trim(x: float, places: int) -> str:
    s = f"{x:.{places}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def same_period(a: Claim, b: Claim) -> bool:
    """Periods compatible: equal, or at least one unknown."""
    if a.period_end and b.period_end and a.period_end != b.period_end:
        return False
    return not (a.period_start and b.period_start and a.period_start != b.period_start)


def wordset(words: str) -> frozenset[str]:
    """A word list written as one string, so long literal lists stay readable."""
    return frozenset(words.split())
