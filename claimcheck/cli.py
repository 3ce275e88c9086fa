"""The ``claimcheck`` command: ``extract`` and ``audit`` (see CONTRACT.md for exit codes).

Exit codes: 0 success, 1 findings at or above ``--fail-on``, 2 usage or input error (one line
on stderr, never a traceback; set ``CLAIMCHECK_DEBUG=1`` to see one).
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from . import __version__
from .errors import ClaimcheckError, InputError

__all__ = ["main"]

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class DateType(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


class ChecksType(click.ParamType):
    """A comma-separated list of check family names."""

    name = "CHECK[,CHECK...]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        from .checks import load_builtin_checks

        known = load_builtin_checks()
        names = tuple(n.strip() for n in str(value).split(",") if n.strip())
        bad = [n for n in names if n not in known]
        if bad:
            import difflib

            hint = difflib.get_close_matches(bad[0], list(known), n=1)
            extra = f" Did you mean {hint[0]!r}?" if hint else ""
            self.fail(f"unknown check {bad[0]!r}.{extra} Known: {', '.join(known)}", param, ctx)
        return names


def _read(path: str, date: datetime.date | None) -> Any:
    from .document import Document

    if path == "-":
        data = sys.stdin.buffer.read()
        return Document.from_bytes(data, source="<stdin>", date=date)
    return Document.from_path(path, date=date)


def _write(text: str, out: str | None) -> None:
    if out is None or out == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise InputError(out, f"cannot write: {exc.strerror or exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="claimcheck")
def cli() -> None:
    """Extract every numeric claim of a document and audit the document against itself."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
    show_default=True, help="Output format.",
)  # fmt: skip
@click.option("--date", type=DateType(), help="Document date, overriding the one detected.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here."
)
def extract(files: Sequence[str], fmt: str, date: datetime.date | None, output: str | None) -> None:
    """List the claims of FILE... ('-' reads standard input)."""
    from .extraction import extract_document
    from .render import render_claims

    sources = []
    for path in files:
        doc = _read(path, date)
        sources.append(
            (doc.path, doc.date.isoformat() if doc.date else None, extract_document(doc))
        )
    _write(render_claims(sources, fmt, color=_color(output) and fmt == "table"), output)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "markdown", "html", "sarif"]),
    default="text", show_default=True, help="Report format.",
)  # fmt: skip
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
    show_default=True, help="Exit 1 when a finding at or above this severity exists.",
)  # fmt: skip
@click.option("--date", type=DateType(), help="Document date, overriding the one detected.")
@click.option("--checks", type=ChecksType(), help="Run only these check families.")
@click.option("--no-info", is_flag=True, help="Hide info findings (relations that hold).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here."
)
def audit(
    files: Sequence[str],
    fmt: str,
    fail_on: str,
    date: datetime.date | None,
    checks: tuple[str, ...] | None,
    no_info: bool,
    output: str | None,
) -> None:
    """Audit FILE... against themselves ('-' reads standard input)."""
    from .auditing import audit_document
    from .render import render
    from .report import Report

    docs = [_read(p, date) for p in files]
    report = Report(documents=tuple(audit_document(d, checks=checks) for d in docs))
    text = render(report, fmt, color=_color(output) and fmt == "text", show_info=not no_info)
    _write(text, output)
    worst = report.worst()
    if (
        fail_on != "never"
        and worst is not None
        and _SEVERITY_RANK[worst] >= _SEVERITY_RANK[fail_on]
    ):
        sys.exit(1)


def _color(output: str | None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return (output is None or output == "-") and sys.stdout.isatty()


def project_config(start: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """``[tool.claimcheck]`` of the nearest pyproject.toml, as click defaults per command.

    ``[tool.claimcheck.audit]`` / ``[tool.claimcheck.extract]`` tables (keys as the long options,
    ``fail-on = "warning"``) set defaults; the command line always wins.
    """
    import tomllib
    from pathlib import Path

    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise InputError(str(candidate), f"cannot read [tool.claimcheck]: {exc}") from None
            table = data.get("tool", {}).get("claimcheck", {})
            return {
                cmd: {_param_name(cmd, k): v for k, v in opts.items()}
                for cmd, opts in table.items()
                if isinstance(opts, dict)
            }
    return {}


def _param_name(command: str, option: str) -> str:
    """The click parameter behind ``--option`` of ``command`` ("format" -> "fmt")."""
    cmd = cli.commands.get(command)
    for param in getattr(cmd, "params", ()):
        if f"--{option}" in getattr(param, "opts", ()):
            return str(param.name)
    return option.replace("-", "_")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: click's own usage errors exit 2; ours print one line and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="claimcheck",
                 standalone_mode=False, default_map=project_config())  # fmt: skip
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.format_message())  # bare "claimcheck": the help, as asked
        sys.exit(0)
    except click.UsageError as exc:
        where = f"claimcheck {exc.ctx.info_name}" if exc.ctx and exc.ctx.parent else "claimcheck"
        msg = " ".join(exc.format_message().split())
        click.echo(f"claimcheck: error: {msg} (see '{where} --help')", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"claimcheck: error: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("claimcheck: aborted", err=True)
        sys.exit(2)
    except ClaimcheckError as exc:
        click.echo(f"claimcheck: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("claimcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: still one line, unless debugging
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        click.echo(f"claimcheck: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)


# --- ledger ------------------------------------------------------------------------------------

_DB_HELP = "The ledger: an SQLite file, created by 'ledger add' when missing."


def _open_ledger(db: str, *, create: bool) -> Any:
    from .ledger import Ledger

    if not create and db != ":memory:" and not os.path.exists(db):
        raise InputError(db, "no such ledger (create one with 'claimcheck ledger add')")
    return Ledger(db)


@cli.group()
def ledger() -> None:
    """Track claims across documents over time in an SQLite ledger."""


@ledger.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help=_DB_HELP)
@click.option("--date", type=DateType(), help="Document date, overriding the one detected.")
def ledger_add(files: Sequence[str], db: str, date: datetime.date | None) -> None:
    """Store FILE... and their claims in the ledger (a file already stored is left as is)."""
    from .extraction import extract_document
    from .render._common import display_path, one_line

    docs = [_read(p, date) for p in files]
    with _open_ledger(db, create=True) as book:
        for doc in docs:
            stored = book.find(doc)
            if stored is None:
                doc_id, note = book.add(doc, extract_document(doc)), ""
            else:
                doc_id, note = stored, " (already in the ledger)"
            count = len(book.claims(document=doc_id))
            when = doc.date.isoformat() if doc.date else "undated"
            name = one_line(display_path(doc.path))
            click.echo(f"{name}: {when}, {count} claims, document {doc_id}{note}")


@ledger.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help=_DB_HELP)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Report format.",
)  # fmt: skip
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
    show_default=True, help="Exit 1 when a finding at or above this severity exists.",
)  # fmt: skip
@click.option("--add", "store", is_flag=True, help="Store each file in the ledger once checked.")
@click.option("--date", type=DateType(), help="Document date, overriding the one detected.")
def ledger_check(
    files: Sequence[str],
    db: str,
    fmt: str,
    fail_on: str,
    store: bool,
    date: datetime.date | None,
) -> None:
    """Check FILE... against the documents of the ledger, in the order given.

    With --add, each file is stored after it is checked, so later files are also checked
    against earlier ones.
    """
    import json

    import attrs

    from .extraction import extract_document
    from .render._common import display_path, one_line

    docs = [_read(p, date) for p in files]
    results = []
    with _open_ledger(db, create=store) as book:
        for doc in docs:
            claims = extract_document(doc)
            findings = book.check(claims, document_date=doc.date, exclude=book.find(doc))
            findings = [attrs.evolve(f, id=f"f{n + 1:04d}") for n, f in enumerate(findings)]
            results.append((doc, {c.id: c for c in claims}, findings))
            if store:
                book.add(doc, claims)
    if fmt == "json":
        out = {
            "claimcheck": __version__,
            "findings": [
                {**f.to_dict(), "document": display_path(doc.path)}
                for doc, _, findings in results
                for f in findings
            ],
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        counts = {"error": 0, "warning": 0, "info": 0}
        for doc, by_id, findings in results:
            name = one_line(display_path(doc.path))
            for f in findings:
                c = by_id.get(f.claims[0]) if f.claims else None
                where = f"{c.line}:{c.column}" if c is not None else "1:1"
                tag = f.severity + (", gross" if f.gross else "")
                click.echo(f"{name}:{where}: {f.rule} [{tag}] {one_line(f.message)}")
                counts[f.severity] += 1
        parts = [f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items() if n]
        click.echo(f"{', '.join(parts) or 'no findings'} · {len(results)} document"
                   f"{'s' if len(results) != 1 else ''} checked against the ledger")  # fmt: skip
    worst = max((_SEVERITY_RANK[f.severity] for _, _, fs in results for f in fs), default=None)
    if fail_on != "never" and worst is not None and worst >= _SEVERITY_RANK[fail_on]:
        sys.exit(1)


@ledger.command("show")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help=_DB_HELP)
@click.option("--subject", help="Show this measure's history instead of the documents.")
def ledger_show(db: str, subject: str | None) -> None:
    """List the documents of the ledger, or the history of one subject across them."""
    from .checks._util import fmt
    from .render._common import QUALIFIER_SIGNS, display_path, one_line

    with _open_ledger(db, create=False) as book:
        if subject is None:
            header = ("id", "date", "claims", "path")
            rows = [
                (str(d["id"]), d["date"] or "undated", str(d["claims"]), one_line(d["path"]))
                for d in book.documents()
            ]
        else:
            header = ("date", "period", "value", "kind", "subject", "where")
            rows = []
            for when, c in book.history(subject):
                period = (f"{c.period_start}..{c.period_end}" if c.period_start
                          else c.period_end or "?")  # fmt: skip
                where = f"{display_path(c.document)}:{c.line}:{c.column}"
                value = QUALIFIER_SIGNS[c.qualifier] + fmt(c.value, c.unit)
                rows.append((when or "undated", period, value, c.kind,
                             one_line(c.subject), one_line(where)))  # fmt: skip
    if not rows:
        click.echo("no documents in the ledger" if subject is None
                   else f"no claims about {one_line(subject)!r} in the ledger")  # fmt: skip
        return
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    for r in (header, *rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
