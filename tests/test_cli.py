"""The command line through click's CliRunner: formats, stdin, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import cli, main

ROOT = Path(__file__).resolve().parent.parent
SCIO = ROOT / "claims" / "scio-2024-10-23-industry-it" / "transcript.txt"
EARNINGS = ROOT / "claims" / "synthetic-earnings-release" / "document.txt"
SMALL = "Beijing | Oct. 23, 2024\n\nRevenue rose 5% to $3 billion. Revenue reached $3 billion.\n"


def run(args: list[str], stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Run through ``main`` so our own error handling is what is tested."""
    runner = CliRunner()
    result = runner.invoke(_entry, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


@click.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "help_option_names": [],
    }
)
@click.pass_context
def _entry(ctx: click.Context) -> None:
    main(ctx.args)


def test_version_and_help():
    code, out, _ = run(["--version"])
    assert code == 0 and __version__ in out
    code, out, _ = run(["--help"])
    assert code == 0 and "extract" in out and "audit" in out


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_extract_formats_on_a_file(fmt: str):
    code, out, err = run(["extract", str(EARNINGS), "--format", fmt])
    assert code == 0, err
    if fmt == "json":
        data = json.loads(out)
        doc = data["documents"][0]
        assert doc["date"] == "2024-11-06" and doc["claims"]
        text = EARNINGS.read_text(encoding="utf-8")
        for c in doc["claims"]:
            assert text[c["start"] : c["end"]] == c["text"]
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert rows and all("value" in r for r in rows)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and {"text", "value", "unit", "subject"} <= set(rows[0])
    else:
        assert "Revenue" in out


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_extract_reads_stdin(fmt: str):
    code, out, err = run(["extract", "-", "--format", fmt], stdin=SMALL)
    assert code == 0, err
    assert "3000000000" in out.replace(",", "") or "3 billion" in out or "$3 billion" in out


def test_extract_date_option_overrides():
    code, out, _ = run(["extract", "-", "--format", "json", "--date", "2020-01-02"], stdin=SMALL)
    assert code == 0
    assert json.loads(out)["documents"][0]["date"] == "2020-01-02"


def test_extract_output_file(tmp_path: Path):
    out_file = tmp_path / "claims.json"
    code, out, _ = run(["extract", str(EARNINGS), "--format", "json", "-o", str(out_file)])
    assert code == 0 and out == ""
    assert json.loads(out_file.read_text())["documents"]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "sarif"])
def test_audit_formats(fmt: str):
    code, out, err = run(["audit", str(SCIO), "--format", fmt, "--fail-on", "never"])
    assert code == 0, err
    assert out.strip()
    if fmt in ("json", "sarif"):
        json.loads(out)


def test_audit_exit_codes_follow_fail_on():
    contradiction = (
        "Sales reached 4.089 million units.\n\nLater, sales reached 4.098 million units.\n"
    )
    code, out, _ = run(["audit", "-", "--fail-on", "error"], stdin=contradiction)
    assert code == 1, out
    code, _, _ = run(["audit", "-", "--fail-on", "never"], stdin=contradiction)
    assert code == 0
    code, _, _ = run(["audit", "-", "--fail-on", "warning"], stdin="Nothing to see here: 5 apples.")
    assert code == 0


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (["extract", "/no/such/file.txt"], None, "no such file"),
        (["audit", "/no/such/file.txt"], None, "no such file"),
        (["extract", "-"], b"", "empty"),
        (["extract", "-"], b"abc\x00def", "binary"),
        (["extract", "-"], b"ab\xffcd", "UTF-8"),
        (["extract", "-"], b"   \n\t  ", "whitespace"),
        (["extract", "x", "--date", "2024-13-45"], None, "YYYY-MM-DD"),
        (["audit", "x", "--fail-on", "sometimes"], None, "fail-on"),
        (["audit", "x", "--format", "pdf"], None, "format"),
        (["audit", "x", "--checks", "restatment"], None, "restatement"),
        (["frobnicate"], None, "No such command"),
    ],
    ids=["missing", "audit-missing", "empty", "binary", "bad-utf8", "blank", "bad-date",
         "bad-fail-on", "bad-format", "bad-check", "bad-command"],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2(args: list[str], stdin: bytes | None, needle: str):
    code, out, err = run(args, stdin=stdin)
    assert code == 2
    assert "Traceback" not in err + out
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert needle.lower() in lines[0].lower()


def test_directory_is_an_input_error(tmp_path: Path):
    code, _, err = run(["extract", str(tmp_path)])
    assert code == 2 and "directory" in err


def test_utf8_bom_is_removed(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfRevenue was $5 million.")
    code, out, _ = run(["extract", str(path), "--format", "json"])
    claim = json.loads(out)["documents"][0]["claims"][0]
    assert code == 0
    assert claim["start"] == len("Revenue was ") and claim["text"] == "$5 million"


def test_many_files_in_one_run(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Output was 5 million tons.")
    b.write_text("Exports rose 3%.")
    code, out, _ = run(["extract", str(a), str(b), "--format", "json"])
    docs = json.loads(out)["documents"]
    assert code == 0 and [Path(d["path"]).name for d in docs] == ["a.txt", "b.txt"]


def test_cli_group_object_is_click():
    assert cli.name == "cli" or cli.commands.keys() >= {"extract", "audit"}


def test_project_config_sets_defaults_and_command_line_wins(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck.audit]\nfail-on = "never"\nformat = "json"\n', encoding="utf-8"
    )
    doc = tmp_path / "d.txt"
    doc.write_text("Sales reached 4 million.\n\nLater, sales reached 5 million.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["audit", str(doc)])
    assert code == 0 and json.loads(out)["documents"][0]["findings"]
    code, out, _ = run(["audit", str(doc), "--fail-on", "error", "--format", "text"])
    assert code == 1 and "CC102" in out


def test_broken_project_config_is_a_one_line_error(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["extract", "-"], stdin="5 apples")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "pyproject.toml" in err


def test_report_in_a_notebook():
    import claimcheck

    report = claimcheck.audit("Sales reached 4 million.\n\nLater, sales reached 5 million.\n")
    html = report._repr_html_()
    assert "<mark" in html and "CC102" in html


def test_audit_stays_a_function_after_the_cli_loaded_its_module():
    import claimcheck
    import claimcheck.auditing  # what the CLI imports

    assert callable(claimcheck.audit) and callable(claimcheck.extract)
