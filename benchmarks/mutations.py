"""Planted contradictions: how many does the audit catch, and how many false errors does it add?

    python benchmarks/mutations.py [-v]

For every document in claims/, every relation the audit confirms (an info finding that ties
stated figures together: a restatement, share, difference, part and whole, subset, growth rate,
conversion, words against a number, enumeration) is broken by altering one of the figures it
cites: the figure the check compared is changed by +37% (a part or subset is pushed 37% past
its whole; a share behind words such as "outnumber" is mirrored across its threshold), and a
restated figure is also changed in its last and in its first digit. The altered document is
audited again. A mutation is *detected* when a new error cites the altered claim; every other new
error is *spurious*. Prints the detection rate per check and mutation kind, and the spurious count.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from claimcheck.auditing import audit_document
from claimcheck.document import Document

CLAIMS = Path(__file__).resolve().parent.parent / "claims"
#: Rules that confirm a relation a single altered figure can break (not derived figures such as
#: CC603 "implied previous level", which any value satisfies).
RELATIONS = {"CC101": "restatement", "CC103": "restatement", "CC201": "share",
             "CC301": "difference", "CC401": "part_whole", "CC501": "subset", "CC601": "growth",
             "CC701": "conversion", "CC801": "comparative", "CC1001": "enumeration",
             "CC1401": "balance"}  # fmt: skip


def load(folder: Path, text: str | None = None) -> Document:
    src = next(p for p in (folder / "transcript.txt", folder / "document.txt") if p.exists())
    meta = folder / "meta.json"
    date = json.loads(meta.read_text())["date"] if meta.exists() else None
    return (
        Document(text, path=str(src), date=date)
        if text is not None
        else Document.from_path(src, date=date)
    )


def digits_of(surface: str) -> list[tuple[int, int]]:
    """Positions of the digits in a figure's surface."""
    return [(i, int(ch)) for i, ch in enumerate(surface) if ch.isdigit()]


def mutate(surface: str, how: str, expected: float | None = None) -> str | None:
    ds = digits_of(surface)
    if not ds:
        return None
    if how == "last":
        i, d = ds[-1]
        return surface[:i] + str((d + 1) % 10 if d != 9 else 8) + surface[i + 1 :]
    if how == "first":
        i, d = ds[0]
        return surface[:i] + str(d + 1 if d < 9 else 1) + surface[i + 1 :]
    # gross: multiply the leading number by 1.37 (halve: by 0.5), keeping its form
    i, _ = ds[0]
    j = i
    while j < len(surface) and (surface[j].isdigit() or surface[j] in ".,"):
        j += 1
    raw = surface[i:j].rstrip(".,")
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    places = len(raw.split(".")[1]) if "." in raw else 0
    if value == 0:
        return None
    k = 1.37
    if how == "exceed" and expected:
        k = 1.37 * abs(expected) / abs(value)  # a part, a subset: push it past its whole
    if how == "mirror" and expected is not None:
        # words against numbers: move the figure to the other side of its threshold
        target = 2 * expected - value if expected else -value
        if target <= 0:
            return None
        k = target / value
    new = f"{value * k:,.{places}f}" if "," in raw else f"{value * k:.{places}f}"
    return surface[:i] + new + surface[i + len(raw) :]


def errors(report) -> set[tuple[str, tuple[str, ...]]]:
    texts = {c.id: (c.start, c.text) for c in report.claims}
    return {
        (f.rule, tuple(sorted(texts[c][1] for c in f.claims)))
        for f in report.findings
        if f.severity == "error"
    }


def main(verbose: bool) -> None:
    tried: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    spurious = 0
    for folder in sorted(p for p in CLAIMS.iterdir() if p.is_dir()):
        doc = load(folder)
        base = audit_document(doc)
        base_errors = errors(base)
        by_id = {c.id: c for c in base.claims}
        seen: set[tuple[int, str]] = set()
        for f in base.findings:
            if f.severity != "info" or f.rule not in RELATIONS:
                continue
            if f.check == "restatement":
                targets = [(by_id[f.claims[-1]], how) for how in ("gross", "last", "first")]
            else:
                # the stated figure the check compared against the others (``observed``)
                stated = [
                    by_id[c]
                    for c in f.claims
                    if f.observed is not None
                    and abs(by_id[c].value - f.observed) <= 1e-9 * max(1.0, abs(f.observed))
                ]
                if not stated or f.expected is None:
                    continue
                how = {"comparative": "mirror", "subset": "exceed", "part_whole": "exceed"}.get(
                    f.check, "gross"
                )
                targets = [(stated[0], how)]
            for c, how in targets:
                if (c.start, how) in seen:
                    continue
                seen.add((c.start, how))
                new = mutate(c.text, how, f.expected)
                if new is None or new == c.text:
                    continue
                after = audit_document(load(folder, doc.text[: c.start] + new + doc.text[c.end :]))
                key = f"{f.check}/{how}"
                tried[key] += 1
                altered = [x for x in after.claims if x.start == c.start]
                hit = bool(altered) and any(
                    x.severity == "error" and altered[0].id in x.claims for x in after.findings
                )
                caught[key] += hit
                extra = {e for e in errors(after) - base_errors if new not in e[1]}
                spurious += len(extra)
                if verbose and (not hit or extra):
                    print(f"{folder.name}: {key} {c.text!r} -> {new!r}: "
                          f"{'caught' if hit else 'MISSED'}; spurious {sorted(extra)}")  # fmt: skip
    total_t, total_c = sum(tried.values()), sum(caught.values())
    for key in sorted(tried):
        print(f"{key:<24} {caught[key]:>4}/{tried[key]:<4} {caught[key] / tried[key]:.3f}")
    print(f"{'all':<24} {total_c:>4}/{total_t:<4} {total_c / max(total_t, 1):.3f}; "
          f"spurious new errors: {spurious}")  # fmt: skip


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
