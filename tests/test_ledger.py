"""The ledger: claims stored across documents, rebuilt exactly, and checked against new ones."""

from __future__ import annotations

import json
import pickle
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.auditing import audit_document
from claimcheck.claim import KINDS, QUALIFIERS, Claim
from claimcheck.cli import main
from claimcheck.document import Document
from claimcheck.errors import ClaimcheckError, LedgerError
from claimcheck.extraction import extract_document
from claimcheck.ledger import SCHEMA_VERSION, Ledger

# --- hand-written briefings -----------------------------------------------------------------

_HEAD = (
    "Press conference of the Ministry of Industry and Information Technology\n{date}\n\n"
    "Zhao Zhiguo:\n\n"
)
MARCH = _HEAD.format(date="March 20, 2024") + (
    "By the end of February, 3.5 million 5G base stations had been built across the country.\n\n"
    "In the fourth quarter of 2023, the telecommunications industry's business revenue "
    "reached 420 billion yuan.\n"
)
#: Restates February's figure, gives March's and the first quarter's revenue.
APRIL = _HEAD.format(date="April 18, 2024") + (
    "As we reported last month, by the end of February, 3.5 million 5G base stations had "
    "been built.\n\n"
    "By the end of March, 3.6 million 5G base stations had been built across the country.\n\n"
    "In the first quarter of 2024, the telecommunications industry's business revenue "
    "reached 430 billion yuan.\n"
)
#: Misstates February's figure.
APRIL_MISSTATED = _HEAD.format(date="April 18, 2024") + (
    "By the end of February, 3.8 million 5G base stations had been built across the country.\n"
)


def doc(text: str, path: str | None = None) -> Document:
    return Document(text, path=path)


def check(ledger: Ledger, text: str, path: str = "april.txt") -> list[claimcheck.Finding]:
    d = doc(text, path)
    return ledger.check(extract_document(d), document_date=d.date)


@pytest.fixture
def ledger() -> Ledger:
    with Ledger() as book:
        book.add(doc(MARCH, "march.txt"))
        yield book


# --- checking -------------------------------------------------------------------------------


def test_restated_figure_agrees(ledger: Ledger):
    found = {f.rule: f for f in check(ledger, APRIL)}
    agree = found["CC1301"]
    assert agree.check == "ledger" and agree.severity == "info" and agree.id == ""
    assert agree.claims == ("c0001",)
    assert agree.expected == agree.observed == 3.5e6
    for part in ("march.txt", "2024-03-20", "3.5 million", "march.txt:6:25"):
        assert part in agree.message


def test_misstated_figure_is_an_error(ledger: Ledger):
    (f,) = check(ledger, APRIL_MISSTATED)
    assert (f.rule, f.check, f.severity) == ("CC1302", "ledger", "error")
    assert f.expected == 3.5e6 and f.observed == 3.8e6
    assert f.slip == pytest.approx(2e5)  # [3.45, 3.55] vs [3.75, 3.85] million
    assert not f.gross  # 200,000 beyond rounding is under 10% of the value
    assert f.claims == ("c0001",)
    assert "3.8 million" in f.message and "3.5 million" in f.message
    assert "march.txt:6:25" in f.message and "2024-03-20" in f.message


def test_gross_when_far_off(ledger: Ledger):
    (f,) = check(ledger, APRIL_MISSTATED.replace("3.8 million", "5.8 million"))
    assert f.rule == "CC1302" and f.gross


def test_later_period_is_an_update_not_an_error(ledger: Ledger):
    found = check(ledger, APRIL)
    assert [f.rule for f in found] == ["CC1301", "CC1303", "CC1303"]
    assert all(f.severity == "info" for f in found)
    stations, revenue = found[1], found[2]
    assert stations.expected == 3.5e6 and stations.observed == 3.6e6
    assert "updated from 3.5 million (as of 2024-02-29) to 3.6 million (as of 2024-03-31)" in (
        stations.message
    )
    # Q4 2023 -> Q1 2024: a flow of the same length, a later quarter.
    assert revenue.expected == 420e9 and revenue.observed == 430e9
    assert "2023-10-01 to 2023-12-31" in revenue.message
    assert "2024-01-01 to 2024-03-31" in revenue.message


def test_different_period_is_never_a_contradiction(ledger: Ledger):
    # A figure for March is not compared with February's as the same fact.
    text = _HEAD.format(date="April 18, 2024") + (
        "By the end of March, 9.9 million 5G base stations had been built.\n"
    )
    assert [f.rule for f in check(ledger, text)] == ["CC1303"]


def test_unrelated_and_undated_claims_give_nothing(ledger: Ledger):
    text = "Beijing, April 18, 2024\n\nSome 12 million tonnes of grain were exported last year.\n"
    assert check(ledger, text) == []
    assert ledger.check([]) == []


def test_document_date_limits_the_comparison(ledger: Ledger):
    # Checked as of a date before the March briefing, the ledger holds nothing earlier.
    claims = extract_document(doc(APRIL_MISSTATED))
    assert ledger.check(claims, document_date="2024-03-01") == []
    assert [f.rule for f in ledger.check(claims, document_date="2024-04-18")] == ["CC1302"]


def test_a_stored_document_is_not_checked_against_itself(ledger: Ledger):
    stored = ledger.find(doc(MARCH))
    claims = extract_document(doc(MARCH))
    assert [f.rule for f in ledger.check(claims)] == ["CC1301", "CC1301"]  # itself
    assert ledger.check(claims, exclude=stored) == []


def test_latest_earlier_document_is_named(ledger: Ledger):
    ledger.add(doc(APRIL, "april.txt"))
    may = _HEAD.format(date="May 16, 2024") + (
        "By the end of February, 3.5 million 5G base stations had been built.\n"
    )
    (f,) = check(ledger, may, "may.txt")
    assert f.rule == "CC1301"
    assert "april.txt (2024-04-18)" in f.message and "2 ledger documents" in f.message


def test_candidates_are_blocked(ledger: Ledger, monkeypatch: pytest.MonkeyPatch):
    """Only stored claims of the same kind, head noun, unit and period reach the matcher."""
    for n in range(200):
        text = (
            f"Beijing, March {1 + n % 28}, 2024\n\nBy the end of February, {n + 1} million "
            f"widgets of type {n} had been sold.\n"
        )
        ledger.add(doc(text, f"noise{n}.txt"))
    import claimcheck.matching as matching

    sizes = []
    real = matching.restatement_groups

    def spy(claims):
        sizes.append(len(claims))
        return real(claims)

    monkeypatch.setattr(matching, "restatement_groups", spy)
    assert [f.rule for f in check(ledger, APRIL_MISSTATED)] == ["CC1302"]
    assert sizes == [2]  # the new claim and the March figure, not 200 widgets


# --- storing --------------------------------------------------------------------------------


def test_add_is_idempotent_by_content():
    with Ledger() as book:
        first = book.add(doc(MARCH, "march.txt"))
        assert book.add(MARCH) == first  # same text, given as a string
        assert book.add(doc(MARCH, "elsewhere/march-copy.txt")) == first
        assert book.find(MARCH) == first and book.find(APRIL) is None
        (d,) = book.documents()
        assert d["id"] == first and d["path"] == "march.txt" and d["date"] == "2024-03-20"
        assert d["claims"] == 2 and len(d["sha256"]) == 64 and d["added_at"]
        assert len(book.claims()) == 2


def test_add_accepts_report_text_and_path(tmp_path: Path):
    path = tmp_path / "april.txt"
    path.write_text(APRIL, encoding="utf-8")
    with Ledger() as book:
        a = book.add(audit_document(doc(MARCH, "march.txt")))
        b = book.add(path)
        c = book.add("Revenue rose 5% to $3 billion.")
        assert len({a, b, c}) == 3
        docs = {d["id"]: d for d in book.documents()}
        assert docs[b]["path"] == str(path) and docs[c]["path"] == "<text>"
        assert docs[c]["date"] is None
        assert [d["id"] for d in book.documents()] == [a, b, c]  # dated first, undated last


def test_add_uses_the_claims_given():
    with Ledger() as book:
        claims = extract_document(doc(MARCH))[:1]
        doc_id = book.add(MARCH, claims)
        assert book.claims(document=doc_id) == claims


def test_add_is_one_transaction():
    with Ledger() as book:
        good = extract_document(doc(MARCH))
        twice = [good[0], good[0]]  # same claim id twice: the primary key refuses the second
        with pytest.raises(LedgerError):
            book.add(MARCH, twice)
        assert book.documents() == [] and book.claims() == []
        doc_id = book.add(MARCH, good)  # usable afterwards
        assert len(book.claims(document=doc_id)) == 2


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_claims_rebuilt_equal_and_pickle(protocol: int):
    originals = extract_document(doc(APRIL, "april.txt"))
    with Ledger() as book:
        book.add(doc(APRIL, "april.txt"), originals)
        rebuilt = book.claims()
    assert [c.to_dict() for c in rebuilt] == [c.to_dict() for c in originals]
    assert rebuilt == originals  # every field, offsets of sentences and the document included
    assert pickle.loads(pickle.dumps(rebuilt, protocol)) == originals


_texts = st.text(max_size=30)
_dates = st.none() | st.dates().map(lambda d: d.isoformat())
_claims = st.builds(
    Claim,
    id=st.from_regex(r"c[0-9]{4}", fullmatch=True),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=_texts,
    line=st.integers(1, 10**5),
    column=st.integers(1, 10**4),
    value=st.floats(allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(["", "percent", "CNY", "megawatt", "CNY / mu"]),
    qualifier=st.sampled_from(QUALIFIERS),
    kind=st.sampled_from(KINDS),
    subject=_texts,
    period_start=_dates,
    period_end=_dates,
    speaker=_texts,
    sentence=_texts,
    resolution=st.floats(0, 1e12),
    sentence_start=st.integers(0, 10**6),
    sentence_end=st.integers(0, 10**6),
    section=st.integers(0, 100),
    paragraph=st.integers(0, 1000),
    basis=_texts,
    whole=_texts,
    bound=st.sampled_from(["", "low", "high"]),
    document=_texts,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_claims, max_size=6, unique_by=lambda c: c.id))
def test_any_claims_round_trip(claims: list[Claim]):
    with Ledger() as book:
        doc_id = book.add("any text", claims)
        rebuilt = book.claims(document=doc_id)
    assert sorted(rebuilt, key=lambda c: c.id) == sorted(claims, key=lambda c: c.id)
    assert [c.start for c in rebuilt] == sorted(c.start for c in claims)


# --- reading --------------------------------------------------------------------------------


def test_history_in_date_order(ledger: Ledger):
    ledger.add(doc(APRIL_MISSTATED.replace("April 18", "May 16"), "may.txt"))
    ledger.add(doc(APRIL, "april.txt"))  # added after May, dated before it
    history = ledger.history("5G base stations")
    assert [(d, c.document, c.value) for d, c in history] == [
        ("2024-03-20", "march.txt", 3.5e6),
        ("2024-04-18", "april.txt", 3.5e6),
        ("2024-04-18", "april.txt", 3.6e6),
        ("2024-05-16", "may.txt", 3.8e6),
    ]
    assert ledger.history("5G base stations", kind="share") == []
    assert ledger.history("5G base stations", unit="") == history


def test_claims_filters(ledger: Ledger):
    april = ledger.add(doc(APRIL, "april.txt"))
    assert len(ledger.claims()) == 5
    assert [c.document for c in ledger.claims(document=april)] == ["april.txt"] * 3
    assert {c.unit for c in ledger.claims(unit="CNY")} == {"CNY"}
    assert len(ledger.claims(unit="CNY")) == 2
    assert ledger.claims(kind="target") == []
    # Fuzzy subject: plural, word order and extra words do not matter; other things do.
    assert len(ledger.claims(subject="base stations 5G")) == 3
    assert len(ledger.claims(subject="5G base station")) == 3
    assert len(ledger.claims(subject="business revenue")) == 2
    assert ledger.claims(subject="grain exports") == []
    assert ledger.claims(subject="%") == []


# --- the database file ----------------------------------------------------------------------


def test_file_backed_ledger_reopens(tmp_path: Path):
    path = tmp_path / "ledger.db"
    with Ledger(path) as book:
        first = book.add(doc(MARCH, "march.txt"))
        stored = book.claims()
    with Ledger(str(path)) as book:
        assert [d["id"] for d in book.documents()] == [first]
        assert book.claims() == stored
        assert book.add(MARCH) == first
        assert [f.rule for f in check(book, APRIL_MISSTATED)] == ["CC1302"]


def test_corrupt_file(tmp_path: Path):
    path = tmp_path / "ledger.db"
    path.write_bytes(b"this is not a database\n" * 100)
    with pytest.raises(LedgerError) as info:
        Ledger(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    assert isinstance(info.value, ClaimcheckError) and info.value.exit_code == 2


def test_unopenable_path(tmp_path: Path):
    with pytest.raises(LedgerError):
        Ledger(tmp_path / "missing-dir" / "ledger.db")
    with pytest.raises(LedgerError):
        Ledger(tmp_path)  # a directory


def test_not_a_ledger(tmp_path: Path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(LedgerError, match="not a claimcheck ledger"):
        Ledger(path)


def test_schema_version(tmp_path: Path):
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"documents", "claims", "claims_unit_kind", "claims_subject"} <= tables
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LedgerError, match="newer"):
        Ledger(path)


def test_closed_ledger():
    book = Ledger()
    book.close()
    book.close()  # twice is fine
    with pytest.raises(LedgerError, match="closed"):
        book.documents()
    assert "closed" in repr(book)


def test_ledger_error_pickles():
    err = LedgerError("x.db: cannot open the ledger: file is not a database")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is LedgerError and str(again) == str(err)


def test_public_name():
    assert claimcheck.Ledger is Ledger
    assert "Ledger" in claimcheck.__all__


# --- command line ---------------------------------------------------------------------------


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                      "help_option_names": []}
)  # fmt: skip
@click.pass_context
def _entry(ctx: click.Context) -> None:
    main(ctx.args)


def run(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(_entry, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    out = {}
    for name, text in (("march", MARCH), ("april", APRIL), ("misstated", APRIL_MISSTATED)):
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = str(p)
    out["db"] = str(tmp_path / "ledger.db")
    return out


def test_cli_add(files: dict[str, str]):
    code, out, err = run(["ledger", "add", files["march"], "--db", files["db"]])
    assert code == 0, err
    assert out == f"{files['march']}: 2024-03-20, 2 claims, document 1\n"
    code, out, _ = run(["ledger", "add", files["march"], files["april"], "--db", files["db"]])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("document 1 (already in the ledger)")
    assert lines[1] == f"{files['april']}: 2024-04-18, 3 claims, document 2"


def test_cli_add_date_and_stdin(files: dict[str, str]):
    code, out, err = run(
        ["ledger", "add", "-", "--db", files["db"], "--date", "2024-01-31"],
        stdin="By the end of 2023, 3.4 million 5G base stations had been built.\n",
    )
    assert code == 0, err
    assert out.startswith("<stdin>: 2024-01-31, 1 claims, document 1")


def test_cli_check_text_and_exit_codes(files: dict[str, str]):
    run(["ledger", "add", files["march"], "--db", files["db"]])
    code, out, err = run(["ledger", "check", files["april"], "--db", files["db"]])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"{files['april']}:6:52: CC1301 [info] 5G base stations")
    assert lines[1].startswith(f"{files['april']}:8:22: CC1303 [info]")
    assert lines[-1].startswith("3 info")

    code, out, _ = run(["ledger", "check", files["misstated"], "--db", files["db"]])
    assert code == 1
    assert f"{files['misstated']}:6:25: CC1302 [error]" in out
    code, _, _ = run(
        ["ledger", "check", files["misstated"], "--db", files["db"], "--fail-on", "never"]
    )
    assert code == 0
    code, _, _ = run(
        ["ledger", "check", files["april"], "--db", files["db"], "--fail-on", "warning"]
    )
    assert code == 0  # info only


def test_cli_check_json_and_add(files: dict[str, str]):
    run(["ledger", "add", files["march"], "--db", files["db"]])
    args = ["ledger", "check", files["april"], files["misstated"], "--db", files["db"]]
    code, out, err = run([*args, "--format", "json", "--add"])
    assert code == 1, err
    data = json.loads(out)
    assert data["claimcheck"] == claimcheck.__version__
    rules = [(f["document"], f["rule"]) for f in data["findings"]]
    # The misstated briefing is checked after april.txt was stored: it contradicts both.
    assert rules == [
        (files["april"], "CC1301"), (files["april"], "CC1303"), (files["april"], "CC1303"),
        (files["misstated"], "CC1302"),
    ]  # fmt: skip
    assert "2 ledger documents" in data["findings"][-1]["message"]
    assert all(f["check"] == "ledger" and f["id"] for f in data["findings"])
    code, out, _ = run(["ledger", "show", "--db", files["db"]])
    assert code == 0 and len(out.splitlines()) == 4  # header + 3 documents
    # Checked again, april.txt is not compared with itself, but with the misstated briefing
    # now stored beside it.
    code, out, _ = run(["ledger", "check", files["april"], "--db", files["db"]])
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{files['april']}:6:52: CC1302 [error]")
    assert f"{files['misstated']}:6:25" in first and "april.txt:6:52" not in first.split(": ", 1)[1]


def test_cli_show(files: dict[str, str]):
    run(["ledger", "add", files["march"], files["april"], "--db", files["db"]])
    code, out, err = run(["ledger", "show", "--db", files["db"]])
    assert code == 0, err
    header, *rows = out.splitlines()
    assert header.split() == ["id", "date", "claims", "path"]
    assert rows[0].split() == ["1", "2024-03-20", "2", files["march"]]
    code, out, _ = run(["ledger", "show", "--db", files["db"], "--subject", "5G base stations"])
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["date", "period", "value"]
    assert [r.split()[:2] for r in rows] == [
        ["2024-03-20", "2024-02-29"], ["2024-04-18", "2024-02-29"], ["2024-04-18", "2024-03-31"],
    ]  # fmt: skip
    assert rows[2].split()[2:4] == ["3.6", "million"]
    code, out, _ = run(["ledger", "show", "--db", files["db"], "--subject", "grain"])
    assert code == 0 and "no claims" in out


def test_cli_errors(files: dict[str, str], tmp_path: Path):
    missing = str(tmp_path / "nope.db")
    code, out, err = run(["ledger", "show", "--db", missing])
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "no such ledger" in err
    assert not Path(missing).exists()
    code, _, err = run(["ledger", "check", files["april"], "--db", missing])
    assert code == 2 and "no such ledger" in err

    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 100)
    for args in (["show"], ["add", files["march"]], ["check", files["april"]]):
        code, _, err = run(["ledger", *args, "--db", str(corrupt)])
        assert code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, args

    code, _, err = run(["ledger", "add", str(tmp_path / "absent.txt"), "--db", files["db"]])
    assert code == 2 and "no such file" in err
    assert not Path(files["db"]).exists()  # inputs are read before the ledger is touched
    code, _, err = run(["ledger", "add", files["march"]])
    assert code == 2 and "--db" in err
    code, _, err = run(["ledger", "check", files["april"], "--db", files["db"], "--format", "x"])
    assert code == 2
