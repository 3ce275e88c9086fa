"""Figures a document implies without stating them, reported so a reader can weigh them.

"bringing the total to 72, accounting for 42% of the global total" implies a global total of
about 171 (169.4 to 173.5). Derived figures are never errors; they are what a reader would work
out with a calculator, with the range the stated precision allows.

Rules (documented in ``docs/checks/derived.md``):

* CC1101 info -- the whole a stated part and its share imply (the whole itself unstated);
* CC1102 info -- the part a stated whole and a share of it imply (the part itself unstated).

Only shares whose part or whole the share check could not find are reported here, so a share
with both stated appears once, as CC201/CC202.
"""

from __future__ import annotations

from ..claim import Claim
from ..intervals import implied_whole
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import show, value_range
from ._shares import find_part, find_whole, is_share
from ._text import windows
from ._util import fmt
from .granularity import MAX_WHOLE

__all__ = ["derived_check"]

CHECK = "derived"


def _small_count(c: Claim) -> bool:
    """A whole the granularity check reads as a count ("90% of 31 provinces")."""
    return c.unit == "" and float(c.value).is_integer() and c.value <= MAX_WHOLE


@check(CHECK)
def derived_check(ctx: CheckContext) -> list[Finding]:
    """CC1101/CC1102 for shares stated with only their part or only their whole."""
    out: list[Finding] = []
    for w in windows(ctx):
        for s in w.sentence:
            if not is_share(s) or s.value <= 0:
                continue
            whole = find_whole(ctx, s, w)
            part = find_part(ctx, s, w, whole, strict=whole is None)
            share = value_range(s)
            if part is not None and whole is None and s.whole:
                implied = implied_whole(value_range(part), share)
                msg = (
                    f"implied whole ({s.whole}) that {part.text} is {s.text} of: "
                    f"{fmt(part.value, part.unit)} / {fmt(s.value, 'percent')} = "
                    f"{show(implied, part.unit, span=True)}"
                )
                out.append(finding("CC1101", CHECK, "info", msg, (part, s), expected=implied.mid))
            elif whole is not None and part is None and s.subject and not _small_count(whole):
                implied = value_range(whole) * share / 100
                msg = (
                    f"implied part ({s.subject}): {fmt(s.value, 'percent')} of "
                    f"{fmt(whole.value, whole.unit)} = {show(implied, whole.unit, span=True)}"
                )
                out.append(finding("CC1102", CHECK, "info", msg, (s, whole), expected=implied.mid))
    return out
