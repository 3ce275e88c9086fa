"""A subset cannot exceed its superset: smartphones shipped <= mobile phones shipped.

Two stated levels are in a subset relation when one subject names a narrower kind of the other's
things, measured the same way: the generic rule (the narrower subject adds a modifier: "rural
internet users" of "internet users", "5G base stations" of "base stations", "new energy
passenger vehicles" of "NEVs") plus a small lexicon of hyponyms the words do not show
(``_subjects.HYPONYMS``: smartphone -> mobile phone, laptop/tablet -> computer) and the synonyms and
abbreviations ``_subjects.phrase`` expands (NEV -> new energy vehicle, automobile -> vehicle).
Exports of a product against its production or sales are checked too, but only as a warning:
exports can come out of stock made in an earlier period.

Only additive levels are compared (counts, money, tonnes): never averages, rates, prices or
balances ("deficit", "surplus", "net"), whose parts can exceed the whole. Pairs come from one
sentence or two adjacent sentences of a paragraph, with compatible periods; kinds the lexicon
names ("NEVs", "smartphones"), measured the same way, are also paired up to
``_text.PARAGRAPH_SPAN`` claim-bearing sentences apart within a paragraph.

Rules (documented in ``docs/checks/subset.md``):

* CC501 info -- the subset is within its superset;
* CC502 error -- a subset exceeds its superset (``gross``: the order is reversed);
* CC503 warning -- exports exceed the production or sales of the same thing.
"""

from __future__ import annotations

from ..claim import Claim
from ..report import Finding
from . import CheckContext, check, finding
from ._arith import additive, factor, scaled, value_range
from ._subjects import claim_phrase, lexical, part_of
from ._text import same_sentence, windows
from ._util import fmt, same_period

__all__ = ["subset_check"]

CHECK = "subset"


def _judge(sub: Claim, sup: Claim, how: str) -> Finding:
    a = scaled(sub, sup.unit)
    b = value_range(sup)
    pair = f"{sub.subject} ({sub.text}) vs {sup.subject} ({sup.text})"
    if a.lo < b.hi or (a.lo == b.hi and not (a.lo_open or b.hi_open)):
        msg = f"{pair}: {fmt(sub.value, sub.unit)} <= {fmt(sup.value, sup.unit)}, subset within its superset"
        return finding("CC501", CHECK, "info", msg, (sub, sup),
                       expected=sup.value, observed=sub.value, slip=0.0)  # fmt: skip
    size = a.lo - b.hi
    if how == "exports":
        msg = (
            f"{pair}: exports exceed what was produced or sold by {fmt(size, sup.unit)} "
            f"beyond rounding (possible if exports drew on stock; check the figures)"
        )
        return finding("CC503", CHECK, "warning", msg, (sub, sup),
                       expected=sup.value, observed=sub.value, slip=size)  # fmt: skip
    msg = (
        f"{pair}: the subset is larger than its superset, {fmt(sub.value, sub.unit)} > "
        f"{fmt(sup.value, sup.unit)} (by {fmt(size, sup.unit)} beyond rounding)"
    )
    return finding("CC502", CHECK, "error", msg, (sub, sup),
                   expected=sup.value, observed=sub.value, gross=True, slip=size)  # fmt: skip


def _relate(
    ctx: CheckContext,
    a: Claim,
    b: Claim,
    sentences: dict[str, tuple[Claim, ...]],
    *,
    far: bool = False,
) -> Finding | None:
    """The subset relation between ``a`` and ``b``, if any, judged. ``far``: the claims are
    sentences apart, and only kinds the lexicon names ("NEVs", "smartphones") are trusted."""
    if not (additive(a) and additive(b)) or factor(a.unit, b.unit) is None:
        return None
    if not same_period(a, b):
        return None
    pa = claim_phrase(ctx, a, sentences.get(a.id, ()))
    pb = claim_phrase(ctx, b, sentences.get(b.id, ()))
    for sub, sup, ps, pp in ((a, b, pa, pb), (b, a, pb, pa)):
        how = part_of(ps, pp)
        if how is None:
            continue
        if far and not (lexical(sub.subject) and ps.measures and ps.measures == pp.measures):
            return None
        # Across sentences a bare one-word superset ("profits", "users") is too often another
        # owner's figure: trust it only for kinds the lexicon names ("smartphones", "NEVs").
        if not same_sentence(a, b) and len(pp.things) < 2 and not lexical(sub.subject):
            return None
        return _judge(sub, sup, how)
    return None


@check(CHECK)
def subset_check(ctx: CheckContext) -> list[Finding]:
    """Every subset/superset pair of stated levels within a sentence and its successor."""
    out: list[Finding] = []
    all_windows = list(windows(ctx))
    sentences = {c.id: w.sentence for w in all_windows for c in w.sentence}
    for w in all_windows:
        near = {c.id for c in w.after}
        for i, a in enumerate(w.sentence):
            for b in (*w.sentence[i + 1 :], *w.after):
                f = _relate(ctx, a, b, sentences)
                if f is not None:
                    out.append(f)
            for b in w.later:
                f = None if b.id in near else _relate(ctx, a, b, sentences, far=True)
                if f is not None:
                    out.append(f)
    return out
