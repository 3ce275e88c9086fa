"""Conversion: a figure restated in another unit right beside it.

Three shapes are checked, all on the intervals the stated precision allows (a restatement
rounded to its last digit never raises an error):

* ``X (Y)`` and ``X, or Y``: two figures of the same dimensionality in different units
  ("100 kilometres (62 miles)", "10 yuan per mu (150 yuan per hectare)"). The converted range of
  X must meet the stated range of Y.
* ``per U (Y)``: a parenthesis restating one unit ("10 yuan per mu (0.0667 hectares)": 1 mu is
  0.0667 hectares).
* a unit abbreviation in brackets beside its name ("18 megawatt (MW)", "1,000 (kilowatt) kW"):
  the two must name the same unit (or the abbreviation may carry the scale word:
  "18 million tonnes (Mt)").

Figures in different currencies are never compared: they are different dimensions in
``claimcheck.ureg`` and converting them needs an exchange rate the text does not give. Plain
counts and percentages are dimensionless and not conversions ("rose by 236,000, or 0.2 percent").

Rules (see docs/checks/conversion.md):

* CC701 info: the restatement agrees with the conversion.
* CC702 error: it does not, beyond rounding; gross when off by a factor of 1.5 or more (a
  confused unit or a slipped decimal point, not a rounding matter).
* CC703 info: a bracketed unit abbreviation names the unit of the figure.
* CC704 error: a bracketed unit abbreviation names another unit of the same kind
  ("18 megawatt (kW)"); always gross (the figure's size is off by the prefix).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..claim import Claim
from ..intervals import Interval
from ..report import Finding
from ..units import ureg
from . import CheckContext, check, finding
from ._util import interval

__all__ = ["conversion"]

NAME = "conversion"

#: Relative widening of a converted range, so float noise in pint's factors never shrinks it.
_NOISE = 1e-12
#: A restatement off by this factor or more is gross: a confused unit, not rounding.
_GROSS_FACTOR = 1.5

_QUAL = (
    r"(?:(?:about|approximately|approx\.|around|roughly|some|nearly|almost|over|more\s+than|"
    r"less\s+than|under|i\.e\.,?|equivalent\s+to|equal\s+to|c\.|ca\.|~|≈)\s*)*"
)
#: Between a figure and its restatement: an opening bracket, or ", or".
_OPEN = re.compile(rf"\s*[(\[]\s*{_QUAL}|\s*,?\s+or\s+{_QUAL}", re.I)
_CLOSE = re.compile(r"\s*(?:[)\]]|,|;|\.(?!\d)|\Z)")
#: "per mu (" before a restatement of one unit: the word that opens it, then the unit.
_PER_WORD = re.compile(r"\b(?:per|a|an|each|every|one)\s+|/\s*", re.I)
_PER_REST = re.compile(rf"(?P<unit>[A-Za-z][A-Za-z ]{{0,24}}?)\s*\(\s*{_QUAL}", re.I)
_ABBR_INSIDE = re.compile(r"\(\s*(?P<unit>[^()\d]{1,24}?)\s*\)")
_ABBR_AFTER = re.compile(r"\A\s*\(\s*(?P<unit>[A-Za-z][A-Za-z0-9/·^\- ]{0,15}?)\s*\)")
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|mn|bn|tn|k)\b", re.I)


@lru_cache(maxsize=512)
def _unit(name: str) -> Any:
    """``ureg.Unit(name)``, or None when pint cannot read it."""
    if not name or not name.strip():
        return None
    try:
        return ureg.Unit(name.strip())
    except Exception:  # pint raises a zoo of errors (undefined, syntax, attribute, type)
        return None


def _physical(u: Any) -> bool:
    """A unit a restatement can be checked in: not dimensionless (counts, percentages).

    Money is allowed only because callers also demand equal dimensionality, which holds only
    within one currency ("yuan per mu" against "yuan per hectare"), never across two.
    """
    return u is not None and bool(u.dimensionality)


def _factor(src: Any, dst: Any) -> float | None:
    try:
        return float(ureg.Quantity(1.0, src).to(dst).magnitude)
    except Exception:
        return None


def _convert(iv: Interval, src: Any, dst: Any) -> Interval | None:
    """The range ``iv`` in ``src`` expressed in ``dst`` (offset units such as degrees work)."""
    try:
        ends = [
            e if math.isinf(e) else float(ureg.Quantity(e, src).to(dst).magnitude)
            for e in (iv.lo, iv.hi)
        ]
    except Exception:
        return None
    lo, hi = min(ends), max(ends)
    if any(math.isnan(e) for e in (lo, hi)):
        return None
    return _widen(Interval(lo, hi, iv.lo_open, iv.hi_open))


def _widen(iv: Interval) -> Interval:
    lo = iv.lo - abs(iv.lo) * _NOISE if math.isfinite(iv.lo) else iv.lo
    hi = iv.hi + abs(iv.hi) * _NOISE if math.isfinite(iv.hi) else iv.hi
    return Interval(lo, hi, iv.lo_open, iv.hi_open)


def _num(x: float) -> str:
    """A figure with up to 10 significant digits, grouped: 299,999.5, 0.0666667."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 1000:
        return f"{x:,.10g}" if abs(x) < 1e10 else f"{x:.6g}"
    return f"{x:.6g}"


def _range(iv: Interval) -> str:
    if math.isinf(iv.hi) and math.isinf(iv.lo):
        return "any value"
    if math.isinf(iv.hi):
        return f"above {_num(iv.lo)}"
    if math.isinf(iv.lo):
        return f"below {_num(iv.hi)}"
    return f"{_num(iv.lo)} to {_num(iv.hi)}"


def _gross(computed: Interval, stated: Interval) -> bool:
    """Off by a factor of ``_GROSS_FACTOR`` or more, or of the other sign."""
    if not (computed.is_bounded and stated.is_bounded):
        return False
    a, b = computed.mid, stated.mid
    if a == 0 or b == 0 or (a > 0) != (b > 0):
        return a != b
    r = abs(a / b)
    return r >= _GROSS_FACTOR or r <= 1 / _GROSS_FACTOR


def _verdict(
    claims: list[Claim], computed: Interval, stated: Interval, said: str, b: Claim
) -> Finding:
    if stated.intersects(computed):
        return finding(
            "CC701", NAME, "info", f"{said}; the text gives {b.text} ({_range(stated)}): holds",
            claims, expected=computed.mid if computed.is_bounded else None, observed=b.value,
            slip=0.0,
        )  # fmt: skip
    return finding(
        "CC702", NAME, "error",
        f"{said}, but the text gives {b.text} ({_range(stated)}), off by "
        f"{_num(stated.distance(computed))} {b.unit} beyond rounding",
        claims, expected=computed.mid if computed.is_bounded else None, observed=b.value,
        gross=_gross(computed, stated), slip=stated.distance(computed),
    )  # fmt: skip


def _pair(text: str, a: Claim, b: Claim) -> Finding | None:
    """ "100 kilometres (62 miles)": b restates a in another unit."""
    if a.end > b.start or a.unit == b.unit:
        return None
    if not _OPEN.fullmatch(text, a.end, b.start) or not _CLOSE.match(text, b.end):
        return None
    ua, ub = _unit(a.unit), _unit(b.unit)
    if not (_physical(ua) and _physical(ub)) or ua.dimensionality != ub.dimensionality:
        return None
    computed = _convert(interval(a), ua, ub)
    if computed is None:
        return None
    said = f"{a.text} is {_range(computed)} {b.unit}"
    return _verdict([a, b], computed, interval(b), said, b)


def _per_unit(text: str, b: Claim, a: Claim | None) -> Finding | None:
    """ "per mu (0.0667 hectares)": b restates one unit named just before the bracket."""
    lo = max(0, b.start - 40)
    for m in reversed(list(_PER_WORD.finditer(text, lo, b.start))):
        rest = _PER_REST.fullmatch(text, m.end(), b.start)
        if rest:
            break
    else:
        return None
    word = rest.group("unit").strip()
    src, dst = _unit(word), _unit(b.unit)
    if src is None and word.lower().endswith("s"):
        src = _unit(word[:-1])
    if not (_physical(src) and _physical(dst)) or src.dimensionality != dst.dimensionality:
        return None
    if src == dst:
        return None
    f = _factor(src, dst)
    if f is None or not math.isfinite(f):
        return None
    computed = _widen(Interval.point(f))
    claims = [a, b] if a is not None and a.start <= m.start() <= a.end + 15 else [b]
    said = f"1 {word} is {_num(f)} {b.unit}"
    return _verdict(claims, computed, interval(b), said, b)


def _abbreviation(text: str, c: Claim) -> Finding | None:
    """ "18 megawatt (MW)": the bracketed unit names the figure's unit."""
    if not c.unit:
        return None
    m = _ABBR_INSIDE.search(c.text)
    where = "in"
    if m is None:
        m = _ABBR_AFTER.match(text[c.end : c.end + 24])
        where = "after"
    if m is None:
        return None
    said = m.group("unit").strip()
    u, own = _unit(said), _unit(c.unit)
    if not (_physical(u) and _physical(own)) or u.dimensionality != own.dimensionality:
        return None
    f = _factor(u, own)
    if f is None:
        return None
    scaled = bool(_SCALE.search(c.text))
    same = math.isclose(f, 1.0, rel_tol=1e-9)
    if same or (scaled and f > 1):
        return finding(
            "CC703", NAME, "info", f'"({said})" {where} {c.text} names its unit ({c.unit}): holds',
            [c], expected=1.0, observed=f if same else 1.0, slip=0.0,
        )  # fmt: skip
    return finding(
        "CC704", NAME, "error",
        f'"({said})" {where} {c.text} names another unit: 1 {said} is {_num(f)} {c.unit}',
        [c], expected=1.0, observed=f, gross=True, slip=abs(f - 1.0),
    )  # fmt: skip


@check(NAME)
def conversion(ctx: CheckContext) -> Iterator[Finding]:
    """Figures restated in another unit beside them, and bracketed unit abbreviations."""
    text = ctx.text
    claims = sorted(
        (c for c in ctx.claims if 0 <= c.start <= c.end <= len(text)), key=lambda c: c.start
    )
    prev: Claim | None = None
    for c in claims:
        if c.unit:
            f = _abbreviation(text, c)
            if f is not None:
                yield f
            f = _pair(text, prev, c) if prev is not None and prev.unit else None
            if f is None:
                f = _per_unit(text, c, prev)
            if f is not None:
                yield f
        prev = c
