"""Interval arithmetic on stated figures, so that rounding never raises a false error.

A figure in prose is a range, not a number: "38.7%" is any share in [38.65, 38.75]. Every
consistency check (restated figures, part/whole shares, percentage-point differences, growth
against a base) computes on these ranges and flags a claim only when the stated range and the
computed range cannot meet -- the approach of XBRL Calculations 1.1 and of statcheck/GRIM.

Three decisions keep the arithmetic sound, i.e. the computed range always holds the true value:

* Edges of a stated figure are computed in decimal (``Decimal(repr(value))``) and rounded to the
  nearest float, so ``from_stated(38.7, 0.1)`` is exactly ``[38.65, 38.75]``. Any float that
  rounds to "38.7" lies inside those float edges.
* Arithmetic on intervals is exact (``Fraction``) and the result is rounded *outward* to floats,
  so float noise never shrinks a computed range.
* ``intersects`` still allows a relative ``EPSILON`` (1e-12) where two closed ends touch, for
  callers who feed in values computed with plain floats.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable
from decimal import Context, Decimal, localcontext
from fractions import Fraction
from numbers import Real

import attrs

__all__ = [
    "ABOUT_TOLERANCE",
    "EPSILON",
    "QUALIFIERS",
    "Interval",
    "compatible",
    "from_stated",
    "growth_rate",
    "implied_base",
    "implied_whole",
    "percent_of",
    "pp_difference",
    "reachable_counts",
    "resolution_of",
    "slip",
]

#: Relative half-width of "about", "nearly", "approximately", "close to", "around": 5% of the
#: value, or half the stated resolution if that is wider. Writers use these words for figures
#: that are further off than rounding alone allows ("nearly 10,000" for 9,600).
ABOUT_TOLERANCE = 0.05

#: Relative tolerance at which two closed ends count as touching despite float noise.
EPSILON = 1e-12

#: Qualifier names, as in ``claimcheck.claim.QUALIFIERS`` (kept here so this module stays a leaf).
QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least", "at_most")

_INF = math.inf
# Stated edges are computed in decimal with ample precision, whatever the caller's context.
_DECIMAL = Context(prec=60)
# An exact endpoint value: a Fraction, or a float infinity.
_Exact = Fraction | float


def _check_number(x: float, what: str) -> float:
    x = float(x)
    if math.isnan(x):
        raise ValueError(f"{what} is NaN")
    return x


@attrs.frozen(slots=True, repr=False)
class Interval:
    """A connected set of reals from ``lo`` to ``hi``; each end is closed or open.

    Infinite ends are always stored open. An interval is never empty: ``lo <= hi``, and a
    single point must have both ends closed.

    >>> Interval(1, 2) + Interval(3, 4)
    Interval(4.0, 6.0)
    >>> print(Interval(89.5, 100, lo_open=True))
    (89.5, 100]
    """

    lo: float = attrs.field(converter=float)
    hi: float = attrs.field(converter=float)
    lo_open: bool = attrs.field(default=False, converter=bool)
    hi_open: bool = attrs.field(default=False, converter=bool)

    def __attrs_post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError(f"interval end is NaN: ({self.lo}, {self.hi})")
        if self.lo == _INF or self.hi == -_INF:
            raise ValueError(f"interval holds no real number: ({self.lo}, {self.hi})")
        if self.lo > self.hi:
            raise ValueError(f"interval lower end {self.lo} exceeds upper end {self.hi}")
        if self.lo == self.hi and (self.lo_open or self.hi_open):
            raise ValueError(f"interval with an open end at {self.lo} is empty")
        # Infinity is not a number the interval can hold: store those ends open.
        if self.lo == -_INF:
            object.__setattr__(self, "lo_open", True)
        if self.hi == _INF:
            object.__setattr__(self, "hi_open", True)

    @classmethod
    def point(cls, x: float) -> Interval:
        """The degenerate interval ``[x, x]``: a figure that is exact by nature."""
        x = _check_number(x, "point")
        return cls(x, x)

    @classmethod
    def everything(cls) -> Interval:
        """The whole real line: the result when nothing can be concluded."""
        return cls(-_INF, _INF)

    # --- properties ---------------------------------------------------------------------

    @property
    def mid(self) -> float:
        """Centre; ``±inf`` for a half-line and 0.0 for the whole line (its centre of symmetry)."""
        if self.is_everything:
            return 0.0
        return self.lo / 2 + self.hi / 2  # halves first: no overflow near the float maximum

    @property
    def width(self) -> float:
        """``hi - lo``; ``inf`` when unbounded."""
        return self.hi - self.lo

    @property
    def is_bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    @property
    def is_everything(self) -> bool:
        return self.lo == -_INF and self.hi == _INF

    # --- set relations ------------------------------------------------------------------

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the interval (closed ends with the ``EPSILON`` tolerance)."""
        x = _check_number(x, "value")
        if math.isinf(x):
            return False
        return self.intersects(Interval(x, x))

    def __contains__(self, x: float) -> bool:
        return self.contains(x)

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share a point.

        Ends that touch within ``EPSILON`` (relative) share a point only if both are closed:
        "over 90%" read as (89.5, 100] does not meet a computed exact 89.5.
        """
        return _meets(other.lo, other.lo_open, self.hi, self.hi_open) and _meets(
            self.lo, self.lo_open, other.hi, other.hi_open
        )

    def distance(self, other: Interval) -> float:
        """Gap between the intervals: 0.0 when they intersect (or touch at an open end)."""
        if self.intersects(other):
            return 0.0
        return max(0.0, max(self.lo, other.lo) - min(self.hi, other.hi))

    # --- arithmetic ---------------------------------------------------------------------

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __pos__(self) -> Interval:
        return self

    def __add__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        lo = -_INF if -_INF in (self.lo, o.lo) else _down(Fraction(self.lo) + Fraction(o.lo))
        hi = _INF if _INF in (self.hi, o.hi) else _up(Fraction(self.hi) + Fraction(o.hi))
        return Interval(lo, hi, self.lo_open or o.lo_open, self.hi_open or o.hi_open)

    __radd__ = __add__

    def __sub__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return self + (-o)

    def __rsub__(self, other: float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return o + (-self)

    def __mul__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return _hull(_product(x, xc, y, yc) for x, xc in self._ends() for y, yc in o._ends())

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return _divide(self, o)

    def __rtruediv__(self, other: float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return _divide(o, self)

    def _ends(self) -> tuple[tuple[float, bool], tuple[float, bool]]:
        """Each end with whether it is attained (closed)."""
        return (self.lo, not self.lo_open), (self.hi, not self.hi_open)

    # --- display ------------------------------------------------------------------------

    def __repr__(self) -> str:
        flags = "".join(f", {name}=True" for name in ("lo_open", "hi_open") if getattr(self, name))
        return f"Interval({self.lo!r}, {self.hi!r}{flags})"

    def __str__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{self.lo:.12g}, {self.hi:.12g}{right}"


# --- constructors ---------------------------------------------------------------------------


def from_stated(
    value: float,
    resolution: float,
    qualifier: str = "exact",
    *,
    bounded: tuple[float, float] | None = None,
) -> Interval:
    """The interval of true values a writer could have meant by ``value``.

    ``resolution`` is the step of the last stated digit, already scaled ("4.089 million" -> 1000);
    0 means exact by nature. Semantics per qualifier, with ``h = resolution / 2``:

    * ``exact``: ``[v - h, v + h]``. Both ends closed: under round-half-up a true 38.65 prints
      "38.7", under round-half-even it prints "38.6", and we cannot tell which the writer used.
    * ``at_least``: ``[v - h, +inf)``; ``at_most``: ``(-inf, v + h]``.
    * ``more_than``: ``(v - h, +inf)``. Writers say "over 90%" of a figure that *prints* as 90,
      so the lower end is the rounding edge, not v; it is open so that, for a figure exact by
      nature (h = 0), "more than 15" still excludes 15 and differs from "at least".
    * ``less_than``: ``(-inf, v + h)``, the mirror image.
    * ``about``: ``[v - m, v + m]`` with ``m = max(h, ABOUT_TOLERANCE * |v|)``.

    ``bounded=(lo, hi)`` caps the result to a closed range a quantity cannot leave (a share is in
    [0, 100]); a statement wholly outside it raises ``ValueError``.

    >>> from_stated(38.7, 0.1)
    Interval(38.65, 38.75)
    >>> print(from_stated(90, 1, "more_than", bounded=(0, 100)))
    (89.5, 100]
    >>> print(from_stated(10_000, 1000, "about"))
    [9500, 10500]
    """
    v = _check_number(value, "stated value")
    r = _check_number(resolution, "resolution")
    if math.isinf(v):
        raise ValueError("stated value must be finite")
    if r < 0 or math.isinf(r):
        raise ValueError(f"resolution must be finite and >= 0, got {r}")
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {QUALIFIERS}")
    with localcontext(_DECIMAL):
        dv = Decimal(repr(v))
        half = Decimal(repr(r)) / 2
        m = max(half, Decimal(repr(ABOUT_TOLERANCE)) * abs(dv)) if qualifier == "about" else half
        lo, hi = float(dv - m), float(dv + m)
    if qualifier in ("exact", "about"):  # for "about", m is the wider tolerance
        out = Interval(lo, hi)
    elif qualifier == "at_least":
        out = Interval(lo, _INF)
    elif qualifier == "more_than":
        out = Interval(lo, _INF, lo_open=True)
    elif qualifier == "at_most":
        out = Interval(-_INF, hi)
    else:  # less_than
        out = Interval(-_INF, hi, hi_open=True)
    return out if bounded is None else _cap(out, *bounded)


def resolution_of(surface_digits: str) -> float:
    """Step of the last written digit: 10 ** -(decimal places). Grouping separators are ignored.

    The caller multiplies by the scale word ("4.089 million" -> 0.001 * 1e6).

    >>> resolution_of("4.089"), resolution_of("38.7"), resolution_of("1,000"), resolution_of("12")
    (0.001, 0.1, 1.0, 1.0)
    """
    s = surface_digits.strip()
    for sep in (",", "_", " ", "\u00a0", "\u202f", "\u2009", "'"):
        s = s.replace(sep, "")
    s = s.lstrip("+-\u2212")
    whole, _, frac = s.partition(".")
    if not (whole or frac) or not (whole + frac).isdigit() or not (whole + frac).isascii():
        raise ValueError(f"not a digit string: {surface_digits!r}")
    return float(Decimal(1).scaleb(-len(frac)))


# --- derived figures ------------------------------------------------------------------------


def percent_of(part: Interval, whole: Interval) -> Interval:
    """Share of ``part`` in ``whole``, in percent: ``100 * part / whole``.

    >>> share = percent_of(from_stated(8.316e6, 1e3), from_stated(21.47e6, 1e4))
    >>> print(share)
    [38.7217694994, 38.7444677382]
    >>> share.contains(38.73)
    True
    """
    return 100 * (part / whole)


def implied_whole(part: Interval, share_pct: Interval) -> Interval:
    """The whole that ``part`` must be ``share_pct`` percent of: ``part / (share / 100)``."""
    return part / (share_pct / 100)


def pp_difference(a: Interval, b: Interval) -> Interval:
    """Difference of two percentages in percentage points: ``a - b``."""
    return a - b


def growth_rate(level_now: Interval, level_before: Interval) -> Interval:
    """Growth in percent: ``100 * (now / before - 1)`` (each input used once, so no widening)."""
    return 100 * (level_now / level_before - 1)


def implied_base(level: Interval, growth_pct: Interval) -> Interval:
    """The earlier level implied by a level and its growth: ``level / (1 + g / 100)``."""
    return level / (1 + growth_pct / 100)


# --- verdicts -------------------------------------------------------------------------------


def compatible(stated: Interval, computed: Interval) -> bool:
    """Whether some true value fits both the statement and the computation."""
    return stated.intersects(computed)


def slip(stated: Interval, computed: Interval) -> float:
    """Size of the inconsistency: the gap between the two intervals, 0.0 when compatible."""
    return stated.distance(computed)


def reachable_counts(share: Interval, whole_count: int) -> range:
    """Counts ``k`` in ``0..n`` whose share ``100 * k / n`` lies in ``share`` (the GRIM test).

    Returned as a ``range`` so a whole of 10**9 costs O(1); an empty range means no count out of
    ``n`` can give the stated share.

    >>> list(reachable_counts(from_stated(90, 1, "more_than", bounded=(0, 100)), 31))
    [28, 29, 30, 31]
    """
    n = operator.index(whole_count)
    if n <= 0:
        raise ValueError(f"whole count must be positive, got {n}")
    first = _first_count(share, n, step=1)
    last = _first_count(share, n, step=-1)
    if first is None or last is None or first > last:
        return range(0)
    return range(first, last + 1)


# --- internals ------------------------------------------------------------------------------


def _meets(lo: float, lo_open: bool, hi: float, hi_open: bool) -> bool:
    """Whether some x satisfies ``lo (<|<=) x (<|<=) hi``, allowing float noise at a touch."""
    if math.isinf(lo) or math.isinf(hi):
        return lo < hi
    tol = EPSILON * max(abs(lo), abs(hi))
    if lo < hi - tol:
        return True
    if lo > hi + tol:
        return False
    return not (lo_open or hi_open)


def _coerce(x: object) -> Interval | None:
    if isinstance(x, Interval):
        return x
    if isinstance(x, Real) and not isinstance(x, bool):
        return Interval.point(float(x))
    return None


def _to_float(q: Fraction) -> float:
    try:
        return float(q)
    except OverflowError:
        return _INF if q > 0 else -_INF


def _down(q: _Exact) -> float:
    """Largest float <= q."""
    if isinstance(q, float):
        return q
    f = _to_float(q)
    if f == _INF or (math.isfinite(f) and Fraction(f) > q):
        f = math.nextafter(f, -_INF)
    return f


def _up(q: _Exact) -> float:
    """Smallest float >= q."""
    if isinstance(q, float):
        return q
    f = _to_float(q)
    if f == -_INF or (math.isfinite(f) and Fraction(f) < q):
        f = math.nextafter(f, _INF)
    return f


def _product(x: float, xc: bool, y: float, yc: bool) -> tuple[_Exact, bool]:
    """Exact product of two ends and whether the interval product attains it.

    0 * inf counts as 0: zero times any real is zero, and an infinite end is never attained.
    """
    if x == 0 or y == 0:
        return Fraction(0), (x == 0 and xc) or (y == 0 and yc)
    if math.isinf(x) or math.isinf(y):
        return math.copysign(_INF, x * y), False
    return Fraction(x) * Fraction(y), xc and yc


def _quotient(x: float, xc: bool, y: float, yc: bool, side: float) -> tuple[_Exact, bool] | None:
    """Exact quotient of two ends; ``y`` may be an open 0 approached from ``side``."""
    if math.isinf(x) and math.isinf(y):
        return None  # covered by the other corners: x / finite end and finite end / y
    if x == 0:
        return Fraction(0), xc
    if y == 0:
        return math.copysign(_INF, x * side), False
    if math.isinf(y):
        return Fraction(0), False
    if math.isinf(x):
        return math.copysign(_INF, x * y), False
    return Fraction(x) / Fraction(y), xc and yc


def _divide(a: Interval, b: Interval) -> Interval:
    """``a / b`` as a set; the whole line when ``b`` has 0 inside (nothing can be concluded).

    A closed 0 at one end of ``b`` is dropped (x / 0 is undefined, not a value the quotient can
    take): ``[1, 2] / [0, 4]`` is ``[0.25, inf)``.
    """
    if a.lo == a.hi == 0 and not (b.lo == b.hi == 0):
        return Interval(0, 0)
    if b.lo < 0 < b.hi or b.lo == b.hi == 0:
        return Interval.everything()
    side = 1.0 if b.hi > 0 else -1.0
    b_ends = [(y, yc and y != 0) for y, yc in b._ends()]
    quotients = [_quotient(x, xc, y, yc, side) for x, xc in a._ends() for y, yc in b_ends]
    return _hull(q for q in quotients if q is not None)


def _hull(candidates: Iterable[tuple[_Exact, bool]]) -> Interval:
    """Smallest interval holding every candidate, rounded outward; an end is closed if attained."""
    cands = list(candidates)
    lo = min(v for v, _ in cands)
    hi = max(v for v, _ in cands)
    # Candidates are Fractions or float infinities (math.isfinite would overflow on a Fraction).
    lo_closed = isinstance(lo, Fraction) and any(c for v, c in cands if v == lo)
    hi_closed = isinstance(hi, Fraction) and any(c for v, c in cands if v == hi)
    flo, fhi = _down(lo), _up(hi)
    # Outward rounding makes an open end inexact; the float end is then a safe closed bound.
    lo_open = not lo_closed and Fraction(flo) == lo if math.isfinite(flo) else True
    hi_open = not hi_closed and Fraction(fhi) == hi if math.isfinite(fhi) else True
    if flo == fhi:
        lo_open = hi_open = False
    return Interval(flo, fhi, lo_open, hi_open)


def _cap(iv: Interval, lo: float, hi: float) -> Interval:
    lo = _check_number(lo, "lower bound")
    hi = _check_number(hi, "upper bound")
    new_lo, lo_open = (lo, False) if lo > iv.lo else (iv.lo, iv.lo_open)
    new_hi, hi_open = (hi, False) if hi < iv.hi else (iv.hi, iv.hi_open)
    if new_lo > new_hi or (new_lo == new_hi and (lo_open or hi_open)):
        raise ValueError(f"stated range {iv} lies outside the bounds [{lo}, {hi}]")
    return Interval(new_lo, new_hi, lo_open, hi_open)


def _first_count(share: Interval, n: int, step: int) -> int | None:
    """Smallest (step=1) or largest (step=-1) k in 0..n with 100*k/n in ``share``."""
    edge = share.lo if step == 1 else share.hi
    if math.isinf(edge):
        start = 0 if step == 1 else n
    else:
        # Start just outside the float estimate of the boundary and walk a few steps in: the
        # estimate is within one count of the truth, and ``contains`` decides ties and open ends.
        start = math.floor(n * edge / 100) - 1 if step == 1 else math.ceil(n * edge / 100) + 1
        start = min(max(start, 0), n)
    k = start
    for _ in range(5):
        if not 0 <= k <= n:
            return None
        if share.contains(100 * k / n):
            return k
        k += step
    return None
