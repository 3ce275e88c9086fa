"""Subjects across the figures of one sentence: lists, ranges, brackets and transitions.

Each pass takes the subjects found figure by figure and fixes those that only make sense
together: a "respectively" list distributes a coordinated subject, both ends of a range share
one, a bracket after a figure qualifies it ("5.4 million units (+14% y/y)"), and the levels a
change runs "from" and "to" measure what the change measured.
"""

from __future__ import annotations

import re

import attrs

from ..numbers import Mention
from .respectively import figure_lists, split_coordination
from .subjects import Subject, find_subject, tidy

__all__ = ["paren_lists", "ranges_and_conversions", "respectively", "transitions"]


def respectively(
    text: str,
    toks: list,
    mentions: list[Mention],
    subjects: list[Subject],
    skip: list,
    topic: str = "",
) -> list[Subject]:
    """Give each figure of a list its own subject (see ``respectively.py``)."""
    out = list(subjects)
    previous: list[str] | None = None
    for fl in figure_lists(text, mentions):
        members = list(fl.members)
        own = [out[i] for i in members]
        if all(o.how == "after" and o.text for o in own):
            # "580 million mobile phones, 110 million laptops and 81.29 million TVs" exported:
            # an activity named once belongs to every item of the list.
            names = [o.text for o in own]
            acts = {n.rsplit(" ", 1)[-1] for n in names if n.rsplit(" ", 1)[-1] in _ACTIVITIES}
            if len(acts) == 1:
                act = acts.pop()
                names = [n if n.endswith(act) else f"{n} {act}" for n in names]
                for i, n in zip(members, names, strict=True):
                    out[i] = attrs.evolve(out[i], text=n)
            if len(set(names)) == len(names):
                previous = names
                continue
        if not fl.respectively:
            continue
        names_for: list[str] | None = None
        if previous is not None and len(previous) == len(members):
            names_for = previous
        else:
            head = find_subject(text, toks, mentions[members[0]], skip, prefer_verb=True)
            if not head.text and topic:
                # "Circulatory diseases and cancers remained the leading causes of death,
                # accounting for 28,680 and 25,850 deaths respectively"
                head = Subject(topic, head.whole, "topic", -1)
            if head.text:
                phrase = head.text
                if head.start >= 0 and len(split_coordination(phrase)) < len(members):
                    phrase = _extend_list(text, head.start, phrase, len(members))
                parts = split_coordination(phrase)
                if len(parts) == len(members):
                    names_for = [tidy(p) for p in _share_head(parts)]
                    counted = _counted_noun(own)
                    if counted and not any(" of " in f" {n} " for n in names_for):
                        # "Production and sales reached 21.47 million vehicles and 21.571
                        # million vehicles": production of vehicles, sales of vehicles
                        names_for = [f"{n} of {counted}" for n in names_for]
        if names_for:
            for i, name in zip(members, names_for, strict=True):
                out[i] = Subject(name, out[i].whole, "respectively", out[i].start)
            previous = names_for
            # "..., respectively, totalling €4.1 billion": the total is of the shared head
            after = members[-1] + 1
            head = re.match(r"(.+?)\s(?:of|in|for|from|to)\s", names_for[0])
            if (
                after < len(mentions)
                and head
                and _TOTAL_CUE.search(text[mentions[after - 1].end : mentions[after].lead_start])
            ):
                out[after] = Subject(head.group(1), out[after].whole, "respectively", -1)
    return out


def _counted_noun(own: list[Subject]) -> str:
    """The one noun every figure of a list counts ("vehicles"), or ""."""
    nouns = {o.text for o in own if o.how == "after" and o.text}
    return (
        nouns.pop()
        if len(nouns) == 1 and len(own) > 1 and all(o.how == "after" for o in own)
        else ""
    )


def _extend_list(text: str, start: int, phrase: str, n: int) -> str:
    """ "the total income, total trade and total current transfers deficits": the clause rules
    stop at the list's first comma; take back the short items before it."""
    before = text[max(0, start - 200) : start]
    items = re.findall(r"([A-Za-z][\w\-’' ]{0,40}?),\s*\Z", before)
    while items and len(split_coordination(phrase)) < n:
        item = items[-1].split(" the ")[-1].strip()
        if len(item.split()) > 5:
            break
        phrase = f"{item}, {phrase}"
        before = before[: before.rfind(items[-1])]
        items = re.findall(r"([A-Za-z][\w\-’' ]{0,40}?),\s*\Z", before)
    return phrase


def _share_head(parts: list[str]) -> list[str]:
    """ "total income", "total trade", "total current transfers deficits": the last item's head
    noun belongs to every item that has none."""
    last = parts[-1].split()
    head = last[-1] if len(last) > 1 else ""
    if (
        not head.endswith("s")
        or not head.islower()
        or any(p.split()[-1] == head for p in parts[:-1])
    ):
        return parts  # "the Americas" is a name, not a shared head noun
    singular = head[:-1]
    if not all(len(p.split()) <= 3 for p in parts[:-1]):
        return parts
    return [*(f"{p} {singular}" for p in parts[:-1]), " ".join([*last[:-1], singular])]


_TOTAL_CUE = re.compile(
    r"\b(?:totall?(?:ing|ed)|in\s+total|together|combined|altogether)\s*\Z", re.IGNORECASE
)
_ACTIVITIES = frozenset(
    [
        "exported",
        "imported",
        "produced",
        "sold",
        "shipped",
        "manufactured",
        "delivered",
        "consumed",
        "installed",
    ]
)


def transitions(text: str, mentions: list[Mention], subjects: list[Subject]) -> list[Subject]:
    """ "a rise of £1.3 billion in the direct investment surplus from £4.0 billion ... to £5.4
    billion": the levels a change runs from and to measure what the change measured."""
    out = list(subjects)
    for i in range(1, len(mentions)):
        m, prev = mentions[i], mentions[i - 1]
        gap = text[prev.end : m.lead_start]
        if out[i].how == "conversion":
            continue  # "10 yuan per mu (0.0667 hectares)" restates a unit, not the figure
        if out[i - 1].text and re.fullmatch(r"[ \t]*(?:[A-Za-z][\w\-]*[ \t]+){0,3}\(\s*", gap):
            # "5.4 million units (+14% y/y)": the bracket qualifies the figure before it
            out[i] = attrs.evolve(out[i - 1], how="transition")
            continue
        if not out[i - 1].text or not re.search(r"\b(?:from|to)\s+\Z", gap):
            continue
        if re.fullmatch(r"[^,;.:()]{0,80}", gap) and not re.search(
            r"\b(?:was|were|is|are|has|have|had|rose|fell|increased|decreased|reached|"
            r"and|or|but|while|whereas)\b",  # "... to $47.9 billion and imports from $63.2"
            gap,
        ):
            out[i] = attrs.evolve(out[i - 1], how="transition")
    return out


_HEAD_OF = re.compile(r"^(.+?\b(?:for|of|among|in))\s+\S")


#: Between two items of a bracketed list: ") , adult women (", ") and hospitals (".
_PAREN_LIST_GAP = re.compile(
    r"\s*\)\s*,?\s*(?:and\s+|or\s+)?(?!(?:in\s+line|with|than|compared)\b)"
    r"[A-Za-z][\w\-’' ]{0,40}\(\s*"
)


def paren_lists(text: str, mentions: list[Mention], subjects: list[Subject]) -> list[Subject]:
    """ "The unemployment rates for adult men (3.4 percent), adult women (3.1 percent)": later
    items share the first item's head ("unemployment rates for")."""
    out = list(subjects)
    head = ""
    for i, (m, s) in enumerate(zip(mentions, subjects, strict=True)):
        if s.how != "paren":
            head = ""
            continue
        hm = _HEAD_OF.match(s.text)
        if not head and hm:
            head = hm.group(1)
        elif (
            head
            and i > 0
            and not s.text.lower().startswith(head.lower())
            and len(s.text.split()) <= 4
            and _PAREN_LIST_GAP.fullmatch(text, mentions[i - 1].end, m.lead_start)
        ):
            out[i] = attrs.evolve(s, text=f"{head} {s.text}")
    return out


def ranges_and_conversions(
    text: str, mentions: list[Mention], subjects: list[Subject]
) -> list[Subject]:
    """Both ends of a range share a subject; "per mu (0.0667 hectares)" restates the unit."""
    out = list(subjects)
    for i in range(1, len(mentions)):
        prev, cur = mentions[i - 1], mentions[i]
        if prev.bound == "low" and cur.bound == "high":
            best = out[i] if out[i].how in ("verb", "of", "paren") else out[i - 1]
            if best.how not in ("verb", "of", "paren") and out[i - 1].text:
                best = out[i - 1]
            out[i - 1] = out[i] = best
        elif (
            re.fullmatch(r"\s*\(\s*", text[prev.end : cur.lead_start])
            and prev.unit
            and cur.unit in ("percent", "percentage_point")
        ):
            out[i] = out[i - 1]  # "paid €5.4 billion (14.0%)": the same thing's share
        elif (
            re.fullmatch(r"\s*\(\s*", text[prev.end : cur.lead_start])
            and prev.unit
            and (cur.unit and cur.unit != prev.unit)
        ):
            out[i] = Subject(prev.unit.rsplit("/", 1)[-1].strip(" ()") or out[i - 1].text,
                             "", "conversion", cur.start)  # fmt: skip
    return out
