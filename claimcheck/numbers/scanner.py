"""The scanner: every numeric expression of a text, with exact spans, in one linear pass.

A cheap trigger regex finds where numbers start (digits, number words, fraction words); each
trigger is then grown with anchored regexes to the right (scale, unit, range, post-qualifier) and
checked in a small fixed window to the left (currency sign, qualifier, direction). Every regex is
anchored or bounded, so the cost is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..units import canonical_unit
from .lexicon import (
    CHANGE_NOUNS,
    CURRENCY_WORDS,
    DIRECTION_WORDS,
    LONG_UNIT_KEYS,
    LONG_UNIT_RE,
    MONEY_OR_MASS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    POST_QUALIFIERS,
    QUALIFIER_KEYS,
    QUALIFIERS,
    SCALE_ABBR,
    SCALE_WORDS,
    SUBUNITS,
    SYMBOL_UNIT_LOOKUP,
    SYMBOL_UNIT_RE,
    normalize_key,
)
from .mention import Mention
from .words import FRACTIONS, SCALES, SMALL, TENS, parse_number_words

__all__ = ["scan"]

_WS = r"[ \t\u00a0\u202f]*(?:\r?\n[ \t\u00a0\u202f]*)?"  # spaces, at most one line break
_WS1 = r"(?:[ \t\u00a0\u202f]+(?:\r?\n[ \t\u00a0\u202f]*)?|\r?\n[ \t\u00a0\u202f]*)"

_NUMBER_WORDS = sorted(
    [*SMALL, *TENS, *SCALES, "dozen", "dozens", "hundreds", "thousands", "millions",
     "billions", "trillions", "tens", *FRACTIONS],
    key=len, reverse=True,
)  # fmt: skip


def _plain_digits(num: str) -> str:
    """ "10\u202f000" and "1,234" as float() reads them."""
    return re.sub(r"[,\s\u00a0\u202f\u2009]", "", num)


_WORD_ALTS = "|".join(
    sorted(
        {v for w in _NUMBER_WORDS for v in (w, w.capitalize(), w.upper())}, key=len, reverse=True
    )
)
# Thousands grouped by spaces: any thin or no-break space ("10\u202f000"); a plain space only
# where a group of zeros shows it is one number ("10 000", "1 500 000"), since "Table 1 234"
# and "in 2023 150 firms" put two numbers side by side.
_SPACED = (
    r"\d{1,3}(?:(?:[\u00a0\u202f\u2009]\d{3})+|(?:[ ](?:000|\d{3}(?=[ ]000)))+)(?:\.\d+)?"
    r"(?![\d\u00a0\u202f\u2009]|[ ]\d{3}(?!\d))"
)
_DIGIT_CORE = (
    r"(?:(?<![\w.,\-\u2212\u2013/])(?P<sign>[-+\u2212\u2013])(?=\.?\d)|(?<![\w.,\-\u2212\u2013/+]))"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|" + _SPACED + r"|\d+(?:\.\d+)?|\.\d+)(?!\d|,\d{3})"
)
# Case-sensitive with a first-character lookahead: the regex engine skips most positions on one
# set test, which is what makes the scanner several MB/s (see benchmarks/bench_scanner.py).
_VULGAR_CHARS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_TRIGGER = re.compile(
    r"(?=[\d+\-\u2212\u2013."
    + _VULGAR_CHARS
    + "".join(sorted({w[0] for w in _WORD_ALTS.split("|")}))
    + r"])"
    r"(?:" + _DIGIT_CORE + r"|(?P<word>\b(?:" + _WORD_ALTS + r")\b)"
    r"|(?<![\w\d])(?P<vulgar>[" + _VULGAR_CHARS + r"]))"
)
_LETTERS = re.compile(r"[A-Za-z°µμ²³][A-Za-z°µμ²³0-9/·]*")

_SCALE_AFTER = re.compile(
    _WS + r"(?P<w>hundred|thousand|million|billion|trillion|lakh|crore)s?\b"
    r"|[ \t\u00a0]?(?P<a>mn|mln|bn|bln|tn|trn)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"[ \t\u00a0]?(?P<pct>%|％)"
    r"|" + _WS + r"(?:(?P<pp>percentage[\s\-]+points?|pp|ppts?|pct(?:\.|[ \t]+)pts?\.?)\b"
    r"|(?P<bp>basis[\s\-]+points?|bps|bp)\b"
    r"|(?P<pct2>per[\s\-]?cent|percent|pct)\b)",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(
    _WS + r"(?P<c>(?:US|U\.S\.|Hong[ \t]+Kong|Canadian|Australian|Swiss)[ \t]+dollars?"
    r"|yuan|renminbi|RMB|CNY|USD|EUR|GBP|JPY|HKD|dollars?|euros?|pounds(?:[ \t]+sterling)?|pound"
    r"|sterling|yen|rupees?|won|francs?)\b"
    r"|" + _WS + r"(?P<sub>cents?|pence|fen|jiao)\b",
    re.IGNORECASE,
)
#: One-letter symbols trusted even after a space ("278,000 t", "3 to 4 L", "50 g").
_SPACED_LETTER_UNITS = frozenset({"t", "L", "g"})
_ONE_IN = re.compile(
    r"[ \t]+(?:in|out[ \t]+of)[ \t]+(?:every[ \t]+)?(\d{1,3}(?:,\d{3})?(?![\d.])|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty|fifty|hundred|a[ \t]+hundred)\b(?![ \t]*(?:years?|months?|"
    r"days?|weeks?|cases?\s+of|the\b))",
    re.IGNORECASE,
)


def _denominator(word: str) -> int:
    w = word.lower().replace("a hundred", "hundred").replace(",", "").split()[-1]
    if w.isdigit():
        return int(w)
    return {**SMALL, **TENS, "hundred": 100}.get(w, 0)


_DIGIT_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine)"
_POINT_DIGITS = re.compile(r"[ \t]+point((?:[ \t]+" + _DIGIT_WORD + r"){1,6})\b", re.IGNORECASE)
_WORD_SIGN = re.compile(r"\b(?:minus|negative)[ \t]+\Z", re.IGNORECASE)
_AND_A_FRACTION = re.compile(r"[ \t]+and[ \t]+a[ \t]+(half|quarter|third)\b", re.IGNORECASE)
_SIGN_AFTER = re.compile(r"[ \t]?([€£¥₹])(?![\w\d]|\.\d)")
_SYMBOL_AFTER = re.compile(_WS + r"(?P<s>" + SYMBOL_UNIT_RE + r")(?![\w°/])")
_HYPHEN_UNIT = re.compile(r"-(?P<l>" + LONG_UNIT_RE + r")\b", re.IGNORECASE)
_LONG_AFTER = re.compile(_WS + r"(?P<l>" + LONG_UNIT_RE + r")\b", re.IGNORECASE)
_PAREN_UNIT = re.compile(
    r"[ \t\u00a0]*\((?P<u>[^()\n]{1,30})\)"
)  # "18 megawatt (MW)", "1,000 (kilowatt) kW"
_PER = re.compile(
    r"(?:" + _WS1 + r"per" + _WS1 + r"|[ \t]?/[ \t]?)(?P<p>(?:square|cubic)[ \t]+\w+|[\w°·\-]+)",
    re.IGNORECASE,
)
_POST_QUAL = re.compile(
    r"[ \t\u00a0]+(?P<q>"
    + "|".join(re.escape(k) for k in sorted(POST_QUALIFIERS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_POST_DIR = re.compile(
    r"[ \t\u00a0]+(?:(?:year|month|quarter|week)[\s\-]+(?:on|over)[\s\-]+(?:year|month|quarter"
    r"|week)[ \t]+)?(?P<d>increase|decrease|decline|rise|growth|drop|fall|gain|higher|lower"
    r"|jump|reduction|contraction|expansion)\b",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"(?P<sep>[ \t]*[-\u2013\u2014][ \t]*|-?" + _WS1 + r"(?:to|and)" + _WS1 + r")"
    r"(?=[$£€¥]?\d|[-\u2212][$£€¥]?\d)"
)
_EXPONENT = re.compile(r"[eE]([-+\u2212]?\d{1,3})(?![\w.])")
_TIMES_TEN = re.compile(
    r"[ \t]?[×x*][ \t]?10(?:\^|\*\*)?([-+\u2212]?\d{1,3}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d])"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SLASH = re.compile(r"/(\d{1,4})(?![\d/])")
_MIXED = re.compile(r"[ \t]+(\d{1,3})/(\d{1,4})(?![\d/])")
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
           "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
           "⅞": 7 / 8}  # fmt: skip
_VULGAR_AFTER = re.compile(r"[ \t]?([" + "".join(_VULGAR) + r"])")
_RANGE_NUM = re.compile(
    r"(?P<neg>[-\u2212])?[$£€¥]?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d{3}|\.\d)"
)
_CURRENCY_BEFORE = re.compile(
    r"(?P<c>US\$|U\.S\.\$|HK\$|C\$|A\$|NZ\$|S\$|R\$|\$|£|€|¥|₹|₩|"
    r"(?:RMB|CNY|USD|EUR|GBP|JPY|HKD|INR|CHF|CAD|AUD|Rs\.?)[ \t\u00a0]?)\Z"
)
_CURRENCY_SIGN_CODE = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD",
    "S$": "SGD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "₹": "INR",
    "₩": "KRW", "RS": "INR", "RS.": "INR",
}  # fmt: skip
_QUAL_WORDS = "|".join(
    re.escape(k).replace(r"\ ", r"[\s\-]+") for k in sorted(QUALIFIERS, key=len, reverse=True)
)
_DIR_WORDS = "|".join(sorted(DIRECTION_WORDS, key=len, reverse=True))
_CHANGE_NOUN_WORDS = "|".join(sorted(CHANGE_NOUNS, key=len, reverse=True))
_LEFT = re.compile(
    r"(?:(?P<dir>\b(?:" + _DIR_WORDS + r"))(?:[\s]+(?P<prep>by|of|to|at|from))?[\s]+"
    r"|(?P<noun>\b(?:" + _CHANGE_NOUN_WORDS + r"))[\s]+(?P<nprep>of|by|to)[\s]+)?"
    r"(?:(?P<q>\b(?:" + _QUAL_WORDS + r"))[\s]+)?"
    r"(?:a[\s]+(?:further|total[\s]+of)[\s]+|a[\s]+further[\s]+|another[\s]+)?\Z",
    re.IGNORECASE,
)
_MONTHS = MONTH_NAMES
_MON = MONTH_ABBREVIATIONS
#: Numbers that are not quantities: URLs, phone numbers, dates, clock times. Each pattern starts
#: with a cheap first-character test so the scan stays linear and fast.
_SKIPS = (
    re.compile(r"(?=[hw])(?:https?://|www\.)[^\s<>\"')\]]+"),
    re.compile(
        r"(?=[\d(])(?:\(\d{3}\)[ \t]?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
        r"|\b\d{1,2}(?::\d{2})+(?:[ \t]*[ap]\.?m\.?)?|\b\d{1,2}[ \t]*[ap]\.m\.(?!\w)"
        r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
        r"|\b\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:" + _MONTHS + "|" + _MON + r")\b)"
    ),
    re.compile(
        r"(?=[ADFJMNOS])\b(?:(?:" + _MON + r")\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?\b"
        r"|(?:" + _MONTHS + r")[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,[ \t]*\d{4})?(?![\d,.]*\d))"
    ),
)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]+\.[\w.-]+")
_TABLE_LINE = re.compile(r"\t|\||\S {2,}\S")


def _skip_zones(text: str) -> tuple[list[int], list[int]]:
    zones = [(m.start(), m.end()) for rx in _SKIPS for m in rx.finditer(text)]
    at = text.find("@")
    while at >= 0:  # e-mail addresses, found from their "@" so no regex runs over every word
        m = _EMAIL.search(text, max(0, at - 64), at + 256)
        if m is not None and m.start() <= at < m.end():
            zones.append((m.start(), m.end()))
        at = text.find("@", at + 1)
    zones.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in zones:
        if ends and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _resolution(num: str) -> float:
    if "." in num:
        return 10.0 ** -len(num.split(".", 1)[1])
    return 1.0


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.skip_starts, self.skip_ends = _skip_zones(text)

    def in_skip(self, pos: int) -> int:
        """End of the skip zone holding ``pos``, or -1."""
        i = bisect_right(self.skip_starts, pos) - 1
        if i >= 0 and pos < self.skip_ends[i]:
            return self.skip_ends[i]
        return -1

    # ------------------------------------------------------------------ triggers
    def run(self) -> Iterator[Mention]:
        text = self.text
        pos = 0
        pending: list[Mention] = []
        while True:
            m = _TRIGGER.search(text, pos)
            if m is None:
                break
            skip_end = self.in_skip(m.start())
            if skip_end >= 0:
                pos = max(skip_end, m.end())
                continue
            if m.group("num") is not None:
                found, pos = self.digits(m)
            elif m.group("vulgar") is not None:
                core = _Core(m.start(), m.end(), _VULGAR[m.group("vulgar")], 0.0, "digits")
                if _OF_AFTER.match(text, m.end()):
                    # "¾ of respondents" is a share, as "three quarters of" is
                    core.value, core.resolution = 100.0 * core.value, 1.0
                    core.unit, core.unit_done, core.form = "percent", True, "fraction"
                found, pos = self.finish(core, m.start())  # "⅓ cup"
            else:
                found, pos = self.words(m)
                if (
                    len(found) == 1
                    and found[0].text.lower() == "half"
                    and _A_SCALE_AFTER.match(text, found[0].end)
                ):
                    pos = found[0].end  # "about half a billion": read with the "a billion"
                    continue
                if found and found[0].text[:2].lower() in ("a ", "an"):
                    found[0] = _halved(found[0], text)  # "half a million"
            # never overlap the previous figure (a sign shared by two readings goes to the first)
            last_end = pending[-1].end if pending else 0
            pending.extend(f for f in found if f.start >= last_end)
        yield from _lists(pending, text)

    # ------------------------------------------------------------------ digits
    def digits(self, m: re.Match[str]) -> tuple[list[Mention], int]:
        text = self.text
        num = m.group("num")
        s, e = m.start("num"), m.end("num")
        value = float(_plain_digits(num))
        sign = m.group("sign")
        start = m.start()
        if sign and sign in "-\u2212\u2013":
            value = -value
        core = _Core(start=start, end=e, value=value, resolution=_resolution(num), form="digits")
        core.signed = bool(sign)
        wm = _WORD_SIGN.search(text, max(0, start - 10), start) if not sign else None
        if wm is not None:
            core.value, core.start, core.signed = -core.value, wm.start(), True  # "negative 3%"
        self.refine_number(core, num)
        e = core.end
        if text[e : e + 1] == "/" and text[e + 1 : e + 2].isdigit():
            # "24/7", "3/2/1": a slash expression, not a quantity
            sm = re.compile(r"/[\d/]+").match(text, e)
            return [], sm.end() if sm else e + 1
        # Letters glued to the digits: a unit or scale ("18MW", "10bn") or a name ("5G", "20th").
        lm = _LETTERS.match(text, e)
        if lm is not None:
            glued = lm.group()
            if not self.glued_suffix(core, glued, s):
                return [], lm.end()
        return self.finish(core, s)

    def refine_number(self, core: _Core, num: str) -> None:
        """Scientific notation ("4e14", "2.48×10−5"), fractions ("1/4", "2 1/2", "2½")."""
        text = self.text
        sign = -1.0 if core.value < 0 else 1.0
        em = _EXPONENT.match(text, core.end) or _TIMES_TEN.match(text, core.end)
        if em is not None:
            exp = int(em.group(1).translate(_SUPERSCRIPTS).replace("\u2212", "-"))
            core.value *= 10.0**exp
            core.resolution *= 10.0**exp
            core.end = em.end()
            return
        if "." in num or "," in num:
            return
        fm = _SLASH.match(text, core.end)
        if fm is not None and int(num) < int(fm.group(1)) and int(fm.group(1)) > 0:
            core.value = sign * int(num) / int(fm.group(1))  # "1/4 inch", "1/40"
            core.resolution = 0.0
            core.end = fm.end()
            return
        mm = _MIXED.match(text, core.end)
        if mm is not None and 0 < int(mm.group(1)) < int(mm.group(2)):
            core.value = sign * (abs(core.value) + int(mm.group(1)) / int(mm.group(2)))
            core.resolution = 0.0
            core.end = mm.end()  # "2 1/2 in"
            return
        vm = _VULGAR_AFTER.match(text, core.end)
        if vm is not None:
            core.value = sign * (abs(core.value) + _VULGAR[vm.group(1)])
            core.resolution = 0.0
            core.end = vm.end()  # "2½"

    def glued_suffix(self, core: _Core, glued: str, num_start: int) -> bool:
        has_currency = _CURRENCY_BEFORE.search(self.text, max(0, num_start - 6), num_start)
        if glued in ("mn", "bn", "tn", "mln", "bln", "trn", "k") or (
            has_currency and glued in SCALE_ABBR
        ):
            core.scale(SCALE_ABBR[glued])
            core.end += len(glued)
            return True
        unit = SYMBOL_UNIT_LOOKUP.get(glued)
        if unit is not None:
            core.unit = unit
            core.end += len(glued)
            core.unit_done = True
            return True
        return False

    # ------------------------------------------------------------------ words
    def words(self, m: re.Match[str]) -> tuple[list[Mention], int]:
        text = self.text
        word = m.group("word").lower()
        start = m.start()
        # "a dozen", "a million", "a third": take a preceding article as the number one.
        art_base = max(0, start - 4)
        art = re.search(r"\b(an?)[ \t]+\Z", text[art_base:start], re.IGNORECASE)
        if (
            art is not None
            and art_base + art.start(1) > 0
            and text[art_base + art.start(1) - 1].isalnum()
        ):
            art = None
        art_start = art_base + art.start(1) if art is not None else start
        tokens: list[tuple[str, int, int]] = [(word, m.start(), m.end())]
        pos = m.end()
        while True:
            nm = _WORD_STEP.match(text, pos)
            if nm is None:
                break
            w = nm.group("w").lower()
            if w == "and":
                nxt = _WORD_STEP.match(text, nm.end())
                if nxt is None or nxt.group("w").lower() == "and":
                    break
            tokens.append((w, nm.start("w"), nm.end("w")))
            pos = nm.end()
        # Fractions: "two-thirds", "a quarter", "half".
        for i, (w, _, _) in enumerate(tokens):
            if w in FRACTIONS:
                return self.fraction(tokens[:i], tokens[i], art_start if art else -1, start)
        if word in ("dozens", "hundreds", "thousands", "millions", "billions", "trillions", "tens"):
            return self.vague(tokens, start)
        while tokens and tokens[-1][0] == "and":
            tokens.pop()
        names = [t[0] for t in tokens]
        if art and names[0] in ("dozen", *SCALES):
            names = ["a", *names]
            start = art_start
        value = parse_number_words(names)
        if value is None:
            # Take the longest prefix that parses ("one two" -> "one").
            for k in range(len(tokens) - 1, 0, -1):
                value = parse_number_words([t[0] for t in tokens[:k]])
                if value is not None:
                    tokens = tokens[:k]
                    break
            if value is None:
                return [], tokens[-1][2]
        end = tokens[-1][2]
        # Compound adjectives and names: "Five-Year Plan", "one-stop", "two-way".
        hy = re.match(r"-[A-Za-z]+", text[end : end + 30])
        if hy is not None:
            return [], end + hy.end()
        last_scale = 1.0
        for t in tokens:
            if t[0] in SCALES:
                last_scale = SCALES[t[0]]
            elif t[0] == "dozen":
                last_scale = 12.0
        am = _AND_A_FRACTION.match(text, end)
        if am is not None and last_scale == 1.0:
            value += 1.0 / FRACTIONS[am.group(1).lower()]  # "two and a half miles"
            end = am.end()
        resolution = last_scale
        pm = _POINT_DIGITS.match(text, end)
        if pm is not None and last_scale == 1.0 and value < 100:
            # "three point two percent"
            digits = [SMALL[w.lower()] for w in re.findall(r"[A-Za-z]+", pm.group(1))]
            value += float("0." + "".join(str(d) for d in digits))
            resolution = 10.0 ** -len(digits)
            end = pm.end()
        sm = _WORD_SIGN.search(text, max(0, start - 10), start)
        if sm is not None and (start == sm.end()):
            value, start = -value, sm.start()  # "minus five", "negative three"
        core = _Core(start=start, end=end, value=value, resolution=resolution, form="words")
        core.scaled = last_scale > 1
        core.signed = sm is not None and start == sm.start()
        return self.finish(core, start)

    def fraction(
        self,
        numer: list[tuple[str, int, int]],
        denom: tuple[str, int, int],
        art_start: int,
        start: int,
    ) -> tuple[list[Mention], int]:
        text = self.text
        word, _, dend = denom
        d = FRACTIONS[word]
        after = text[dend : dend + 12].lower()
        before = text[max(0, start - 12) : start].lower()
        if numer:
            n = parse_number_words([t[0] for t in numer])
            if n is None or n > 20:
                return [], dend
        elif art_start >= 0:
            n = 1.0
            start = art_start
        elif word == "half":
            n = 1.0
        else:
            return [], dend
        plural = word.endswith("s") or word == "halves"
        if (n == 1) == plural and word != "half":
            return [], dend
        # Periods, not shares: "the first three quarters", "second half", "a quarter earlier".
        if re.search(
            r"\b(first|second|third|fourth|last|past|next|previous|latter|final|"
            r"other|each|every|this|that|the)[\s\-]+\Z",
            before,
        ):
            return [], dend
        if _LONG_AFTER.match(text, dend) or _SYMBOL_AFTER.match(text, dend):
            # "one-half miles", "a quarter mile": a number of units, not a share
            core = _Core(start=start, end=dend, value=n / d, resolution=0.0, form="words")
            return self.finish(core, start)
        if word in ("quarter", "quarters") and not re.match(r"[ \t\r\n]+of\b", after):
            return [], dend
        if word == "half" and not (
            numer
            or art_start >= 0
            or re.match(r"[ \t\r\n]+(of|the|their|its|our|all)\b", after)
            or _LEFT.search(text, max(0, start - 40), start).group("q")
        ):
            return [], dend
        if word in ("half",) and re.match(r"[\s\-]+(year|month|hour|day|time|way)", after):
            return [], dend
        core = _Core(start=start, end=dend, value=100.0 * n / d, resolution=5.0, form="fraction")
        core.unit = "percent"
        core.unit_done = True
        return self.finish(core, start)

    def vague(self, tokens: list[tuple[str, int, int]], start: int) -> tuple[list[Mention], int]:
        """ "hundreds of millions", "tens of thousands", "dozens of": order of magnitude only."""
        text = self.text
        base = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
                "billions": 1e9, "trillions": 1e12, "tens": 10.0}  # fmt: skip
        value = base[tokens[0][0]]
        end = tokens[0][2]
        om = re.compile(r"[ \t]+of[ \t]+(thousands|millions|billions|trillions)\b", re.I).match(
            text, end
        )
        if om is not None:
            value *= base[om.group(1).lower()]
            end = om.end()
        if not re.match(r"[ \t\r\n]+of\b", text[end : end + 6]):
            return [], end
        core = _Core(start=start, end=end, value=value, resolution=value, form="vague")
        core.qualifier = "about"
        core.scaled = value >= 1000
        return self.finish(core, start)

    # ------------------------------------------------------------------ shared
    def finish(self, core: _Core, num_start: int) -> tuple[list[Mention], int]:
        """Grow a number core to the right (scale, unit, range) and read its left context."""
        text = self.text
        om = _ONE_IN.match(text, core.end) if core.form in ("digits", "words") else None
        if om is not None and 0 < core.value < 100 and core.value == int(core.value):
            d = _denominator(om.group(1))
            if d and d > core.value:
                # "one in five adults", "1 in 4": a share
                core.value, core.resolution = 100.0 * core.value / d, 5.0
                core.unit, core.unit_done, core.form, core.end = (
                    "percent",
                    True,
                    "fraction",
                    om.end(),
                )
        self.extend_right(core)
        lead = self.read_left(core, num_start)
        found = [self.make(core, lead)]
        pos = core.end
        # Ranges: "75 to 100 inches", "5-6%", "between 5 and 6 percent".
        rm = _RANGE.match(text, _bare_end(core))
        if rm is not None and core.form == "digits" and self.is_range(core, rm):
            m2 = _RANGE_NUM.match(text, rm.end())
            if m2 is not None:
                second = _Core(
                    start=m2.start("num"), end=m2.end("num"),
                    value=float(m2.group("num").replace(",", "")) * (-1 if m2.group("neg") else 1),
                    resolution=_resolution(m2.group("num")), form="digits",
                )  # fmt: skip
                second.currency_sign_before = self.currency_sign(m2.start("num"))
                if second.currency_sign_before:
                    second.start -= len(second.currency_sign_before[0])
                    second.unit = second.currency_sign_before[1]
                if m2.group("neg"):
                    second.start = m2.start()  # "-18 °C to -34 °C"
                    second.signed = True
                lm = _LETTERS.match(text, second.end)
                if (lm is None or self.glued_suffix(second, lm.group(), m2.start("num"))) and (
                    self._same_dimension(core, second)
                ):
                    low = found[0]
                    if core.unit_end_before_range and (second.unit or second.scaled):
                        # "5-6%": the first bound takes the second's scale and unit.
                        low = self.make(core.inherit(second), lead)
                    high = _set(self.make(second, None), bound="high")
                    if low.qualifier == "about":
                        high = _set(high, qualifier="about")  # "roughly 6% to 8%"
                    if low.direction and not high.direction:
                        high = _set(high, direction=low.direction, cue=low.cue)
                    found = [_set(low, bound="low"), high]
                    pos = second.end
        return found, pos

    def _same_dimension(self, core: _Core, second: _Core) -> bool:
        """Grow ``second`` and say whether it can close a range opened by ``core``: "grew 6.9
        percent to 13.13 trillion yuan" is a rate and the level it reached, not a range."""
        self.extend_right(second)
        if core.unit_explicit and second.unit and core.unit != second.unit:
            return False
        return not (core.scaled and second.unit and not core.unit and second.unit_explicit)

    def is_range(self, core: _Core, rm: re.Match[str]) -> bool:
        sep = rm.group("sep").strip().lower()
        after = self.text[rm.end() : rm.end() + 12]
        second_year = re.match(r"(1[89]|20)\d\d(?![\d,.])", after)
        if _year_like(core) != bool(second_year):
            return False  # "Quarter 4 2013 to £5.4 billion" is a transition, not a range
        if (
            after[:1] in "$£€¥"
            and self.text[core.start : core.start + 4].lstrip("-+")[:1] not in ("$£€¥")
            and not self.text[core.start : core.start + 3].isupper()
        ):
            return False  # "2013 to £5.4 billion"
        before = self.text[max(0, core.start - 30) : core.start].lower()
        if sep == "and":
            return bool(re.search(r"\bbetween[\s]+\Z", before))
        if sep == "to":
            if re.search(r"\bfrom[\s]+\Z", before):
                return bool(re.search(r"\b(rang\w*|vary\w*|varied)[\s]+from[\s]+\Z", before))
            if re.search(r"\bby[\s]+\Z", before):
                return False  # "rose by 3 to 5%" is no range
            return not self._change_then_level(core, before, after)
        # hyphen or dash: only when both sides are bare numbers of the same form.
        return not core.unit_explicit or core.unit == "percent"

    def _change_then_level(self, core: _Core, before: str, after: str) -> bool:
        """ "decreased $0.2 billion to $6.9 billion": an amount of change, then the level it
        reached (a range of amounts would be close to each other: "rose 3 to 4 percent")."""
        if not _CHANGE_VERB_BEFORE.search(before):
            return False
        number = r"[$£€¥]?\s*(\d[\d,]*(?:\.\d+)?)"
        m = re.match(number, after)
        first = re.match(number, self.text[core.start : core.start + 24].lstrip("-+\u2212"))
        if m is None or first is None:
            return False
        low, high = (float(x.group(1).replace(",", "")) for x in (first, m))
        money = after[:1] in "$£€¥" or bool(core.currency_sign_before)
        return money and low > 0 and high >= 3 * low

    def extend_right(self, core: _Core) -> None:
        text = self.text
        if not core.unit_done and core.form in ("digits", "words"):
            sm = _SCALE_AFTER.match(text, core.end)
            if sm is not None:
                w = (sm.group("w") or sm.group("a")).lower()
                if sm.group("w") and w.endswith("s") and w[:-1] in SCALE_WORDS:
                    w = w[:-1]
                scale = SCALE_WORDS.get(w) or SCALE_ABBR[w]
                # "hundreds" after digits is not a scale ("2 hundreds of" is not English).
                core.scale(scale)
                core.end = sm.end()
        core.bare_end = core.end
        if not core.unit_done:
            self.unit_after(core)
        # Restated unit in parentheses: "18 megawatt (MW)", "1,000 (kilowatt) kW".
        pm = _PAREN_UNIT.match(text, core.end)
        if pm is not None:
            inner = pm.group("u").strip()
            u = _unit_of(inner)
            if u is not None and (not core.unit or _same_unit(u, core.unit)):
                core.end = pm.end()
                if not core.unit:
                    core.unit = u
                    core.unit_explicit = True
                    sym = _SYMBOL_AFTER.match(text, core.end)
                    if sym is not None and _same_unit(SYMBOL_UNIT_LOOKUP[sym.group("s")], u):
                        core.end = sym.end()
        # "per mu", "per kilowatt-hour", "/kWh": compound units.
        if core.unit and core.unit != "percent":
            per = _PER.match(text, core.end)
            if per is not None:
                u = _unit_of(per.group("p"))
                if u is not None and u != "percent":
                    core.unit = f"{core.unit} / {u}" if " " not in u else f"{core.unit} / ({u})"
                    core.end = per.end()
                elif per.group(0).lstrip().lower().startswith("per"):
                    core.per = per.group("p")
        elif not core.unit:
            per = _PER.match(text, core.end)
            if per is not None and per.group(0).lstrip().lower().startswith("per"):
                core.per = per.group("p")
        qm = _POST_QUAL.match(text, core.end)
        if qm is not None and not re.match(r"[\w]", text[qm.end() : qm.end() + 1]):
            core.post_qualifier = POST_QUALIFIERS[normalize_key(qm.group("q"))]
        dm = _POST_DIR.match(text, core.end)
        if dm is not None:
            d = dm.group("d").lower()
            core.post_direction = {"higher": 1, "lower": -1}.get(d, CHANGE_NOUNS.get(d, 0))
            core.post_cue = d

    def unit_after(self, core: _Core) -> None:
        text = self.text
        end = core.end
        pm = _PERCENT.match(text, end)
        if pm is not None:
            if pm.group("pp"):
                core.unit = "percentage_point"
            elif pm.group("bp"):
                core.unit = "percentage_point"
                core.value /= 100.0
                core.resolution /= 100.0
            else:
                core.unit = "percent"
            core.end = pm.end()
            core.unit_explicit = True
            return
        sm = _SIGN_AFTER.match(text, end)
        if sm is not None and not core.unit:
            core.unit = _CURRENCY_SIGN_CODE[sm.group(1)]  # "15€", "-15 €"
            core.end = sm.end()
            core.unit_explicit = True
            return
        cm = _CURRENCY_AFTER.match(text, end)
        if cm is not None:
            if cm.group("sub"):
                code, factor = SUBUNITS[cm.group("sub").lower()]
                if core.unit and core.unit != code:
                    return
                core.value *= factor
                core.resolution *= factor
                core.unit = code
            else:
                word = normalize_key(cm.group("c")).replace("u.s.", "us")
                if word in MONEY_OR_MASS and not core.scaled and not core.unit:
                    core.unit = "pound"
                else:
                    code = _currency_code(word)
                    if code is None:
                        return
                    core.unit = code
            core.end = cm.end()
            core.unit_explicit = True
            return
        sm = _SYMBOL_AFTER.match(text, end)
        if sm is not None and not core.unit:
            sym = sm.group("s")
            # A lone one-letter symbol after a space is too often a word or variable ("5 s").
            if len(sym) > 1 or sm.start("s") == end or sym in _SPACED_LETTER_UNITS:
                core.unit = SYMBOL_UNIT_LOOKUP[sym]
                core.end = sm.end()
                core.unit_explicit = True
                return
        lm = _LONG_AFTER.match(text, end) or _HYPHEN_UNIT.match(text, end)
        if lm is not None and not core.unit:
            core.unit = LONG_UNIT_KEYS[normalize_key(lm.group("l"))]
            core.end = lm.end()
            core.unit_explicit = True

    def currency_sign(self, num_start: int) -> tuple[str, str] | None:
        cm = _CURRENCY_BEFORE.search(self.text, max(0, num_start - 8), num_start)
        if cm is None:
            return None
        raw = cm.group("c")
        key = raw.strip().upper()
        code = _CURRENCY_SIGN_CODE.get(key) or _currency_code(key.lower())
        if code is None:
            return None
        # A code before the figure must stand alone: "RMB 5 billion", not "XRMB 5".
        glued = cm.start() > 0 and self.text[cm.start() - 1].isalnum()
        if (raw[-1:].isspace() or raw[:1].isalpha()) and glued:
            return None
        return raw, code

    def read_left(self, core: _Core, num_start: int) -> _Lead:
        text = self.text
        lead = _Lead(start=core.start)
        cs = self.currency_sign(core.start) if not core.signed else None
        if cs is None and core.signed:
            cs = self.currency_sign(core.start)
        if cs is not None and not (core.unit and core.unit != cs[1] and "/" not in core.unit):
            raw, code = cs
            core.start -= len(raw)
            lead.start = core.start
            if not core.unit or core.unit == "pound":
                core.unit = code
            elif core.unit in SYMBOL_UNIT_LOOKUP.values() or "/" in core.unit:
                core.unit = f"{code} / {core.unit}" if core.unit != code else code
        # Signs before currency: "-$5 million".
        if (
            core.start > 0
            and text[core.start - 1] in "-\u2212"
            and not core.signed
            and (core.start == 1 or not text[core.start - 2].isalnum())
        ):
            core.start -= 1
            core.value = -core.value
            lead.start = core.start
        # Table negatives: "(1,234)" on a line laid out as a table.
        if (
            core.form == "digits"
            and core.start > 0
            and text[core.start - 1] == "("
            and text[core.end : core.end + 1] == ")"
            and core.value > 0
            and not core.unit_explicit
        ):
            ls = text.rfind("\n", 0, core.start) + 1
            le = text.find("\n", core.end)
            line = text[ls : le if le >= 0 else len(text)]
            if _TABLE_LINE.search(line) and len(re.findall(r"\d", line)) > len(core.text(text)):
                core.value = -core.value
                core.start -= 1
                core.end += 1
                lead.start = core.start
        window_start = max(0, core.start - 48)
        lm = _LEFT.search(text, window_start, core.start)
        if lm is not None and lm.end() == core.start:
            if lm.group("q"):
                q = QUALIFIER_KEYS.get(normalize_key(lm.group("q")))
                if q:
                    lead.qualifier = q
            if lm.group("dir"):
                prep = (lm.group("prep") or "").lower()
                word = lm.group("dir").lower()
                if word == "up" and prep == "to" and _MOVED_UP.search(text, 0, lm.start()):
                    lead.cue = prep  # "edged up to 3.3%": where it moved, not a bound
                elif word == "up" and prep == "to":
                    lead.qualifier = "at_most"
                elif prep in ("to", "at", "from"):
                    lead.cue = prep
                else:
                    lead.direction = DIRECTION_WORDS[word]
                    lead.cue = word
            elif lm.group("noun"):
                prep = lm.group("nprep").lower()
                if prep != "to":
                    lead.direction = CHANGE_NOUNS[lm.group("noun").lower()]
                    lead.cue = lm.group("noun").lower()
            lead.start = (
                lm.start() if (lm.group("q") or lm.group("dir") or lm.group("noun")) else core.start
            )
        return lead

    def make(self, core: _Core, lead: _Lead | None) -> Mention:
        lead = lead or _Lead(start=core.start)
        qualifier = core.qualifier if core.qualifier != "exact" else lead.qualifier
        if qualifier == "exact" and core.post_qualifier:
            qualifier = core.post_qualifier
        direction = lead.direction or core.post_direction
        cue = lead.cue or core.post_cue
        if core.signed and core.value != 0:
            direction = 1 if core.value > 0 else -1
            cue = cue or "sign"
        unit = canonical_unit(core.unit) if core.unit else ""
        return Mention(
            start=core.start,
            end=core.end,
            text=self.text[core.start : core.end],
            value=_clean(core.value),
            unit=unit,
            qualifier=qualifier,
            direction=direction,
            resolution=_clean(core.resolution),
            form=core.form,
            lead_start=min(lead.start, core.start),
            per=core.per,
            cue=cue,
            scaled=core.scaled,
        )


_WORD_STEP = re.compile(
    r"(?:[ \t]+|[ \t]*-[ \t]*)(?P<w>" + "|".join([*_NUMBER_WORDS, "and"]) + r")\b", re.IGNORECASE
)


class _Core:
    """A number being grown; mutable while the scanner works on it."""

    __slots__ = (
        "bare_end", "currency_sign_before", "end", "factor", "form", "per", "post_cue", "post_direction",
        "post_qualifier", "qualifier", "resolution", "scaled", "signed", "start", "unit",
        "unit_done", "unit_explicit", "value",
    )  # fmt: skip

    def __init__(self, start: int, end: int, value: float, resolution: float, form: str) -> None:
        self.start = start
        self.end = end
        self.bare_end = end
        self.value = value
        self.resolution = resolution
        self.form = form
        self.unit = ""
        self.unit_done = False
        self.unit_explicit = False
        self.scaled = False
        self.factor = 1.0
        self.signed = False
        self.qualifier = "exact"
        self.post_qualifier = ""
        self.post_direction = 0
        self.post_cue = ""
        self.per = ""
        self.currency_sign_before: tuple[str, str] | None = None

    def scale(self, factor: float) -> None:
        self.factor *= factor
        self.value *= factor
        self.resolution *= factor
        self.scaled = True

    def text(self, text: str) -> str:
        return text[self.start : self.end]

    @property
    def unit_end_before_range(self) -> bool:
        return not self.unit_explicit and not self.scaled

    def inherit(self, other: _Core) -> _Core:
        """This bare first bound with the scale and unit of the second ("5-6%", "1-2 million")."""
        c = _Core(self.start, self.bare_end, self.value, self.resolution, self.form)
        if other.factor != 1.0 and not self.scaled:
            c.scale(other.factor)
        c.unit = other.unit
        c.unit_explicit = other.unit_explicit
        c.signed = self.signed
        return c


class _Lead:
    __slots__ = ("cue", "direction", "qualifier", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self.qualifier = "exact"
        self.direction = 0
        self.cue = ""


def _year_like(core: _Core) -> bool:
    return (
        core.form == "digits"
        and not core.unit
        and not core.scaled
        and core.resolution == 1
        and 1800 <= core.value <= 2100
        and core.end - core.start == 4
    )


def _clean(x: float) -> float:
    """Drop binary noise from scaling: 4.089 * 1e6 is 4089000.0000000005 in floats."""
    return float(f"{x:.12g}") if x else 0.0


def _bare_end(core: _Core) -> int:
    return core.bare_end if core.unit_end_before_range else core.end


_OF_AFTER = re.compile(r"[ \t]+of[ \t]")
_HALF_BEFORE = re.compile(r"\b(?:half|Half|HALF)[ \t]+\Z")


_A_SCALE_AFTER = re.compile(
    r"[ \t]+an?[ \t]+(?:thousand|million|billion|trillion|dozen|hundred)\b", re.IGNORECASE
)
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>about|around|nearly|almost|roughly|approximately|some|over|more\s+than|"
    r"less\s+than|under|just\s+over|just\s+under|well\s+over)[ \t]+\Z",
    re.IGNORECASE,
)


def _halved(m: Mention, text: str) -> Mention:
    """ "half a million" is 500,000, not a million; "about half a billion" is about it."""
    hm = _HALF_BEFORE.search(text, max(0, m.start - 8), m.start)
    if hm is None:
        return m
    changes: dict[str, object] = {"lead_start": hm.start()}
    qm = _QUALIFIER_BEFORE.search(text, max(0, hm.start() - 16), hm.start())
    if qm is not None:
        changes["qualifier"] = QUALIFIER_KEYS.get(normalize_key(qm.group("q")), m.qualifier)
        changes["lead_start"] = qm.start()
    return _set(
        m,
        start=hm.start(),
        text=text[hm.start() : m.end],
        value=m.value / 2,
        resolution=m.resolution / 2,
        **changes,
    )


def _set(m: Mention, **changes: object) -> Mention:
    import attrs

    return attrs.evolve(m, **changes)


def _currency_code(word: str) -> str | None:
    word = word.strip().lower()
    if word in CURRENCY_WORDS:
        return CURRENCY_WORDS[word]
    if word.endswith("s") and word[:-1] in CURRENCY_WORDS:
        return CURRENCY_WORDS[word[:-1]]
    if word in ("won", "franc", "francs", "swiss francs"):
        return {"won": "KRW"}.get(word, "CHF")
    return None


def _unit_of(s: str) -> str | None:
    """Pint unit for a unit name or symbol, or None ("MW" -> megawatt, "hectares" -> hectare)."""
    s = s.strip()
    if s in SYMBOL_UNIT_LOOKUP:
        return SYMBOL_UNIT_LOOKUP[s]
    key = normalize_key(s)
    if key in LONG_UNIT_KEYS:
        return LONG_UNIT_KEYS[key]
    code = _currency_code(key)
    if code is not None:
        return code
    return None


def _same_unit(a: str, b: str) -> bool:
    return canonical_unit(a) == canonical_unit(b)


def _lists(mentions: list[Mention], text: str) -> Iterator[Mention]:
    """Share unit and direction along bare lists: "up 1.9% and 2.4%", "3, 4 and 5 percent".

    A direction also carries across an apposition with "or": "rose by 9 cents, or 0.3 percent".
    """
    n = len(mentions)
    i = 0
    while i < n:
        j = i
        seps: list[str] = []
        while j + 1 < n:
            sm = _LIST_SEP.fullmatch(text, mentions[j].end, mentions[j + 1].lead_start)
            if sm is None:
                break
            seps.append(sm.group().strip(" ,\t\r\n").lower())
            j += 1
        if j == i:
            yield mentions[i]
            i += 1
            continue
        group = mentions[i : j + 1]
        last, first = group[-1], group[0]
        for k, m in enumerate(group):
            changes: dict[str, object] = {}
            unit = m.unit
            apposition = k > 0 and seps[k - 1] == "or"
            if (
                not unit
                and last.unit in ("percent", "percentage_point")
                and k < len(group) - 1
                and "or" not in seps[k:]
                and all(x.lead_start == x.start for x in group[k + 1 :])
            ):
                # "41,500, down about 2%" is not a list of percentages.
                unit = changes["unit"] = last.unit
            if (
                m.direction == 0
                and first.direction
                and first.cue != "sign"
                and m.cue == ""
                and (unit == first.unit or apposition)
            ):
                changes["direction"] = first.direction
                changes["cue"] = first.cue
            yield _set(m, **changes) if changes else m
        i = j + 1


_MOVED_UP = re.compile(
    r"\b(?:edged|edge|edges|moved|move|moves|ticked|tick|ticks|crept|creep|went|go|goes|"
    r"climbed|climb|rose|rise|jumped|inched|shot|picked|pick|revised|bumped)[ \t]+\Z",
    re.IGNORECASE,
)
_CHANGE_VERB_BEFORE = re.compile(rf"\b(?:{_DIR_WORDS})[\s]+(?:[$£€¥]|US\$)?\Z")
_LIST_SEP = re.compile(
    r"[ \t]*(?:,[ \t\r\n]*(?:and[ \t\r\n]+|or[ \t\r\n]+)?|[ \t\r\n]+(?:and|or)"
    r"[ \t\r\n]+)"
)


def scan(text: str) -> Iterator[Mention]:
    """Every numeric expression of ``text`` in order, with exact, non-overlapping spans.

    >>> [(m.text, m.value, m.unit) for m in scan("reached 21.47 million vehicles, up 1.9%")]
    [('21.47 million', 21470000.0, ''), ('1.9%', 1.9, 'percent')]
    >>> [(m.text, m.qualifier, m.unit) for m in scan("over $10 billion")]
    [('$10 billion', 'more_than', 'USD')]
    """
    if not text:
        return iter(())
    return _Scanner(text).run()
