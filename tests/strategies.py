"""Hypothesis strategies shared by the property tests: surface forms generated from values."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

# The number words are spelled out here again on purpose: the property tests generate surface
# forms from an oracle independent of claimcheck.numbers.words, so a misspelt entry in the
# parser's table fails a test instead of agreeing with itself.
SMALL_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBR = {"k": 10**3, "mn": 10**6, "bn": 10**9, "tn": 10**12}


def words_for(n: int) -> str:
    """English words for 0 <= n < 1000 ("one hundred and twenty", "Twenty-four")."""
    if n < 20:
        return SMALL_WORDS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS_WORDS[tens - 2] + (f"-{SMALL_WORDS[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{SMALL_WORDS[hundreds]} hundred"
    return head + (f" and {words_for(rest)}" if rest else "")


def with_separators(digits: str) -> str:
    """Insert thousands separators into the integer part of a plain decimal string."""
    head, dot, tail = digits.partition(".")
    neg = head.startswith("-")
    head = head.lstrip("-")
    groups = []
    while len(head) > 3:
        groups.insert(0, head[-3:])
        head = head[:-3]
    groups.insert(0, head)
    return ("-" if neg else "") + ",".join(groups) + dot + tail


@st.composite
def decimals(draw: st.DrawFn, max_int: int = 10**6) -> Decimal:
    """A non-negative decimal with 0-4 decimal places, as a writer would state it."""
    places = draw(st.integers(0, 4))
    units = draw(st.integers(0, max_int * 10**places))
    return Decimal(units).scaleb(-places)


def plain(d: Decimal) -> str:
    return format(d, "f")


# (surface template, unit string claimcheck should return); {n} is the number.
UNIT_STYLES = [
    ("{n}", ""),
    ("{n}%", "percent"),
    ("{n} percent", "percent"),
    ("{n} per cent", "percent"),
    ("{n} percentage points", "percentage_point"),
    ("${n}", "USD"),
    ("US${n}", "USD"),
    ("{n} dollars", "USD"),
    ("£{n}", "GBP"),
    ("€{n}", "EUR"),
    ("{n} euros", "EUR"),
    ("RMB {n}", "CNY"),
    ("{n} yuan", "CNY"),
    ("{n} yen", "JPY"),
    ("HK${n}", "HKD"),
    ("{n} megawatts", "megawatt"),
    ("{n} MW", "megawatt"),
    ("{n} kWh", "kilowatt_hour"),
    ("{n} milliseconds", "millisecond"),
    ("{n} EFLOPS", "EFLOPS"),
    ("{n} tons", "metric_ton"),
    ("{n} hectares", "hectare"),
    ("{n} kilometres", "kilometer"),
]
