"""``json``: the contract's ``report.to_dict()``; ``jsonl``: one claim per line.

Both write strict JSON: non-finite floats (NaN, infinity) become ``null``, and values the
standard encoder does not know go through :func:`default` (dates -> ISO strings, sets -> sorted
lists, attrs instances -> dicts, anything else -> ``str``), as structlog's ``JSONRenderer`` does.
"""

from __future__ import annotations

import datetime
import json
import math
import numbers
from typing import Any

import attrs

from ..report import Report
from . import RenderOptions, register

__all__ = ["default", "dumps", "render_json", "render_jsonl"]


def default(obj: Any) -> Any:
    """Fallback for types the ``json`` module does not encode."""
    if isinstance(obj, datetime.date | datetime.time):
        return obj.isoformat()
    if isinstance(obj, set | frozenset):
        try:
            return sorted(obj)
        except TypeError:
            return sorted(obj, key=repr)
    if hasattr(obj, "to_dict") and callable(obj.to_dict):
        return _finite(obj.to_dict())
    if attrs.has(type(obj)):
        return _finite(attrs.asdict(obj))
    if isinstance(obj, numbers.Integral):  # numpy integers are not ``int``
        return int(obj)
    if isinstance(obj, numbers.Real):
        return _finite(float(obj))
    return str(obj)


def _finite(obj: Any) -> Any:
    """Replace NaN and infinities (not JSON) by ``None``, recursively."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """Strict JSON, UTF-8 characters kept as they are."""
    return json.dumps(
        _finite(obj), indent=indent, ensure_ascii=False, allow_nan=False, default=default
    )


@register("json")
def render_json(report: Report, options: RenderOptions) -> str:
    return dumps(report.to_dict()) + "\n"


@register("jsonl")
def render_jsonl(report: Report, options: RenderOptions) -> str:
    rows = [
        dumps({"document": doc.path, **claim.to_dict()}, indent=None)
        for doc in report.documents
        for claim in doc.claims
    ]
    return "".join(row + "\n" for row in rows)
