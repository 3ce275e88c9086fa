"""One exception hierarchy: every error is also a builtin error and pickles cleanly."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose."""

    exit_code = 2


class ParseError(ClaimcheckError, ValueError):
    """Text that should hold a quantity does not."""

    def __init__(self, text: str, reason: str = "no quantity found") -> None:
        super().__init__(text, reason)
        self.text = text
        self.reason = reason

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return f"{self.reason}: {shown!r}"


class InputError(ClaimcheckError, OSError):
    """A document that cannot be read: missing, binary, undecodable, empty."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class LedgerError(ClaimcheckError, RuntimeError):
    """The claim ledger could not be opened or written."""
