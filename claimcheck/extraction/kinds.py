"""The kind of a claim: level, change, share, difference, ratio or target (see the contract)."""

from __future__ import annotations

import re

from ..numbers import Mention
from ..numbers.lexicon import MONTH_NAMES

__all__ = ["classify"]

_TARGET = re.compile(
    r"(?:\b(?:expected|projected|forecast|forecasted|estimated|set|aims?|aiming|plans?|planning|"
    r"intends?|seeks?|strives?|striving|targets?|is|are)\s+to\s+(?:[\w\-'’]+\s+){0,8}"
    r"|\b(?:expects?|expected|forecasts?|projects?|projected|guidance|guide|guiding|"
    r"outlook|anticipates?|targets?|sees)\s+(?:[\w\-'’]+\s+){0,4}"
    r"(?:(?:of|at|to|between|around|above|below|over|under|near|approximately|about|roughly|"
    r"in\s+the\s+range\s+of)\s+)?"
    r"|\b(?:will|would|shall)\s+(?:[\w\-'’]+\s+){0,3}"
    r"|\b(?:goal|target|objective|aim)\s+(?:is|was|of|:)\s+(?:to\s+)?(?:[\w\-'’]+\s+){0,12})"
    r"(?:[\w\-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"\A\s*(?:inflation\s+|growth\s+|emissions?\s+)?(?:target|goal|objective|ceiling|cap)\b",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:growth(?:\s+rates?)?|increases?|decreases?|rises?|declines?|gains?|drops?|changes?|"
    r"expansion|contraction)\s+(?:\w+\s+){0,2}(?:of|by|at|was|were|is|stood\s+at|"
    r"registered\s+at|reached)\s+(?:\w+\s+){0,2}\Z"
    r"|\b(?:an\s+additional|additional|another|a\s+further)\s+\Z",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"\A\s*(?:,?\s*respectively,?\s*)?(?:year[\s\-]+on[\s\-]+year|month[\s\-]+on[\s\-]+month|"
    r"quarter[\s\-]+on[\s\-]+quarter|from\s+a\s+year\s+(?:earlier|ago)|over\s+the\s+(?:year|month|quarter)\b|"
    r"compared\s+(?:with|to)\s+(?:the\s+)?(?:same|previous|last|a\s+year))",
    re.IGNORECASE,
)
_DIFF_AFTER = re.compile(
    r"\A\s*(?:higher|lower|more|fewer|less|greater|smaller|above|below|faster|slower|ahead)"
    r"\s+than\b",
    re.IGNORECASE,
)
#: Compared with the same measure at an earlier time, a difference is a change: "2.8% fewer
#: than in 2022", "5,600 more than a year earlier", "0.6 percentage points lower than in 2022".
_EARLIER_AFTER = re.compile(
    r"\A(?:\s*,\s*or\s+[^,;]{1,30},)?"  # "$0.7 billion, or 1.5 percent, more than July"
    r"\s*,?\s*(?P<word>higher|lower|more|fewer|less|greater|smaller|larger|bigger|wider|narrower)"
    r"\s+than\s+(?:(?:in|at|on|for|during)\s+)?(?:the\s+end\s+of\s+)?"
    r"(?:(?:19|20)\d\d\b|a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|prior|"
    r"preceding|same)\s+\w+|last\s+(?:year|quarter|month|week)|Q[1-4]\b|the\s+(?:first|second|"
    r"third|fourth)\s+quarter|(?:" + MONTH_NAMES + r")\b|the\s+[$£€¥]?[\d,.]+\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:in\s+|at\s+|on\s+)?(?:(?:19|20)\d\d\b|a\s+year\s+(?:earlier|ago|"
    r"before)|(?:the\s+)?(?:previous|prior)\s+\w+|(?:" + MONTH_NAMES + r")\b))",
    re.IGNORECASE,
)
_DOWN_WORDS = frozenset(("lower", "fewer", "less", "smaller", "narrower"))


def earlier_direction(after: str) -> int:
    """-1 for "fewer than in 2022", +1 for "more than a year earlier", 0 when not such a change."""
    m = _EARLIER_AFTER.match(after)
    if m is None:
        return 0
    return -1 if m.group("word").lower() in _DOWN_WORDS else 1


_DIFF_BEFORE = re.compile(
    r"\b(?:below|above|under|over|short\s+of|ahead\s+of|behind)\b[^.;,]{0,60}\bby\s+\Z",
    re.IGNORECASE,
)
_AVERAGE_RATE = re.compile(
    r"\baverage\s+(?:monthly|weekly|daily|annual|yearly|quarterly)\s+(?:(?:gain|growth|increase|"
    r"decline|loss|change|rise|fall)\s+(?:of|was|at|by)\s+)?\Z"
    r"|\baverage\s+(?:monthly|weekly|daily|annual|yearly|quarterly)\s+(?:gain|growth|increase|"
    r"decline|loss|change|rise|fall)\b[^.;,(]{0,60}\(\Z",
    re.IGNORECASE,
)
_WORKTIME = re.compile(r"\b(?:workweek|overtime|hours\s+worked|per\s+week|average)\b", re.I)
_ADDED_AFTER = re.compile(
    r"\A[\w\s\-\"“”]{0,60}?\b(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:newly\s+)?added\b",
    re.IGNORECASE,
)
_RATIO_CONTEXT = re.compile(r"\b(?:average\s+hourly|hourly|per\s+capita|per\s+unit)\b", re.I)
_PER_AFTER = re.compile(
    r"\A\s*(?:[A-Za-z][\w\-]*\s+){0,3}per\s+(?:[\d,]+|one|a|an|each|every|head|capita)\b",
    re.IGNORECASE,
)
_SHARE_WORDS = re.compile(
    r"\b(?:rate|ratio|share|proportion|percentage|penetration|utilization|utilisation|"
    r"coverage|margin|accounted|accounting|accounts?|equated|equivalent|of\s+(?:the\s+)?total)\b",
    re.IGNORECASE,
)
_RATE_OF_CHANGE = re.compile(
    r"(?<!ed\s)\b(?:inflation|deflation|growth|CPI|HICP|consumer\s+prices|price\s+index|GDP)"
    r"(?:\s+rate)?\s*\Z",
    re.IGNORECASE,
)
_PRICE_OF_MONEY = re.compile(
    r"\b(?:policy|interest|deposit|lending|bank|repo|discount|mortgage|refinancing|funds|base|"
    r"overnight|prime)\s+rates?\b|\byields?\b|\bcoupons?\b|\bBank\s+Rate\b|\brates?\s+on\b|"
    r"\b(?:deposit|lending|refinancing)\s+facility\b",
    re.IGNORECASE,
)
_RATIO_WORDS = re.compile(
    r"\b(?:per|average\s+hourly|hourly|per\s+capita|latency|speed|price|prices|cost\s+per|"
    r"yield|density|intensity|average\s+operating\s+cost|workweek|average\s+workweek|EPS|"
    r"book-to-bill|per\s+share)\b",
    re.IGNORECASE,
)


def classify(mention: Mention, before: str, after: str, subject: str) -> str:
    """Kind of ``mention`` from the sentence text ``before`` and ``after`` it."""
    clause = re.split(r"[,;:]", before[-160:])[-1]
    if _TARGET_AFTER.match(after):
        return "target"  # "below the Bank's 2% target"
    if _TARGET.search(clause) and not re.search(
        r"\b(?:has|have|had|was|were)\b[^.;]{0,30}\Z", clause, re.IGNORECASE
    ):
        return "target"
    if earlier_direction(after):
        return "change"  # "2,630 fewer than the 93,970 registered in 2022"
    if (
        mention.unit == "percent"
        and _RATE_OF_CHANGE.search(subject)
        and not _DIFF_AFTER.match(after)
    ):
        return "change"  # "food inflation eased to 4.0%": inflation is a rate of price change
    if (
        mention.unit == "percentage_point"
        and not _DIFF_AFTER.match(after)
        and (
            (mention.direction and mention.cue not in ("to", "at", "from"))
            or re.search(r"\bby\s+\Z", before[-6:])
        )
    ):
        return "change"  # "rose 0.2 percentage points", "improved by 250 basis points"
    if (
        mention.unit == "percentage_point"
        or _DIFF_AFTER.match(after)
        or _DIFF_BEFORE.search(before[-100:])
    ):
        return "difference"
    if _AVERAGE_RATE.search(before[-80:]):
        return "ratio"  # "the average monthly gain of 334,000": an average per month
    if _ADDED_AFTER.match(after):
        return "change"  # "13 Chinese enterprises were added to ..."
    if mention.direction and mention.cue not in ("to", "at", "from"):
        return "change"
    if mention.cue == "sign":
        return "change"
    measured = mention.unit not in ("",) or mention.scaled
    if measured and (_CHANGE_AFTER.match(after) or _CHANGE_BEFORE.search(before[-80:])):
        return "change"
    if _PER_AFTER.match(after) and mention.unit != "percent":
        return "ratio"  # "912.4 deaths per 100,000 people", "173 admissions per 1,000 people"
    if mention.unit in ("hour", "minute") and _WORKTIME.search(before[-160:]):
        return "ratio"  # "overtime remained at 3.0 hours" a week
    if (
        "/" in mention.unit
        or mention.per
        or (
            mention.unit in ("millisecond", "second", "microsecond")
            and not subject.startswith("for")
        )
    ):
        return "ratio"
    if mention.unit != "percent" and (
        _RATIO_WORDS.search(subject) or (mention.unit and _RATIO_CONTEXT.search(before[-220:]))
    ):
        return "ratio"
    if mention.unit == "percent" and _PRICE_OF_MONEY.search(subject):
        return "level"  # "the policy rate at 3.75%": a price, not a part of a whole
    if mention.unit == "percent":
        return "share"
    if mention.form == "fraction":
        return "share"
    return "level"
