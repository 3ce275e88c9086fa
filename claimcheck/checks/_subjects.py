"""What a figure is about: subjects reduced to comparable phrases, and how two subjects relate.

Shared by the families that must tell whether two figures measure the same thing (``share``,
``part_whole``, ``difference``, ``granularity``) or one a narrower kind of the other
(``subset``): "vehicles produced" is "vehicle production", "smartphones" are "mobile phones".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs
from rapidfuzz import fuzz

from ..claim import Claim
from . import CheckContext
from ._text import sentence_after
from ._util import wordset

__all__ = [
    "GENERIC",
    "HYPONYMS",
    "Phrase",
    "claim_phrase",
    "covers",
    "lexical",
    "part_of",
    "phrase",
    "same_thing",
    "subject_words",
]

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


_STOP = wordset(
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
GENERIC = wordset(
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


def subject_words(c: Claim) -> set[str]:
    """The singular words of ``c``'s subject, for spotting averages, rates and scores."""
    return {_singular(w) for w in re.findall(r"[a-z]+", c.subject.lower())}
