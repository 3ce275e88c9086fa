"""Segment scopes: "In Automation Solutions, revenue grew 4%" is that segment's revenue, not the
company's, so a bare measure in the scoped paragraph takes the segment's name.
"""

from __future__ import annotations

import re

__all__ = ["scope_opener", "scoped"]

_NOT_SCOPES = frozenset(
    "addition total contrast particular short sum summary general comparison brief fact turn "
    "other our the this that these those all both each january february march april may june "
    "july august september october november december q1 q2 q3 q4 h1 h2 fiscal fy spring summer "
    "autumn fall winter".split()
)
_OPENER = re.compile(
    r"\s*(?:In|For|Across|Within|At)\s+(?:the\s+|our\s+)?"
    r"(?P<name>[A-Z][\w'’\-]*(?:\s+(?:&|and|of|[A-Z][\w'’\-]*)){0,4}?)"
    r"(?:\s+(?:segment|division|business|unit|group))?\s*,"
)
#: Measures a company reports per segment.
_MEASURES = frozenset(
    "revenue revenues sales orders bookings backlog margin margins profit profits income "
    "earnings ebitda ebit shipments volume volumes deliveries growth".split()
)
_MODIFIERS = frozenset(
    "segment organic operating adjusted gross net total reported quarterly second-quarter "
    "first-quarter third-quarter fourth-quarter full-year annual".split()
)


#: A paragraph that opens on a segment: "Power Components remains the soft spot."
_NAMED_SUBJECT = re.compile(
    r"\s*(?P<name>[A-Z][\w'’\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’\-]*){1,3})\s+"
    r"(?:is|was|remains|remained|had|has|delivered|posted|reported|grew|saw|continued|"
    r"continues)\b"
)


def scope_opener(sentence: str, *, first: bool = False) -> str:
    """The segment a sentence opens with ("In Automation Solutions, ..."), else "".

    The ``first`` sentence of a paragraph may also name it as its subject ("Power Components
    remains the soft spot.").

    >>> scope_opener("In Europe, sales rose 4%.")
    'Europe'
    >>> scope_opener("In addition, sales rose 4%.")
    ''
    >>> scope_opener("Power Components remains the soft spot.", first=True)
    'Power Components'
    """
    m = _OPENER.match(sentence) or (_NAMED_SUBJECT.match(sentence) if first else None)
    if m is None:
        return ""
    name = m.group("name")
    first = name.split()[0].lower()
    if first in _NOT_SCOPES or re.search(r"\d", name):
        return ""
    return name


def scoped(subject: str, scope: str) -> str:
    """``subject`` of the segment ``scope`` when it is a bare measure ("segment margin").

    >>> scoped("second-quarter revenue", "Automation Solutions")
    'Automation Solutions second-quarter revenue'
    >>> scoped("Revenue of the group", "Automation Solutions")
    'Revenue of the group'
    """
    words = subject.lower().split()
    if (
        not scope
        or not words
        or words[-1] not in _MEASURES
        or any(w not in _MODIFIERS for w in words[:-1])
    ):
        return subject
    return f"{scope} {subject}"
