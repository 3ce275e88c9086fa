"""Screenshot the HTML report with headless Chromium (for docs/img/html-report.png).

    python scripts/screenshot_html.py                      # the built-in example
    python scripts/screenshot_html.py FILE --audit         # claimcheck.audit(FILE)
    python scripts/screenshot_html.py -o shot.png --size 1280,900 --html report.html

The built-in example is a hand-built report (text, claims, findings), so the picture does not
change when the extractor or the checks do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimcheck.claim import Claim
from claimcheck.render import render
from claimcheck.report import DocumentReport, Finding, Report

TEXT = """\
Zhao Zhiguo: Good morning. In the first three quarters, the added value of industrial enterprises \
above designated size grew 5.8% year on year. By the end of September, a total of 4.089 million \
5G base stations had been built, 32.1% of all mobile base stations.

Reporter: How many 5G users does China have now?

Zhao Zhiguo: 5G mobile phone users reached 966 million, 56.4% of the 1.79 billion mobile phone \
users. Telecom business revenue reached 1.32 trillion yuan, up 2.5%.

Zhao Zhiguo: As I said, we now have 4.2 million 5G base stations, and software revenue was \
9.8 trillion yuan in the first three quarters, up 10.8%.
"""


def _claim(cid: str, needle: str, value: float, unit: str = "", **kw: object) -> Claim:
    start = TEXT.index(needle)
    line = TEXT.count("\n", 0, start) + 1
    column = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    fields: dict[str, object] = {"qualifier": "exact", "kind": "level", "subject": ""}
    fields.update(kw)
    return Claim(cid, start, start + len(needle), needle, line, column, value, unit, **fields)  # type: ignore[arg-type]


def example() -> Report:
    q3 = {"period_start": "2024-01-01", "period_end": "2024-09-30", "speaker": "Zhao Zhiguo"}
    claims = (
        _claim("c0001", "5.8%", 5.8, "percent", kind="change", subject="industrial added value", **q3),
        _claim("c0002", "4.089 million", 4089000.0, subject="5G base stations",
               period_end="2024-09-30", speaker="Zhao Zhiguo"),
        _claim("c0003", "32.1%", 32.1, "percent", kind="share", subject="5G base stations",
               whole="mobile base stations"),
        _claim("c0004", "966 million", 966e6, subject="5G mobile phone users"),
        _claim("c0005", "56.4%", 56.4, "percent", kind="share", subject="5G mobile phone users"),
        _claim("c0006", "1.79 billion", 1.79e9, subject="mobile phone users"),
        _claim("c0007", "1.32 trillion yuan", 1.32e12, "CNY", subject="telecom business revenue"),
        _claim("c0008", "2.5%", 2.5, "percent", kind="change", subject="telecom business revenue"),
        _claim("c0009", "4.2 million", 4.2e6, subject="5G base stations"),
        _claim("c0010", "9.8 trillion yuan", 9.8e12, "CNY", subject="software revenue", **q3),
        _claim("c0011", "10.8%", 10.8, "percent", kind="change", subject="software revenue", **q3),
    )  # fmt: skip
    findings = (
        Finding("f0001", "CC101", "restatement", "error",
                "5G base stations stated as 4.089 million and later as 4.2 million",
                ("c0002", "c0009"), expected=4089000.0, observed=4200000.0, slip=110500.0),
        Finding("f0002", "CC201", "share", "error",
                "966 million of 1.79 billion is 53.97%, not 56.4%",
                ("c0005", "c0004", "c0006"), expected=53.97, observed=56.4, slip=2.38),
        Finding("f0003", "CC301", "growth", "warning",
                "software revenue growth of 10.8% has no stated basis (year on year?)",
                ("c0011", "c0010")),
        Finding("f0004", "CC202", "share", "info",
                "4.089 million 5G base stations at 32.1% imply about 12.74 million in all",
                ("c0003", "c0002")),
    )  # fmt: skip
    doc = DocumentReport("scio-2024-10-18/transcript.txt", "2024-10-18", TEXT, claims, findings)
    return Report((doc,))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="a document to audit instead of the example")
    parser.add_argument("--audit", action="store_true", help="run claimcheck.audit on FILE")
    parser.add_argument("-o", "--output", default="docs/img/html-report.png")
    parser.add_argument("--size", default="1280,900", help="window WIDTH,HEIGHT")
    parser.add_argument("--html", help="also keep the rendered HTML here")
    args = parser.parse_args(argv)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    if args.file:
        import claimcheck

        report = claimcheck.audit(claimcheck.Document.from_path(args.file))
    else:
        report = example()

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(args.html or Path(tmp, "report.html")).resolve()
        page.write_text(render(report, "html"), encoding="utf-8")
        output = Path(args.output).resolve()
        output.parent.mkdir(parents=True, exist_ok=True)
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp}/profile", "--hide-scrollbars",
            f"--screenshot={output}", f"--window-size={args.size}", page.as_uri(),
        ]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
