"""Word classes the phrase rules need: a few closed lists stand in for a part-of-speech tagger.

Official English is formulaic: subjects are noun phrases ended by a small set of reporting verbs
("reached", "increased by", "accounted for") or by auxiliaries, so closed lists go a long way.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Tok", "tokenize"]

#: Verbs that take an object and a target level: "reduce the cost ... to 10 yuan".
TO_VERBS = frozenset(
    [
        "reduce",
        "reduced",
        "reducing",
        "bring",
        "bringing",
        "brought",
        "raise",
        "raised",
        "raising",
        "increase",
        "increased",
        "increasing",
        "lift",
        "lifted",
        "cut",
        "lower",
        "lowered",
        "boost",
        "boosted",
        "expand",
        "expanded",
        "expanding",
        "push",
        "pushed",
        "take",
        "took",
        "taking",
    ]
)


@attrs.frozen(slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        # "&" joins words of a name as "and" does: "Software & Services margin"
        return self.text[:1].isalnum() or self.text == "&"

    @property
    def is_number(self) -> bool:
        return bool(_NUMBER.fullmatch(self.text))


_TOKEN = re.compile(
    r"[$£€¥]?\d[\d,.]*\d%?(?![\w])|[$£€¥]?\d%?(?![\w])|[\w][\w'’\-&/.]*[\w%]|[\w]|[^\w\s]"
)


_NUMBER = re.compile(r"[$£€¥]?\d[\d,.]*%?")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Words (keeping "5G-A", "China's", "R&D", "U.S.") and single punctuation marks."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        # A trailing full stop ends the sentence, not the word ("2024." / "size.").
        if len(t) > 1 and t.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", t):
            out.append(Tok(m.start(), m.end() - 1, t[:-1]))
            out.append(Tok(m.end() - 1, m.end(), "."))
        else:
            out.append(Tok(m.start(), m.end(), t))
    return out


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DETERMINERS = _set(
    "the a an this that these those its their our his her your my some any each every all both "
    "such another other no total"
)
PREPOSITIONS = _set(
    "of in on at for from to by with across into between among within under over through during "
    "since per about around than as via toward towards against amid beyond along upon onto"
)
AUXILIARIES = _set(
    "is are was were be been being has have had will would shall should can could may might "
    "must do does did"
)
ADVERBS = _set(
    "now also still already currently just only further overall meanwhile additionally moreover "
    "furthermore respectively approximately roughly nearly almost about around some totally "
    "cumulatively significantly steadily rapidly sharply slightly broadly essentially generally "
    "largely mainly mostly primarily partly partially recently previously again even then thus "
    "therefore however"
)
#: Verbs that report a figure ("X reached N"); -s, -ed and -ing forms.
REPORTING_VERBS = _set(
    "reach reached reaches reaching totaled totalled totals totaling totalling stand stood "
    "stands standing amount amounted amounts amounting hit hits hitting exceed exceeded exceeds "
    "exceeding top topped tops topping surpass surpassed surpassing account accounted accounts "
    "accounting increase increased increases increasing rise rose risen rises rising grow grew "
    "grown grows growing fall fell fallen falls falling decline declined declines declining "
    "decrease decreased decreases decreasing drop dropped drops dropping edge edged edges edging "
    "add added adds adding lose lost loses losing gain gained gains gaining record recorded "
    "records recording register registered registers registering equate equated equates equating "
    "remain remained remains remaining hover hovered hovers hovering climb climbed climbs "
    "climbing jump jumped jumps jumping narrow narrowed narrows narrowing widen widened widens "
    "widening come came comes coming change changed changes changing continue continued "
    "continues continuing trend trended maintain maintained maintains maintaining achieve achieved "
    "achieves achieving approach approached approaches approaching exported imported produced "
    "sold shipped delivered generated contributed contributing drove driving provide provided "
    "providing contribute contributes serve served serving cover covered covering show showed "
    "shown shows showing see saw seen sees seeing represent represented represents "
    "representing make made makes making post posted posts posting bring brought bringing "
    "slip slipped slid fell plunged soared surged rebounded recovered reduced cut expanded "
    "raised boosted accelerated eased shrank contracted experienced experiencing ranging range "
    "ranges ranged varying varied reduce lift lifted lower lowered bringing revised revise "
    "occurred occur occurs saw compared compare comparing carry carries employs employ "
    "earn earns spend spends receive receives own owns"
)
#: Trade and production verbs kept in a subject: 580 million phones *exported* are not the
#: 1.184 billion phones *produced*.
ACTIVITY_VERBS = {
    "exported": "exported", "export": "exported", "exports": "exported", "exporting": "exported",
    "imported": "imported", "import": "imported", "imports": "imported",
    "produced": "produced", "produce": "produced", "produces": "produced",
    "sold": "sold", "sell": "sold", "sells": "sold", "shipped": "shipped", "ship": "shipped", "created": "created", "create": "created",
    "creates": "created", "hired": "hired", "hire": "hired",
    "ships": "shipped", "manufactured": "manufactured", "delivered": "delivered",
    "deliver": "delivered", "consumed": "consumed", "installed": "installed",
}  # fmt: skip
PRONOUNS = _set(
    "we i you they he she it there here we've we're i'm i've you've they've they're it's "
    "there's we’ve we’re i’m i’ve they’ve it’s there’s us them our"
)
CLAUSE_WORDS = _set(
    "with while whereas that which who whom whose where when because although though if unless "
    "but so yet and or nor after before since until as"
)
#: Openers stripped from the front of a subject phrase.
LEADING_NOISE = _set(
    "and or but so yet also then thus while with as of in on at by for from to among including "
    "there here it this that these those the a an its their our his her overall meanwhile "
    "additionally moreover furthermore currently now specifically particularly notably first "
    "second third fourth fifth lastly finally besides both either neither following including "
    "excluding additional further expect expects anticipate anticipates"
)
#: "the number of X" is X; "a total of N X" is N X.
SUBJECT_PREFIXES = (
    "the total number of ", "total number of ", "the number of ", "number of ", "a total of ",
    "the total of ", "the amount of ", "amount of ", "the volume of ",
)  # fmt: skip
COMPARATIVES = _set(
    "higher lower more less greater smaller faster slower above below larger bigger fewer "
    "ahead behind up down"
)
GENERIC_HEADS = _set(
    "units unit items times year-on-year increase growth rate rise decline decrease drop fall "
    "gain share proportion percentage level figure number total amount value values jobs job "
    "year earlier ago month quarter week day time times"
)

#: Heads that name a side or a flow, not the account it belongs to: "net investment of £21.4
#: billion" says which way the money went; the sentence's topic says whose it was.
FRAMES = frozenset(
    "deficit deficits surplus surpluses balance inflow inflows outflow outflows investment "
    "disinvestment profits profit losses loss earnings receipts payments deposits withdrawal "
    "withdrawals advances liabilities assets borrowing lending growth gain gains increase "
    "decrease decline change".split()
)
#: Words that may stand beside a frame and leave it bare ("net investment", "revised deficit").
FRAME_MODIFIERS = frozenset(
    "net total overall gross revised new the a average monthly weekly quarterly annual yearly "
    "daily".split()
)


def is_bare_frame(subject: str) -> bool:
    """ "net investment", "deficit": a side or flow that names no account of its own.

    >>> is_bare_frame("net investment"), is_bare_frame("current account deficit")
    (True, False)
    """
    words = subject.lower().split()
    return bool(words) and words[-1] in FRAMES and all(w in FRAME_MODIFIERS for w in words[:-1])
