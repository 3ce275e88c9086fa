"""Earnings calls and statistical bulletins: title periods, segments, tables titled with their
unit, and the numbers in them that are not claims (footnotes, names, label ranges)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.claim import Claim
from claimcheck.document import Document
from claimcheck.extraction.focus import title_period
from claimcheck.extraction.scope import scope_opener, scoped


def claims_of(text: str, date: str = "2024-07-30") -> list[Claim]:
    return claimcheck.extract(Document(text, date=date))


def by_text(text: str, date: str = "2024-07-30") -> dict[str, Claim]:
    return {c.text: c for c in claims_of(text, date)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Deaths are coded as set out in the notes [2], and 912 deaths were registered.", "2"),
        ("Accounts follow the System of Health Accounts 2011 framework; 38 trusts reported.",
         "2011"),
        ("Rates use the 2013 European Standard Population; 912 deaths were registered.", "2013"),
        ("More than 1,200 customers were running our Edge 360 platform at quarter end.", "360"),
        ("R&D was $385 million as we keep investing in Edge 360, and SG&A was 14.7%.", "360"),
        ("I'll walk through the quarter on slides 5 through 12, then 40 customers.", "12"),
        ("Spending rose by €2.2 billion on 2022 to €38.6 billion.", "2022"),
    ],
)  # fmt: skip
def test_not_claims(text: str, absent: str):
    found = [c.text for c in claims_of(text)]
    assert absent not in found, found
    assert found, "the real figure of the sentence must still be found"


def test_numbers_after_capitalised_words_that_are_not_names_stay():
    found = [
        c.text for c in claims_of("In total 360 firms replied. Sales in March 2024 were 300 units.")
    ]
    assert "360" in found and "300" in found


TITLED_TABLE = """Table 1: Health expenditure by function, € billion (current prices)

                                      2021      2022      2023
Hospital care                         16.5      17.1      18.3
Total health expenditure              34.9      36.4      38.6
"""


def test_table_titled_with_its_unit_scales_cells_and_dates_bare_year_columns():
    claims = claims_of(TITLED_TABLE, "2024-03-14")
    cell = next(c for c in claims if c.text == "17.1")
    assert (cell.value, cell.unit) == (17.1e9, "EUR")
    assert (cell.period_start, cell.period_end) == ("2022-01-01", "2022-12-31")
    assert cell.subject == "Hospital care"
    texts = [c.text for c in claims]
    assert "billion" not in texts and "2021" not in texts and "2023" not in texts


CALL = """Acme Corp Q2 2024 Earnings Call, July 30, 2024

Revenue was $4.82 billion in the quarter. We ended the quarter with a backlog of $11.2 billion.

As we said, orders were $5.1 billion, up 3% from $4.95 billion a year ago.
"""


def test_title_period_and_the_quarter():
    p = title_period(CALL)
    assert p is not None and (str(p.period_start), str(p.period_end)) == (
        "2024-04-01",
        "2024-06-30",
    )
    c = by_text(CALL)
    assert (c["$4.82 billion"].period_start, c["$4.82 billion"].period_end) == (
        "2024-04-01",
        "2024-06-30",
    )
    # a figure with no period phrase in its paragraph takes the title's period ...
    assert c["$5.1 billion"].period_end == "2024-06-30"
    # ... and "a year ago" moves it back a year
    assert (c["$4.95 billion"].period_start, c["$4.95 billion"].period_end) == (
        "2023-04-01",
        "2023-06-30",
    )


def test_no_title_period_leaves_undated_figures_undated():
    c = by_text("Orders were $5.1 billion in the quarter.")
    assert c["$5.1 billion"].period_end is None


def test_segment_scope_keeps_segment_revenue_apart_from_company_revenue():
    text = (
        "Revenue was $4.82 billion, up 7%.\n\n"
        "In Automation Solutions, second-quarter revenue grew 4% to $2.35 billion.\n\n"
        "Power Components remains the soft spot. Revenue declined 3% to $860 million.\n"
    )
    c = by_text(text)
    assert c["$2.35 billion"].subject == "Automation Solutions revenue"
    assert c["$860 million"].subject == "Power Components Revenue"
    assert c["$4.82 billion"].subject == "Revenue"
    report = claimcheck.audit(Document(text, date="2024-07-30"))
    assert not [f for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("In Europe, sales rose 4%.", "Europe"),
        ("In addition, sales rose 4%.", ""),
        ("In March, sales rose 4%.", ""),
        ("In Q3 2024, sales rose 4%.", ""),
        ("For the Industrial segment, margin was 18%.", "Industrial"),
    ],
)
def test_scope_opener(sentence: str, scope: str):
    assert scope_opener(sentence) == scope


def test_scoped_only_touches_bare_measures():
    assert scoped("segment margin", "Europe") == "Europe segment margin"
    assert scoped("hospital beds", "Europe") == "hospital beds"


def test_share_of_an_increase_is_not_a_restatement_of_a_share_of_the_total():
    text = (
        "Hospital care accounted for 47.4% of the total.\n\n"
        "Hospital care accounted for more than half of the overall increase: €1.2 billion of "
        "the €2.2 billion.\n"
    )
    c = by_text(text, "2024-03-14")
    assert c["47.4%"].whole == "total"
    assert c["half"].whole == "increase"
    report = claimcheck.audit(Document(text, date="2024-03-14"))
    assert not [f for f in report.findings if f.rule == "CC102"]


def test_comparison_base_period_does_not_date_the_figures_around_it():
    text = (
        "Spending was €38.6 billion in 2023, up 6.0% from €36.4 billion in 2022; after "
        "allowing for prices, spending grew by 2.3% in real terms."
    )
    c = by_text(text, "2024-03-14")
    assert c["€36.4 billion"].period_end == "2022-12-31"
    assert c["2.3%"].period_end == "2023-12-31"


def test_change_shares_the_period_of_the_level_it_reached():
    text = "Assets decreased by £226.9 billion from the end of 2013 to a level of £9,335.1 billion at the end of March 2014."
    c = by_text(text, "2014-06-30")
    assert c["£226.9 billion"].period_end == "2014-03-31"


def test_period_in_a_clause_of_its_own_does_not_date_the_figure():
    text = "We earned $1.94 per diluted share, ahead of the range we gave you in April."
    c = by_text(CALL.split("\n")[0] + "\n\n" + text)
    assert c["$1.94"].period_end == "2024-06-30"


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Diluted EPS was $1.94, up 11%.", "$1.94", "ratio"),
        ("Book-to-bill was 1.08.", "1.08", "ratio"),
        ("Our Q3 guide of approximately 41% reflects mix.", "41%", "target"),
        ("For the full year, we still expect gross margin above 40.5%.", "40.5%", "target"),
    ],
)
def test_earnings_kinds(text: str, surface: str, kind: str):
    assert by_text(text)[surface].kind == kind


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("There were 91,340 deaths in 2023, 2.8% fewer than in 2022.", "2.8%", -2.8),
        ("Deaths were 91,340, 2,630 fewer than the 93,970 registered in 2022.", "2,630", -2630),
        ("Staff numbered 214,300, 5,600 more than a year earlier.", "5,600", 5600),
        ("Uptake was 91.7%, 0.6 percentage points lower than in 2022.", "0.6 percentage points",
         -0.6),
    ],
)  # fmt: skip
def test_difference_from_an_earlier_time_is_a_signed_change(text: str, surface: str, value):
    c = by_text(text, "2024-03-14")[surface]
    assert (c.kind, c.value) == ("change", value)


def test_difference_from_another_thing_stays_a_difference():
    c = by_text("The rate was 12.8%, 7 percentage points higher than the national average.")
    assert c["7 percentage points"].kind == "difference"


def test_figures_for_a_period_not_yet_over_are_targets():
    c = by_text("Spending will rise, reaching around 10.1% of GDP in 2030.", "2024-03-14")
    assert c["10.1%"].kind == "target"
    c = by_text("Sales in 2024 are 300 units so far.", "2024-10-23")
    assert c["300"].kind == "level"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("- Spending per person was €4,584, compared with €4,349 in 2022.", "€4,584",
         "Spending per person"),
        ("Spending on medicines rose 4.8%.", "4.8%", "Spending on medicines"),
        ("Households paid €5.4 billion (14.0%) directly.", "14.0%", "Households paid"),
        ("In 2023, 91,340 deaths were registered, 2,630 fewer than the 93,970 registered in 2022.",
         "93,970", "deaths"),
    ],
)  # fmt: skip
def test_subjects_in_bulletins(text: str, surface: str, subject: str):
    assert by_text(text, "2024-03-14")[surface].subject == subject


def test_stock_reported_for_a_quarter_is_dated_by_its_end():
    c = by_text(
        CALL.split("\n")[0] + "\n\nWe ended the quarter with a record backlog of $11.2 billion."
    )
    assert (c["$11.2 billion"].period_start, c["$11.2 billion"].period_end) == (None, "2024-06-30")


def test_now_dates_the_expectation_not_the_target():
    text = "For the full year 2024, we now expect free cash flow of at least $3.2 billion."
    c = by_text(text)["$3.2 billion"]
    assert (c.kind, c.period_start, c.period_end) == ("target", "2024-01-01", "2024-12-31")


def test_change_then_level_is_no_range():
    c = claims_of("Exports decreased $0.2 billion to $6.9 billion in August.", "2025-10-07")
    assert [(x.text, x.kind, x.value, x.bound) for x in c] == [
        ("$0.2 billion", "change", -2e8, ""),
        ("$6.9 billion", "level", 6.9e9, ""),
    ]
    r = claims_of("Prices rose 3 to 4 percent.", "2025-10-07")
    assert [x.bound for x in r] == ["low", "high"]


def test_edged_up_to_is_where_it_moved_not_a_bound():
    c = by_text("Core inflation edged up to 3.3% from 3.2%.", "2025-09-18")["3.3%"]
    assert c.qualifier == "exact"
    assert by_text("Deals of up to $5 billion.", "2025-09-18")["$5 billion"].qualifier == "at_most"


def test_first_day_of_a_date_pair_is_no_claim():
    found = [c.text for c in claims_of("The Committee met on 16 and 17 September 2025; 9 voted.")]
    assert found == ["9"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Imports were $1.2 billion, or 2.1 percent, less than July imports.", "2.1 percent",
         -2.1),
        ("The deficit was $1.4 billion larger than the $11.9 billion recorded a year earlier.",
         "$1.4 billion", 1.4e9),
    ],
)  # fmt: skip
def test_comparisons_with_earlier_months_are_changes(text: str, surface: str, value: float):
    c = by_text(text, "2025-10-07")[surface]
    assert (c.kind, c.value) == ("change", value)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Food inflation eased to 4.0% in August.", "4.0%", "change"),
        ("The policy rate is now 3.75%.", "3.75%", "level"),
        ("The unemployment rate was 4.8%.", "4.8%", "share"),
        ("Over 90% of sectors experienced growth.", "90%", "share"),
    ],
)
def test_rate_kinds(text: str, surface: str, kind: str):
    assert by_text(text, "2025-09-18")[surface].kind == kind


def test_comparison_period_implies_the_basis():
    text = (
        "International Trade, August 2025\n\n"
        "Compared with August 2024, exports were up $1.9 billion, or 4.1 percent. Exports to "
        "Japan increased $0.3 billion, or 5.9 percent, from July."
    )
    c = by_text(text, "2025-10-07")
    assert c["4.1 percent"].basis == "year on year"
    assert c["5.9 percent"].basis == "month on month"


def test_period_after_a_short_aside_is_the_figures():
    text = "The deficit decreased $1.9 billion from $15.2 billion (revised) in July."
    c = by_text(text, "2025-10-07")["$15.2 billion"]
    assert (c.period_start, c.period_end) == ("2025-07-01", "2025-07-31")


def test_title_month_holding_the_publication_date_is_no_reference_period():
    text = "Monetary Policy Statement - September 2025\n\nSeven members voted for the increase."
    assert title_period(text, datetime.date(2025, 9, 18)) is None
    c = by_text(text, "2025-09-18")["Seven"]
    assert c.kind == "level"  # not a target for the rest of the month


def test_change_on_a_day_is_not_year_to_date():
    text = "On 17 September 2025 the Committee raised the policy rate by 25 basis points to 3.75%."
    c = by_text(text, "2025-09-18")["25 basis points"]
    assert (c.period_start, c.period_end) == (None, "2025-09-17")


def test_period_words_leave_subjects_and_month_columns_date_cells():
    c = by_text("Total August exports were $48.6 billion.", "2025-10-07")["$48.6 billion"]
    assert c.subject == "Total exports"
    table = "Table 1. Trade, $ billions\n\n                 Jun 2025    Jul 2025\nTotal exports        47.5        47.9\n"
    cell = by_text(table, "2025-10-07")["47.9"]
    assert cell.subject == "Total exports"
    assert (cell.period_start, cell.period_end) == ("2025-07-01", "2025-07-31")
    assert cell.value == 47.9e9


def test_revisions_keep_their_periods_subjects_and_do_not_contradict():
    text = (
        "International Trade, August 2025\n\n"
        "July exports were $47.9 billion.\n\n"
        "July exports were revised from $47.7 billion to $47.9 billion and July imports from "
        "$63.2 billion to $63.1 billion.\n"
    )
    c = claims_of(text, "2025-10-07")
    got = {(x.text, x.subject, x.period_end) for x in c}
    assert ("$47.7 billion", "exports", "2025-07-31") in got
    assert ("$63.2 billion", "imports", "2025-07-31") in got
    report = claimcheck.audit(Document(text, date="2025-10-07"))
    assert not [f for f in report.findings if f.severity == "error"]


def test_contributions_share_a_unit_and_a_subtraction_is_negative():
    text = (
        "Consumption and investment contributed 0.3 and 0.2 percentage points, respectively, "
        "while net trade subtracted 0.1 percentage points."
    )
    c = by_text(text, "2025-09-18")
    assert c["0.3"].unit == "percentage_point"
    assert c["0.1 percentage points"].value == -0.1


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Headline inflation fell to 3.1% in August from 3.4% in July.", "3.4%", "change"),
        ("The rates on the deposit facility were raised to 3.25%.", "3.25%", "level"),
        ("Real GDP grew by 0.4%, after 0.2% in the first quarter.", "0.2%", "change"),
    ],
)
def test_more_rate_kinds(text: str, surface: str, kind: str):
    assert by_text(text, "2025-09-18")[surface].kind == kind


def test_now_in_a_report_on_a_period_means_that_period():
    text = (
        CALL.split("\n")[0]
        + "\n\nSegment revenue rose 18% in the quarter, and the segment now accounts for one-third of revenue."
    )
    c = by_text(text)["one-third"]
    assert c.period_end == "2024-06-30"
    briefing = by_text("There are now more than 15,000 projects in place.", "2024-10-23")["15,000"]
    assert (briefing.period_start, briefing.period_end) == (None, "2024-10-23")


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("Imports of foods, feeds and beverages were $3.0 billion.", "$3.0 billion",
         "Imports of foods, feeds and beverages"),
        ("Core inflation, which excludes energy and food, edged up to 3.3%.", "3.3%",
         "Core inflation"),
    ],
)  # fmt: skip
def test_comma_lists_inside_subjects(text: str, surface: str, subject: str):
    assert by_text(text, "2025-09-18")[surface].subject == subject


def test_participle_between_a_figure_and_its_period():
    text = "In 2023, 91,340 deaths were registered, 2,630 fewer than the 93,970 registered in 2022."
    c = by_text(text, "2024-03-14")["93,970"]
    assert (c.period_start, c.period_end) == ("2022-01-01", "2022-12-31")


_FRAGMENTS = [
    "half a million", "Q2 2024 Earnings Call", "in the quarter", "at quarter end", "[1]",
    "€ billion", "  2021   2022", "Table 1: X, $ billions\n\n      Jun 2025   Jul 2025\n"
    "Total exports   47.5   47.9\n", "revised from $47.7 billion to $47.9 billion",
    "2.8% fewer than in 2022", "decreased $0.2 billion to $6.9 billion", "edged up to 3.3%",
    "16 and 17 September 2025", "In Europe, revenue grew 4%", "Power Components remains weak.",
    "now", "29 February 2024", "compared with August 2024, up 4.1%", "from July", "10 000 dollars",
    "¾ of", "about half a billion", "\n\n", "(revised)", "in 2030", "so far",
    ", or 1.5 percent, more than July exports", "12.5.6", "1,2,3,4", "$", "%",
]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=25),
    st.sampled_from(["2024-02-29", "2025-10-07", None]),
)
def test_genre_fragments_never_crash_and_spans_are_exact(parts: list[str], date: str | None):
    doc = Document(" ".join(parts), date=date)
    claims = claimcheck.extract(doc)
    assert all(doc.text[c.start : c.end] == c.text for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    claimcheck.audit(doc)


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("The age-standardised mortality rate was 912.4 deaths per 100,000 people.", "912.4",
         "age-standardised mortality rate"),
        ("There were 381 doctors per 100,000 people.", "381", "doctors"),
        ("The service employed 214,300 full-time equivalent (FTE) staff.", "214,300",
         "full-time equivalent staff"),
    ],
)  # fmt: skip
def test_rate_and_acronym_subjects(text: str, surface: str, subject: str):
    assert by_text(text, "2024-03-14")[surface].subject == subject
