"""Shared helpers for the benchmark scripts: corpus text and a best-of-N timer."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPT = ROOT / "claims" / "scio-2024-10-23-industry-it" / "transcript.txt"


def transcript() -> str:
    return TRANSCRIPT.read_text(encoding="utf-8")


def repeated(text: str, size: int) -> str:
    """``text`` repeated (whole paragraphs) until it is at least ``size`` bytes of UTF-8."""
    unit = len(text.encode("utf-8"))
    return (text + "\n\n") * (size // unit + 1)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Smallest wall time of ``repeat`` runs, in seconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6
