"""From a ``Document`` to its claims: scan, filter, then name subject, kind and period."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ..claim import Claim
from ..document import Document, Sentence
from ..numbers import Mention, scan
from ..numbers.words import SCALES
from ..periods import PeriodMention, find_periods
from .across import paren_lists, ranges_and_conversions, respectively, transitions
from .filters import is_claim
from .focus import focus_mentions, title_period
from .kinds import classify, earlier_direction
from .respectively import figure_lists
from .scope import scope_opener, scoped
from .subjects import PERIOD_WORD, Subject, enrich, find_subject, is_generic, tidy, topic_of
from .tables import TableContext, table_context
from .when import Inherited, basis_of, governing_period, implied_basis, period_of, this_year
from .words import tokenize

__all__ = ["extract", "extract_document"]


def extract(source: str | Document, *, date: datetime.date | str | None = None) -> list[Claim]:
    """Every claim of ``source`` (a text or a ``Document``), in document order."""
    doc = source if isinstance(source, Document) else Document(source, date=date)
    if date is not None and isinstance(source, Document):
        doc = Document(source.text, path=source.path, date=date)
    return extract_document(doc)


def _iso(d: datetime.date | None) -> str | None:
    return d.isoformat() if d else None


def _title_period_end(text: str) -> datetime.date | None:
    """For an undated document, the end of the latest period its opening names ("Quarterly
    Economic Update - Third Quarter 2024", "THE EMPLOYMENT SITUATION -- MARCH 2023"): relative
    phrases ("in August", "the second quarter") are read against it."""
    head = text[:1500]
    ends = [p.period_end for p in find_periods(head, None) if not p.relative and p.period_end]
    return max(ends) if ends else None


class _Period:
    """The period a figure refers to, from its sentence, else its paragraph."""

    def __init__(self, doc: Document) -> None:
        ref = self.ref = doc.date or _title_period_end(doc.text)
        # the document's own date (its dateline) dates the document, not its figures
        self.mentions = [
            p for p in find_periods(doc.text, ref)
            if not (p.form == "date" and doc.date is not None and p.period_end == doc.date)
        ]  # fmt: skip
        self.focus = title_period(doc.text, doc.date)
        self.mentions = sorted(
            [*self.mentions, *focus_mentions(doc.text, self.mentions, self.focus)],
            key=lambda p: p.start,
        )
        self.starts = [m.start for m in self.mentions]
        self.doc = doc

    def in_sentence(self, s: Sentence) -> list[PeriodMention]:
        from bisect import bisect_left

        i = bisect_left(self.starts, s.start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < s.end:
            out.append(self.mentions[i])
            i += 1
        return out


def extract_document(doc: Document) -> list[Claim]:
    text = doc.text
    periods = _Period(doc)
    tables = table_context(text)
    claims: list[Claim] = []
    pending_subject_links: list[tuple[int, int]] = []  # (claim index, claim index it inherits)
    # paragraph index -> its period; ("after", paragraph, section, speaker) -> the period the
    # following paragraph inherits
    para_period: dict[object, Inherited] = {}
    all_mentions = list(scan(text))
    para_topic: dict[int, str] = {}  # a paragraph's first full topic, for one-word ones after it
    topics: dict[int, str] = {}  # sentence start -> its topic, the last resort for a subject
    para_scope: dict[int, str] = {}  # paragraph -> the segment it opened with ("In Europe, ...")
    mi = 0
    for sent in doc.sentences:
        opener = scope_opener(text[sent.start : sent.end], first=sent.paragraph not in para_scope)
        if opener or sent.paragraph not in para_scope:
            para_scope[sent.paragraph] = opener
        # mentions of this sentence (scanner output is in order)
        while mi < len(all_mentions) and all_mentions[mi].start < sent.start:
            mi += 1
        ms: list[Mention] = []
        k = mi
        while k < len(all_mentions) and all_mentions[k].start < sent.end:
            ms.append(all_mentions[k])
            k += 1
        mi = k
        if not ms:
            sp = periods.in_sentence(sent)
            _remember_period(text, periods.ref, para_period, sent, sp)
            continue
        sp = periods.in_sentence(sent)
        spans = [(p.start, p.end) for p in sp if p.kind != "basis"]
        kept = [
            m for m in ms
            if is_claim(m, text, sent.start, any(s <= m.start and m.end <= e for s, e in spans))
        ]  # fmt: skip
        if not kept:
            _remember_period(text, periods.ref, para_period, sent, sp)
            continue
        toks = tokenize(text, sent.start, sent.end)
        sentence_text = text[sent.start : sent.end]
        subjects: list[Subject] = [find_subject(text, toks, m, spans) for m in kept]
        kept, subjects = _apply_tables(tables, text, kept, subjects)
        topic = topic_of(text, toks, spans)
        subjects = respectively(text, toks, kept, subjects, spans, topic)
        subjects = ranges_and_conversions(text, kept, subjects)
        subjects = paren_lists(text, kept, subjects)
        subjects = transitions(text, kept, subjects)
        topics[sent.start] = topic
        if len(topic.split()) >= 2:
            para_topic.setdefault(sent.paragraph, topic)
        paragraph_topic = para_topic.get(sent.paragraph, "")
        scope = para_scope.get(sent.paragraph, "")
        subjects = [
            attrs.evolve(s, text=scoped(enrich(s.text, topic, paragraph_topic), scope))
            for s in subjects
        ]  # fmt: skip
        base = len(claims)
        inherited = para_period.get(sent.paragraph) or (
            Inherited()
            if _NEW_POINT.match(text, _para_start(doc, sent))
            else para_period.get(("after", sent.paragraph - 1, sent.section, sent.speaker),
                                 Inherited())
        )  # fmt: skip
        if inherited.end is None and periods.focus is not None:
            # "As Mara said, revenue was $4.82 billion": the period the title reports on
            inherited = attrs.evolve(
                inherited, start=periods.focus.period_start, end=periods.focus.period_end
            )
        # a figure without a subject of its own (", after 0.2% in the first quarter") is
        # classified with the subject it will inherit from the figure before it
        carried: list[str] = []
        for subj in subjects:
            carried.append(subj.text or (carried[-1] if carried else ""))
        kinds = _list_kinds(text, kept, [
            classify(m, text[max(sent.start, m.lead_start - 160) : m.lead_start],
                     text[m.end : min(sent.end, m.end + 80)], subject)
            for m, subject in zip(kept, carried, strict=True)
        ])  # fmt: skip
        for idx, (m, subj) in enumerate(zip(kept, subjects, strict=True)):
            kind = kinds[idx]
            value = m.value
            direction = m.direction or (
                earlier_direction(text[m.end : min(sent.end, m.end + 80)])
                if kind == "change"
                else 0
            )
            if kind == "change" and direction < 0 and value > 0:
                value = -value
            p_start, p_end = map(
                _iso,
                period_of(text, m, kind, sp, inherited, [k.start for k in kept], unit=m.unit,
                          subject=subj.text, reported=periods.focus is not None),
            )  # fmt: skip
            basis = basis_of(sp, m) or (
                implied_basis(text, sp, p_start, p_end) if kind == "change" else ""
            )
            tctx = tables.at(m.start) if tables else None
            if tctx is not None and tctx.period is not None:
                p_start, p_end = _iso(tctx.period[0]), _iso(tctx.period[1])
            subject = subj.text
            named = PERIOD_WORD.search(subject)
            if named is not None:
                # "July exports were revised ...": the month in the subject is the period
                if p_end is None or not any(p.period_end for p in sp if p.kind != "basis"):
                    said = find_periods("in " + named.group().strip(), periods.ref)
                    if said and said[0].period_end is not None:
                        p_start, p_end = _iso(said[0].period_start), _iso(said[0].period_end)
                if p_end is not None:
                    subject = PERIOD_WORD.sub("", subject)
            if (
                kind != "target"
                and tctx is None
                and doc.date is not None
                and p_end is not None
                # two weeks' grace: a month's statement published mid-month is no forecast
                and p_end > (doc.date + datetime.timedelta(days=14)).isoformat()
                and not _SO_FAR.search(sentence_text)
            ):
                kind = "target"  # "reaching around 10.1% of GDP in 2030": not yet measured
            line, col = doc.line_col(m.start)
            claims.append(
                Claim(
                    id="",
                    start=m.start,
                    end=m.end,
                    text=m.text,
                    line=line,
                    column=col,
                    value=value,
                    unit=m.unit,
                    qualifier=m.qualifier,
                    kind=kind,
                    subject=subject,
                    period_start=p_start,
                    period_end=p_end,
                    speaker=sent.speaker,
                    sentence=sentence_text,
                    resolution=m.resolution,
                    sentence_start=sent.start,
                    sentence_end=sent.end,
                    section=sent.section,
                    paragraph=sent.paragraph,
                    basis=basis if kind == "change" else "",
                    whole=subj.whole,
                    bound=m.bound,
                    document=doc.path or "",
                )
            )
            if (
                subj.how == "anaphor"
                and base + idx > 0
                and claims[base + idx - 1].paragraph == (sent.paragraph)
            ):
                pending_subject_links.append((base + idx, base + idx - 1))
            elif (not subj.text or subj.how == "" or _junk_subject(subj.text)) and idx > 0:
                # ", up 27.3% year on year": the figure qualifies the one before it
                pending_subject_links.append((base + idx, base + idx - 1))
        _remember_period(text, periods.ref, para_period, sent, sp, claims[base:])
    linked = {i for i, _ in pending_subject_links}
    for i, c in enumerate(claims):
        if not c.subject and i not in linked:
            topic = topics.get(c.sentence_start, "")
            subject = topic if topic and not is_generic(topic) else _fallback_subject(text, c)
            claims[i] = _with(c, subject=subject)
    for i, j in pending_subject_links:
        claims[i] = _with(
            claims[i], subject=claims[j].subject or _fallback_subject(text, claims[i])
        )
    return [_with(c, id=f"c{n + 1:04d}") for n, c in enumerate(claims)]


def _list_kinds(text: str, mentions: list[Mention], kinds: list[str]) -> list[str]:
    """Figures of one list share a kind: "growth rates registered at 2.9%, 9.8% and 2.5%"."""
    out = list(kinds)
    for i in range(1, len(mentions)):
        if mentions[i - 1].bound == "low" and mentions[i].bound == "high":
            if "target" in (out[i - 1], out[i]):
                out[i - 1] = out[i] = "target"
            else:
                out[i] = out[i - 1]
    for i in range(1, len(mentions)):
        # "expects revenue of $5.0 billion ... and operating margin of at least 16%"
        gap = text[mentions[i - 1].end : mentions[i].lead_start]
        if (
            out[i - 1] == "target"
            and re.fullmatch(r"[^.;,]*\band\b[^.;,]*", gap)
            and not (re.search(r"\b(?:was|were|is|are|has|have|had|reached|rose|fell)\b", gap))
        ):
            out[i] = "target"
    for i in range(1, len(mentions)):
        # "below its level by 368,000, or 2.2 percent": the apposition restates the same gap
        if out[i - 1] in ("difference", "change") and re.fullmatch(
            r",\s*or\s*", text[mentions[i - 1].end : mentions[i].lead_start]
        ):
            out[i] = out[i - 1]
    for fl in figure_lists(text, mentions):
        ks = {out[i] for i in fl.members}
        for k in ("target", "change", "difference"):
            if k in ks:
                for i in fl.members:
                    out[i] = k
                break
    return out


def _with(c: Claim, **changes: object) -> Claim:
    import attrs

    return attrs.evolve(c, **changes)


#: "Second, ...", "Third, ...": an enumerated point opens a new topic; it does not carry the
#: previous point's period.
_NEW_POINT = re.compile(
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Next|Finally|Lastly|"
    r"Moreover|Meanwhile|Additionally|In addition)\b[,:]",
)


def _para_start(doc: Document, sent: Sentence) -> int:
    return doc.paragraphs[sent.paragraph].start if sent.paragraph < len(doc.paragraphs) else -1


_LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")


def _remember_period(
    text: str,
    ref: datetime.date | None,
    store: dict[object, Inherited],
    sent: Sentence,
    periods: Sequence[PeriodMention],
    claims: Sequence[Claim] = (),
) -> None:
    """The period a paragraph's later sentences inherit: the one governing this sentence."""
    gov = governing_period(periods, ref, sent.start)
    opener = this_year(periods)
    if opener is not None and gov is None:
        previous = store.get(sent.paragraph, Inherited())
        store[sent.paragraph] = attrs.evolve(previous, this_year=opener.period_end)
    line_start = text.rfind("\n", 0, sent.start) + 1
    if gov is None and _LIST_ITEM.match(text, line_start):
        # items of a list carry the period of the paragraph that introduced the list
        inherited = store.get(("after", sent.paragraph - 1, sent.section, sent.speaker))
        if inherited is not None:
            store[("after", sent.paragraph, sent.section, sent.speaker)] = inherited
        return
    if gov is not None:
        # the period of the sentence's first figure, when it has one: a later "from £11.3 billion
        # in the second quarter" is a comparison base, not the paragraph's period
        first = next((c for c in claims if c.period_end), None)
        inherited = (
            Inherited(_date(first.period_start), _date(first.period_end))
            if first is not None
            else Inherited(gov.period_start, gov.period_end)
        )
        if inherited.start is None and inherited.end == gov.period_end:
            # a stock at the quarter's end ("ended the quarter with 14,200 employees") does not
            # make the paragraph's later flows stocks
            inherited = Inherited(gov.period_start, gov.period_end)
        inherited = attrs.evolve(
            inherited, this_year=store.get(sent.paragraph, Inherited()).this_year
        )
        # the next paragraph of the same section and speaker may inherit the period the
        # paragraph opened with; later sentences of this paragraph inherit the latest
        key = ("after", sent.paragraph, sent.section, sent.speaker)
        store[sent.paragraph] = inherited
        store.setdefault(key, inherited)


def _date(iso: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(iso) if iso else None


_JUNK_SUBJECTS = frozenset(SCALES) | frozenset(
    "fewer more less higher lower greater smaller percent percentage points per cent same "
    "period year quarter month valued took totaled totalled reached recorded stood amounted "
    "came".split()
)


def _junk_subject(subject: str) -> bool:
    """ "fewer" (of "2,630 fewer than the 93,970"), "million": words no measure is named by."""
    words = subject.lower().split()
    return bool(words) and all(w in _JUNK_SUBJECTS for w in words)


_SO_FAR = re.compile(
    r"\b(?:so\s+far|to\s+date|thus\s+far|year[\s\-]to[\s\-]date|already)\b", re.IGNORECASE
)


def _apply_tables(
    tables: TableContext | None, text: str, mentions: list[Mention], subjects: list[Subject]
) -> tuple[list[Mention], list[Subject]]:
    if not tables:
        return mentions, subjects
    import attrs

    out_m, out_s = [], []
    for m, s in zip(mentions, subjects, strict=True):
        cell = tables.at(m.start)
        if cell is not None:
            if cell.scale != 1 and not m.scaled and m.unit in ("", *cell.currency_units):
                # through decimal text, so that 17.1 x 1e9 is 17100000000, not ...000002
                m = attrs.evolve(m, value=float(Decimal(repr(m.value)) * Decimal(int(cell.scale))),
                                 resolution=m.resolution * cell.scale,
                                 unit=m.unit or cell.currency)  # fmt: skip
            elif cell.currency and not m.unit:
                m = attrs.evolve(m, unit=cell.currency)
            if cell.subject:
                s = Subject(cell.subject, s.whole, "table", m.start)
        out_m.append(m)
        out_s.append(s)
    return out_m, out_s


def _fallback_subject(text: str, c: Claim) -> str:
    """Last resort: the words right after the figure ("10 billion yuan has been raised")."""
    after = text[c.end : c.sentence_end]
    m = re.match(r"[\s\"“”]*((?:[A-Za-z][\w\-'’]*\s*){1,6})", after)
    if m and not re.match(r"(?:in|on|at|to|from|by|for|of|with|than|and|or)\b", m.group(1), re.I):
        words = tidy(re.sub(r"^(?:has|have|had|was|were|is|are)\s+(?:been\s+)?", "", m.group(1)))
        if words and not is_generic(words):
            return words
    return ""
