"""Numbers written in words: "Twenty-four", "one hundred and twenty", "a dozen", "two-thirds"."""

from __future__ import annotations

__all__ = ["FRACTIONS", "SCALES", "SMALL", "TENS", "parse_number_words"]

SMALL: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Denominator words, singular and plural: "one-third", "two-thirds", "a quarter".
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip


def parse_number_words(words: list[str]) -> float | None:
    """Value of a sequence of number words, or None if the sequence is not a number.

    Words are lower-case, hyphenated compounds already split, "and" kept.

    >>> parse_number_words(["one", "hundred", "and", "twenty"])
    120.0
    >>> parse_number_words(["twenty", "four"])
    24.0
    >>> parse_number_words(["a", "dozen"])
    12.0
    >>> parse_number_words(["two", "million", "three", "hundred", "thousand"])
    2300000.0
    >>> parse_number_words(["twenty", "twenty"]) is None
    True
    """
    total = 0.0
    current = 0.0
    seen = False
    last = ""  # "small", "tens", "hundred", "scale", "and"
    for w in words:
        if w in ("a", "an"):
            if seen:
                return None
            current, seen, last = 1.0, True, "a"
        elif w == "dozen":
            current = (current or 1.0) * 12
            seen, last = True, "scale"
        elif w in SMALL:
            if last in ("small", "a") or (last == "tens" and (SMALL[w] == 0 or SMALL[w] >= 10)):
                return None
            current += SMALL[w]
            seen, last = True, "small"
        elif w in TENS:
            if last in ("small", "tens", "a"):
                return None
            current += TENS[w]
            seen, last = True, "tens"
        elif w == "hundred":
            if last == "hundred":
                return None
            current = (current or 1.0) * 100
            seen, last = True, "hundred"
        elif w in SCALES:
            scale = SCALES[w]
            if last == "and":
                return None
            total += (current or 1.0) * scale
            current = 0.0
            seen, last = True, "scale"
        elif w == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
        else:
            return None
    if not seen or last in ("and", "a"):
        return None
    return total + current
