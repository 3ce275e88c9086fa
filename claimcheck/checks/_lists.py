"""Coordinated lists ("A, B and C"): how many items a list holds, read forwards or backwards.

Shared by ``enumeration`` (a stated count against the items listed) and ``respectively``
(figures against the subjects they are paired with). Both read lists with no parser, only commas,
conjunctions and the first words of each chunk, so an ambiguous reading becomes a range of
counts (``Coordination.lo`` to ``hi``) rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._util import wordset

__all__ = [
    "PREPOSITIONS",
    "Coordination",
    "count_after",
    "count_before",
    "first_word",
    "mask_brackets",
    "trim_item",
    "word_list",
]


def mask_brackets(s: str) -> str:
    """``s`` with the inside of (...), [...] and “...” blanked, so their commas and "and"s
    do not split a list. Same length as ``s``; an unclosed bracket masks to the end.

    >>> mask_brackets("research (R&D, and design) and sales")
    'research (               ) and sales'
    """
    out = list(s)
    depth = 0
    closing = {"(": ")", "[": "]", "“": "”"}
    stack: list[str] = []
    for i, ch in enumerate(s):
        if stack and ch == stack[-1]:
            stack.pop()
            depth -= 1
            continue
        if ch in closing:
            if depth:
                out[i] = " "
            stack.append(closing[ch])
            depth += 1
            continue
        if depth:
            out[i] = " "
    return "".join(out)


@attrs.frozen(slots=True)
class Coordination:
    """How many items a coordinated list holds: between ``lo`` and ``hi`` when its reading is
    ambiguous ("oil and food, beverages and tobacco"); ``open`` when the text says it goes on
    ("and other cities", "etc.")."""

    lo: int
    hi: int
    items: tuple[str, ...]
    open: bool = False

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def admits(self, n: int) -> bool:
        return self.lo <= n <= self.hi

    def describe(self) -> str:
        return str(self.lo) if self.exact else f"{self.lo} to {self.hi}"


#: First words of a chunk that opens a clause or links sentences, not a list item.
_CONNECTORS = wordset(
    "meanwhile moreover however additionally furthermore also overall specifically currently "
    "similarly likewise notably besides then still thus therefore hence first second third "
    "fourth fifth sixth finally lastly today now yet so and but or this these those that it "
    "they we there here which who whom whose where when while whereas although though because "
    "since if instead indeed next later earlier recently previously accordingly consequently "
    "altogether again further namely"
)
#: A chunk opening with one of these may be an introduction ("In Hebei, ..."), not an item.
PREPOSITIONS = wordset(
    "in on at by for from with without during over under since until through throughout "
    "between among amid across after before within of to into as per via about around against "
    "toward towards beyond despite according upon like"
)
#: First words of a chunk that is no longer an item of a list read forwards.
_LIST_END_WORDS = wordset(
    "which that who whom whose where when while whereas with without to as so thus but although "
    "though because since accounting bringing making helping leading ensuring providing marking "
    "reaching ranking representing totaling totalling indicating showing respectively up down "
    "compared according each all both"
)
_CONJ = re.compile(
    r"(?:,[ \t\r\n]*)?\b(?:and|or|as[ \t\r\n]+well[ \t\r\n]+as|&)(?=[ \t\r\n])", re.I
)
_OXFORD = re.compile(r"\A(?:and|or|as\s+well\s+as|&)\s+", re.I)
_OPEN_END = re.compile(
    r"\b(?:and|or)\s+(?:many\s+|several\s+|various\s+|numerous\s+|some\s+)?(?:others?|more|so\s+on|"
    r"the\s+like|so\s+forth)\b|\betc\b|\bamong\s+others\b",
    re.I,
)
_OPEN_TAIL = re.compile(r"\A(?:others?|more|so\s+on|so\s+forth|the\s+like|etc)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w\-'’]*")


def word_list(s: str) -> list[str]:
    """The words of ``s`` (figures and punctuation dropped): what tells an item from a clause."""
    return _WORD.findall(s)


def first_word(s: str) -> str:
    """The first word of ``s``, lower-cased ("" when none): a list's introducer is read by it."""
    m = _WORD.search(s)
    return m.group().lower() if m else ""


def _tidy(s: str) -> str:
    return " ".join(s.split()).strip(" ,;:.\"'“”")


_ITEM_END = re.compile(
    r"\s(?:have|has|had|are|were|is|was|will|would|can|could|which|that|who|to|reached|rose|"
    r"fell|grew|increased|decreased|declined|accounted|achieved|contributed|saw|showed|"
    r"remained|recorded|posted|totaled|totalled)\b",
    re.I,
)


def _head_item(s: str) -> str:
    """An item read backwards, whose left edge is unknown: its last few words (for messages)."""
    words = _tidy(s).split()
    return ("... " if len(words) > 5 else "") + " ".join(words[-5:])


def trim_item(s: str) -> str:
    """The last item of a list without the clause that runs on after it (for messages)."""
    m = _ITEM_END.search(s)
    s = s[: m.start()] if m else s
    words = s.split()
    return " ".join(words[:6]) + (" ..." if len(words) > 6 else "")


def count_before(seg: str, blocked: Sequence[tuple[int, int]] = ()) -> Coordination | None:
    """The coordination ending in the last "and"/"or" of ``seg``, counted backwards.

    The item after the conjunction runs to the end of ``seg``; the items before it are the
    comma-separated chunks, read right to left until a chunk stops looking like an item.
    ``blocked`` holds spans (offsets into ``seg``) of figures: a chunk holding one is a clause,
    not an item. Chunks that may be an introduction ("In the first three quarters,") or a
    connective ("This was due to ...") widen the count to a range instead of deciding it.

    >>> count_before("Production and sales reached ").lo
    2
    >>> c = count_before("In Hebei, Shanxi and Shandong, output rose ")
    >>> (c.lo, c.hi)
    (2, 3)
    """
    masked = mask_brackets(seg)
    last = None
    for m in _CONJ.finditer(masked):
        if word_list(masked[m.end() :]):  # a trailing ", or " names no item
            last = m
    if last is None:
        return None
    cut = min((s for s, _ in blocked if s >= last.end()), default=len(seg))
    comma = masked.find(",", last.end(), cut)
    right = trim_item(_tidy(seg[last.end() : cut if comma < 0 else comma]))
    if not word_list(right):
        return None
    left = masked[: last.start()]
    bounds = []
    pos = 0
    for part in left.split(","):
        bounds.append((pos, pos + len(part)))
        pos += len(part) + 1
    lo = hi = 1
    items = [right]
    nested = 0
    for k, (a, b) in enumerate(reversed(bounds)):
        chunk = left[a:b]
        words = word_list(chunk)
        leftmost = k == len(bounds) - 1
        if any(a < e and s < b for s, e in blocked):
            if k == 0:
                return None
            break
        if not words:
            if k == 0:
                return None
            break
        lowered = [w.lower() for w in words]
        if k == 0:
            # The item right before the conjunction: always an item (the left edge is unknown
            # when it is also the leftmost chunk: "Production", "the operating income"). When it
            # opens a clause ("which sold cars and trucks") the list cannot reach further left.
            items.append(_head_item(seg[a:b]))
            lo += 1
            hi += 1
            nested += len(_CONJ.findall(chunk))
            if words[0].lower() in _CONNECTORS or words[0].lower() in PREPOSITIONS:
                break
            continue
        if all(w in _CONNECTORS or w.endswith("ly") for w in lowered):
            break
        head = lowered[0]
        doubtful = (
            head in PREPOSITIONS
            or head in _CONNECTORS
            or (head.endswith("ly") and len(head) > 4)
            or len(words) > 8
        )
        if doubtful:
            hi += 1
            items.append(_head_item(seg[a:b]))
            break
        items.append(_head_item(seg[a:b]))
        lo += 1
        hi += 1
        nested += len(_CONJ.findall(chunk))
        if leftmost:
            break
    if nested:
        hi += nested
        lo = 2
    return Coordination(lo, hi, tuple(reversed(items)))


def count_after(seg: str, *, limit_words: int = 6) -> Coordination | None:
    """The list starting at the beginning of ``seg``, counted forwards.

    Items are the comma-separated chunks up to the chunk holding the final "and"/"or" (which
    holds two items, or one after an Oxford comma). The list ends early at a chunk that starts
    a clause ("which ...", "with ...") or is long and has no conjunction. A list with no
    conjunction at all counts only when every chunk is short. ``open`` is set by "and other
    ...", "etc." and the like.

    >>> c = count_after("Nanning, Qingdao, Kunming and Haikou, which will help")
    >>> (c.lo, c.items)
    (4, ('Nanning', 'Qingdao', 'Kunming', 'Haikou'))
    >>> count_after("oil and gas, mining and construction").hi
    4
    """
    masked = mask_brackets(seg)
    chunks: list[tuple[int, int]] = []
    pos = 0
    for part in masked.split(","):
        chunks.append((pos, pos + len(part)))
        pos += len(part) + 1
    region: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(chunks):
        words = word_list(masked[a:b])
        if not words:
            if k == 0:
                return None
            break
        has_conj = bool(_CONJ.search(masked[a:b])) or bool(_OXFORD.match(masked[a:b].strip()))
        if k > 0 and words[0].lower() in _LIST_END_WORDS:
            break
        if not has_conj and len(words) > limit_words:
            break
        region.append((a, b))
    if not region:
        return None
    final = None
    for k in range(len(region) - 1, -1, -1):
        a, b = region[k]
        chunk = masked[a:b]
        if _OXFORD.match(chunk.strip()) or _CONJ.search(chunk):
            final = k
            break
    items: list[str] = []
    nested = 0
    if final is None:
        if len(region) < 2 or any(len(word_list(masked[a:b])) > 4 for a, b in region):
            return None
        items = [_tidy(seg[a:b]) for a, b in region]
    else:
        for a, b in region[:final]:
            items.append(_tidy(seg[a:b]))
            nested += len(_CONJ.findall(masked[a:b]))
        a, b = region[final]
        chunk = masked[a:b]
        om = _OXFORD.match(chunk.strip())
        if om:
            offset = a + (len(chunk) - len(chunk.lstrip())) + om.end()
            items.append(_tidy(seg[offset:b]))
        else:
            conjs = list(_CONJ.finditer(chunk))
            nested += len(conjs) - 1
            items.append(_tidy(seg[a : a + conjs[-1].start()]))
            items.append(_tidy(seg[a + conjs[-1].end() : b]))
        region = region[: final + 1]
    opened = any(_OPEN_END.search(masked[a:b]) for a, b in region)
    if opened and items and _OPEN_TAIL.match(items[-1]):
        items.pop()  # "A, B and other cities": the last chunk names no item of its own
    items = [i for i in items if word_list(i)]
    if items:
        items[-1] = trim_item(items[-1])
    n = len(items)
    if n < 1:
        return None
    return Coordination(2 if nested and n > 2 else n, n + nested, tuple(items), opened)
