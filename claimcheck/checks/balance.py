"""``balance``: a stated surplus or deficit against the two sides it is the difference of.

"Exports grew 6.9 percent to 13.13 trillion yuan, and imports grew 5.2 percent to 10.17
trillion yuan. The trade surplus was 2.96 trillion yuan." states one relation three times:
surplus = exports - imports. The same holds for a budget (revenue against expenditure) and for
receipts against payments. The sides are looked for in the balance's paragraph, for the same
period and unit, and only levels are used (a change in exports is no side of this quarter's
surplus).

Rules: CC1401 (info) the balance agrees with its sides, CC1402 (error) it does not; ``gross``
when the sides give the opposite sign (a stated surplus that the sides make a deficit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..claim import Claim
from ..intervals import Interval
from ..report import Finding
from . import CheckContext, check
from ._arith import factor, value_range, verdict
from ._util import fmt, same_period

__all__ = ["balance"]

CHECK = "balance"
_RULES = ("CC1401", "CC1402")

#: (what the balance is of, the credit side, the debit side)
_ACCOUNTS = (
    (re.compile(r"\btrade\b", re.I), re.compile(r"\bexports?\b", re.I),
     re.compile(r"\bimports?\b", re.I)),
    (re.compile(r"\b(?:budget|fiscal|government)\b", re.I),
     re.compile(r"\b(?:revenues?|receipts|income)\b", re.I),
     re.compile(r"\b(?:expenditures?|spending|outlays)\b", re.I)),
)  # fmt: skip
_BALANCE = re.compile(r"\b(surplus|deficit|balance)\b", re.I)
#: Words that make a side a part of the account rather than its total ("exports of oil").
_PARTIAL = re.compile(r"\b(?:of|in|to|from)\b", re.I)


@check(CHECK)
def balance(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    by_paragraph: dict[tuple[object, ...], list[Claim]] = {}
    for c in ctx.claims:
        by_paragraph.setdefault((c.document, c.section, c.paragraph), []).append(c)
    for claims in by_paragraph.values():
        out.extend(_paragraph(claims))
    return out


def _levels(claims: Iterable[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "level" and not c.bound and c.unit not in (
        "", "percent", "percentage_point")]  # fmt: skip


def _paragraph(claims: Sequence[Claim]) -> Iterable[Finding]:
    levels = _levels(claims)
    for b in levels:
        bm = _BALANCE.search(b.subject)
        if bm is None:
            continue
        for account, credit_rx, debit_rx in _ACCOUNTS:
            if not account.search(b.subject) and not (
                bm.group(1).lower() != "balance" and _only_account(levels, credit_rx, debit_rx)
            ):
                continue
            credit = _side(levels, b, credit_rx)
            debit = _side(levels, b, debit_rx)
            if credit is None or debit is None:
                continue
            yield _verdict(b, bm.group(1).lower(), credit, debit)
            break


def _only_account(levels: Sequence[Claim], credit_rx: re.Pattern[str],
                  debit_rx: re.Pattern[str]) -> bool:  # fmt: skip
    """A bare "surplus" in a paragraph about exactly one pair of sides (exports and imports)."""
    return any(credit_rx.search(c.subject) for c in levels) and any(
        debit_rx.search(c.subject) for c in levels
    )


def _side(levels: Sequence[Claim], b: Claim, rx: re.Pattern[str]) -> Claim | None:
    """The one total of a side: same period and convertible unit, not a part of it."""
    found = [
        c for c in levels
        if c is not b and rx.search(c.subject) and not _BALANCE.search(c.subject)
        and same_period(c, b) and c.period_end == b.period_end
        and factor(c.unit, b.unit) is not None
        and not _PARTIAL.search(rx.sub("", c.subject, count=1).strip())
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _verdict(b: Claim, word: str, credit: Claim, debit: Claim) -> Finding:
    cr = value_range(credit) * (factor(credit.unit, b.unit) or 1.0)
    dr = value_range(debit) * (factor(debit.unit, b.unit) or 1.0)
    if word == "deficit":
        computed: Interval = dr - cr
        arithmetic = f"{fmt(debit.value, debit.unit)} − {fmt(credit.value, credit.unit)}"
    else:
        computed = cr - dr
        arithmetic = f"{fmt(credit.value, credit.unit)} − {fmt(debit.value, debit.unit)}"
    stated = value_range(b)
    if word == "balance" and b.value >= 0 and computed.hi < 0:
        computed = -computed  # a "balance" of 2.96 trillion with imports above exports
    return verdict(
        check_name=CHECK,
        rules=_RULES,
        stated=b,
        stated_iv=stated,
        computed=computed,
        claims=(b, credit, debit),
        what=f"{b.subject} from its sides",
        arithmetic=arithmetic,
        thresholds=(0.0,),
    )
