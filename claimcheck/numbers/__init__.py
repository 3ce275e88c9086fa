"""Numbers and units in running text: the scanner and ``parse_quantity``."""

from __future__ import annotations

from .mention import Mention
from .parse import parse_quantity
from .scanner import scan

__all__ = ["Mention", "parse_quantity", "scan"]
