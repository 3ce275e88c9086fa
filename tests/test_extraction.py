"""Extraction: the contract's invariants, the issue's worked examples, and what is not a claim."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.claim import KINDS, QUALIFIERS, Claim
from claimcheck.document import Document

DOC_DATE = "2024-10-23"


def claims_of(text: str) -> list[Claim]:
    return claimcheck.extract(Document(text, date=DOC_DATE))


def one(text: str, surface: str) -> Claim:
    found = [c for c in claims_of(text) if c.text == surface]
    assert found, f"{surface!r} not extracted from {text!r}: {[c.text for c in claims_of(text)]}"
    return found[0]


# (sentence, surface, subject)
SUBJECTS = [
    ("By the end of September, a total of 4.089 million 5G base stations had been built.",
     "4.089 million", "5G base stations"),
    ("The number of gigabit broadband users reached 196 million.", "196 million",
     "gigabit broadband users"),
    ("Industrial production remained steady, with a 5.8% year-on-year increase in the value "
     "added of industrial enterprises above designated size.", "5.8%",
     "value added of industrial enterprises above designated size"),
    ("In the first nine months, China exported 580 million mobile phones.", "580 million",
     "mobile phones exported"),
    ("Total nonfarm payroll employment rose by 236,000 in March.", "236,000",
     "Total nonfarm payroll employment"),
    ("The current account deficit was £18.5 billion in Quarter 1 2014.", "£18.5 billion",
     "current account deficit"),
    ("Inflation fell below the Bank's 2% target.", "2%", "Bank's target"),
    ("There were 33.1 million people in employment.", "33.1 million", "people in employment"),
    ("Core inflation, which excludes energy and food, eased to 3.2%.", "3.2%", "Core inflation"),
    ("The trade in services surplus was £21.0 billion. Imports decreased by £0.6 billion.",
     "£0.6 billion", "Imports (trade in services surplus)"),
    ("Of those killed, 624 were car occupants and 385 were pedestrians.", "385", "pedestrians"),
    ("Gaming revenue was $2.9 billion, up 9% sequentially.", "9%", "Gaming revenue"),
    ("The company shipped a record 5.4 million units (+14% y/y).", "+14%", "units shipped"),
    ("Sales in Europe, Asia and the Americas were €1.2 billion, €0.8 billion and €2.1 billion "
     "respectively, totalling €4.1 billion.", "€0.8 billion", "Sales in Asia"),
    ("Sales in Europe, Asia and the Americas were €1.2 billion, €0.8 billion and €2.1 billion "
     "respectively, totalling €4.1 billion.", "€4.1 billion", "Sales"),
    ("In 2023, government revenue was $4.44 trillion and spending was $6.13 trillion.",
     "$6.13 trillion", "spending"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "subject"), SUBJECTS, ids=[s[1] for s in SUBJECTS])
def test_subject_from_sentence_structure(text: str, surface: str, subject: str):
    assert one(text, surface).subject == subject


def test_respectively_gives_four_distinct_subjects():
    text = (
        "In the first three quarters, production and sales of NEVs reached 8.316 million vehicles "
        "and 8.32 million vehicles, respectively, up 31.7% and 32.5% year on year, respectively."
    )
    got = {(c.text, c.kind, c.subject) for c in claims_of(text)}
    assert got == {
        ("8.316 million", "level", "production of NEVs"),
        ("8.32 million", "level", "sales of NEVs"),
        ("31.7%", "change", "production of NEVs"),
        ("32.5%", "change", "sales of NEVs"),
    }


# (sentence, surface, period start, period end)
PERIODS = [
    ("In the first three quarters, output grew 5.8% year on year.", "5.8%", "2024-01-01",
     "2024-09-30"),
    ("In the first eight months, the margin reached 7.5%.", "7.5%", "2024-01-01", "2024-08-31"),
    ("From January to August, income rose by 3.2% year on year.", "3.2%", "2024-01-01",
     "2024-08-31"),
    ("By the end of September, 4.089 million base stations had been built.", "4.089 million",
     None, "2024-09-30"),
    ("As of the end of September, 27.32 million ports were in use.", "27.32 million", None,
     "2024-09-30"),
    ("Data from August shows that output of robots rose by 20.1% year on year.", "20.1%",
     "2024-08-01", "2024-08-31"),
    ("Revenue was $5 million in Quarter 4 2023, up from $4 million.", "$5 million",
     "2023-10-01", "2023-12-31"),
    ("Sales were 10 million units in the first half. Exports were 2 million units in the same "
     "period.", "2 million", "2024-01-01", "2024-06-30"),
    ("In the third quarter, revenue was $30.0 billion, up 122% from a year ago.", "122%",
     "2024-07-01", "2024-09-30"),
    ("In the third quarter, GDP grew 0.6%. Exports rose 3.2%, narrowing the deficit to £8.5 "
     "billion from £11.3 billion in the second quarter.", "3.2%", "2024-07-01", "2024-09-30"),
    ("In the third quarter, GDP grew 0.6%. Exports rose 3.2%, narrowing the deficit to £8.5 "
     "billion from £11.3 billion in the second quarter.", "£11.3 billion", "2024-04-01",
     "2024-06-30"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "start", "end"), PERIODS, ids=[p[1] for p in PERIODS])
def test_period_resolved_against_document_date(text: str, surface: str, start, end):
    c = one(text, surface)
    assert (c.period_start, c.period_end) == (start, end)


def test_basis_is_kept_for_changes():
    assert one("Output rose 5.8% year on year.", "5.8%").basis == "year on year"


KINDS_TABLE = [
    ("Sales rose 5% year on year.", "5%", "change"),
    ("It was 7 percentage points higher than the industrial growth.", "7 percentage points",
     "difference"),
    ("Telecom revenue accounted for 31.8% of GDP.", "31.8%", "share"),
    ("The cost is 10 yuan per mu.", "10 yuan per mu", "ratio"),
    ("The reuse rate is expected to exceed 94%.", "94%", "target"),
    ("An additional 290 billion yuan has been raised.", "290 billion yuan", "change"),
    ("The company has 14,200 employees.", "14,200", "level"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "kind"), KINDS_TABLE, ids=[k[1] for k in KINDS_TABLE])
def test_kind(text: str, surface: str, kind: str):
    assert one(text, surface).kind == kind


NOT_CLAIMS = [
    "the 20th CPC National Congress", "the 14th Five-Year Plan (2021-2025)",
    "5G and 4G networks", "the C919 large passenger aircraft", "the first domestically built "
    "Mark III membrane", "First, we will act.", "the \"one month, one industrial chain\" campaign",
    "It is one of the most important industries.", "in 2023 and 2024", "See table A-1.",
    "Call (202) 691-6378.", "Quarter 1 2014 overview", "over the prior 6 months",
    "the slowest pace in two years", "to reach net zero by 2050", "the 12-month average",
    "Annual Report on Road Safety 2023\n\nIntroduction.", "deaths of riders aged under 40",
    "from the 2019 baseline",
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str):
    assert [c.text for c in claims_of(text)] == []


WORD_COUNTS = [
    ("Twenty-four platform enterprises now exceed $10 billion.", "Twenty-four", 24,
     "platform enterprises"),
    ("The C919 is operated by the country's three major airlines.", "three", 3, "major airlines"),
    ("We set up gateways in four cities.", "four", 4, "cities"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "value", "subject"), WORD_COUNTS,
                         ids=[w[1] for w in WORD_COUNTS])  # fmt: skip
def test_counts_in_words_are_claims(text: str, surface: str, value: float, subject: str):
    c = one(text, surface)
    assert (c.value, c.unit, c.kind, c.subject) == (value, "", "level", subject)


def test_claim_is_frozen_slotted_hashable_and_pickles():
    c = one("Revenue was $5 million.", "$5 million")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.value = 1.0  # type: ignore[misc]
    assert not hasattr(c, "__dict__")
    assert hash(c) == hash(attrs.evolve(c))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(c, protocol=proto))
        assert back == c and back.quantity == c.quantity


def test_quantity_uses_claimcheck_registry():
    q = one("Revenue was $5 million.", "$5 million").quantity
    assert q._REGISTRY is claimcheck.ureg


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_contract_holds_on_arbitrary_text(text: str):
    doc = Document(text)
    last = 0
    for c in claimcheck.extract(doc):
        d = c.to_dict()
        assert doc.text[d["start"] : d["end"]] == d["text"]
        assert d["start"] >= last
        last = d["end"]
        assert d["qualifier"] in QUALIFIERS and d["kind"] in KINDS
        assert (d["line"], d["column"]) == doc.line_col(d["start"])


NUMBERY = st.lists(
    st.sampled_from(
        [
            "4.089 million",
            " ",
            "\n",
            "5G",
            "up 3%",
            " and ",
            ", respectively",
            "over 90% of",
            "(",
            ")",
            "Revenue",
            "$10 billion",
            "the first three quarters",
            "year on year",
            ". ",
            "Zhao Zhiguo:\n\n",
            "two-thirds",
            "-",
            "In 2023",
            "by 1.2 percentage points",
            "\u00a0",
            "per mu (0.0667 hectares)",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(NUMBERY)
def test_contract_holds_on_number_soup(text: str):
    doc = Document(text, date=DOC_DATE)
    for c in claimcheck.extract(doc):
        assert doc.text[c.start : c.end] == c.text
    claimcheck.audit(doc)  # never raises
