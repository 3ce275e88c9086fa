"""Plain-text tables: a scale note in a header ("(In millions, except per share amounts)")
scales the cells under it, and a cell's subject names its row and its column.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right

import attrs

__all__ = ["Cell", "TableContext", "table_context"]

_NOTE = re.compile(
    r"\(\s*(?:(?P<cur1>\$|US\$|€|£|¥|RMB|USD|EUR|GBP|dollars|euros)\s+)?in\s+"
    r"(?P<scale>thousands|millions|billions)"
    r"(?:\s+of\s+(?P<cur2>U\.?S\.?\s+dollars|dollars|euros|pounds|yuan|renminbi|RMB))?"
    r"(?P<rest>[^)\n]{0,80})\)"
    r"|\b(?:amounts|figures|dollars)\s+in\s+(?P<scale2>thousands|millions|billions)\b",
    re.IGNORECASE,
)
# A title that ends in its unit: "Table 1: Spending by function, € billion (current prices)".
_TITLE_UNIT = re.compile(
    r"(?P<cur>US\$|[$€£¥])[ \t]?(?P<scale>thousands?|millions?|billions?|bn|m)\b"
    r"(?=[^\n$€£¥]{0,40}$)",
    re.MULTILINE,
)
_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "thousand": 1e3,
           "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6}  # fmt: skip
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "u.s. dollars": "USD",
             "us dollars": "USD", "€": "EUR", "eur": "EUR", "euros": "EUR", "£": "GBP",
             "gbp": "GBP", "pounds": "GBP", "¥": "CNY", "rmb": "CNY", "yuan": "CNY",
             "renminbi": "CNY"}  # fmt: skip
_CELL_GAP = re.compile(r"\t| {2,}|\|")
_NUMBER_CELL = re.compile(r"[$€£¥]?\s*\(?-?[\d,]+(?:\.\d+)?\)?%?")
_NOT_MONEY = re.compile(
    r"\b(?:shares?|employees|headcount|units|margin|ratio|rate|%|percent|days|customers|"
    r"users|stores|subscribers)\b", re.IGNORECASE)  # fmt: skip
_ONLY_PERIOD = re.compile(
    r"(?:(?:Q[1-4]|H[12]|FY|Fiscal|Quarter\s+\d|First|Second|Third|Fourth)\s*)*[\s\-']*(?:19|20)?\d\d"
    r"|(?:Three|Six|Nine|Twelve)\s+Months\s+Ended.*|Year\s+Ended.*|\w+\s+\d{1,2},\s+(?:19|20)\d\d",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(r"\bper\s+(?:diluted\s+|basic\s+)?(?:common\s+)?share\b", re.IGNORECASE)


@attrs.frozen(slots=True)
class Cell:
    scale: float
    currency: str
    subject: str
    period: tuple[datetime.date | None, datetime.date | None] | None

    @property
    def currency_units(self) -> tuple[str, ...]:
        return (self.currency,) if self.currency else ()


@attrs.frozen
class _Row:
    start: int
    end: int
    label: str
    scale: float
    currency: str
    columns: tuple[tuple[int, int, str], ...]  # header cells: (col start, col end, text)


class TableContext:
    """Looks up the table cell holding an offset."""

    def __init__(self, text: str, rows: list[_Row]) -> None:
        self.text = text
        self.rows = rows
        self.starts = [r.start for r in rows]

    def __bool__(self) -> bool:
        return bool(self.rows)

    def at(self, offset: int) -> Cell | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.rows[i].end:
            return None
        row = self.rows[i]
        col_pos = offset - row.start
        header = _column_for(row.columns, col_pos)
        label = row.label
        scale = 1.0 if _PER_SHARE.search(label) else row.scale
        per_share = bool(_PER_SHARE.search(label))
        currency = "" if _NOT_MONEY.search(label) and not per_share else row.currency
        period = None
        whole_header = False
        if header:
            from ..periods import find_periods

            found = [p for p in find_periods(header, None) if p.kind in ("flow", "stock")]
            if found:
                period = (found[-1].period_start, found[-1].period_end)
                whole_header = len(found) == 1 and not header.replace(found[0].text, "").strip()
            elif re.fullmatch(r"(?:19|20)\d\d", header):  # a bare year heads a calendar year
                y = int(header)
                period = (datetime.date(y, 1, 1), datetime.date(y, 12, 31))
        # A column that names a period goes in the period, not the subject: the table's
        # "Revenue" under "Q3 2024" is the text's "revenue for the third quarter".
        named = header and not (period and (whole_header or _ONLY_PERIOD.fullmatch(header)))
        subject = f"{label} ({header})" if named and label else (label or header)
        return Cell(scale=scale, currency=currency, subject=subject, period=period)


def _column_for(columns: tuple[tuple[int, int, str], ...], pos: int) -> str:
    best, best_d = "", 10**9
    for s, e, t in columns:
        if s <= pos < e + 2:
            return t
        d = min(abs(pos - s), abs(pos - e))
        if d < best_d:
            best, best_d = t, d
    return best if best_d < 12 else ""


def _split_cells(line: str) -> list[tuple[int, int, str]]:
    cells = []
    pos = 0
    for m in _CELL_GAP.finditer(line):
        if m.start() > pos and line[pos : m.start()].strip():
            raw = line[pos : m.start()]
            lead = len(raw) - len(raw.lstrip())
            cells.append((pos + lead, m.start(), raw.strip()))
        pos = m.end()
    if line[pos:].strip():
        raw = line[pos:]
        lead = len(raw) - len(raw.lstrip())
        cells.append((pos + lead, len(line.rstrip()), raw.strip()))
    return cells


def _is_row(line: str) -> bool:
    return bool(_CELL_GAP.search(line.strip())) and bool(re.search(r"\d", line))


def table_context(text: str) -> TableContext | None:
    """Rows of every table that sits under a scale note; None when the text has none."""
    notes = sorted([*_NOTE.finditer(text), *_TITLE_UNIT.finditer(text)], key=lambda m: m.start())
    if not notes:
        return None
    rows: list[_Row] = []
    for note in notes:
        groups = note.groupdict()
        scale = _SCALES[(groups["scale"] or groups.get("scale2") or "").lower()]
        cur = (groups.get("cur1") or groups.get("cur2") or groups.get("cur") or "").lower()
        cur = cur.replace("  ", " ")
        if not cur:
            # "(In millions, except per share amounts)" in a release written in one currency
            signs = {c: text.count(c) for c in "$€£¥"}
            top = max(signs, key=signs.__getitem__)
            cur = top if signs[top] >= 2 else ""
        currency = _CURRENCY.get(cur, "")
        pos = text.find("\n", note.end())
        if pos < 0:
            continue
        header: tuple[tuple[int, int, str], ...] = ()
        prose_lines = 0
        while pos < len(text):
            nl = text.find("\n", pos + 1)
            end = len(text) if nl < 0 else nl
            line_start = pos + 1
            line = text[line_start:end].rstrip("\r")
            pos = end
            if not line.strip():
                continue
            if _NOTE.search(line) or _TITLE_UNIT.search(line):
                break
            cells = _split_cells(line)
            if _is_row(line) and len(cells) >= 2 and not _looks_like_header(cells):
                label = cells[0][2] if not _NUMBER_CELL.fullmatch(cells[0][2]) else ""
                label = label.rstrip(":").strip()
                rows.append(_Row(line_start, line_start + len(line), label, scale, currency,
                                 header))  # fmt: skip
                prose_lines = 0
            elif len(cells) >= 2 and len(line) < 160:
                header = tuple(c for c in cells if not c[2].startswith("("))
                prose_lines = 0
            else:
                prose_lines += 1
                if prose_lines >= 1 and len(line) > 100:
                    break
    rows.sort(key=lambda r: r.start)
    return TableContext(text, rows)


def _looks_like_header(cells: list[tuple[int, int, str]]) -> bool:
    """Header rows name periods ("Q3 2024", "2023") rather than hold amounts."""
    texts = [c[2] for c in cells]
    return all(
        re.fullmatch(
            r"(?:(?:Q[1-4]|FY|H[12])\s*)?(?:19|20)\d\d|[A-Za-z][^\d]*(?:(?:19|20)\d\d)?"
            r"|\w+\s+(?:19|20)\d\d",
            t,
        )
        for t in texts
    )
