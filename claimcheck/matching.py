"""Restatement matching: which claims of a document state the same fact.

Two claims state the same fact when they measure the same thing (subject, and for a share the
same whole), over compatible periods (equal, or one unknown), as the same kind of figure, in units
of the same dimensionality, and both or neither are a bound of a stated range. The value is *not*
part of the identity -- a restated figure may be misstated, and that is what the ``restatement``
check looks for -- but a wildly different value (more than ``VALUE_RATIO`` apart) needs a
near-identical subject before two claims are linked, and a subject with one word more than the
other ("gigabit broadband access users" / "gigabit broadband users") needs values within
``SUBSET_VALUE_RATIO``. Linking two values that cannot both be true asserts a misstatement, so
it needs more evidence: a subject of at least ``MIN_TOKENS_TO_CONTRADICT`` words that the
document does not use as a label for several figures (``CROWDED``, ``REFINED``), in sentences
that do not merely run in parallel (``PARALLEL``).

Cost is near-linear in the number of claims:

1. Claims are bucketed by (kind, unit dimensionality, range bound).
2. Each subject is normalized to a set of content tokens (stop words dropped, plurals stemmed,
   hyphens joined), a head noun and a set of activities ("exported", "shipments" -> ``export``,
   ``ship``). Within a bucket, an inverted index maps *blocking keys* to claims: the content set
   itself, the set with one non-head token deleted, and that set plus the first letters of the
   deleted token. Two claims are only compared when a key matches, i.e. their subjects share the
   head and have the same tokens, one token more, or one token spelled differently. Each posting
   list is split by period end, and a claim probes at most ``MAX_PROBES`` earlier claims, so a
   subject stated hundreds of times costs no more per claim than one stated twice.
3. Candidate pairs pass cheap filters (period, whole, basis, activity, same sentence), then are
   scored with rapidfuzz (``token_set_ratio`` and ``token_sort_ratio`` on normalized subjects)
   with rules that keep look-alikes apart (see ``_subject_score``).
4. Links are applied strongest first (ties: closer values, then text position) into a
   union-find whose roots remember what their members state (period ends and starts, wholes,
   bases, sentences, the union of subject tokens): a union that would put two distinct periods,
   wholes or bases, two claims of one sentence, or conflicting subjects into one group is
   refused, so an underspecified claim cannot chain two different facts together.

>>> from claimcheck.claim import Claim
>>> def c(i, subject, value):
...     return Claim(id=f"c{i}", start=i, end=i + 1, text="", line=i, column=1, value=value,
...                  unit="", qualifier="exact", kind="level", subject=subject)
>>> restatement_groups([
...     c(0, "5G base stations had been built", 4.089e6),
...     c(1, "mobile phones produced", 1.184e9),
...     c(2, "5G base stations have been established", 4.089e6),
...     c(3, "mobile phones exported", 5.8e8),
... ])
[(0, 2)]
"""

from __future__ import annotations

import functools
import gc
import math
import re
from collections.abc import Iterable, Sequence

import attrs
from rapidfuzz import fuzz

from .checks._util import interval
from .claim import Claim
from .extraction.words import is_bare_frame
from .intervals import Interval, compatible
from .units import ureg

__all__ = [
    "CROWDED",
    "MAX_PROBES",
    "MIN_TOKENS_TO_CONTRADICT",
    "PARALLEL",
    "REFINED",
    "SUBSET_VALUE_RATIO",
    "VALUE_RATIO",
    "MatchStats",
    "Restatements",
    "in_unit",
    "intervals_meet",
    "match_restatements",
    "normalize_subject",
    "restatement_groups",
    "same_fact",
    "statements_meet",
]

#: Earlier claims a claim is compared with at most (over all its blocking keys).
MAX_PROBES = 48
#: Earlier claims taken from one posting list at most.
_PER_LIST = 16
#: Period-end lists a claim with an unknown period end scans at most, per key.
_PER_KEY_PERIODS = 32

#: Minimum ``token_set_ratio`` of two normalized subjects.
SET_RATIO = 90.0
#: Minimum ``token_sort_ratio`` when one subject has tokens the other lacks ("gigabit broadband
#: access users" vs "gigabit broadband users").
SUBSET_SORT_RATIO = 85.0
#: ... and values within this factor of each other (else the longer subject may name a part).
SUBSET_VALUE_RATIO = 1.25
#: Two differing tokens count as spelling variants at this ``fuzz.ratio`` ("programme"/"program").
TOKEN_RATIO = 85.0
#: Linking two claims whose values cannot both be true needs a subject with this many tokens
#: (activities included): "deficit" and "imports" name too little to call a figure misstated.
MIN_TOKENS_TO_CONTRADICT = 1
#: A subject (with kind and unit) stated with this many mutually disagreeing values for one
#: period is a label for several facts in that document: its claims, of any period, only link
#: when their values agree.
CROWDED = 3
#: A subject the document also names this many narrower versions of is ambiguous used bare:
#: "net investment" beside "net investment (equity securities)", "... (insurance companies)".
REFINED = 2
#: Two sentences sharing this share of their words (of the shorter) and differing in the rest
#: are parallel: their figures belong to different things and never contradict each other.
PARALLEL = 0.6
#: Values further apart than this factor need a near-identical subject ...
VALUE_RATIO = 3.0
#: ... i.e. a ``token_sort_ratio`` at least this high.
NEAR_IDENTICAL = 95.0


# --- subject normalization --------------------------------------------------------------------


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


#: Words that never distinguish one measure from another.
STOPWORDS = _words(
    # articles, determiners, pronouns, conjunctions
    "the a an this that these those its their our his her your my some any each every all both "
    "such no and or nor but which who whom whose where when while whereas it they "
    "we there here "
    # prepositions (``us`` is deliberately absent: it may be the country)
    "of in on at for from to by with across into between among within under over through during "
    "since per about around than as via toward towards against amid beyond along upon onto "
    # auxiliaries
    "is are was were be been being has have had will would shall should can could may might "
    "must do does did "
    # adverbs and fillers
    "now also still already currently just only further overall respectively approximately "
    "roughly nearly almost so far altogether "
    # quantity words: "the number of users", "a total of 4.089 million"
    "number numbers amount amounts total totals volume count sum cumulative cumulatively "
    "accumulated combined entire whole "
    # the reporting country, named or not
    "china chinese national nationwide country nation"
)
#: Verbs of coming into existence: "base stations had been built" = "... have been established".
EXISTENCE = _words(
    "built build established establish constructed construct deployed deploy opened set up"
)
#: Activity words, mapped to one canonical activity each. Claims must agree on their activities:
#: 580 million phones exported are not the 1.184 billion phones produced.
ACTIVITIES: dict[str, str] = {
    **dict.fromkeys(("produced", "produce", "produces", "producing", "production", "output",
                     "outputs", "manufactured", "manufacture", "manufactures"), "produce"),
    **dict.fromkeys(("exported", "export", "exports", "exporting"), "export"),
    **dict.fromkeys(("imported", "import", "imports", "importing"), "import"),
    **dict.fromkeys(("shipped", "shipment", "shipments", "shipping"), "ship"),
    **dict.fromkeys(("sold", "sell", "sells", "selling", "sale", "sales"), "sell"),
    **dict.fromkeys(("delivered", "deliver", "delivers", "delivery", "deliveries"), "deliver"),
    **dict.fromkeys(("installed", "install", "installs", "installation", "installations"),
                    "install"),
    **dict.fromkeys(("consumed", "consume", "consumes", "consumption"), "consume"),
    **dict.fromkeys(("purchased", "purchase", "purchases", "bought"), "buy"),
    **dict.fromkeys(("registered", "registration", "registrations"), "register"),
}  # fmt: skip
#: Words whose final "s" is not a plural.
_NOT_PLURAL = _words(
    "news series species physics economics mathematics politics statistics means access "
    "process progress business gas bus yes census"
)

_TOKEN = re.compile(r"[^\W_]+(?:[-&/][^\W_]+)*")
_JOIN = str.maketrans("", "", "-&/")
_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?=\s|$)")


def stem(word: str) -> str:
    """A plural noun's singular, by rule: enough to match "stations" with "station".

    >>> [stem(w.lower()) for w in ("stations", "companies", "boxes", "TVs", "access", "news", "5g")]
    ['station', 'company', 'box', 'tv', 'access', 'news', '5g']
    """
    if len(word) <= 2 or word in _NOT_PLURAL or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


@attrs.frozen(slots=True)
class Subject:
    """A subject reduced to what identifies the measured thing."""

    #: Content tokens: stemmed, stop words, activity and existence words removed.
    tokens: frozenset[str]
    #: The head noun: the last content token before the first "of" that follows content, else
    #: the last content token (for a subject that is only an activity, "exports", the activity).
    head: str
    #: Canonical activities ("export", "produce" ...).
    activities: frozenset[str]
    #: Sorted content tokens joined by spaces (what rapidfuzz compares).
    text: str


@functools.lru_cache(maxsize=65536)
def normalize_subject(subject: str) -> Subject:
    """The identity-bearing part of a subject phrase.

    >>> s = normalize_subject("exports of China's mobile phones")
    >>> sorted(s.tokens), s.head, sorted(s.activities)
    (['mobile', 'phone'], 'phone', ['export'])
    >>> normalize_subject("5G base stations had been built") == normalize_subject(
    ...     "the number of 5G base stations that have been established")
    True
    """
    low = _POSSESSIVE.sub("", subject.lower().replace("’", "'"))
    raw = [m.group().translate(_JOIN) for m in _TOKEN.finditer(low)]
    # The head is in front of the first "of" that has content before it: "penetration rate of
    # 5G users" -> "rate", but "the number of 5G users" -> "users".
    split = len(raw)
    content = False
    for n, w in enumerate(raw):
        if w == "of" and content:
            split = n
            break
        content = content or not (w in STOPWORDS or w in EXISTENCE or w in ACTIVITIES)
    activities: set[str] = set()
    parts: list[list[str]] = [[], []]
    for n, w in enumerate(raw):
        if w in ACTIVITIES:
            activities.add(ACTIVITIES[w])
        elif w not in STOPWORDS and w not in EXISTENCE:
            parts[n > split].append(stem(w))
    # "exports", "sales": the activity is the thing measured.
    if not parts[0] and not parts[1] and len(activities) == 1:
        parts[0] = sorted(activities)
    head = (parts[0] or parts[1] or [""])[-1]
    tokens = frozenset(parts[0] + parts[1])
    return Subject(tokens, head, frozenset(activities), " ".join(sorted(tokens)))


# --- claim profiles ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def unit_key(unit: str) -> str:
    """What units must share to be compared: pint dimensionality; dimensionless units by name.

    ``percent`` is dimensionless to pint but never the same measure as a plain count.

    >>> unit_key("megawatt") == unit_key("gigawatt"), unit_key("percent") == unit_key("")
    (True, False)
    >>> unit_key("percent") == unit_key("percentage_point"), unit_key("CNY") == unit_key("USD")
    (False, False)
    """
    if unit in ("", "dimensionless"):
        return ""
    try:
        u = ureg.Unit(unit)
    except Exception:  # any unit pint cannot read only ever matches itself
        return f"?{unit}"
    if u.dimensionless:
        return f"1:{unit}"
    return str(u.dimensionality)


def _basis(basis: str) -> str:
    return re.sub(r"[^a-z0-9]", "", basis.lower())


@attrs.frozen(slots=True)
class _Profile:
    bucket: tuple[str, str, str]
    subject: Subject
    whole: frozenset[str]
    basis: str
    start: str | None
    end: str | None
    sentence: tuple[str, int, int] | None
    value: float
    claim: Claim = attrs.field(eq=False, repr=False)

    @property
    def label(self) -> tuple[object, ...]:
        """What the crowding rule counts values under: bucket, subject and period as stated."""
        return (self.bucket, self.subject.tokens, self.subject.activities, self.start, self.end)


#: "0.5% a year" is a yearly rate; "40% by 2030" is cumulative: never the same figure.
_YEARLY = re.compile(r"\s*(?:(?:a|per|each|every)\s+year|annually|per\s+annum|a\s+year)\b")


def _yearly(c: Claim) -> str:
    offset = c.end - c.sentence_start
    if not c.sentence or offset < 0:
        return ""
    return "yearly" if _YEARLY.match(c.sentence, offset) else ""


def _profile(c: Claim) -> _Profile:
    sentence = (c.document, c.sentence_start, c.sentence_end)
    return _Profile(
        bucket=(c.kind, unit_key(c.unit), c.bound + _yearly(c)),
        subject=normalize_subject(c.subject),
        whole=(normalize_subject(c.whole).tokens or frozenset([c.whole.lower()]))
        if c.whole
        else frozenset(),
        basis=_basis(c.basis),
        start=c.period_start,
        end=c.period_end,
        sentence=sentence if c.sentence_end > c.sentence_start else None,
        value=c.value,
        claim=c,
    )


def _attributes_compatible(a: _Profile, b: _Profile) -> bool:
    """Everything but the subject text: period, whole, basis, activity, sentence."""
    return (
        a.bucket == b.bucket
        and _agree(a.end, b.end)
        and _agree(a.start, b.start)
        and _agree(a.whole, b.whole)
        and _agree(a.basis, b.basis)
        and a.subject.activities == b.subject.activities
        # Two figures for one subject in one sentence are two facts ("from 100 to 120").
        and (a.sentence is None or a.sentence != b.sentence)
    )


def _agree(x: object, y: object) -> bool:
    """Equal, or at least one unstated."""
    return not x or not y or x == y


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether each side has a token the other lacks that is no spelling variant of it.

    "5g user" vs "gigabit user" conflict; "programme budget" vs "program budget" do not.
    """
    only_a, only_b = a - b, b - a
    if not only_a or not only_b:
        return False
    for x in only_a:
        if not any(_variant(x, y) for y in only_b):
            return True
    return any(not any(_variant(y, x) for x in only_a) for y in only_b)


def _variant(x: str, y: str) -> bool:
    if _has_digit(x) or _has_digit(y):  # "5g" vs "5ga", "2023" vs "2024": different things
        return False
    return fuzz.ratio(x, y) >= TOKEN_RATIO


def _subject_score(a: Subject, b: Subject) -> float | None:
    """Similarity of two subjects (0-100), ``None`` when they name different things.

    Rules, in order: both name something; heads equal; no conflicting tokens on both sides;
    tokens only one side has carry no digits ("5G base stations" is not "base stations") and
    leave ``token_sort_ratio >= SUBSET_SORT_RATIO``; ``token_set_ratio >= SET_RATIO``.
    The score returned is the ``token_sort_ratio``.
    """
    if not a.tokens or not b.tokens or a.head != b.head:
        return None
    if _conflict(a.tokens, b.tokens):
        return None
    sort = fuzz.token_sort_ratio(a.text, b.text, processor=None)
    extra = a.tokens ^ b.tokens
    one_sided = bool(extra) and not (a.tokens - b.tokens and b.tokens - a.tokens)
    if one_sided and (sort < SUBSET_SORT_RATIO or any(_has_digit(w) for w in extra)):
        return None
    if fuzz.token_set_ratio(a.text, b.text, processor=None) < SET_RATIO:
        return None
    return sort


def _values_far(x: float, y: float, ratio: float) -> bool:
    ax, ay = abs(x), abs(y)
    lo, hi = min(ax, ay), max(ax, ay)
    if hi == 0:
        return False
    return lo == 0 or hi / lo > ratio


def _value_gap(x: float, y: float) -> float:
    """How far apart two values are, on a log scale (0 when equal)."""
    if x == y:
        return 0.0
    lo, hi = sorted((abs(x), abs(y)))
    if lo == 0:
        return math.inf
    return math.log(hi / lo) + (1.0 if (x < 0) != (y < 0) else 0.0)


def _link_score(a: _Profile, b: _Profile, doc: _Document) -> float | None:
    score = _subject_score(a.subject, b.subject)
    if score is None:
        return None
    if _values_far(a.value, b.value, VALUE_RATIO) and score < NEAR_IDENTICAL:
        return None
    ta, tb = a.subject.tokens, b.subject.tokens
    if ta != tb and (ta < tb or tb < ta) and _values_far(a.value, b.value, SUBSET_VALUE_RATIO):
        return None  # "broadband users" may be a wider measure than "gigabit broadband users"
    if not statements_meet(a.claim, b.claim):
        if _superseded(a.claim) or _superseded(b.claim):
            return None  # "revised from $47.7 billion to $47.9 billion": the old figure
        # Linking two different values asserts a misstatement: ask for a subject specific
        # enough, used by the document for one figure only, in sentences that do not merely
        # run in parallel.
        if min(_informative(a.subject), _informative(b.subject)) < MIN_TOKENS_TO_CONTRADICT:
            return None
        if is_bare_frame(a.claim.subject) or is_bare_frame(b.claim.subject):
            return None  # "net investment" of which sector? A label, not a measure.
        if doc.ambiguous(a) or doc.ambiguous(b):
            return None
        if ta != tb and (ta < tb or tb < ta) and _named_part(a.claim.subject, b.claim.subject):
            return None  # "exports to China" is a part of "exports", not a restatement
        if a.claim.section == b.claim.section and _parallel(a.claim.sentence, b.claim.sentence):
            # template sentences of one block ("Employment in X ... (+39,000), in line with the
            # average monthly growth (+34,000)" for X, then for Y); a restatement in another
            # section (a summary and its detail) may well repeat the wording
            return None
        if _same_paragraph(a.claim, b.claim):
            # A paragraph enumerates; a restatement comes back to a figure later (a headline
            # and its detail, an opening statement and an answer).
            return None
    return score


#: A figure the text itself replaces: "revised from $47.7 billion", "previously reported as".
_SUPERSEDED = re.compile(
    r"\b(?:revised\s+(?:up|down|upward|downward)?\s*from|previously\s+(?:reported|estimated|"
    r"published)\s+(?:as|at)?|(?:was|were)\s+previously|first\s+estimated\s+at)\s*\Z",
    re.IGNORECASE,
)


def _superseded(c: Claim) -> bool:
    offset = c.start - c.sentence_start
    if not c.sentence or offset <= 0:
        return False
    return bool(_SUPERSEDED.search(c.sentence[max(0, offset - 60) : offset]))


def _named_part(x: str, y: str) -> bool:
    """Whether the longer subject adds a proper name the shorter lacks ("Exports to China")."""
    short, long_ = sorted((x, y), key=len)
    have = short.lower()
    return any(
        w[:1].isupper() and w.lower() not in have for w in re.findall(r"[\w'’\-]+", long_)[1:]
    )


def _same_paragraph(a: Claim, b: Claim) -> bool:
    return a.document == b.document and a.paragraph == b.paragraph and a.section == b.section


def _parallel(x: str, y: str) -> bool:
    """Two sentences in one frame with a different slot filler: about two different things.

    "Employment in professional and business services continued to trend up in March (+39,000),
    in line with the average monthly growth over the prior 6 months (+34,000)" and the same
    sentence for social assistance share ``PARALLEL`` of their words and differ in the rest.
    """
    if not x or not y or x == y:
        return False
    a, b = _sentence_words(x) - _FUNCTION_WORDS, _sentence_words(y) - _FUNCTION_WORDS
    if not a or not b or a <= b or b <= a:
        return False
    # Parallel sentences share a template, so they are of a size: a table row set against a
    # prose sentence, or a long sentence against a short one, is no template.
    if min(len(a), len(b)) < 0.7 * max(len(a), len(b)):
        return False
    return len(a & b) >= PARALLEL * min(len(a), len(b))


_FUNCTION_WORDS = frozenset(
    "the a an of in on at to by for from with and or but as is are was were be been has have had "
    "its their this that these those it which who over than more less up down".split()
)


@functools.lru_cache(maxsize=4096)
def _sentence_words(sentence: str) -> frozenset[str]:
    words = (m.group().translate(_JOIN) for m in _TOKEN.finditer(sentence.lower()))
    return frozenset(
        stem(w) for w in words if w not in STOPWORDS and w not in EXISTENCE and not _has_digit(w)
    )


def _informative(s: Subject) -> int:
    return len(s.tokens | s.activities)


def statements_meet(a: Claim, b: Claim) -> bool:
    """Whether some one value, rounded one way, fits both statements (units converted).

    >>> from claimcheck.claim import Claim
    >>> def c(value, resolution, qualifier="exact"):
    ...     return Claim(id="c", start=0, end=1, text="", line=1, column=1, value=value, unit="",
    ...                  qualifier=qualifier, kind="level", subject="5G base stations",
    ...                  resolution=resolution)
    >>> statements_meet(c(4.09e6, 1e4), c(4.089e6, 1e3)), statements_meet(c(4e6, 1e6, "more_than"), c(4.089e6, 1e3))
    (True, True)
    >>> statements_meet(c(4.098e6, 1e3), c(4.089e6, 1e3)), statements_meet(c(21.47e6, 1e4), c(21.48e6, 1e4))
    (False, False)
    """
    return intervals_meet(interval(a), interval(in_unit(b, a.unit)))


def in_unit(c: Claim, unit: str) -> Claim:
    """``c`` with value and resolution expressed in ``unit`` (of the same dimensionality)."""
    if c.unit == unit:
        return c
    factor = _factor(c.unit, unit)
    return attrs.evolve(c, value=c.value * factor, resolution=c.resolution * factor, unit=unit)


@functools.lru_cache(maxsize=1024)
def _factor(src: str, dst: str) -> float:
    return float(ureg.Quantity(1.0, src or "dimensionless").to(dst or "dimensionless").m)


def intervals_meet(a: Interval, b: Interval) -> bool:
    """Whether two statements of one figure can both be true of one value, rounded one way.

    Stricter than ``intervals.compatible`` at a touch: "21.47 million" [21.465, 21.475] and
    "21.48 million" [21.475, 21.485] share only the tie 21.475, which one writer rounding one way
    never prints as both. Two roundings of one value to *different* precisions never merely
    touch, so no true restatement is lost; a figure exact by nature (a point) may sit on an edge.
    """
    if not compatible(a, b):
        return False
    if a.lo == a.hi or b.lo == b.hi:
        return True
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    if math.isinf(lo) or math.isinf(hi):
        return True  # both open on one side: they overlap on a half-line
    # Overlap of a few float steps (or a billionth of the narrower width) is a touch.
    touch = max(1e-9 * min(a.width, b.width), 8 * math.ulp(max(abs(lo), abs(hi))))
    return hi - lo > touch


class _Document:
    """What the rest of the document says about a subject (computed on first need)."""

    def __init__(self, profiles: Sequence[_Profile | None]) -> None:
        self.profiles = profiles
        self._crowded: frozenset[tuple[object, ...]] | None = None
        self._by_token: dict[tuple[object, str], list[_Profile]] | None = None
        self._by_bucket: dict[object, list[_Profile]] | None = None

    def ambiguous(self, p: _Profile) -> bool:
        """Whether the document uses ``p``'s subject as a label for several figures.

        Either it is *crowded*: stated with ``CROWDED`` or more mutually disagreeing values for
        one period ("net investment" of six sectors in one quarter); or it is *refined*: the
        document also names ``REFINED`` or more narrower subjects that contain all its words
        ("net investment of equity securities", "... of insurance companies"), so the bare
        phrase may stand for any of them.
        """
        if self._crowded is None:
            self._crowded = _crowded(self.profiles)
        if p.label[:3] in self._crowded:
            return True
        if self._by_token is None:
            self._by_token = {}
            for q in self.profiles:
                if q is not None:
                    for t in q.subject.tokens:
                        self._by_token.setdefault((q.bucket, t), []).append(q)
        toks = p.subject.tokens
        postings = [self._by_token.get((p.bucket, t), []) for t in toks]
        # narrower: more words for the same activity ("exports of services" is not refined
        # by "goods and services deficit")
        narrower = [
            q for q in min(postings, key=len)
            if q.subject.tokens > toks and p.subject.activities <= q.subject.activities
        ]  # fmt: skip
        bare = p.claim.subject.lower().strip()
        if " " not in bare:
            # a one-word subject ("imports") inside longer ones ("imports of goods"), which
            # normalisation may have split into other tokens and an activity
            if self._by_bucket is None:
                self._by_bucket = {}
                for q in self.profiles:
                    if q is not None:
                        self._by_bucket.setdefault(q.bucket, []).append(q)
            narrower += [
                q for q in self._by_bucket.get(p.bucket, [])
                if q.claim.subject.lower() != bare
                and re.search(rf"\b{re.escape(bare)}\b", q.claim.subject.lower())
            ]  # fmt: skip
        # The bare phrase stands for a narrower measure when its figure is one of theirs:
        # "imports" fell by £3.1 billion where "imports of goods" fell by £3.1 billion. "Revenue"
        # of 1,285 is not the "Cost of revenue" of 702 or the "Services revenue" of 418, so it
        # still has to agree with the other "Revenue".
        return any(_same_figure(q.claim, p.claim) for q in narrower)


def _same_figure(a: Claim, b: Claim) -> bool:
    """Strictly the same figure within rounding (intervals that only touch do not count)."""
    half = max(a.resolution, b.resolution) / 2
    return abs(a.value - b.value) < half or (half == 0 and a.value == b.value)


def _crowded(profiles: Sequence[_Profile | None]) -> frozenset[tuple[object, ...]]:
    """Subjects a document states with ``CROWDED`` or more disagreeing values for one period."""
    by_label: dict[tuple[object, ...], list[_Profile]] = {}
    for p in profiles:
        if p is not None and not _superseded(p.claim):
            by_label.setdefault(p.label, []).append(p)
    out = set()
    for label, ps in by_label.items():
        if len(ps) < CROWDED:
            continue
        clusters: list[Claim] = []  # one representative per cluster of agreeing values
        for p in sorted(ps, key=lambda p: p.value):
            if not any(statements_meet(rep, p.claim) for rep in clusters[-2:]):
                clusters.append(p.claim)
        paragraphs = {(p.claim.section, p.claim.paragraph) for p in ps}
        # one paragraph's "from +504,000 to +472,000" is a revision, not a label in use
        if len(clusters) >= CROWDED and len(paragraphs) >= 2:
            out.add(label[:3])  # the subject, whatever the period
    return frozenset(out)


def same_fact(a: Claim, b: Claim) -> bool:
    """Whether two claims state the same fact: the pair rule of ``restatement_groups``.

    Without the rest of the document, the rules on ambiguous subjects (``CROWDED``,
    ``REFINED``) cannot apply.

    >>> from claimcheck.claim import Claim
    >>> def c(subject, value=1.0, whole=""):
    ...     return Claim(id="c", start=0, end=1, text="", line=1, column=1, value=value,
    ...                  unit="percent", qualifier="more_than", kind="share", subject=subject,
    ...                  whole=whole)
    >>> same_fact(c("gigabit network access", 90, "provinces"), c("gigabit network access", 90))
    True
    >>> same_fact(c("gigabit network access", 90, "provinces"),
    ...           c("gigabit network access", 90, "villages"))
    False
    """
    pa, pb = _profile(a), _profile(b)
    return _attributes_compatible(pa, pb) and _link_score(pa, pb, _Document([pa, pb])) is not None


# --- grouping ---------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class MatchStats:
    """How much work matching did (for benchmarks and the near-linear cost test)."""

    claims: int
    #: Claims with a subject that names something (the rest are never linked).
    indexed: int
    #: Candidate pairs the blocking index proposed.
    probes: int
    #: Pairs that passed the cheap attribute filters and were scored with rapidfuzz.
    comparisons: int
    #: Pairs scored as the same fact.
    links: int
    #: Links refused because they would merge groups stating different periods, wholes, bases
    #: or conflicting subjects.
    refused: int
    groups: int


@attrs.frozen(slots=True)
class Restatements:
    """Result of ``match_restatements``: the groups and the work it took."""

    groups: list[tuple[int, ...]]
    stats: MatchStats


def restatement_groups(claims: Sequence[Claim]) -> list[tuple[int, ...]]:
    """Groups of indexes into ``claims`` that state the same fact (see the module docstring).

    Each group is sorted and has at least two members; groups are ordered by their first index.
    """
    return match_restatements(claims).groups


def match_restatements(claims: Sequence[Claim]) -> Restatements:
    """``restatement_groups`` plus the counters of ``MatchStats``."""
    # The index is hundreds of thousands of small acyclic containers; the cyclic collector
    # would re-scan them over and over while they are built (3x the run time at 100k claims).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _match(claims)
    finally:
        if enabled:
            gc.enable()


def _match(claims: Sequence[Claim]) -> Restatements:
    profiles: list[_Profile | None] = []
    for c in claims:
        p = _profile(c)
        profiles.append(p if p.subject.tokens else None)

    doc = _Document(profiles)
    # One index, keyed by (role, bucket, tokens[, prefix]) -> period end -> claim indexes in
    # document order. Roles: "=" the content set; "-" the set minus one non-head token;
    # "~" the same plus the first letters of the deleted token (spelling variants).
    index: dict[tuple[object, ...], dict[str | None, list[int]]] = {}
    scored: list[tuple[float, int, int]] = []
    probes = comparisons = 0
    for i, p in enumerate(profiles):
        if p is None:
            continue
        probe_keys, insert_keys = _blocking_keys(p)
        budget = MAX_PROBES
        seen: set[int] = set()
        for key in probe_keys:
            by_end = index.get(key)
            if by_end is None:
                continue
            for j in _candidates(by_end, p.end):
                if j in seen:
                    continue
                seen.add(j)
                probes += 1
                q = profiles[j]
                assert q is not None
                if _attributes_compatible(q, p):
                    comparisons += 1
                    score = _link_score(q, p, doc)
                    if score is not None:
                        scored.append((score, j, i))
                budget -= 1
                if budget <= 0:
                    break
            if budget <= 0:
                break
        for key in insert_keys:
            index.setdefault(key, {}).setdefault(p.end, []).append(i)

    # Strongest links first; among equals the closer values, then the earlier text positions
    # (not list indexes, so the groups do not depend on the order claims are given in).
    starts = [(c.document, c.start, c.id) for c in claims]
    scored.sort(
        key=lambda t: (-t[0], _value_gap(claims[t[1]].value, claims[t[2]].value),
                       min(starts[t[1]], starts[t[2]]), max(starts[t[1]], starts[t[2]]))
    )  # fmt: skip
    uf = _Groups(profiles)
    refused = sum(not uf.union(j, i) for _, j, i in scored)
    groups = uf.groups()
    stats = MatchStats(
        claims=len(claims),
        indexed=sum(p is not None for p in profiles),
        probes=probes,
        comparisons=comparisons,
        links=len(scored),
        refused=refused,
        groups=len(groups),
    )
    return Restatements(groups=groups, stats=stats)


def _blocking_keys(p: _Profile) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Keys to look up and keys to file a claim under, most specific first.

    A pair is proposed when the subjects have the same content set, when one set is the other
    with one non-head token more, or when they differ in one non-head token whose spellings
    start alike (no digits: "5g" and "4g" are different things, never spelling variants).
    """
    b = p.bucket
    toks, minus, variant = _token_keys(p.subject)
    exact = ("=", b, toks)
    probe = [exact, *(("=", b, k) for k in minus), ("-", b, toks)]
    probe += [("~", b, *k) for k in variant]
    return probe, [exact, *(("-", b, k) for k in minus), *(("~", b, *k) for k in variant)]


@functools.lru_cache(maxsize=65536)
def _token_keys(
    subject: Subject,
) -> tuple[frozenset[str], list[frozenset[str]], list[tuple[frozenset[str], str]]]:
    toks = subject.tokens
    drop = [t for t in sorted(toks) if t != subject.head]
    minus = [toks - {t} for t in drop]
    variant = [(m, t[:3]) for m, t in zip(minus, drop, strict=True) if not _has_digit(t)]
    return toks, minus, variant


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _candidates(by_end: dict[str | None, list[int]], end: str | None) -> Iterable[int]:
    """Earlier claims under one key whose period end may equal ``end``, latest first."""
    if end is not None:
        yield from reversed(by_end.get(end, [])[-_PER_LIST:])
        yield from reversed(by_end.get(None, [])[-_PER_LIST:])
        return
    yield from reversed(by_end.get(None, [])[-_PER_LIST:])
    ends = [e for e in by_end if e is not None][-_PER_KEY_PERIODS:]
    for e in reversed(ends):
        yield from reversed(by_end[e][-2:])


class _Groups:
    """Union-find whose roots remember what their members state, refusing conflicting unions."""

    def __init__(self, profiles: Sequence[_Profile | None]) -> None:
        self.profiles = profiles
        self.parent = list(range(len(profiles)))
        self.facts: dict[int, _Facts] = {}  # per root, built when a claim is first linked

    def _facts(self, root: int) -> _Facts:
        facts = self.facts.get(root)
        if facts is None:
            p = self.profiles[root]
            assert p is not None
            facts = self.facts[root] = _Facts.of(p)
        return facts

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> bool:
        """Merge the groups of ``i`` and ``j``; ``False`` when their facts conflict."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        merged = self._facts(ri).merge(self._facts(rj))
        if merged is None:
            return False
        lo, hi = min(ri, rj), max(ri, rj)
        self.parent[hi] = lo
        self.facts[lo] = merged
        self.facts.pop(hi, None)
        return True

    def groups(self) -> list[tuple[int, ...]]:
        members: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            if self.parent[i] != i or i in self.facts:  # linked at least once
                members.setdefault(self.find(i), []).append(i)
        out = [tuple(sorted(m)) for m in members.values() if len(m) > 1]
        out.sort()
        return out


@attrs.frozen(slots=True)
class _Facts:
    """What the members of a group state: every set holds at most one stated value."""

    starts: frozenset[str]
    ends: frozenset[str]
    wholes: frozenset[frozenset[str]]
    bases: frozenset[str]
    sentences: frozenset[tuple[str, int, int]]
    tokens: frozenset[str]

    @classmethod
    def of(cls, p: _Profile) -> _Facts:
        def opt(x: object) -> frozenset:
            return frozenset([x]) if x else frozenset()

        return cls(
            opt(p.start), opt(p.end), opt(p.whole), opt(p.basis), opt(p.sentence),
            p.subject.tokens,
        )  # fmt: skip

    def merge(self, other: _Facts) -> _Facts | None:
        if self.sentences & other.sentences or _conflict(self.tokens, other.tokens):
            return None
        merged = _Facts(
            self.starts | other.starts,
            self.ends | other.ends,
            self.wholes | other.wholes,
            self.bases | other.bases,
            self.sentences | other.sentences,
            self.tokens | other.tokens,
        )
        if any(len(s) > 1 for s in (merged.starts, merged.ends, merged.wholes, merged.bases)):
            return None
        return merged
