"""Restatement matching (``claimcheck.matching``) and the ``restatement`` check (CC101-CC103).

Claims are built by hand from readable figures ("4.089 million", "over 90%") so these tests do
not depend on the extractor.
"""

from __future__ import annotations

import pickle
import random
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.checks import CHECKS, CheckContext
from claimcheck.checks.restatement import restatement
from claimcheck.claim import Claim
from claimcheck.matching import (
    MAX_PROBES,
    match_restatements,
    normalize_subject,
    restatement_groups,
    same_fact,
)

# --- a factory for hand-built claims ------------------------------------------------------------

_QUALIFIER = {
    "over": "more_than", "more than": "more_than", "under": "less_than", "nearly": "about",
    "about": "about", "at least": "at_least", "at most": "at_most",
}  # fmt: skip
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FIGURE = re.compile(
    r"(?:(?P<q>over|more than|under|nearly|about|at least|at most) )?"
    r"(?P<digits>-?[\d,]+(?:\.\d+)?)"
    r"(?:(?P<pct>%)|(?P<pp> percentage points?)| (?P<scale>thousand|million|billion|trillion))?"
)


def figure(text: str) -> dict:
    """Value, resolution, qualifier and unit of a figure as written: "over 4.089 million"."""
    m = _FIGURE.fullmatch(text)
    assert m, text
    digits = m["digits"].replace(",", "")
    scale = Decimal(_SCALE[m["scale"]]) if m["scale"] else Decimal(1)
    places = len(digits.partition(".")[2])
    unit = "percent" if m["pct"] else "percentage_point" if m["pp"] else ""
    return {
        "value": float(Decimal(digits) * scale),
        "resolution": float(Decimal(1).scaleb(-places) * scale),
        "qualifier": _QUALIFIER.get(m["q"] or "", "exact"),
        "unit": unit,
    }


_counter = iter(range(10**9))


def claim(subject: str, stated: str = "4.089 million", *, line: int | None = None, **kw) -> Claim:
    """A claim of ``subject`` stated as ``stated``; keyword arguments override any field."""
    n = next(_counter)
    fields = {
        "id": f"c{n:04d}", "start": n * 10, "end": n * 10 + 5, "text": stated,
        "line": n + 1 if line is None else line, "column": 1,
        "kind": "share" if stated.endswith("%") else "level", "subject": subject,
        "paragraph": n,  # restatements come back to a figure in another paragraph
        **figure(stated),
    }  # fmt: skip
    fields.update(kw)
    return Claim(**fields)


def groups_of(*claims: Claim) -> list[tuple[int, ...]]:
    return restatement_groups(claims)


def check(*claims: Claim):
    """The findings of the restatement check on one group holding ``claims``."""
    ctx = CheckContext(text="", claims=tuple(claims), groups=(tuple(range(len(claims))),))
    return list(restatement(ctx))


# --- normalization ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("5G base stations had been built", "5G base stations have been established"),
        ("the number of gigabit broadband users", "gigabit broadband users"),
        ("China's smartphone shipments", "smartphone shipments"),
        ("exports of mobile phones", "mobile phones exported"),
        ("TV sales", "TVs sold"),
    ],
)
def test_same_normalized_subject(a: str, b: str) -> None:
    assert normalize_subject(a) == normalize_subject(b)


# --- links --------------------------------------------------------------------------------------

LINKS = {
    "built vs established": (
        claim("5G base stations had been built", "4.089 million"),
        claim("5G base stations have been established", "4.089 million"),
    ),
    "number of prefix": (
        claim("the number of gigabit broadband users", "196 million"),
        claim("gigabit broadband users", "196 million"),
    ),
    "possessive country": (
        claim("China's smartphone shipments", "206 million", period_end="2024-09-30"),
        claim("smartphone shipments", "206 million", period_end="2024-09-30"),
    ),
    "noun vs participle activity": (
        claim("exports of mobile phones", "580 million"),
        claim("mobile phones exported", "580 million"),
    ),
    "one extra modifier": (
        claim("gigabit broadband access users", "196 million"),
        claim("gigabit broadband users", "196 million"),
    ),
    "one period unknown": (
        claim("5G base stations", "4.089 million", period_end="2024-09-30"),
        claim("5G base stations", "4.089 million"),
    ),
    "one whole unknown": (
        claim("gigabit network access", "over 90%", whole="administrative villages"),
        claim("gigabit network access", "over 90%"),
    ),
    "misstated value still links": (
        claim("5G base stations", "4.089 million"),
        claim("5G base stations", "4.098 million"),
    ),
    "scale slip with identical subject": (
        claim("5G base stations", "4.089 million"),
        claim("5G base stations", "40.89 million"),
    ),
    "megawatt vs gigawatt": (
        claim("installed photovoltaic capacity", "610", unit="gigawatt"),
        claim("installed photovoltaic capacity", "610,000", unit="megawatt"),
    ),
    "same basis": (
        claim("telecommunication business volume", "10.7%", kind="change", basis="year on year"),
        claim("telecommunication business", "10.7%", kind="change", basis="year-on-year"),
    ),
}


@pytest.mark.parametrize(("a", "b"), LINKS.values(), ids=LINKS.keys())
def test_links(a: Claim, b: Claim) -> None:
    assert groups_of(a, b) == [(0, 1)]
    assert same_fact(a, b)


# --- non-links: look-alikes and related-but-different measures --------------------------------

NON_LINKS = {
    "same number, different things": (
        claim("5G plus industrial internet projects", "15,000"),
        claim("applications and services", "15,000"),
    ),
    "produced vs exported": (
        claim("mobile phones produced", "1.184 billion"),
        claim("mobile phones exported", "1.184 billion"),
    ),
    "produced vs shipped": (
        claim("mobile phones produced", "580 million"),
        claim("mobile phones shipped", "580 million"),
    ),
    "exported vs shipped": (
        claim("mobile phones exported", "580 million"),
        claim("mobile phones shipped", "580 million"),
    ),
    "mobile phones shipped vs smartphone shipments": (
        claim("mobile phones shipped", "206 million"),
        claim("smartphone shipments", "206 million"),
    ),
    "activity stated vs unstated": (
        claim("mobile phones", "1.184 billion"),
        claim("mobile phones produced", "1.184 billion"),
    ),
    "5G users vs gigabit users": (
        claim("5G users", "196 million"),
        claim("gigabit users", "196 million"),
    ),
    "digit-bearing modifier": (
        claim("5G base stations", "4.089 million"),
        claim("base stations", "4.089 million"),
    ),
    "subset measure": (
        claim("broadband users", "669 million"),
        claim("gigabit broadband users", "196 million"),
    ),
    "different period ends": (
        claim("5G base stations", "4.089 million", period_end="2024-09-30"),
        claim("5G base stations", "3.377 million", period_end="2023-12-31"),
    ),
    "different period starts": (
        claim(
            "mobile phones produced",
            "1.184 billion",
            period_start="2024-01-01",
            period_end="2024-09-30",
        ),
        claim(
            "mobile phones produced",
            "1.184 billion",
            period_start="2024-07-01",
            period_end="2024-09-30",
        ),
    ),
    "level vs target": (
        claim("5G base stations", "4.089 million"),
        claim("5G base stations", "4.5 million", kind="target"),
    ),
    "percent vs percentage points": (
        claim("penetration rate", "7%", kind="difference"),
        claim("penetration rate", "7 percentage points", kind="difference"),
    ),
    "percent vs count": (
        claim("growth of value added", "12.8%", kind="change"),
        claim("growth of value added", "12.8", kind="change"),
    ),
    "yuan vs dollars": (
        claim("platform enterprise value", "10 billion", unit="CNY"),
        claim("platform enterprise value", "10 billion", unit="USD"),
    ),
    "range bound vs plain figure": (
        claim("large-screen TVs inches", "75", bound="low"),
        claim("large-screen TVs inches", "75"),
    ),
    "low vs high bound": (
        claim("large-screen TVs inches", "75", bound="low"),
        claim("large-screen TVs inches", "100", bound="high"),
    ),
    "different wholes": (
        claim("gigabit network access", "over 90%", whole="provinces"),
        claim("gigabit network access", "over 90%", whole="administrative villages"),
    ),
    "different bases": (
        claim("retail sales", "3.2%", kind="change", basis="year on year"),
        claim("retail sales", "3.2%", kind="change", basis="month on month"),
    ),
    "same sentence": (
        claim("exports", "100", sentence_start=0, sentence_end=80),
        claim("exports", "120", sentence_start=0, sentence_end=80),
    ),
    "similar subjects, values far apart": (
        claim("gigabit broadband access users", "10 million"),
        claim("gigabit broadband users", "196 million"),
    ),
    "parallel sentences about two industries": (
        claim(
            "Employment in average monthly growth",
            "34,000",
            sentence=(
                "Employment in professional and business services continued to trend up in March "
                "(+39,000), in line with the average monthly growth over the prior 6 months "
                "(+34,000)."
            ),
        ),
        claim(
            "Employment in average monthly growth",
            "22,000",
            sentence=(
                "Employment in social assistance continued to trend up in March (+17,000), in line "
                "with the average monthly growth over the prior 6 months (+22,000)."
            ),
        ),
    ),
    "no subject": (claim("", "4.089 million"), claim("", "4.089 million")),
    "generic subject only": (claim("the total number", "12"), claim("the total number", "12")),
}


@pytest.mark.parametrize(("a", "b"), NON_LINKS.values(), ids=NON_LINKS.keys())
def test_non_links(a: Claim, b: Claim) -> None:
    assert groups_of(a, b) == []
    assert not same_fact(a, b)


# A one-word subject used for a single figure may still be contradicted: "GDP grew 5.0%" and,
# later, "GDP grew 5.2%" is exactly the slip a fact-checker wants (regression: planted
# contradictions in short subjects went unreported while MIN_TOKENS_TO_CONTRADICT was 2).
ONE_WORD = {
    "one-word subject, different values": (
        claim("GDP", "5.0%", kind="change", period_end="2024-09-30"),
        claim("GDP", "5.2%", kind="change", period_end="2024-09-30"),
    ),
    "activity-only subject, different values": (
        claim("imports", "-3.1 billion", kind="change", unit="GBP"),
        claim("Imports", "-0.6 billion", kind="change", unit="GBP"),
    ),
}


@pytest.mark.parametrize(("a", "b"), ONE_WORD.values(), ids=ONE_WORD.keys())
def test_one_word_subjects_can_contradict(a: Claim, b: Claim) -> None:
    assert groups_of(a, b) == [(0, 1)]


def test_no_contradiction_within_one_paragraph() -> None:
    # A paragraph enumerates figures ("net investment of £21.4 billion ... net investment of
    # £0.7 billion" for two sectors); it does not restate them.
    a = claim("net investment (direct investment abroad)", "21.4 billion", paragraph=7)
    b = claim("net investment (direct investment abroad)", "0.7 billion", paragraph=7)
    assert groups_of(a, b) == []
    c = claim("net investment (direct investment abroad)", "21.4 billion", paragraph=7)
    assert groups_of(a, c) == [(0, 1)]  # agreement may still be reported


def test_a_repeated_headline_is_not_parallel() -> None:
    sentence = "The trade deficit narrowed to {} in Quarter 1 2014, from £7.1 billion in Quarter 4."
    a = claim("trade deficit", "5.5 billion", unit="GBP", sentence=sentence.format("£5.5 billion"))
    b = claim("trade deficit", "5.8 billion", unit="GBP", sentence=sentence.format("£5.8 billion"))
    assert groups_of(a, b) == [(0, 1)]


def test_one_word_subject_links_when_values_agree() -> None:
    a = claim("deficit", "5.6 billion", unit="GBP", period_end="2014-03-31")
    b = claim("deficit", "5.6 billion", unit="GBP", period_end="2014-03-31")
    assert groups_of(a, b) == [(0, 1)]


def test_a_label_for_several_figures_only_links_agreeing_values() -> None:
    # A balance-of-payments release: "net investment" of six sectors in one quarter.
    q1 = {"unit": "GBP", "period_start": "2014-01-01", "period_end": "2014-03-31"}
    cs = [
        claim("net investment", "24.9 billion", **q1),
        claim("net investment", "13.1 billion", **q1),
        claim("net investment", "10.3 billion", **q1),
        claim("net investment", "13.6 billion", **q1),
        claim("net investment", "24.9 billion", **q1),
    ]
    assert restatement_groups(cs) == [(0, 4)]
    # A bare side or flow ("net investment", "deficit") names no account: two different values
    # of it are two figures, never a contradiction (regression: ONS sectors linked as slips).
    assert restatement_groups(cs[1:4:2]) == []
    deficits = [claim("deficit", "20.8 billion", unit="GBP", period_end="2014-03-31"),
                claim("deficit", "9.6 billion", unit="GBP", period_end="2014-03-31")]  # fmt: skip
    assert restatement_groups(deficits) == []
    # ... but not once the document has used the subject for several figures of one quarter.
    q4 = {**q1, "period_start": "2013-10-01", "period_end": "2013-12-31"}
    more = [
        claim("net investment", "35.2 billion", **q4),
        claim("net investment", "31.2 billion", **q4),
    ]
    assert restatement_groups([*cs, *more]) == [(0, 4)]
    # A subject stated for two periods and misstated once is no label: the slip is linked.
    bs = [
        claim("5G base stations", "3.377 million", period_end="2023-12-31"),
        claim("5G base stations", "4.089 million", period_end="2024-09-30"),
        claim("5G base stations", "4.098 million", period_end="2024-09-30"),
    ]
    assert restatement_groups(bs) == [(1, 2)]


def test_transitive_groups() -> None:
    cs = [
        claim("5G base stations had been built", "4.089 million"),
        claim("mobile phones produced", "1.184 billion"),
        claim("the number of 5G base stations", "4.09 million"),
        claim("5G base stations established", "over 4 million"),
        claim("mobile phones exported", "580 million"),
        claim("mobile phones produced", "1.18 billion"),
    ]
    assert restatement_groups(cs) == [(0, 2, 3), (1, 5)]


def test_an_unqualified_claim_does_not_chain_two_wholes() -> None:
    cs = [
        claim("gigabit network access", "over 90%", whole="provinces"),
        claim("gigabit network access", "over 90%"),
        claim("gigabit network access", "over 90%", whole="administrative villages"),
    ]
    groups = restatement_groups(cs)
    assert not any(0 in g and 2 in g for g in groups)
    assert groups == [(0, 1)]
    assert match_restatements(cs).stats.refused == 1


def test_an_unknown_period_does_not_chain_two_periods() -> None:
    cs = [
        claim("5G base stations", "4.089 million", period_end="2024-09-30"),
        claim("5G base stations", "4.089 million"),
        claim("5G base stations", "3.377 million", period_end="2023-12-31"),
    ]
    assert restatement_groups(cs) == [(0, 1)]


# --- the check: agreement with interval semantics ------------------------------------------------

AGREEMENT = {
    # name: (first, second, rule)
    "more digits": ("4.09 million", "4.089 million", "CC101"),
    "identical": ("4.089 million", "4.089 million", "CC101"),
    "qualifier and rounding": ("over 4 million", "4.089 million", "CC101"),
    "qualifier only": ("more than 4 million", "4.6 million", "CC103"),
    "nearly": ("nearly 50%", "48%", "CC103"),
    "share more digits": ("38.7%", "38.73%", "CC101"),
    "transposed digits": ("4.089 million", "4.098 million", "CC102"),
    "last digit, same precision": ("21.47 million", "21.48 million", "CC102"),
    "share last digit": ("38.7%", "38.8%", "CC102"),
    "over contradicted": ("over 90%", "88%", "CC102"),
}


@pytest.mark.parametrize(("first", "second", "rule"), AGREEMENT.values(), ids=AGREEMENT.keys())
def test_agreement(first: str, second: str, rule: str) -> None:
    (f,) = check(claim("5G base stations", first), claim("5G base stations", second))
    assert f.rule == rule
    assert f.check == "restatement"
    assert f.severity == ("error" if rule == "CC102" else "info")
    assert f.slip == 0 or rule == "CC102"


def test_cc101_message() -> None:
    a = claim("5G base stations", "4.089 million", line=12)
    b = claim("5G base stations", "4.089 million", line=80)
    (f,) = check(a, b)
    assert f.message == "5G base stations stated twice with the same value (4.089 million)"
    assert (f.expected, f.observed, f.slip, f.gross) == (4089000.0, 4089000.0, 0.0, False)
    assert f.claims == (a.id, b.id)


def test_cc102_message_and_fields() -> None:
    a = claim("5G base stations", "4.089 million", line=12)
    b = claim("5G base stations", "4.098 million", line=80)
    (f,) = check(a, b)
    assert f.message == (
        "5G base stations: 4.089 million (line 12) vs 4.098 million (line 80): "
        "differ by 9,000 (8,000 beyond rounding)"
    )
    assert (f.rule, f.severity) == ("CC102", "error")
    assert f.expected == 4089000.0
    assert f.observed == 4098000.0
    assert f.slip == pytest.approx(8000.0)
    assert f.gross is False


def test_cc103_message() -> None:
    (f,) = check(
        claim("5G base stations", "more than 4 million", line=3),
        claim("5G base stations", "4.6 million", line=9),
    )
    assert f.message == (
        "5G base stations stated twice (over 4 million, 4.6 million): consistent only through "
        "the qualifier of over 4 million (line 3)"
    )


GROSS = {
    "sign of a change": ("3.2%", "-3.2%", {"kind": "change"}, True),
    "majority threshold": ("49%", "51%", {}, True),
    "scale word": ("4.089 million", "40.89 million", {}, True),
    "over 10% apart": ("100", "115", {}, True),
    "last digit": ("4.089 million", "4.098 million", {}, False),
    "share last digit": ("38.7%", "38.9%", {}, False),
}


@pytest.mark.parametrize(("a", "b", "kw", "gross"), GROSS.values(), ids=GROSS.keys())
def test_gross(a: str, b: str, kw: dict, gross: bool) -> None:
    (f,) = check(claim("exports", a, **kw), claim("exports", b, **kw))
    assert f.rule == "CC102"
    assert f.gross is gross


def test_every_claim_of_a_group_is_cited_and_worst_pair_reported() -> None:
    cs = [
        claim("5G base stations", "4.089 million", line=12),
        claim("5G base stations", "4.09 million", line=40),
        claim("5G base stations", "4.098 million", line=80),
    ]
    (f,) = check(*cs)
    assert f.claims == tuple(c.id for c in cs)
    assert f.rule == "CC102"
    assert (f.expected, f.observed) == (4089000.0, 4098000.0)
    assert f.message.endswith("(stated three times)")


def test_conflict_not_involving_the_first_claim() -> None:
    cs = [
        claim("5G base stations", "over 4 million"),
        claim("5G base stations", "4.089 million"),
        claim("5G base stations", "4.6 million"),
    ]
    (f,) = check(*cs)
    assert f.rule == "CC102"
    assert (f.expected, f.observed) == (4089000.0, 4600000.0)


def test_units_converted_before_comparing() -> None:
    (f,) = check(
        claim("photovoltaic capacity", "610", unit="gigawatt"),
        claim("photovoltaic capacity", "610,000", unit="megawatt"),
    )
    assert f.rule == "CC101"


def test_end_to_end_through_matching() -> None:
    cs = (
        claim("5G base stations had been built", "4.089 million", line=12),
        claim("mobile phones exported", "580 million"),
        claim("5G base stations have been established", "4.098 million", line=80),
    )
    ctx = CheckContext(text="", claims=cs, groups=tuple(restatement_groups(cs)))
    assert CHECKS["restatement"] is restatement
    (f,) = restatement(ctx)
    assert f.rule == "CC102"
    assert f.claims == (cs[0].id, cs[2].id)


# --- property: two roundings of one true value never contradict ---------------------------------


@st.composite
def roundings(draw: st.DrawFn) -> tuple[Claim, Claim]:
    true = Decimal(draw(st.integers(-(10**9), 10**9))).scaleb(-draw(st.integers(0, 6)))
    scale = Decimal(10) ** draw(st.sampled_from([0, 3, 6, 9]))
    percent = draw(st.booleans())
    mode = draw(st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN]))  # one writer, one rule
    out = []
    for _ in range(2):
        places = draw(st.integers(0, 4))
        step = Decimal(1).scaleb(-places)
        shown = (true / scale).quantize(step, rounding=mode)  # the digits on the page
        out.append(
            claim(
                "5G base stations",
                "0",
                value=float(shown * scale),
                resolution=float(step * scale),
                unit="percent" if percent else "",
                kind="change" if percent else "level",
            )
        )
    return out[0], out[1]


@settings(max_examples=400, deadline=None)
@given(roundings())
def test_roundings_of_one_value_never_contradict(pair: tuple[Claim, Claim]) -> None:
    (f,) = check(*pair)
    assert f.rule != "CC102"
    assert same_fact(*pair)


# --- pickling and determinism -------------------------------------------------------------------


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle(protocol: int) -> None:
    cs = list(LINKS["built vs established"])
    result = match_restatements(cs)
    assert pickle.loads(pickle.dumps(result, protocol)) == result
    (f,) = check(*cs)
    assert pickle.loads(pickle.dumps(f, protocol)) == f
    assert pickle.loads(pickle.dumps(normalize_subject("5G users"), protocol)) == (
        normalize_subject("5G users")
    )


def _corpus(n: int, seed: int = 7) -> tuple[list[Claim], list[tuple[int, int]]]:
    """``n`` synthetic claims (combinatorial subjects, a few periods), ~10% of them restatements.

    Returns the claims and the (original, restatement) index pairs.
    """
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "gu"]
    mods = [a + b + c for a in syllables for b in syllables for c in syllables]  # 1,000 words
    quals = ["rural", "urban", "smart", "industrial", "digital", "new", "green", "mobile",
             "fixed", "public", "private", "foreign", "domestic", "online", "regional"]  # fmt: skip
    heads = ["user", "station", "project", "enterprise", "vehicle", "port", "device", "park",
             "platform", "service", "account", "network", "terminal", "factory", "application"]  # fmt: skip
    acts = ["", "", "", " exported", " produced", " sold"]
    ends = [None, "2023-12-31", "2024-06-30", "2024-09-30"]
    out: list[Claim] = []
    copies: list[tuple[int, int]] = []
    originals: list[int] = []
    while len(out) < n:
        if originals and rng.random() < 0.1:
            k = rng.choice(originals)
            c = out[k]
            copies.append((k, len(out)))
            out.append(claim(c.subject, "0", value=c.value, resolution=c.resolution,
                             period_end=c.period_end, kind=c.kind, unit=c.unit))  # fmt: skip
            continue
        extra = rng.choice(quals) + " " if rng.random() < 0.2 else ""
        subject = (f"{rng.choice(mods)} {extra}{rng.choice(quals)} {rng.choice(heads)}s"
                   f"{rng.choice(acts)}")  # fmt: skip
        value = rng.randint(1, 10**6) * 1000.0
        originals.append(len(out))
        out.append(claim(subject, "0", value=value, resolution=1000.0,
                         period_end=rng.choice(ends), kind=rng.choice(["level", "change"])))  # fmt: skip
    return out, copies


def test_deterministic_and_order_independent() -> None:
    cs, _ = _corpus(2000)
    first = restatement_groups(cs)
    assert restatement_groups(cs) == first
    assert first  # the corpus has restatements
    order = list(range(len(cs)))
    random.Random(1).shuffle(order)
    shuffled = [cs[k] for k in order]
    back = {frozenset(order[k] for k in g) for g in restatement_groups(shuffled)}
    assert back == {frozenset(g) for g in first}


def test_every_restatement_in_a_corpus_is_found() -> None:
    cs, copies = _corpus(3000)
    group_of = {i: g for g in restatement_groups(cs) for i in g}
    assert len(copies) > 200
    assert all(j in group_of.get(i, ()) for i, j in copies)


def test_comparisons_grow_near_linearly() -> None:
    small = match_restatements(_corpus(5000)[0]).stats
    large = match_restatements(_corpus(20000)[0]).stats
    assert large.claims == 20000
    assert large.groups > small.groups
    assert large.comparisons / small.comparisons < 6
    assert large.probes / small.probes < 6


def test_same_precision_touching_figures_disagree() -> None:
    (f,) = check(claim("5G users", "21.47 million"), claim("5G users", "21.48 million"))
    assert (f.rule, f.slip) == ("CC102", 0.0)
    assert f.message.endswith("differ by 10,000 (in the last digit)")


def test_one_word_more_needs_close_values() -> None:
    a = claim("gigabit broadband access users", "196 million")
    assert same_fact(a, claim("gigabit broadband users", "199 million"))
    assert not same_fact(a, claim("gigabit broadband users", "296 million"))
    # identical subjects link whatever the values: a scale-word slip is what CC102 is for
    assert same_fact(claim("5G users", "1.96 million"), claim("5G users", "196 million"))


def test_a_subject_stated_thousands_of_times_costs_bounded_probes() -> None:
    rng = random.Random(3)
    ends = [f"2024-{m:02d}-28" for m in range(1, 13)] + [None]
    cs = [
        claim("5G users", "0", value=rng.randint(1, 999) * 1e6, period_end=rng.choice(ends))
        for _ in range(3000)
    ]
    result = match_restatements(cs)
    assert result.stats.probes <= MAX_PROBES * len(cs)
    # "5G users" is a label for hundreds of different values here: only agreeing values link.
    assert result.groups
    assert all(len({cs[i].value for i in g}) == 1 for g in result.groups)


def test_converted_units_are_shown_as_stated() -> None:
    (f,) = check(
        claim("photovoltaic capacity", "610", unit="gigawatt"),
        claim("photovoltaic capacity", "612,000", unit="megawatt"),
    )
    assert f.rule == "CC102"
    assert "610 gigawatt (line" in f.message
    assert "612,000 megawatt (line" in f.message
    assert "differ by 2 gigawatt" in f.message
    assert f.observed == pytest.approx(612.0)
