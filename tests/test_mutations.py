"""Mutation tests: alter one figure of a real document and the audit must notice.

Each mutation changes one figure of the bundled transcript (or another document in claims/):
the audit must report an ``error`` that cites the altered claim, and no other new error.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from claimcheck.auditing import audit_document
from claimcheck.document import Document

CLAIMS = Path(__file__).resolve().parent.parent / "claims"


@attrs.frozen
class Mutation:
    name: str
    folder: str
    #: Text just before or around the figure, to find the right occurrence.
    context: str
    old: str
    new: str
    #: The check family expected to catch it.
    check: str


MUTATIONS = [
    Mutation("restated value, gross", "scio-2024-10-23-industry-it",
             "A total of 4.089 million 5G base stations have been established", "4.089 million",
             "4.5 million", "restatement"),
    Mutation("restated value, last digit", "scio-2024-10-23-industry-it",
             "A total of 4.089 million 5G base stations have been established", "4.089 million",
             "4.088 million", "restatement"),
    Mutation("stated difference", "scio-2024-10-23-industry-it",
             "7 percentage points higher than the industrial growth", "7 percentage points",
             "9 percentage points", "difference"),
    Mutation("conversion in parentheses", "scio-2024-10-23-industry-it",
             "(0.0667 hectares)", "0.0667 hectares", "0.0767 hectares", "conversion"),
    Mutation("words against numbers", "scio-2024-10-23-industry-it",
             "terminal users now account for 59.2% of total users", "59.2%", "45.2%",
             "comparative"),
    Mutation("enumeration count", "scio-2024-10-23-industry-it",
             "gateway exchanges in four cities", "four cities", "five cities", "enumeration"),
    Mutation("part beyond its whole", "scio-2024-10-23-industry-it",
             "production and sales of NEVs reached 8.316 million", "8.316 million",
             "23.316 million", "subset"),
    Mutation("growth against previous level", "bls-employment-situation-2023-03",
             "from +504,000 to +472,000", "+472,000", "+452,000", "growth"),
    Mutation("restated headline, BLS", "bls-employment-situation-2023-03",
             "Total nonfarm payroll employment increased by 236,000", "236,000", "263,000",
             "restatement"),
    Mutation("table cell against the text, earnings", "synthetic-earnings-release",
             "Operating income                            212", "212", "221", "restatement"),
    Mutation("restated deficit, ONS", "ons-balance-of-payments-2014-q1",
             "- The United Kingdom’s (UK) current account deficit was £18.5 billion", "£18.5 billion",
             "£19.5 billion", "restatement"),
]  # fmt: skip


def load(folder: str, text: str | None = None) -> Document:
    base = CLAIMS / folder
    src = next(p for p in (base / "transcript.txt", base / "document.txt") if p.exists())
    meta = base / "meta.json"
    date = json.loads(meta.read_text())["date"] if meta.exists() else None
    if text is None:
        return Document.from_path(src, date=date)
    return Document(text, path=str(src), date=date)


def _errors(report, shift_from: int, shift: int) -> set[tuple[str, tuple[int, ...]]]:
    """Error findings keyed by rule and the (unshifted) starts of the claims they cite."""
    starts = {c.id: c.start for c in report.claims}
    out = set()
    for f in report.findings:
        if f.severity != "error":
            continue
        cited = tuple(sorted(
            s - shift if s > shift_from else s for s in (starts[c] for c in f.claims)
        ))  # fmt: skip
        out.add((f.rule, cited))
    return out


@pytest.mark.parametrize("m", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_mutation_is_caught(m: Mutation):
    doc = load(m.folder)
    at = doc.text.index(m.context)
    pos = doc.text.index(m.old, at)
    mutated = doc.text[:pos] + m.new + doc.text[pos + len(m.old) :]
    shift = len(m.new) - len(m.old)
    before = audit_document(doc)
    after = audit_document(load(m.folder, mutated))
    altered = [c for c in after.claims if c.start <= pos < c.end]
    assert altered, f"the altered figure {m.new!r} is not a claim"
    new_errors = _errors(after, pos, shift) - _errors(before, pos, 0)
    assert new_errors, f"no new error for {m.name}"
    caught = [f for f in after.findings if f.severity == "error" and altered[0].id in f.claims]
    assert caught, f"no error cites the altered claim {altered[0].text!r}: {new_errors}"
    assert any(f.check == m.check for f in caught), [f.check for f in caught]
    # nothing else newly broken: every new error cites the altered claim
    for rule, cited in new_errors:
        assert pos in cited or any(s <= pos < s + 30 for s in cited), (rule, cited)


@pytest.mark.parametrize("folder", sorted(p.name for p in CLAIMS.iterdir() if p.is_dir()))
def test_unaltered_documents_have_no_errors(folder: str):
    report = audit_document(load(folder))
    errors = [f"{f.rule} {f.message}" for f in report.findings if f.severity == "error"]
    assert errors == [], errors


@pytest.mark.parametrize(
    "folder", ["scio-2024-10-23-industry-it", "bls-employment-situation-2023-03"]
)
def test_a_document_repeated_does_not_contradict_itself(folder: str):
    """Regression: in the transcript repeated, the difference check took the compared figure's
    own restatement (12.8%) for the comparison figure and reported 12.8% - 12.8% != 7."""
    doc = load(folder)
    text = "\n\n".join([doc.text] * 3)
    report = audit_document(load(folder, text))
    errors = [f"{f.rule} {f.message}" for f in report.findings if f.severity == "error"]
    assert errors == []
