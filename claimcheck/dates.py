"""Calendar dates written out in documents, and the date a document was issued.

Relative periods ("the first three quarters", "by the end of September") resolve against the
document's date, so a wrong date is worse than none: `find_document_date` only trusts dates
that sit where documents put their own date (a ``Date:`` label, a dateline near the top, a line
of their own) and returns ``None`` rather than guessing from prose.
"""

from __future__ import annotations

import datetime
import re

__all__ = ["find_document_date", "iter_dates", "parse_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH_NAMES = (
    "Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?",
    "Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?",
)  # fmt: skip
# Capitalized or ALL CAPS, never lower case ("may 5" is prose); case-sensitive is also faster.
_MONTH = "(?:" + "|".join(_MONTH_NAMES + tuple(n.upper() for n in _MONTH_NAMES)) + ")"
_ORD = r"(?:st|nd|rd|th)?"
# Every quantifier is bounded, so a match never backtracks far; the lookahead lets the scan
# skip positions that cannot start a date.
_DATE_RE = re.compile(
    r"(?=[0-9JFMASOND])(?:"
    rf"\b(?P<m1>{_MONTH})\b\.?\s{{0,3}}(?P<d1>\d{{1,2}}){_ORD}\b,?\s{{1,3}}(?P<y1>\d{{4}})\b"
    rf"|\b(?P<d2>\d{{1,2}}){_ORD}\s{{1,3}}(?:of\s{{1,3}})?(?P<m2>{_MONTH})\b\.?,?\s{{1,3}}"
    rf"(?P<y2>\d{{4}})\b"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b)"
)
_WEEKDAY_RE = re.compile(
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+", re.IGNORECASE
)

#: Where a document puts its own date.
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:date|dated|date of (?:issue|release|publication)|release date|publication date"
    r"|published(?: on)?|released(?: on)?|issued(?: on)?|posted(?: on)?|(?:last )?updated(?: on)?)"
    r"\s*[:|–—-]?\s*(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)?$",
    re.IGNORECASE,
)
_LABEL_LINE_RE = re.compile(
    r"(?:date|dated|date of (?:issue|release|publication)|release date|publication date"
    r"|published|released|issued|posted|(?:last )?updated)\s*[:：]?",
    re.IGNORECASE,
)
#: Dates that are about something else: the next release, a period boundary.
_NOT_OURS_RE = re.compile(
    r"\b(?:next|following|upcoming|future)\s+(?:release|publication|update|edition|bulletin|report)"
    r"|\b(?:to|will)\s+be\s+(?:released|published|issued|updated)\b|\bscheduled\b",
    re.IGNORECASE,
)
_PERIOD_PREFIX_RE = re.compile(
    r"\b(?:since|from|until|till|before|after|between|through|by|and|to|on|in|as of|ended|ending)"
    r"\s*$",
    re.IGNORECASE,
)
_RANGE_SUFFIX_RE = re.compile(r"\s*(?:-|–|—|to|through|until|and)\s", re.IGNORECASE)
_BLANK_LINE_RE = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)")

_WIRE_BEFORE_RE = re.compile(r"^\s*[A-Z][A-Z.' -]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?,\s*$")
_WIRE_AFTER_RE = re.compile(r"\s*(?:--|—|–|/[A-Za-z ]+/|\()")
_HEAD = 3000  # a dateline lives in the first few thousand characters
_WINDOW = 300  # how far around a date we look for its label or context


def _from_match(m: re.Match[str]) -> datetime.date | None:
    if m.group("y3"):
        year, month, day = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        word = m.group("m1") or m.group("m2")
        year = int(m.group("y1") or m.group("y2"))
        month = _MONTHS[word.lower()]
        day = int(m.group("d1") or m.group("d2"))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date(s: str) -> datetime.date | None:
    """The date that ``s`` spells out entirely, or ``None``.

    >>> parse_date("Oct. 23, 2024")
    datetime.date(2024, 10, 23)
    >>> parse_date("Sept. 5, 2024"), parse_date("7 Apr 2023")
    (datetime.date(2024, 9, 5), datetime.date(2023, 4, 7))
    >>> parse_date("23 October 2024") == parse_date("2024-10-23") == parse_date("Wednesday, October 23, 2024")
    True
    >>> parse_date("February 30, 2024") is None, parse_date("March 2023") is None
    (True, True)
    >>> parse_date("23 OCTOBER 2024"), parse_date("may 5, 2023")
    (datetime.date(2024, 10, 23), None)
    """
    s = s.strip()
    weekday = _WEEKDAY_RE.match(s)
    if weekday:
        s = s[weekday.end() :]
    m = _DATE_RE.fullmatch(s)
    return _from_match(m) if m else None


def iter_dates(text: str) -> list[tuple[int, int, datetime.date]]:
    """Every valid date written in ``text``, as ``(start, end, date)`` in order.

    >>> iter_dates("Beijing | 3 p.m. Oct. 23, 2024; next: 30 September 2014")
    [(17, 30, datetime.date(2024, 10, 23)), (38, 55, datetime.date(2014, 9, 30))]
    """
    found = []
    for m in _DATE_RE.finditer(text):
        value = _from_match(m)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around ``[start, end)``, looking at most ``_WINDOW`` characters either way."""
    lo = max(0, start - _WINDOW)
    line_start = max(text.rfind("\n", lo, start), text.rfind("\r", lo, start)) + 1 or lo
    hi = min(len(text), end + _WINDOW)
    ends = [i for i in (text.find("\n", end, hi), text.find("\r", end, hi)) if i >= 0]
    return line_start, min(ends) if ends else hi


def _previous_line(text: str, line_start: int) -> str:
    """The nearest non-blank line above ``line_start`` (within the window), stripped."""
    for line in reversed(text[max(0, line_start - _WINDOW) : line_start].splitlines()):
        if line.strip():
            return line.strip()
    return ""


def _rank(text: str, start: int, end: int) -> int | None:
    """How much a date at ``[start, end)`` looks like the document's own: 0 best, None never."""
    line_start, line_end = _line_bounds(text, start, end)
    before = text[line_start:start]
    after = text[end:line_end]
    if _LABEL_BEFORE_RE.search(before[-80:]) or (
        not before.strip() and _LABEL_LINE_RE.fullmatch(_previous_line(text, line_start))
    ):
        rank = 0
    elif start < _HEAD and _WIRE_BEFORE_RE.search(before) and _WIRE_AFTER_RE.match(after):
        rank = 1  # a wire dateline: "SEATTLE, Nov. 6, 2024 -- Northwind Inc. today reported"
    elif _PERIOD_PREFIX_RE.search(before[-20:]) or len(after.split()) > 4:
        return None  # "since 5 March 2023", "5 March 2023, the highest level since ..."
    else:
        rest = len(before.strip()) + len(after.strip())
        if start < _HEAD and rest <= 60:
            rank = 1  # a dateline: "Beijing | 3 p.m. Oct. 23, 2024"
        elif rest <= 40:
            rank = 2  # a date on a line of its own, further down
        else:
            return None
    if _RANGE_SUFFIX_RE.match(after):
        return None
    # What comes before, back to the start of the paragraph: "scheduled to be released on Friday,"
    context = text[max(0, start - _WINDOW) : start]
    blanks = list(_BLANK_LINE_RE.finditer(context))
    if blanks:
        context = context[blanks[-1].end() :]
    return None if _NOT_OURS_RE.search(context) else rank


def find_document_date(text: str) -> datetime.date | None:
    """The date the document gives for itself, or ``None`` when it gives none.

    Preference: a labelled date (``Date:`` on the line or the line above), then a dateline in
    the first few thousand characters, then a date standing on a line of its own. Dates of a
    next release, of a schedule or bounding a period are never the document's date.

    >>> find_document_date("SCIO briefing\\nBeijing | 3 p.m. Oct. 23, 2024\\n\\nText.")
    datetime.date(2024, 10, 23)
    >>> find_document_date("Speakers:\\n\\nDate:\\n\\nOct. 23, 2024\\n")
    datetime.date(2024, 10, 23)
    >>> find_document_date("Headline: deficit narrowed.\\nNext release: 30 September 2014\\n") is None
    True
    >>> find_document_date("It rose on 5 March 2023, the highest level since records began.") is None
    True
    """
    best: tuple[int, int] | None = None
    best_date: datetime.date | None = None
    for start, end, value in iter_dates(text):
        rank = _rank(text, start, end)
        if rank is None:
            continue
        if rank == 0:
            return value
        if best is None or (rank, start) < best:
            best, best_date = (rank, start), value
    return best_date
