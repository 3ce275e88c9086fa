"""The HTML report in a real browser: it renders, and a transcript's markup stays text.

Skipped unless Chromium is installed (``apt-get install chromium``).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimcheck.claim import Claim
from claimcheck.render import render
from claimcheck.report import DocumentReport, Finding, Report

CHROMIUM = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else shutil.which("chromium")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

# Would rewrite the page if any of it ran.
PAYLOADS = (
    "<script>document.body.innerHTML='PWNED'</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    "<svg onload=\"document.body.setAttribute('data-pwned', '1')\"></svg>",
)
TEXT = (
    "Minister: Output rose 5.8% in the first three quarters.\n"
    f"Reporter: {PAYLOADS[0]} Is 5.8% right? {PAYLOADS[1]}\n"
    f"Minister: Output rose 6.1%, I said. {PAYLOADS[2]}\n"
)


def _claim(cid: str, needle: str, nth: int, value: float, subject: str) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    line = TEXT.count("\n", 0, start) + 1
    column = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    return Claim(cid, start, start + len(needle), needle, line, column, value, "percent", "exact",
                 "change", subject)  # fmt: skip


@pytest.fixture
def page(tmp_path: Path) -> Path:
    claims = (
        _claim("c0001", "5.8%", 0, 5.8, "output"),
        _claim("c0002", "5.8%", 1, 5.8, f"output {PAYLOADS[0]}"),
        _claim("c0003", "6.1%", 0, 6.1, "output"),
    )
    findings = (
        Finding("f0001", "CC101", "restatement", "error", f"output 5.8% vs 6.1% {PAYLOADS[1]}",
                ("c0001", "c0003"), expected=5.8, observed=6.1),
        Finding("f0002", "CC101", "restatement", "info", "output 5.8% restated",
                ("c0001", "c0002")),
    )  # fmt: skip
    doc = DocumentReport("press/briefing.txt", "2024-10-18", TEXT, claims, findings)
    path = tmp_path / "report.html"
    path.write_text(render(Report((doc,)), "html"), encoding="utf-8")
    return path


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_screenshot(page: Path, tmp_path: Path):
    shot = tmp_path / "shot.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 1600)
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


def test_dom_keeps_markup_as_text(page: Path, tmp_path: Path):
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "<h1>claimcheck report</h1>" in dom, result.stderr[-2000:]
    parsed = _Visible()
    parsed.feed(dom)
    # Nothing ran: the page is whole, the title untouched, no element the payloads would create.
    assert parsed.title == "claimcheck: press/briefing.txt"
    assert not {"script", "img", "svg"} & set(parsed.tags)
    assert not any(name.startswith("on") or name == "data-pwned" for name, _ in parsed.attrs)
    # The DOM says exactly what the file says: no script rewrote any of it.
    source = _Visible()
    source.feed(page.read_text(encoding="utf-8"))
    assert " ".join("".join(parsed.text).split()) == " ".join("".join(source.text).split())
    # ... and the payloads read as the document's text.
    visible = "".join(parsed.text)
    for payload in PAYLOADS:
        assert payload in visible
    assert dom.count('<mark id="c000') == 3
