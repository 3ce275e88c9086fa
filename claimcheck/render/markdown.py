"""``markdown``: GitHub-flavoured Markdown for an issue, a pull request or a newsroom doc.

Per document: a heading, a table of counts per check and severity, a table of findings, and the
full claim list folded in a ``<details>`` block. Every piece of document text is escaped so it
cannot break a table row (``|``, newlines), open a code span, emphasis or link, or inject HTML.
"""

from __future__ import annotations

import re
from collections import Counter

from ..claim import Claim
from ..report import SEVERITIES, Report
from . import RenderOptions, register
from ._common import (
    DocumentIndex,
    display_path,
    format_amount,
    format_period,
    plural,
    summary,
    visible,
)

__all__ = ["escape", "render_markdown"]

_BADGE = {"error": "🔴 **error**", "warning": "🟠 **warning**", "info": "ℹ️ info"}
_SPECIAL = re.compile(r"([\\`*_\[\]|~#!])")
_WS = re.compile(r"\s+")
_PLAIN = re.compile(r"[A-Za-z0-9_.-]+")


def escape(text: str) -> str:
    r"""Make ``text`` literal inside a Markdown table cell: one line, no markup, no HTML.

    >>> escape("a | b\n`c` <script>")
    'a \\| b \\`c\\` &lt;script&gt;'
    """
    text = visible(_WS.sub(" ", text).strip())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _quoted(claim: Claim) -> str:
    return f"“{escape(claim.text)}” ({escape(claim.id)})"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


@register("markdown")
def render_markdown(report: Report, options: RenderOptions) -> str:
    out = ["# claimcheck report", "", escape(summary(report, show_info=options.show_info)), ""]
    for doc in report.documents:
        index = DocumentIndex(doc)
        title = escape(display_path(doc.path)) + (f" ({escape(doc.date)})" if doc.date else "")
        out += [f"## {title}", ""]

        # Counts per check and severity.
        by_check: dict[str, Counter[str]] = {}
        for f in doc.findings:
            by_check.setdefault(f.check, Counter())[f.severity] += 1
        if by_check:
            out.append(_row(["Check", *(s.capitalize() for s in SEVERITIES), "Total"]))
            out.append(_row(["---", *("---:" for _ in SEVERITIES), "---:"]))
            for check in sorted(by_check, key=lambda c: (-sum(by_check[c].values()), c)):
                counts = by_check[check]
                cells = [str(counts[s]) for s in SEVERITIES]
                out.append(_row([escape(check), *cells, str(sum(counts.values()))]))
            totals = Counter(f.severity for f in doc.findings)
            out.append(
                _row(
                    [
                        "**Total**",
                        *(f"**{totals[s]}**" for s in SEVERITIES),
                        f"**{len(doc.findings)}**",
                    ]
                )
            )
            out.append("")
        else:
            out += [f"No findings ({plural(len(doc.claims), 'claim')} checked).", ""]

        findings = index.ordered(show_info=options.show_info)
        if findings:
            out += ["### Findings", ""]
            out.append(_row(["Severity", "Rule", "Check", "Message", "Location", "Claims"]))
            out.append(_row(["---"] * 6))
            for f in findings:
                line, col = index.position(f)
                badge = _BADGE.get(f.severity, escape(f.severity))
                if f.gross:
                    badge += " (gross)"
                claims = "<br>".join(_quoted(c) for c in index.cited(f))
                out.append(
                    _row(
                        [
                            badge,
                            f"`{f.rule}`" if _PLAIN.fullmatch(f.rule) else escape(f.rule),
                            escape(f.check),
                            escape(f.message),
                            f"{line}:{col}",
                            claims,
                        ]
                    )
                )
            out.append("")
        hidden = (
            sum(1 for f in doc.findings if f.severity == "info") if not options.show_info else 0
        )
        if hidden:
            out += [f"_{hidden} info finding{'' if hidden == 1 else 's'} not shown._", ""]

        if doc.claims:
            out += [
                "<details>",
                f"<summary>All {plural(len(doc.claims), 'claim')}</summary>",
                "",
                _row(["Id", "Line:Col", "Text", "Value", "Kind", "Subject", "Period", "Speaker"]),
                _row(["---"] * 8),
            ]
            for c in doc.claims:
                out.append(
                    _row(
                        [
                            escape(c.id),
                            f"{c.line}:{c.column}",
                            f"“{escape(c.text)}”",
                            escape(format_amount(c, grouping=True)),
                            escape(c.kind),
                            escape(c.subject),
                            escape(format_period(c.period_start, c.period_end)),
                            escape(c.speaker),
                        ]
                    )
                )
            out += ["", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
