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
    from .audit import audit_document
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


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: click's own usage errors exit 2; ours print one line and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="claimcheck",
                 standalone_mode=False)  # fmt: skip
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
