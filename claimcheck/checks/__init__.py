"""Check families: each a small pure function from claims to findings, registered by name.

A check receives the claims of one document (``CheckContext``) and yields ``Finding`` objects with
an empty ``id``; ``claimcheck.audit`` numbers them. Rule ids are stable and documented in
``docs/checks.md``; a retired rule id is never reused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from importlib import import_module

import attrs

from ..claim import Claim
from ..report import Finding

__all__ = ["CHECKS", "CheckContext", "check", "finding", "load_builtin_checks"]


@attrs.frozen(slots=True)
class CheckContext:
    """What every check may look at: the document text and its claims in order."""

    text: str
    claims: tuple[Claim, ...]
    #: Restatement groups (tuples of claim indexes), computed once by the matcher.
    groups: tuple[tuple[int, ...], ...] = ()

    def by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}


CheckFn = Callable[[CheckContext], Iterable[Finding]]
CHECKS: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check family under its stable ``name``."""

    def deco(fn: CheckFn) -> CheckFn:
        if name in CHECKS and CHECKS[name] is not fn:
            raise ValueError(f"check {name!r} is already registered")
        CHECKS[name] = fn
        return fn

    return deco


def finding(
    rule: str,
    check_name: str,
    severity: str,
    message: str,
    claims: Sequence[Claim],
    *,
    expected: float | None = None,
    observed: float | None = None,
    gross: bool = False,
    slip: float | None = None,
) -> Finding:
    """A finding without its id (``audit`` numbers findings in document order)."""
    return Finding(
        id="",
        rule=rule,
        check=check_name,
        severity=severity,
        message=message,
        claims=tuple(c.id for c in claims),
        expected=expected,
        observed=observed,
        gross=gross,
        slip=slip,
    )


_BUILTIN = (
    "restatement", "share", "difference", "part_whole", "subset", "growth", "conversion",
    "comparative", "respectively", "enumeration", "granularity", "derived", "balance",
)  # fmt: skip


def load_builtin_checks() -> dict[str, CheckFn]:
    """Import every built-in check module (each registers itself) and plug-ins, then the registry.

    Plug-ins register through the ``claimcheck.checks`` entry-point group.
    """
    for name in _BUILTIN:
        try:
            import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:  # a family not built yet must not break the others
            if exc.name != f"{__name__}.{name}":
                raise
    from importlib.metadata import entry_points

    for ep in entry_points(group="claimcheck.checks"):
        ep.load()
    return CHECKS
