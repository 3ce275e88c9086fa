"""Findings and the ``Report`` that carries them with the claims they cite."""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from .claim import Claim

__all__ = ["SEVERITIES", "DocumentReport", "Finding", "Report"]

SEVERITIES = ("error", "warning", "info")
_RANK = {"info": 0, "warning": 1, "error": 2}


@attrs.frozen(slots=True)
class Finding:
    """One checked relation between claims: holds (info), suspicious (warning) or broken (error)."""

    id: str
    rule: str
    check: str
    severity: str = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    message: str
    claims: tuple[str, ...]
    expected: float | None = None
    observed: float | None = None
    gross: bool = False
    #: Size of the slip beyond rounding (observed vs the nearest admissible value), 0 when it holds.
    slip: float | None = None

    def at_least(self, severity: str) -> bool:
        return _RANK[self.severity] >= _RANK[severity]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "check": self.check,
            "severity": self.severity,
            "gross": self.gross,
            "message": self.message,
            "claims": list(self.claims),
            "expected": self.expected,
            "observed": self.observed,
            "slip": self.slip,
        }


@attrs.frozen(slots=True)
class DocumentReport:
    """Claims and findings of one document."""

    path: str | None
    date: str | None
    text: str
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]

    def claim(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "date": self.date,
            "claims": [c.to_dict() for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
        }


@attrs.frozen(slots=True)
class Report:
    """The result of ``claimcheck.audit``: one ``DocumentReport`` per document."""

    documents: tuple[DocumentReport, ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    @property
    def claims(self) -> list[Claim]:
        return [c for d in self.documents for c in d.claims]

    def counts(self) -> dict[str, Counter[str]]:
        """Counts per severity and per check, for summaries."""
        return {
            "severity": Counter(f.severity for f in self.findings),
            "check": Counter(f.check for f in self.findings),
        }

    def worst(self) -> str | None:
        ranked = sorted((f.severity for f in self.findings), key=_RANK.__getitem__)
        return ranked[-1] if ranked else None

    def to_dict(self) -> dict[str, Any]:
        from . import __version__

        return {"claimcheck": __version__, "documents": [d.to_dict() for d in self.documents]}

    def to_dataframe(self, what: str = "findings") -> Any:
        """Findings (or ``what="claims"``) as a pandas DataFrame, one row each.

        pandas is imported here, on demand: ``import claimcheck`` never pulls it in.
        """
        try:
            import pandas as pd  # optional; not a dependency of claimcheck
        except ImportError:
            raise ImportError("Report.to_dataframe needs pandas: pip install pandas") from None

        if what not in ("findings", "claims"):
            raise ValueError(f"what must be 'findings' or 'claims', not {what!r}")
        rows = []
        for d in self.documents:
            items = d.findings if what == "findings" else d.claims
            rows.extend({"document": d.path, **x.to_dict()} for x in items)
        return pd.DataFrame(rows)

    def _repr_html_(self) -> str:
        """Rich display in notebooks: the HTML report's summary and findings."""
        from .render import render

        return render(self, "html", show_info=False)
