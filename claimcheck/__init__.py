"""claimcheck: every numeric claim of a document, structured and audited against the rest.

>>> import claimcheck
>>> claimcheck.parse_quantity("4.089 million yuan")
<Quantity(4089000.0, 'CNY')>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ClaimcheckError, InputError, LedgerError, ParseError
from .units import ureg

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimcheckError",
    "Document",
    "Finding",
    "InputError",
    "Ledger",
    "LedgerError",
    "ParseError",
    "Report",
    "__version__",
    "audit",
    "extract",
    "parse_quantity",
    "ureg",
]

# Heavier pieces load on first use so `import claimcheck` stays light.
_LAZY = {
    "Claim": ("claim", "Claim"),
    "Document": ("document", "Document"),
    "Finding": ("report", "Finding"),
    "Report": ("report", "Report"),
    "Ledger": ("ledger", "Ledger"),
    "audit": ("auditing", "audit"),
    "extract": ("extraction", "extract"),
    "parse_quantity": ("numbers", "parse_quantity"),
}

if TYPE_CHECKING:
    from .auditing import audit
    from .claim import Claim
    from .document import Document
    from .extraction import extract
    from .ledger import Ledger
    from .numbers import parse_quantity
    from .report import Finding, Report


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}") from None
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
