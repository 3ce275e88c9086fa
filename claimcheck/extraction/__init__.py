"""Claim extraction: which numbers are claims, and what each one states."""

from __future__ import annotations

from .extractor import extract, extract_document

__all__ = ["extract", "extract_document"]
