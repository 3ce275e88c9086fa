"""Which period a figure refers to, from the period phrases of its sentence and paragraph.

Rules, in order: a period right after the figure ("£23.5 billion in Quarter 4 2013") is its own;
a change takes the latest period of its sentence ("a rise from X in Q4 to Y in Q1" is a Q1
change); otherwise the nearest period before it, else after it. "now"/"currently" only date the
figures of their own clause. A sentence without a period inherits the paragraph's, except
"this year"-style openers, which belong to their sentence. A change dated only by its end
("as of the end of September ... increased by 10.7% year on year") runs from the start of that
year, or from the base it is compared with; a target for "this year" runs to the year's end;
"a year earlier" moves the period back a year.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

import attrs

from ..numbers import Mention
from ..periods import PeriodMention

__all__ = [
    "Inherited",
    "basis_of",
    "governing_period",
    "implied_basis",
    "period_of",
    "same_period",
    "this_year",
]

Dates = tuple[datetime.date | None, datetime.date | None]

#: Periods that are the base of a comparison, not the figure's own: "compared with 2023",
#: "than a year earlier".
_COMPARED = re.compile(r"(?:compared|relative|than|versus|vs\.?)\b", re.IGNORECASE)
#: Measures that accumulate over a period: "smartphone shipments reached 206 million by the end
#: of September" counts the shipments of the year to that date.
_FLOW_SUBJECT = re.compile(
    r"\b(?:shipments|sales|exports|imports|output|production|revenues?|income|spending|"
    r"investment|transactions|financing|orders|turnover|profits?|earnings|produced|exported|"
    r"imported|shipped|sold)\b",
    re.IGNORECASE,
)
#: Measures that are stocks at a point in time, dated by the end of the period they are
#: reported for: "ended the quarter with a backlog of $11.2 billion".
_STOCK_SUBJECT = re.compile(
    r"\b(?:backlog|cash(?:\s+and\s+\w+)?|net\s+debt|headcount|employees|population|beds|"
    r"balance\s+sheet|net\s+worth)\b",
    re.IGNORECASE,
)
_FROM_BASE = re.compile(r"from\b(?!.*\b(?:to|until|through)\b)", re.IGNORECASE)
_DEICTIC_POINT = re.compile(
    r"(?:now|currently|today|to\s+date|at\s+present|so\s+far)\b", re.IGNORECASE
)
_YEAR_EARLIER = re.compile(
    r"\A[^.;]{0,12}?\b(?:a\s+year\s+(?:earlier|ago|before)|in\s+the\s+same\s+period\s+(?:of\s+)?"
    r"last\s+year|the\s+previous\s+year)",
    re.IGNORECASE,
)


@attrs.frozen
class Inherited:
    """A paragraph's period, carried to its later sentences that state none."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    #: A "this year" opener of the paragraph, which only targets inherit ("is expected to exceed
    #: 94%" this year).
    this_year: datetime.date | None = None


def _dated(p: PeriodMention) -> bool:
    return (
        p.kind in ("flow", "stock")
        and p.form != "year_range"
        and p.period_end is not None
        and not _COMPARED.match(p.text)
    )


def _reference(p: PeriodMention, text: str) -> bool:
    """ "below its February 2020 level": a period naming a benchmark, not the figure's time."""
    return bool(_BENCHMARK.match(text, p.end))


_BENCHMARK = re.compile(
    r"[\s\-]*(?:pre-pandemic\s+)?(?:levels?|peaks?|highs?|lows?|average)\b", re.IGNORECASE
)


def _deictic(p: PeriodMention) -> bool:
    return p.form in ("deictic", "since")


def basis_of(periods: Sequence[PeriodMention], m: Mention) -> str:
    """The comparison basis ("year on year") nearest after the figure, else before it."""
    before = ""
    for p in periods:
        if p.kind == "basis" and p.basis:
            if p.start >= m.end:
                return p.basis
            before = p.basis
    return before


def this_year(periods: Sequence[PeriodMention]) -> PeriodMention | None:
    """A "this year" / "since the beginning of this year" opener of the sentence, if any."""
    return next((p for p in periods if _deictic(p) and p.period_start is not None), None)


def same_period(periods: Sequence[PeriodMention]) -> bool:
    return any(p.form == "same_period" for p in periods)


def governing_period(
    periods: Sequence[PeriodMention], ref: datetime.date | None = None, sentence_start: int = 0
) -> PeriodMention | None:
    """The first dated period of a sentence that later sentences may inherit ("this year"
    openers, comparison bases and distant history such as "since records began in 1979"
    excluded)."""
    for p in periods:
        if not _dated(p) or (_deictic(p) and p.period_start is not None):
            continue
        if _DEICTIC_POINT.match(p.text) and p.start - sentence_start > 2:
            continue  # "is now operated" dates its clause; "Currently, ..." sets the scene
        if ref is not None and p.period_end is not None and (ref - p.period_end).days > 3660:
            continue
        return p
    return None


def period_of(
    text: str,
    m: Mention,
    kind: str,
    periods: Sequence[PeriodMention],
    inherited: Inherited,
    figures: Sequence[int] = (),
    *,
    unit: str = "",
    subject: str = "",
    reported: bool = False,
) -> Dates:
    """The period of figure ``m`` (of ``kind``) given its sentence's period phrases."""
    flow = bool(_FLOW_SUBJECT.search(subject))
    dated = [
        p for p in periods
        if _dated(p) and not (kind == "difference" and _reference(p, text))
        and not (_DEICTIC_POINT.match(p.text) and _far(p, m, text))
    ]  # fmt: skip
    # a period after the figure is its own only if no other figure comes between them:
    # "rose 3.2% ..., narrowing the deficit to £8.5 billion from £11.3 billion in the second
    # quarter" dates the £11.3 billion, not the 3.2%
    dated = [
        p
        for p in dated
        if p.end <= m.start
        or not any(
            m.end <= f < p.start and _owns(text, f, p) and not _reached(text, m, f, kind)
            for f in figures
        )
    ]
    # "up 6.0% from €36.4 billion in 2022", "0.2 points higher than in 2022": the period of
    # a comparison base dates the base, not the figures around it
    dated = [
        p for p in dated
        if 0 <= p.start - m.end <= 4 or _ASIDE.fullmatch(text, m.end, p.start)
        or not _is_base(text, p)
    ]  # fmt: skip
    if reported and (
        any(not _DEICTIC_POINT.match(p.text) for p in dated) or inherited.end is not None
    ):
        # in a report on a period ("Q2 2024 Earnings Call"), "the segment now accounts for
        # one-third" means at the period reported on, not on the day of the call
        dated = [p for p in dated if not re.match(r"now\b", p.text, re.IGNORECASE)]
    if kind == "target":
        # "We now expect free cash flow of $3.2 billion": "now" dates the expectation
        dated = [p for p in dated if not _DEICTIC_POINT.match(p.text)]
    if kind == "change":
        # "up 15% from the previous quarter": the base of the change, not its period
        dated = [p for p in dated if not (_FROM_BASE.match(p.text) and 0 <= p.start - m.end <= 3)]
    chosen = _choose(dated, m, kind, text)
    if chosen is None:
        if kind == "target":
            if inherited.this_year is not None and not same_period(periods):
                year = inherited.this_year.year  # "is expected to exceed 94%" (this year)
                return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            if not same_period(periods):
                return None, None
        start, end = inherited.start, inherited.end
    else:
        start, end = chosen.period_start, chosen.period_end
        if (
            (kind == "change" or flow)
            and start is None
            and end is not None
            and not _DEICTIC_POINT.match(chosen.text)
            and chosen.form != "date"  # "raised the rate on 17 September": that day, not YTD
        ):
            # "as of the end of September ... increased by 10.7% year on year": year to date,
            # or from the base it is compared with ("compared to the end of 2023")
            base = next((p for p in periods if _COMPARED.match(p.text) and p.period_end), None)
            start = (
                base.period_end + datetime.timedelta(days=1)
                if base is not None and base.period_end < end
                else datetime.date(end.year, 1, 1)
            )
        if kind == "target" and _deictic(chosen) and end is not None:
            end = datetime.date(end.year, 12, 31)
    if kind == "level" and start is not None and end is not None and _STOCK_SUBJECT.search(subject):
        start = None  # "a record backlog of $11.2 billion" at the end of the quarter: a stock
    if kind != "change" and _YEAR_EARLIER.match(text[m.end : m.end + 60]) and end is not None:
        # "$198 million a year earlier" is a level of a year before; "up 122% from a year ago"
        # is this period's change against that base
        start, end = _year_back(start), _year_back(end)
    return start, end


_BASE_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|from|versus|vs\.?|against|relative\s+to)"
    r"(?:\s+(?:the|a|an|its|their))?(?:\s+[^\s,;]+){0,3}\s*\Z",
    re.IGNORECASE,
)


def implied_basis(
    text: str, periods: Sequence[PeriodMention], start: str | None, end: str | None
) -> str:
    """The basis a change's comparison period implies: "up 4.1% compared with August 2024" in
    August 2025 is year on year, "up 5.9% from July" month on month."""
    if start is None or end is None:
        return ""
    s, e = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    length = (e - s).days + 1
    for p in periods:
        if p.period_start is None or p.period_end is None:
            continue
        if not (_COMPARED.match(p.text) or _FROM_BASE.match(p.text) or _is_base(text, p)):
            continue
        if (p.period_end - p.period_start).days + 1 not in range(length - 3, length + 4):
            continue  # a base of another length compares something else
        if _year_back(e) == p.period_end and _year_back(s) == p.period_start:
            return "year on year"
        if p.period_end == s - datetime.timedelta(days=1):
            if length in range(28, 32):
                return "month on month"
            if length in range(89, 93):
                return "quarter on quarter"
    return ""


def _reached(text: str, m: Mention, f: int, kind: str) -> bool:
    """A change shares the period of the level it reached: "rose 5% to £10 billion in Q1"."""
    return kind == "change" and bool(re.search(r"\bto\b", text[m.end : f]))


def _is_base(text: str, p: PeriodMention) -> bool:
    before = text[max(0, p.start - 60) : p.start]
    if re.search(r"\bto\b", text[p.end : p.end + 30]) and re.search(r"\bfrom\b", before):
        return False  # "from 2014 to 2023", "from €4,120 in the North West to ..." spans
    return bool(_BASE_BEFORE.search(before))


def _owns(text: str, figure_start: int, p: PeriodMention) -> bool:
    """Whether the figure starting at ``figure_start`` is the one ``p`` stands right after."""
    gap = text[figure_start : p.start]
    return bool(re.fullmatch(r"[^\s;]+(?:\s+[^\s;]+){0,3}\s*", gap)) and not re.search(
        r"[,;]\s", gap
    )


def _far(p: PeriodMention, m: Mention, text: str) -> bool:
    """ "now" dates its own clause ("Currently, China has cultivated over 16,000 ...")."""
    a, b = (p.end, m.start) if p.end <= m.start else (m.end, p.start)
    return b - a > 120 or ";" in text[a:b]


def _choose(dated: list[PeriodMention], m: Mention, kind: str, text: str) -> PeriodMention | None:
    before = [p for p in dated if p.end <= m.start]
    after = [p for p in dated if p.start >= m.end]
    right_after = [
        p for p in after
        if p.start - m.end <= 4 or _ASIDE.fullmatch(text, m.end, p.start)
        # "the 93,970 registered in 2022": a participle between a figure and its period
        or _PARTICIPLE_GAP.fullmatch(text, m.end, p.start)
    ]  # fmt: skip
    if right_after:
        return right_after[0]
    if kind == "change" and not before and len(after) > 1:
        return max(after, key=lambda p: p.period_end or datetime.date.min)
    if before:
        return before[-1]
    # a later period inside a clause of its own dates that clause: "we earned $1.94 per share,
    # ahead of the range we gave you in April", "as we said in May"
    after = [p for p in after if not _OWN_CLAUSE.search(text, m.end, p.start)]
    return after[0] if after else None


_PARTICIPLE_GAP = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:registered|recorded|reported|counted|seen|observed|"
    r"posted|achieved|reached|received|collected|paid|spent|issued|built|sold|produced|"
    r"exported|imported|shipped|estimated)[ \t]+"
)
#: A short parenthetical between a figure and its period: "$15.2 billion (revised) in July".
_ASIDE = re.compile(r"\s*\([^()\n]{1,20}\)\s*")
_OWN_CLAUSE = re.compile(r"[;:]\s|\b(?:we|I|you|they|he|she)\s+[a-z]+", re.IGNORECASE)


def _year_back(d: datetime.date | None) -> datetime.date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)
