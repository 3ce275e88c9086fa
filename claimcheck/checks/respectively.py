"""Respectively: the number of figures against the number of subjects they are paired with.

"Production and sales reached 21.47 million vehicles and 21.571 million vehicles, respectively"
pairs a list of figures with a coordinated list of subjects, position by position; the two lists
must be equally long. The subjects are looked for, nearest first:

1. between the figures and "respectively", after a preposition ("3.5% and 4.1% in the US and
   the UK, respectively");
2. in the coordination before the figures, back to the start of the sentence, the previous
   list of figures or the previous "respectively" ("Production and sales reached ...");
3. in the list of figures just before ("About 249 million microcomputers, 1.184 billion mobile
   phones and 150 million color TVs were produced, with growth rates of 2.9%, 9.8% and 2.5%,
   respectively": three rates for three products).

When none is found (the subjects sit in earlier sentences, as in "These measures remain below
their February 2020 levels (63.3 percent and 61.1 percent, respectively)") nothing is reported.

Rules (see docs/checks/respectively.md):

* CC901 info: as many figures as subjects.
* CC902 error: the counts differ.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

import attrs

from ..claim import Claim
from ..report import Finding
from . import CheckContext, check, finding
from ._lists import Coordination, count_after, count_before, trim_item
from ._text import Sentence, sentences

__all__ = ["respectively"]

NAME = "respectively"

_RESP = re.compile(r"\brespectively\b", re.I)
_WS = r"[ \t\r\n]"
_SEP = rf"(?:{_WS}*,{_WS}*(?:(?:and|or){_WS}+)?|{_WS}+(?:and|or|&){_WS}+)"
_TRAIL = rf"(?:{_WS}+(?!and\b|or\b|respectively\b)[A-Za-z“\"'‘][\w\-'’”\"]*){{0,4}}"
_SEP_AT = re.compile(_SEP + r"\Z", re.I)
#: Between two figures of one list: a few trailing words ("vehicles", "year on year"), then a
#: comma or "and".
_LIST_GAP = re.compile(_TRAIL + _SEP, re.I)
#: Between the two ends of a stated range ("3-5%", "75 to 100").
_RANGE_GAP = re.compile(rf"{_WS}*(?:-|–|—|to){_WS}*", re.I)
_TAIL = re.compile(
    r"(?:[ \t]+(?!(?:respectively|and|or|in|on|at|from|to|by|for|were|was|are|is|up|down|year)\b)"
    r"[A-Za-z][\w\-]*){0,3}",
    re.I,
)
#: Between the last figure and "respectively".
_BEFORE_RESP = re.compile(r"[^.;:!?\d]{0,60}")
_AFTER_RESP = re.compile(rf"{_WS}*,?{_WS}*")
_PREP_LIST = re.compile(
    rf"\A[\s,]*(?:in|for|of|at|among|between|from|on|by){_WS}+(?P<body>.*?)[\s,]*\Z", re.I | re.S
)


@attrs.frozen(slots=True)
class _Figure:
    """One figure of a list: a claim, or the two claims of a range."""

    first: Claim
    last: Claim

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end

    def label(self, text: str) -> str:
        return text[self.start : self.end]

    def named(self, text: str, upto: int | None = None) -> str:
        """The figure with the words that follow it, up to ``upto`` or a few plain words:
        "1.184 billion mobile phones"."""
        if upto is None:
            m = _TAIL.match(text, self.end, min(len(text), self.end + 60))
            upto = m.end() if m else self.end
        return trim_item(" ".join(text[self.start : upto].split()))


def _figures(text: str, claims: Sequence[Claim]) -> list[_Figure]:
    out: list[_Figure] = []
    i = 0
    while i < len(claims):
        c = claims[i]
        if (
            c.bound == "low"
            and i + 1 < len(claims)
            and claims[i + 1].bound == "high"
            and _RANGE_GAP.fullmatch(text, c.end, claims[i + 1].start)
        ):
            out.append(_Figure(c, claims[i + 1]))
            i += 2
            continue
        out.append(_Figure(c, c))
        i += 1
    return out


def _runs(text: str, figures: Sequence[_Figure]) -> list[list[_Figure]]:
    """Figures joined only by commas and "and" (with a few words after each), in order."""
    runs: list[list[_Figure]] = []
    for f in figures:
        if (
            runs
            and runs[-1][-1].end <= f.start
            and _LIST_GAP.fullmatch(text, runs[-1][-1].end, f.start)
        ):
            runs[-1].append(f)
        else:
            runs.append([f])
    return runs


def _subjects(
    text: str,
    sent: Sentence,
    runs: list[list[_Figure]],
    k: int,
    before: bool,
    floor: int,
    r_at: int,
) -> tuple[Coordination, str] | None:
    """The subject list of ``runs[k]`` and where it was found, or None."""
    run = runs[k]
    if before:
        m = _PREP_LIST.match(text[run[-1].end : r_at])
        if m:
            coord = count_after(m.group("body"), limit_words=8)
            if coord is not None and coord.hi >= 2:
                return coord, "after the figures"
    prev = runs[k - 1] if k > 0 and len(runs[k - 1]) >= 2 else None
    start = max(sent.start, floor, prev[-1].end if prev else 0)
    end = run[0].start
    blocked = [(c.start - start, c.end - start) for c in sent.between(start, end) if c.end <= end]
    coord = count_before(text[start:end], blocked)
    if coord is not None and coord.hi >= 2:
        return coord, "before the figures"
    if prev is not None:
        ends = [_SEP_AT.search(text, a.end, b.start) for a, b in itertools.pairwise(prev)]
        items = tuple(
            f.named(text, m.start() if m else None)
            for f, m in zip(prev, [*ends, None], strict=True)
        )
        return Coordination(len(prev), len(prev), items), "in the figures before"
    return None


@check(NAME)
def respectively(ctx: CheckContext) -> Iterator[Finding]:
    """As many figures as subjects wherever "respectively" pairs them."""
    text = ctx.text
    for sent in sentences(ctx):
        hits = list(_RESP.finditer(text, sent.start, sent.end))
        if not hits:
            continue
        runs = _runs(text, _figures(text, sent.claims))
        ends = [run[-1].end for run in runs]
        starts = [run[0].start for run in runs]
        used: set[int] = set()
        floor = sent.start
        for r in hits:
            k = _run_before(text, runs, ends, r.start())
            before = k is not None
            if k is None:
                k = _run_after(text, runs, starts, r.end())
            if k is None or k in used or len(runs[k]) < 2:
                floor = r.end()
                continue
            used.add(k)
            found = _subjects(text, sent, runs, k, before, floor, r.start())
            floor = r.end()
            if found is None:
                continue
            coord, where = found
            yield _finding(text, runs[k], coord, where)


def _run_before(text: str, runs: list[list[_Figure]], ends: list[int], at: int) -> int | None:
    """The run that ends right before "respectively" at ``at``."""
    k = bisect_right(ends, at) - 1
    if k >= 0 and _BEFORE_RESP.fullmatch(text, ends[k], at):
        return k
    return None


def _run_after(text: str, runs: list[list[_Figure]], starts: list[int], at: int) -> int | None:
    """The run that starts right after "respectively" ending at ``at``."""
    k = bisect_left(starts, at)
    if k < len(runs) and _AFTER_RESP.fullmatch(text, at, starts[k]):
        return k
    return None


def _finding(text: str, run: list[_Figure], coord: Coordination, where: str) -> Finding:
    n = len(run)
    figures = ", ".join(f.label(text) for f in run)
    subjects = "; ".join(coord.items)
    claims = [c for f in run for c in ((f.first,) if f.first is f.last else (f.first, f.last))]
    if coord.admits(n):
        return finding(
            "CC901",
            NAME,
            "info",
            f'"respectively" pairs {n} figures ({figures}) with {coord.describe()} subjects '
            f"{where} ({subjects})",
            claims,
            expected=float(n),
            observed=float(n),
            slip=0.0,
        )
    expected = coord.lo if n < coord.lo else coord.hi
    d = abs(expected - n)
    rest = (
        f"{d} subject{'s' if d > 1 else ''} without a figure"
        if expected > n
        else f"{d} figure{'s' if d > 1 else ''} without a subject"
    )
    return finding(
        "CC902",
        NAME,
        "error",
        f'"respectively" pairs {n} figures ({figures}) with {coord.describe()} subjects '
        f"{where} ({subjects}): {rest}",
        claims,
        expected=float(expected),
        observed=float(n),
        slip=float(d),
    )
