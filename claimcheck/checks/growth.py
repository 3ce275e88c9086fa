"""Levels, increments and growth rates stated together must agree.

Patterns, each within one sentence:

* "revised down by 32,000, from +504,000 to +472,000": ``472,000 - 504,000`` must meet -32,000;
* "fell from A to B", "B, down from A": the stated direction must be possible;
* "rose by 9 cents, or 0.3 percent, to $33.18": the rate must meet ``0.09 / (33.18 - 0.09)``;
  without a rate ("increased by 172,000 to 1.6 million", "13 ... bringing the total to 72") the
  previous level ``L - C`` is reported;
* "reached 325.2 billion yuan, a year-on-year increase of 9.4%": the previous level
  ``L / (1 + g)`` is reported (runs "A and B, up x% and y%, respectively" pair in order).

Rules (documented in ``docs/checks/growth.md``):

* CC601 info -- increment, rate, levels and direction agree;
* CC602 error -- they do not (``gross`` when the direction of the change flips);
* CC603 info -- the previous level implied by a level and its increment or growth rate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..claim import Claim
from ..intervals import Interval, growth_rate, implied_base
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import factor, show, value_range, verdict
from ._text import between, same_sentence, sentence_before, windows
from ._util import fmt

__all__ = ["growth_check"]

CHECK = "growth"

_RULES = ("CC601", "CC602")
#: Every growth finding is a verdict of this check with zero tolerance beyond the intervals.
_verdict = functools.partial(verdict, check_name=CHECK, rules=_RULES, thresholds=(0.0,))
_DOWN_WORDS = (
    r"down|fell|fallen|decreased|declined|dropped|lower|reduced|cut|lost|shrank|slipped|"
    r"decrease|decline|drop|fall|reduction|contracted|narrowed"
)
_UP_WORDS = (
    r"up|rose|risen|increased|grew|grown|climbed|jumped|gained|added|higher|increase|rise|"
    r"growth|gain|expanded|widened"
)
_TO_END = re.compile(
    r"\bto(?:\s+(?:a\s+(?:total|record|high|low)\s+of|reach|stand\s+at))?\s*$", re.I
)
_CUMULATIVE = re.compile(r"\b(?:bringing|taking|raising|lifting|pushing|brought|took)\b", re.I)
_FROM_END = re.compile(r"\bfrom\b[^,;]{0,40}$", re.I)
_DIRECTION_FROM = re.compile(
    rf"\b(?P<dir>{_UP_WORDS}|{_DOWN_WORDS}|rising|falling|increasing|decreasing)\s+from\b"
    r"[^;]{0,40}$",
    re.I,
)


_LEVEL_KINDS = ("level", "ratio", "share")


#: "from A to B", "from A in Quarter 4 2013 to B".
_TO_GAP = re.compile(r"\s*(?:(?:in|at|for|during|by|as\s+of)\s+[A-Za-z0-9 ]{1,30}?\s+)?to\s*", re.I)
#: "by C, from A", "by C, decreasing from A".
_C_FROM = re.compile(
    r"[\s,]*(?:(?:decreasing|increasing|falling|rising|dropping|growing|declining|moving|"
    r"going|up|down)\s+)?from\s*",
    re.I,
)


def _is_rate(c: Claim) -> bool:
    return c.kind == "change" and c.unit == "percent"


def _is_amount(c: Claim) -> bool:
    return c.unit not in ("percent",) and not (c.kind == "change" and c.unit == "percent")


def _down(text: str) -> bool:
    """Whether the words right before a figure say it went down ("revised down by")."""
    m = re.search(rf"\b(?:{_DOWN_WORDS}|edged\s+down)\b[^,;\d]{{0,25}}$", text, re.I)
    return m is not None


def _signed(ctx: CheckContext, c: Claim, lead: str | None = None) -> tuple[Interval, float]:
    """A change's interval and value with the sign the words give it (contract: decreases are
    negative; "fell by 3" stated as +3 is turned round here too)."""
    iv = value_range(c)
    lead = sentence_before(ctx, c) if lead is None else lead
    if c.value > 0 and _down(lead[-40:]):
        return -iv, -c.value
    return iv, c.value


def _unit_factor(c: Claim, level: Claim) -> float | None:
    """Factor taking an increment in ``c.unit`` into ``level.unit`` (points add to percents)."""
    if c.unit == "percentage_point" and level.unit == "percent":
        return 1.0
    if "percent" in (c.unit, level.unit) or "percentage_point" in (c.unit, level.unit):
        return None
    return factor(c.unit, level.unit)


def _name(c: Claim) -> str:
    return c.subject or "the level"


def _direction_finding(a: Claim, b: Claim, up: bool, word: str) -> Finding:
    """ "fell from A to B" / "B, down from A": B - A must be able to have the stated sign."""
    f = factor(a.unit, b.unit)
    assert f is not None
    change = value_range(b) - (value_range(a) * f if f != 1.0 else value_range(a))
    ok = change.hi > 0 if up else change.lo < 0
    arithmetic = f"{fmt(b.value, b.unit)} − {fmt(a.value, b.unit if f == 1.0 else a.unit)}"
    if ok:
        msg = f"{_name(b)} {word} from {a.text} to {b.text}: {arithmetic} = {show(change, b.unit)}"
        return finding(_RULES[0], CHECK, "info", msg, (a, b), expected=change.mid, slip=0.0)
    size = change.lo if up else -change.hi
    size = abs(size)
    msg = (
        f"{_name(b)} said to have {'risen' if up else 'fallen'} from {a.text} to {b.text}, "
        f"but {arithmetic} = {show(change, b.unit)}: the change goes the other way"
    )
    return finding(_RULES[1], CHECK, "error", msg, (a, b), expected=change.mid, gross=True,
                   slip=size)  # fmt: skip


def _from_to(ctx: CheckContext, sent: Sequence[Claim], used: set[str]) -> list[Finding]:
    """ "by C, from A to B" and "rose from A to B"."""
    out = []
    for i in range(len(sent) - 1):
        a, b = sent[i], sent[i + 1]
        gap = between(ctx, a, b)
        if gap is None or not _TO_GAP.fullmatch(gap) or factor(a.unit, b.unit) is None:
            continue
        if _is_rate(a) != _is_rate(b) or {a.id, b.id} & used:
            continue
        lead = between(ctx, sent[i - 1], a) if i > 0 else None
        if lead is None:
            lead = sentence_before(ctx, a)
        if not _FROM_END.search(lead):
            continue
        c = sent[i - 1] if i > 0 and _C_FROM.fullmatch(lead) else None
        if c is not None and _is_rate(c) and not _is_rate(b) and c.id not in used:
            out.append(_rate_check(ctx, c, b, a))  # "rose 15% from A to B"
            used.update((c.id, a.id, b.id))
            continue
        if c is not None and c.kind == "change" and _unit_factor(c, b) is not None:
            stated, value = _signed(ctx, c)
            f = factor(a.unit, b.unit) or 1.0
            computed = (value_range(b) - value_range(a) * f) / (_unit_factor(c, b) or 1.0)
            out.append(
                _verdict(
                    stated=c,
                    stated_iv=stated,
                    observed=value,
                    computed=computed,
                    claims=(c, a, b),
                    what=f"change in {_name(c) if c.subject else _name(b)}",
                    arithmetic=f"{fmt(b.value, b.unit)} − {fmt(a.value, a.unit)}",
                )
            )
            used.update((c.id, a.id, b.id))
            continue
        head = lead[: _FROM_END.search(lead).start()]  # type: ignore[union-attr]
        m = re.search(rf"\b(?P<dir>{_UP_WORDS}|{_DOWN_WORDS})\b[^,;]{{0,30}}$", head, re.I)
        if m is None:
            continue
        up = re.fullmatch(_UP_WORDS, m["dir"], re.I) is not None
        out.append(_direction_finding(a, b, up, m["dir"].lower()))
        used.update((a.id, b.id))
    return out


def _down_from(ctx: CheckContext, sent: Sequence[Claim], used: set[str]) -> list[Finding]:
    """ "B, down from A" -- the level first, the earlier level after."""
    out = []
    for i in range(len(sent) - 1):
        b, a = sent[i], sent[i + 1]
        if {a.id, b.id} & used or factor(a.unit, b.unit) is None or _is_rate(a) != _is_rate(b):
            continue
        gap = between(ctx, b, a)
        if gap is None or len(gap) > 90 or ";" in gap:
            continue
        if re.search(r"\bby\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$", sentence_before(ctx, b)):
            continue  # "fell by C, decreasing from A ...": C is the change, not the later level
        m = _DIRECTION_FROM.search(gap)
        if m is None:
            continue
        up = re.fullmatch(rf"{_UP_WORDS}|rising|increasing", m["dir"], re.I) is not None
        out.append(_direction_finding(a, b, up, m["dir"].lower()))
        used.update((a.id, b.id))
    return out


def _rate_after(ctx: CheckContext, level: Claim, nxt: Claim | None) -> Claim | None:
    """ "... to 72, up 22%": a growth rate right after the level."""
    if nxt is None or not _is_rate(nxt):
        return None
    gap = between(ctx, level, nxt)
    if gap is None or len(gap) > 40 or ";" in gap:
        return None
    return nxt if re.search(rf"\b(?:{_UP_WORDS}|{_DOWN_WORDS})\b|^[\s,]*$", gap, re.I) else None


def _rate_check(ctx: CheckContext, rate: Claim, level: Claim, earlier: Claim) -> Finding:
    """A stated growth rate against the two levels it compares: ``100 * (L / A - 1)``."""
    r_iv, r_value = _signed(ctx, rate)
    f = factor(earlier.unit, level.unit) or 1.0
    computed = growth_rate(value_range(level), value_range(earlier) * f)
    return _verdict(
        stated=rate,
        stated_iv=r_iv,
        observed=r_value,
        computed=computed,
        claims=(rate, level, earlier),
        what=f"growth of {_name(level)}",
        arithmetic=f"100 × ({fmt(level.value, level.unit)} / {fmt(earlier.value, earlier.unit)} − 1)",
        unit="percent",
    )


_RATE_TO = re.compile(r"\s*,?\s*to(?:\s+reach)?\s*", re.I)
_RATE_FROM = re.compile(
    r"\s*(?:from|compared\s+(?:with|to)|over|on)\s+(?:the\s+|a\s+)?(?:revised\s+)?", re.I
)


def _rate_pairs(ctx: CheckContext, sent: Sequence[Claim], used: set[str]) -> list[Finding]:
    """ "rose R to L" (the level before) and "L, up R from A" (a stated earlier level)."""
    out = []
    for i, r in enumerate(sent):
        if not _is_rate(r) or r.id in used:
            continue
        prev = sent[i - 1] if i > 0 else None
        nxt = sent[i + 1] if i + 1 < len(sent) else None
        after = sent[i + 2] if i + 2 < len(sent) else None
        # "L, up 15% from A"
        if (
            prev is not None
            and nxt is not None
            and _base_level(prev, used)
            and nxt.id not in used
            and not _is_rate(nxt)
            and factor(nxt.unit, prev.unit) is not None
            and _short(between(ctx, prev, r), 60)
            and _RATE_FROM.fullmatch(between(ctx, r, nxt) or ";")
        ):
            out.append(_rate_check(ctx, r, prev, nxt))
            used.update((prev.id, r.id, nxt.id))
            continue
        # "rose 5% to $2.1 billion"
        if (
            nxt is not None
            and nxt.id not in used
            and nxt.unit not in ("percent", "percentage_point")
            and nxt.kind != "difference"
            and _RATE_TO.fullmatch(between(ctx, r, nxt) or ";")
        ):
            if (
                after is not None
                and _RATE_FROM.fullmatch(between(ctx, nxt, after) or ";")
                and factor(after.unit, nxt.unit) is not None
                and after.id not in used
            ):
                out.append(_rate_check(ctx, r, nxt, after))  # "rose 5% to L from A"
                used.update((r.id, nxt.id, after.id))
                continue
            out.append(_implied(ctx, nxt, r))
            used.update((r.id, nxt.id))
    return out


def _by_to(ctx: CheckContext, sent: Sequence[Claim], used: set[str]) -> list[Finding]:
    """ "rose by C(, or R,) to L" and "C ..., bringing the total to L"."""
    out = []
    for i, c in enumerate(sent):
        if c.id in used or not _is_amount(c):
            continue
        if c.kind not in ("change", "level") and not (
            c.kind == "difference"  # "rose by 0.2 percentage point to 3.7 percent"
            and c.unit == "percentage_point"
            and re.search(r"\bby\s*$", sentence_before(ctx, c))
        ):
            continue
        rest = sent[i + 1 :]
        rate = rest[0] if rest and _is_rate(rest[0]) else None
        rest = rest[1:] if rate is not None else rest
        if not rest:
            continue
        level = rest[0]
        gap = between(ctx, c, level)
        if gap is None or len(gap) > 160 or ";" in gap or re.search(r"\bfrom\b", gap, re.I):
            continue
        if not _TO_END.search(gap) or level.id in used or level.kind not in _LEVEL_KINDS:
            continue
        if c.bound == "low" and level.bound == "high":
            continue  # "5 to 10 million tons": a range
        if c.kind == "level" and not _CUMULATIVE.search(gap):
            continue  # a plain level before "to" is a range or another figure, not an increment
        f = _unit_factor(c, level)
        if f is None:
            continue
        if rate is None:
            rate = _rate_after(ctx, level, rest[1] if len(rest) > 1 else None)
        lead = sentence_before(ctx, c)
        inc, inc_value = _signed(ctx, c, lead)
        inc = inc * f if f != 1.0 else inc
        lv = value_range(level)
        used.update((c.id, level.id))
        change = fmt(abs(inc_value), c.unit)
        sign = "−" if inc_value >= 0 else "+"
        previous = lv - inc
        if rate is None:
            msg = (
                f"implied previous level of {_name(level)}: {fmt(level.value, level.unit)} "
                f"{sign} {change} = {show(previous, level.unit, span=True)}"
            )
            out.append(finding("CC603", CHECK, "info", msg, (c, level), expected=previous.mid))
            continue
        used.add(rate.id)
        r_iv, r_value = _signed(ctx, rate)
        # 100 * C / (L - C) = 100 / (L / C - 1): each stated figure used once, no widening.
        computed = 100 / (lv / inc - 1)
        out.append(
            _verdict(
                stated=rate,
                stated_iv=r_iv,
                observed=r_value,
                computed=computed,
                claims=(rate, c, level),
                what=f"growth of {_name(level)}",
                arithmetic=(
                    f"{fmt(inc_value, c.unit)} / ({fmt(level.value, level.unit)} {sign} {change})"
                ),
                unit="percent",
            )
        )
    return out


def _runs(ctx: CheckContext, sent: Sequence[Claim], used: set[str]) -> list[Finding]:
    """ "reached L, up g%" and "L1 and L2, respectively, up g1 and g2": implied base levels."""
    out = []
    i = 0
    while i < len(sent):
        levels: list[Claim] = []
        j = i
        while j < len(sent) and _base_level(sent[j], used) and _joined(ctx, levels, sent[j]):
            levels.append(sent[j])
            j += 1
        rates: list[Claim] = []
        k = j
        while k < len(sent) and _is_rate(sent[k]) and sent[k].id not in used:
            if rates and not _short(between(ctx, rates[-1], sent[k]), 40):
                break
            rates.append(sent[k])
            k += 1
        if levels and len(rates) == len(levels) and _short(between(ctx, levels[-1], rates[0]), 90):
            for level, rate in zip(levels, rates, strict=True):
                out.append(_implied(ctx, level, rate))
                used.update((level.id, rate.id))
            i = k
        else:
            i = max(j, i + 1)
    return out


def _short(gap: str | None, limit: int) -> bool:
    return (
        gap is not None
        and len(gap) <= limit
        and ";" not in gap
        and not re.search(
            r"\b(?:from|than|compared|while|whereas|but|although|though|meanwhile)\b", gap, re.I
        )
    )


def _base_level(c: Claim, used: set[str]) -> bool:
    return c.kind in ("level", "ratio") and _is_amount(c) and c.id not in used and c.value > 0


def _joined(ctx: CheckContext, levels: Sequence[Claim], c: Claim) -> bool:
    return not levels or _short(between(ctx, levels[-1], c), 40)


def _implied(ctx: CheckContext, level: Claim, rate: Claim) -> Finding:
    r_iv, r_value = _signed(ctx, rate)
    base = implied_base(value_range(level), r_iv)
    when = "a year earlier" if "year" in rate.basis else "before the change"
    msg = (
        f"implied level of {_name(level)} {when}: {fmt(level.value, level.unit)} / "
        f"(1 {'+' if r_value >= 0 else '−'} {fmt(abs(r_value), 'percent')}) = "
        f"{show(base, level.unit, span=True)}"
    )
    return finding("CC603", CHECK, "info", msg, (level, rate), expected=base.mid)


@check(CHECK)
def growth_check(ctx: CheckContext) -> list[Finding]:
    """Every level stated with its increment, growth rate or earlier level, sentence by sentence."""
    out: list[Finding] = []
    for w in windows(ctx):
        sent = w.sentence
        if not all(same_sentence(sent[0], c) for c in sent):
            continue
        used: set[str] = set()
        out.extend(_from_to(ctx, sent, used))
        out.extend(_down_from(ctx, sent, used))
        out.extend(_by_to(ctx, sent, used))
        out.extend(_rate_pairs(ctx, sent, used))
        out.extend(_runs(ctx, sent, used))
    return out
