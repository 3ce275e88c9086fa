"""Arithmetic on stated figures: the values a claim admits, units, and the verdict on a sum.

Every arithmetic family (``share``, ``difference``, ``part_whole``, ``subset``, ``growth``,
``granularity``, ``derived``) computes on intervals, so that rounding never makes a false error,
and reports through ``verdict``, so that agreement and contradiction read alike across families.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence

from ..claim import Claim
from ..intervals import Interval, compatible, slip
from ..report import Finding
from ..units import ureg
from . import finding
from ._subjects import subject_words
from ._util import fmt, interval, wordset

__all__ = [
    "ONE_SIDED",
    "additive",
    "expected_of",
    "factor",
    "flips",
    "said",
    "scaled",
    "show",
    "value_range",
    "verdict",
]

# --- values ---------------------------------------------------------------------------------

#: Words marking a quantity that does not add up over parts (a balance, an average, a rate).
_NOT_ADDITIVE = wordset(
    """average mean median rate index price deficit surplus balance net per ratio profit loss
    revision yield"""
)


def additive(c: Claim) -> bool:
    """A non-negative stock or flow that parts add up to (counts, money, tonnes ...)."""
    if c.kind != "level" or c.unit in ("percent", "percentage_point") or "/" in c.unit:
        return False
    if c.value < 0 or c.bound:
        return False
    return not subject_words(c) & _NOT_ADDITIVE


@functools.lru_cache(maxsize=256)
def factor(src: str, dst: str) -> float | None:
    """Multiply a magnitude in ``src`` by this to get ``dst``; None across dimensions."""
    if src == dst:
        return 1.0
    if {src, dst} & {"percent", "percentage_point"}:
        return None
    try:
        return float(ureg.Quantity(1, src or "dimensionless").to(dst or "dimensionless").magnitude)
    except Exception:  # pint raises several error types for unknown or mismatched units
        return None


def value_range(c: Claim) -> Interval:
    """The values ``c`` admits: ``_util.interval``, except that a count of things (or a change
    in one) stated to the unit is exact ("72 lighthouse factories" is 72: no other whole number
    rounds to it). Indexes, rates, averages and scores are not counts and keep their interval.

    >>> from claimcheck.claim import Claim
    >>> c = Claim("c1", 0, 2, "72", 1, 1, 72.0, "", "exact", "level", "factories", resolution=1)
    >>> value_range(c)
    Interval(72.0, 72.0)
    """
    if (
        c.unit == ""
        and c.kind in ("level", "change")
        and c.qualifier == "exact"
        and c.resolution == 1
        and float(c.value).is_integer()
        and not subject_words(c) & (_NOT_ADDITIVE | {"score", "point"})
    ):
        return Interval.point(c.value)
    return interval(c)


def scaled(c: Claim, unit: str) -> Interval:
    """``value_range(c)`` expressed in ``unit`` (callers check ``factor`` first)."""
    f = factor(c.unit, unit)
    assert f is not None
    iv = value_range(c)
    return iv if f == 1.0 else iv * f


# --- verdicts -------------------------------------------------------------------------------

#: Qualifiers that make a figure a threshold ("over 90%"): contradicting one flips a conclusion.
ONE_SIDED = ("more_than", "less_than", "at_least", "at_most")


def _above(iv: Interval, t: float) -> bool:
    return iv.lo > t or (iv.lo == t and iv.lo_open)


def _below(iv: Interval, t: float) -> bool:
    return iv.hi < t or (iv.hi == t and iv.hi_open)


def flips(stated: Interval, computed: Interval, thresholds: Iterable[float]) -> bool:
    """Whether a threshold separates the stated from the computed range (a flipped conclusion)."""
    return any(
        (_above(stated, t) and _below(computed, t)) or (_below(stated, t) and _above(computed, t))
        for t in thresholds
    )


def expected_of(computed: Interval, observed: float) -> float:
    """The figure the other claims imply: the centre of a bounded range, else its nearest end."""
    if computed.is_bounded:
        return computed.mid
    if computed.is_everything:
        return observed
    return min(max(observed, computed.lo), computed.hi)


_QUALIFIER_WORDS = {
    "more_than": "over",
    "less_than": "under",
    "at_least": "at least",
    "at_most": "at most",
    "about": "about",
}


def said(c: Claim) -> str:
    """The figure as the text qualifies it ("over 90%"), even when the span holds only "90%"."""
    word = _QUALIFIER_WORDS.get(c.qualifier, "")
    first = c.text[:1]
    if not word or not first or not (first.isdigit() or first in "+-−$£€¥"):
        return c.text
    return f"{word} {c.text}"


def show(iv: Interval, unit: str = "", *, span: bool = False) -> str:
    """A computed range as a figure (its centre), with the range itself when ``span``."""
    if not iv.is_bounded:
        if math.isinf(iv.hi) and math.isfinite(iv.lo):
            return f"at least {fmt(iv.lo, unit)}"
        if math.isinf(iv.lo) and math.isfinite(iv.hi):
            return f"at most {fmt(iv.hi, unit)}"
        return "undetermined"
    mid = fmt(iv.mid, unit)
    if span and iv.width > 0:
        return f"{mid} ({fmt(iv.lo, unit)} to {fmt(iv.hi, unit)})"
    return mid


def _gap_unit(unit: str) -> str:
    """The unit a difference of two figures in ``unit`` is written in."""
    return "percentage_point" if unit == "percent" else unit


def verdict(
    *,
    check_name: str,
    rules: tuple[str, str],
    stated: Claim,
    computed: Interval,
    claims: Sequence[Claim],
    what: str,
    arithmetic: str,
    unit: str | None = None,
    thresholds: Iterable[float] = (),
    stated_iv: Interval | None = None,
    observed: float | None = None,
) -> Finding:
    """``rules[0]`` (info) when ``stated`` can equal ``computed``, else ``rules[1]`` (error).

    ``gross`` when a threshold separates them, or when the stated figure is itself a threshold
    ("more than 50%") that the computation contradicts.
    """
    unit = stated.unit if unit is None else unit
    s_iv = value_range(stated) if stated_iv is None else stated_iv
    observed = stated.value if observed is None else observed
    expected = expected_of(computed, observed)
    if compatible(s_iv, computed):
        msg = f"{what}: {arithmetic} = {show(computed, unit)}, stated {said(stated)}"
        return finding(
            rules[0], check_name, "info", msg, claims,
            expected=expected, observed=observed, slip=0.0,
        )  # fmt: skip
    size = slip(s_iv, computed)
    gross = flips(s_iv, computed, thresholds) or stated.qualifier in ONE_SIDED
    msg = (
        f"{what}: {arithmetic} = {show(computed, unit, span=True)}, but the text states "
        f"{said(stated)} (off by {fmt(size, _gap_unit(unit))} beyond rounding)"
    )
    return finding(
        rules[1], check_name, "error", msg, claims,
        expected=expected, observed=observed, gross=gross, slip=size,
    )  # fmt: skip
