"""``Mention``: one numeric expression found in text, raw span beside parsed value."""

from __future__ import annotations

from typing import Any

import attrs

from ..units import ureg

__all__ = ["Mention"]


@attrs.frozen(slots=True)
class Mention:
    """A number as written, with its exact span and what the text around it says of it."""

    start: int
    end: int
    text: str
    #: Magnitude as written with scale folded in; an explicit sign or a table's "(1,234)" is kept.
    value: float
    #: Canonical unit string ("" for plain counts), parseable by ``claimcheck.ureg``.
    unit: str
    qualifier: str = "exact"
    #: +1 "up"/"increase", -1 "down"/"decline", 0 unstated. Not applied to ``value``.
    direction: int = 0
    #: Step of the last stated digit, in ``unit``: "4.089 million" -> 1000.0.
    resolution: float = 1.0
    #: "low"/"high" for the two ends of a range ("75 to 100 inches"), "" otherwise.
    bound: str = ""
    #: "digits", "words", "fraction" ("two-thirds") or "vague" ("hundreds of millions").
    form: str = "digits"
    #: Start of the qualifier or direction words before the figure (== start when none).
    lead_start: int = -1
    #: What follows "per" when it is not a unit ("per person", "per share"); "" otherwise.
    per: str = ""
    #: The word that set ``direction`` ("increased", "decline") or the preposition "to" when the
    #: figure is the level reached ("rose to 3.5%"), "" when none.
    cue: str = ""
    #: True when a scale word or abbreviation was folded in.
    scaled: bool = False

    @property
    def quantity(self) -> Any:
        """The value as a ``claimcheck.ureg`` quantity (sign of ``direction`` applied)."""
        return ureg.Quantity(self.signed_value, self.unit or "dimensionless")

    @property
    def signed_value(self) -> float:
        if self.direction < 0 and self.value > 0:
            return -self.value
        return self.value
