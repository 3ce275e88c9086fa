"""Enumeration: a stated count against the items the text lists for it.

"international gateways in four cities: Nanning, Qingdao, Kunming and Haikou" states a count
(four) and lists its members; the two must agree. The list may follow the counted noun (after
":", "of", "(", "namely", a dash, or "including" / "such as", which do not claim to be
exhaustive) or precede it as an appositive ("China Mobile, China Telecom and China Unicom, the
three operators, ...").

Lists are counted by ``_lists`` and sentences found by ``_text``, which ``respectively`` and
``comparative`` share.

Rules (see docs/checks/enumeration.md):

* CC1001 info: the count matches the items listed.
* CC1002 error: the count does not match (or a non-exhaustive list names more items than the
  count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..claim import Claim
from ..report import Finding
from . import CheckContext, check, finding
from ._lists import PREPOSITIONS, Coordination, count_after, count_before, first_word, word_list
from ._text import sentences
from ._util import wordset

__all__ = ["enumeration"]

NAME = "enumeration"

#: Nouns counted in time or measure, not members: "the first three quarters of 2024".
_MEASURE_NOUNS = wordset(
    "years months quarters weeks days hours minutes seconds times decades centuries percent "
    "points percentage cents yuan dollars euros pounds tons tonnes kilometers kilometres miles "
    "meters metres sessions rounds batches consecutive"
)
_PLURAL_IRREGULAR = wordset("people children media data criteria personnel staff")
_NP_STOP = wordset(
    "of and or in for to with were are was is have has had be been will would that which "
    "by on at from than as"
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
        first = first_word(seg)
        if first in ("this", "that", "last", "next", "the") and len(coord.items) < 3:
            return None
        if any(w.lower() in PREPOSITIONS for w in word_list(coord.items[0])):
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
