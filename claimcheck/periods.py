"""Period expressions: find "in the first three quarters", "by the end of September", "year on year"
in text and resolve them to calendar dates against the document's date.

Every mention keeps its exact span (``text[m.start:m.end] == m.text``). Detection never depends on the
reference date; only the resolved dates do, and only for mentions flagged ``relative``.

Resolution conventions (``ref`` is the document date):

- A named period without a year ("in August", "the third quarter", "by the end of September",
  "Oct. 23") is placed in the latest year in which it has begun by ``ref``: "in November" in a
  document of 2024-10-23 is November 2023. A stated "2024" / "this year" / "last year" always wins.
- "this year", "this quarter", "this month", "year to date", "so far this year": from the start of
  the unit to ``ref``. "the whole/entire/full year" is the full calendar year.
- "last year", "the previous year", "the prior year", "last month", "last quarter": the previous
  calendar unit before the one holding ``ref``.
- "the past/last N months" (or quarters): the N complete calendar months before ``ref``'s month
  (a release dated 2023-04-07: "over the past 12 months" is 2022-04-01..2023-03-31); "the past
  year" / "the past N years": the 12 / 12N complete months before ``ref``'s month; "the past N
  weeks/days": the 7N / N days ending at ``ref``. "the prior/previous/preceding N months"
  (or quarters) count back from the reference month, the last complete one: in that release
  "the prior 6 months" is 2022-09-01..2023-02-28 and "the prior month" February.
- "over the month" is the month before ``ref``'s month (the reference month of a monthly release),
  "over the year" the 12 months ending with it; both carry a ``basis``.
- "since X": from the start of X to ``ref``. "by X", "as of X": a stock at the end of X.
- Points: "the end of X" is X's last day, "the beginning/start of X" its first day, "mid-X" the
  15th of a month (Jun 30 of a year); "early/late X" are the first / last third of X (days 1-10 /
  21-end of a month, Jan-Apr / Sep-Dec of a year).
- "from A to B", "A-B", "between A and B", "A and B combined": A's start to B's end; a side
  without a year takes the other's ("January to August 2024"). "the three months ended
  September 30, 2024", "the year to March 2023": the span ending with the end of X.
- "now", "currently", "to date", "today", "at present": a stock at ``ref``.
- "in the same period" / "over the same period": ``relative`` with no dates (the caller inherits
  the governing period). "compared with the same period last year", "year on year", "a year
  earlier": ``kind="basis"``. Fiscal periods ("fiscal 2024", "Q3 FY24") are found, unresolved.
- With ``ref=None`` every ``relative`` mention has no dates; the mentions found never depend on
  ``ref``.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

__all__ = ["BASES", "FORMS", "KINDS", "PeriodMention", "find_periods", "nearest_period"]

#: ``flow``: a span with both ends; ``stock``: a point in time (only ``period_end``);
#: ``basis``: a comparison basis ("year on year") with no dates.
KINDS = ("flow", "stock", "basis")
#: Normalized comparison bases.
BASES = (
    "",
    "year on year",
    "quarter on quarter",
    "month on month",
    "over the year",
    "over the quarter",
    "over the month",
)
#: How the mention was phrased, for callers that filter: ``date`` a calendar day (datelines too),
#: ``calendar`` a named month / quarter / half / year / first-N-months and points in them,
#: ``range`` "from A to B", ``year_range`` "2021-2025", ``fiscal`` a fiscal period (unresolved),
#: ``since`` "since X", ``deictic`` this / last / past N / now / to date, ``same_period`` "in the
#: same period", ``basis`` a comparison basis.
FORMS = (
    "date",
    "calendar",
    "range",
    "year_range",
    "fiscal",
    "since",
    "deictic",
    "same_period",
    "basis",
)

Date = datetime.date
Interval = tuple[Date, Date]
Dates = tuple[Date | None, Date | None]


@attrs.frozen(slots=True)
class PeriodMention:
    """A period expression found in text, with its exact span and resolved dates."""

    start: int
    end: int
    period_start: Date | None
    period_end: Date | None
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    #: Normalized comparison basis (one of ``BASES``) for ``kind="basis"`` or attached to a flow.
    basis: str = attrs.field(default="", validator=attrs.validators.in_(BASES))
    #: True when the dates depend on the reference date or on another period in the text.
    relative: bool = False
    #: ``text[start:end]`` as found.
    text: str = ""
    #: One of ``FORMS`` ("" when built by hand).
    form: str = attrs.field(default="", validator=attrs.validators.in_((*FORMS, "")))

    @property
    def period(self) -> dict[str, str | None]:
        """The contract's ``period`` object: ISO dates or ``None``."""
        return {
            "start": self.period_start.isoformat() if self.period_start else None,
            "end": self.period_end.isoformat() if self.period_end else None,
        }


# --------------------------------------------------------------------------------------------------
# Calendar helpers


@functools.lru_cache(maxsize=4096)
def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _months(year: int, first: int, last: int) -> Interval:
    """Months ``first..last`` (1-based, may run past 12) of ``year``."""
    y1, m1 = _shift_month(year, 1, first - 1)
    y2, m2 = _shift_month(year, 1, last - 1)
    return Date(y1, m1, 1), _month_end(y2, m2)


def _month_aligned(lo: Date, hi: Date) -> bool:
    return lo.day == 1 and hi == _month_end(hi.year, hi.month)


def _month_count(lo: Date, hi: Date) -> int:
    return (hi.year - lo.year) * 12 + hi.month - lo.month + 1


def _trailing_months(ref: Date, n: int) -> Interval:
    """The ``n`` complete calendar months before ``ref``'s month."""
    y, m = _shift_month(ref.year, ref.month, -n)
    ye, me = _shift_month(ref.year, ref.month, -1)
    return Date(y, m, 1), _month_end(ye, me)


def _mod_end(lo: Date, hi: Date) -> Interval:
    return hi, hi


def _mod_start(lo: Date, hi: Date) -> Interval:
    return lo, lo


def _mod_mid(lo: Date, hi: Date) -> Interval:
    if not _month_aligned(lo, hi):
        mid = lo + (hi - lo) / 2
        return mid, mid
    n = _month_count(lo, hi)
    if n % 2:  # odd: the 15th of the middle month
        y, m = _shift_month(lo.year, lo.month, n // 2)
        point = Date(y, m, 15)
    else:  # even: the last day of the first half
        point = _month_end(*_shift_month(lo.year, lo.month, n // 2 - 1))
    return point, point


def _mod_early(lo: Date, hi: Date) -> Interval:
    if not _month_aligned(lo, hi):
        return lo, lo + (hi - lo) / 3
    n = _month_count(lo, hi)
    if n == 1:
        return lo, lo.replace(day=10)
    y, m = _shift_month(lo.year, lo.month, -(-n // 3) - 1)
    return lo, _month_end(y, m)


def _mod_late(lo: Date, hi: Date) -> Interval:
    if not _month_aligned(lo, hi):
        return hi - (hi - lo) / 3, hi
    n = _month_count(lo, hi)
    if n == 1:
        return hi.replace(day=21), hi
    y, m = _shift_month(hi.year, hi.month, 1 - -(-n // 3))
    return Date(y, m, 1), hi


_MODS: dict[str, tuple[Callable[[Date, Date], Interval], bool]] = {
    # name: (function, gives a point)
    "end": (_mod_end, True),
    "start": (_mod_start, True),
    "mid": (_mod_mid, True),
    "early": (_mod_early, False),
    "late": (_mod_late, False),
}

# --------------------------------------------------------------------------------------------------
# Vocabulary and regex pieces. Every quantifier is bounded, so a match attempt costs O(1); rules are
# tried only where a trigger word starts, and their prefixes ("by the end of ") are matched backwards
# over a bounded window, so a scan is linear in the text.

_S = r"\s{1,6}"  # whitespace between words (line wraps included)
_S0 = r"\s{0,3}"
_SH = r"(?:\s{1,6}|-)"  # space or hyphen: "first-half"
_WB = r"(?<![\w-])"  # a word starts here

_FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ABBREV_MONTHS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sept": 9, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_FULL_MONTHS, 1)}
_MONTH_NUMBER.update({name.lower(): i for name, i in _ABBREV_MONTHS.items()})


def _cases(words: Iterable[str]) -> str:
    return "|".join(f"{w}|{w.upper()}" for w in words)


# Month names are matched capitalized ("May", "MAY") so the verb "may" never is.
_MON = (
    rf"(?<![A-Za-z])(?-i:(?:{_cases(_FULL_MONTHS)})(?![A-Za-z])"
    rf"|(?:{_cases(_ABBREV_MONTHS)})(?:\.|(?![A-Za-z])))"
)
_YEAR_CORE = r"(?:19|20)\d\d"
_YEAR = rf"(?<![\w$£€¥])(?<!\d[.,]){_YEAR_CORE}(?![\w%]|[.,]\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
}  # fmt: skip
_NUM = rf"(?:\d{{1,2}}(?!\d)|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})(?!\w)"
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORD = rf"(?:{'|'.join(_ORDINAL_WORDS)}|1st|2nd|3rd|[4-9]th|1[0-2]th|last|final)(?!\w)"

_FISCAL_YEAR = (
    rf"(?:{_WB}(?:fiscal|financial){_S}(?:year{_S})?|(?<!\w)FY{_S0})"
    r"(?:19|20)?\d\d(?:[-/](?:19|20)?\d\d)?(?![\w%])"
)
# A year qualifier after a named period: "2024", "of this year", "last year", "of the year", "FY24".
_YQ = (
    rf"(?:,?{_S}(?:(?:of|in){_S})?(?:the{_S}(?:calendar{_S})?year{_S})?{_YEAR}"
    rf"|{_S}(?:of{_S})?(?:this|last|next|the{_S}(?:current|previous|prior|preceding|last|next|coming))"
    rf"(?:{_S}calendar)?{_S}year(?![\w-])"
    rf"|{_S}of{_S}the{_S}year(?![\w-])"
    rf"|{_S}(?:(?:of|in){_S})?{_FISCAL_YEAR})"
)
_MOD = (
    rf"(?:{_WB}(?:the{_S})?(?:end|beginning|start|middle|close){_S}of{_S}"
    rf"|{_WB}(?:end|mid|early|late)-|{_WB}mid{_S}|{_WB}(?:early|late){_S})"
)
_PREP = (
    rf"{_WB}(?:in|during|for|over|throughout|through|until|till|by|since|from|at|on|within"
    rf"|as{_S}(?:of|at)|up{_S}to|compared{_S}(?:with|to)|than(?:{_S}(?:in|at|during))?"
    rf"|versus|vs\.?)"
)
_CMP = (
    rf"{_WB}(?:compared{_S}(?:with|to)|from|than(?:{_S}(?:in|during))?|over|versus|vs\.?"
    rf"|on|against|relative{_S}to|in|during|for|since)"
)

_STOCK_PREPS = frozenset({"by", "as of", "as at"})
_MONTH_PREPS = frozenset(
    {
        "in", "during", "for", "over", "throughout", "through", "until", "till", "by", "since",
        "from", "as of", "as at", "up to", "compared with", "compared to", "than", "than in",
        "than at", "than during", "versus", "vs",
    }
)  # fmt: skip
# A bare year needs a preposition that rarely precedes a count ("over 2000 firms", "than 2000").
_YEAR_PREPS = _MONTH_PREPS - {"over", "than", "than at", "up to", "versus", "vs"}
_COMPARISON_PREPS = ("compared ", "than ", "versus ", "vs ", "vs. ")

# Prefixes matched backwards from where a rule's core starts; all optional unless noted.
_PREFIX_PARTS = {
    "prep": rf"(?:(?P<prep>{_PREP}){_S})?",
    "mod": rf"(?P<mod>{_MOD})?",
    "the": rf"(?P<the>{_WB}the{_S})?",
    "whole": rf"(?P<whole>{_WB}(?:entire|whole|full){_SH}(?:of{_S})?(?:the{_S})?)?",
    "fisc": rf"(?P<fisc>{_WB}(?:fiscal|financial){_SH})?",
    "pre": (
        rf"(?P<pre>{_WB}(?:the{_S})?(?:(?:entire|whole|full){_SH}(?:of{_S})?(?:year{_S})?"
        rf"|(?:calendar|full){_SH}year{_S}|year{_S}))?"
    ),
    "rp": rf"(?:(?P<rp>{_WB}(?:from|between)){_S}(?:the{_S}period{_S})?)?",
    "ona": rf"(?:{_WB}on{_S}an?{_S})?",
    "cmp": rf"(?:(?P<cmp>{_CMP}){_S})?",
    "ago": rf"{_WB}(?:a|one|the){_S}",  # required: "a year earlier"
    "over": rf"{_WB}over{_S}the{_S}",  # required: "over the month"
}
_PREFIX_WINDOW = 96  # characters; longer than any prefix
_PREP_LAST = {
    "in", "during", "for", "over", "throughout", "through", "until", "till", "by", "since",
    "from", "at", "on", "within", "of", "to", "with", "than", "versus", "vs",
}  # fmt: skip
# The word a non-empty prefix part ends with, for a cheap check before matching it.
_PREFIX_LAST_WORDS = {
    "prep": _PREP_LAST,
    "mod": {"of", "end", "mid", "early", "late"},
    "the": {"the"},
    "whole": {"entire", "whole", "full", "of", "the"},
    "fisc": {"fiscal", "financial"},
    "pre": {"the", "entire", "whole", "full", "of", "year"},
    "rp": {"from", "between", "period"},
    "ona": {"a", "an"},
    "cmp": _PREP_LAST | {"against"},
    "ago": {"a", "one", "the"},
    "over": {"the"},
}

# --------------------------------------------------------------------------------------------------
# Atoms: the named periods that prepositions, modifiers and ranges combine.

_Ctx = Mapping[str, "str | None"]


@attrs.frozen
class _Atom:
    """A period before ``ref`` is known: a builder per year, or a function of ``ref``."""

    family: str  # "day", "month", "quarter", "half", "year", "now", "same"
    relative: bool
    form: str = "calendar"
    point: bool = False
    build: Callable[[int], Interval] | None = None  # the interval in a given year
    anchor: Callable[[int], Date] | None = None  # start of the named base period, for inference
    year: tuple[str, int] = ("abs", 0)  # ("abs", y) | ("rel", k) | ("infer", 0) | ("fiscal", 0)
    fixed: Callable[[Date], Interval] | None = None  # the interval given ``ref``
    to_date: bool = False  # standalone, it ends at ``ref`` ("this year")


def _year_spec(text: str | None) -> tuple[str, int]:
    if not text:
        return ("infer", 0)
    if re.search(r"fiscal|financial|\bfy", text, re.I):
        return ("fiscal", 0)
    found = re.search(_YEAR_CORE, text)
    if found:
        return ("abs", int(found.group()))
    low = text.lower()
    if re.search(r"\b(?:this|current)\b", low):
        return ("rel", 0)
    if re.search(r"\b(?:last|previous|prior|preceding)\b", low):
        return ("rel", -1)
    if re.search(r"\b(?:next|coming)\b", low):
        return ("rel", 1)
    return ("infer", 0)


def _calendar(
    family: str, build: Callable[[int], Interval], year: tuple[str, int], point: bool = False
) -> _Atom | None:
    """A year-bearing atom; ``None`` when its stated year makes it impossible (Feb 30)."""
    kind, value = year
    if family == "day":  # only a day can be impossible in a given year (Feb 30, Feb 29 2023)
        try:
            build(value if kind == "abs" else 2000)
        except ValueError:
            return None
    return _Atom(
        family=family,
        relative=kind in ("rel", "infer"),
        form="fiscal" if kind == "fiscal" else "calendar",
        point=point,
        build=build,
        anchor=lambda y: build(y)[0],
        year=year,
    )


def _pick_year(atom: _Atom, ref: Date | None) -> int | None:
    kind, value = atom.year
    if kind == "abs":
        return value
    if ref is None or kind == "fiscal":
        return None
    if kind == "rel":
        return ref.year + value
    assert atom.anchor is not None
    return ref.year - 1 if atom.anchor(ref.year) > ref else ref.year


def _interval(atom: _Atom, ref: Date | None, *, standalone: bool = True) -> Interval | None:
    if atom.build is not None:
        year = _pick_year(atom, ref)
        return None if year is None else atom.build(year)
    if atom.fixed is not None and ref is not None:
        lo, hi = atom.fixed(ref)
        if atom.to_date and standalone:
            hi = min(hi, ref)
        return lo, hi
    return None


def _modify(atom: _Atom, mod: str) -> _Atom | None:
    if atom.point or atom.family in ("now", "same") or atom.year[0] == "fiscal":
        return None
    func, point = _MODS[mod]
    build, fixed = atom.build, atom.fixed
    return attrs.evolve(
        atom,
        point=point,
        build=(lambda y: func(*build(y))) if build else None,
        fixed=(lambda ref: func(*fixed(ref))) if fixed else None,
        to_date=False,
    )


def _mod_name(text: str | None) -> str:
    if not text:
        return ""
    word = re.search(r"end|close|beginning|start|middle|mid|early|late", text, re.I)
    assert word is not None
    name = word.group().lower()
    return {"close": "end", "beginning": "start", "middle": "mid"}.get(name, name)


def _norm(text: str | None) -> str:
    return " ".join(text.lower().rstrip(".").split()) if text else ""


def _number(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def _month_number(text: str) -> int:
    return _MONTH_NUMBER[text.rstrip(".").lower()]


def _unit(text: str) -> str:
    word = text.lower()
    return "half" if word.startswith("hal") else word.rstrip("s")


_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


# Each form: a core pattern with named groups and a parser(core match, prefix groups) -> _Atom.

_DATE = (
    rf"(?P<mon>{_MON}){_S0}(?<!\d)(?P<day>{_DAY})(?:,?{_S}(?P<year>{_YEAR}))?"
    rf"|(?<![\w.,])(?P<day2>{_DAY}){_S}(?:of{_S})?(?P<mon2>{_MON})(?:,?{_S}(?P<year2>{_YEAR}))?"
    rf"|(?<![\w.,-])(?P<iso>{_YEAR_CORE}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\w-])"
)


def _parse_date(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    if m["iso"]:
        y, mo, d = (int(part) for part in m["iso"].split("-"))
        year: tuple[str, int] = ("abs", y)
    else:
        mo = _month_number(m["mon"] or m["mon2"])
        d = int((m["day"] or m["day2"]).rstrip("stndrh"))
        y_text = m["year"] or m["year2"]
        year = ("abs", int(y_text)) if y_text else ("infer", 0)

    def build(y: int) -> Interval:
        day = Date(y, mo, d)
        return day, day

    atom = _calendar("day", build, year, point=True)
    if atom is None:
        return None
    return attrs.evolve(
        atom, form="date", anchor=lambda y: Date(y, mo, min(d, calendar.monthrange(y, mo)[1]))
    )


_MONTH = rf"(?P<mon>{_MON})(?P<yq>{_YQ})?"


def _parse_month(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    if not (m["yq"] or ctx.get("mod") or _norm(ctx.get("prep")) in _MONTH_PREPS):
        return None  # a bare month name needs context: "in March", "March 2023", "mid-March"
    mo = _month_number(m["mon"])
    return _calendar("month", lambda y: _months(y, mo, mo), _year_spec(m["yq"]))


_QUARTER = (
    rf"{_WB}quarter{_S}(?P<qa>[1-4])(?!\d)"
    rf"(?:{_S0}\({_S0}{_MON}{_S0}(?:-|–|to){_S0}{_MON}{_S0}\))?(?P<yqa>{_YQ})?"
    rf"|(?<![\w/])Q(?P<qb>[1-4])(?:{_S0}[-/]{_S0}(?P<yb>{_YEAR_CORE})(?!\d)"
    rf"|\s?['’](?P<yyb>\d\d)|(?P<yqb>{_YQ}))?(?![\w/])"
    rf"|(?<![\w./])(?P<qc>[1-4])Q(?:\s?(?P<yc>{_YEAR_CORE})|['’]?(?P<yyc>\d\d))?(?![\w/])"
    rf"|(?<![\w$£€¥])(?P<yd>{_YEAR_CORE}){_S0}-?{_S0}Q(?P<qd>[1-4])(?![\w/])"
)


def _parse_quarter(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    q = int(m["qa"] or m["qb"] or m["qc"] or m["qd"])
    if y := m["yb"] or m["yc"] or m["yd"]:
        year: tuple[str, int] = ("abs", int(y))
    elif yy := m["yyb"] or m["yyc"]:
        year = ("abs", 2000 + int(yy))
    else:
        year = _year_spec(m["yqa"] or m["yqb"])
    return _calendar("quarter", lambda y: _months(y, 3 * q - 2, 3 * q), year)


# "H1 2024", "1H24"; a lone "H2" is more often hydrogen than a half-year.
_HALF = (
    rf"(?<![\w/])H(?P<ha>[12])(?:{_S0}[-/]{_S0}(?P<yha>{_YEAR_CORE})(?!\d)|\s?['’](?P<yyha>\d\d)"
    rf"|(?P<yqha>{_YQ}))(?![\w/])"
    rf"|(?<![\w./])(?P<hb>[12])H(?:\s?(?P<yhb>{_YEAR_CORE})|['’]?(?P<yyhb>\d\d))(?![\w/])"
)


def _parse_half(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    h = int(m["ha"] or m["hb"])
    if y := m["yha"] or m["yhb"]:
        year: tuple[str, int] = ("abs", int(y))
    elif yy := m["yyha"] or m["yyhb"]:
        year = ("abs", 2000 + int(yy))
    else:
        year = _year_spec(m["yqha"])
    return _calendar("half", lambda y: _months(y, 6 * h - 5, 6 * h), year)


_ORDINAL = (
    rf"{_WB}(?P<ord>{_ORD})(?:{_SH}(?P<n>{_NUM}))?{_SH}"
    rf"(?P<unit>months?|quarters?|half(?:[-\s]year)?|halves)(?![\w-])(?P<yq>{_YQ})?"
)


def _parse_ordinal(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    unit = _unit(m["unit"].split()[0].split("-")[0])
    step = _UNIT_MONTHS[unit]
    count = 12 // step  # units in a year
    word = m["ord"].lower()
    n = _number(m["n"]) if m["n"] else None
    year = ("fiscal", 0) if ctx.get("fisc") else _year_spec(m["yq"])
    if word in ("last", "final"):
        if not m["yq"] and word == "last":  # "the last three months": trailing, not of a year
            return _previous_units(unit, n or 1, trailing=n is not None)
        first, last = count - (n or 1) + 1, count
    else:
        k = _ORDINAL_WORDS.get(word) or int(word[:-2])
        if n is not None and k != 1:
            return None  # "second three months"
        first, last = (1, n) if n is not None else (k, k)
    if not 1 <= first <= last <= count:
        return None
    return _calendar(unit, lambda y: _months(y, step * (first - 1) + 1, step * last), year)


def _previous_units(unit: str, n: int, *, trailing: bool, skip: int = 0) -> _Atom | None:
    """The ``n`` complete calendar units before the one holding ``ref`` (``skip`` more back)."""
    step = _UNIT_MONTHS[unit]
    if n < 1 or (n + skip) * step > 1200:
        return None

    def fixed(ref: Date) -> Interval:
        if unit == "year" and not trailing:
            return Date(ref.year - n, 1, 1), Date(ref.year - 1, 12, 31)
        if unit == "year":
            return _trailing_months(ref, 12 * n)
        current = (ref.month - 1) // step * step + 1  # first month of the unit holding ref
        y, m = _shift_month(ref.year, current, -step * (n + skip))
        ye, me = _shift_month(ref.year, current, -step * skip - 1)
        return Date(y, m, 1), _month_end(ye, me)

    return _Atom(family=unit, relative=True, form="deictic", fixed=fixed)


_YEAR_FORM = rf"(?P<y>{_YEAR})"


def _parse_year(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    if not (ctx.get("pre") or ctx.get("mod") or _norm(ctx.get("prep")) in _YEAR_PREPS):
        return None  # a bare 4-digit number is a year only in context: "in 2023", "by 2025"
    return _calendar("year", lambda y: (Date(y, 1, 1), Date(y, 12, 31)), ("abs", int(m["y"])))


_FISCAL = (
    rf"{_FISCAL_YEAR}"
    rf"|(?<![\w$£€¥])(?<!\d[.,])(?P<y1>{_YEAR_CORE}){_S0}[-–/]{_S0}(?P<y2>\d\d)(?![\w%]|[.,]\d)"
)


def _parse_fiscal(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    if m["y1"]:
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 != (y1 + 1) % 100:  # "2021-25": a range of calendar years
            last = y1 // 100 * 100 + y2
            if last <= y1:
                return None
            return _Atom(
                family="year",
                relative=False,
                form="year_range",
                build=lambda y: (Date(y1, 1, 1), Date(last, 12, 31)),
                anchor=lambda y: Date(y1, 1, 1),
                year=("abs", y1),
            )
    return _Atom(family="year", relative=False, form="fiscal", year=("fiscal", 0))


_DECADE = r"(?<![\w$£€¥-])(?P<dec>(?:19|20)\d)0['’]?s(?!\w)"


def _parse_decade(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    first = int(m["dec"]) * 10
    return _calendar("year", lambda y: (Date(first, 1, 1), Date(first + 9, 12, 31)), ("abs", first))


_DEICTIC = (
    rf"{_WB}(?P<w>this|current|last|previous|prior|preceding|next|coming|past|recent)"
    rf"(?:{_S}(?P<n>{_NUM}))?{_S}(?:calendar{_S})?(?P<unit>days?|weeks?|months?|quarters?|years?)"
    rf"(?![\w-])(?!{_S}or\s)(?P<alone>{_S}alone(?!\w))?"
)


def _parse_deictic(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    unit = _unit(m["unit"])
    word = m["w"].lower()
    n = _number(m["n"]) if m["n"] else None
    plural = m["unit"].lower().endswith("s")
    if (n is None and plural) or (n is not None and n < 1):
        return None  # "recent months", "past years": vague
    if word == "last" and ctx.get("the"):
        word = "past"  # "the last year" is the trailing year, "last year" the calendar one
    if unit in ("day", "week"):
        if word in ("this", "current", "next", "coming"):
            return None
        days = (n or 1) * (7 if unit == "week" else 1)
        if days > 3660:
            return None
        return _Atom(
            family="day",
            relative=True,
            form="deictic",
            fixed=lambda ref: (ref - datetime.timedelta(days=days - 1), ref),
        )
    step = _UNIT_MONTHS[unit]
    if word in ("this", "current"):
        if n is not None:
            return None

        def current(ref: Date) -> Interval:
            first = (ref.month - 1) // step * step + 1
            return _months(ref.year, first, first + step - 1)

        whole = bool(ctx.get("whole"))
        return _Atom(family=unit, relative=True, form="deictic", fixed=current, to_date=not whole)
    if word in ("next", "coming"):
        count = n or 1
        if count * step > 1200:
            return None

        def following(ref: Date) -> Interval:
            first = (ref.month - 1) // step * step + 1 + step
            return _months(ref.year, first, first + step * count - 1)

        return _Atom(family=unit, relative=True, form="deictic", fixed=following)
    if word == "recent" and n is None:
        return None
    # "the prior 6 months" in a release on March counts back from March, the reference month:
    # the last complete month or quarter before ``ref``. Years stay calendar years.
    skip = int(word in ("previous", "prior", "preceding") and unit != "year")
    trailing = word in ("past", "recent") or n is not None
    return _previous_units(unit, n or 1, trailing=trailing, skip=skip)


_THE_YEAR = r"(?<!\w)year(?![\w'’-])"  # "full-year" too


def _parse_the_year(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    if not (ctx.get("whole") or (ctx.get("the") and ctx.get("mod"))):
        return None  # only "the whole year", "full-year", "the end of the year"
    return _calendar("year", lambda y: (Date(y, 1, 1), Date(y, 12, 31)), ("infer", 0))


_YEAR_END = (
    rf"{_WB}(?:year|yr)[-\s]end(?![\w-])(?:{_S}(?P<y>{_YEAR}))?"
    rf"|{_WB}end[-\s]of[-\s]year(?![\w-])"
)


def _parse_year_end(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    year = ("abs", int(m["y"])) if m["y"] else ("infer", 0)
    atom = _calendar("year", lambda y: (Date(y, 12, 31), Date(y, 12, 31)), year, point=True)
    return atom and attrs.evolve(atom, anchor=lambda y: Date(y, 1, 1))  # the end of this year


_YTD = (
    rf"{_WB}(?P<u>year|month|quarter)[-\s]to[-\s]date(?!\w)|{_WB}(?P<ytd>YTD)(?!\w)"
    rf"|{_WB}so{_S}far{_S}this{_S}(?P<u2>year|month|quarter)(?!\w)"
)


def _parse_ytd(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    step = _UNIT_MONTHS[(m["u"] or m["u2"] or "year").lower()]

    def current(ref: Date) -> Interval:
        first = (ref.month - 1) // step * step + 1
        return _months(ref.year, first, first + step - 1)

    return _Atom(family="year", relative=True, form="deictic", fixed=current, to_date=True)


_NOW = (
    rf"{_WB}(?:(?<!up\s)to{_S}date|so{_S}far(?!{_S}as(?!\w))|currently|presently"
    rf"|at{_S}present|today(?!['’]s)|now(?!{_S}that(?!\w)))(?![\w-])"
)


def _parse_now(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    if _norm(ctx.get("prep")) in ("from", "since"):
        return None  # "from now on"
    if m.group() == "Now" and m.string[m.end() : m.end() + 1] == ",":
        return None  # "Now, I'll give the floor to ..."
    return _NOW_ATOM


_NOW_ATOM = _Atom(family="now", relative=True, form="deictic", point=True, fixed=lambda r: (r, r))

_SAME = rf"{_WB}same{_S}(?:period|quarter|month|year|half)(?![\w-])"


def _parse_same(m: re.Match[str], ctx: _Ctx) -> _Atom | None:
    return _Atom(family="same", relative=True, form="same_period")


# --------------------------------------------------------------------------------------------------
# From matches to candidate mentions (before ``ref`` is known).

_Resolver = Callable[[Date | None], Dates]


@attrs.frozen
class _Found:
    start: int
    end: int
    kind: str
    relative: bool
    form: str
    dates: _Resolver
    basis: str = ""


def _no_dates(ref: Date | None) -> Dates:
    return None, None


def _from_atom(start: int, end: int, atom: _Atom, prep: str) -> _Found:
    if atom.family == "same":
        return _Found(start, end, "flow", True, "same_period", _no_dates)
    if prep == "since":

        def since(ref: Date | None) -> Dates:
            span = _interval(atom, ref, standalone=False)
            if span is None or ref is None or span[0] > ref:
                return None, None
            return span[0], ref

        return _Found(start, end, "flow", True, "since", since)
    stock = atom.point or prep in _STOCK_PREPS

    def dates(ref: Date | None) -> Dates:
        span = _interval(atom, ref)
        if span is None:
            return None, None
        return (None, span[1]) if stock else span

    return _Found(start, end, "stock" if stock else "flow", atom.relative, atom.form, dates)


_Parser = Callable[[re.Match[str], _Ctx], "_Atom | None"]
_Handler = Callable[[re.Match[str], re.Match[str]], "_Found | None"]


def _atom_handler(parser: _Parser) -> _Handler:
    def handle(core: re.Match[str], prefix: re.Match[str]) -> _Found | None:
        ctx = prefix.groupdict()
        atom = parser(core, ctx)
        if atom is not None and (mod := _mod_name(ctx.get("mod"))):
            atom = _modify(atom, mod)
        if atom is None:
            return None
        return _from_atom(prefix.start(), core.end(), atom, _norm(ctx.get("prep")))

    return handle


def _strip_names(pattern: str) -> str:
    """The pattern with its named groups made anonymous, to embed it in a bigger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_FORMS: dict[str, tuple[str, _Parser]] = {
    "date": (_DATE, _parse_date),
    "quarter": (_QUARTER, _parse_quarter),
    "half": (_HALF, _parse_half),
    "ordinal": (_ORDINAL, _parse_ordinal),
    "deictic": (_DEICTIC, _parse_deictic),
    "month": (_MONTH, _parse_month),
    "year": (_YEAR_FORM, _parse_year),
}

# Range sides and the end of "the N months to X", parsed with their own modifier and "the".
_SIDE_PARSERS = {
    name: (_compile(rf"(?P<mod>{_MOD})?(?P<the>{_WB}the{_S})?(?:{pattern})"), parser)
    for name, (pattern, parser) in _FORMS.items()
}
_SIDE_CORE = "|".join(_strip_names(pattern) for pattern, _ in _FORMS.values())
_SIDE = rf"(?:{_MOD})?(?:{_WB}the{_S})?(?:{_SIDE_CORE})"


def _parse_side(
    text: str, lo: int, hi: int, names: Iterable[str], outer: _Ctx | None = None
) -> _Atom | None:
    for name in names:
        pattern, parser = _SIDE_PARSERS[name]
        m = pattern.fullmatch(text, lo, hi)
        if m is None:
            continue
        ctx = {**m.groupdict(), **{k: v for k, v in (outer or {}).items() if v}, "prep": "in"}
        atom = parser(m, ctx)  # inside a range a bare month or year stands on its own
        if atom is not None and (mod := _mod_name(ctx.get("mod"))):
            atom = _modify(atom, mod)
        if atom is not None:
            return atom
    return None


_RANGE = (
    rf"(?P<a>{_SIDE_CORE})(?P<c>{_S0}[-–—]{_S0}|{_S}(?:to|through|thru|till|until|and){_S})"
    rf"(?:(?P<b>{_SIDE})|(?P<bnow>date|now|the{_S}present|present|today)(?![\w-]))"
    rf"(?P<combined>{_S}combined(?![\w-]))?"
)


def _range_handler(core: re.Match[str], prefix: re.Match[str]) -> _Found | None:
    rp, conn = _norm(prefix["rp"]), _norm(core["c"])
    if (conn == "and") != (rp == "between" or bool(core["combined"])):
        return None  # "January and March" is two months; "January and February combined" one span
    a = _parse_side(core.string, *core.span("a"), _FORMS, prefix.groupdict())
    b = _NOW_ATOM if core["bnow"] else _parse_side(core.string, *core.span("b"), _FORMS)
    if a is None or b is None or a.family == "now":
        return None
    if b.family != "now" and (a.family == "year") != (b.family == "year"):
        return None  # "Q1-2024" is not a range from Q1 to 2024
    if "fiscal" in (a.year[0], b.year[0]):
        return None
    kinds = (a.year[0] if a.build else "ref", b.year[0] if b.build else "ref")
    relative = "ref" in kinds or "rel" in kinds or kinds == ("infer", "infer")

    def dates(ref: Date | None) -> Dates:
        if a.build and b.build:
            years = _range_years(a, b, ref)
            if years is None:
                return None, None
            lo, hi = a.build(years[0])[0], b.build(years[1])[1]
        else:
            span_a = _interval(a, ref, standalone=False)
            span_b = _interval(b, ref)
            if span_a is None or span_b is None:
                return None, None
            lo, hi = span_a[0], span_b[1]
        return (lo, hi) if lo <= hi else (None, None)

    if not relative and dates(None)[0] is None:
        return None  # "from 2025 to 2021"
    years = a.family == b.family == "year" and a.form == b.form == "calendar"
    form = "year_range" if years else "range"
    return _Found(prefix.start(), core.end(), "flow", relative, form, dates)


def _range_years(a: _Atom, b: _Atom, ref: Date | None) -> tuple[int, int] | None:
    """Years of the two sides; a side without a year takes the other's."""
    assert a.anchor is not None and b.anchor is not None
    ka, kb = a.year[0], b.year[0]
    if ka == "infer" and kb == "infer":
        if ref is None:
            return None
        yb = ref.year
        ya = yb - 1 if a.anchor(yb) > b.anchor(yb) else yb
        if a.anchor(ya) > ref:
            ya, yb = ya - 1, yb - 1
        return ya, yb
    if ka == "infer":
        yb = _pick_year(b, ref)
        if yb is None:
            return None
        return (yb - 1 if a.anchor(yb) > b.anchor(yb) else yb), yb
    ya = _pick_year(a, ref)
    if ya is None:
        return None
    if kb == "infer":
        return ya, (ya + 1 if b.anchor(ya) < a.anchor(ya) else ya)
    yb = _pick_year(b, ref)
    return None if yb is None else (ya, yb)


_TO_ENDS = ("date", "month", "quarter")
_TO = (
    rf"{_WB}(?:(?P<fisc>fiscal|financial){_SH})?(?:{_ORD}{_SH})?(?:(?P<n>{_NUM}){_SH})?"
    rf"(?P<unit>months?|quarters?|half|years?|weeks?)(?:{_SH}period)?"
    rf"{_SH}(?:to|ending|ended|through){_SH}(?P<x>(?:the{_S}end{_S}of{_S})?"
    rf"(?:{'|'.join(_strip_names(_FORMS[name][0]) for name in _TO_ENDS)}))"
)


def _to_handler(core: re.Match[str], prefix: re.Match[str]) -> _Found | None:
    """ "the three months ended September 30, 2024", "the third quarter ended June 30, 2024"."""
    x = _parse_side(core.string, *core.span("x"), _TO_ENDS)
    if x is None or x.build is None or x.year[0] == "fiscal":
        return None
    unit = _unit(core["unit"])
    n = _number(core["n"]) if core["n"] else 1
    if not 1 <= n <= 100:
        return None
    stock = _norm(prefix["prep"]) in _STOCK_PREPS

    def dates(ref: Date | None) -> Dates:
        span = _interval(x, ref)
        if span is None:
            return None, None
        end = span[1]
        if unit == "week":
            lo = end - datetime.timedelta(days=7 * n - 1)
        elif end == _month_end(end.year, end.month):
            lo = Date(*_shift_month(end.year, end.month, 1 - n * _UNIT_MONTHS[unit]), 1)
        else:
            y, mo = _shift_month(end.year, end.month, -n * _UNIT_MONTHS[unit])
            lo = Date(y, mo, min(end.day, calendar.monthrange(y, mo)[1]))
            lo += datetime.timedelta(days=1)
        return (None, end) if stock else (lo, end)

    kind = "stock" if stock else "flow"
    return _Found(prefix.start(), core.end(), kind, x.relative, "calendar", dates)


_YOY = r"(?:year|yr)[-\s]{1,3}(?:on|over)[-\s]{1,3}(?:year|yr)|y/y|y-o-y|yoy"
_QOQ = r"quarter[-\s]{1,3}(?:on|over)[-\s]{1,3}quarter|q/q|q-o-q|qoq"
_MOM = r"month[-\s]{1,3}(?:on|over)[-\s]{1,3}month|m/m|m-o-m|(?-i:MoM|MOM)"
_BASIS_COMPACT = (
    rf"(?<![\w/-])(?:(?P<yoy>{_YOY})|(?P<qoq>{_QOQ})|(?P<mom>{_MOM}))(?:{_S}basis)?(?![\w/])"
)
_BASIS_SAME = (
    rf"{_WB}(?:same|corresponding|equivalent|comparable){_S}"
    rf"(?:period|quarter|month|months|quarters|half|time|day|week){_S}(?:(?:of|in){_S})?"
    rf"(?:last{_S}year|the{_S}(?:previous|prior|preceding|last){_S}year"
    rf"|a{_S}year{_S}(?:earlier|ago|before)|(?:the{_S})?year{_S}before|{_YEAR})(?![\w-])"
)
_BASIS_AGO = rf"{_WB}(?P<unit>year|month|quarter){_S}(?:earlier|ago|before|previously)(?![\w-])"
_BASIS_OVER = rf"{_WB}(?P<over>year|month|quarter)(?![\w'’-])"
_BASES_BY_UNIT = {
    "year": "year on year",
    "quarter": "quarter on quarter",
    "month": "month on month",
}


def _basis_handler(core: re.Match[str], prefix: re.Match[str]) -> _Found | None:
    groups = core.groupdict()
    if groups.get("mom"):
        basis = "month on month"
    elif groups.get("qoq"):
        basis = "quarter on quarter"
    else:
        basis = _BASES_BY_UNIT[(groups.get("unit") or "year").lower()]
    return _Found(prefix.start(), core.end(), "basis", False, "basis", _no_dates, basis)


def _over_handler(core: re.Match[str], prefix: re.Match[str]) -> _Found | None:
    """ "over the month": the reference month of a monthly release (the month before ``ref``)."""
    unit = core["over"].lower()
    step = _UNIT_MONTHS[unit]

    def reference(ref: Date | None) -> Dates:
        if ref is None:
            return None, None
        if unit == "year":
            return _trailing_months(ref, 12)
        first = (ref.month - 1) // step * step + 1
        y, mo = _shift_month(ref.year, first, -step)
        return _months(y, mo, mo + step - 1)

    return _Found(
        prefix.start(), core.end(), "flow", True, "deictic", reference, f"over the {unit}"
    )


@attrs.frozen
class _Rule:
    name: str
    core: re.Pattern[str]
    prefix: re.Pattern[str]
    last_words: frozenset[str]  # words a non-empty prefix can end with
    handle: _Handler


def _rule(name: str, core: str, prefix: str, handle: _Handler) -> _Rule:
    parts = prefix.split()
    last = frozenset().union(*(_PREFIX_LAST_WORDS[part] for part in parts))
    pattern = "".join(_PREFIX_PARTS[part] for part in parts) + r"\Z"
    return _Rule(name, _compile(core), _compile(pattern), last, handle)


def _atom_rule(name: str, core: str, parser: _Parser, prefix: str) -> _Rule:
    return _rule(name, core, prefix, _atom_handler(parser))


# In priority order: where two candidates have the same span, the earlier rule wins.
_RULES = [
    _rule("range", _RANGE, "rp mod the", _range_handler),
    _rule("to", _TO, "prep the", _to_handler),
    _rule("basis_same", _BASIS_SAME, "cmp the", _basis_handler),
    _rule("basis_ago", _BASIS_AGO, "cmp ago", _basis_handler),
    _rule("basis_over", _BASIS_OVER, "over", _over_handler),
    _rule("basis", _BASIS_COMPACT, "ona", _basis_handler),
    _atom_rule("date", _DATE, _parse_date, "prep"),
    _atom_rule("quarter", _QUARTER, _parse_quarter, "prep mod"),
    _atom_rule("half", _HALF, _parse_half, "prep mod"),
    _atom_rule("ordinal", _ORDINAL, _parse_ordinal, "prep mod the fisc"),
    _atom_rule("fiscal", _FISCAL, _parse_fiscal, "prep the"),
    _atom_rule("year_end", _YEAR_END, _parse_year_end, "prep the"),
    _atom_rule("ytd", _YTD, _parse_ytd, "prep the"),
    _atom_rule("deictic", _DEICTIC, _parse_deictic, "prep mod the whole"),
    _atom_rule("month", _MONTH, _parse_month, "prep mod"),
    _atom_rule("year", _YEAR_FORM, _parse_year, "prep mod pre"),
    _atom_rule("decade", _DECADE, _parse_decade, "prep mod the"),
    _atom_rule("the_year", _THE_YEAR, _parse_the_year, "prep mod the whole"),
    _atom_rule("now", _NOW, _parse_now, "prep"),
    _atom_rule("same", _SAME, _parse_same, "prep the"),
]
_PRIORITY = {rule.name: i for i, rule in enumerate(_RULES)}
_BY_NAME = {rule.name: rule for rule in _RULES}

# Trigger tokens: where a rule's core can start.
_TOKEN = re.compile(
    r"(?<!\w)(?:(?P<y4>(?:19|20)\d\d)(?!\d)|(?P<d>\d{1,2})(?!\d)|(?P<w>[^\W\d_]\w*))"
)


def _triggers() -> dict[str, tuple[_Rule, ...]]:
    table: dict[str, list[str]] = {}

    def add(words: Iterable[str], *rules: str) -> None:
        for word in words:
            table.setdefault(word, []).extend(r for r in rules if r not in table.get(word, []))

    add(_MONTH_NUMBER, "range", "date", "month")
    add(["quarter", "q1", "q2", "q3", "q4", "h1", "h2"], "range", "quarter", "half")
    add([*_ORDINAL_WORDS, "last", "final", "fiscal", "financial"], "range", "ordinal", "to")
    add(["this", "current", "last", "previous", "prior", "preceding", "next", "coming", "past",
         "recent"], "range", "deictic")  # fmt: skip
    add(["fiscal", "financial", "fy"], "fiscal")
    add(["year", "yr", "month", "quarter"], "basis", "basis_ago", "basis_over", "year_end", "ytd")
    add(["year", "month", "quarter"], "the_year", "to")
    add(["years", "months", "quarters", "week", "weeks", *_NUMBER_WORDS, "twenty"], "to")
    add(["y", "yoy", "q", "qoq", "m", "mom"], "basis")
    add(["same", "corresponding", "equivalent", "comparable"], "basis_same")
    add(["same"], "same")
    add(["end"], "year_end")
    add(["ytd", "so"], "ytd")
    add(["to", "so", "currently", "presently", "at", "today", "now"], "now")
    add(["#y4"], "range", "date", "quarter", "fiscal", "year", "decade")
    add(["#d"], "range", "date", "quarter", "half", "ordinal", "to")
    return {word: tuple(_BY_NAME[r] for r in rules) for word, rules in table.items()}


_TRIGGERS = _triggers()


def _word_before(text: str, pos: int) -> str:
    """The word ending just before the whitespace (or hyphen) before ``pos``, lowercased."""
    j = pos
    while j > 0 and pos - j < 6 and text[j - 1].isspace():
        j -= 1
    if j == pos:
        if not (j > 0 and text[j - 1] == "-"):
            return ""
        j -= 1
    if j > 0 and text[j - 1] == ".":
        j -= 1  # "vs."
    k = j
    while k > 0 and j - k < 12 and text[k - 1].isalpha():
        k -= 1
    return text[k:j].lower()


_Raw = tuple[int, int, int, _Rule, re.Match[str], re.Match[str]]


def _candidates(text: str) -> list[_Raw]:
    """Every rule match at a trigger token, with its prefix: (start, end, priority, ...)."""
    found: list[_Raw] = []
    for token in _TOKEN.finditer(text):
        if token["y4"]:
            rules = _TRIGGERS["#y4"]
        elif token["d"]:
            rules = _TRIGGERS["#d"]
        else:
            word = token["w"].lower()
            rules = _TRIGGERS.get("fy" if word.startswith("fy") else word, ())
        pos = token.start()
        before = None
        for rule in rules:
            core = rule.core.match(text, pos)
            if core is None:
                continue
            if before is None:
                before = _word_before(text, pos)
            if before in rule.last_words:
                prefix = rule.prefix.search(text, max(0, pos - _PREFIX_WINDOW), pos)
            else:
                prefix = rule.prefix.match(text, pos, pos)  # empty, or None when required
            if prefix is not None:
                found.append((prefix.start(), core.end(), _PRIORITY[rule.name], rule, core, prefix))
    return found


# --------------------------------------------------------------------------------------------------
# Public API


def find_periods(text: str, ref: Date | None) -> list[PeriodMention]:
    """Every period expression of ``text``, in text order, non-overlapping, resolved against ``ref``.

    Where candidates overlap, the longest wins ("compared with the same period last year" over
    "last year"). See the module docstring for the resolution conventions.

    >>> from datetime import date
    >>> text = "By the end of September, 4.089 million 5G base stations, up 9% year on year."
    >>> for m in find_periods(text, date(2024, 10, 23)):
    ...     print(repr(m.text), m.kind, m.period_start, m.period_end, repr(m.basis))
    'By the end of September' stock None 2024-09-30 ''
    'year on year' basis None None 'year on year'
    >>> [m.period for m in find_periods("in the first three quarters of 2024", None)]
    [{'start': '2024-01-01', 'end': '2024-09-30'}]
    """
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    # Longest first, then leftmost, then rule priority; a character belongs to one mention at
    # most. Candidates are parsed only when they get their turn (most are shadowed).
    taken = bytearray(len(text))
    chosen: list[_Found] = []
    for start, end, _priority, rule, core, prefix in sorted(
        _candidates(text), key=lambda c: (c[0] - c[1], c[0], c[2])
    ):
        if any(taken[start:end]):
            continue
        f = rule.handle(core, prefix)
        if f is not None:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return [_mention(text, f, ref) for f in chosen]


def _mention(text: str, f: _Found, ref: Date | None) -> PeriodMention:
    start, end = None, None
    if ref is not None or not f.relative:
        try:
            start, end = f.dates(ref)
        except (ValueError, OverflowError):  # beyond datetime's years 1..9999
            start, end = None, None
    return PeriodMention(
        start=f.start,
        end=f.end,
        period_start=start,
        period_end=end,
        kind=f.kind,
        basis=f.basis,
        relative=f.relative,
        text=text[f.start : f.end],
        form=f.form,
    )


_GAP = re.compile(r"[^\d,;:()\[\]]{0,60}")  # between a number and the period right after it


def nearest_period(
    mentions: Sequence[PeriodMention],
    offset: int,
    sentence_start: int,
    sentence_end: int,
    *,
    text: str | None = None,
    end: int | None = None,
) -> PeriodMention | None:
    """The flow or stock mention of the sentence that governs a number at ``offset``.

    With the document ``text`` and the number's ``end``, a mention that follows the number closely
    (at most 6 words, no digit or clause punctuation between: "£7.1 billion in Quarter 4 2013")
    governs it. Otherwise the closest mention starting before ``offset``, else the closest after.
    Mentions introduced by a comparison ("compared to the end of 2023", "than in 2023") name a
    basis, never the number's own period. ``None`` when the sentence holds no candidate.

    >>> from datetime import date
    >>> text = "The deficit narrowed to £5.5 billion in Quarter 1 2014, from £7.1 billion in Quarter 4 2013."
    >>> found = find_periods(text, date(2014, 6, 27))
    >>> at = text.index("£7.1")
    >>> nearest_period(found, at, 0, len(text)).text
    'in Quarter 1 2014'
    >>> nearest_period(found, at, 0, len(text), text=text, end=at + len("£7.1 billion")).text
    'in Quarter 4 2013'
    """
    pool = sorted(
        (
            m
            for m in mentions
            if m.kind != "basis"
            and sentence_start <= m.start
            and m.end <= sentence_end
            and not m.text.lower().startswith(_COMPARISON_PREPS)
        ),
        key=lambda m: m.start,
    )
    if text is not None and end is not None:
        following = next((m for m in pool if m.start >= end), None)
        if following is not None:
            gap = text[end : following.start]
            if _GAP.fullmatch(gap) and len(gap.split()) <= 6:
                return following
    before = [m for m in pool if m.start < offset]
    if before:
        return before[-1]
    return next((m for m in pool if m.start >= offset), None)
