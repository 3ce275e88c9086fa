"""``text``: one finding per line, ``path:line:col: RULE [severity] message`` (flake8, ruff).

Each finding is followed by the claims it cites, indented, and the output ends with a summary::

    report.txt:12:45: CC101 [error] 5G base stations stated as 4.089 million and 4.1 million
        c0007 12:45 "4.089 million" = 4089000 (5G base stations, 2024-09-30)
        c0113 40:3 "4.2 million" = 4200000 (5G base stations, 2024-09-30)

    1 error · restatement 1 · 57 claims in 1 document
"""

from __future__ import annotations

import click

from ..report import Report
from . import RenderOptions, register
from ._common import DocumentIndex, describe_claim, display_path, one_line, summary

__all__ = ["render_text"]

_STYLE = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"dim": True},
}


@register("text")
def render_text(report: Report, options: RenderOptions) -> str:
    def style(s: str, **kw: object) -> str:
        return click.style(s, **kw) if options.color else s  # type: ignore[arg-type]

    lines: list[str] = []
    for doc in report.documents:
        index = DocumentIndex(doc)
        name = display_path(doc.path)
        for finding in index.ordered(show_info=options.show_info):
            line, col = index.position(finding)
            info = finding.severity == "info"
            tag = finding.severity + (", gross" if finding.gross else "")
            head = (
                f"{style(f'{name}:{line}:{col}:', bold=not info, dim=info)} "
                f"{style(finding.rule, **_STYLE[finding.severity])} "
                f"{style(f'[{tag}]', **_STYLE[finding.severity])} "
                f"{style(one_line(finding.message), dim=info)}"
            )
            lines.append(head)
            for claim_id in finding.claims:
                if claim_id in index.by_id:
                    claim = index.by_id[claim_id]
                    body = f"{claim.id} {claim.line}:{claim.column} {describe_claim(claim)}"
                else:
                    body = f"{one_line(claim_id)} (not among this document's claims)"
                lines.append("    " + style(body, dim=info))
    if lines:
        lines.append("")
    lines.append(style(summary(report, show_info=options.show_info), bold=True))
    return "\n".join(lines) + "\n"
