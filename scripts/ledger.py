"""Draft, compare and baseline the reviewed claim ledgers in claims/.

    python scripts/ledger.py draft claims/<doc>      # write claims.draft.jsonl from extract()
    python scripts/ledger.py compare claims/<doc>    # metrics and every difference
    python scripts/ledger.py baseline claims/<doc>   # record today's differences as known

Each folder holds one source document (transcript.txt or document.txt), its reviewed ledger
claims.jsonl, optionally meta.json ({"date": "YYYY-MM-DD"} when the text states none) and
known-differences.txt (the differences the extractor is known to have; tests keep it exact).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimcheck.document import Document
from claimcheck.evaluation import compare, read_ledger, write_ledger
from claimcheck.extraction import extract_document


def load(folder: Path) -> Document:
    src = next(p for p in (folder / "transcript.txt", folder / "document.txt") if p.exists())
    meta = folder / "meta.json"
    date = json.loads(meta.read_text())["date"] if meta.exists() else None
    return Document.from_path(src, date=date)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("draft", "compare", "baseline"):
        print(__doc__)
        return 2
    verb, folder = argv[0], Path(argv[1])
    doc = load(folder)
    claims = extract_document(doc)
    if verb == "draft":
        write_ledger(folder / "claims.draft.jsonl", claims)
        print(f"{len(claims)} claims -> {folder / 'claims.draft.jsonl'}")
        return 0
    result = compare(claims, read_ledger(folder / "claims.jsonl"))
    if verb == "baseline":
        (folder / "known-differences.txt").write_text(
            "".join(d + "\n" for d in result.differences), encoding="utf-8"
        )
    for d in result.differences:
        print(d)
    print(f"{folder.name}: {result.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
