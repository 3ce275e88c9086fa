"""Text-reading check families: conversion, comparative, respectively, enumeration.

Claims are built by hand (``make``) from a sentence and a surface, with offsets computed in the
text, so these tests do not depend on the extractor. Each family has a case that holds, a
contradiction (with its gross flag), a rounding or borderline edge, and a quiet case; then
property tests.
"""

from __future__ import annotations

import math
import string
import time
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimcheck.checks import CheckContext
from claimcheck.checks._lists import _CONNECTORS, _LIST_END_WORDS, count_after, count_before
from claimcheck.checks._lists import PREPOSITIONS as _PREPOSITIONS
from claimcheck.checks._text import sentence_bounds
from claimcheck.checks.comparative import comparative
from claimcheck.checks.conversion import conversion
from claimcheck.checks.enumeration import enumeration
from claimcheck.checks.respectively import respectively
from claimcheck.claim import Claim
from claimcheck.numbers import Mention, scan
from claimcheck.report import Finding
from claimcheck.units import ureg

FAMILIES = {
    "conversion": conversion,
    "comparative": comparative,
    "respectively": respectively,
    "enumeration": enumeration,
}

# --- factory ------------------------------------------------------------------------------


def make(text: str, surface: str, nth: int = 0, **fields: object) -> Claim:
    """A claim for the ``nth`` occurrence of ``surface`` in ``text``.

    Value, unit, qualifier and resolution come from scanning the surface unless given; the
    sentence bounds are guessed from punctuation as the extractor would give them.
    """
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    found = list(scan(surface))
    m = found[0] if found else None
    unit = fields.pop("unit", m.unit if m else "")
    s, e = sentence_bounds(text, start, end)
    base: dict[str, object] = {
        "id": f"c{start:05d}",
        "start": start,
        "end": end,
        "text": surface,
        "line": text.count("\n", 0, start) + 1,
        "column": start - (text.rfind("\n", 0, start) + 1) + 1,
        "value": m.signed_value if m else 0.0,
        "unit": unit,
        "qualifier": m.qualifier if m else "exact",
        "kind": "share" if unit == "percent" else "level",
        "subject": "",
        "resolution": m.resolution if m else 1.0,
        "bound": m.bound if m else "",
        "sentence_start": s,
        "sentence_end": e,
        "sentence": text[s:e],
    }
    base.update(fields)
    return Claim(**base)  # type: ignore[arg-type]


def from_mention(text: str, m: Mention, n: int, *, sentences: bool = True) -> Claim:
    """A claim for a scanner mention (for arbitrary texts)."""
    s, e = sentence_bounds(text, m.start, m.end) if sentences else (0, 0)
    kind = "change" if m.direction else ("share" if m.unit == "percent" else "level")
    return Claim(
        id=f"c{n:04d}", start=m.start, end=m.end, text=m.text, line=1, column=1,
        value=m.signed_value, unit=m.unit, qualifier=m.qualifier, kind=kind, subject="",
        resolution=m.resolution, bound=m.bound, sentence_start=s, sentence_end=e,
    )  # fmt: skip


def run(family: str, text: str, *claims: Claim) -> list[Finding]:
    ctx = CheckContext(text=text, claims=tuple(sorted(claims, key=lambda c: c.start)))
    return list(FAMILIES[family](ctx))


def one(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# --- conversion ---------------------------------------------------------------------------

MU = "The goal is to cut the cost to less than 10 yuan per mu ({ha})."


def test_conversion_mu_restated_in_hectares_holds() -> None:
    text = MU.format(ha="0.0667 hectares")
    f = one(run("conversion", text, make(text, "10 yuan per mu"), make(text, "0.0667 hectares")))
    assert (f.rule, f.severity, f.check) == ("CC701", "info", "conversion")
    assert "1 mu is 0.0666667 hectare" in f.message
    assert f.expected == pytest.approx(ureg.Quantity(1, "mu").to("hectare").magnitude)


def test_conversion_mu_misstated_is_an_error() -> None:
    text = MU.format(ha="0.0767 hectares")
    f = one(run("conversion", text, make(text, "10 yuan per mu"), make(text, "0.0767 hectares")))
    assert (f.rule, f.severity, f.gross) == ("CC702", "error", False)
    assert f.slip == pytest.approx(0.0767 - 0.00005 - 1 / 15, abs=1e-9)


def test_conversion_wrong_unit_is_gross() -> None:
    # 1 mu restated as if it were 1 hectare / 15 acres: off by a factor, not by rounding.
    text = MU.format(ha="0.667 hectares")
    f = one(run("conversion", text, make(text, "0.667 hectares")))
    assert (f.rule, f.gross) == ("CC702", True)


@pytest.mark.parametrize(
    ("sentence", "a", "b", "rule"),
    [
        ("The line is 100 kilometres (62 miles) long.", "100 kilometres", "62 miles", "CC701"),
        ("The line is 100 kilometres (72 miles) long.", "100 kilometres", "72 miles", "CC702"),
        ("It is 5 km, or 3.1 miles, from the port.", "5 km", "3.1 miles", "CC701"),
        # rounding edge: 5 km is 3.107 miles; "3 miles" admits 2.5 to 3.5
        ("It is 5 km (3 miles) from the port.", "5 km", "3 miles", "CC701"),
        ("A 300 MW (300,000 kW) turbine.", "300 MW", "300,000 kW", "CC701"),
        ("Water at 20 degrees Celsius (68 degrees Fahrenheit).", "20 degrees Celsius",
         "68 degrees Fahrenheit", "CC701"),
        ("It costs 10 yuan per mu (150 yuan per hectare).", "10 yuan per mu",
         "150 yuan per hectare", "CC701"),
        ("It costs 10 yuan per mu (200 yuan per hectare).", "10 yuan per mu",
         "200 yuan per hectare", "CC702"),
    ],
)  # fmt: skip
def test_conversion_pairs(sentence: str, a: str, b: str, rule: str) -> None:
    f = one(run("conversion", sentence, make(sentence, a), make(sentence, b)))
    assert f.rule == rule
    assert f.claims == (make(sentence, a).id, make(sentence, b).id)


@pytest.mark.parametrize(
    ("sentence", "a", "b"),
    [
        # currencies are different dimensions: an exchange rate is not the document's to check
        ("It cost 5 billion yuan (700 million US dollars).", "5 billion yuan",
         "700 million US dollars"),
        # dimensionless: a count restated as a percentage is not a unit conversion
        ("Payrolls rose by 236,000, or 0.2 percent, in March.", "236,000", "0.2 percent"),
        # same unit: a restatement, not a conversion
        ("It cost 5 billion yuan (5,000 million yuan).", "5 billion yuan", "5,000 million yuan"),
        # not adjacent
        ("The line is 100 kilometres long and 62 miles wide.", "100 kilometres", "62 miles"),
    ],
)  # fmt: skip
def test_conversion_quiet(sentence: str, a: str, b: str) -> None:
    assert run("conversion", sentence, make(sentence, a), make(sentence, b)) == []


def test_conversion_unit_abbreviation() -> None:
    text = "An 18 megawatt (MW) offshore wind turbine and a 1,000 (kilowatt) kW engine."
    found = run(
        "conversion", text, make(text, "18 megawatt (MW)"), make(text, "1,000 (kilowatt) kW")
    )
    assert [f.rule for f in found] == ["CC703", "CC703"]
    text = "An 18 megawatt (kW) turbine."
    f = one(run("conversion", text, make(text, "18 megawatt")))
    assert (f.rule, f.severity, f.gross) == ("CC704", "error", True)
    # an abbreviation may carry the scale word; an acronym that is no unit says nothing
    text = "It emitted 18 million tonnes (Mt) and hired 18 people (MIIT)."
    f = one(run("conversion", text, make(text, "18 million tonnes"), make(text, "18")))
    assert f.rule == "CC703"


# --- comparative --------------------------------------------------------------------------

IOT = 'IoT terminal users now account for {p} of total users, and "things" outnumber "people".'


def test_outnumber_holds() -> None:
    text = IOT.format(p="59.2%")
    f = one(run("comparative", text, make(text, "59.2%")))
    assert (f.rule, f.severity) == ("CC801", "info")
    assert "59.15 to 59.25%" in f.message


def test_outnumber_contradicted_is_gross() -> None:
    text = IOT.format(p="45%")
    f = one(run("comparative", text, make(text, "45%")))
    assert (f.rule, f.severity, f.gross) == ("CC802", "error", True)


def test_outnumber_borderline_within_rounding() -> None:
    text = IOT.format(p="50%")
    f = one(run("comparative", text, make(text, "50%")))
    assert (f.rule, f.severity) == ("CC803", "warning")


def test_outnumber_share_in_the_previous_sentence_is_loose() -> None:
    text = 'IoT users account for 45% of total users. "Things" now outnumber "people".'
    f = one(run("comparative", text, make(text, "45%")))
    assert (f.rule, f.severity, f.gross) == ("CC804", "warning", False)


@pytest.mark.parametrize(
    ("sentence", "surface", "rule", "gross"),
    [
        ("More than half of the firms (55%) reported growth.", "55%", "CC801", False),
        ("More than half of the firms (45%) reported growth.", "45%", "CC802", True),
        ("More than half of the firms (50%) reported growth.", "50%", "CC803", False),
        ("Exports accounted for 45% of sales, the majority.", "45%", "CC802", True),
        ("Less than half of the firms, 38.2%, reported growth.", "38.2%", "CC801", False),
        # "nearly half": 40% to 50% holds, up to 52.5% is borderline, above is an error and a
        # gross one (the share is then a majority)
        ("Nearly half of respondents, 48.2%, agreed.", "48.2%", "CC801", False),
        ("Nearly half of respondents, 51%, agreed.", "51%", "CC803", False),
        ("Nearly half of respondents, 55.2%, agreed.", "55.2%", "CC802", True),
        ("Nearly half of respondents, 30%, agreed.", "30%", "CC802", False),
        ("About half of respondents (53%) agreed.", "53%", "CC801", False),
        ("Broadband now reaches all villages (100%).", "100%", "CC801", False),
        ("Broadband now reaches all villages (97%).", "97%", "CC802", True),
    ],
)  # fmt: skip
def test_share_words(sentence: str, surface: str, rule: str, gross: bool) -> None:
    f = one(run("comparative", sentence, make(sentence, surface)))
    assert (f.rule, f.gross) == (rule, gross)


def test_share_words_loose_pairing_is_a_warning() -> None:
    text = "Most of the firms in the survey reported margins around 7% this year."
    f = one(run("comparative", text, make(text, "7%")))
    assert (f.rule, f.severity) == ("CC804", "warning")


@pytest.mark.parametrize(
    ("sentence", "surface", "fields", "rule", "gross"),
    [
        ("Investment posted double-digit growth of 10.5%.", "10.5%", {}, "CC801", False),
        # as printed: 9.96 written as "10.0" is double-digit
        ("Investment posted double-digit growth of 10.0%.", "10.0%", {}, "CC801", False),
        ("Investment posted double-digit growth of 9.96%.", "9.96%", {}, "CC802", True),
        ("Investment posted double-digit growth of nearly 10%.", "10%",
         {"qualifier": "about"}, "CC803", False),
        ("Investment grew 12%, a double-digit rate.", "12%", {}, "CC801", False),
        ("Investment grew 9%, a double-digit rate.", "9%", {}, "CC802", True),
        ("Output saw a double-digit decline of 12%.", "12%", {"value": -12.0}, "CC801", False),
    ],
)  # fmt: skip
def test_double_digit(sentence: str, surface: str, fields: dict, rule: str, gross: bool) -> None:
    c = make(sentence, surface, kind="change", **fields)
    f = one(run("comparative", sentence, c))
    assert (f.rule, f.gross) == (rule, gross)


@pytest.mark.parametrize(
    ("sentence", "a", "b", "rule"),
    [
        ("The margin reached 7.5%, higher than the average level of 6.1%.", "7.5%", "6.1%",
         "CC801"),
        ("The margin reached 5.5%, higher than the average level of 6.1%.", "5.5%", "6.1%",
         "CC802"),
        ("The margin reached 6.1%, higher than the national average of 6.1%.", "6.1%", "6.1%",
         "CC803"),
        ("Leisure and hospitality added 72,000 jobs in March, lower than the average monthly "
         "gain of 95,000.", "72,000", "95,000", "CC801"),
        ("The deficit was £18.5 billion in the quarter, down from £23.5 billion.",
         "£18.5 billion", "£23.5 billion", "CC801"),
        ("The rate hit a record high of 4.2%, compared with 4.8% last year.", "4.2%", "4.8%",
         "CC802"),
    ],
)  # fmt: skip
def test_comparisons_between_two_figures(sentence: str, a: str, b: str, rule: str) -> None:
    ca, cb = make(sentence, a), make(sentence, b, nth=1 if a == b else 0)
    f = one(run("comparative", sentence, ca, cb))
    assert f.rule == rule
    assert f.gross == (rule == "CC802")
    assert f.claims == (ca.id, cb.id)


def test_comparisons_quiet() -> None:
    # a comparative that is a qualifier of the next figure, not a comparison
    text = "China has over 16,000 incubators serving more than 700,000 startups."
    assert run("comparative", text, make(text, "16,000"), make(text, "700,000")) == []
    # an amount of difference, not a level
    text = "Output rose 12.8%, 7 percentage points higher than the industrial growth of 5.8%."
    c = [make(text, "12.8%", kind="change"), make(text, "7 percentage points", kind="difference"),
         make(text, "5.8%", kind="change")]  # fmt: skip
    assert run("comparative", text, *c) == []
    # the average is not stated
    text = "The margin reached 7.5%, higher than the average level of industrial enterprises."
    assert run("comparative", text, make(text, "7.5%")) == []


@pytest.mark.parametrize(
    ("sentence", "surfaces", "rule", "gross"),
    [
        ("Sales doubled from 3.0 million to 6.2 million.", ("3.0 million", "6.2 million"),
         "CC801", False),
        ("Sales doubled from 3.0 million to 4.0 million.", ("3.0 million", "4.0 million"),
         "CC802", False),
        ("Sales doubled from 3.0 million to 2.0 million.", ("3.0 million", "2.0 million"),
         "CC802", True),
        ("Sales more than doubled from 3.0 million to 5.5 million.",
         ("3.0 million", "5.5 million"), "CC802", True),
        # x1.92 to x2.02: "more than doubled" only within rounding
        ("Sales more than doubled from 3.0 million to 5.9 million.",
         ("3.0 million", "5.9 million"), "CC803", False),
        ("Sales more than doubled from 3 million to 6 million.", ("3 million", "6 million"),
         "CC803", False),
        ("Output halved, down 48% from a year earlier.", ("48%",), "CC801", False),
    ],
)  # fmt: skip
def test_multiples(sentence: str, surfaces: tuple[str, ...], rule: str, gross: bool) -> None:
    claims = [make(sentence, s) for s in surfaces]
    if len(claims) == 1:
        claims = [make(sentence, surfaces[0], kind="change", value=-48.0)]
    f = one(run("comparative", sentence, *claims))
    assert (f.rule, f.gross) == (rule, gross)


@pytest.mark.parametrize(
    "sentence",
    [
        # no quantifier word against the share: the share is the claim itself
        "Of the industrial sectors in 31 provinces, over 90% experienced growth.",
        # no figure for "double-digit" in the sentence or its neighbours
        "Industrial investment maintained double-digit growth for eight consecutive months.",
        # "nearly 20%" is not "nearly half"; "doubled" with a share is not a change
        "Nearly 20% of the enterprises' valuation has doubled.",
        # a clause break separates the words from the figure
        "More than half of the firms reported growth, and exports accounted for 45% of sales.",
        # "half of the year" is a period
        "In the first half of the year, the share reached 45%.",
    ],
)
def test_comparative_quiet(sentence: str) -> None:
    claims = [from_mention(sentence, m, n) for n, m in enumerate(scan(sentence))]
    assert run("comparative", sentence, *claims) == []


# --- respectively -------------------------------------------------------------------------

PRODUCTS = (
    "About 249 million microcomputers, 1.184 billion mobile phones and 150 million color TVs "
    "were produced, with year-on-year growth rates registered at 2.9%, 9.8% and 2.5%, "
    "respectively."
)


def _claims(text: str, *surfaces: str) -> list[Claim]:
    return [make(text, s) for s in surfaces]


def test_respectively_subjects_from_the_previous_figures() -> None:
    cs = _claims(PRODUCTS, "249 million", "1.184 billion", "150 million", "2.9%", "9.8%", "2.5%")
    f = one(run("respectively", PRODUCTS, *cs))
    assert (f.rule, f.severity, f.expected, f.observed) == ("CC901", "info", 3.0, 3.0)
    assert "150 million color TVs" in f.message
    assert f.claims == tuple(c.id for c in cs[3:])


def test_respectively_subject_coordination_before_the_verb() -> None:
    text = (
        "Production and sales reached 21.47 million vehicles and 21.571 million vehicles, "
        "respectively, up 1.9% and 2.4% year on year, respectively."
    )
    cs = _claims(text, "21.47 million", "21.571 million", "1.9%", "2.4%")
    found = run("respectively", text, *cs)
    assert [(f.rule, f.observed) for f in found] == [("CC901", 2.0), ("CC901", 2.0)]
    assert "(Production; sales)" in found[0].message


@pytest.mark.parametrize(
    ("sentence", "surfaces", "expected"),
    [
        ("Exports, imports and sales rose 3% and 4%, respectively.", ("3%", "4%"), 3.0),
        ("Exports and imports rose 3%, 4% and 5%, respectively.", ("3%", "4%", "5%"), 2.0),
        ("The rates were 3.5% and 4.1% in the US, the UK and Japan, respectively.",
         ("3.5%", "4.1%"), 3.0),
    ],
)  # fmt: skip
def test_respectively_count_mismatch(
    sentence: str, surfaces: tuple[str, ...], expected: float
) -> None:
    f = one(run("respectively", sentence, *_claims(sentence, *surfaces)))
    assert (f.rule, f.severity, f.gross) == ("CC902", "error", False)
    assert (f.expected, f.observed) == (expected, float(len(surfaces)))


@pytest.mark.parametrize(
    "sentence",
    [
        # an introductory phrase may or may not be a subject: the count is a range, 3 fits
        "In Hebei, Shanxi and Shandong, output rose 3%, 4% and 5%, respectively.",
        # a connective is no subject
        "Meanwhile, exports and imports rose 3% and 4%, respectively.",
        # ranges count once
        "Prices rose 3-5% and 6-8% for food and energy, respectively.",
    ],
)
def test_respectively_holds_at_the_edges(sentence: str) -> None:
    claims = [from_mention(sentence, m, n) for n, m in enumerate(scan(sentence))]
    f = one(run("respectively", sentence, *claims))
    assert f.rule == "CC901"


@pytest.mark.parametrize(
    "text",
    [
        # BLS: the subjects are in earlier sentences
        "The labor force participation rate, at 62.6 percent, continued to trend up in March. "
        "The employment-population ratio edged up over the month to 60.4 percent. These "
        "measures remain below their pre-pandemic February 2020 levels (63.3 percent and 61.1 "
        "percent, respectively).",
        # a single figure: "respectively" used for "each"
        "Both rose 5% respectively.",
        # figures after "respectively" but no subject list
        "The two rates were, respectively, 3% and 4%.",
    ],
)
def test_respectively_quiet(text: str) -> None:
    claims = [from_mention(text, m, n) for n, m in enumerate(scan(text))]
    assert run("respectively", text, *claims) == []


# --- enumeration --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "count", "rule", "observed"),
    [
        ("We set up gateways in four cities: Nanning, Qingdao, Kunming and Haikou, which "
         "will help.", "four", "CC1001", 4.0),
        ("The four industries of electronics, nonferrous metals, chemicals and automobiles "
         "contributed nearly half of the growth.", "four", "CC1001", 4.0),
        ("The three sectors (steel, cement (including clinker and lime), and glass) grew.",
         "three", "CC1001", 3.0),
        ("China Mobile, China Telecom and China Unicom, the three operators, grew.", "three",
         "CC1001", 3.0),
        ("We set up gateways in five cities: Nanning, Qingdao and Haikou.", "five", "CC1002",
         3.0),
        ("China Mobile, China Telecom and China Unicom, the two operators, grew.", "two",
         "CC1002", 3.0),
        ("We support 3 sectors, including steel, cement, glass and chips.", "3", "CC1002", 4.0),
        # "oil and gas" may be one item or two: 3 to 4 items, so 5 is an error and 4 is not
        ("The five sectors: oil and gas, mining and construction.", "five", "CC1002", 4.0),
        ("The four sectors: oil and gas, mining and construction.", "four", "CC1001", 4.0),
    ],
)  # fmt: skip
def test_enumeration(sentence: str, count: str, rule: str, observed: float) -> None:
    f = one(run("enumeration", sentence, make(sentence, count)))
    assert (f.rule, f.observed, f.gross) == (rule, observed, False)
    assert f.severity == ("info" if rule == "CC1001" else "error")


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("The C919 is now operated by the country's three major airlines.", "three"),
        ("China Mobile, China Telecom and China Unicom rank among the world's top 10 telecom "
         "operators.", "10"),
        ("Zhengzhou, Shaoxing, Hefei and other major industrial cities grew by 5 cities.", "5"),
        ("We support three sectors, such as steel and cement.", "three"),
        ("We support three sectors, including steel and cement.", "three"),
        ("We have four priorities: growth, jobs, and other goals.", "four"),
        ("In the first two quarters of this year, production and sales reached 5 million.",
         "two"),
        ("Specifically, there are three main characteristics:\n\nFirst, growth.", "three"),
        ("It resulted in 135 exemplary cases of new digital services across transport, "
         "culture and tourism.", "135"),
        ("The three main characteristics of the economy and society are clear.", "three"),
    ],
)  # fmt: skip
def test_enumeration_quiet(sentence: str, count: str) -> None:
    assert run("enumeration", sentence, make(sentence, count)) == []


def test_list_counting_helpers() -> None:
    c = count_after("Nanning, Qingdao, Kunming, and Haikou.")
    assert (c.lo, c.hi, c.items) == (4, 4, ("Nanning", "Qingdao", "Kunming", "Haikou"))
    c = count_after("Zhengzhou, Hefei and other major cities")
    assert c.open and c.items == ("Zhengzhou", "Hefei")
    c = count_before("This was due to the total income, total trade and total transfers narrowing ")
    assert (c.lo, c.hi) == (2, 3)
    assert count_before("no list here ") is None


# --- properties -------------------------------------------------------------------------

COUNT_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_RESERVED = _CONNECTORS | _LIST_END_WORDS | _PREPOSITIONS | {"and", "or", "other", "others",
                                                             "more", "etc", "like", "the"}  # fmt: skip
names = (
    st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=9)
    .filter(lambda s: s not in _RESERVED)
    .map(str.capitalize)
)


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(names, min_size=2, max_size=9),
    count=st.integers(2, 12),
    as_word=st.booleans(),
    oxford=st.booleans(),
    intro=st.sampled_from([": ", " (", ", namely "]),
)
def test_property_enumeration_error_iff_count_differs(
    items: list[str], count: int, as_word: bool, oxford: bool, intro: str
) -> None:
    listed = (
        ", ".join(items[:-1]) + ("," if oxford and len(items) > 2 else "") + " and " + items[-1]
    )
    stated = COUNT_WORDS[count] if as_word else str(count)
    close = ")" if intro == " (" else ""
    text = f"We opened offices in {stated} cities{intro}{listed}{close} this year."
    f = one(run("enumeration", text, make(text, stated, value=float(count), unit="")))
    assert (f.rule == "CC1002") == (count != len(items))
    assert f.observed == float(len(items))


#: (unit, how it is written, other unit, how it is written): same dimensionality.
UNIT_PAIRS = [
    ("mu", "mu", "hectare", "hectares"),
    ("hectare", "hectares", "mu", "mu"),
    ("kilometer", "km", "mile", "miles"),
    ("mile", "miles", "kilometer", "km"),
    ("kilogram", "kg", "pound", "pounds"),
    ("meter", "metres", "foot", "feet"),
    ("kilometer ** 2", "square kilometres", "hectare", "hectares"),
    ("megawatt", "MW", "kilowatt", "kW"),
    ("degree_Celsius", "degrees Celsius", "degree_Fahrenheit", "degrees Fahrenheit"),
    ("liter", "litres", "gallon", "gallons"),
]


def _written(x: Decimal, places: int) -> tuple[Decimal, str, float]:
    q = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return q, f"{q:f}", float(Decimal(1).scaleb(-places))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    pair=st.sampled_from(UNIT_PAIRS),
    units=st.integers(1, 10**6),
    a_places=st.integers(0, 3),
    b_places=st.integers(0, 4),
    paren=st.booleans(),
)
def test_property_true_conversions_never_error_and_perturbed_ones_do(
    pair: tuple[str, str, str, str], units: int, a_places: int, b_places: int, paren: bool
) -> None:
    ua, wa, ub, wb = pair
    a_val = Decimal(units).scaleb(-a_places)
    true_b = ureg.Quantity(float(a_val), ua).to(ub).magnitude
    assume(math.isfinite(true_b) and true_b > 0)
    b_val, b_text, b_res = _written(Decimal(repr(true_b)), b_places)
    a_text = f"{a_val:f} {wa}"
    sep = (" (", ")") if paren else (", or ", ",")
    text = f"It measures {a_text}{sep[0]}{b_text} {wb}{sep[1]} in all."
    ca = make(text, a_text, value=float(a_val), unit=ua, resolution=10.0**-a_places)
    cb = make(text, f"{b_text} {wb}", value=float(b_val), unit=ub, resolution=b_res)
    f = one(run("conversion", text, ca, cb))
    assert f.rule == "CC701", f.message

    # Beyond rounding: past the converted range of A by more than B's own half step (and by
    # more than float noise, which the intervals tolerate at a relative 1e-12).
    lo = ureg.Quantity(float(a_val) - 10.0**-a_places / 2, ua).to(ub).magnitude
    hi = ureg.Quantity(float(a_val) + 10.0**-a_places / 2, ua).to(ub).magnitude
    top = max(lo, hi)
    bad = Decimal(repr(top + 2 * b_res + abs(top) * 1e-9)).quantize(Decimal(1).scaleb(-b_places))
    bad_text = f"{bad:f}"
    text = f"It measures {a_text}{sep[0]}{bad_text} {wb}{sep[1]} in all."
    ca = make(text, a_text, value=float(a_val), unit=ua, resolution=10.0**-a_places)
    cb = make(text, f"{bad_text} {wb}", value=float(bad), unit=ub, resolution=b_res)
    f = one(run("conversion", text, ca, cb))
    assert (f.rule, f.severity) == ("CC702", "error"), f.message


TOKENS = [
    "respectively", " and ", ", ", " or ", ": ", "(", ")", ". ", "; ", "\n\n", "%", " percent",
    "four cities", "three operators", "of ", "including ", "such as ", "and other ", "etc.",
    "more than half", "nearly half", "the majority", "outnumber", "double-digit growth",
    "higher than the average", "lower than", "up from", "record high", "doubled", "halved",
    "more than doubled", "from ", " to ", "per mu", " hectares", " km", " miles", " yuan",
    "MW", "(MW)", "(kW)", "all", "every", "most of", "“", "”", '"', "-", "—", "3", "2.5", "1,000",
    "0.0667", "59.2%", "45%", "10.0%", "9.96%", "two", "five", "Nanning", "Exports",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, with_sentences=st.booleans())
def test_property_arbitrary_text_never_raises(text: str, with_sentences: bool) -> None:
    claims = tuple(
        from_mention(text, m, n, sentences=with_sentences) for n, m in enumerate(scan(text))
    )
    ids = {c.id for c in claims}
    for name, fn in FAMILIES.items():
        for f in fn(CheckContext(text=text, claims=claims)):
            assert f.check == name
            assert f.severity in ("info", "warning", "error")
            assert set(f.claims) <= ids
            assert f.rule[:4] in ("CC70", "CC80", "CC90", "CC10")


def test_time_stays_linear_on_a_pathological_sentence() -> None:
    """One 'sentence' with thousands of figures and trigger words must not go quadratic."""
    unit = "more than half (55%), doubled from 3 to 6, 7%, higher than 6%, respectively, and "
    text = unit * 3000
    claims = tuple(from_mention(text, m, n) for n, m in enumerate(scan(text)))
    claims = tuple(
        Claim(**{**{k: getattr(c, k) for k in Claim.__slots__ if not k.startswith("__")},
                 "sentence_start": 0, "sentence_end": len(text)})
        for c in claims
    )  # fmt: skip
    for fn in FAMILIES.values():
        t0 = time.perf_counter()
        list(fn(CheckContext(text=text, claims=claims)))
        assert time.perf_counter() - t0 < 20, fn.__name__


def test_half_of_all_is_not_an_all_claim():
    """Regression: "More than half of all fatalities (55%)" raised CC802 as if "all" meant 100%."""
    import claimcheck

    report = claimcheck.audit(
        "More than half of all fatalities (55%) occurred on rural roads, although these roads "
        "carry just over 40% of traffic."
    )
    assert [f.rule for f in report.findings if f.severity == "error"] == []
    assert any(f.rule == "CC801" for f in report.findings)
