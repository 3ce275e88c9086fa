"""``audit``: extract claims, match restatements, run every check family, build the ``Report``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import attrs

from .checks import CheckContext, load_builtin_checks
from .claim import Claim
from .document import Document
from .extraction import extract_document
from .report import DocumentReport, Finding, Report

__all__ = ["audit", "audit_document"]

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def audit(
    source: str | Document | Sequence[str | Document],
    *,
    checks: Iterable[str] | None = None,
    date: datetime.date | str | None = None,
) -> Report:
    """Audit one document or several against themselves; ``checks`` limits the families run."""
    items = [source] if isinstance(source, str | Document) else list(source)
    docs = [d if isinstance(d, Document) else Document(d, date=date) for d in items]
    return Report(documents=tuple(audit_document(d, checks=checks) for d in docs))


def audit_document(doc: Document, *, checks: Iterable[str] | None = None) -> DocumentReport:
    claims = tuple(extract_document(doc))
    return DocumentReport(
        path=doc.path,
        date=doc.date.isoformat() if doc.date else None,
        text=doc.text,
        claims=claims,
        findings=tuple(run_checks(doc.text, claims, checks=checks)),
    )


def run_checks(
    text: str, claims: Sequence[Claim], *, checks: Iterable[str] | None = None
) -> list[Finding]:
    """Every finding of the selected check families, numbered in document order."""
    from .matching import restatement_groups

    registry = load_builtin_checks()
    wanted = list(registry) if checks is None else list(checks)
    unknown = [c for c in wanted if c not in registry]
    if unknown:
        from .errors import ClaimcheckError

        raise ClaimcheckError(
            f"unknown check(s): {', '.join(unknown)}; known: {', '.join(registry)}"
        )
    ctx = CheckContext(text=text, claims=tuple(claims), groups=tuple(restatement_groups(claims)))
    position = {c.id: c.start for c in claims}
    found: list[Finding] = []
    for name in wanted:
        found.extend(registry[name](ctx))
    found.sort(
        key=lambda f: (
            min((position.get(cid, 0) for cid in f.claims), default=0),
            _SEVERITY_ORDER[f.severity],
            f.rule,
        )
    )
    return [attrs.evolve(f, id=f"f{n + 1:04d}") for n, f in enumerate(found)]
