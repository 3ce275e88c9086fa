"""Regression against the reviewed claim ledgers in claims/.

Each folder's claims.jsonl is the reviewed truth. Where today's extractor still differs, the
difference is listed in known-differences.txt; this test fails on any new difference (a
regression) and on any listed difference that no longer occurs (a fix: update the list with
``python scripts/ledger.py baseline claims/<folder>``), printing exactly what changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import ureg
from claimcheck.claim import KINDS, QUALIFIERS
from claimcheck.document import Document
from claimcheck.evaluation import compare, read_ledger
from claimcheck.extraction import extract_document

CLAIMS = Path(__file__).resolve().parent.parent / "claims"
FOLDERS = sorted(p for p in CLAIMS.iterdir() if (p / "claims.jsonl").exists())


def load(folder: Path) -> Document:
    src = next(p for p in (folder / "transcript.txt", folder / "document.txt") if p.exists())
    meta = folder / "meta.json"
    date = json.loads(meta.read_text())["date"] if meta.exists() else None
    return Document.from_path(src, date=date)


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_ledger_is_well_formed(folder: Path):
    doc = load(folder)
    gold = read_ledger(folder / "claims.jsonl")
    assert gold, "empty ledger"
    last_end = 0
    for g in gold:
        where = f"{folder.name} {g['start']}-{g['end']}"
        assert doc.text[g["start"] : g["end"]] == g["text"], where
        assert g["start"] >= last_end, f"{where}: out of order or overlapping"
        last_end = g["end"]
        assert g["qualifier"] in QUALIFIERS and g["kind"] in KINDS, where
        ureg.Unit(g["unit"] or "dimensionless")  # parses
        assert set(g["period"]) == {"start", "end"}, where


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_extraction_matches_reviewed_ledger(folder: Path):
    result = compare(extract_document(load(folder)), read_ledger(folder / "claims.jsonl"))
    known_file = folder / "known-differences.txt"
    known = (
        set(known_file.read_text(encoding="utf-8").splitlines()) if known_file.exists() else set()
    )
    now = set(result.differences)
    new, fixed = sorted(now - known), sorted(known - now)
    report = [f"{folder.name}: {result.summary()}"]
    report += [f"  NEW   {d}" for d in new] + [f"  FIXED {d}" for d in fixed]
    assert not new and not fixed, "\n".join(report)
