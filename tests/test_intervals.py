"""Interval arithmetic on stated figures: worked examples, edge cases, and soundness properties."""

from __future__ import annotations

import math
import pickle
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimcheck.intervals import (
    ABOUT_TOLERANCE,
    QUALIFIERS,
    Interval,
    compatible,
    from_stated,
    growth_rate,
    implied_base,
    implied_whole,
    percent_of,
    pp_difference,
    reachable_counts,
    resolution_of,
    slip,
)

INF = math.inf

# --- strategies (kept in this module: tests/strategies.py is owned elsewhere) ------------------

#: How a writer turns a true value into the digits on the page.
ROUNDINGS = ("python_round", "half_up_exact", "half_up_shown", "half_even_shown")


def write(x: float, places: int, how: str) -> tuple[float, float]:
    """``x`` rounded to ``places`` decimals as a writer would: (stated value, resolution)."""
    step = Decimal(1).scaleb(-places)
    if how == "python_round":
        value = Decimal(repr(round(x, places)))
    elif how == "half_up_exact":  # the binary value, rounded half up
        value = Decimal(x).quantize(step, ROUND_HALF_UP)
    elif how == "half_up_shown":  # the shortest printed form, rounded half up: 2.675 -> 2.68
        value = Decimal(repr(x)).quantize(step, ROUND_HALF_UP)
    else:
        value = Decimal(repr(x)).quantize(step, ROUND_HALF_EVEN)
    return float(value), float(step)


writers = st.tuples(st.integers(min_value=-2, max_value=4), st.sampled_from(ROUNDINGS))


def reals(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Arbitrary floats, mixed with short decimals so that rounding ties (x.x5) come up often."""
    short = st.integers(int(lo * 1000), int(hi * 1000)).map(lambda i: i / 1000)
    return st.one_of(st.floats(lo, hi, allow_nan=False, allow_infinity=False), short)


def _exact(x: float) -> Fraction:
    return Fraction(x)


def _truth(q: Fraction) -> float:
    """The true derived figure: exact, then rounded once to a float (a writer's 'true value')."""
    return float(q)


# Each derivation: a strategy for (true inputs), the exact derived figure, the interval formula.
DERIVATIONS = {
    "share": (
        st.tuples(reals(1, 1e7), st.floats(0, 1)).map(lambda t: (t[0] * t[1], t[0])),
        lambda part, whole: 100 * _exact(part) / _exact(whole),
        lambda part, whole: percent_of(part, whole),
    ),
    "pp_difference": (
        st.tuples(reals(-1000, 1000), reals(-1000, 1000)),
        lambda a, b: _exact(a) - _exact(b),
        pp_difference,
    ),
    "sum_of_parts": (
        st.lists(reals(-1e6, 1e6), min_size=2, max_size=6).map(tuple),
        lambda *parts: sum(map(_exact, parts)),
        lambda *parts: sum(parts),
    ),
    "growth": (
        st.tuples(reals(1, 1e6), reals(1, 1e6)),
        lambda now, before: 100 * (_exact(now) / _exact(before) - 1),
        growth_rate,
    ),
    "implied_base": (
        st.tuples(reals(1, 1e6), reals(-90, 500)),
        lambda now, g: _exact(now) / (1 + _exact(g) / 100),
        implied_base,
    ),
    "implied_whole": (
        st.tuples(reals(1, 1e7), st.floats(0.001, 1)).map(lambda t: (t[0] * t[1], 100 * t[1])),
        lambda part, share: _exact(part) / (_exact(share) / 100),
        implied_whole,
    ),
}


# --- worked examples --------------------------------------------------------------------------


def test_stated_share_is_its_rounding_range():
    assert from_stated(38.7, 0.1) == Interval(38.65, 38.75)
    assert str(from_stated(38.7, 0.1)) == "[38.65, 38.75]"


def test_share_of_millions_contains_the_stated_share():
    share = percent_of(from_stated(8.316e6, 1e3), from_stated(21.47e6, 1e4))
    assert share.contains(38.73)
    assert compatible(from_stated(38.7, 0.1), share)
    assert not compatible(from_stated(37.8, 0.1), share)


def test_over_90_percent_is_above_the_rounding_edge_and_capped_at_100():
    over = from_stated(90, 1, "more_than", bounded=(0, 100))
    assert over == Interval(89.5, 100, lo_open=True)
    assert not over.contains(89.5)  # the lower rounding edge itself is excluded
    assert over.contains(89.6)  # prints as "90%", which a writer may call "over 90%"
    assert over.contains(100)
    assert not over.contains(100.1)


def test_pp_difference_of_rounded_rates():
    diff = pp_difference(from_stated(12.8, 0.1), from_stated(5.8, 0.1))
    assert diff.lo == pytest.approx(6.9) and diff.hi == pytest.approx(7.1)
    assert compatible(from_stated(7, 1), diff)
    assert compatible(from_stated(7.0, 0.1), diff)
    assert not compatible(from_stated(7.3, 0.1), diff)


def test_restated_figure_that_differs_in_a_digit_is_a_slip():
    first, again = from_stated(4.089e6, 1e3), from_stated(4.098e6, 1e3)
    assert not compatible(first, again)
    assert slip(first, again) == pytest.approx(8000)
    assert slip(first, from_stated(4.09e6, 1e4)) == 0.0


def test_implied_whole_of_72_at_42_percent():
    # 72 counted exactly, 42% to the unit: the whole lies in [72 / 0.425, 72 / 0.415].
    whole = implied_whole(from_stated(72, 0), from_stated(42, 1))
    assert whole.lo == pytest.approx(169.4117647, rel=1e-9)
    assert whole.hi == pytest.approx(173.4939759, rel=1e-9)
    assert whole.contains(170) and whole.contains(172.3)
    assert not whole.contains(169.4)


def test_over_90_percent_of_31_provinces():
    over = from_stated(90, 1, "more_than", bounded=(0, 100))
    assert list(reachable_counts(over, 31)) == [28, 29, 30, 31]  # 27/31 = 87.1%


def test_growth_and_implied_base():
    assert growth_rate(from_stated(105, 1), from_stated(100, 1)).contains(5.0)
    base = implied_base(from_stated(105, 1), from_stated(5, 1))
    assert base.contains(100) and not base.contains(98)


def test_negative_change():
    fall = from_stated(-3.2, 0.1)
    assert fall == Interval(-3.25, -3.15)
    assert growth_rate(from_stated(96.8, 0.1), from_stated(100, 0)).contains(-3.2)
    assert compatible(fall, growth_rate(from_stated(96.8, 0.1), from_stated(100, 0)))


# --- qualifiers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("exact", Interval(89.5, 90.5)),
        ("more_than", Interval(89.5, INF, lo_open=True)),
        ("at_least", Interval(89.5, INF)),
        ("less_than", Interval(-INF, 90.5, hi_open=True)),
        ("at_most", Interval(-INF, 90.5)),
        ("about", Interval(85.5, 94.5)),
    ],
)
def test_qualifier_semantics(qualifier, expected):
    assert from_stated(90, 1, qualifier) == expected


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("more_than", Interval(15, INF, lo_open=True)),
        ("at_least", Interval(15, INF)),
        ("less_than", Interval(-INF, 15, hi_open=True)),
        ("exact", Interval(15, 15)),
    ],
)
def test_qualifiers_on_figures_exact_by_nature(qualifier, expected):
    # "more than 15 people": resolution 0, so 15 itself is excluded.
    assert from_stated(15, 0, qualifier) == expected


def test_bounded_caps_each_side():
    assert from_stated(5, 1, "less_than", bounded=(0, 100)) == Interval(0, 5.5, hi_open=True)
    assert from_stated(100, 1, bounded=(0, 100)) == Interval(99.5, 100)
    assert from_stated(0, 1, bounded=(0, 100)) == Interval(0, 0.5)
    with pytest.raises(ValueError, match="outside the bounds"):
        from_stated(120, 1, "more_than", bounded=(0, 100))
    with pytest.raises(ValueError, match="outside the bounds"):
        from_stated(0, 0, "less_than", bounded=(0, 100))


def test_about_is_wider_than_rounding():
    assert ABOUT_TOLERANCE == 0.05
    assert from_stated(10_000, 1000, "about").contains(9_600)  # "nearly 10,000"
    assert from_stated(1, 1, "about") == Interval(0.5, 1.5)  # rounding wins when wider
    assert from_stated(-200, 1, "about") == Interval(-210, -190)


def test_qualifier_names_match_the_claim_model():
    from claimcheck.claim import QUALIFIERS as CLAIM_QUALIFIERS

    assert set(QUALIFIERS) == set(CLAIM_QUALIFIERS)


def test_unknown_qualifier():
    with pytest.raises(ValueError, match="unknown qualifier"):
        from_stated(1, 1, "roughly")


@settings(max_examples=300, deadline=None)
@given(x=reals(-1e6, 1e6), w=writers)
def test_qualified_statements_hold_their_truth(x, w):
    places, _ = w
    step = Decimal(1).scaleb(-places)
    below = float(Decimal(x).quantize(step, rounding="ROUND_FLOOR"))
    above = float(Decimal(x).quantize(step, rounding="ROUND_CEILING"))
    r = float(step)
    # "more than / at least <a figure at or below x>", "less than / at most <one at or above>"
    if below < x:
        assert from_stated(below, r, "more_than").contains(x)
    assert from_stated(below, r, "at_least").contains(x)
    if above > x:
        assert from_stated(above, r, "less_than").contains(x)
    assert from_stated(above, r, "at_most").contains(x)


@settings(max_examples=300, deadline=None)
@given(x=reals(-1e6, 1e6), off=st.floats(-0.04, 0.04))
def test_about_holds_values_within_four_percent(x, off):
    assert from_stated(x * (1 + off), 0, "about").contains(x)


# --- resolution_of ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("4.089", 0.001),
        ("38.7", 0.1),
        ("1,000", 1),
        ("12", 1),
        ("504,000", 1),
        ("1 234.50", 0.01),
        ("-3.2", 0.1),
        ("\u22123.25", 0.01),
        (".5", 0.1),
        ("7.", 1),
    ],
)
def test_resolution_of(digits, expected):
    assert resolution_of(digits) == expected


@pytest.mark.parametrize("bad", ["", "-", ".", "1.2.3", "1e5", "abc", "12%", "١٢"])
def test_resolution_of_rejects_non_digits(bad):
    with pytest.raises(ValueError, match="not a digit string"):
        resolution_of(bad)


# --- Interval: construction, relations, arithmetic --------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (math.nan, 1),
        (0, math.nan),
        (2, 1),
        (INF, INF),
        (-INF, -INF),
        (1, 1, True, False),
        (1, 1, False, True),
    ],
)
def test_invalid_intervals(args):
    with pytest.raises(ValueError):
        Interval(*args)


@pytest.mark.parametrize(
    "call",
    [
        lambda: from_stated(math.nan, 1),
        lambda: from_stated(1, math.nan),
        lambda: from_stated(INF, 1),
        lambda: from_stated(1, -1),
        lambda: from_stated(1, 1, bounded=(math.nan, 100)),
        lambda: Interval(0, 1).contains(math.nan),
        lambda: Interval(0, 1) + math.nan,
        lambda: Interval(0, 1) * math.nan,
        lambda: Interval.point(math.nan),
    ],
)
def test_nan_and_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_infinite_ends_are_stored_open():
    half = Interval(0, INF)
    assert half.hi_open and not half.lo_open
    assert half == Interval(0, INF, hi_open=True)
    assert not half.contains(INF)
    assert half.width == INF and half.mid == INF
    assert Interval.everything().mid == 0.0
    assert not Interval.everything().is_bounded


def test_point_interval():
    p = Interval.point(3)
    assert p.width == 0 and p.mid == 3 and p.contains(3) and 3 in p
    assert compatible(p, Interval(3, 4)) and not compatible(p, Interval(3, 4, lo_open=True))


@pytest.mark.parametrize(
    ("a", "b", "meets"),
    [
        (Interval(0, 1), Interval(1, 2), True),
        (Interval(0, 1, hi_open=True), Interval(1, 2), False),
        (Interval(0, 1), Interval(1, 2, lo_open=True), False),
        (Interval(0, 1), Interval(1.5, 2), False),
        (Interval(0, 0.1 + 0.2), Interval(0.3, 1), True),  # float noise: 0.30000000000000004
        (Interval(0.3, 1), Interval(0, 0.1 + 0.2 - 1e-17), True),
        (Interval(-INF, 0), Interval(0, INF), True),
        (Interval(-INF, 0, hi_open=True), Interval(0, INF), False),
        (Interval(-INF, INF), Interval(5, 5), True),
        (Interval(-5, -1), Interval(-1.5, 3), True),
    ],
)
def test_intersects_respects_open_ends(a, b, meets):
    assert a.intersects(b) is meets
    assert b.intersects(a) is meets
    assert (a.distance(b) == 0) is (meets or a.hi == b.lo or b.hi == a.lo)


def test_distance_is_the_gap():
    assert Interval(0, 1).distance(Interval(3, 4)) == 2
    assert Interval(3, 4).distance(Interval(0, 1)) == 2
    assert Interval(-INF, -1).distance(Interval(2, INF)) == 3
    assert Interval(0, 1).distance(Interval(0.5, 4)) == 0


def test_arithmetic_is_exact_when_it_can_be():
    a, b = Interval(1, 2), Interval(3, 4)
    assert a + b == Interval(4, 6)
    assert a - b == Interval(-3, -1)
    assert a * b == Interval(3, 8)
    assert b / Interval(2, 4) == Interval(0.75, 2)
    assert -a == Interval(-2, -1)
    assert 2 * a == a * 2 == Interval(2, 4)
    assert 1 + a == a + 1 == Interval(2, 3)
    assert 10 - a == Interval(8, 9)
    assert 1 / Interval(2, 4) == Interval(0.25, 0.5)
    assert sum([a, b, a]) == Interval(5, 8)


def test_arithmetic_rounds_outward():
    third = Interval.point(1) / 3
    assert third.lo < Fraction(1, 3) < third.hi
    assert math.nextafter(third.lo, INF) == third.hi
    tenth = Interval.point(0.1) + Interval.point(0.2)  # 0.30000000000000004 to the nearest float
    assert tenth.lo <= Fraction(0.1) + Fraction(0.2) <= tenth.hi


def test_open_ends_carry_through_arithmetic():
    over = Interval(1, 2, lo_open=True)
    assert over + Interval(1, 1) == Interval(2, 3, lo_open=True)
    assert -over == Interval(-2, -1, hi_open=True)
    assert over * Interval(2, 2) == Interval(2, 4, lo_open=True)
    # zero times anything is zero, attained even when the other factor's end is open
    assert Interval(0, 1) * Interval(2, 3, lo_open=True) == Interval(0, 3)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Interval(1, 2), Interval(-1, 4), Interval.everything()),  # straddles zero
        (Interval(1, 2), Interval(0, 0), Interval.everything()),
        (Interval(0, 0), Interval(0, 0), Interval.everything()),
        (Interval(0, 0), Interval(-1, 4), Interval(0, 0)),
        (Interval(1, 2), Interval(0, 4), Interval(0.25, INF)),  # x / 0 is no value
        (Interval(1, 2), Interval(0, 4, lo_open=True), Interval(0.25, INF)),
        (Interval(1, 2), Interval(-4, 0), Interval(-INF, -0.25)),
        (Interval(-1, 2), Interval(0, 4), Interval.everything()),
        (Interval(0, 2), Interval(0, 4), Interval(0, INF)),
        (Interval(1, 2), Interval(1, INF), Interval(0, 2, lo_open=True)),
        (Interval(1, INF), Interval(1, INF), Interval(0, INF, lo_open=True)),
        (Interval(-INF, 5), Interval(1, INF), Interval(-INF, 5)),
    ],
)
def test_division_edge_cases(a, b, expected):
    assert a / b == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Interval(0, 1), Interval(1, INF), Interval(0, INF)),
        (Interval(-1, 1), Interval(1, INF), Interval.everything()),
        (Interval(0, 0), Interval(-INF, INF), Interval(0, 0)),
        (Interval(0, 1, lo_open=True), Interval(2, INF), Interval(0, INF, lo_open=True)),
        (Interval(-2, -1), Interval(-INF, -3), Interval(3, INF)),
    ],
)
def test_multiplication_with_infinite_ends(a, b, expected):
    assert a * b == expected


def test_overflow_goes_to_infinity():
    big = Interval(1e308, 1e308)
    assert (big * 10).hi == INF
    assert (big * 10).lo == math.nextafter(INF, 0)  # the largest float is still a lower bound


def test_share_of_whole_that_may_be_zero_concludes_nothing():
    assert percent_of(from_stated(1, 1), from_stated(0, 1)) == Interval.everything()
    assert compatible(from_stated(55, 1), percent_of(from_stated(1, 1), from_stated(0, 1)))


def test_str_and_repr():
    assert repr(Interval(1, 2, lo_open=True)) == "Interval(1.0, 2.0, lo_open=True)"
    assert str(Interval(-INF, 2, hi_open=True)) == "(-inf, 2)"
    assert str(from_stated(4.089e6, 1e3)) == "[4088500, 4089500]"


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickles(protocol):
    for iv in (Interval(1, 2), Interval(89.5, INF, lo_open=True), Interval.everything()):
        assert pickle.loads(pickle.dumps(iv, protocol)) == iv


def test_frozen():
    with pytest.raises(AttributeError):
        Interval(1, 2).lo = 0  # type: ignore[misc]


# --- reachable_counts (GRIM) ------------------------------------------------------------------


def test_reachable_counts_examples():
    assert list(reachable_counts(from_stated(38.7, 0.1), 31)) == [12]  # 12/31 = 38.71%
    assert not reachable_counts(from_stated(40.0, 0.1), 31)  # 12/31 = 38.7, 13/31 = 41.9
    assert reachable_counts(from_stated(50, 1, "more_than"), 2) == range(1, 3)
    assert reachable_counts(from_stated(50, 0, "more_than"), 2) == range(2, 3)  # strictly over
    assert reachable_counts(from_stated(120, 1), 10) == range(0)
    assert reachable_counts(from_stated(-5, 1), 10) == range(0)
    assert reachable_counts(Interval.everything(), 7) == range(8)
    assert reachable_counts(from_stated(0, 1), 1000) == range(6)  # 5/1000 = 0.5% ties in


def test_reachable_counts_huge_whole_is_instant():
    counts = reachable_counts(from_stated(38.7, 0.1), 10**9)
    assert counts == range(386_500_000, 387_500_001)
    assert len(reachable_counts(Interval.everything(), 10**9)) == 10**9 + 1


@pytest.mark.parametrize("n", [0, -3])
def test_reachable_counts_needs_a_positive_whole(n):
    with pytest.raises(ValueError, match="positive"):
        reachable_counts(Interval(0, 100), n)


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(1, 400),
    lo=st.floats(-10, 110),
    width=st.floats(0, 30),
    lo_open=st.booleans(),
    hi_open=st.booleans(),
)
def test_reachable_counts_matches_brute_force(n, lo, width, lo_open, hi_open):
    assume(lo + width > lo or not (lo_open or hi_open))
    share = Interval(lo, lo + width, lo_open, hi_open)
    expected = [k for k in range(n + 1) if share.contains(100 * k / n)]
    assert list(reachable_counts(share, n)) == expected


@settings(max_examples=300, deadline=None)
@given(n=st.integers(1, 10**9), data=st.data())
def test_true_count_is_always_reachable(n, data):
    k = data.draw(st.integers(0, n))
    places, how = data.draw(writers)
    share = from_stated(*write(_truth(100 * Fraction(k, n)), places, how), bounded=(0, 100))
    assert k in reachable_counts(share, n)


# --- soundness: rounding never raises a false error -------------------------------------------


@pytest.mark.parametrize("name", DERIVATIONS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_rounded_figures_are_always_compatible(name, data):
    inputs, exact, formula = DERIVATIONS[name]
    xs = data.draw(inputs, label="true inputs")
    truth = _truth(exact(*xs))
    stated_inputs = [from_stated(*write(x, *data.draw(writers))) for x in xs]
    stated = from_stated(*write(truth, *data.draw(writers, label="derived rounding")))
    computed = formula(*stated_inputs)
    assert compatible(stated, computed), (stated_inputs, stated, computed)
    assert slip(stated, computed) == 0


@pytest.mark.parametrize("name", DERIVATIONS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_clear_slip_is_detected(name, data):
    inputs, exact, formula = DERIVATIONS[name]
    xs = data.draw(inputs, label="true inputs")
    truth = _truth(exact(*xs))
    computed = formula(*(from_stated(*write(x, *data.draw(writers))) for x in xs))
    assume(computed.is_bounded)
    places, how = data.draw(writers, label="derived rounding")
    resolution = 10.0**-places
    factor = data.draw(st.floats(1.001, 10), label="factor")
    sign = data.draw(st.sampled_from([-1, 1]), label="sign")
    shift = factor * (2 * (computed.width + resolution) + 0.01 * abs(truth))
    stated = from_stated(*write(truth + sign * shift, places, how))
    assert not compatible(stated, computed), (stated, computed)
    assert slip(stated, computed) > 0
