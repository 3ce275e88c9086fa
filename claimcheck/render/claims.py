"""Claim lists for ``claimcheck extract``: ``table``, ``json``, ``jsonl`` and ``csv``.

Input is one ``(path, date, claims)`` tuple per document (a ``DocumentReport`` works too), so
several files render into one output.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Union

import click

from ..claim import Claim
from ..report import DocumentReport
from . import UnknownFormatError
from ._common import display_path, format_period, format_value, one_line
from .json import dumps

__all__ = ["CLAIM_FORMATS", "CSV_COLUMNS", "ClaimSource", "render_claims"]

_Doc = tuple[str | None, str | None, Sequence[Claim]]
#: One document's claims: ``(path, date, claims)`` or a ``DocumentReport``.
ClaimSource = Union[_Doc, DocumentReport]  # noqa: UP007

#: Columns of the ``csv`` format, in order. The period is split in two columns.
CSV_COLUMNS = (
    "document", "id", "line", "column", "start", "end", "text", "value", "unit", "qualifier",
    "kind", "subject", "period_start", "period_end", "speaker", "basis", "whole", "bound",
    "sentence",
)  # fmt: skip

_SUBJECT_WIDTH = 40
_TEXT_WIDTH = 30
_VALUE_COLUMN = 3  # aligned right


def _documents(sources: Iterable[ClaimSource]) -> list[_Doc]:
    out = []
    for source in sources:
        if isinstance(source, DocumentReport):
            out.append((source.path, source.date, source.claims))
        else:
            path, date, claims = source
            out.append((path, date, claims))
    return out


def _width(s: str) -> int:
    """Terminal columns: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _truncate(s: str, width: int) -> str:
    if _width(s) <= width:
        return s
    out, used = [], 0
    for ch in s:
        w = _width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def _table(docs: list[_Doc], color: bool) -> str:
    header = ("id", "line:col", "text", "value", "unit", "qualifier", "kind", "period", "subject")
    blocks = []
    for path, date, claims in docs:
        title = display_path(path) + (f" ({date})" if date else "")
        title += f": {len(claims)} claim{'' if len(claims) == 1 else 's'}"
        rows = [
            (
                c.id,
                f"{c.line}:{c.column}",
                _truncate(one_line(c.text), _TEXT_WIDTH),
                format_value(c.value),
                c.unit,
                c.qualifier,
                c.kind,
                format_period(c.period_start, c.period_end),
                _truncate(one_line(c.subject), _SUBJECT_WIDTH),
            )
            for c in claims
        ]
        widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

        def fmt(row: Sequence[str], widths: list[int] = widths) -> str:
            cells = [
                " " * (w - _width(cell)) + cell if i == _VALUE_COLUMN else _pad(cell, w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ]
            return "  ".join(cells).rstrip()

        lines = [click.style(title, bold=True) if color else title]
        if rows:
            head = fmt(header)
            lines.append(click.style(head, underline=True) if color else head)
            lines.extend(fmt(r) for r in rows)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _json(docs: list[_Doc], color: bool) -> str:
    from .. import __version__

    return (
        dumps(
            {
                "claimcheck": __version__,
                "documents": [
                    {"path": p, "date": d, "claims": [c.to_dict() for c in claims]}
                    for p, d, claims in docs
                ],
            }
        )
        + "\n"
    )


def _jsonl(docs: list[_Doc], color: bool) -> str:
    return "".join(
        dumps({"document": p, **c.to_dict()}, indent=None) + "\n"
        for p, _, claims in docs
        for c in claims
    )


def _csv(docs: list[_Doc], color: bool) -> str:
    buffer = io.StringIO()
    # "\n" rows: the CLI writes text, and a text-mode file would turn "\r\n" into "\r\r\n" on
    # Windows. Fields holding newlines are quoted, so the file still parses back.
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for path, _, claims in docs:
        for c in claims:
            row: dict[str, Any] = {"document": path or "", **c.to_dict()}
            row["period_start"], row["period_end"] = c.period_start, c.period_end
            row["value"] = repr(c.value)
            writer.writerow(["" if row.get(k) is None else row.get(k, "") for k in CSV_COLUMNS])
    return buffer.getvalue()


_FORMATS: dict[str, Callable[[list[_Doc], bool], str]] = {
    "table": _table,
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
}

#: Formats of :func:`render_claims`.
CLAIM_FORMATS = tuple(_FORMATS)


def render_claims(
    sources: Iterable[ClaimSource], fmt: str = "table", *, color: bool = False
) -> str:
    """Render the claims of one or more documents, each given as ``(path, date, claims)``.

    ``fmt`` is one of :data:`CLAIM_FORMATS`; ``color`` styles the ``table`` headings.
    """
    try:
        renderer = _FORMATS[fmt]
    except KeyError:
        raise UnknownFormatError(fmt, CLAIM_FORMATS) from None
    return renderer(_documents(sources), color)
