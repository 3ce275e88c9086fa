"""Enumeration: a stated count against the items the text lists for it.

"international gateways in four cities: Nanning, Qingdao, Kunming and Haikou" states a count
(four) and lists its members; the two must agree. The list may follow the counted noun (after
":", "of", "(", "namely", a dash, or "including" / "such as", which do not claim to be
exhaustive) or precede it as an appositive ("China Mobile, China Telecom and China Unicom, the
three operators, ...").

This module also holds the two text helpers the other text-reading families share: claims grouped
by sentence (``sentences``) and the counting of a coordinated list ("A, B and C") read forwards
from its first item (``count_after``) or backwards from its conjunction (``count_before``).

Rules (see docs/checks/enumeration.md):

* CC1001 info: the count matches the items listed.
* CC1002 error: the count does not match (or a non-exhaustive list names more items than the
  count).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

import attrs

from ..claim import Claim
from ..report import Finding
from . import CheckContext, check, finding

__all__ = [
    "Coordination",
    "Sentence",
    "count_after",
    "count_before",
    "enumeration",
    "mask_brackets",
    "sentences",
]

NAME = "enumeration"

# --- sentences ------------------------------------------------------------------------------

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


def claim_sentence(text: str, c: Claim) -> tuple[int, int]:
    """The claim's own sentence: its recorded bounds when they hold it, else a guess."""
    s, e = c.sentence_start, c.sentence_end
    if 0 <= s <= c.start and c.end <= e <= len(text) and s < e:
        return s, e
    return sentence_bounds(text, c.start, c.end)


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


# --- coordinated lists ----------------------------------------------------------------------


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


def _split(words: str) -> list[str]:
    """A word list written as one string (long literal lists stay readable)."""
    return words.split()


_CONNECTORS = frozenset(
    _split(
        "meanwhile moreover however additionally furthermore also overall specifically currently "
        "similarly likewise notably besides then still thus therefore hence first second third "
        "fourth fifth sixth finally lastly today now yet so and but or this these those that it "
        "they we there here which who whom whose where when while whereas although though because "
        "since if instead indeed next later earlier recently previously accordingly consequently "
        "altogether again further namely"
    )
)
_PREPOSITIONS = frozenset(
    _split(
        "in on at by for from with without during over under since until through throughout "
        "between among amid across after before within of to into as per via about around against "
        "toward towards beyond despite according upon like"
    )
)
#: First words of a chunk that is no longer an item of a list read forwards.
_LIST_END_WORDS = frozenset(
    _split(
        "which that who whom whose where when while whereas with without to as so thus but although "
        "though because since accounting bringing making helping leading ensuring providing marking "
        "reaching ranking representing totaling totalling indicating showing respectively up down "
        "compared according each all both"
    )
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


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _first_word(s: str) -> str:
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


def _trim_item(s: str) -> str:
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
        if _words(masked[m.end() :]):  # a trailing ", or " names no item
            last = m
    if last is None:
        return None
    cut = min((s for s, _ in blocked if s >= last.end()), default=len(seg))
    comma = masked.find(",", last.end(), cut)
    right = _trim_item(_tidy(seg[last.end() : cut if comma < 0 else comma]))
    if not _words(right):
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
        words = _words(chunk)
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
            if words[0].lower() in _CONNECTORS or words[0].lower() in _PREPOSITIONS:
                break
            continue
        if all(w in _CONNECTORS or w.endswith("ly") for w in lowered):
            break
        head = lowered[0]
        doubtful = (
            head in _PREPOSITIONS
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
        words = _words(masked[a:b])
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
        if len(region) < 2 or any(len(_words(masked[a:b])) > 4 for a, b in region):
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
    items = [i for i in items if _words(i)]
    if items:
        items[-1] = _trim_item(items[-1])
    n = len(items)
    if n < 1:
        return None
    return Coordination(2 if nested and n > 2 else n, n + nested, tuple(items), opened)


# --- the check ------------------------------------------------------------------------------

#: Nouns counted in time or measure, not members: "the first three quarters of 2024".
_MEASURE_NOUNS = frozenset(
    _split(
        "years months quarters weeks days hours minutes seconds times decades centuries percent "
        "points percentage cents yuan dollars euros pounds tons tonnes kilometers kilometres miles "
        "meters metres sessions rounds batches consecutive"
    )
)
_PLURAL_IRREGULAR = frozenset(_split("people children media data criteria personnel staff"))
_NP_STOP = frozenset(
    _split(
        "of and or in for to with were are was is have has had be been will would that which "
        "by on at from than as"
    )
)
_NP = re.compile(
    r"\A(?P<np>(?:[ \t]+[A-Za-z“\"][\w\-'’”\"]*){1,5}?)"
    r"(?P<intro>[ \t]*:[ \t]*(?!\n)|[ \t]+of[ \t]+|[ \t]*\([ \t]*|[ \t]*,?[ \t]+(?:namely|i\.e\.)[,:]?[ \t]+"
    r"|[ \t]*(?:—|–|--)[ \t]*"
    r"|[ \t]*,?[ \t]+(?P<partial>including|such[ \t]+as|like|e\.g\.,?|for[ \t]+example,?|"
    r"among[ \t]+them,?|among[ \t]+which)[ \t]+)",
)
_APPOSITIVE_BEFORE = re.compile(
    r"(?:,|\(|—|–|--)[ \t]*(?:(?:the|these|those|all|its|their|our|China's)[ \t]+)?\Z", re.I
)
_APPOSITIVE_AFTER = re.compile(
    r"\A(?:[ \t]+(?!of\b|and\b|or\b)[A-Za-z“\"][\w\-'’”\"]*){1,5}?[ \t]*(?:,|\)|—|–|--|;|\.(?!\d)|\Z)"
)
_RANKED_BEFORE = re.compile(
    r"\b(?:top|first|last|next|past|No\.|number|over|the\s+other)\s*\Z", re.I
)
_ENDS = {"(": ")", "—": "—", "–": "–", "--": "--"}


#: Writers enumerate short lists; "135 exemplary cases of ..." is a count, not a list header.
_MAX_COUNT = 30


def _count_value(c: Claim) -> int | None:
    """The count a claim states, if it is a small whole count of things."""
    if c.unit or c.kind != "level" or c.qualifier != "exact" or c.bound:
        return None
    if not (2 <= c.value <= _MAX_COUNT) or c.value != int(c.value):
        return None
    if re.search(r"[.%]", c.text):
        return None
    return int(c.value)


def _plural(noun: str) -> bool:
    n = noun.lower().strip("“”\"'")
    return n in _PLURAL_IRREGULAR or (len(n) > 2 and n.endswith("s") and not n.endswith("ss"))


def _np_ok(np_text: str) -> str | None:
    words = np_text.split()
    if not words or any(w.lower().strip("“”\"'") in _NP_STOP for w in words):
        return None
    noun = words[-1].strip("“”\"'")
    if not _plural(noun) or noun.lower() in _MEASURE_NOUNS:
        return None
    return " ".join(words)


def _region_after(text: str, start: int, sent_end: int, opener: str) -> str:
    """The stretch a list after its introducer may occupy: to the closing bracket or dash for
    "(" and dashes, else to the end of the sentence or the first ";"."""
    end = min(sent_end, start + 400)
    if opener == "(":
        depth = 1
        for k in range(start, end):
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            if depth == 0:
                return text[start:k]
        return text[start:end]
    closer = _ENDS.get(opener)
    if closer:
        k = text.find(closer, start, end)
        return text[start : (k if k >= 0 else end)]
    seg = text[start:end]
    k = seg.find(";")
    return seg if k < 0 else seg[:k]


def _verdict(
    c: Claim, n: int, np_text: str, coord: Coordination, partial: bool, how: str
) -> Finding | None:
    listed = ", ".join(coord.items)
    if partial or coord.open:
        if len(coord.items) > n:
            return finding(
                "CC1002",
                NAME,
                "error",
                f'"{c.text} {np_text}" but the text names {len(coord.items)} of them '
                f"({listed}) {how}",
                [c],
                expected=float(n),
                observed=float(len(coord.items)),
                slip=float(len(coord.items) - n),
            )
        return None
    if coord.admits(n):
        return finding(
            "CC1001",
            NAME,
            "info",
            f'"{c.text} {np_text}" and {coord.describe()} listed {how}: {listed}',
            [c],
            expected=float(n),
            observed=float(n),
            slip=0.0,
        )
    observed = coord.lo if n < coord.lo else coord.hi
    return finding(
        "CC1002",
        NAME,
        "error",
        f'"{c.text} {np_text}" but {coord.describe()} listed {how}: {listed}',
        [c],
        expected=float(n),
        observed=float(observed),
        slip=float(abs(observed - n)),
    )


def _after(text: str, c: Claim, n: int, sent_end: int) -> Finding | None:
    if _RANKED_BEFORE.search(text, max(0, c.start - 12), c.start):
        return None
    m = _NP.match(text[c.end : min(sent_end, c.end + 200)])
    if not m:
        return None
    np_text = _np_ok(m.group("np"))
    if np_text is None:
        return None
    intro = m.group("intro").strip(" \t,")
    opener = intro if intro in _ENDS else ""
    seg = _region_after(text, c.end + m.end(), sent_end, opener)
    if intro.startswith(":") and not seg.strip():
        return None  # "the following four aspects:" and a paragraph list
    coord = count_after(seg)
    if coord is None:
        return None
    partial = m.group("partial") is not None
    if intro == "of":
        # "the three main characteristics of the economy and society": "of" may introduce a
        # complement, not the members; a two-item "of" list is too weak to call an error.
        first = _first_word(seg)
        if first in ("this", "that", "last", "next", "the") and len(coord.items) < 3:
            return None
        if any(w.lower() in _PREPOSITIONS for w in _words(coord.items[0])):
            return None  # "cases of new digital services across ...": a complement
        if len(coord.items) < 3 and not coord.admits(n):
            return None
    how = {"of": 'after "of"', ":": 'after ":"', "(": "in brackets"}.get(intro, f'after "{intro}"')
    return _verdict(c, n, np_text, coord, partial, how)


def _before(text: str, c: Claim, n: int, sent_start: int) -> Finding | None:
    lead = _APPOSITIVE_BEFORE.search(text, max(sent_start, c.start - 24), c.start)
    if not lead:
        return None
    m = _APPOSITIVE_AFTER.match(text[c.end : c.end + 120])
    if not m:
        return None
    np_text = _np_ok(re.sub(r"[,)—–;.]|--", " ", m.group()))
    if np_text is None:
        return None
    seg_start = max(sent_start, lead.start() - 400)
    coord = count_before(text[seg_start : lead.start()])
    if coord is None:
        return None
    return _verdict(c, n, np_text, coord, False, "before it")


@check(NAME)
def enumeration(ctx: CheckContext) -> Iterator[Finding]:
    """A stated count ("four cities") against the items listed for it."""
    text = ctx.text
    for sent in sentences(ctx):
        for c in sent.claims:
            n = _count_value(c)
            if n is None:
                continue
            f = _after(text, c, n, sent.end) or _before(text, c, n, sent.start)
            if f is not None:
                yield f
