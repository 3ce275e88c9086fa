"""Parts against the whole the text says they belong to.

Only parts the text itself ties to a whole are checked: "21.47 million vehicles, of which 8.316
million were NEVs"; "a total of 5 million, comprising A, B and C"; "A and B, together 5
million"; "A accounted for 60% and B for 40% of total users". Lists the text does not claim to
be parts of one whole ("including ...", "such as ...") are left alone.

Rules (documented in ``docs/checks/part_whole.md``):

* CC401 info -- the parts fit their whole (or sum to it, when said to make it up);
* CC402 error -- a single part is larger than its whole (``gross``: the order is reversed);
* CC403 error -- the parts sum past their whole;
* CC404 error -- parts said to make up the whole ("comprising", "consisting of", "together")
  sum to less than it;
* CC405 error -- shares of one whole sum past 100%.

``gross`` for CC403 and CC405 when the overflow reverses a majority: some part stated as more
than half of the whole could not be more than half given the other parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..claim import Claim
from ..intervals import Interval
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import additive, expected_of, factor, scaled, show, value_range
from ._shares import is_share
from ._subjects import covers, phrase, same_thing
from ._text import Window, between, windows
from ._util import fmt, same_period

__all__ = ["part_whole_check"]

CHECK = "part_whole"

_QUIET = re.compile(
    r"\b(?:includ(?:ing|es|ed)|such\s+as|for\s+example|for\s+instance|e\.g\.|among\s+others|"
    r"notably|led\s+by|mainly|mostly|primarily)\b",
    re.I,
)
_PARTS = re.compile(
    r"\b(?:of\s+which|of\s+whom|among\s+(?:them|which|whom|these|those)|within\s+(?:which|this))\b",
    re.I,
)
_FULL = re.compile(
    r"\b(?:compris(?:ing|ed\s+of|es)|consist(?:ing|s|ed)\s+of|made\s+up\s+of|composed\s+of|"
    r"broken\s+down\s+into|split\s+(?:into|between)|divided\s+(?:into|between))\b",
    re.I,
)
#: "A and B, together 5 million": a total after its parts.
_TOTAL_AFTER = re.compile(
    r"\b(?:totall?(?:ing|ed)|in\s+total|together|combined|altogether|(?:for|with)\s+a\s+total\s+of|"
    r"adding\s+up\s+to|summing\s+to)\b",
    re.I,
)
#: A figure introduced by these belongs to another time or another comparison, not the list.
_ELSEWHERE = re.compile(
    r"\b(?:from|than|compared|versus|vs|against|previous(?:ly)?|earlier|ago|last|respectively)\b|;",
    re.I,
)
_PARTITIVE = re.compile(
    r"\b(?:account(?:ed|ing|s)?\s+for|mak(?:e|es|ing)\s+up|made\s+up|represent(?:ed|ing|s)?)\b",
    re.I,
)


def _name(c: Claim) -> str:
    return c.subject or c.text


def _sum_text(parts: Sequence[Claim]) -> str:
    return " + ".join(fmt(p.value, p.unit) for p in parts)


def _majority_flips(parts: Sequence[Interval], whole: Interval) -> bool:
    """Some part stated above half the whole can only be below half, given the others.

    The part is a majority under every reading when ``p.lo > W.hi / 2``; it can be one only if
    some whole ``w`` leaves it more than ``w / 2`` after the others, i.e. ``w > 2 * others``.
    """
    for i, p in enumerate(parts):
        others = sum((q.lo for j, q in enumerate(parts) if j != i), 0.0)
        if p.lo > whole.hi / 2 and whole.hi <= 2 * others:
            return True
    return False


def _judge(whole: Claim, parts: Sequence[Claim], exhaustive: bool) -> list[Finding]:
    w = value_range(whole)
    ivs = [scaled(p, whole.unit) for p in parts]
    out = []
    for p, iv in zip(parts, ivs, strict=True):
        if iv.lo > w.hi or (iv.lo == w.hi and (iv.lo_open or w.hi_open)):
            size = iv.lo - w.hi
            msg = (
                f"{_name(p)} ({p.text}) is larger than {_name(whole)} ({whole.text}), "
                f"the whole it is part of (by {fmt(size, whole.unit)} beyond rounding)"
            )
            out.append(
                finding("CC402", CHECK, "error", msg, (p, whole),
                        expected=whole.value, observed=p.value, gross=True, slip=size)
            )  # fmt: skip
    if out:
        return out
    total = sum(ivs[1:], ivs[0])
    claims = (*parts, whole)
    arithmetic = f"{_sum_text(parts)} = {show(total, whole.unit)}"
    of = f"parts of {_name(whole)}"
    if total.lo > w.hi or (total.lo == w.hi and (total.lo_open or w.hi_open)):
        size = total.lo - w.hi
        msg = (
            f"{of}: {_sum_text(parts)} = {show(total, whole.unit, span=True)}, more than "
            f"the whole, {whole.text} (by {fmt(size, whole.unit)} beyond rounding)"
        )
        return [
            finding("CC403", CHECK, "error", msg, claims, expected=whole.value,
                    observed=total.mid, gross=_majority_flips(ivs, w), slip=size)
        ]  # fmt: skip
    if exhaustive and not total.intersects(w):
        size = w.lo - total.hi
        msg = (
            f"{of}, said to make it up: {_sum_text(parts)} = {show(total, whole.unit, span=True)},"
            f" less than the whole, {whole.text} (by {fmt(size, whole.unit)} beyond rounding)"
        )
        return [
            finding("CC404", CHECK, "error", msg, claims, expected=whole.value,
                    observed=total.mid, slip=size)
        ]  # fmt: skip
    if len(parts) == 1 and not exhaustive:
        p = parts[0]
        msg = f"{_name(p)} ({p.text}) fits within {_name(whole)} ({whole.text}), the whole it is part of"
    else:
        relation = "make up" if exhaustive else "fit within"
        msg = f"{of}: {arithmetic}, which can {relation} {whole.text}"
    return [
        finding("CC401", CHECK, "info", msg, claims, expected=whole.value,
                observed=expected_of(total, total.mid), slip=0.0)
    ]  # fmt: skip


def _fits(whole: Claim, c: Claim) -> bool:
    return (
        c is not whole
        and additive(c)
        and factor(c.unit, whole.unit) is not None
        and same_period(c, whole)
    )


def _parts_after(
    ctx: CheckContext, whole: Claim, sentence: Sequence[Claim]
) -> tuple[list[Claim], bool] | None:
    """ "W, of which A and B" / "W comprising A, B and C": the parts and whether exhaustive."""
    later = [c for c in sentence if c.start >= whole.end and _fits(whole, c)]
    if not later:
        return None
    gap = between(ctx, whole, later[0]) or ""
    if _QUIET.search(gap) or not (_PARTS.search(gap) or _FULL.search(gap)):
        return None
    exhaustive = bool(_FULL.search(gap)) and not _PARTS.search(gap)
    parts = [later[0]]
    for c in later[1:]:
        g = between(ctx, parts[-1], c) or ";"
        if _ELSEWHERE.search(g) or _QUIET.search(g) or not same_period(c, parts[0]):
            break
        parts.append(c)
    return parts, exhaustive


def _parts_before(ctx: CheckContext, whole: Claim, sentence: Sequence[Claim]) -> list[Claim] | None:
    """ "A and B, together W": the parts before a total."""
    earlier = [c for c in sentence if c.end <= whole.start and _fits(whole, c)]
    if len(earlier) < 2:
        return None
    gap = between(ctx, earlier[-1], whole) or ""
    if not _TOTAL_AFTER.search(gap) or _ELSEWHERE.search(gap) or _QUIET.search(gap):
        return None
    parts = [earlier[-1]]
    for c in reversed(earlier[:-1]):
        g = between(ctx, c, parts[0]) or ";"
        if _ELSEWHERE.search(g) or _QUIET.search(g) or _TOTAL_AFTER.search(g):
            break
        parts.insert(0, c)
    return parts if len(parts) >= 2 else None


def _share_groups(ctx: CheckContext, w: Window) -> list[list[Claim]]:
    """Shares of one whole in one sentence: "A accounted for 60% and B for 40% of total users"."""
    shares = [s for s in w.sentence if is_share(s) and s.subject]
    if len(shares) < 2 or not _PARTITIVE.search(shares[0].sentence):
        return []
    wholes = {s.whole for s in shares if s.whole}
    groups: list[list[Claim]] = []
    for s in shares:
        ws = phrase(s.whole, keep_generic=False)
        for g in groups:
            head = next((x for x in g if x.whole), g[0])
            hw = phrase(head.whole, keep_generic=False)
            same_whole = (ws and hw and same_thing(ws, hw)) or (
                len(wholes) == 1 and not (s.whole and head.whole and s.whole != head.whole)
            )
            if same_whole and all(_disjoint(s, x) for x in g):
                g.append(s)
                break
        else:
            groups.append([s])
    return [g for g in groups if len(g) >= 2 and any(x.whole for x in g)]


def _disjoint(a: Claim, b: Claim) -> bool:
    pa, pb = phrase(a.subject), phrase(b.subject)
    return bool(pa) and bool(pb) and same_period(a, b) and not covers(pa, pb) and not covers(pb, pa)


def _judge_shares(group: Sequence[Claim]) -> Finding:
    ivs = [value_range(s) for s in group]
    total = sum(ivs[1:], ivs[0])
    whole = next(s.whole for s in group if s.whole)
    terms = " + ".join(fmt(s.value, "percent") for s in group)
    hundred = Interval.point(100.0)
    if total.lo > 100 or (total.lo == 100 and total.lo_open):
        size = total.lo - 100
        msg = (
            f"shares of {whole}: {terms} = {show(total, 'percent', span=True)}, more than 100% "
            f"(by {fmt(size, 'percentage_point')} beyond rounding)"
        )
        return finding("CC405", CHECK, "error", msg, group, expected=100.0, observed=total.mid,
                       gross=_majority_flips(ivs, hundred), slip=size)  # fmt: skip
    msg = f"shares of {whole}: {terms} = {show(total, 'percent')}, within 100%"
    return finding("CC401", CHECK, "info", msg, group, expected=100.0, observed=total.mid,
                   slip=0.0)  # fmt: skip


@check(CHECK)
def part_whole_check(ctx: CheckContext) -> list[Finding]:
    """Every whole the text splits into parts, and every set of shares of one whole."""
    out: list[Finding] = []
    for w in windows(ctx):
        for whole in w.sentence:
            if not additive(whole):
                continue
            after = _parts_after(ctx, whole, w.sentence)
            if after is not None:
                out.extend(_judge(whole, *after))
                continue
            before = _parts_before(ctx, whole, w.sentence)
            if before is not None:
                out.extend(_judge(whole, before, True))
        out.extend(_judge_shares(g) for g in _share_groups(ctx, w))
    return out
