"""``html``: one self-contained page, the document with every claim highlighted.

No external resource and no script: inline CSS only, and a Content-Security-Policy that forbids
scripts, so even a bug in escaping could not run code from a transcript. Every piece of text that
came from a document (text, claim text, subject, speaker, message, path) goes through
``html.escape(..., quote=True)``.

Layout per document: a sticky list of findings beside the text; each finding links to the
claims it cites (``<a href="#c0007">``), each cited claim links back to its worst finding, and
claims cited by errors and warnings stand out. Navigation uses ``:target`` (CSS), not JS.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Iterable

from ..claim import Claim
from ..report import SEVERITIES, DocumentReport, Finding, Report
from . import RenderOptions, register
from ._common import (
    SEVERITY_ORDER,
    DocumentIndex,
    display_path,
    format_amount,
    format_period,
    format_value,
    plural,
)

__all__ = ["highlight", "placeable", "render_html"]


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def placeable(text: str, claims: Iterable[Claim]) -> list[Claim]:
    """Claims in start order, without those that overlap the previous one, lie outside the text
    or are empty: the spans :func:`highlight` wraps."""
    kept: list[Claim] = []
    pos = 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start < pos or claim.end > len(text) or claim.end <= claim.start:
            continue
        kept.append(claim)
        pos = claim.end
    return kept


def highlight(text: str, claims: Iterable[Claim], mark: Callable[[Claim, str], str]) -> str:
    """Escape ``text`` with each placeable claim's span wrapped by ``mark(claim, escaped_span)``.

    The visible text is always exactly ``text``: nothing lost, nothing injected.
    """
    parts: list[str] = []
    pos = 0
    for claim in placeable(text, claims):
        parts.append(esc(text[pos : claim.start]))
        parts.append(mark(claim, esc(text[claim.start : claim.end])))
        pos = claim.end
    parts.append(esc(text[pos:]))
    return "".join(parts)


def _anchors(report: Report) -> Callable[[int, str], str]:
    """Anchor names: the bare ids when they are unique in the report, else ``d2-c0007``."""
    seen: Counter[str] = Counter()
    for doc in report.documents:
        seen.update({c.id for c in doc.claims} | {f.id for f in doc.findings})
    if all(n == 1 for n in seen.values()):
        return lambda _, ident: ident
    return lambda i, ident: f"d{i + 1}-{ident}"


def _claim_line(claim: Claim) -> str:
    """``= 4,089,000 (5G base stations, 2024-09-30)``, escaped; dates do not break."""
    extras = [esc(claim.subject)] if claim.subject else []
    period = format_period(claim.period_start, claim.period_end)
    if period:
        extras.append(f'<span class="nowrap">{esc(period)}</span>')
    line = f"= {esc(format_amount(claim, grouping=True))}"
    return f"{line} ({', '.join(extras)})" if extras else line


def _badges(counts: Counter[str]) -> str:
    shown = [
        f'<span class="badge sev-{s}">{plural(counts[s], s)}</span>'
        for s in SEVERITIES
        if counts[s]
    ]
    return " ".join(shown) or '<span class="badge sev-none">no findings</span>'


def _finding(
    doc_index: int,
    finding: Finding,
    index: DocumentIndex,
    placed: set[str],
    anchor: Callable[[int, str], str],
) -> str:
    sev = finding.severity if finding.severity in SEVERITY_ORDER else "info"
    line, col = index.position(finding)
    head = (
        f'<span class="badge sev-{sev}">{esc(finding.severity)}</span> '
        f'<code class="rule">{esc(finding.rule)}</code> '
        f'<span class="check">{esc(finding.check)}</span>'
        + (' <span class="gross" title="flips a conclusion">gross</span>' if finding.gross else "")
        + f' <span class="where">{line}:{col}</span>'
    )
    numbers = []
    for label, value in (
        ("expected", finding.expected),
        ("observed", finding.observed),
        ("slip", finding.slip),
    ):
        if value is not None:
            numbers.append(f"{label} <b>{esc(format_value(value, grouping=True))}</b>")
    cited = []
    for claim_id in finding.claims:
        claim = index.by_id.get(claim_id)
        if claim is None:
            cited.append(f'<li class="missing"><code>{esc(claim_id)}</code> (not found)</li>')
            continue
        label = f"<code>{esc(claim.id)}</code> “{esc(claim.text)}”"
        if claim.id in placed:
            label = f'<a href="#{esc(anchor(doc_index, claim.id))}">{label}</a>'
        cited.append(f"<li>{label} {_claim_line(claim)}</li>")
    return (
        f'<li class="finding sev-{sev}" id="{esc(anchor(doc_index, finding.id))}">'
        f'<div class="head">{head}</div>'
        f'<p class="message">{esc(finding.message)}</p>'
        + (f'<p class="numbers">{" · ".join(numbers)}</p>' if numbers else "")
        + f'<ul class="cited">{"".join(cited)}</ul></li>'
    )


def _document(
    doc_index: int, doc: DocumentReport, options: RenderOptions, anchor: Callable[[int, str], str]
) -> str:
    index = DocumentIndex(doc)
    findings = index.ordered(show_info=options.show_info)
    placed = {c.id for c in placeable(doc.text, doc.claims)}

    # The findings citing each claim, worst first: the worst decides the highlight.
    citing: dict[str, list[Finding]] = {}
    for f in findings:  # already worst first
        for claim_id in dict.fromkeys(f.claims):
            citing.setdefault(claim_id, []).append(f)

    def mark(claim: Claim, inner: str) -> str:
        cited_by = citing.get(claim.id, [])
        finding = cited_by[0] if cited_by else None
        tip = [
            f"{claim.id} · line {claim.line}, column {claim.column}",
            f"{format_amount(claim, grouping=True)} · {claim.kind} · {claim.qualifier}",
        ]
        tip += [
            s for s in (claim.subject, format_period(claim.period_start, claim.period_end)) if s
        ]
        if claim.speaker:
            tip.append(f"speaker: {claim.speaker}")
        tip += [f"{f.rule} {f.severity}: {f.message}" for f in cited_by]
        classes = f"claim kind-{claim.kind}"
        if finding is not None:
            classes += f" cited-{finding.severity}"
            inner = f'<a href="#{esc(anchor(doc_index, finding.id))}">{inner}</a>'
        return (
            f'<mark id="{esc(anchor(doc_index, claim.id))}" class="{esc(classes)}" '
            f'title="{esc(chr(10).join(tip))}">{inner}</mark>'
        )

    counts = Counter(f.severity for f in doc.findings)
    hidden = 0 if options.show_info else counts["info"]
    items = "".join(_finding(doc_index, f, index, placed, anchor) for f in findings)
    toggle = ""
    if any(f.severity == "info" for f in findings):
        toggle = (
            f'<input type="checkbox" class="hide-info" id="hide-info-{doc_index + 1}">'
            f'<label for="hide-info-{doc_index + 1}">hide info</label>'
        )
    findings_html = (
        f'<ol class="findings">{items}</ol>' if items else '<p class="none">No findings.</p>'
    )
    if hidden:
        findings_html += (
            f'<p class="none">{hidden} info finding{"" if hidden == 1 else "s"} not shown.</p>'
        )
    date = f' <span class="date">{esc(doc.date)}</span>' if doc.date else ""
    return f"""<section class="document" id="doc-{doc_index + 1}">
<h2><span class="path">{esc(display_path(doc.path))}</span>{date}</h2>
<p class="counts">{_badges(counts)} · {plural(len(doc.claims), "claim")}</p>
<div class="layout">
<aside class="sidebar"><h3>Findings</h3>{toggle}{findings_html}</aside>
<article class="text"><pre class="doc">
{highlight(doc.text, doc.claims, mark)}</pre></article>
</div>
</section>"""


_CSS = """
:root { --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --err: #cf222e; --err-bg: #ffd8d6; --warn: #9a6700; --warn-bg: #ffe7a8;
  --info: #0969da; --info-bg: #ddf4ff; --claim-bg: #eef1f4; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
    --err: #ff7b72; --err-bg: #5c1a1b; --warn: #e3b341; --warn-bg: #4b3a0a;
    --info: #58a6ff; --info-bg: #0c2d4f; --claim-bg: #262c36; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header.top { padding: 1.2rem 2rem 0.6rem; border-bottom: 1px solid var(--line); }
header.top h1 { margin: 0 0 0.3rem; font-size: 1.35rem; }
header.top p { margin: 0.2rem 0; color: var(--muted); }
main { max-width: 88rem; margin: 0 auto; padding: 0 2rem 3rem; }
h2 { margin: 1.6rem 0 0.2rem; font-size: 1.15rem; overflow-wrap: anywhere; }
h2 .date { color: var(--muted); font-weight: normal; margin-left: 0.4rem; }
.counts { margin: 0 0 1rem; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(20rem, 28rem) minmax(0, 1fr); gap: 1.5rem;
  align-items: start; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
.sidebar { position: sticky; top: 0; max-height: 100vh; overflow: auto; padding: 0.8rem;
  background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.sidebar h3 { margin: 0 0 0.5rem; font-size: 1rem; display: inline-block; }
.sidebar label { float: right; font-size: 0.85rem; color: var(--muted); cursor: pointer; }
.hide-info { float: right; margin: 0.3rem 0 0 0.4rem; }
.hide-info:checked ~ ol .sev-info { display: none; }
ol.findings { list-style: none; margin: 0; padding: 0; clear: both; }
.finding { margin: 0 0 0.6rem; padding: 0.5rem 0.6rem; background: var(--bg);
  border: 1px solid var(--line); border-left: 4px solid var(--muted); border-radius: 6px; }
.finding.sev-error { border-left-color: var(--err); }
.finding.sev-warning { border-left-color: var(--warn); }
.finding.sev-info { border-left-color: var(--info); }
.finding:target { box-shadow: 0 0 0 3px var(--info); }
.finding .head { font-size: 0.85rem; display: flex; flex-wrap: wrap; gap: 0.35rem;
  align-items: baseline; }
.finding .where { margin-left: auto; color: var(--muted); }
.finding .check, .finding .numbers { color: var(--muted); }
.finding .message { margin: 0.25rem 0; overflow-wrap: anywhere; }
.finding .numbers { margin: 0.2rem 0; font-size: 0.85rem; }
.finding ul.cited { margin: 0.2rem 0 0; padding-left: 1rem; font-size: 0.85rem;
  overflow-wrap: anywhere; }
.gross { font-size: 0.75rem; font-weight: 600; text-transform: uppercase; color: var(--err); }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 1rem; font-size: 0.8rem;
  font-weight: 600; border: 1px solid currentColor; }
.badge.sev-error { color: var(--err); background: var(--err-bg); }
.badge.sev-warning { color: var(--warn); background: var(--warn-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); }
.badge.sev-none { color: var(--muted); }
code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: var(--info); }
pre.doc { margin: 0; padding: 1rem 1.2rem; white-space: pre-wrap; overflow-wrap: anywhere;
  font: inherit; line-height: 1.7; border: 1px solid var(--line); border-radius: 8px; }
mark.claim { color: inherit; background: var(--claim-bg); border-radius: 3px; padding: 0 1px;
  border-bottom: 1px dotted var(--muted); }
mark.claim a { color: inherit; text-decoration: none; }
mark.cited-info { background: var(--info-bg); border-bottom: 1px solid var(--info); }
mark.cited-warning { background: var(--warn-bg); border-bottom: 2px solid var(--warn);
  font-weight: 600; }
mark.cited-error { background: var(--err-bg); border-bottom: 2px solid var(--err);
  font-weight: 600; }
mark.claim:target { outline: 3px solid var(--info); outline-offset: 1px; }
.none { color: var(--muted); }
.nowrap { white-space: nowrap; }
footer { max-width: 88rem; margin: 0 auto; padding: 1rem 2rem 2rem; color: var(--muted);
  font-size: 0.85rem; }
footer mark { margin-right: 0.6rem; }
"""


@register("html")
def render_html(report: Report, options: RenderOptions) -> str:
    from .. import __version__

    anchor = _anchors(report)
    counts = report.counts()
    checks = ", ".join(
        f"{esc(check)} {n}"
        for check, n in sorted(counts["check"].items(), key=lambda kv: (-kv[1], kv[0]))
    )
    names = [display_path(d.path) for d in report.documents]
    title = "claimcheck: " + (", ".join(names[:3]) + (" …" if len(names) > 3 else "") or "report")
    documents = "\n".join(
        _document(i, doc, options, anchor) for i, doc in enumerate(report.documents)
    )
    summary = (
        f"{_badges(counts['severity'])}"
        + (f" · {checks}" if checks else "")
        + f" · {plural(len(report.claims), 'claim')} in {plural(len(report.documents), 'document')}"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimcheck {esc(__version__)}">
<title>{esc(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header class="top">
<h1>claimcheck report</h1>
<p class="summary">{summary}</p>
</header>
<main>
{documents}
</main>
<footer>
<p><mark class="claim cited-error">cited by an error</mark><mark class="claim cited-warning">by a
warning</mark><mark class="claim cited-info">by an info finding</mark><mark class="claim">a claim
no shown finding cites</mark></p>
<p>Generated by claimcheck {esc(__version__)}. Hover a highlighted number for its parsed value;
click it to jump to its finding.</p>
</footer>
</body>
</html>
"""
