"""What the renderers share: finding order and position, and how a claim reads in one line."""

from __future__ import annotations

import bisect
import re
import unicodedata

from ..claim import Claim
from ..report import SEVERITIES, DocumentReport, Finding, Report

#: Errors first.
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}

QUALIFIER_SIGNS = {
    "exact": "",
    "about": "~",
    "more_than": ">",
    "less_than": "<",
    "at_least": ">=",
    "at_most": "<=",
}

_WS = re.compile(r"\s+")


def display_path(path: str | None) -> str:
    """The name a document goes by in output: its path, ``<stdin>`` for ``-``, else ``<text>``."""
    if path is None or path == "":
        return "<text>"
    if path == "-":
        return "<stdin>"
    return path


def visible(text: str) -> str:
    """Make control and bidi-override characters visible as escapes (``\\x1b``, ``\\u202e``).

    Document text is untrusted: an ANSI escape or a U+202E in a transcript must not reach a
    terminal or reorder a line of our output.
    """
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Cc" or ch in _HIDDEN:
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


_HIDDEN = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029"
)


def one_line(text: str) -> str:
    """Collapse whitespace runs to one space, then make controls visible."""
    return visible(_WS.sub(" ", text).strip())


def format_value(value: float, *, grouping: bool = False) -> str:
    """A magnitude without float noise, optionally with thousands separators.

    >>> format_value(4089000.0), format_value(4089000.0, grouping=True)
    ('4089000', '4,089,000')
    >>> format_value(100 / 3)
    '33.33333333'
    """
    sep = "," if grouping else ""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return format(int(value), sep or "d")
    return format(value, f"{sep}.10g")


def format_period(start: str | None, end: str | None) -> str:
    """``2024-01-01..2024-09-30``, ``2024-09-30`` (a stock at a date), ``""`` when unknown."""
    if start and end:
        return f"{start}..{end}"
    if end:
        return end
    if start:
        return f"{start}.."
    return ""


def format_amount(claim: Claim, *, grouping: bool = False) -> str:
    """The normalized quantity: ``~50 percent``, ``4089000``, ``-3200000000 GBP``."""
    amount = QUALIFIER_SIGNS.get(claim.qualifier, "") + format_value(claim.value, grouping=grouping)
    return f"{amount} {claim.unit}" if claim.unit else amount


def quote(text: str) -> str:
    """A claim's text in double quotes, escaped so it stays on one line."""
    return '"' + visible(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def describe_claim(claim: Claim) -> str:
    """``"4.089 million" = 4089000 (5G base stations, 2024-09-30)``."""
    extras = [
        one_line(s)
        for s in (claim.subject, format_period(claim.period_start, claim.period_end))
        if s
    ]
    line = f"{quote(claim.text)} = {format_amount(claim)}"
    return f"{line} ({', '.join(extras)})" if extras else line


def plural(n: int, word: str) -> str:
    if word == "info" or n == 1:
        return f"{n} {word}"
    return f"{n} {word}s"


class DocumentIndex:
    """A document's claims by id, its findings in display order, and offset -> line/column."""

    def __init__(self, doc: DocumentReport) -> None:
        self.doc = doc
        self.by_id = {c.id: c for c in doc.claims}
        self._line_starts: list[int] | None = None

    def cited(self, finding: Finding) -> list[Claim]:
        """The claims a finding cites, in the order it cites them (unknown ids skipped)."""
        return [self.by_id[i] for i in finding.claims if i in self.by_id]

    def position(self, finding: Finding) -> tuple[int, int]:
        """Line and column of the first cited claim; ``(1, 1)`` for a finding citing none."""
        cited = self.cited(finding)
        return (cited[0].line, cited[0].column) if cited else (1, 1)

    def ordered(self, *, show_info: bool = True) -> list[Finding]:
        """Findings by severity (errors first), then position, then id."""
        findings = [f for f in self.doc.findings if show_info or f.severity != "info"]
        return sorted(
            findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), *self.position(f), f.id)
        )

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a ``str`` offset into the text.

        Lines end at LF, CR or CRLF (the SARIF definition).
        """
        if self._line_starts is None:
            text = self.doc.text
            starts = [0]
            for m in re.finditer(r"\r\n|\r|\n", text):
                starts.append(m.end())
            self._line_starts = starts
        offset = max(0, min(offset, len(self.doc.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


def summary(report: Report, *, show_info: bool = True) -> str:
    """``3 errors, 1 warning, 40 info · restatement 12, share 3 · 57 claims in 2 documents``."""
    counts = report.counts()
    parts = []
    if report.findings:
        parts.append(
            ", ".join(plural(counts["severity"][s], s) for s in SEVERITIES if counts["severity"][s])
        )
        checks = sorted(counts["check"].items(), key=lambda kv: (-kv[1], kv[0]))
        parts.append(", ".join(f"{check} {n}" for check, n in checks))
    else:
        parts.append("no findings")
    parts.append(
        f"{plural(len(report.claims), 'claim')} in {plural(len(report.documents), 'document')}"
    )
    line = " · ".join(parts)
    if not show_info and counts["severity"]["info"]:
        line += " (info findings not shown)"
    return line
