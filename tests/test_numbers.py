"""The scanner and parse_quantity: one readable row per surface form, then properties."""

from __future__ import annotations

import itertools
import math
import pickle
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.numbers import scan

from .strategies import (
    SCALE_ABBR,
    SCALES,
    UNIT_STYLES,
    decimals,
    plain,
    with_separators,
    words_for,
)

# (text, surface, value, unit, qualifier, direction)
FORMS = [
    # digits, separators, decimals
    ("1,000", "1,000", 1000, "", "exact", 0),
    ("1,234.5", "1,234.5", 1234.5, "", "exact", 0),
    ("4.089", "4.089", 4.089, "", "exact", 0),
    ("928,000 NEVs", "928,000", 928000, "", "exact", 0),
    # scale words and abbreviations
    ("4.089 million", "4.089 million", 4089000, "", "exact", 0),
    ("1.0018 trillion yuan", "1.0018 trillion yuan", 1.0018e12, "CNY", "exact", 0),
    ("2 thousand", "2 thousand", 2000, "", "exact", 0),
    ("325.2 billion yuan", "325.2 billion yuan", 325.2e9, "CNY", "exact", 0),
    ("10k", "10k", 10000, "", "exact", 0),
    ("$5m", "$5m", 5e6, "USD", "exact", 0),
    ("3 mn", "3 mn", 3e6, "", "exact", 0),
    ("3bn", "3bn", 3e9, "", "exact", 0),
    ("2.5 tn", "2.5 tn", 2.5e12, "", "exact", 0),
    # number words
    ("Twenty-four platform enterprises", "Twenty-four", 24, "", "exact", 0),
    ("three major airlines", "three", 3, "", "exact", 0),
    ("one hundred and twenty", "one hundred and twenty", 120, "", "exact", 0),
    ("a dozen", "a dozen", 12, "", "exact", 0),
    ("a million people", "a million", 1e6, "", "exact", 0),
    ("more than one trillion yuan", "one trillion yuan", 1e12, "CNY", "more_than", 0),
    ("hundreds of millions of users", "hundreds of millions", 1e8, "", "about", 0),
    ("tens of thousands of firms", "tens of thousands", 1e4, "", "about", 0),
    # fractions and shares
    ("one-third of companies", "one-third", 100 / 3, "percent", "exact", 0),
    ("two-thirds of the total", "two-thirds", 200 / 3, "percent", "exact", 0),
    ("half of the firms", "half", 50, "percent", "exact", 0),
    ("a quarter of the firms", "a quarter", 25, "percent", "exact", 0),
    ("nearly half of the growth", "half", 50, "percent", "about", 0),
    ("more than half of them", "half", 50, "percent", "more_than", 0),
    # percentages and percentage points
    ("5.8%", "5.8%", 5.8, "percent", "exact", 0),
    ("5.8 percent", "5.8 percent", 5.8, "percent", "exact", 0),
    ("5.8 per cent", "5.8 per cent", 5.8, "percent", "exact", 0),
    ("7 percentage points higher", "7 percentage points", 7, "percentage_point", "exact", 1),
    ("25 basis points", "25 basis points", 0.25, "percentage_point", "exact", 0),
    # currencies before or after
    ("$10 billion", "$10 billion", 1e10, "USD", "exact", 0),
    ("US$3.2 billion", "US$3.2 billion", 3.2e9, "USD", "exact", 0),
    ("10 billion yuan", "10 billion yuan", 1e10, "CNY", "exact", 0),
    ("RMB 5 billion", "RMB 5 billion", 5e9, "CNY", "exact", 0),
    ("5 billion dollars", "5 billion dollars", 5e9, "USD", "exact", 0),
    ("£18.5 billion", "£18.5 billion", 18.5e9, "GBP", "exact", 0),
    ("€3 million", "€3 million", 3e6, "EUR", "exact", 0),
    ("HK$100", "HK$100", 100, "HKD", "exact", 0),
    ("9 cents", "9 cents", 0.09, "USD", "exact", 0),
    # physical units
    ("18 megawatt (MW)", "18 megawatt (MW)", 18, "megawatt", "exact", 0),
    ("1,000 (kilowatt) kW", "1,000 (kilowatt) kW", 1000, "kilowatt", "exact", 0),
    ("10 yuan per mu", "10 yuan per mu", 10, "CNY / mu", "exact", 0),
    ("0.0667 hectares", "0.0667 hectares", 0.0667, "hectare", "exact", 0),
    ("20 milliseconds", "20 milliseconds", 20, "millisecond", "exact", 0),
    ("246 EFLOPS", "246 EFLOPS", 246, "EFLOPS", "exact", 0),
    ("1.7 billion tons", "1.7 billion tons", 1.7e9, "metric_ton", "exact", 0),
    ("300 MW", "300 MW", 300, "megawatt", "exact", 0),
    ("18MW", "18MW", 18, "megawatt", "exact", 0),
    ("50 TWh", "50 TWh", 50, "terawatt_hour", "exact", 0),
    ("3 GW", "3 GW", 3, "gigawatt", "exact", 0),
    ("34.4 hours", "34.4 hours", 34.4, "hour", "exact", 0),
    ("0.15 yuan/kWh", "0.15 yuan/kWh", 0.15, "CNY / kilowatt_hour", "exact", 0),
    ("5 short tons", "5 short tons", 5, "short_ton", "exact", 0),
    # fractions, scientific notation, hyphenated units, signs after the figure
    ("a 1/4 inch gap", "1/4 inch", 0.25, "inch", "exact", 0),
    ("2 1/2 miles", "2 1/2 miles", 2.5, "mile", "exact", 0),
    ("about 2½ hours", "2½ hours", 2.5, "hour", "about", 0),
    ("⅓ cup", "⅓ cup", 1 / 3, "cup", "exact", 0),
    ("one-half miles", "one-half miles", 0.5, "mile", "exact", 0),
    ("two and a half miles", "two and a half miles", 2.5, "mile", "exact", 0),
    ("4e14 Hz", "4e14 Hz", 4e14, "hertz", "exact", 0),
    ("2.48×10−5", "2.48×10−5", 2.48e-5, "", "exact", 0),
    ("the 27-kilometer ring", "27-kilometer", 27, "kilometer", "exact", 0),
    ("-15€", "-15€", -15, "EUR", "exact", -1),
    ("1.7 eV", "1.7 eV", 1.7, "electron_volt", "exact", 0),
    ("278,000 t of grain", "278,000 t", 278000, "metric_ton", "exact", 0),
    ("three days later", "three days", 3, "day", "exact", 0),
    ("one in five adults", "one in five", 20, "percent", "exact", 0),
    ("three point two percent", "three point two percent", 3.2, "percent", "exact", 0),
    ("one point two million", "one point two million", 1.2e6, "", "exact", 0),
    ("minus five", "minus five", -5, "", "exact", -1),
    ("growth of negative 0.5%", "negative 0.5%", -0.5, "percent", "exact", -1),
    ("1 in 4 homes", "1 in 4", 25, "percent", "exact", 0),
    # qualifiers
    ("over 90%", "90%", 90, "percent", "more_than", 0),
    ("more than 15,000", "15,000", 15000, "", "more_than", 0),
    ("exceeded 10 billion yuan", "10 billion yuan", 1e10, "CNY", "more_than", 0),
    ("above 5%", "5%", 5, "percent", "more_than", 0),
    ("nearly 10,000", "10,000", 10000, "", "about", 0),
    ("almost 3", "3", 3, "", "about", 0),
    ("close to 40%", "40%", 40, "percent", "about", 0),
    ("about 249 million", "249 million", 249e6, "", "about", 0),
    ("around 7", "7", 7, "", "about", 0),
    ("approximately 14 trillion yuan", "14 trillion yuan", 14e12, "CNY", "about", 0),
    ("some 200 firms", "200", 200, "", "about", 0),
    ("less than 10 yuan", "10 yuan", 10, "CNY", "less_than", 0),
    ("under 5%", "5%", 5, "percent", "less_than", 0),
    ("below 3", "3", 3, "", "less_than", 0),
    ("at least 28", "28", 28, "", "at_least", 0),
    ("at most 4", "4", 4, "", "at_most", 0),
    ("up to 100", "100", 100, "", "at_most", 0),
    ("27 weeks or more", "27 weeks", 27, "week", "at_least", 0),
    # direction
    ("down 3.2%", "3.2%", 3.2, "percent", "exact", -1),
    ("decreased by 5%", "5%", 5, "percent", "exact", -1),
    ("a decline of 4%", "4%", 4, "percent", "exact", -1),
    ("-0.5%", "-0.5%", -0.5, "percent", "exact", -1),
    ("a 5.8% year-on-year increase", "5.8%", 5.8, "percent", "exact", 1),
    ("an increase of 4.4%", "4.4%", 4.4, "percent", "exact", 1),
    ("fell by £0.9 billion", "£0.9 billion", 0.9e9, "GBP", "exact", -1),
    ("revised down by 32,000", "32,000", 32000, "", "exact", -1),
    ("(+39,000)", "+39,000", 39000, "", "exact", 1),
    ("decreased to 4.6 percent", "4.6 percent", 4.6, "percent", "exact", 0),
]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier", "direction"), FORMS, ids=[f[0] for f in FORMS]
)
def test_form(text: str, surface: str, value: float, unit: str, qualifier: str, direction: int):
    mentions = list(scan(text))
    assert mentions, f"nothing found in {text!r}"
    m = mentions[0]
    assert m.text == surface
    assert text[m.start : m.end] == surface
    assert math.isclose(m.value, value, rel_tol=1e-9), m.value
    assert m.unit == unit
    assert m.qualifier == qualifier
    assert m.direction == direction


# (text, [(surface, value, unit, bound), ...])
RANGES = [
    ("75 to 100 inches", [("75", 75, "inch", "low"), ("100 inches", 100, "inch", "high")]),
    ("5-6%", [("5", 5, "percent", "low"), ("6%", 6, "percent", "high")]),
    ("5–6 percent", [("5", 5, "percent", "low"), ("6 percent", 6, "percent", "high")]),
    ("between 5 and 6 percent", [("5", 5, "percent", "low"), ("6 percent", 6, "percent", "high")]),
    ("1-2 million", [("1", 1e6, "", "low"), ("2 million", 2e6, "", "high")]),
    ("ranging from 3 to 4 kg", [("3", 3, "kilogram", "low"), ("4 kg", 4, "kilogram", "high")]),
    ("ranged from -18 °C to -34 °C",
     [("-18 °C", -18, "degree_Celsius", "low"), ("-34 °C", -34, "degree_Celsius", "high")]),
    ("8- to 16-meter", [("8", 8, "meter", "low"), ("16-meter", 16, "meter", "high")]),
    ("$5.0 billion to $5.2 billion",
     [("$5.0 billion", 5e9, "USD", "low"), ("$5.2 billion", 5.2e9, "USD", "high")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RANGES, ids=[r[0] for r in RANGES])
def test_range(text: str, expected: list[tuple[str, float, str, str]]):
    got = [(m.text, m.value, m.unit, m.bound) for m in scan(text)]
    assert len(got) == len(expected)
    for (s, v, u, b), (gs, gv, gu, gb) in zip(expected, got, strict=True):
        assert (gs, gu, gb) == (s, u, b)
        assert math.isclose(gv, v, rel_tol=1e-9)


NOT_QUANTITIES = [
    "5G base stations",
    "4G and 5G",
    "10G PON ports",
    "the C919 aircraft",
    "the 20th CPC",
    "Mark III",
    "Oct. 23, 2024",
    "3 p.m.",
    "8:30 a.m.",
    "(202) 691-6378",
    "table A-1",
    "COVID-19",
    "2024-10-23",
    "the first three quarters",
    "the first half of the year",
    "the 14th Five-Year Plan",
    "http://example.com/a123-456.png",
    "May 5, 2023",
    "a quarter earlier",
    "the third plenary session",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text: str):
    assert [m.text for m in scan(text)] == []


LISTS = [
    # direction is shared along a list and across "or" apposition; percent back-fills
    ("up 1.9% and 2.4% year on year", [1, 1]),
    ("increased by 3.5%, 0.7% and 8% respectively", [1, 1, 1]),
    ("rose by 9 cents, or 0.3 percent, to $33.18", [1, 1, 0]),
    ("fell by £0.9 billion, decreasing from £10.5 billion", [-1, 0]),
]


@pytest.mark.parametrize(("text", "directions"), LISTS, ids=[x[0] for x in LISTS])
def test_list_direction(text: str, directions: list[int]):
    assert [m.direction for m in scan(text)] == directions


def test_list_unit_backfill():
    assert [m.unit for m in scan("3, 4 and 5 percent")] == ["percent"] * 3
    # "or" restates in another unit: no back-fill (BLS: "by 368,000, or 2.2 percent")
    assert [m.unit for m in scan("by 368,000, or 2.2 percent")] == ["", "percent"]


def test_table_negative_in_parentheses():
    text = "Net income    (1,234)    5,678\n"
    m = next(iter(scan(text)))
    assert (m.text, m.value) == ("(1,234)", -1234)
    # in prose, parentheses are an aside, not a sign
    assert next(iter(scan("the number (1,234) was"))).value == 1234


def test_a_sign_between_two_figures_goes_to_one():
    """Regression (hypothesis): "0£.0" gave "0£" and "£.0", overlapping on the sign."""
    spans = [(m.start, m.end) for m in scan("0£.0")]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_tons_are_metric():
    assert claimcheck.parse_quantity("1 ton").to("kilogram").magnitude == pytest.approx(1000)


def test_mu_is_the_chinese_land_unit():
    q = claimcheck.parse_quantity("1 mu")
    assert q.to("hectare").magnitude == pytest.approx(1 / 15)
    assert claimcheck.ureg("mu").to("meter**2").magnitude == pytest.approx(666.6667, rel=1e-6)


def test_currencies_never_convert():
    import pint

    with pytest.raises(pint.DimensionalityError):
        claimcheck.parse_quantity("$5").to("CNY")


def test_percentage_point_is_not_percent():
    import pint

    with pytest.raises(pint.DimensionalityError):
        claimcheck.parse_quantity("7 percentage points").to("percent")


@pytest.mark.parametrize("text", ["", "no numbers here", "Oct. 23, 2024", "5G"])
def test_parse_error(text: str):
    with pytest.raises(claimcheck.ParseError) as info:
        claimcheck.parse_quantity(text)
    assert isinstance(info.value, ValueError)
    assert repr(text)[1:-1] in str(info.value)


def test_parse_error_pickles():
    err = claimcheck.ParseError("abc")
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(err, protocol=proto))
        assert str(back) == str(err)


# ---------------------------------------------------------------- properties
@st.composite
def surfaces(draw: st.DrawFn) -> tuple[str, float, str]:
    """A surface form generated from a value, with the value and unit it must parse back to."""
    style = draw(st.sampled_from(["digits", "separators", "scale", "abbr", "words"]))
    template, unit = draw(st.sampled_from(UNIT_STYLES))
    if style == "words":
        n = draw(st.integers(0, 999))
        number, value = words_for(n), Decimal(n)
        if draw(st.booleans()):
            number = number.capitalize()
    else:
        d = draw(decimals())
        value = d
        number = plain(d)
        if style == "separators":
            number = with_separators(number)
        elif style == "scale":
            word, factor = draw(st.sampled_from(sorted(SCALES.items())))
            number, value = f"{number} {word}", d * factor
        elif style == "abbr" and unit == "":
            word, factor = draw(st.sampled_from(sorted(SCALE_ABBR.items())))
            number, value = f"{number}{word}", d * factor
    text = template.format(n=number)
    return text, float(value), unit


@settings(max_examples=300, deadline=None)
@given(surfaces())
def test_round_trip(case: tuple[str, float, str]):
    text, value, unit = case
    q = claimcheck.parse_quantity(text)
    expected = claimcheck.ureg.Quantity(value, unit or "dimensionless")
    assert q.units == expected.units, text
    assert math.isclose(q.magnitude, value, rel_tol=1e-9, abs_tol=1e-12), text


@settings(max_examples=200, deadline=None)
@given(decimals(max_int=10**4), st.sampled_from(sorted(SCALES.items())))
def test_equivalent_surfaces_agree(d: Decimal, scale: tuple[str, int]):
    word, factor = scale
    total = d * factor
    forms = [f"{plain(d)} {word}", with_separators(plain(total))]
    if factor >= 10**6:
        smaller = {10**6: "thousand", 10**9: "million", 10**12: "billion"}[factor]
        forms.append(f"{plain(d * 1000)} {smaller}")
    values = [claimcheck.parse_quantity(f).magnitude for f in forms]
    for v in values:
        assert math.isclose(v, float(total), rel_tol=1e-9), forms


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_scanner_spans_exact_on_arbitrary_text(text: str):
    last_end = 0
    for m in scan(text):
        assert text[m.start : m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end, "spans overlap or are out of order"
        last_end = m.end


NUMERIC_ALPHABET = st.sampled_from(
    [
        *list("0123456789.,-+%$£€¥() \n\t"),
        "million",
        "billion",
        " to ",
        " and ",
        "percent",
        "over ",
        "down ",
        "one",
        "half",
        "-third",
        "MW",
        "kW",
        "yuan",
        " per ",
        "mu",
        "(MW)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NUMERIC_ALPHABET, max_size=40).map("".join))
def test_scanner_spans_exact_on_number_soup(text: str):
    last_end = 0
    for m in scan(text):
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end


@given(st.integers(1_000, 10**12), st.sampled_from(["\u00a0", "\u202f", "\u2009"]))
def test_thousands_grouped_by_thin_or_no_break_spaces_parse_back(value: int, space: str):
    surface = f"{value:,}".replace(",", space)
    found = list(scan(f"a total of {surface} tonnes"))
    assert [(m.text, m.value, m.unit) for m in found] == [
        (f"{surface} tonnes", float(value), "metric_ton")
    ]


@given(st.integers(1, 999), st.integers(0, 999))
def test_plain_space_groups_join_only_around_zero_groups(head: int, middle: int):
    surface = f"{head} {middle:03d} 000"
    assert [m.value for m in scan(f"worth {surface} dollars")] == [
        float(head * 1_000_000 + middle * 1000)
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Table 1 234 firms", [1, 234]),
        ("in 2023 150 firms", [2023, 150]),
        ("3 000 1 000", [3000, 1000]),
        ("10 000 dollars", [10000]),
    ],
)
def test_plain_spaces_between_two_numbers_keep_them_apart(text: str, values: list[int]):
    assert [m.value for m in scan(text)] == [float(v) for v in values]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("a dose of 14 mGy", "milligray"), ("101.3 kPa", "kilopascal"), ("a 230 kV line", "kilovolt"),
     ("2 µg of lead", "microgram"), ("3 ML models", ""), ("5 TV channels", ""), ("Class 3 A", "")],
)  # fmt: skip
def test_si_prefixed_symbols(text: str, unit: str):
    assert [m.unit for m in scan(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        ("half a million people", "half a million", 5e5, "", "exact"),
        ("about half a billion dollars", "half a billion dollars", 5e8, "USD", "about"),
        ("Half a dozen firms", "Half a dozen", 6.0, "", "exact"),
        ("¾ of respondents", "¾", 75.0, "percent", "exact"),
        ("⅓ cup of flour", "⅓ cup", 1 / 3, "cup", "exact"),
    ],
)
def test_halves_and_vulgar_shares(text: str, surface: str, value: float, unit: str, qualifier: str):
    (m,) = scan(text)
    assert (m.text, m.unit, m.qualifier) == (surface, unit, qualifier)
    assert m.value == pytest.approx(value, rel=1e-9)
    assert text[m.start : m.end] == m.text
