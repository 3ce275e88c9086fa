"""``parse_quantity``: one expression of text to one pint quantity."""

from __future__ import annotations

from typing import Any

from ..errors import ParseError
from .scanner import scan

__all__ = ["parse_quantity"]


def parse_quantity(text: str) -> Any:
    """The quantity stated by ``text``; a stated decrease comes back negative.

    >>> parse_quantity("4.089 million")
    <Quantity(4089000.0, 'dimensionless')>
    >>> parse_quantity("down 3.2%")
    <Quantity(-3.2, 'percent')>
    >>> parse_quantity("10 yuan per mu")
    <Quantity(10.0, 'CNY / mu')>
    """
    if not isinstance(text, str):
        raise ParseError(repr(text), "expected a string")
    for mention in scan(text):
        return mention.quantity
    raise ParseError(text)
