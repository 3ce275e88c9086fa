"""Which numbers are claims: years, labels, list markers, names and slogans are not."""

from __future__ import annotations

import re

from ..numbers import Mention
from ..numbers.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES

__all__ = ["is_claim"]

_LABEL_BEFORE = re.compile(
    r"\b(?:Quarter|Q|Level|Headline|Figure|Fig\.|Table|Chart|Section|Chapter|Article|Annex|"
    r"Appendix|Part|Phase|Round|Item|Step|Page|p\.|pp\.|No\.|Number|Vol\.|Volume|Box|Note|"
    r"Footnote|Version|Tier|Class|Category|Option|Scenario|Exhibit|Schedule|Rule|Line|Lines|"
    r"Slide|Slides|Form|Tables|Figures|Charts|Pages|Sections|"
    r"Paragraph|Clause|Mark|Model|Series|Type|Grade|Stage|Batch|Room|Route|Highway|Gate|"
    r"Platform|Terminal|Region|District|Zone|Building|Floor|Unit|Track|Episode|Season|"
    r"COVID|Covid|Windows|iOS|Android|Python|Level|Wave)\s*\Z",
    re.IGNORECASE,
)
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|from|to|until|through|during|before|after|year|years|early|late|"
    r"mid|end|fiscal|FY|calendar|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Quarter|Q[1-4]|"
    r"H[12]|spring|summer|autumn|fall|winter|and|or|on|with|against|versus|vs)\.?|[(\-–/,])\s*\Z",
    re.IGNORECASE,
)
_MONTHS = rf"(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\b"
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s\Z")
_LABEL_RANGE_BEFORE = re.compile(
    r"\b(?:slides?|pages?|pp?\.|tables?|figures?|charts?|sections?|chapters?|exhibits?|"
    r"appendix|annex(?:es)?|paragraphs?|lines?|items?)\s+\d+\s*(?:through|to|and|-|–)\s*\Z",
    re.IGNORECASE,
)
_TIME_UNITS = {"day", "week", "month", "year", "quarter"}
_PERIOD_BEFORE = re.compile(
    r"\b(?:past|prior|last|previous|next|coming|first|recent|following|preceding|over\s+the|"
    r"within|for\s+the|each|every|per)\s*\Z",
    re.IGNORECASE,
)
#: "1. ", "2) ", "3.1 " at the start of a line: a list marker or section number.
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages|age\s+of|over\s+the\s+age\s+of|under\s+the\s+age\s+of)\s*\Z", re.IGNORECASE
)
_DISCOURSE_AFTER = re.compile(
    r"\s+(?:(?:key|main|major|important|basic|following|specific|primary|distinct)\s+)?"
    r"(?:highlights|aspects|characteristics|points|questions|respects|ways|things|tasks|"
    r"features|parts|messages|observations|lessons|takeaways|reasons)\b",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?[ \t]+(?=[A-Z])|\(?\d{1,2}[.)][ \t]")


def _in_quotes(text: str, start: int, end: int, sent_start: int) -> bool:
    """True inside a short quoted stretch of the sentence ("one month, one industrial chain")."""
    before = text[sent_start:start]
    opens = before.count("“") + before.count('"') - before.count("”")
    if before.count("“") > before.count("”"):
        close = text.find("”", end, end + 80)
        return close >= 0
    if before.count('"') % 2 == 1:
        close = text.find('"', end, end + 80)
        return close >= 0 and opens > 0
    return False


def is_claim(mention: Mention, text: str, sent_start: int, in_period: bool) -> bool:
    """Whether a fact-checker would track ``mention`` as a claim."""
    if in_period:
        return False  # "in the first 3 quarters", "the prior 6 months"
    before = text[max(sent_start, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 40]
    plain = not mention.unit and mention.qualifier == "exact" and not mention.scaled
    # The denominator of a rate: "912.4 deaths per 100,000 people", "173 per 1,000".
    if re.search(r"\bper\s*\Z", before) and not mention.unit:
        return False
    # Years and year ranges: "in 2023", "(2021-2025)", "since 1983".
    if (
        plain
        and mention.form == "digits"
        and mention.resolution == 1
        and 1800 <= abs(mention.value) <= 2100
        and re.fullmatch(r"\d{4}", mention.text)
        and (
            mention.bound
            or _YEAR_CONTEXT_BEFORE.search(before)
            or re.match(
                r"[ \t]*(?:[),.;:\-–]|\r?\n|$|(?<=[ \t]{2})|levels?\b|and\b|to\b|figures?\b|data\b|baseline\b|"
                r"census\b|survey\b|elections?\b|peak\b|budget\b|average\b|report\b)",
                after,
            )
            or (re.search(r"\bthe\s*\Z", before) and re.match(r"\s+[a-z]", after))
        )
    ):
        return False
    # A year inside a name: "System of Health Accounts 2011", "the 2013 European Standard
    # Population", "Vision 2030".
    if (
        plain
        and re.fullmatch(r"(?:18|19|20)\d\d", mention.text)
        and (
            (
                re.search(r"\b[A-Z][a-z]+\s\Z", before[-20:])
                and not re.search(r"(?:^|[.!?]\s+)[A-Z][a-z]+\s\Z", before)
            )
            or re.match(r"\s[A-Z][a-z]+\s[A-Z][a-z]+", after)
        )
    ):
        return False
    # A unit heading with no figure: "€ billion (current prices)".
    if mention.form == "words" and re.fullmatch(
        r"(?:thousands?|millions?|billions?|trillions?)", mention.text, re.IGNORECASE
    ):
        return False
    # Product and model names: "our Edge 360 platform", "the Model 3 sedan".
    if (
        plain
        and mention.form == "digits"
        and re.fullmatch(r"\d{1,4}", mention.text)
        and re.search(r"(?<![.!?]\s)\b[A-Z][A-Za-z]*[a-z][A-Za-z]*\s\Z", before)
        and not re.search(r"(?:^|[.!?:;]\s+)[A-Z]\w*\s\Z", before)
        and not _MONTH_BEFORE.search(before)
        and re.match(r"\s+[a-z]|[,;)]\s", after)
    ):
        return False
    # The far end of a label range: "slides 5 through 12", "pages 10-14".
    if plain and _LABEL_RANGE_BEFORE.search(before):
        return False
    # The first day of a date pair: "on 16 and 17 September 2025", "3-4 March".
    if (
        plain
        and re.fullmatch(r"[1-9]|[12]\d|3[01]", mention.text)
        and re.match(r"\s*(?:and|-|–|to)\s*(?:[1-9]|[12]\d|3[01])\s+" + _MONTHS, after)
    ):
        return False
    # Footnote markers: "[1]", "[12]".
    if (
        plain
        and len(mention.text) <= 3
        and text[mention.start - 1 : mention.start] == "["
        and text[mention.end : mention.end + 1] == "]"
    ):
        return False
    # Labels and identifiers: "Quarter 1", "Table 3", "Headline 2", "Level 3:".
    if plain and mention.form in ("digits", "words") and _LABEL_BEFORE.search(before):
        return False
    # Numbered list markers and section numbers at the start of a line.
    line_start = text.rfind("\n", 0, mention.start) + 1
    at_line_start = not text[line_start : mention.start].strip(" \t#*-(")
    if plain and at_line_start and _LIST_MARKER.match(text, mention.start):
        return False
    # Ages and age bands describe who is counted: "riders aged under 40".
    if not mention.unit and _AGE_BEFORE.search(
        text[max(sent_start, mention.lead_start - 30) : mention.lead_start]
    ):
        return False
    # Calendar durations that only frame a period: "over the prior 6 months", "4 weeks".
    if mention.unit in _TIME_UNITS and (
        _PERIOD_BEFORE.search(before) or re.match(r"\s*(?:preceding|before|ago|earlier)", after)
    ):
        return False
    # Counts that announce the speech's own structure ("five key highlights", "four main
    # aspects") and rank cut-offs ("among the world's top 10") are not claims about the world.
    if plain and _DISCOURSE_AFTER.match(after):
        return False
    if plain and re.search(r"\b(?:top|Top|TOP)\s*\Z", before):
        return False
    # Durations that frame a comparison: "the slowest pace in two years", "for the first time
    # in over three years".
    if mention.unit in _TIME_UNITS and re.search(
        r"\bin\s*\Z", text[max(sent_start, mention.lead_start - 12) : mention.lead_start]
    ):
        return False
    # Durations used as modifiers: "the 12-month average", "a five-year plan".
    if mention.unit in _TIME_UNITS and re.search(
        r"-\s*(?:day|week|month|year|quarter)\Z", mention.text
    ):
        return False
    # "net zero" is a goal's name, not a figure
    if (
        mention.form == "words"
        and mention.value == 0
        and re.search(r"\bnet[\s\-]*\Z", before, re.IGNORECASE)
    ):
        return False
    # Number words used as pronouns or in idioms: "one of the most", "a year or two".
    if mention.form == "words" and not mention.scaled:
        low = mention.text.lower()
        if low in ("one", "an", "a"):
            return False  # "one party", "one of the most": a count of one is no figure to check
        if low == "one" and re.search(
            r"\b(?:the|this|that|no|any|every|each|which|at)\s*\Z", before, re.IGNORECASE
        ):
            return False
        if re.search(r"\b(?:or|year|years)\s*\Z", before, re.IGNORECASE) and low in (
            "one",
            "two",
            "three",
        ):
            return False
        if low == "one" and re.match(r"\s*\w+\s*,\s*one\b", after, re.IGNORECASE):
            return False
        if low == "zero" and not after.strip():
            return False
        # Slogans in quotes: "one month, one industrial chain".
        if _in_quotes(text, mention.start, mention.end, sent_start):
            return False
    # Model numbers and versions glued to words by hyphens: "Wi-Fi 6", "Boeing 737".
    return not (plain and re.search(r"[A-Za-z]-\s*\Z", before))
