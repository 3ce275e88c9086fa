"""Lists of figures tied to lists of subjects by "respectively".

"Production and sales reached 21.47 million vehicles and 21.571 million vehicles, respectively,
up 1.9% and 2.4% year on year, respectively" states four facts; each figure takes the subject in
the same position of the coordinated phrase, and a second list takes the subjects of the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..numbers import Mention

__all__ = ["RespectivelyList", "figure_lists", "split_coordination"]

#: Between two figures of a list: a separator, optionally after the counted noun
#: ("21.47 million vehicles and 21.571 million vehicles").
_GAP = re.compile(
    r"(?:[ \t]+(?!(?:in|on|at|of|for|from|to|by|with|during|since|than)\b)[A-Za-z][\w\-]*){0,3}"
    r"[ \t]*(?:,[ \t\r\n]*(?:and[ \t\r\n]+|or[ \t\r\n]+)?|[ \t\r\n]+(?:and|or)[ \t\r\n]+)"
)


@attrs.frozen(slots=True)
class RespectivelyList:
    #: Indexes (into the sentence's mentions) of the figures of the list.
    members: tuple[int, ...]
    #: True when "respectively" follows the list.
    respectively: bool


def figure_lists(text: str, mentions: Sequence[Mention]) -> list[RespectivelyList]:
    """Runs of figures joined only by commas and "and"/"or", in sentence order."""
    out: list[RespectivelyList] = []
    i = 0
    while i < len(mentions):
        j = i
        while (
            j + 1 < len(mentions)
            and mentions[j + 1].unit == mentions[i].unit
            and mentions[j + 1].cue not in ("to", "from", "at")
            and bool(mentions[j + 1].direction) == bool(mentions[i].direction)
            and _GAP.fullmatch(text, mentions[j].end, mentions[j + 1].lead_start)
        ):
            j += 1
        if j > i:
            tail = text[mentions[j].end : mentions[j].end + 60]
            resp = bool(re.match(r"[^.;]{0,40}?\brespectively\b", tail, re.IGNORECASE))
            out.append(RespectivelyList(tuple(range(i, j + 1)), resp))
        i = j + 1
    return out


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def split_coordination(phrase: str) -> list[str]:
    """ "production and sales of NEVs" -> ["production of NEVs", "sales of NEVs"].

    A shared tail ("of NEVs", "of the automobile industry") is given to every item.

    >>> split_coordination("operating income and total profit of the automobile industry")
    ['operating income of the automobile industry', 'total profit of the automobile industry']
    >>> split_coordination("Production and sales")
    ['Production', 'sales']
    >>> split_coordination("Sales in Europe, Asia and the Americas")
    ['Sales in Europe', 'Sales in Asia', 'Sales in Americas']
    """
    parts = [p.strip() for p in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", phrase)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return parts
    last = parts[-1]
    m = re.search(r"\s+((?:of|in|for|from)\s+.+)$", last)
    if m and not any(re.search(r"\s(?:of|in|for|from)\s", " " + p + " ") for p in parts[:-1]):
        tail = m.group(1)
        return [f"{p} {tail}" for p in parts[:-1]] + [last]
    # a shared head in front: "Sales in Europe, Asia and the Americas"
    h = re.match(r"(.+?\s(?:of|in|for|from|to))\s+\S", parts[0])
    if h and not any(re.search(r"\s(?:of|in|for|from|to)\s", " " + p + " ") for p in parts[1:]):
        head = h.group(1)
        parts = [parts[0], *(f"{head} {_THE.sub('', p)}" for p in parts[1:])]
    return parts
