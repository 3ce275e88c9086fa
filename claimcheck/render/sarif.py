"""``sarif``: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

One run; one rule per distinct rule id; one result per finding, located at its first cited
claim, with the other cited claims as ``relatedLocations``. Regions are computed from the claim's
``start``/``end`` offsets in the document text. Columns count Unicode code points (Python ``str``
offsets), which the run declares with ``columnKind: "unicodeCodePoints"``; lines and columns are
1-based, and ``endColumn`` is the column just after the claim, as SARIF specifies.
"""

from __future__ import annotations

import hashlib
import os
import urllib.parse
from collections import Counter
from typing import Any

from ..claim import Claim
from ..report import Report
from . import RenderOptions, register
from ._common import DocumentIndex, describe_claim, display_path
from .json import dumps

__all__ = ["INFORMATION_URI", "SARIF_SCHEMA", "SARIF_VERSION", "render_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/claimcheck/"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str | None) -> dict[str, Any]:
    """``{"uri": ...}`` for a path (relative paths stay relative); a description for stdin."""
    if not path or path == "-":
        return {"description": {"text": display_path(path)}}
    if os.path.isabs(path):
        from pathlib import Path

        return {"uri": Path(path).as_uri()}
    return {"uri": urllib.parse.quote(path.replace(os.sep, "/"), safe="/")}


def region(claim: Claim, index: DocumentIndex) -> dict[str, Any]:
    """1-based start and end of a claim; ``endColumn`` is exclusive."""
    if 0 <= claim.start <= claim.end <= len(index.doc.text):
        start_line, start_col = index.line_col(claim.start)
        end_line, end_col = index.line_col(claim.end)
    else:  # offsets that do not fit the text: trust the claim's own line and column
        start_line, start_col = claim.line, claim.column
        end_line, end_col = claim.line, claim.column + len(claim.text)
    return {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
        "snippet": {"text": claim.text},
    }


def _location(claim: Claim, index: DocumentIndex, **extra: Any) -> dict[str, Any]:
    return {
        **extra,
        "physicalLocation": {
            "artifactLocation": artifact_location(index.doc.path),
            "region": region(claim, index),
        },
        "message": {"text": f"{claim.id} {describe_claim(claim)}"},
    }


def fingerprint(rule: str, claims: list[Claim]) -> str:
    """Stable across runs and line shifts: rule, cited claim texts and subjects, not positions."""
    key = "\0".join([rule, *(c.text for c in claims), *(c.subject for c in claims)])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@register("sarif")
def render_sarif(report: Report, options: RenderOptions) -> str:
    from .. import __version__

    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    seen: Counter[tuple[str | None, str]] = Counter()
    for doc in report.documents:
        index = DocumentIndex(doc)
        for finding in index.ordered(show_info=options.show_info):
            if finding.rule not in rules:
                rules[finding.rule] = {
                    "id": finding.rule,
                    "name": finding.check,
                    "shortDescription": {"text": f"claimcheck {finding.check} check"},
                    "properties": {"check": finding.check},
                }
            cited = index.cited(finding)
            # Identical findings in one file get :1, :2 ... so fingerprints stay distinct.
            print_ = fingerprint(finding.rule, cited)
            seen[doc.path, print_] += 1
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": list(rules).index(finding.rule),
                "level": _LEVEL.get(finding.severity, "note"),
                "message": {"text": finding.message},
                "partialFingerprints": {"claimcheck/v1": f"{print_}:{seen[doc.path, print_]}"},
                "properties": {
                    "findingId": finding.id,
                    "check": finding.check,
                    "severity": finding.severity,
                    "gross": finding.gross,
                    "claims": list(finding.claims),
                    "expected": finding.expected,
                    "observed": finding.observed,
                    "slip": finding.slip,
                },
            }
            if cited:
                result["locations"] = [_location(cited[0], index)]
                if len(cited) > 1:
                    result["relatedLocations"] = [
                        _location(c, index, id=i) for i, c in enumerate(cited[1:], start=1)
                    ]
            else:  # a finding about the document as a whole
                result["locations"] = [
                    {"physicalLocation": {"artifactLocation": artifact_location(doc.path)}}
                ]
            results.append(result)

    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": list(rules.values()),
                    }
                },
                # Columns are Python ``str`` offsets + 1, i.e. Unicode code points.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(log) + "\n"
