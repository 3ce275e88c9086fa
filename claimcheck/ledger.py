"""The ledger: claims tracked across documents over time, in SQLite (standard library only).

A ``Ledger`` stores documents (path, content hash, date) and every claim they state, then checks
a new document's claims against the record:

* ``CC1301`` info -- a figure for a period the ledger already holds agrees with it, rounding and
  qualifiers allowed for.
* ``CC1302`` error -- a figure for a period the ledger already holds contradicts it beyond
  rounding (``expected`` the stored value, ``observed`` the new one; ``gross`` when the sign,
  a percentage threshold or more than 10% of the value is at stake).
* ``CC1303`` info -- the measure is in the ledger only for earlier periods: an update, reported
  as "updated from X (period) to Y (period)", never an error.

Two claims state the same fact when ``claimcheck.matching.restatement_groups`` puts them in one
group and both state the same known period. Candidates are blocked in SQL on (kind, head noun of
the subject, unit, period), so a check costs about one indexed query per distinct measure of the
new document, whatever the size of the ledger.

>>> from claimcheck.document import Document
>>> from claimcheck.extraction import extract_document
>>> march = Document("By the end of February, 3.5 million 5G base stations had been built.",
...                  date="2024-03-20")
>>> april = Document("By the end of February, 3.8 million 5G base stations had been built.",
...                  date="2024-04-18")
>>> with Ledger() as ledger:
...     first, again = ledger.add(march), ledger.add(march)
...     findings = ledger.check(extract_document(april), document_date="2024-04-18")
>>> first == again, [(f.rule, f.severity, f.expected, f.observed) for f in findings]
(True, [('CC1302', 'error', 3500000.0, 3800000.0)])
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .claim import Claim
from .document import Document
from .errors import LedgerError
from .report import DocumentReport, Finding

__all__ = ["SCHEMA_VERSION", "SUBJECT_RATIO", "Ledger"]

#: ``PRAGMA user_version`` of the ledgers this module writes. A newer ledger is refused.
SCHEMA_VERSION = 1
#: Minimum rapidfuzz ``token_set_ratio`` for ``Ledger.claims(subject=...)``.
SUBJECT_RATIO = 85.0
#: Stored claims fetched per measure and period at most (latest documents first).
MAX_CANDIDATES = 500
#: Earlier periods looked at per claim when searching for the figure it updates.
MAX_UPDATE_CANDIDATES = 64

_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    date TEXT,
    added_at TEXT NOT NULL
);
CREATE TABLE claims (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    speaker TEXT NOT NULL,
    sentence TEXT NOT NULL,
    resolution REAL NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    section INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    whole TEXT NOT NULL,
    basis TEXT NOT NULL,
    bound TEXT NOT NULL,
    document TEXT NOT NULL,
    head TEXT NOT NULL,
    PRIMARY KEY (document_id, claim_id)
);
CREATE INDEX claims_unit_kind ON claims (unit, kind);
CREATE INDEX claims_subject ON claims (subject);
CREATE INDEX claims_measure ON claims (kind, head, period_end);
"""

# Claim fields stored under their own name, in table order; ``id`` is stored as ``claim_id``.
_FIELDS = (
    "start", "end", "text", "line", "column", "value", "unit", "qualifier", "kind", "subject",
    "period_start", "period_end", "speaker", "sentence", "resolution", "sentence_start",
    "sentence_end", "section", "paragraph", "whole", "basis", "bound", "document",
)  # fmt: skip
_COLUMNS = ("document_id", "claim_id", *_FIELDS, "head")
_SELECT = (
    "SELECT c.claim_id, "
    + ", ".join(f'c."{f}"' for f in _FIELDS)
    + ", d.id, d.path, d.date FROM claims c JOIN documents d ON d.id = c.document_id"
)
_ORDER = " ORDER BY d.date IS NULL, d.date, d.id, c.start"
_TEXT_PATH = "<text>"

_QUALIFIER_WORDS = {
    "exact": "",
    "more_than": "over ",
    "less_than": "under ",
    "about": "about ",
    "at_least": "at least ",
    "at_most": "at most ",
}


@attrs.frozen(slots=True)
class _Stored:
    """A claim read back from the ledger, with the document that states it."""

    claim: Claim
    document_id: int
    path: str
    date: str | None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.claim.line}:{self.claim.column}"

    @property
    def source(self) -> str:
        return f"{self.path} ({self.date or 'undated'})"


class Ledger:
    """Claims of many documents in one SQLite file (``":memory:"`` by default).

    Use as a context manager, or call ``close()``. Every failure of the database (unreadable,
    corrupt, not a ledger, written by a newer claimcheck, locked) raises ``LedgerError`` with a
    one-line message.
    """

    def __init__(self, path: str | os.PathLike[str] = ":memory:") -> None:
        self.path = os.fspath(path)
        self._conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise LedgerError(f"{self.path}: cannot open the ledger: {exc}") from None
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            self._setup(conn)
        except LedgerError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise LedgerError(f"{self.path}: cannot open the ledger: {exc}") from None
        self._conn = conn

    def _setup(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"{self.path}: ledger schema version {version} is newer than this claimcheck "
                f"reads ({SCHEMA_VERSION}); upgrade claimcheck"
            )
        if version == 0:
            if tables:
                raise LedgerError(f"{self.path}: not a claimcheck ledger (unknown tables)")
            conn.execute("BEGIN IMMEDIATE")
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                    conn.execute("COMMIT")  # another process created it meanwhile
                    return
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            if conn.in_transaction:
                conn.execute("COMMIT")
            return
        if not {"documents", "claims"} <= tables:
            raise LedgerError(f"{self.path}: not a claimcheck ledger (tables missing)")

    # --- plumbing ------------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LedgerError(f"{self.path}: the ledger is closed")
        return self._conn

    @contextlib.contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        """The connection; any SQLite failure becomes a one-line ``LedgerError``."""
        try:
            yield self._db
        except sqlite3.Error as exc:
            raise LedgerError(f"{self.path}: ledger error: {exc}") from None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._guard() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else "open"
        return f"Ledger({self.path!r}, {state})"

    # --- storing -------------------------------------------------------------------------------

    def find(self, document: Document | DocumentReport | str | os.PathLike[str]) -> int | None:
        """The id of ``document`` if the ledger holds the same text, else ``None``."""
        return self._id_for(_digest(_source(document)[2]))

    def add(
        self,
        document: Document | DocumentReport | str | os.PathLike[str],
        claims: Sequence[Claim] | None = None,
    ) -> int:
        """Store ``document`` and its claims; return its id.

        ``document`` is a ``Document``, an audited ``DocumentReport``, text (``str``) or a path
        (``os.PathLike``). ``claims`` default to the report's, else to ``extract_document``'s.
        Adding a text the ledger already holds (same SHA-256) changes nothing and returns the
        stored id. Everything is written in one transaction.
        """
        path, date, text, given = _source(document)
        digest = _digest(text)
        existing = self._id_for(digest)
        if existing is not None:
            return existing
        if claims is None:
            if given is not None:
                claims = given
            else:
                from .extraction import extract_document

                doc = document if isinstance(document, Document) else Document(text, date=date)
                claims = extract_document(doc)
        from .matching import normalize_subject

        added_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        marks = ", ".join("?" * len(_COLUMNS))
        names = ", ".join(f'"{c}"' for c in _COLUMNS)
        with self._transaction() as db:
            row = db.execute("SELECT id FROM documents WHERE sha256 = ?", (digest,)).fetchone()
            if row is not None:  # added by another process meanwhile
                return int(row[0])
            cur = db.execute(
                "INSERT INTO documents (path, sha256, date, added_at) VALUES (?, ?, ?, ?)",
                (path or _TEXT_PATH, digest, date, added_at),
            )
            doc_id = int(cur.lastrowid or 0)
            db.executemany(
                f"INSERT INTO claims ({names}) VALUES ({marks})",
                [
                    (doc_id, c.id, *(getattr(c, f) for f in _FIELDS),
                     normalize_subject(c.subject).head)
                    for c in claims
                ],
            )  # fmt: skip
        return doc_id

    def _id_for(self, digest: str) -> int | None:
        with self._guard() as db:
            row = db.execute("SELECT id FROM documents WHERE sha256 = ?", (digest,)).fetchone()
        return None if row is None else int(row[0])

    # --- reading -------------------------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        """Stored documents in date order: id, path, sha256, date, added_at, claims (a count)."""
        with self._guard() as db:
            rows = db.execute(
                "SELECT d.id, d.path, d.sha256, d.date, d.added_at,"
                " (SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id)"
                " FROM documents d ORDER BY d.date IS NULL, d.date, d.id"
            ).fetchall()
        keys = ("id", "path", "sha256", "date", "added_at", "claims")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def claims(
        self,
        *,
        subject: str | None = None,
        document: int | None = None,
        unit: str | None = None,
        kind: str | None = None,
    ) -> list[Claim]:
        """Stored claims, in document date order then text order, filtered as asked.

        ``subject`` matches fuzzily: rapidfuzz ``token_set_ratio >= SUBJECT_RATIO`` between
        the normalized subjects, after an SQL prefilter on the first letters of its words.
        """
        return [s.claim for s in self._query(subject=subject, document=document, unit=unit,
                                             kind=kind)]  # fmt: skip

    def history(
        self, subject: str, *, unit: str | None = None, kind: str | None = None
    ) -> list[tuple[str | None, Claim]]:
        """``(document date, claim)`` for every stored claim of that measure, oldest first.

        Undated documents come last; within a date, by period end, then text order.
        """
        found = self._query(subject=subject, unit=unit, kind=kind)
        found.sort(key=lambda s: (s.date is None, s.date or "", s.claim.period_end or "",
                                  s.document_id, s.claim.start))  # fmt: skip
        return [(s.date, s.claim) for s in found]

    def _query(
        self,
        *,
        subject: str | None = None,
        document: int | None = None,
        unit: str | None = None,
        kind: str | None = None,
    ) -> list[_Stored]:
        where: list[str] = []
        args: list[Any] = []
        if document is not None:
            where.append("c.document_id = ?")
            args.append(document)
        if unit is not None:
            where.append("c.unit = ?")
            args.append(unit)
        if kind is not None:
            where.append("c.kind = ?")
            args.append(kind)
        wanted = None
        if subject is not None:
            prefixes = _prefixes(subject)
            if not prefixes:
                return []
            where.append("(" + " OR ".join("c.subject LIKE ? ESCAPE '\\'" for _ in prefixes) + ")")
            args.extend(f"%{_like(p)}%" for p in prefixes)
            wanted = _comparable(subject)
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
        with self._guard() as db:
            rows = db.execute(sql, args).fetchall()
        out = [_row(r) for r in rows]
        if wanted is not None:
            from rapidfuzz import fuzz

            out = [s for s in out
                   if fuzz.token_set_ratio(wanted, _comparable(s.claim.subject),
                                           processor=None) >= SUBJECT_RATIO]  # fmt: skip
        return out

    # --- checking ------------------------------------------------------------------------------

    def check(
        self,
        claims: Sequence[Claim],
        *,
        document_date: str | datetime.date | None = None,
        exclude: int | None = None,
    ) -> list[Finding]:
        """Findings (``CC1301``-``CC1303``, check ``ledger``) for ``claims`` against the ledger.

        Only documents dated on or before ``document_date`` (and undated ones) are compared when
        it is given; ``exclude`` leaves out one stored document (the one being checked, when it
        is already in the ledger). Findings have an empty ``id``: the caller numbers them; each
        cites only the new claim, and names the stored one in its message as ``path:line:col``.
        """
        from .matching import normalize_subject, restatement_groups, unit_key

        if isinstance(document_date, datetime.date):
            document_date = document_date.isoformat()
        scope, scope_args = _scope(document_date, exclude)
        units = self._units()

        # Same period: block on (kind, head, unit dimensionality, period) in SQL, then let the
        # restatement matcher decide which candidates state the same fact.
        new = [c for c in claims if c.period_end and normalize_subject(c.subject).head]
        candidates: dict[tuple[int, str], _Stored] = {}
        keys: set[tuple[str, str, str, str | None, str]] = set()
        for c in new:
            head = normalize_subject(c.subject).head
            keys.add((c.kind, head, unit_key(c.unit), c.period_start, c.period_end or ""))
        for kind, head, ukey, start, end in sorted(keys, key=repr):
            same_units = [u for u in units.get(kind, ()) if unit_key(u) == ukey]
            if not same_units:
                continue
            sql = (
                _SELECT + " WHERE c.kind = ? AND c.head = ? AND c.period_end = ?"
                " AND c.period_start IS ? AND c.unit IN (" + ", ".join("?" * len(same_units))
                + ")" + scope + " ORDER BY d.date IS NULL, d.date DESC, d.id DESC LIMIT ?"
            )  # fmt: skip
            with self._guard() as db:
                rows = db.execute(
                    sql, [kind, head, end, start, *same_units, *scope_args, MAX_CANDIDATES]
                ).fetchall()
            for r in rows:
                s = _row(r)
                candidates[(s.document_id, s.claim.id)] = s
        stored = list(candidates.values())
        # Copies told apart by document, so that claims of different documents never count
        # as one sentence (text documents all have ``document == ""``).
        pool = [attrs.evolve(c, document=f"new:{c.document}") for c in new]
        pool += [attrs.evolve(s.claim, document=f"ledger:{s.document_id}") for s in stored]
        matches: dict[int, list[_Stored]] = {}
        for group in restatement_groups(pool):
            olds = [stored[i - len(new)] for i in group if i >= len(new)]
            for i in group:
                if i < len(new):
                    c = new[i]
                    same = [s for s in olds if (s.claim.period_start, s.claim.period_end)
                            == (c.period_start, c.period_end)]  # fmt: skip
                    if same:
                        matches[i] = same

        found: list[tuple[int, Finding]] = []
        for i, c in enumerate(new):
            if i in matches:
                found.append((c.start, _judge(c, matches[i])))
                continue
            update = self._update(c, units, scope, scope_args)
            if update is not None:
                found.append((c.start, update))
        found.sort(key=lambda t: (t[0], t[1].rule))
        return [f for _, f in found]

    def _units(self) -> dict[str, list[str]]:
        with self._guard() as db:
            rows = db.execute("SELECT DISTINCT kind, unit FROM claims").fetchall()
        out: dict[str, list[str]] = {}
        for kind, unit in rows:
            out.setdefault(kind, []).append(unit)
        return out

    def _update(
        self, c: Claim, units: dict[str, list[str]], scope: str, scope_args: list[Any]
    ) -> Finding | None:
        """``CC1303`` when the ledger holds the same measure for an earlier period."""
        from .checks import finding
        from .checks._util import fmt
        from .matching import in_unit, normalize_subject, same_fact, unit_key

        head = normalize_subject(c.subject).head
        same_units = [u for u in units.get(c.kind, ()) if unit_key(u) == unit_key(c.unit)]
        if not same_units:
            return None
        sql = (
            _SELECT + " WHERE c.kind = ? AND c.head = ? AND c.period_end < ?"
            " AND c.unit IN (" + ", ".join("?" * len(same_units)) + ")" + scope
            + " ORDER BY c.period_end DESC, d.date IS NULL, d.date DESC, d.id DESC, c.start"
            " LIMIT ?"
        )  # fmt: skip
        with self._guard() as db:
            rows = db.execute(
                sql, [c.kind, head, c.period_end, *same_units, *scope_args, MAX_UPDATE_CANDIDATES]
            ).fetchall()
        bare = attrs.evolve(c, sentence="", sentence_start=0, sentence_end=0, document="new")
        for r in rows:
            s = _row(r)
            old = s.claim
            if not _comparable_periods(old, c):
                continue
            moved = attrs.evolve(
                old, period_start=c.period_start, period_end=c.period_end, sentence="",
                sentence_start=0, sentence_end=0, document="ledger",
            )  # fmt: skip
            if not same_fact(moved, bare):
                continue
            before = in_unit(old, c.unit)
            if before.value == c.value:
                change = f"unchanged at {_show(c)} from {_period(old)} to {_period(c)}"
            else:
                change = (
                    f"updated from {_show(before)} ({_period(old)}) to {_show(c)} ({_period(c)})"
                )
                diff = c.value - before.value
                unit = "percentage_point" if c.unit == "percent" else c.unit
                change += f", {'+' if diff > 0 else '-'}{fmt(abs(diff), unit)}"
            message = f"{c.subject}: {change}; earlier figure in {s.source} at {s.where}"
            return finding(
                "CC1303", "ledger", "info", message, [c],
                expected=before.value, observed=c.value,
            )  # fmt: skip
        return None


# --- helpers ---------------------------------------------------------------------------------


def _judge(c: Claim, same: list[_Stored]) -> Finding:
    """``CC1301`` or ``CC1302`` for a new claim and the stored claims of its fact and period."""
    from .checks import finding
    from .checks._util import fmt, interval
    from .checks.restatement import GROSS_RELATIVE, PERCENT_THRESHOLDS
    from .intervals import slip
    from .matching import in_unit, intervals_meet

    mine = interval(c)
    latest = sorted(same, key=lambda s: (s.date is not None, s.date or "", s.document_id))
    judged = []
    for s in latest:
        before = in_unit(s.claim, c.unit)
        theirs = interval(before)
        judged.append((s, before, theirs, intervals_meet(theirs, mine)))
    docs = {s.document_id for s in same}
    also = f" (stated in {len(docs)} ledger documents)" if len(docs) > 1 else ""
    head = f"{c.subject} ({_period(c)})"
    bad = [j for j in judged if not j[3]]
    if bad:
        s, before, theirs, _ = bad[-1]  # the latest contradicted statement
        gap = slip(theirs, mine)
        diff_unit = "percentage_point" if c.unit == "percent" else c.unit
        beyond = f"{fmt(gap, diff_unit)} beyond rounding" if gap > 0 else "in the last digit"
        gross = before.value * c.value < 0 or gap > GROSS_RELATIVE * max(
            abs(before.value), abs(c.value)
        )
        if c.unit == "percent":
            gross = gross or any((theirs.hi < t < mine.lo) or (mine.hi < t < theirs.lo)
                                 for t in PERCENT_THRESHOLDS)  # fmt: skip
        message = (
            f"{head}: {_show(c)} contradicts {_show(before)} in {s.source} at {s.where}: "
            f"differ by {fmt(abs(c.value - before.value), diff_unit)} ({beyond}){also}"
        )
        return finding(
            "CC1302", "ledger", "error", message, [c],
            expected=before.value, observed=c.value, slip=gap, gross=gross,
        )  # fmt: skip
    s, before, _, _ = judged[-1]
    message = f"{head}: {_show(c)} agrees with {_show(before)} in {s.source} at {s.where}{also}"
    return finding(
        "CC1301", "ledger", "info", message, [c],
        expected=before.value, observed=c.value, slip=0.0,
    )  # fmt: skip


def _source(
    document: Document | DocumentReport | str | os.PathLike[str],
) -> tuple[str | None, str | None, str, Sequence[Claim] | None]:
    """(path, ISO date, text, claims already extracted) of what ``add`` was given."""
    if isinstance(document, DocumentReport):
        return document.path, document.date, document.text, document.claims
    if isinstance(document, os.PathLike):
        document = Document.from_path(document)
    if isinstance(document, str):
        document = Document(document)
    if isinstance(document, Document):
        date = document.date.isoformat() if document.date else None
        return document.path, date, document.text, None
    raise TypeError(
        f"expected a Document, DocumentReport, text or path, not {type(document).__name__}"
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _row(r: Sequence[Any]) -> _Stored:
    n = len(_FIELDS)
    values = dict(zip(_FIELDS, r[1 : 1 + n], strict=True))
    claim = Claim(id=r[0], **values)
    doc_id, path, date = r[1 + n :]
    return _Stored(claim=claim, document_id=int(doc_id), path=path, date=date)


def _scope(date: str | None, exclude: int | None) -> tuple[str, list[Any]]:
    sql, args = "", []
    if date is not None:
        sql += " AND (d.date IS NULL OR d.date <= ?)"
        args.append(date)
    if exclude is not None:
        sql += " AND d.id != ?"
        args.append(exclude)
    return sql, args


_WORD = re.compile(r"[^\W_]+")


def _prefixes(subject: str) -> list[str]:
    """First letters of each word: the SQL prefilter for fuzzy subject search."""
    return sorted({w[:4] for w in _WORD.findall(subject.lower())})


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _comparable(subject: str) -> str:
    """A subject as rapidfuzz compares it: normalized tokens, else the lowercased words."""
    from .matching import normalize_subject

    text = normalize_subject(subject).text
    return text or " ".join(_WORD.findall(subject.lower()))


def _days(c: Claim) -> int | None:
    if not (c.period_start and c.period_end):
        return None
    try:
        a = datetime.date.fromisoformat(c.period_start)
        b = datetime.date.fromisoformat(c.period_end)
    except ValueError:
        return None
    return (b - a).days + 1


def _comparable_periods(old: Claim, new: Claim) -> bool:
    """A stock and a stock, or two flows over the same start (to date) or of about one length."""
    if bool(old.period_start) != bool(new.period_start):
        return False
    if not old.period_start:
        return True
    if old.period_start == new.period_start:
        return True
    a, b = _days(old), _days(new)
    return a is not None and b is not None and abs(a - b) <= max(3, 0.1 * a)


def _period(c: Claim) -> str:
    if c.period_start and c.period_end:
        return f"{c.period_start} to {c.period_end}"
    if c.period_end:
        return f"as of {c.period_end}"
    return "period unknown"


def _show(c: Claim) -> str:
    from .checks._util import fmt

    return f"{_QUALIFIER_WORDS[c.qualifier]}{fmt(c.value, c.unit)}"
