"""Shares against their part and whole: ``100 * part / whole`` must meet the stated share.

Rules (documented in ``docs/checks/share.md``):

* CC201 info -- a stated share agrees with its stated part and whole (within rounding);
* CC202 error -- it does not;
* CC203 info -- a part and its whole stated together without a share: the share they imply.

The part and whole of a share are found by ``_shares`` (``derived`` reports what a share with
only one of them implies); pairing stays within a sentence and its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..claim import Claim
from ..intervals import percent_of
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import additive, factor, scaled, show, value_range, verdict
from ._shares import find_part, find_whole, is_share
from ._subjects import part_of, phrase
from ._text import Window, windows
from ._util import fmt, same_period

__all__ = ["share_check"]

CHECK = "share"


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
