"""The ``balance`` check: a surplus or deficit against its two sides."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.document import Document

TRADE = (
    "In the first half, exports grew 6.9 percent to {exports} trillion yuan, and imports grew "
    "5.2 percent to {imports} trillion yuan. The trade {word} was {balance} trillion yuan.\n"
)


def balance_findings(text: str):
    report = claimcheck.audit(Document(text, date="2024-07-15"), checks=["balance"])
    return report.findings


def test_surplus_agrees_with_its_sides():
    (f,) = balance_findings(TRADE.format(exports="13.13", imports="10.17", word="surplus",
                                         balance="2.96"))  # fmt: skip
    assert (f.rule, f.severity) == ("CC1401", "info")
    assert "13.13 trillion CNY − 10.17 trillion CNY" in f.message


def test_misstated_surplus_is_an_error():
    (f,) = balance_findings(TRADE.format(exports="13.13", imports="10.17", word="surplus",
                                         balance="3.96"))  # fmt: skip
    assert (f.rule, f.severity, f.gross) == ("CC1402", "error", False)
    assert math.isclose(f.expected, 2.96e12, rel_tol=1e-3)


def test_a_surplus_the_sides_make_a_deficit_is_gross():
    (f,) = balance_findings(TRADE.format(exports="10.17", imports="13.13", word="surplus",
                                         balance="2.96"))  # fmt: skip
    assert (f.rule, f.gross) == ("CC1402", True)


def test_deficit_is_imports_minus_exports():
    (f,) = balance_findings(TRADE.format(exports="10.17", imports="13.13", word="deficit",
                                         balance="2.96"))  # fmt: skip
    assert (f.rule, f.severity) == ("CC1401", "info")


def test_budget_deficit():
    text = ("In 2023, government revenue was $4.44 trillion and spending was $6.13 trillion. The "
            "budget deficit was $1.69 trillion.")  # fmt: skip
    (f,) = claimcheck.audit(Document(text, date="2024-01-15"), checks=["balance"]).findings
    assert f.rule == "CC1401"


@pytest.mark.parametrize(
    "text",
    [
        # a side stated only as a change is no side of this period's balance
        "Exports rose by 2.8 billion pounds and imports by 3.1 billion pounds. The trade deficit "
        "was 26.5 billion pounds.",
        # a part of a side is not the side ("exports of oil")
        "Exports of oil were 13.13 trillion yuan and imports were 10.17 trillion yuan. The trade "
        "surplus was 5 trillion yuan.",
        # a different period
        "In 2023 exports were 13.13 trillion yuan and imports 10.17 trillion yuan. In the first "
        "half of 2024 the trade surplus was 5 trillion yuan.",
    ],
)
def test_quiet_without_both_sides(text: str):
    assert balance_findings(text) == []


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 99999), st.integers(1000, 99999), st.integers(0, 2))
def test_rounded_sides_never_contradict(exports: int, imports: int, places: int):
    """Figures rounded from true values to any stated precision agree (no false error)."""
    e, i = exports / 1000, imports / 1000
    word = "surplus" if e >= i else "deficit"
    text = TRADE.format(exports=f"{e:.{places + 1}f}", imports=f"{i:.{places + 1}f}", word=word,
                        balance=f"{abs(e - i):.{places}f}")  # fmt: skip
    assert all(f.severity == "info" for f in balance_findings(text))
