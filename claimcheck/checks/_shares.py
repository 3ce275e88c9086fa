"""Where a stated share's part and whole are: shared by ``share`` (which checks the share
against them) and ``derived`` (which reports the figure a share implies when one is missing).

Pairing is local: a share is only paired with claims of its own window (its sentence and the
adjacent sentences of its paragraph), so a document costs time linear in its claims.
"""

from __future__ import annotations

import re

from ..claim import Claim
from . import CheckContext
from ._arith import additive, factor
from ._subjects import Phrase, covers, part_of, phrase, same_thing
from ._text import Window, between, clause_before
from ._util import same_period

__all__ = ["find_part", "find_whole", "is_share"]


def is_share(c: Claim) -> bool:
    """A claim the extractor typed as a share in percent; a growth rate in percent has no part."""
    return c.kind == "share" and c.unit == "percent"


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
