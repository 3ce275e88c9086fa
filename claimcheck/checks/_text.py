"""Where claims sit in the text: sentences, the text between two claims, windows of sentences.

Two views of a sentence, kept apart because families rely on each: ``windows`` groups claims by
the sentence the extractor recorded for them (arithmetic families pair figures within a sentence
and its neighbours); ``sentences`` groups them by character offsets, guessing a boundary from
punctuation when a claim carries none (text-reading families scan the words of a sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

import attrs

from ..claim import Claim
from . import CheckContext

__all__ = [
    "PARAGRAPH_SPAN",
    "Sentence",
    "Window",
    "between",
    "clause_before",
    "same_sentence",
    "sentence_after",
    "sentence_before",
    "sentence_bounds",
    "sentences",
    "windows",
]

# --- sentence windows -----------------------------------------------------------------------


@attrs.frozen(slots=True)
class Window:
    """The claims of one sentence, with those of the adjacent sentences of its paragraph."""

    sentence: tuple[Claim, ...]
    before: tuple[Claim, ...] = ()
    after: tuple[Claim, ...] = ()
    #: Claims of the next few claim-bearing sentences of the paragraph (``PARAGRAPH_SPAN``),
    #: for relations strong enough to trust at a distance (``subset``'s lexicon kinds).
    later: tuple[Claim, ...] = ()

    @property
    def near(self) -> tuple[Claim, ...]:
        return self.before + self.sentence + self.after


def _sentence_key(c: Claim) -> tuple[object, ...]:
    if c.sentence_end > c.sentence_start:
        return (c.document, c.section, c.paragraph, c.sentence_start, c.sentence_end)
    return (c.document, c.section, c.paragraph, c.sentence)


def _adjacent(text: str, a: Claim, b: Claim) -> bool:
    """Whether ``b``'s sentence directly follows ``a``'s in the same paragraph."""
    if (a.document, a.section, a.paragraph) != (b.document, b.section, b.paragraph):
        return False
    if a.sentence_end > a.sentence_start and b.sentence_end > b.sentence_start:
        if b.sentence_start < a.sentence_end:
            return False
        # Nothing but spacing and sentence punctuation between them: no sentence in between.
        return not re.search(r"\w", text[a.sentence_end : b.sentence_start])
    return True  # no offsets (claims built by hand): consecutive sentences of a paragraph


#: How many following claim-bearing sentences of a paragraph ``Window.later`` holds.
PARAGRAPH_SPAN = 5


def _same_paragraph(a: Claim, b: Claim) -> bool:
    return (a.document, a.section, a.paragraph) == (b.document, b.section, b.paragraph)


def windows(ctx: CheckContext) -> Iterator[Window]:
    """One window per sentence holding claims, in document order (bounded, so linear)."""
    groups: list[list[Claim]] = []
    last: tuple[object, ...] | None = None
    for c in ctx.claims:
        key = _sentence_key(c)
        if key != last:
            groups.append([])
            last = key
        groups[-1].append(c)
    sents = [tuple(g) for g in groups]
    for i, sent in enumerate(sents):
        before = sents[i - 1] if i > 0 and _adjacent(ctx.text, sents[i - 1][0], sent[0]) else ()
        after = (
            sents[i + 1]
            if i + 1 < len(sents) and _adjacent(ctx.text, sent[0], sents[i + 1][0])
            else ()
        )
        later = tuple(
            c
            for nxt in sents[i + 1 : i + 1 + PARAGRAPH_SPAN]
            if _same_paragraph(sent[0], nxt[0])
            for c in nxt
        )
        yield Window(sent, before, after, later)


# --- text around claims ---------------------------------------------------------------------


def same_sentence(a: Claim, b: Claim) -> bool:
    return _sentence_key(a) == _sentence_key(b)


def _has_offsets(c: Claim) -> bool:
    return c.sentence_end > c.sentence_start and c.sentence_start <= c.start <= c.end


def between(ctx: CheckContext, a: Claim, b: Claim) -> str | None:
    """Text from the end of ``a`` to the start of ``b`` within one sentence; None otherwise."""
    if _sentence_key(a) != _sentence_key(b) or a.end > b.start:
        return None
    if _has_offsets(a):
        return ctx.text[a.end : b.start]
    # Claims without offsets: locate both spans in the sentence text.
    i = a.sentence.find(a.text)
    j = a.sentence.find(b.text, i + len(a.text)) if i >= 0 else -1
    return a.sentence[i + len(a.text) : j] if j >= 0 else None


def sentence_before(ctx: CheckContext, c: Claim) -> str:
    """The sentence text before ``c``."""
    if _has_offsets(c):
        return ctx.text[c.sentence_start : c.start]
    i = c.sentence.find(c.text)
    return c.sentence[:i] if i >= 0 else ""


def sentence_after(ctx: CheckContext, c: Claim) -> str:
    """The sentence text after ``c``."""
    if _has_offsets(c):
        return ctx.text[c.end : c.sentence_end]
    i = c.sentence.find(c.text)
    return c.sentence[i + len(c.text) :] if i >= 0 else ""


def clause_before(ctx: CheckContext, c: Claim, sentence: Sequence[Claim] = ()) -> str:
    """The clause leading to ``c``: after the last clause mark or earlier figure of the sentence.

    "In the first three quarters, production of NEVs reached 8.316 million" -> "production of
    NEVs reached ".
    """
    lead = sentence_before(ctx, c)
    cut = max(lead.rfind(";"), lead.rfind(":"), lead.rfind(","), lead.rfind("("))
    for other in sentence:
        if other.end <= c.start and other is not c:
            gap = between(ctx, other, c)
            if gap is not None:
                cut = max(cut, len(lead) - len(gap) - 1)
    return lead[cut + 1 :]


# --- sentences by offset --------------------------------------------------------------------

#: How far to look for a sentence boundary when a claim does not carry its sentence.
_REACH = 800
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|No|Nos|Vol|Fig|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|e\.g|i\.e|etc|vs|approx|Co|Inc|Ltd|Corp|Gov|Rep|Sen)|\b[A-Z]|\.[A-Z])\Z"
)


@attrs.frozen(slots=True)
class Sentence:
    """A sentence of the text (``start``, ``end`` offsets) with the claims inside it, in order."""

    start: int
    end: int
    claims: tuple[Claim, ...]
    starts: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(c.start for c in self.claims))

    def between(self, lo: int, hi: int) -> tuple[Claim, ...]:
        """The claims starting in ``[lo, hi)``, found by bisection (no scan of the sentence)."""
        return self.claims[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if m.group().startswith("\n"):
        return True
    return not _ABBREV.search(text, max(0, m.start() - 8), m.start())


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence around ``text[start:end]``, guessed from punctuation.

    Looks at most ``_REACH`` characters either way, so a text without punctuation costs no more
    than a bounded window per call.
    """
    lo = max(0, start - _REACH)
    s = lo
    for m in _SENT_END.finditer(text, lo, min(len(text), start + 3)):
        if m.end() <= start and _is_boundary(text, m):
            s = m.start() if m.group().startswith("\n") else m.end()
    hi = min(len(text), end + _REACH)
    e = hi
    for m in _SENT_END.finditer(text, end, min(len(text), hi + 3)):
        if _is_boundary(text, m):
            e = m.start() if m.group().startswith("\n") else m.end()
            break
    while s < start and text[s].isspace():
        s += 1
    return s, max(e, end)


def sentences(ctx: CheckContext) -> list[Sentence]:
    """Claims grouped by sentence, in document order (claims outside the text are dropped).

    Sentences never overlap: a claim whose sentence overlaps the previous one joins it, so each
    character of the text belongs to at most one sentence and scanning them stays linear.
    """
    text = ctx.text
    groups: list[tuple[int, int, list[Claim]]] = []
    guessed = (-1, -1)
    for c in sorted(ctx.claims, key=lambda c: (c.start, c.end)):
        if not (0 <= c.start <= c.end <= len(text)):
            continue
        s, e = c.sentence_start, c.sentence_end
        if not (0 <= s <= c.start and c.end <= e <= len(text) and s < e):
            # Claims without their sentence: guess once per sentence, not once per claim.
            if not (guessed[0] <= c.start and c.end <= guessed[1]):
                guessed = sentence_bounds(text, c.start, c.end)
            s, e = guessed
        if groups and s < groups[-1][1]:
            ps, pe, cs = groups[-1]
            cs.append(c)
            groups[-1] = (min(ps, s), max(pe, e), cs)
        else:
            groups.append((s, e, [c]))
    return [Sentence(s, e, tuple(cs)) for s, e, cs in groups]
