"""Renderers: every format on hand-built reports, and HTML escaping as a property."""

from __future__ import annotations

import csv
import datetime
import io
import json
import pickle
import re
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claim import Claim
from claimcheck.errors import ClaimcheckError
from claimcheck.render import (
    CLAIM_FORMATS,
    RENDERERS,
    RenderOptions,
    UnknownFormatError,
    register,
    render,
    render_claims,
)
from claimcheck.render.html import highlight
from claimcheck.render.json import dumps
from claimcheck.render.markdown import escape as md_escape
from claimcheck.report import DocumentReport, Finding, Report

PAYLOAD = "<script>alert(1)</script>"
TAGS = '"quotes" & <b>tags</b>'


# --- building reports by hand ---------------------------------------------------------------


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def make_claim(text: str, cid: str, start: int, end: int, value: float = 1.0, **kw) -> Claim:
    line, column = line_col(text, start)
    fields = {"qualifier": "exact", "kind": "level", "subject": "", "unit": ""}
    fields.update(kw)
    return Claim(
        id=cid,
        start=start,
        end=end,
        text=text[start:end],
        line=line,
        column=column,
        value=value,
        **fields,
    )


def find(text: str, cid: str, needle: str, value: float, *, nth: int = 0, **kw) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return make_claim(text, cid, start, start + len(needle), value, **kw)


TEXT1 = (
    "Zhao Zhiguo: By the end of September, a total of 4.089 million 5G base stations had "
    "been built.\n"
    "Mobile users reached 1.79 billion, up 2.1% year on year; 5G users were 1.01 billion, "
    "56.4% of all.\n"
    f"Later he said 4.1 million | base stations {PAYLOAD} and {TAGS}.\n"
)
TEXT2 = "Revenue rose to ¥2.5 trillion.\r\nProfit fell 3.2% to $10 billion."


@pytest.fixture
def report() -> Report:
    t = TEXT1
    claims = (
        find(t, "c0001", "4.089 million", 4089000.0, subject="5G base stations",
             period_end="2024-09-30", speaker="Zhao Zhiguo", sentence=t[13:96]),
        find(t, "c0002", "1.79 billion", 1.79e9, subject="mobile users"),
        find(t, "c0003", "2.1%", 2.1, unit="percent", kind="change", subject="mobile users"),
        find(t, "c0004", "1.01 billion", 1.01e9, subject="5G users"),
        find(t, "c0005", "56.4%", 56.4, unit="percent", kind="share",
             subject=f"5G users {PAYLOAD} {TAGS}", sentence=f"a | b {PAYLOAD} {TAGS}"),
        find(t, "c0006", "4.1 million", 4.1e6, qualifier="about", subject="5G | base stations",
             period_start="2024-01-01", period_end="2024-09-30"),
    )  # fmt: skip
    findings = (
        Finding("f0001", "CC201", "share", "info", "5G users are 56.4% of mobile users",
                ("c0005", "c0004", "c0002"), expected=56.42, observed=56.4, slip=0.0),
        Finding("f0002", "CC301", "growth", "warning", "growth stated without a base",
                ("c0003",)),
        Finding("f0003", "CC101", "restatement", "error",
                f"5G base stations stated as 4.089 million | 4.1 million {PAYLOAD}",
                ("c0001", "c0006"), expected=4089000.0, observed=4100000.0, gross=True),
    )  # fmt: skip
    doc1 = DocumentReport("news/transcript.txt", "2024-10-23", t, claims, findings)
    t = TEXT2
    claims2 = (
        find(t, "c0001", "¥2.5 trillion", 2.5e12, unit="CNY", subject="revenue"),
        find(t, "c0002", "3.2%", -3.2, unit="percent", kind="change", subject="profit"),
        find(t, "c0003", "$10 billion", 1e10, unit="USD", subject="profit"),
    )
    findings2 = (
        Finding("f0001", "CC102", "restatement", "info", "revenue agrees", ("c0001",)),
        Finding("f0002", "CC401", "comparative", "error", "profit fell yet rose",
                ("c0003", "c0002")),
    )  # fmt: skip
    doc2 = DocumentReport(None, None, t, claims2, findings2)
    return Report((doc1, doc2))


@pytest.fixture
def single(report: Report) -> Report:
    return Report(report.documents[:1])


# --- registry -------------------------------------------------------------------------------


def test_registry_holds_every_format():
    assert {"text", "json", "jsonl", "markdown", "html", "sarif"} <= set(RENDERERS)
    assert set(CLAIM_FORMATS) == {"table", "json", "jsonl", "csv"}


@pytest.mark.parametrize(
    ("name", "suggestion"), [("jsn", "json"), ("HTML", "html"), ("sarf", "sarif")]
)
def test_unknown_format_suggests(report, name, suggestion):
    with pytest.raises(UnknownFormatError) as info:
        render(report, name)
    err = info.value
    assert isinstance(err, ClaimcheckError) and isinstance(err, ValueError)
    assert err.exit_code == 2
    assert f"did you mean {suggestion!r}?" in str(err)
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err)


def test_unknown_format_without_close_match(report):
    with pytest.raises(UnknownFormatError, match="choose from: html, json") as info:
        render(report, "zzzzzz")
    assert "did you mean" not in str(info.value)


def test_unknown_claim_format_suggests(report):
    with pytest.raises(UnknownFormatError, match="did you mean 'table'"):
        render_claims(report.documents, "tabel")


def test_register_new_format_and_refuse_duplicates(report):
    @register("count")
    def render_count(report: Report, options: RenderOptions) -> str:
        return f"{len(report.findings)} {options.show_info}"

    try:
        assert render(report, "count", show_info=False) == "5 False"
        with pytest.raises(ValueError, match="already registered"):
            register("count")(lambda r, o: "")
        register("count", replace=True)(lambda r, o: "replaced")
        assert render(report, "count") == "replaced"
    finally:
        del RENDERERS["count"]


# --- text -----------------------------------------------------------------------------------

FINDING_LINE = re.compile(r"^(news/transcript\.txt|<text>):\d+:\d+: [A-Z]+\d+ ")


def test_text_one_finding_per_line(report):
    out = render(report, "text")
    lines = out.splitlines()
    heads = [ln for ln in lines if ln and not ln.startswith("    ")][:-1]
    assert len(heads) == len(report.findings)
    assert all(FINDING_LINE.match(ln) for ln in heads), heads
    # Ordered by document, then severity, then position.
    assert heads[0].startswith("news/transcript.txt:1:50: CC101 [error, gross] ")
    assert heads[1].startswith("news/transcript.txt:2:39: CC301 [warning] ")
    assert heads[2].startswith("news/transcript.txt:2:86: CC201 [info] ")
    assert heads[3].startswith("<text>:2:21: CC401 [error] ")
    assert heads[4].startswith("<text>:1:17: CC102 [info] ")
    assert '    c0001 1:50 "4.089 million" = 4089000 (5G base stations, 2024-09-30)' in lines
    assert (
        '    c0006 3:15 "4.1 million" = ~4100000 (5G | base stations, 2024-01-01..2024-09-30)'
        in lines
    )
    assert lines[-1] == (
        "2 errors, 1 warning, 2 info · restatement 2, comparative 1, growth 1, share 1"
        " · 9 claims in 2 documents"
    )
    assert "\x1b[" not in out


def test_text_color_only_when_asked(report):
    out = render(report, "text", color=True)
    assert "\x1b[31m" in out  # red error
    assert "\x1b[33m" in out  # yellow warning
    assert "\x1b[2m" in out  # dim info
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == render(report, "text")


def test_text_hides_info(report):
    out = render(report, "text", show_info=False)
    assert "[info]" not in out
    assert "[warning]" in out
    assert out.splitlines()[-1].endswith("(info findings not shown)")


def test_text_neutralizes_control_characters():
    text = "Sales \x1b[2J 5 units\u202e."
    claim = make_claim(text, "c0001", 11, 12, 5.0, subject="units \x1b[31m")
    finding = Finding(
        "f0001", "CC101", "restatement", "error", "bad \x1b]0;pwned\x07 news", ("c0001",)
    )
    out = render(Report((DocumentReport("-", None, text, (claim,), (finding,)),)), "text")
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("<stdin>:1:12: CC101 [error] bad \\x1b]0;pwned\\x07 news\n")
    assert "(units \\x1b[31m)" in out


def test_text_without_findings():
    doc = DocumentReport("a.txt", None, "nothing", (), ())
    assert render(Report((doc,)), "text") == "no findings · 0 claims in 1 document\n"


# --- json / jsonl ---------------------------------------------------------------------------

CLAIM_KEYS = {"id", "start", "end", "text", "line", "column", "value", "unit", "qualifier", "kind",
              "subject", "period", "speaker", "sentence"}  # fmt: skip
FINDING_KEYS = {"id", "rule", "check", "severity", "gross", "message", "claims", "expected",
                "observed"}  # fmt: skip


def test_json_round_trips_with_contract_keys(report):
    out = render(report, "json")
    data = json.loads(out)
    assert data == json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"claimcheck", "documents"}
    for doc in data["documents"]:
        assert set(doc) == {"path", "date", "claims", "findings"}
        for claim in doc["claims"]:
            assert set(claim) >= CLAIM_KEYS
            assert set(claim["period"]) == {"start", "end"}
        for finding in doc["findings"]:
            assert set(finding) >= FINDING_KEYS
    assert "¥2.5 trillion" in out  # ensure_ascii=False
    assert out.startswith('{\n  "claimcheck"')


def test_json_fallback_for_unknown_types():
    @attrs.frozen
    class Point:
        x: int
        y: float

    class Odd:
        def __str__(self) -> str:
            return "odd"

    data = {
        "date": datetime.date(2024, 10, 23),
        "set": {3, 1, 2},
        "mixed": frozenset({1, "a"}),
        "point": Point(1, float("nan")),
        "odd": Odd(),
        "inf": float("inf"),
        "tuple": (1.5, float("-inf")),
    }
    back = json.loads(dumps(data))
    assert back["date"] == "2024-10-23"
    assert back["set"] == [1, 2, 3]
    assert sorted(map(str, back["mixed"])) == ["1", "a"]
    assert back["point"] == {"x": 1, "y": None}
    assert back["odd"] == "odd"
    assert back["inf"] is None
    assert back["tuple"] == [1.5, None]


def test_jsonl_one_claim_per_line(report):
    lines = render(report, "jsonl").splitlines()
    assert len(lines) == len(report.claims)
    rows = [json.loads(ln) for ln in lines]
    assert rows[0]["document"] == "news/transcript.txt"
    assert rows[-1]["document"] is None
    assert rows[0]["id"] == "c0001" and rows[0]["value"] == 4089000.0


# --- claim lists (extract) ------------------------------------------------------------------


def test_render_claims_json_and_jsonl(report):
    sources = [(d.path, d.date, d.claims) for d in report.documents]
    data = json.loads(render_claims(sources, "json"))
    assert set(data) == {"claimcheck", "documents"}
    assert [d["path"] for d in data["documents"]] == ["news/transcript.txt", None]
    assert data["documents"][0]["date"] == "2024-10-23"
    assert data["documents"][0]["claims"][0] == report.documents[0].claims[0].to_dict()
    assert render_claims(sources, "jsonl") == render(report, "jsonl")
    assert render_claims(report.documents, "json") == render_claims(sources, "json")


def test_render_claims_csv_parses_back(report):
    out = render_claims(report.documents, "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(report.claims)
    first, share, around = rows[0], rows[4], rows[5]
    assert first["document"] == "news/transcript.txt"
    assert first["text"] == "4.089 million" and float(first["value"]) == 4089000.0
    assert (first["period_start"], first["period_end"]) == ("", "2024-09-30")
    assert (around["period_start"], around["period_end"]) == ("2024-01-01", "2024-09-30")
    assert share["subject"] == f"5G users {PAYLOAD} {TAGS}"
    assert share["sentence"] == f"a | b {PAYLOAD} {TAGS}"
    assert first["sentence"] == report.documents[0].claims[0].sentence
    assert rows[-1]["document"] == "" and rows[-1]["unit"] == "USD"
    assert float(rows[-2]["value"]) == -3.2


def test_render_claims_table(report):
    out = render_claims([(d.path, d.date, d.claims) for d in report.documents], "table")
    lines = out.splitlines()
    assert lines[0] == "news/transcript.txt (2024-10-23): 6 claims"
    assert lines[1].split() == ["id", "line:col", "text", "value", "unit", "qualifier", "kind",
                                "period", "subject"]  # fmt: skip
    # Aligned: every column of the header starts where the rows' cells start.
    assert lines[2].index("4.089 million") == lines[1].index("text")
    assert lines[2].index("exact") == lines[1].index("qualifier")
    long_subject = next(ln for ln in lines if ln.startswith("c0005"))
    assert long_subject.endswith("…") and TAGS not in long_subject
    assert "<text>: 3 claims" in lines


# --- markdown -------------------------------------------------------------------------------


def _unescaped_pipes(row: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", row))


def test_markdown_escapes_table_metacharacters(report):
    out = render(report, "markdown")
    assert PAYLOAD not in out and "<b>" not in out
    assert "&lt;script&gt;" in out
    assert r"4.089 million \| 4.1 million" in out
    table_rows = [ln for ln in out.splitlines() if ln.startswith("| ")]
    for row in table_rows:  # 5, 6 or 8 columns: no row gains a cell from the text
        assert _unescaped_pipes(row) in (6, 7, 9), row
    assert "## news/transcript.txt (2024-10-23)" in out
    assert "## &lt;text&gt;" in out
    assert "🔴 **error** (gross)" in out
    assert "<details>" in out and "<summary>All 6 claims</summary>" in out


@given(st.text())
def test_markdown_escape_is_one_inert_line(s):
    out = md_escape(s)
    assert "\n" not in out and "\r" not in out
    assert "<" not in out and ">" not in out
    assert _unescaped_pipes(out) == 0
    assert not re.search(r"(?<!\\)(?:\\\\)*`", out)


# --- html -----------------------------------------------------------------------------------


def test_html_escapes_document_text(report):
    out = render(report, "html")
    assert PAYLOAD not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;" in out
    assert "<b>tags</b>" not in out
    assert "<script" not in out.lower()  # no script of ours either


def test_html_is_self_contained(report):
    out = render(report, "html")
    assert out.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", out, re.I)
    assert "@import" not in out and "url(" not in out
    assert "<link" not in out and "<iframe" not in out and "<img" not in out
    assert "Content-Security-Policy" in out and "default-src 'none'" in out


def test_html_anchors_link(report, single):
    for rep in (report, single):
        out = render(rep, "html")
        ids = set(re.findall(r'\sid="([^"]+)"', out))
        hrefs = set(re.findall(r'href="#([^"]+)"', out))
        assert hrefs and hrefs <= ids
    out = render(single, "html")  # ids unique in the report: anchors are the bare claim ids
    assert '<mark id="c0001" class="claim kind-level cited-error"' in out
    assert 'href="#c0001"' in out and 'id="f0003"' in out
    assert 'class="claim kind-level"' not in out  # every claim here is cited
    out = render(report, "html")  # c0001 in both documents: prefixed
    assert 'id="d1-c0001"' in out and 'id="d2-c0001"' in out
    assert 'class="claim kind-share cited-info"' in out


def test_html_hides_info(single):
    out = render(single, "html", show_info=False)
    assert "5G users are 56.4%" not in out
    assert "1 info finding not shown" in out
    assert 'class="claim kind-share"' in out  # no longer highlighted as cited


def test_html_skips_overlapping_claims():
    text = "one 12345 two"
    a = make_claim(text, "c0001", 4, 9)
    b = make_claim(text, "c0002", 6, 11)  # overlaps a: skipped
    out = highlight(text, [b, a], lambda c, inner: f"[{c.id}:{inner}]")
    assert out == "one [c0001:12345] two"


def test_html_links_only_to_placed_claims():
    text = "one 12345 two"
    a = make_claim(text, "c0001", 4, 9)
    b = make_claim(text, "c0002", 6, 11)  # overlaps a: not highlighted, so not linked
    finding = Finding("f0001", "CC101", "restatement", "error", "x", ("c0002", "c0001"))
    out = render(Report((DocumentReport("t.txt", None, text, (a, b), (finding,)),)), "html")
    assert 'id="c0001"' in out and 'id="c0002"' not in out
    assert 'href="#c0001"' in out and 'href="#c0002"' not in out
    assert "<code>c0002</code>" in out  # still listed under its finding


class _DocText(HTMLParser):
    """Collects the visible text and the tags inside ``<pre class="doc">``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.texts: list[list[str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs_):
        if tag == "pre" and ("class", "doc") in attrs_:
            self.depth = 1
            self.texts.append([])
        elif self.depth:
            self.depth += 1
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1].append(data)


@st.composite
def documents(draw):
    """Arbitrary text with claims at arbitrary non-overlapping, non-empty spans."""
    text = draw(st.text())
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    claims = tuple(
        make_claim(text, f"c{i:04d}", a, b, float(i), subject=draw(st.text(max_size=20)))
        for i, (a, b) in enumerate(spans, start=1)
    )
    findings = tuple(
        Finding(f"f{i:04d}", "CC101", "restatement", sev, draw(st.text(max_size=30)), (c.id,))
        for i, (c, sev) in enumerate(
            zip(
                claims, draw(st.lists(st.sampled_from(["error", "warning", "info"]))), strict=False
            ),
            start=1,
        )
    )
    path = draw(st.one_of(st.none(), st.text(min_size=1, max_size=20)))
    return DocumentReport(path, None, text, claims, findings)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_html_keeps_exactly_the_document_text(doc):
    out = render(Report((doc,)), "html")
    parser = _DocText()
    parser.feed(out)
    parser.close()
    assert len(parser.texts) == 1
    # A newline right after <pre> is dropped by HTML parsers; we always emit one.
    visible = "".join(parser.texts[0])
    assert visible.startswith("\n")
    assert visible[1:] == doc.text
    assert set(parser.tags) <= {"mark", "a"}
    assert parser.tags.count("mark") == len(doc.claims)


# --- sarif ----------------------------------------------------------------------------------


def test_sarif_log(report):
    log = json.loads(render(report, "sarif"))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["informationUri"].startswith("https://")
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) == 5
    results = run["results"]
    assert len(results) == len(report.findings)
    for result in results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert driver["rules"][result["ruleIndex"]]["name"] == result["properties"]["check"]
    levels = {r["properties"]["findingId"] + r["ruleId"]: r["level"] for r in results}
    assert levels["f0003CC101"] == "error"
    assert levels["f0002CC301"] == "warning"
    assert levels["f0001CC201"] == "note"
    prints = [r["partialFingerprints"]["claimcheck/v1"] for r in results]
    assert len(set(prints)) == len(prints)
    assert prints == [
        r["partialFingerprints"]["claimcheck/v1"]
        for r in json.loads(render(report, "sarif"))["runs"][0]["results"]
    ]


def test_sarif_regions_are_one_based(report):
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    growth = next(r for r in results if r["ruleId"] == "CC301")  # "2.1%" on line 2
    loc = growth["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "news/transcript.txt"}
    column = TEXT1.split("\n")[1].index("2.1%") + 1
    assert loc["region"] == {
        "startLine": 2,
        "startColumn": column,
        "endLine": 2,
        "endColumn": column + len("2.1%"),
        "snippet": {"text": "2.1%"},
    }
    # Related locations for the further cited claims; CRLF counts as one line break.
    comparative = next(r for r in results if r["ruleId"] == "CC401")
    assert comparative["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    (related,) = comparative["relatedLocations"]
    region = related["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 13, 17)
    assert "uri" not in related["physicalLocation"]["artifactLocation"]  # text given directly


def test_sarif_region_spanning_lines_and_wide_characters():
    text = "总计 ¥\n2.5 万亿元"
    claim = make_claim(text, "c0001", 3, 10, 2.5e12, unit="CNY")
    finding = Finding("f0001", "CC101", "restatement", "info", "ok", ("c0001",))
    log = json.loads(
        render(Report((DocumentReport("a b.txt", None, text, (claim,), (finding,)),)), "sarif")
    )
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "a%20b.txt"
    assert loc["region"]["startLine"] == 1 and loc["region"]["startColumn"] == 4
    assert loc["region"]["endLine"] == 2 and loc["region"]["endColumn"] == 6  # just after 万


def test_sarif_hides_info(report):
    results = json.loads(render(report, "sarif", show_info=False))["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning"}
