"""Comparative: what the words say about a figure against the figure itself.

A sentence that says "'things' outnumber 'people'" next to a 59.2% share, "more than half (55%)",
"double-digit growth of 10.5%", "7.5%, higher than the average of 6.1%", "a record high of 5.2%,
up from 4.8%" or "doubled from 3 million to 6.2 million" states a relation twice, once in words
and once in numbers. Each pairing found is checked on the intervals the stated precision allows,
so rounding never makes a false error:

* thresholds ("more than half", "outnumber", "double-digit", "higher than", "record high",
  "more than doubled") hold when every value the figure admits is on the stated side, are
  borderline (CC803) when the figure is within rounding of the threshold, and contradicted
  (CC802, gross: the conclusion flips) when no admitted value is on the stated side;
* approximate words ("nearly half", "about half", "nearly all", "doubled") have a band that
  holds and a wider band that is borderline (documented in docs/checks/comparative.md).

A figure is paired with the words only inside one clause of one sentence. When the pairing is
loose (not an apposition such as "more than half (55%)" or "59.2% of users, more than half"; or
across sentences) a contradiction is reported as a warning (CC804), not an error.

Rules (see docs/checks/comparative.md):

* CC801 info: the words agree with the figure.
* CC802 error: the figure contradicts the words beyond rounding.
* CC803 warning: borderline, the figure is within rounding of the threshold or outside the
  band approximate words usually cover.
* CC804 warning: the figure contradicts the words, but the pairing of words and figure is loose.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence

import attrs

from ..claim import Claim
from ..intervals import Interval, from_stated
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import ONE_SIDED
from ._text import Sentence, sentence_bounds, sentences
from ._util import interval

__all__ = ["comparative"]

NAME = "comparative"

HOLDS, BORDERLINE, CONTRADICTED = "holds", "borderline", "contradicted"

#: Furthest a figure may sit from the words it is paired with, in characters.
_REACH = 120

_BREAK = re.compile(
    r";|:(?!\d)|\s[—–]\s|,\s*(?:and|but|while|whereas|which|who|whose|where|although|though|"
    r"whilst|with|compared)\b|\b(?:but|while|whereas|although|though|whilst)\b",
    re.I,
)
_W = r"[\w\-’'“”\"]+"
#: Words, then a bracket / comma / dash, then an optional "or", "about" ... : the figure
#: restates the words ("more than half of firms (55%)", "the majority, accounting for 62%").
_APPOSED_AFTER = re.compile(
    rf"(?:\s+(?!and\b|but\b|while\b){_W}){{0,5}}?\s*(?:\(|,|—|–|:)\s*"
    r"(?:(?:or|i\.e\.|that\s+is|about|around|roughly|nearly|almost|some|accounting\s+for|"
    r"representing|making\s+up|at)\s+)*",
    re.I,
)
#: The figure first ("59.2% of total users, more than half").
_APPOSED_BEFORE = re.compile(
    rf"(?:\s+(?!and\b|but\b|while\b){_W}){{0,5}}?\s*(?:,|\(|—|–)\s*"
    r"(?:(?:or|i\.e\.|that\s+is|which\s+is|making\s+up|accounting\s+for|representing)\s+)?"
    r"(?:(?:a|an|the|its|their)\s+)?",
    re.I,
)
#: "double-digit growth of 10.5%", "double-digit rise, at 12%".
_DIGITS_LINK = re.compile(
    r"(?:\s+(?:year[\s\-]+on[\s\-]+year|annual|yearly)?\s*(?:growth|increase|rise|expansion|gain|"
    r"decline|decrease|drop|fall|contraction|rate|pace)s?){0,2},?\s+(?:of|at|to|reaching|hitting)\s+"
    r"(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than)\s+)?",
    re.I,
)

# --- phrases ----------------------------------------------------------------------------------

_SHARE_WORDS = re.compile(
    r"\b(?:"
    r"(?P<gt>(?:(?:more|greater)\s+than|over|above|upwards\s+of|well\s+over)\s+(?:one[\s\-])?half\b"
    r"|(?:a|the)\s+(?:clear\s+|large\s+|vast\s+|slim\s+|narrow\s+|great\s+|overwhelming\s+)?"
    r"majority\b(?!\s+(?:stake|shareholder|owner|holding|interest))|most\s+of\b)"
    r"|(?P<lt>(?:less|fewer)\s+than\s+(?:one[\s\-])?half\b|(?:under|below)\s+half\b|(?:a|the)\s+minority\b)"
    r"|(?P<near>(?:nearly|almost|close\s+to|just\s+under|approaching|not\s+quite)\s+(?:one[\s\-])?half\b)"
    r"|(?P<about>(?:about|around|roughly|approximately|some|one)[\s\-]half\b|half\s+of\b)"
    r"|(?P<nearall>(?:nearly|almost|virtually|practically)\s+(?:all|every)\b)"
    r"|(?P<all>all|every)\b"
    r")",
    re.I,
)
_HALF_OF_PERIOD = re.compile(
    r"(?:first|second|latter|former|last|next|past|upper|lower|H[12])\s*\Z", re.I
)
_HALF_OF_TIME = re.compile(
    r"\A\s*(?:the\s+|this\s+|that\s+|last\s+)?(?:year|month|century|decade|\d{4})\b", re.I
)
_OUTNUMBER = re.compile(r"\b(?P<verb>outnumber(?:s|ed|ing)?)\b(?P<by>\s+by\b)?", re.I)
_DIGITS = re.compile(r"\b(?P<n>single|double|triple)[\s\-]+digits?\b", re.I)
_DECLINE = re.compile(
    r"\A[\s\-]*(?:\w+\s+){0,2}?(?:declines?|decreases?|drops?|falls?|contractions?|losses|"
    r"reductions?|slumps?)\b",
    re.I,
)
_COMPARE = re.compile(
    r"\b(?:"
    r"(?P<gt>(?:higher|greater|larger|bigger|faster|stronger|more)\s+than|above|exceed(?:s|ed|ing)?|"
    r"outpac(?:e|es|ed|ing)|surpass(?:es|ed|ing)?|ahead\s+of|up\s+from)"
    r"|(?P<lt>(?:lower|smaller|slower|weaker|less|fewer)\s+than|below|under|behind|short\s+of|"
    r"down\s+from|trail(?:s|ed|ing)?)"
    r")\b",
    re.I,
)
#: Comparatives that also serve as qualifiers of a figure ("above 6.1%"): the scanner may have
#: read them as the second figure's own qualifier.
_QUALIFIER_LIKE = re.compile(
    r"\A(?:(?:more|less|fewer)\s+than|above|below|under|exceed|surpass|outpac)", re.I
)
#: Between the first figure and the comparative: a comma after a few words, or a copula.
_LEAD_IN = re.compile(
    r"[^;:]{0,60},\s*|\s+(?:was|were|is|are|has\s+been|had\s+been|remained|stood|came\s+in|ran)"
    r"(?:\s+\w+)?\s+",
    re.I,
)
_RECORD = re.compile(
    r"\b(?:record[\s\-](?P<rec>high|low)|all[\s\-]time\s+(?P<ath>high|low)|"
    r"(?P<est>highest|lowest)\s+(?:level\s+)?(?:on\s+record|ever|in\s+history))\b",
    re.I,
)
_EARLIER_BEFORE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|previous(?:ly)?|prior|last\s+year(?:'s)?|"
    r"earlier)\b[^.;\d]{0,20}\Z",
    re.I,
)
_EARLIER_AFTER = re.compile(
    r"\A[^.;\d]{0,12}?\b(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|the\s+previous|the\s+prior|"
    r"previously|in\s+(?:19|20)\d\d)\b",
    re.I,
)
_MULTIPLE = re.compile(
    r"\b(?P<q>(?:more\s+than|over|nearly|almost|close\s+to|roughly|about|around|approximately|"
    r"some)\s+)?(?P<w>doubl(?:ed|es|ing)|two-?fold|tripl(?:ed|es|ing)|three-?fold|"
    r"quadrupl(?:ed|es|ing)|four-?fold|halv(?:ed|es|ing)|cut\s+in\s+half|fell\s+by\s+half)\b"
    r"(?![\s\-]digit)",
    re.I,
)
_FACTORS = {"doubl": 2.0, "two": 2.0, "tripl": 3.0, "three": 3.0, "quadr": 4.0, "four": 4.0}
_FROM = re.compile(
    r"\bfrom\s+(?:(?:about|around|nearly|almost|some|roughly|approximately|over|more\s+than)\s+)?\Z",
    re.I,
)
_TO = re.compile(
    r"\s+to\s+(?:(?:about|around|nearly|almost|some|roughly|approximately|over|more\s+than)\s+)?",
    re.I,
)
_CHANGE_CUE = re.compile(
    r"\b(?:grow\w*|grew|growth|increas\w*|ris\w*|rose|up|gain\w*|expan\w*|declin\w*|decreas\w*|"
    r"fell|fall\w*|down|drop\w*|jump\w*|surg\w*|climb\w*)\b[^.;\d]{0,25}\Z",
    re.I,
)


# --- verdicts -------------------------------------------------------------------------------


def _above(iv: Interval, t: float) -> str:
    """Whether the admitted values lie above ``t``: all, some, or none of them."""
    if iv.lo > t or (iv.lo == t and iv.lo_open):
        return HOLDS
    return BORDERLINE if iv.hi > t else CONTRADICTED


def _below(iv: Interval, t: float) -> str:
    if iv.hi < t or (iv.hi == t and iv.hi_open):
        return HOLDS
    return BORDERLINE if iv.lo < t else CONTRADICTED


def _band(iv: Interval, hold: tuple[float, float], warn: tuple[float, float]) -> str:
    if iv.intersects(Interval(*hold)):
        return HOLDS
    return BORDERLINE if iv.intersects(Interval(*warn)) else CONTRADICTED


def _order(a: Interval, b: Interval, av: float, bv: float) -> str:
    """Whether the first figure exceeds the second: as printed (holds), only within rounding
    (borderline), or for no admitted values (contradicted)."""
    possible = a.hi > b.lo
    if not possible:
        return CONTRADICTED
    return HOLDS if av > bv else BORDERLINE


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{x / scale:.6g} {word}"
    return f"{x:,.6f}".rstrip("0").rstrip(".") if abs(x) >= 1e4 else f"{x:.6g}"


def _show(iv: Interval, unit: str = "") -> str:
    """An admitted range as a reader would say it: "59.15 to 59.25%", "above 89.5%"."""
    u = "%" if unit == "percent" else (f" {unit}" if unit else "")
    if math.isinf(iv.hi) and math.isinf(iv.lo):
        return "any value"
    if math.isinf(iv.hi):
        return f"{'above' if iv.lo_open else 'at least'} {_num(iv.lo)}{u}"
    if math.isinf(iv.lo):
        return f"{'below' if iv.hi_open else 'at most'} {_num(iv.hi)}{u}"
    if iv.lo == iv.hi:
        return f"exactly {_num(iv.lo)}{u}"
    return f"{_num(iv.lo)} to {_num(iv.hi)}{u}"


@attrs.frozen(slots=True)
class _Pair:
    """A figure paired with the words about it; ``firm`` when the pairing is tight."""

    claim: Claim
    firm: bool
    where: str = ""


def _emit(
    verdict: str,
    firm: bool,
    claims: Sequence[Claim],
    gist: str,
    *,
    gross: bool,
    expected: float | None = None,
    observed: float | None = None,
    slip: float | None = None,
) -> Finding:
    if verdict == HOLDS:
        return finding(
            "CC801", NAME, "info", f"{gist}: holds", claims,
            expected=expected, observed=observed, slip=0.0,
        )  # fmt: skip
    if verdict == BORDERLINE:
        return finding(
            "CC803", NAME, "warning", f"{gist}: borderline, only within rounding", claims,
            expected=expected, observed=observed, slip=0.0,
        )  # fmt: skip
    if firm:
        return finding(
            "CC802", NAME, "error", f"{gist}: contradicted", claims,
            expected=expected, observed=observed, gross=gross, slip=slip,
        )  # fmt: skip
    return finding(
        "CC804", NAME, "warning", f"{gist}: contradicted, if the figure is the one meant", claims,
        expected=expected, observed=observed, slip=slip,
    )  # fmt: skip


def _gap(a: float, iv: Interval) -> float:
    """Distance from the point ``a`` to the admitted range (0 inside)."""
    if iv.contains(a):
        return 0.0
    return min(abs(a - iv.lo), abs(a - iv.hi))


# --- candidate figures ----------------------------------------------------------------------


def _near(sent: Sentence, m: re.Match[str], reach: int) -> tuple[Claim, ...]:
    """The claims of ``sent`` starting within ``reach`` characters of the words in ``m``
    (a claim ends before it starts, and claims are short: 60 characters of slack)."""
    return sent.between(m.start() - reach - 60, m.end() + reach + 1)


def _has_digit(c: Claim) -> bool:
    return any(ch.isdigit() for ch in c.text)


def _is_share(c: Claim) -> bool:
    return c.unit == "percent" and c.kind == "share" and _has_digit(c)


def _is_change(text: str, c: Claim) -> bool:
    if c.unit != "percent" or not _has_digit(c):
        return False
    if c.kind in ("change", "target"):
        return True
    return bool(_CHANGE_CUE.search(text, max(0, c.start - 40), c.start))


def _same_clause(text: str, a: int, b: int) -> bool:
    return b - a <= _REACH and _BREAK.search(text, a, b) is None


def _nearest(
    text: str, start: int, end: int, cands: Sequence[Claim], *, clause: bool = True
) -> _Pair | None:
    """The candidate nearest the words ``text[start:end]`` (same clause unless told otherwise)."""
    best: tuple[int, Claim, bool] | None = None
    for c in cands:
        if c.start < end and start < c.end:
            continue  # the words' own figure ("more than half" read as 50%)
        if c.start >= end:
            a, b, firm_re = end, c.start, _APPOSED_AFTER
        else:
            a, b, firm_re = c.end, start, _APPOSED_BEFORE
        if clause and not _same_clause(text, a, b):
            continue
        firm = firm_re.fullmatch(text, a, b) is not None
        if best is None or b - a < best[0]:
            best = (b - a, c, firm)
    return None if best is None else _Pair(best[1], best[2])


# --- the families of words --------------------------------------------------------------------


def _share_words(text: str, m: re.Match[str], pair: _Pair) -> Finding:
    c = pair.claim
    iv = interval(c)
    words = " ".join(m.group().split())
    what = f'"{words}" against {c.text} ({_show(iv, c.unit)}){pair.where}'
    if m.group("gt"):
        v = _above(iv, 50.0)
        return _emit(v, pair.firm, [c], f"{what}; needs a share above 50%", gross=True,
                     expected=50.0, observed=c.value, slip=_gap(50.0, iv) if v == CONTRADICTED else 0.0)  # fmt: skip
    if m.group("lt"):
        v = _below(iv, 50.0)
        return _emit(v, pair.firm, [c], f"{what}; needs a share below 50%", gross=True,
                     expected=50.0, observed=c.value, slip=_gap(50.0, iv) if v == CONTRADICTED else 0.0)  # fmt: skip
    if m.group("near"):
        v = _band(iv, (40.0, 50.0), (35.0, 52.5))
        return _emit(v, pair.firm, [c], f"{what}; reads as 40% to 50%", gross=iv.lo > 50.0,
                     expected=50.0, observed=c.value, slip=_slip_band(iv, 40.0, 50.0, v))  # fmt: skip
    if m.group("about"):
        v = _band(iv, (45.0, 55.0), (40.0, 60.0))
        return _emit(v, pair.firm, [c], f"{what}; reads as 45% to 55%", gross=False,
                     expected=50.0, observed=c.value, slip=_slip_band(iv, 45.0, 55.0, v))  # fmt: skip
    if m.group("nearall"):
        v = _band(iv, (85.0, 100.0), (75.0, 100.0))
        return _emit(v, pair.firm, [c], f"{what}; reads as 85% to 100%", gross=iv.hi < 50.0,
                     expected=100.0, observed=c.value, slip=_slip_band(iv, 85.0, 100.0, v))  # fmt: skip
    v = _band(iv, (100.0, 100.0), (99.0, 100.0))
    return _emit(v, pair.firm, [c], f"{what}; needs 100%", gross=True,
                 expected=100.0, observed=c.value, slip=_slip_band(iv, 100.0, 100.0, v))  # fmt: skip


def _slip_band(iv: Interval, lo: float, hi: float, verdict: str) -> float:
    if verdict != CONTRADICTED:
        return 0.0
    return iv.distance(Interval(lo, hi))


def _share_word_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    for m in _SHARE_WORDS.finditer(text, start, end):
        if m.group("about") and m.group().lower().startswith("half"):
            if _HALF_OF_PERIOD.search(text, max(0, m.start() - 12), m.start()):
                continue
            if _HALF_OF_TIME.match(text[m.end() : m.end() + 20]):
                continue
        yield m


def _pair_share_words(text: str, m: re.Match[str], shares: Sequence[Claim]) -> _Pair | None:
    if m.group("all") or m.group("nearall"):
        # "all", "every": only a figure in brackets right after the noun ("all villages (100%)"),
        # and not "all" inside a share of the whole ("more than half of all fatalities (55%)").
        if m.group("all") and re.search(
            r"\b(?:of|among|in)\s+\Z", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE
        ):
            return None
        for c in shares:
            if c.start >= m.end() and re.fullmatch(
                rf"(?:\s+{_W}){{0,4}}\s*\(\s*", text[m.end() : c.start]
            ):
                return _Pair(c, True)
        return None
    return _nearest(text, m.start(), m.end(), shares)


def _outnumber(text: str, sent: Sentence, m: re.Match[str], pair: _Pair) -> Finding:
    c = pair.claim
    iv = interval(c)
    before = _side(text[max(sent.start, m.start() - 40) : m.start()], last=True)
    after = _side(text[m.end() : min(sent.end, m.end() + 40)], last=False)
    bigger, smaller = (after, before) if m.group("by") else (before, after)
    about = f"{c.subject} {c.whole}".lower()
    minority = bool(smaller) and smaller.lower() in about and bigger.lower() not in about
    side = smaller if minority else bigger
    gist = (
        f'"{bigger} outnumber {smaller}" against {c.text} ({_show(iv, c.unit)}){pair.where}; '
        f"needs the share of {side or 'the larger side'} {'below' if minority else 'above'} 50%"
    )
    v = _below(iv, 50.0) if minority else _above(iv, 50.0)
    return _emit(v, pair.firm, [c], gist, gross=True, expected=50.0, observed=c.value,
                 slip=_gap(50.0, iv) if v == CONTRADICTED else 0.0)  # fmt: skip


def _side(s: str, *, last: bool) -> str:
    """The noun on one side of "outnumber": a quoted word if there is one, else a plain word."""
    quoted = re.findall(r"[\"“‘']([^\"”’']{1,30})[\"”’']", s)
    if quoted:
        return quoted[-1] if last else quoted[0]
    words = re.findall(r"[A-Za-z][\w\-]*", s)
    skip = {"the", "a", "an", "now", "are", "is", "in", "by", "of", "and", "have", "has"}
    words = [w for w in words if w.lower() not in skip]
    if not words:
        return ""
    return words[-1] if last else words[0]


def _digits(text: str, m: re.Match[str], pair: _Pair) -> Finding:
    c = pair.claim
    iv = interval(c)
    word = m.group("n").lower()
    decline = bool(_DECLINE.match(text[m.end() : m.end() + 40]))
    v_abs = abs(c.value)
    lo_abs = 0.0 if iv.lo <= 0 <= iv.hi else min(abs(iv.lo), abs(iv.hi))
    hi_abs = max(abs(iv.lo), abs(iv.hi))
    band = {"single": (0.0, 10.0), "double": (10.0, 100.0), "triple": (100.0, 1000.0)}[word]
    gist = (
        f'"{" ".join(m.group().split())}" {"decline" if decline else "growth"} against {c.text} '
        f"({_show(iv, c.unit)}){pair.where}; needs {_band_text(band)}"
    )
    wrong_sign = (c.value < 0 and not decline and iv.hi < 0) or (decline and iv.lo > 0)
    if wrong_sign:
        verdict = CONTRADICTED
    elif band[0] <= v_abs < band[1] and c.qualifier in ("exact", "more_than", "at_least"):
        verdict = HOLDS  # as printed: "10.0%" is double-digit whatever it rounds from
    elif band[0] <= lo_abs and hi_abs < band[1]:
        verdict = HOLDS
    elif hi_abs >= band[0] and lo_abs < band[1]:
        verdict = BORDERLINE
    else:
        verdict = CONTRADICTED
    below = v_abs < band[0]
    slip = (
        0.0
        if verdict != CONTRADICTED
        else (band[0] - hi_abs if below else max(0.0, lo_abs - band[1]))
    )
    return _emit(verdict, pair.firm, [c], gist, gross=wrong_sign or below or word == "single",
                 expected=band[0], observed=c.value, slip=slip)  # fmt: skip


def _band_text(band: tuple[float, float]) -> str:
    lo, hi = band
    return f"{_num(lo)}% or more, below {_num(hi)}%" if lo else f"below {_num(hi)}%"


def _compare(text: str, sent: Sentence, m: re.Match[str]) -> Finding | None:
    """ "A, higher than (the average of) B": A must exceed B."""
    greater = m.group("gt") is not None
    after = sent.between(m.end(), sent.end + 1)
    if not after:
        return None
    b = after[0]
    gap_b = text[m.end() : b.start]
    if len(gap_b) > 60 or _BREAK.search(gap_b):
        return None
    if not gap_b.strip() and _QUALIFIER_LIKE.match(m.group()):
        # "16,000 institutions, more than 700,000 startups": a qualifier, not a comparison
        return None
    # The first figure: the nearest one before the words in the same unit, set off by a comma
    # or a copula ("7.5%, higher than", "the rate was 7.5%, above"); a figure right before the
    # words is an amount of difference ("7 percentage points higher than"), not a level.
    a = None
    for c in reversed(sent.between(m.start() - 200, m.start())):
        if c.end > m.start():
            continue
        if m.start() - c.end > 80:
            break
        if c.unit == b.unit:
            a = c
            break
    if a is None:
        return None
    gap_a = text[a.end : m.start()]
    if not _LEAD_IN.fullmatch(gap_a) or _BREAK.search(gap_a):
        return None
    if "difference" in (a.kind, b.kind) or a.unit == "percentage_point" or not _has_digit(b):
        return None
    if any(c.kind == "change" and c.value < 0 for c in (a, b)):
        return None  # "fell 2%, down from a 3% fall": magnitudes or signs? too ambiguous
    ia = interval(a)
    if b.qualifier in ONE_SIDED and not gap_b.strip():
        ib = from_stated(b.value, b.resolution, "exact")  # "higher than 6.1%" read as "> 6.1%"
    else:
        ib = interval(b)
    v = _order(ia, ib, a.value, b.value) if greater else _order(-ia, -ib, -a.value, -b.value)
    words = " ".join(m.group().split())
    gist = (
        f'{a.text}, "{words}" {b.text}: needs the first {"above" if greater else "below"} '
        f"the second; {_show(ia, a.unit)} against {_show(ib, b.unit)}"
    )
    slip = ia.distance(ib) if v == CONTRADICTED else 0.0
    return _emit(v, True, [a, b], gist, gross=True, expected=b.value, observed=a.value, slip=slip)


def _record(text: str, sent: Sentence, m: re.Match[str]) -> Iterator[Finding]:
    high = (m.group("rec") or m.group("ath") or m.group("est") or "").lower() in ("high", "highest")
    near = sent.between(m.start() - 200, m.end() + 200)
    pair = _nearest(text, m.start(), m.end(), [c for c in near if _has_digit(c)])
    if pair is None or (pair.claim.start >= m.end() and pair.claim.start - m.end() > 40):
        return
    a = pair.claim
    ia = interval(a)
    for b in near:
        if b is a or b.unit != a.unit or not _has_digit(b):
            continue
        earlier = _EARLIER_BEFORE.search(text, max(sent.start, b.start - 30), b.start) or (
            _EARLIER_AFTER.match(text[b.end : min(sent.end, b.end + 40)])
        )
        if not earlier:
            continue
        ib = interval(b)
        v = _order(ia, ib, a.value, b.value) if high else _order(-ia, -ib, -a.value, -b.value)
        gist = (
            f'"{" ".join(m.group().split())}" at {a.text} against the earlier {b.text}: needs '
            f"the record {'above' if high else 'below'} it; {_show(ia, a.unit)} against "
            f"{_show(ib, b.unit)}"
        )
        yield _emit(v, True, [a, b], gist, gross=True, expected=b.value, observed=a.value,
                    slip=ia.distance(ib) if v == CONTRADICTED else 0.0)  # fmt: skip


def _factor(word: str) -> float:
    """The multiple a word states: "doubled" 2, "threefold" 3, "halved" 0.5."""
    w = word.lower()
    if w.startswith(("halv", "cut", "fell")):
        return 0.5
    if w.startswith(("tripl", "three")):
        return 3.0
    if w.startswith(("quadrupl", "four")):
        return 4.0
    return 2.0


def _multiple(text: str, sent: Sentence, m: re.Match[str]) -> Finding | None:
    k = _factor(m.group("w"))
    q = (m.group("q") or "").strip().lower()
    found = _ratio(text, sent, m)
    if found is None:
        return None
    ratio, claims, what, firm = found
    shown = f"×{_num(ratio.lo)} to ×{_num(ratio.hi)}" if ratio.is_bounded else _show(ratio)
    up = k > 1
    wrong_way = ratio.hi < 1 if up else ratio.lo > 1
    if q.startswith(("more", "over")):
        v = _above(ratio, k) if up else _below(ratio, k)
        need = f"{'more' if up else 'less'} than ×{_num(k)}"
        gross = True
    else:
        if q.startswith(("nearly", "almost", "close")):
            hold = (0.8 * k, k) if up else (k, 1.2 * k)
            warn = (0.7 * k, 1.05 * k) if up else (0.95 * k, 1.3 * k)
        else:
            wide = 0.15 if q else 0.1
            hold = ((1 - wide) * k, (1 + wide) * k)
            warn = ((0.9 - wide) * k, (1.1 + wide) * k)
        v = _band(ratio, hold, warn)
        need = f"×{_num(hold[0])} to ×{_num(hold[1])}"
        gross = wrong_way
    gist = f'"{" ".join(m.group().split())}" against {what} ({shown}); needs {need}'
    slip = ratio.distance(Interval(k, k)) if v == CONTRADICTED else 0.0
    observed = ratio.mid if ratio.is_bounded else None
    return _emit(v, firm, claims, gist, gross=gross, expected=k, observed=observed, slip=slip)


def _ratio(
    text: str, sent: Sentence, m: re.Match[str]
) -> tuple[Interval, list[Claim], str, bool] | None:
    """New over old for the words in ``m``: from a "from X to Y" pair in the same clause,
    else from the nearest change in percent."""
    cs = sent.between(m.start() - 200, m.end() + 200)
    for old, new in itertools.pairwise(cs):
        if old.unit != new.unit or not (_has_digit(old) and _has_digit(new)):
            continue
        if not _TO.fullmatch(text, old.end, new.start):
            continue
        if not _FROM.search(text, max(0, old.start - 30), old.start):
            continue
        a, b = (new.end, m.start()) if m.start() >= new.end else (m.end(), old.start)
        if b < a or b - a > 80 or _BREAK.search(text, a, b):
            continue
        i_old, i_new = interval(old), interval(new)
        if i_old.lo <= 0 or i_new.lo < 0:
            continue
        return i_new / i_old, [old, new], f"{old.text} to {new.text}", True
    changes = [c for c in cs if _is_change(text, c)]
    pair = _nearest(text, m.start(), m.end(), changes)
    if pair is None:
        return None
    c = pair.claim
    firm = (c.start - m.end() if c.start >= m.end() else m.start() - c.end) <= 40
    return 1 + interval(c) / 100, [c], f"a change of {c.text}", firm


# --- driving --------------------------------------------------------------------------------


def _words_in(
    text: str, lo: int, hi: int, pool: Sequence[Claim]
) -> Iterator[tuple[str, re.Match[str], _Pair | None]]:
    """Share words, "outnumber" and "-digit" phrases in ``text[lo:hi]``, each with the figure
    of ``pool`` it is paired with (None when there is none)."""
    shares = Sentence(lo, hi, tuple(c for c in pool if _is_share(c)))
    changes = Sentence(lo, hi, tuple(c for c in pool if _is_change(text, c)))
    for m in _share_word_matches(text, lo, hi):
        yield "share", m, _pair_share_words(text, m, _near(shares, m, _REACH))
    for m in _OUTNUMBER.finditer(text, lo, hi):
        # The share is usually set up in the same sentence, across ", and": no clause limit;
        # the pairing is firm only when the sentence has a single share.
        p = _nearest(text, m.start(), m.end(), _near(shares, m, 4 * _REACH), clause=False)
        yield "outnumber", m, None if p is None else _Pair(p.claim, len(shares.claims) == 1)
    for m in _DIGITS.finditer(text, lo, hi):
        p = _nearest(text, m.start(), m.end(), _near(changes, m, _REACH))
        if p is not None and not p.firm and p.claim.start >= m.end():
            p = _Pair(p.claim, bool(_DIGITS_LINK.fullmatch(text, m.end(), p.claim.start)))
        yield "digits", m, p


def _judge(text: str, sent: Sentence, kind: str, m: re.Match[str], pair: _Pair) -> Finding:
    if kind == "share":
        return _share_words(text, m, pair)
    if kind == "outnumber":
        return _outnumber(text, sent, m, pair)
    return _digits(text, m, pair)


@check(NAME)
def comparative(ctx: CheckContext) -> Iterator[Finding]:
    """Words that compare ("more than half", "outnumber", "double-digit", "higher than the
    average", "record high", "doubled") against the figures they speak about."""
    text = ctx.text
    sents = sentences(ctx)
    for i, sent in enumerate(sents):
        for kind, m, pair in _words_in(text, sent.start, sent.end, sent.claims):
            if pair is not None:
                yield _judge(text, sent, kind, m, pair)
            else:
                pool = [c for s in _adjacent(text, sents, i) for c in s.claims]
                yield from _lone(text, sent, kind, m, pool)
        for m in _COMPARE.finditer(text, sent.start, sent.end):
            f = _compare(text, sent, m)
            if f is not None:
                yield f
        for m in _RECORD.finditer(text, sent.start, sent.end):
            yield from _record(text, sent, m)
        for m in _MULTIPLE.finditer(text, sent.start, sent.end):
            f = _multiple(text, sent, m)
            if f is not None:
                yield f
    # Words in a sentence without figures, next to one with figures.
    seen: set[int] = set()
    for i in range(len(sents)):
        for lo, hi, touching in _bare_neighbours(text, sents, i):
            if lo in seen:
                continue
            seen.add(lo)
            bare = Sentence(lo, hi, ())
            pool = [c for s in touching for c in s.claims]
            for kind, m, _ in _words_in(text, lo, hi, ()):
                yield from _lone(text, bare, kind, m, pool)


def _adjacent(text: str, sents: list[Sentence], i: int) -> list[Sentence]:
    """The claim sentences right before and after ``sents[i]`` (only white space between)."""
    out = []
    if i > 0 and not text[sents[i - 1].end : sents[i].start].strip():
        out.append(sents[i - 1])
    if i + 1 < len(sents) and not text[sents[i].end : sents[i + 1].start].strip():
        out.append(sents[i + 1])
    return out


def _lone(
    text: str, sent: Sentence, kind: str, m: re.Match[str], pool: list[Claim]
) -> Iterator[Finding]:
    """Words paired across sentences: only with the single figure of their kind, and loosely."""
    if kind == "share":
        return  # "most of the growth": without a tight pairing, too easily the wrong figure
    if kind == "digits":
        cands = [c for c in pool if _is_change(text, c)]
    else:
        cands = [c for c in pool if _is_share(c)]
    if len(cands) == 1:
        yield _judge(text, sent, kind, m, _Pair(cands[0], False, " (in the neighbouring sentence)"))


def _bare_neighbours(
    text: str, sents: list[Sentence], i: int
) -> list[tuple[int, int, list[Sentence]]]:
    """The sentences right before and after ``sents[i]`` that hold no claims, each with the
    claim sentences it touches."""
    out = []
    s = sents[i]
    k = s.end
    while k < len(text) and text[k].isspace():
        k += 1
    nxt = sents[i + 1] if i + 1 < len(sents) else None
    if k < len(text) and (nxt is None or k < nxt.start):
        lo, hi = sentence_bounds(text, k, k + 1)
        if lo >= s.end and (nxt is None or hi <= nxt.start):
            touching = [s]
            if nxt is not None and not text[hi : nxt.start].strip():
                touching.append(nxt)
            out.append((lo, hi, touching))
    prv = sents[i - 1] if i > 0 else None
    k = s.start - 1
    while k > 0 and text[k].isspace():
        k -= 1
    if k > 0 and (prv is None or k >= prv.end):
        lo, hi = sentence_bounds(text, k, k + 1)
        if hi <= s.start and (prv is None or lo >= prv.end):
            touching = [s]
            if prv is not None and not text[prv.end : lo].strip():
                touching.insert(0, prv)
            out.append((lo, hi, touching))
    return out
