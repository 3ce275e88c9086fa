"""The ``Claim``: one numeric statement of a document, with its exact span.

A claim stores magnitude and a canonical unit string rather than a live pint ``Quantity``: pickled
quantities come back in pint's application registry, and claims must cross process boundaries.
"""

from __future__ import annotations

from typing import Any

import attrs

from .units import ureg

__all__ = ["KINDS", "QUALIFIERS", "Claim"]

QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least", "at_most")
KINDS = ("level", "change", "share", "difference", "ratio", "target")


@attrs.frozen(slots=True)
class Claim:
    """One numeric claim. Contract fields first; the rest is what checks need."""

    id: str
    start: int
    end: int
    text: str
    line: int
    column: int
    value: float
    unit: str
    qualifier: str = attrs.field(validator=attrs.validators.in_(QUALIFIERS))
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    subject: str
    period_start: str | None = None
    period_end: str | None = None
    speaker: str = ""
    sentence: str = ""
    # --- beyond the contract's minimum ---
    #: Step of the last stated digit, in ``unit``: "4.089 million" -> 1000.0. 0 when exact by nature.
    resolution: float = 0.0
    #: Offsets of the sentence holding the claim.
    sentence_start: int = 0
    sentence_end: int = 0
    #: Index of the section (page break / heading) and paragraph holding the claim.
    section: int = 0
    paragraph: int = 0
    #: Comparison basis of a change: "year on year", "month on month", "" when none is stated.
    basis: str = ""
    #: For a share: the whole it is a share of ("GDP", "the global total"), "" when unstated.
    whole: str = ""
    #: "low" / "high" for the bounds of a stated range, "" otherwise.
    bound: str = ""
    #: Path of the document the claim came from ("" for text given directly).
    document: str = ""

    @property
    def quantity(self) -> Any:
        """The value as a ``claimcheck.ureg`` quantity, built on demand."""
        return ureg.Quantity(self.value, self.unit or "dimensionless")

    @property
    def period(self) -> dict[str, str | None]:
        return {"start": self.period_start, "end": self.period_end}

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object for this claim (plus documented extra fields)."""
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "kind": self.kind,
            "subject": self.subject,
            "period": self.period,
            "speaker": self.speaker,
            "sentence": self.sentence,
            "resolution": self.resolution,
            "basis": self.basis,
            "whole": self.whole,
            "bound": self.bound,
            "section": self.section,
        }
