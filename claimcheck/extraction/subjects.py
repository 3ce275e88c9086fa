"""What a figure measures: a short noun phrase taken from the sentence's structure.

Rules, in order, each anchored on the figure's position:
1. a count followed by its noun ("4.089 million 5G base stations had been built");
2. a figure in parentheses after its noun ("adult women (3.1 percent)");
3. a change "in" something ("a 5.8% increase in the value added of ...");
4. "X of N" ("a 5G user penetration rate of 69.6%");
5. the subject of the reporting verb before the figure ("the number of gigabit broadband users
   reached 196 million").
A figure none of these name (", up 27.3% year on year") is left for the caller to inherit from
the figure it qualifies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..numbers import Mention
from ..numbers.lexicon import MONTH_NAMES
from .words import (
    ACTIVITY_VERBS,
    ADVERBS,
    AUXILIARIES,
    CLAUSE_WORDS,
    COMPARATIVES,
    DETERMINERS,
    FRAME_MODIFIERS,
    FRAMES,
    GENERIC_HEADS,
    LEADING_NOISE,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_VERBS,
    SUBJECT_PREFIXES,
    TO_VERBS,
    Tok,
)

__all__ = ["Subject", "enrich", "find_subject", "is_generic", "tidy", "topic_of"]

_MAX_NP = 14
#: Words that follow a verb, not a participle modifying a noun: "received its", "returned a".
_AFTER_VERB = frozenset("about nearly over some its their his her our a an the".split())
_NUMBERISH = re.compile(
    r"[$£€¥]?\d[\d,.]*%?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion)(?:-\w+)?",
    re.IGNORECASE,
)


@attrs.frozen(slots=True)
class Subject:
    text: str
    #: The whole a share is of ("GDP", "global total"), "" when unstated.
    whole: str = ""
    #: Which rule named it: "after", "paren", "in", "of", "verb", "" (none: inherit).
    how: str = ""
    #: Start offset of the phrase (for "respectively" and inheritance), -1 when none.
    start: int = -1


_SCALE_WORDS = frozenset(
    [
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "percent",
        "yuan",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "pounds",
        "pound",
        "yen",
        "rmb",
    ]
)


def _numberish(t: Tok) -> bool:
    return t.is_number or t.low in _SCALE_WORDS


def _in_skip(t: Tok, skip: Sequence[tuple[int, int]]) -> bool:
    return any(s <= t.start < e for s, e in skip)


def _index_after(toks: Sequence[Tok], pos: int) -> int:
    for i, t in enumerate(toks):
        if t.start >= pos:
            return i
    return len(toks)


def _index_before(toks: Sequence[Tok], pos: int) -> int:
    """Index of the last token ending at or before ``pos`` (-1 when none)."""
    j = -1
    for i, t in enumerate(toks):
        if t.end <= pos:
            j = i
        else:
            break
    return j


def _is_verbish(tok: Tok, prev: Tok | None, nxt: Tok | None) -> bool:
    w = tok.low
    if w == "added" and (
        (prev is not None and prev.low == "value") or (nxt is not None and nxt.low == "value")
    ):
        return False  # "value added", "added value": the economists' term, not a verb
    if (
        prev is not None
        and prev.is_number
        and w.endswith("ed")
        and nxt is not None
        and nxt.is_word
        and nxt.low not in PREPOSITIONS
    ):
        return False  # "200 registered generative AI models" (but "2014 equated to")
    if w in ("account", "accounts", "record", "records", "total", "totals"):
        return nxt is not None and nxt.low in ("for", "of", "to")  # nouns unless "account for"
    if (
        w.endswith("ed")
        and prev is not None
        and prev.is_word
        and prev.low not in DETERMINERS
        and prev.low not in PREPOSITIONS
        and nxt is not None
        and nxt.low in PREPOSITIONS
    ):
        return True  # "job growth occurred in", "were produced in"
    if (
        w.endswith("ed")
        and prev is not None
        and prev.is_word
        and prev.low not in DETERMINERS
        and nxt is not None
        and (nxt.is_number or nxt.low in _AFTER_VERB)
    ):
        return True  # "The company returned $9.1 billion", "the engine received its certificate"
    if w in AUXILIARIES or w in REPORTING_VERBS or w in ADVERBS:
        # "added value", "registered users", "listed companies": a participle before a noun
        # modifies it; "remaining" etc. likewise.
        return not (
            (prev is None or prev.low in DETERMINERS or prev.low in PREPOSITIONS)
            and w.endswith(("ed", "ing"))
            and nxt is not None
            and nxt.is_word
            and nxt.low not in PREPOSITIONS
            and nxt.low not in AUXILIARIES
        )
    return False


#: A month or year used as a modifier ("August exports", "2024 revenue"); not "May", which is
#: as often the modal verb.
PERIOD_WORD = re.compile(
    r"\b(?:" + MONTH_NAMES.replace("May|", "") + r"|(?:19|20)\d\d)[ \t]+(?=[a-z])"
)


def tidy(words: str) -> str:
    """Drop quotes, openers and "the number of" so equal things get equal subjects."""
    s = re.sub(r"[\"“”]|(?<!\w)['‘’]|['‘’](?!\w)", "", words)
    s = re.sub(r"\s+", " ", s).strip(" ,;:-")
    changed = True
    while changed:
        changed = False
        low = s.lower()
        for p in SUBJECT_PREFIXES:
            if low.startswith(p):
                s = s[len(p) :]
                changed = True
                break
        first = s.split(" ", 1)
        if (len(first) > 1 and _NUMBERISH.fullmatch(first[0])) or (
            first and first[0].lower() in LEADING_NOISE and len(first) > 1
        ):
            s = first[1]
            changed = True
        elif first and first[0].lower().endswith("ing") and len(first) > 1:
            # "leading to a 5G user penetration rate", "bringing the total to"
            nxt = first[1].split(" ", 1)[0].lower()
            if (nxt in PREPOSITIONS or nxt in DETERMINERS) and nxt not in ("per", "on"):
                # ("Spending per person", "spending on medicines" are gerund subjects)
                s = first[1]
                changed = True
    while True:
        words = s.rsplit(" ", 1)
        if len(words) == 2 and (
            words[1].lower() in PREPOSITIONS
            or words[1].lower() in DETERMINERS
            or words[1].lower() in AUXILIARIES
            or words[1].lower() in ADVERBS
            or words[1].lower() in ("and", "or")
        ):
            s = words[0]
            continue
        break
    if s.count("(") > s.count(")"):
        s = s[: s.rindex("(")].rstrip()  # "long-term unemployed (those jobless"
    if s.lower() in AUXILIARIES or s.lower() in PREPOSITIONS or s.lower() in DETERMINERS:
        return ""
    return s.strip(" ,;:-")


def is_generic(subject: str) -> bool:
    """True when a phrase names no thing ("year-on-year increase", "units")."""
    words = [w for w in subject.lower().split() if w not in DETERMINERS]
    return not words or all(w in GENERIC_HEADS or w.startswith("year-on-year") for w in words)


def _np_after(
    toks: Sequence[Tok], i: int, skip: Sequence[tuple[int, int]] = ()
) -> tuple[list[Tok], str]:
    """Noun phrase starting at token ``i``, and an activity verb closing it ("were exported")."""
    out: list[Tok] = []
    pp_used = False
    j = i
    if (
        j + 1 < len(toks)
        and toks[j].low in ("were", "was", "are", "is")
        and toks[j + 1].is_word
        and not toks[j + 1].low.endswith("ed")
        and toks[j + 1].low not in AUXILIARIES | ADVERBS | PREPOSITIONS | {"a", "an", "the"}
    ):
        j += 1  # "Of those killed, 624 were car occupants"
    while j < len(toks) and len(out) < _MAX_NP:
        t = toks[j]
        if _in_skip(t, skip):
            break  # "14 GW today", "$3 billion in the first quarter"
        prev = toks[j - 1] if j > 0 else None
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if t.text in ('"', "“", "”"):
            j += 1
            continue
        if (
            t.text == "("
            and out
            and j + 2 < len(toks)
            and re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}s?", toks[j + 1].text)
            and toks[j + 2].text == ")"
        ):
            j += 3  # "full-time equivalent (FTE) staff": the acronym restates the words
            continue
        if not t.is_word:
            break
        w = t.low
        if not out and w in COMPARATIVES:
            break  # "7 percentage points higher than ..."
        if w.endswith("ly") and w not in _LY_NOUNS:
            break  # "up 9% sequentially", "8% respectively"
        if w == "and" or w == "or":
            # "applications and services", not "vehicles and 21.571 million vehicles"
            if nxt is None or not nxt.is_word or nxt.text[:1].isdigit() or not out:
                break
            if nxt.low in DETERMINERS or nxt.low in AUXILIARIES or nxt.low in CLAUSE_WORDS:
                break
        elif w == "of":
            if not out or nxt is None or not nxt.is_word or nxt.text[:1].isdigit():
                break
        elif (
            w in ("in", "with", "without", "aged", "under", "over")
            and out
            and out[-1].low in _PEOPLE
            and nxt is not None
            and nxt.is_word
            and not nxt.is_number
            and not _in_skip(nxt, skip)
        ):
            pass  # "33.1 million people in employment", "4 million households with broadband"
        elif (
            w in ("for", "on", "in", "with", "at")
            and out
            and not pp_used
            and nxt is not None
            and nxt.is_word
            and not nxt.is_number
            and not _in_skip(nxt, skip)
            and nxt.low not in PRONOUNS
        ):
            pp_used = True  # "200,000 digital classes for senior citizens"
        elif (
            w in PREPOSITIONS
            or w in CLAUSE_WORDS
            or _is_verbish(t, prev, nxt)
            or (
                w.endswith("ing")
                and out
                and nxt is not None
                and (nxt.low in PREPOSITIONS or nxt.low in DETERMINERS or nxt.is_number)
            )
            or (t.text[:1].isdigit() and out)
        ):
            break
        out.append(t)
        j += 1
    # Activity verb right after: "vehicles were exported", "phones shipped from".
    activity = ""
    k = j
    while k < len(toks) and toks[k].low in AUXILIARIES | {"now", "also", "been"}:
        k += 1
    if k < len(toks) and toks[k].low in ACTIVITY_VERBS and toks[k].low.endswith("ed"):
        activity = ACTIVITY_VERBS[toks[k].low]
    if not activity and j < len(toks) and toks[j].low in ("sold", "shipped", "exported"):
        activity = toks[j].low
    while out and out[-1].low in {"and", "or", "of"} | DETERMINERS:
        out.pop()
    return out, activity


def _clause_start(toks: Sequence[Tok], j: int) -> int:
    """Index of the first token of the clause ending at token ``j``."""
    k = j
    depth = 0
    while k >= 0:
        t = toks[k]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            if depth == 0:
                return k + 1
            depth -= 1
        elif (
            depth == 0
            and t.text == ","
            and k > 0
            and toks[k - 1].is_word
            and not toks[k - 1].is_number
            and not toks[k - 1].text[:1].isupper()
            and toks[k - 1].low not in LEADING_NOISE | ADVERBS
            and _list_continues(toks, k + 1, j + 1)
        ):
            pass  # "Imports of foods, feeds and beverages were": a list, not a clause break
        elif depth == 0 and (
            t.text in (",", ";", ":", "—", "–")
            or (t.low in CLAUSE_WORDS and t.low not in ("and", "or", "as"))
            # "revenue was $4.44 trillion and spending was ...": "and" after a figure starts a
            # new clause
            or (
                t.low in ("and", "or")
                and k > 0
                and (_numberish(toks[k - 1]) or toks[k - 1].text == ")")
            )
        ):
            return k + 1
        k -= 1
    return 0


def _list_continues(toks: Sequence[Tok], j: int, b: int) -> bool:
    """Whether a comma before token ``j`` continues a noun list closed by "and"/"or" within a
    few lowercase words ("foods, feeds and beverages") rather than ending a clause."""
    for k in range(j, min(b, j + 5)):
        t = toks[k]
        if not t.is_word or t.is_number or t.text[:1].isupper():
            return False
        if t.low in ("and", "or"):
            return k > j and k + 1 < b and toks[k + 1].is_word and not toks[k + 1].is_number
        if (
            t.low in AUXILIARIES
            or t.low in REPORTING_VERBS
            or t.low in PREPOSITIONS
            or t.low in CLAUSE_WORDS
            or t.low in PRONOUNS
        ):
            return False  # "Core inflation, which excludes energy and food, ..."
    return False


def _np_forward(toks: Sequence[Tok], a: int, b: int, skip: Sequence[tuple[int, int]]) -> list[Tok]:
    """The noun phrase opening tokens[a:b], stopped at its verb, period phrases removed."""
    out: list[Tok] = []
    started = False
    for j in range(a, b):
        t = toks[j]
        if any(s <= t.start < e for s, e in skip):
            continue
        prev = toks[j - 1] if j > a else None
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if not t.is_word:
            if t.text in ("(", ")") and started:
                out.append(t)
                continue
            if t.text == "," and started and _list_continues(toks, j + 1, b):
                out.append(t)  # "Imports of foods, feeds and beverages were ..."
                continue
            if t.text in ('"', "“", "”", "'"):
                continue
            if started:
                break
            continue
        if not started and (t.low in LEADING_NOISE or t.low in ADVERBS):
            continue
        if started and _is_verbish(t, prev, nxt):
            break
        if (
            not started
            and t.low in AUXILIARIES | REPORTING_VERBS
            and not (
                t.low.endswith("ed")
                and nxt is not None
                and nxt.is_word
                and nxt.low not in PREPOSITIONS | DETERMINERS | AUXILIARIES
            )
        ):
            # "There are ..." / "We have established ...": no subject phrase opens here
            if t.low in AUXILIARIES:
                return []
            continue
        if t.low in PRONOUNS and not started:
            return []
        if _numberish(t) or (not started and t.low in ("up", "down")):
            if started:
                break
            continue
        started = True
        out.append(t)
        if len(out) >= _MAX_NP:
            break
    # unbalanced parentheses at the end
    while out and out[-1].text == "(":
        out.pop()
    return out


def _span_text(text: str, toks: Sequence[Tok]) -> str:
    if not toks:
        return ""
    parts = []
    for k, t in enumerate(toks):
        if k and (toks[k - 1].end != t.start):
            parts.append(" ")
        parts.append(t.text)
    return "".join(parts)


def _whole_after(toks: Sequence[Tok], i: int) -> str:
    """ "42% of the global total" -> "global total"."""
    if i < len(toks) and toks[i].low == "of":
        np, _ = _np_after(toks, i + 1)
        whole = tidy(" ".join(t.text for t in np))
        if not whole:
            # "of the total" tidies to nothing and "of the overall increase" stops at its
            # verb-like noun, but both still say what the share is of
            rest = [
                t.low
                for t in toks[i + 1 : i + 4]
                if t.low not in ("the", "its", "their", "overall", "annual", "net")
            ]
            if rest and (rest[0] in ("total", "whole", "sum") or rest[0] in _CHANGE_NOUNS):
                whole = rest[0]
        return whole
    return ""


def find_subject(
    text: str,
    toks: Sequence[Tok],
    mention: Mention,
    skip: Sequence[tuple[int, int]] = (),
    *,
    prefer_verb: bool = False,
) -> Subject:
    """The subject of ``mention`` within the sentence tokenized as ``toks`` (document offsets).

    ``prefer_verb`` skips the noun after the figure, for figures tied by "respectively" to a
    coordinated subject ("Production and sales reached 21.47 million vehicles and ...").
    """
    i_after = _index_after(toks, mention.end)
    generic_np: list[Tok] = []
    i_before = _index_before(toks, mention.lead_start if mention.lead_start >= 0 else mention.start)
    if (
        0 <= i_before + 2 < len(toks)
        and toks[i_before + 1].low in _CHANGE_NOUNS
        and toks[i_before + 2].low in ("of", "by")
    ):
        i_before += 2  # "the average monthly gain of 54,000": the noun belongs to the subject
    whole = _whole_after(toks, i_after) if mention.unit in ("percent", "") else ""
    # 1. a figure followed by its noun: "4.089 million 5G base stations", "18 MW offshore ...",
    #    "the Bank's 2% target"
    if not prefer_verb and mention.form != "fraction":
        np, activity = _np_after(toks, i_after, skip)
        if np and mention.unit == "percent" and np[0].low in _NOT_PERCENT_NOUNS:
            np = []
        if np and is_generic(_span_text(text, np)):
            act = activity or _activity_before(toks, i_before)
            if act:
                # "shipped a record 5.4 million units": the units shipped
                return Subject(f"{tidy(_span_text(text, np))} {act}", whole, "after", np[0].start)
            generic_np = np
            np = []
        if np and not is_generic(_span_text(text, np)):
            subj = tidy(_span_text(text, np))
            owner = toks[i_before] if i_before >= 0 and mention.unit == "percent" else None
            if owner is not None and owner.text.endswith(("'s", "’s")):
                subj = f"{owner.text} {subj}"  # "the Bank's 2% target"
            act = activity or _activity_before(toks, i_before)
            if act and act not in subj:
                subj = f"{subj} {act}"
            if subj:
                k = next((n for n in range(i_after, len(toks)) if toks[n].start >= np[-1].end), -1)
                if 0 <= k < len(toks) and toks[k].low == "per":
                    # "The mortality rate was 912.4 deaths per 100,000 people": the rate, not
                    # the deaths, when the sentence names it
                    rate = find_subject(text, toks, mention, skip, prefer_verb=True)
                    if rate.text and rate.how == "verb":
                        return rate
                return Subject(subj, whole, "after", np[0].start)
        # "1.0018 trillion yuan in business financing", "14 trillion yuan in total output"
        if i_after + 1 < len(toks) and toks[i_after].low == "in" and mention.unit:
            np, _ = _np_after(toks, i_after + 1, skip)
            phrase = tidy(_span_text(text, np))
            if np and not is_generic(phrase) and not any(s0 <= np[0].start < e0 for s0, e0 in skip):
                return Subject(phrase, whole, "in", np[0].start)
    # 2. "adult women (3.1 percent)"
    if i_before >= 0 and toks[i_before].text == "(":
        j = i_before - 1
        while j >= 0 and _in_skip(toks[j], skip):
            j -= 1  # "trend up in March (+39,000)"
        a = _clause_start(toks, j)
        np = _np_forward(toks, a, j + 1, skip)
        if not np or np[-1].end < toks[j].end:
            back = _np_backward(toks, a, j, skip)
            if back and not is_generic(tidy(_span_text(text, back))):
                np = back
        if np:
            return Subject(tidy(_span_text(text, np)), whole, "paren", np[0].start)
    # 3. "a 5.8% year-on-year increase in the value added of ..."
    k = i_after
    while k < len(toks) and toks[k].low in _BASIS_WORDS:
        k += 1
    if k + 1 < len(toks) and toks[k].low in _CHANGE_NOUNS and toks[k + 1].low in ("in", "of"):
        np, _ = _np_after(toks, k + 2, skip)
        if np:
            return Subject(tidy(_span_text(text, np)), whole, "in", np[0].start)
    # 4. "reduce the average operating cost for drones to less than 10 yuan per mu"
    to_np = _to_object(toks, i_before, skip)
    if to_np:
        return Subject(tidy(_span_text(text, to_np)), whole, "verb", to_np[0].start)
    # 5./6. the phrase before the cue: "X of N", "X reached N", "X, at N"
    j, how = _step_back(toks, i_before, skip)
    if j >= 0 and toks[j].text == "," and how == "verb":
        if not (j + 1 < len(toks) and toks[j + 1].low == "at"):
            # ", up 27.3% year on year", ", an increase of 4.4%": qualifies the figure before
            return Subject("", whole, "", -1)
        j -= 1  # apposition: "the unemployment rate, at 3.5 percent"
    if j < 0:
        if whole and (mention.unit == "percent" or mention.form == "fraction"):
            return Subject(whole, whole, "whole", -1)  # "About two-thirds of households ..."
        return Subject("", whole, "", -1)
    a = _clause_start(toks, j)
    np = _np_forward(toks, a, j + 1, skip) if how == "verb" else []
    if np and np[-1].end < toks[j].start:
        # "The switch was due to an increase in net disinvestment of equity capital from £3.5
        # billion": the clause subject is far from the figure; the phrase next to it names it
        back = _np_backward(toks, a, j, skip)
        k = _index_before(toks, back[0].start) if back else -1
        if (
            back
            and k >= 1
            and toks[k].low in ("in", "of")
            and toks[k - 1].low in _CHANGE_NOUNS
            and back[0].start > np[-1].end
            and not is_generic(tidy(_span_text(text, back)))
        ):
            np = back
    if not np or _weak(tidy(_span_text(text, np))):
        back = _np_backward(toks, a, j, skip)
        if back:
            np = back  # "Partially offsetting these was lower net investment in equity capital"
    subj = tidy(_span_text(text, np))
    if how == "of" and np and _is_frame(subj):
        owner = _owner_before(toks, a, np[0], skip)
        if owner:
            subj = f"{subj} ({owner})"  # "UK banks switching from losses of £2.3 billion"
    if np and np[0].low in ("these", "those", "this", "that", "such") and len(np) <= 3:
        return Subject("", whole, "anaphor", -1)  # "These individuals accounted for 18.9%"
    if subj and not is_generic(subj):
        return Subject(subj, whole, how, np[0].start if np else -1)
    if whole and (mention.unit == "percent" or mention.form == "fraction"):
        return Subject(whole, whole, "whole", -1)  # "one-third of companies listed on ..."
    if generic_np:
        return Subject(tidy(_span_text(text, generic_np)), whole, "after", generic_np[0].start)
    return Subject("", whole, "", -1)


_LY_NOUNS = frozenset(
    "family supply assembly monopoly anomaly ally rally july italy monthly weekly daily quarterly "
    "yearly hourly nightly early elderly friendly likely costly orderly only".split()
)
_PEOPLE = frozenset(
    "people persons workers households families adults children residents users customers "
    "employees firms companies enterprises businesses".split()
)
#: Words after a percentage that are not what it measures ("5% year on year", "8% respectively").
_NOT_PERCENT_NOUNS = frozenset(
    "year month quarter week year-on-year month-on-month quarter-on-quarter respectively "
    "annually annual compared points point y/y yoy q/q m/m".split()
)
_BASIS_WORDS = frozenset(
    [
        "year-on-year",
        "year",
        "on",
        "month-on-month",
        "quarter-on-quarter",
        "annual",
        "annualized",
        "quarterly",
        "monthly",
        "-",
    ]
)
_CHANGE_NOUNS = frozenset(
    [
        "increase",
        "decrease",
        "rise",
        "growth",
        "decline",
        "drop",
        "fall",
        "gain",
        "reduction",
        "jump",
    ]
)


def _to_object(toks: Sequence[Tok], i: int, skip: Sequence[tuple[int, int]]) -> list[Tok]:
    """The object of "VERB X to N" when the figure is the level X is taken to."""
    j = i
    while j >= 0 and toks[j].low in ADVERBS | {
        "over",
        "more",
        "than",
        "less",
        "under",
        "below",
        "about",
        "around",
        "nearly",
        "almost",
    }:
        j -= 1
    if j < 1 or toks[j].low not in ("to", "by"):
        return []  # "reduce X to N", "cut emissions by 45 per cent"
    k = j - 1
    while k >= 0 and j - k <= 12:
        t = toks[k]
        if t.low in TO_VERBS:
            np = [x for x in toks[k + 1 : j] if not _in_skip(x, skip)]
            while np and (np[0].low in DETERMINERS or not np[0].is_word):
                np = np[1:]
            ok = np and np[0].low not in ("by", "from") and not any(_numberish(x) for x in np)
            return np if ok and all(x.is_word or x.text in ("'", '"', "-") for x in np) else []
        if not t.is_word or t.low in AUXILIARIES or t.low in CLAUSE_WORDS - {"and"}:
            return []
        k -= 1
    return []


_LEAD_WORDS = frozenset(
    [
        "by",
        "to",
        "for",
        "at",
        "of",
        "up",
        "down",
        "year",
        "on",
        "year-on-year",
        "little",
        "been",
        "expected",
        "projected",
        "forecast",
        "estimated",
        "set",
        "an",
        "a",
        "additional",
        "further",
        "another",
        "the",
        "over",
        "month",
        "total",
        "compared",
        "with",
        "against",
        "versus",
    ]
)


def _step_back(
    toks: Sequence[Tok], i: int, skip: Sequence[tuple[int, int]] = ()
) -> tuple[int, str]:
    """Walk back over the words leading to the figure ("increased by", "accounted for more than").

    Returns the index of the last token of the subject phrase and how it was reached: "of" for
    "a penetration rate of 69.6%", "verb" otherwise.
    """
    j = i
    steps = 0
    while j >= 0 and steps < 16:
        w = toks[j].low
        if _in_skip(toks[j], skip) or (_numberish(toks[j]) and steps):
            j -= 1  # "decreasing from £10.5 billion in Quarter 4 2013 to"
            steps += 1
            continue
        if w == "of" and (
            steps == 0 or (j > 0 and toks[j - 1].low in ("increase", "rate", "growth", "decline"))
        ):
            return j - 1, "of"
        if (
            w in REPORTING_VERBS
            or w in AUXILIARIES
            or w in ADVERBS
            or w in _LEAD_WORDS
            or w in LEADING_NOISE
        ):
            j -= 1
            steps += 1
            continue
        break
    return j, "verb"


def _weak(phrase: str) -> bool:
    """A phrase that names nothing: empty, generic, or a verb form ("offsetting")."""
    words = phrase.split()
    return not words or is_generic(phrase) or (len(words) == 1 and words[0].endswith("ing"))


def _np_backward(toks: Sequence[Tok], a: int, j: int, skip: Sequence[tuple[int, int]]) -> list[Tok]:
    """The noun phrase ending at token ``j`` ("a 5G user penetration rate" of ...)."""
    out: list[Tok] = []
    k = j
    while k >= a and len(out) < _MAX_NP:
        t = toks[k]
        if any(s <= t.start < e for s, e in skip):
            k -= 1
            continue
        if not t.is_word and t.text not in ('"', "“", "”"):
            break
        if t.is_word and t.low in ("in", "on", "for") and k - 1 >= a and toks[k - 1].low in FRAMES:
            out.append(t)  # "net investment in equity capital"
            k -= 1
            continue
        if (
            t.low == "per"
            and out
            and k - 1 >= a
            and toks[k - 1].is_word
            and not toks[k - 1].is_number
            and toks[k - 1].low not in AUXILIARIES | PREPOSITIONS | REPORTING_VERBS | DETERMINERS
        ):
            out.append(t)  # "Spending per person was"
            k -= 1
            continue
        if t.is_word and (
            t.low in AUXILIARIES
            or t.low in PRONOUNS
            or t.low in COMPARATIVES
            or t.low in ("little", "much")  # "changed little (+10,000)"
            or (t.low in PREPOSITIONS and t.low != "of")
            or t.low in ADVERBS
        ):
            break
        if t.is_word and t.low in REPORTING_VERBS:
            left = toks[k - 1] if k - 1 >= a else None
            modifier = (
                t.low.endswith("ed")
                and (
                    left is None
                    or not left.is_word
                    or left.low in DETERMINERS
                    or left.low in PREPOSITIONS
                )
            ) or _is_verbish(t, left, toks[k + 1] if k + 1 < len(toks) else None) is False
            if not modifier:
                break
        if t.is_number:
            break
        if t.is_word and t.low.endswith("ing") and t.low in REPORTING_VERBS:
            break
        out.append(t)
        if t.low in DETERMINERS and t.low != "total":
            break
        k -= 1
    out.reverse()
    return out


def _activity_before(toks: Sequence[Tok], i: int) -> str:
    """ "China exported 580 million mobile phones" -> "exported"."""
    k = i
    steps = 0
    while k >= 0 and steps < 4:
        w = toks[k].low
        if w in ACTIVITY_VERBS:
            return ACTIVITY_VERBS[w]
        if not toks[k].is_word or w in PREPOSITIONS - {"of", "about", "over"} or w in AUXILIARIES:
            break
        k -= 1  # "shipped a record 5.4 million units", "exported a total of"
        steps += 1
    return ""


def _is_frame(subject: str) -> bool:
    words = subject.split()
    return 0 < len(words) <= 3 and words[-1].lower() in FRAMES


def _owner_before(toks: Sequence[Tok], a: int, first: Tok, skip: Sequence[tuple[int, int]]) -> str:
    """Whose frame it is: the noun phrase before "switching from" / "recorded" / "with"."""
    k = _index_before(toks, first.start)
    if k < a or toks[k].low not in PREPOSITIONS:
        return ""
    k -= 1
    if k < a or not (toks[k].low.endswith(("ing", "ed")) or toks[k].low in REPORTING_VERBS):
        return ""
    back = _np_backward(toks, a, k - 1, skip)
    phrase = tidy(_span_text("", back)) if back else ""
    return "" if not phrase or is_generic(phrase) or _is_frame(phrase) else phrase


def topic_of(text: str, toks: Sequence[Tok], skip: Sequence[tuple[int, int]] = ()) -> str:
    """The sentence's opening noun phrase (its grammatical subject, usually), after an opening
    adverbial ("On a sector basis, direct investment abroad by ...")."""
    start = 0
    opener = bool(toks) and (
        toks[0].low in PREPOSITIONS or toks[0].low in ADVERBS or toks[0].low in LEADING_NOISE
    )
    for k, t in enumerate(toks[:12]):
        if t.text == ":" or (t.text == "," and opener):
            start = k + 1  # "Later: sales reached ...", "On a sector basis, ..."
            break
    return tidy(_span_text(text, _np_forward(toks, start, len(toks), skip)))


#: Flows that name themselves in their own sentence but not their account: "Imports decreased
#: by £0.6 billion" in a paragraph about trade in services.
_FLOWS = frozenset("imports exports income revenue revenues sales spending output".split())


def enrich(subject: str, topic: str, paragraph_topic: str = "") -> str:
    """Give a bare frame ("deficit", "net investment") the account named by the topic.

    A bare flow ("Imports", "Exports") that opens its own sentence takes the paragraph's topic.

    >>> enrich("Imports", "Imports", "The trade in services surplus")
    'Imports (trade in services surplus)'
    >>> enrich("imports", "Exports of goods and services", "GDP")
    'imports'

    >>> enrich("deficit", "The current account deficit")
    'current account deficit'
    >>> enrich("net investment", "Direct investment abroad by UK corporations")
    'net investment (Direct investment abroad by UK corporations)'
    >>> enrich("5G base stations", "China")
    '5G base stations'
    """
    words = subject.split()
    if (
        len(words) == 1
        and words[0].lower() in _FLOWS
        and tidy(topic).lower() == subject.lower()
        and len(paragraph_topic.split()) >= 2
        and tidy(paragraph_topic).lower() != subject.lower()
    ):
        return f"{subject} ({tidy(paragraph_topic)})"
    if not words or len(topic.split()) < 2 or words[-1].lower() not in FRAMES:
        return subject
    if any(w.lower() not in FRAME_MODIFIERS for w in words[:-1]):
        return subject  # "trade deficit" already names its account
    if any(w.lower() in PREPOSITIONS for w in words):
        return subject
    topic = tidy(topic)
    if not topic or topic.lower() == subject.lower() or subject.lower() in topic.lower():
        return topic if subject.lower() in topic.lower() else subject
    if topic.split()[-1].lower() == words[-1].lower():
        return topic  # "deficit" in a sentence about "the current account deficit"
    return f"{subject} ({topic})"
