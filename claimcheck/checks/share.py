"""Shares against their part and whole: ``100 * part / whole`` must meet the stated share.

Rules (documented in ``docs/checks/share.md``):

* CC201 info -- a stated share agrees with its stated part and whole (within rounding);
* CC202 error -- it does not;
* CC203 info -- a part and its whole stated together without a share: the share they imply.

This module also holds the small toolkit every arithmetic family shares (``difference``,
``part_whole``, ``subset``, ``growth``, ``granularity``, ``derived``): sentence windows, subject
phrases, unit factors, and ``verdict``, which turns a stated and a computed interval into a
finding. Pairing is local: a claim is only ever paired with claims of its own sentence or of the
adjacent sentences of the same paragraph, so a document costs time linear in its claims.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs
from rapidfuzz import fuzz

from ..claim import Claim
from ..intervals import Interval, compatible, percent_of, slip
from ..report import Finding
from ..units import ureg
from . import CheckContext, check, finding
from ._util import fmt, interval, same_period

__all__ = [
    "Phrase",
    "Window",
    "additive",
    "between",
    "claim_phrase",
    "clause_before",
    "covers",
    "expected_of",
    "factor",
    "find_part",
    "find_whole",
    "flips",
    "is_share",
    "lexical",
    "part_of",
    "phrase",
    "said",
    "same_sentence",
    "same_thing",
    "scaled",
    "sentence_after",
    "sentence_before",
    "show",
    "value_range",
    "verdict",
    "windows",
]

# ============================================================================================
# Toolkit shared by the arithmetic families
# ============================================================================================

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


# --- subject phrases ------------------------------------------------------------------------

#: Words that name how a quantity was measured; kept apart from what was measured.
_MEASURES = {
    "production": "produced", "produced": "produced", "produce": "produced",
    "output": "produced", "manufactured": "produced",
    "export": "exported", "exports": "exported", "exported": "exported",
    "import": "imported", "imports": "imported", "imported": "imported",
    "sale": "sold", "sales": "sold", "sold": "sold",
    "shipment": "shipped", "shipments": "shipped", "shipped": "shipped",
}  # fmt: skip

#: Abbreviations and synonyms, normalized before comparison.
_EXPAND = {
    "nev": ("new", "energy", "vehicle"),
    "nevs": ("new", "energy", "vehicle"),
    "new-energy": ("new", "energy"),
    "ev": ("electric", "vehicle"),
    "evs": ("electric", "vehicle"),
    "automobile": ("vehicle",),
    "automobiles": ("vehicle",),
    "auto": ("vehicle",),
    "autos": ("vehicle",),
    "cellphone": ("mobile", "phone"),
    "cellphones": ("mobile", "phone"),
    "handset": ("mobile", "phone"),
    "handsets": ("mobile", "phone"),
    "industrial": ("industry",),
    "industries": ("industry",),
    "smart-phone": ("smartphone",),
    "smart-phones": ("smartphone",),
}

#: Known hyponyms a subject's words do not show: each token set names a kind of the other.
#: (Other specializations -- "rural internet users" of "internet users", "5G base stations" of
#: "base stations" -- follow from the generic rule: the narrower subject adds a modifier.)
HYPONYMS: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = (
    (frozenset({"smartphone"}), ("mobile", "phone")),
    (frozenset({"laptop"}), ("computer",)),
    (frozenset({"tablet"}), ("computer",)),
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    """
    the a an of in on at for from to by with and or as than its their our this that these those
    all each every total number amount volume value-of same period year year-on-year
    month-on-month on-year yoy has have had is are was were be been being will would now also
    reached reach reaches totaled totalled stood stand amounted hit exceeded exceeding
    accounted accounting account accounts represented representing made making up respectively
    nearly about around over more less some approximately roughly cumulatively overall
    country's nation's world's china's china chinese
    unit units item items piece pieces set sets time times numbered numbering
    quarter quarters month months week weeks first second third fourth half january february
    march april may june july august september october november december
    """
)

#: Heads that name no thing of their own ("industrial growth" is about industry).
GENERIC = _words(
    """growth rate increase decrease rise decline drop fall gain share proportion percentage
    level figure change pace speed"""
)


@attrs.frozen(slots=True)
class Phrase:
    """A subject reduced to what was measured (``things``) and how (``measures``)."""

    things: frozenset[str]
    measures: frozenset[str]
    #: The noun the phrase is about; a narrower kind keeps it ("rural internet *users*").
    head: str = ""

    def __bool__(self) -> bool:
        return bool(self.things)


def _singular(w: str) -> str:
    if not w.isalpha() or len(w) <= 3 or w.endswith(("ss", "us", "is", "ics")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


#: Where a noun phrase's head ends: "industrial enterprises | above designated size",
#: "profits | (UK insurance companies)", "production | of NEVs".
_SEGMENT = re.compile(
    r"\(|\)|,|\b(?:of|in|on|at|for|from|by|with|to|among|above|below|under|over|across|within)\b"
)


def _tokens(segment: str) -> tuple[list[str], set[str]]:
    """Normalized things (in order) and measures of one stretch of a subject."""
    things: list[str] = []
    measures: set[str] = set()
    for raw in re.findall(r"[a-z0-9][a-z0-9'&/\-]*", segment):
        w = raw.strip("'-/")
        if not w or w in _STOP or w.replace(".", "").replace(",", "").isdigit():
            continue
        if w.endswith("'s"):
            continue  # a possessor ("China's", "the country's")
        if w not in _EXPAND:
            w = _singular(w)
        if w in _MEASURES:
            measures.add(_MEASURES[w])
            continue
        things.extend(t for t in _EXPAND.get(w, (w,)) if t not in _STOP)
    return things, measures


@functools.lru_cache(maxsize=4096)
def phrase(text: str, *, keep_generic: bool = True) -> Phrase:
    """Normalize a subject: lower case, singular, abbreviations expanded, function words dropped.

    The head is the last noun of the first stretch naming a thing ("rural internet users" ->
    "user"; "production of NEVs" -> "vehicle"; "profits (UK insurers)" -> "profit").

    >>> p = phrase("production of NEVs")
    >>> sorted(p.things), sorted(p.measures), p.head
    (['energy', 'new', 'vehicle'], ['produced'], 'vehicle')
    >>> sorted(phrase("China's smartphone shipments").things)
    ['smartphone']
    """
    low = text.replace("’", "'").replace("“", " ").replace("”", " ").replace('"', " ").lower()
    low = re.sub(r"\b(?:value\s+added|added\s+value)\b", "value-added", low)
    things: set[str] = set()
    measures: set[str] = set()
    head = ""
    for segment in _SEGMENT.split(low):
        ts, ms = _tokens(segment)
        measures |= ms
        named = [t for t in ts if t not in GENERIC]
        things.update(ts if keep_generic else named)
        if not head and named:
            head = named[-1]
    return Phrase(frozenset(things), frozenset(measures), head)


def claim_phrase(ctx: CheckContext, c: Claim, sentence: Sequence[Claim] = ()) -> Phrase:
    """``phrase(c.subject)``, completed from the sentence when the subject is incomplete.

    * the noun counted right after the figure when the subject names no thing ("Production
      reached 21.47 million *vehicles*": subject "Production");
    * one measure per figure of a "respectively" list ("Production and sales reached A and B,
      respectively": A is produced, B sold), given the claims of ``sentence``.
    """
    p = phrase(c.subject)
    if not p and not c.unit:
        m = re.match(r"\s+([A-Za-z][A-Za-z\-]+)\b", sentence_after(ctx, c))
        if m is not None and m.group(1).lower() not in _STOP | _NOT_NOUNS:
            p = phrase(f"{c.subject} {m.group(1)}")
    if len(p.measures) > 1 and sentence and "respectively" in c.sentence.lower():
        order = list(
            dict.fromkeys(
                _MEASURES[w] for w in re.findall(r"[a-z]+", c.subject.lower()) if w in _MEASURES
            )
        )
        peers = [x for x in sentence if (x.subject, x.unit, x.kind) == (c.subject, c.unit, c.kind)]
        if len(peers) == len(order) and c in peers:
            p = attrs.evolve(p, measures=frozenset({order[peers.index(c)]}))
    return p


#: Words after a figure that are not the thing counted.
_NOT_NOUNS = frozenset(
    {"year", "years", "yuan", "percent", "people's", "more", "less", "higher", "lower", "times"}
)


def _tok_eq(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 7 and fuzz.ratio(a, b) >= 90)


def _subset(small: Iterable[str], big: frozenset[str]) -> bool:
    return all(any(_tok_eq(s, b) for b in big) for s in small)


def _measures_agree(a: Phrase, b: Phrase) -> bool:
    """Same way of measuring, or one of them unstated; "production and sales" is unstated."""
    if len(a.measures) != 1 or len(b.measures) != 1:
        return True
    return a.measures == b.measures


def _same_measure(a: Phrase, b: Phrase) -> bool:
    """Measured the same way; an unstated measure only stands in for production, sales or
    shipments (never for exports or imports, which are a part of those)."""
    if a.measures == b.measures:
        return True
    stated = a.measures or b.measures
    return not (a.measures and b.measures) and not stated & {"exported", "imported"}


def same_thing(a: Phrase, b: Phrase) -> bool:
    """The same things measured the same way ("vehicles produced" ~ "vehicle production")."""
    return (
        bool(a)
        and bool(b)
        and _subset(a.things, b.things)
        and _subset(b.things, a.things)
        and _measures_agree(a, b)
    )


def covers(big: Phrase, small: Phrase) -> bool:
    """``big`` names ``small``'s things, maybe with more words ("production of NEVs" ~ "NEVs")."""
    return bool(small) and _subset(small.things, big.things) and _measures_agree(big, small)


def _generalize(p: Phrase) -> tuple[frozenset[str], str]:
    """``p``'s things and head with lexicon hyponyms replaced by their hypernyms."""
    things, head = set(p.things), p.head
    for hypo, hyper in HYPONYMS:
        if hypo <= things:
            things = (things - hypo) | set(hyper)
            if head in hypo:
                head = hyper[-1]
    return frozenset(things), head


def part_of(a: Phrase, b: Phrase) -> str | None:
    """How ``a`` is part of ``b``: "kind" (a narrower kind, same measure), "exports" (exports of
    what ``b`` produced or sold), or None.

    >>> part_of(phrase("smartphones"), phrase("mobile phones"))
    'kind'
    >>> part_of(phrase("rural internet users"), phrase("internet users"))
    'kind'
    >>> part_of(phrase("vehicles exported"), phrase("vehicle production"))
    'exports'
    >>> part_of(phrase("internet users"), phrase("rural internet users")) is None
    True
    """
    if not a or not b:
        return None
    general, head = _generalize(a)
    narrower = (
        _subset(b.things, general)
        and (len(a.things) > len(b.things) or general != a.things)
        and _tok_eq(head, b.head)
    )
    equal = _subset(b.things, a.things) and _subset(a.things, b.things)
    if a.measures == {"exported"} and b.measures & {"produced", "sold"} and (narrower or equal):
        return "exports"
    if narrower and _same_measure(a, b):
        return "kind"
    return None


def lexical(text: str) -> bool:
    """Whether ``text`` names a kind through the lexicon or an abbreviation ("smartphones",
    "NEVs"), rather than by a modifier the generic rule reads."""
    words = {_singular(w) for w in re.findall(r"[a-z0-9\-]+", text.lower())}
    return bool(words & (set(_EXPAND) | {h for hypo, _ in HYPONYMS for h in hypo}))


# --- quantities -----------------------------------------------------------------------------

#: Words marking a quantity that does not add up over parts (a balance, an average, a rate).
_NOT_ADDITIVE = _words(
    """average mean median rate index price deficit surplus balance net per ratio profit loss
    revision yield"""
)


def additive(c: Claim) -> bool:
    """A non-negative stock or flow that parts add up to (counts, money, tonnes ...)."""
    if c.kind != "level" or c.unit in ("percent", "percentage_point") or "/" in c.unit:
        return False
    if c.value < 0 or c.bound:
        return False
    return not _subject_words(c) & _NOT_ADDITIVE


def _subject_words(c: Claim) -> set[str]:
    return {_singular(w) for w in re.findall(r"[a-z]+", c.subject.lower())}


@functools.lru_cache(maxsize=256)
def factor(src: str, dst: str) -> float | None:
    """Multiply a magnitude in ``src`` by this to get ``dst``; None across dimensions."""
    if src == dst:
        return 1.0
    if {src, dst} & {"percent", "percentage_point"}:
        return None
    try:
        return float(ureg.Quantity(1, src or "dimensionless").to(dst or "dimensionless").magnitude)
    except Exception:  # pint raises several error types for unknown or mismatched units
        return None


def value_range(c: Claim) -> Interval:
    """The values ``c`` admits: ``_util.interval``, except that a count of things (or a change
    in one) stated to the unit is exact ("72 lighthouse factories" is 72: no other whole number
    rounds to it). Indexes, rates, averages and scores are not counts and keep their interval.

    >>> from claimcheck.claim import Claim
    >>> c = Claim("c1", 0, 2, "72", 1, 1, 72.0, "", "exact", "level", "factories", resolution=1)
    >>> value_range(c)
    Interval(72.0, 72.0)
    """
    if (
        c.unit == ""
        and c.kind in ("level", "change")
        and c.qualifier == "exact"
        and c.resolution == 1
        and float(c.value).is_integer()
        and not _subject_words(c) & (_NOT_ADDITIVE | {"score", "point"})
    ):
        return Interval.point(c.value)
    return interval(c)


def scaled(c: Claim, unit: str) -> Interval:
    """``value_range(c)`` expressed in ``unit`` (callers check ``factor`` first)."""
    f = factor(c.unit, unit)
    assert f is not None
    iv = value_range(c)
    return iv if f == 1.0 else iv * f


# --- verdicts -------------------------------------------------------------------------------

_ONE_SIDED = ("more_than", "less_than", "at_least", "at_most")


def _above(iv: Interval, t: float) -> bool:
    return iv.lo > t or (iv.lo == t and iv.lo_open)


def _below(iv: Interval, t: float) -> bool:
    return iv.hi < t or (iv.hi == t and iv.hi_open)


def flips(stated: Interval, computed: Interval, thresholds: Iterable[float]) -> bool:
    """Whether a threshold separates the stated from the computed range (a flipped conclusion)."""
    return any(
        (_above(stated, t) and _below(computed, t)) or (_below(stated, t) and _above(computed, t))
        for t in thresholds
    )


def expected_of(computed: Interval, observed: float) -> float:
    """The figure the other claims imply: the centre of a bounded range, else its nearest end."""
    if computed.is_bounded:
        return computed.mid
    if computed.is_everything:
        return observed
    return min(max(observed, computed.lo), computed.hi)


_QUALIFIER_WORDS = {
    "more_than": "over",
    "less_than": "under",
    "at_least": "at least",
    "at_most": "at most",
    "about": "about",
}


def said(c: Claim) -> str:
    """The figure as the text qualifies it ("over 90%"), even when the span holds only "90%"."""
    word = _QUALIFIER_WORDS.get(c.qualifier, "")
    first = c.text[:1]
    if not word or not first or not (first.isdigit() or first in "+-−$£€¥"):
        return c.text
    return f"{word} {c.text}"


def show(iv: Interval, unit: str = "", *, span: bool = False) -> str:
    """A computed range as a figure (its centre), with the range itself when ``span``."""
    if not iv.is_bounded:
        if math.isinf(iv.hi) and math.isfinite(iv.lo):
            return f"at least {fmt(iv.lo, unit)}"
        if math.isinf(iv.lo) and math.isfinite(iv.hi):
            return f"at most {fmt(iv.hi, unit)}"
        return "undetermined"
    mid = fmt(iv.mid, unit)
    if span and iv.width > 0:
        return f"{mid} ({fmt(iv.lo, unit)} to {fmt(iv.hi, unit)})"
    return mid


def gap_unit(unit: str) -> str:
    """The unit a difference of two figures in ``unit`` is written in."""
    return "percentage_point" if unit == "percent" else unit


def verdict(
    *,
    check_name: str,
    rules: tuple[str, str],
    stated: Claim,
    computed: Interval,
    claims: Sequence[Claim],
    what: str,
    arithmetic: str,
    unit: str | None = None,
    thresholds: Iterable[float] = (),
    stated_iv: Interval | None = None,
    observed: float | None = None,
) -> Finding:
    """``rules[0]`` (info) when ``stated`` can equal ``computed``, else ``rules[1]`` (error).

    ``gross`` when a threshold separates them, or when the stated figure is itself a threshold
    ("more than 50%") that the computation contradicts.
    """
    unit = stated.unit if unit is None else unit
    s_iv = value_range(stated) if stated_iv is None else stated_iv
    observed = stated.value if observed is None else observed
    expected = expected_of(computed, observed)
    if compatible(s_iv, computed):
        msg = f"{what}: {arithmetic} = {show(computed, unit)}, stated {said(stated)}"
        return finding(
            rules[0], check_name, "info", msg, claims,
            expected=expected, observed=observed, slip=0.0,
        )  # fmt: skip
    size = slip(s_iv, computed)
    gross = flips(s_iv, computed, thresholds) or stated.qualifier in _ONE_SIDED
    msg = (
        f"{what}: {arithmetic} = {show(computed, unit, span=True)}, but the text states "
        f"{said(stated)} (off by {fmt(size, gap_unit(unit))} beyond rounding)"
    )
    return finding(
        rules[1], check_name, "error", msg, claims,
        expected=expected, observed=observed, gross=gross, slip=size,
    )  # fmt: skip


def is_share(c: Claim) -> bool:
    return c.kind == "share" and c.unit == "percent"


# ============================================================================================
# The share family
# ============================================================================================

CHECK = "share"

#: "NEVs accounted for 38.7% of the 21.47 million vehicles": the whole follows "of (the)".
_WHOLE_CUE = re.compile(r"^\s*of\s+(?:the\s+|all\s+|a\s+total\s+of\s+|these\s+|those\s+)?$", re.I)
#: "... to 72, accounting for 42% of ...": the part comes right before the share.
_PART_CUE = re.compile(
    r"^\s*,\s*$|"  # an appositive share: "3.3 trillion yuan, 2.65% of GDP"
    r"^[\s,(]*(?:(?:which|that|and)\s+)?(?:[\w\-]*[a-z][\w\-]*[\s,]+){0,4}?"
    r"(?:accounting\s+for|accounted\s+for|accounts\s+for|account\s+for|representing|represents|"
    r"represented|making\s+up|made\s+up|makes\s+up|or|equal\s+to|equivalent\s+to|equating\s+to|"
    r"equated\s+to|share\s+of|a\s+share\s+of|a\s+proportion\s+of)\s*$",
    re.I,
)


def _whole_phrase(s: Claim) -> Phrase:
    return phrase(s.whole, keep_generic=False)


def find_whole(ctx: CheckContext, s: Claim, w: Window) -> Claim | None:
    """The stated whole a share ``s`` is of, within its window; None when not stated."""
    for c in w.sentence:
        if c.start > s.start and additive(c) and same_period(s, c):
            gap = between(ctx, s, c)
            if gap is not None and _WHOLE_CUE.match(gap):
                return c
            break  # only the figure right after the share can be its "of the N"
    target = _whole_phrase(s)
    if not target:
        return None
    subject = phrase(s.subject)
    found = [
        c
        for c in w.near
        if c is not s
        and additive(c)
        and same_period(s, c)
        and same_thing(phrase(c.subject), target)
        and not (subject and covers(phrase(c.subject), subject))
    ]
    return min(found, key=lambda c: abs(c.start - s.start)) if found else None


def find_part(
    ctx: CheckContext,
    s: Claim,
    w: Window,
    whole: Claim | None = None,
    *,
    strict: bool = False,
) -> Claim | None:
    """The stated part a share ``s`` is the share of, within its window; None when not stated.

    The part is the figure right before the share ("to 72, accounting for 42%"), or a nearby
    level whose subject names the share's subject. With ``strict`` (no stated whole to check the
    unit against) a part found by subject must also be a kind of the share's whole ("production
    of NEVs" of "vehicles produced").
    """
    earlier = [c for c in w.sentence if c.end <= s.start]
    if earlier:
        c = earlier[-1]
        gap = between(ctx, c, s)
        if additive(c) and c is not whole and gap is not None and _PART_CUE.match(gap):
            return c if same_period(s, c) else None
    subject = phrase(s.subject)
    if not subject:
        return None
    target = _whole_phrase(s)
    found = []
    for c in w.near:
        if c is s or c is whole or not additive(c) or not same_period(s, c):
            continue
        if whole is not None and factor(c.unit, whole.unit) is None:
            continue
        mine = phrase(c.subject)
        if not covers(mine, subject):
            # The subject may sit in the clause rather than in the claim's noun ("production of
            # NEVs reached 8.316 million vehicles"), provided the clause names one thing only.
            clause = phrase(f"{c.subject} {clause_before(ctx, c, w.near)}")
            if not covers(clause, subject) or len(clause.measures) > 1:
                continue
            mine = clause
        if target and same_thing(mine, target):
            continue
        if strict and not (target and (part_of(mine, target) or covers(mine, target))):
            continue
        found.append(c)
    return min(found, key=lambda c: abs(c.start - s.start)) if found else None


def _judge(s: Claim, part: Claim, whole: Claim) -> Finding:
    f = factor(part.unit, whole.unit)
    assert f is not None
    computed = percent_of(scaled(part, whole.unit), value_range(whole))
    arithmetic = f"{fmt(part.value, part.unit)} / {fmt(whole.value, whole.unit)}"
    name = s.subject or part.subject or "part"
    of = s.whole or whole.subject or "the whole"
    return verdict(
        check_name=CHECK,
        rules=("CC201", "CC202"),
        stated=s,
        computed=computed,
        claims=(s, part, whole),
        what=f"share of {name} in {of}",
        arithmetic=arithmetic,
        thresholds=(50.0, 100.0),
    )


def _implied(ctx: CheckContext, w: Window, used: set[str]) -> Iterator[Finding]:
    """CC203: a part and its whole in one sentence, no share stated between them."""
    levels = [c for c in w.sentence if additive(c) and c.id not in used]
    for i, a in enumerate(levels):
        for b in levels[i + 1 :]:
            if factor(a.unit, b.unit) is None or not same_period(a, b):
                continue
            pa, pb = phrase(a.subject), phrase(b.subject)
            for part, whole, pp, pw in ((a, b, pa, pb), (b, a, pb, pa)):
                if part_of(pp, pw) is None:
                    continue
                computed = percent_of(scaled(part, whole.unit), value_range(whole))
                if computed.lo > 100:
                    break  # a part above its whole is the subset check's error, not a share
                msg = (
                    f"{part.subject} as a share of {whole.subject}: "
                    f"{fmt(part.value, part.unit)} / {fmt(whole.value, whole.unit)} = "
                    f"{show(computed, 'percent', span=True)}"
                )
                yield finding("CC203", CHECK, "info", msg, (part, whole), expected=computed.mid)
                break


@check(CHECK)
def share_check(ctx: CheckContext) -> list[Finding]:
    """CC201/CC202 for every share whose part and whole are stated nearby; CC203 otherwise."""
    out: list[Finding] = []
    for w in windows(ctx):
        used: set[str] = set()
        for s in w.sentence:
            if not is_share(s):
                continue
            whole = find_whole(ctx, s, w)
            part = find_part(ctx, s, w, whole) if whole is not None else None
            if whole is None or part is None or factor(part.unit, whole.unit) is None:
                continue
            if not same_period(part, whole):
                continue
            out.append(_judge(s, part, whole))
            used.update((part.id, whole.id))
        out.extend(_implied(ctx, w, used))
    return out
