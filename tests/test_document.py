"""Document: exact text, offsets and segmentation on the real corpus and on small texts."""

from __future__ import annotations

import datetime
import pathlib
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.dates import find_document_date, parse_date
from claimcheck.document import Document, Section, Sentence, Span, Turn
from claimcheck.errors import ClaimcheckError, InputError

CLAIMS = pathlib.Path(__file__).resolve().parent.parent / "claims"
SCIO = CLAIMS / "scio-2024-10-23-industry-it" / "transcript.txt"
BLS = CLAIMS / "bls-employment-situation-2023-03" / "document.txt"
ONS = CLAIMS / "ons-balance-of-payments-2014-q1" / "document.txt"


def sentences(text: str) -> list[str]:
    doc = Document(text)
    return [s.text(doc.text) for s in doc.sentences]


def paragraphs(text: str) -> list[str]:
    doc = Document(text)
    return [p.text(doc.text) for p in doc.paragraphs]


def sentence_containing(doc: Document, needle: str) -> Sentence:
    return doc.sentence_at(doc.text.index(needle))


# --- the corpus ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scio() -> Document:
    return Document.from_path(SCIO)


@pytest.fixture(scope="module")
def bls() -> Document:
    return Document.from_path(BLS)


@pytest.fixture(scope="module")
def ons() -> Document:
    return Document.from_path(ONS)


class TestTranscript:
    def test_text_is_the_file_exactly(self, scio: Document) -> None:
        assert scio.text == SCIO.read_text(encoding="utf-8").removeprefix("\ufeff")
        assert scio.path == str(SCIO)

    def test_date_from_dateline_and_date_label(self, scio: Document) -> None:
        assert scio.date == datetime.date(2024, 10, 23)

    def test_speaker_of_a_claim(self, scio: Document) -> None:
        needle = "4.089 million 5G base stations had been built"
        sentence = sentence_containing(scio, needle)
        assert sentence.text(scio.text) == (
            "By the end of September, a total of 4.089 million 5G base stations had been built,"
            " leading to a 5G user penetration rate of 69.6%."
        )
        assert sentence.speaker == "Zhao Zhiguo"
        assert scio.speaker_at(scio.text.index(needle)) == "Zhao Zhiguo"

    def test_header_labels_are_not_turns(self, scio: Document) -> None:
        speakers = {turn.speaker for turn in scio.turns}
        assert not speakers & {"Speakers", "Chairperson", "Date"}
        assert scio.turns[0].speaker == "Shou Xiaoli"
        assert scio.speaker_at(scio.text.index("Speakers:")) == ""
        assert sentence_containing(scio, "Oct. 23, 2024\n").speaker == ""

    @pytest.mark.parametrize(
        "speaker",
        [
            "Nanfang Daily, Nanfang Plus",  # trailing NBSP and space after the colon
            "21st Century Business Herald",  # starts with a digit
            "Zhonghongwang.com",  # a dot that does not end a sentence
            "CCTV",
            "Tao Qing",
        ],
    )
    def test_outlets_and_officials_are_turns(self, scio: Document, speaker: str) -> None:
        assert speaker in {turn.speaker for turn in scio.turns}

    def test_turns_follow_each_other(self, scio: Document) -> None:
        assert len(scio.turns) == 26
        for before, after in zip(scio.turns, scio.turns[1:], strict=False):
            assert before.end == after.start
        assert scio.turns[-1].end == len(scio.text)
        turn = scio.turns[3]
        assert scio.text[turn.start :].startswith("CCTV:")

    def test_page_breaks_split_sections(self, scio: Document) -> None:
        assert len(scio.sections) == scio.text.count("_ueditor_page_break_tag_") + 1
        assert not any("_ueditor_page_break_tag_" in s.text(scio.text) for s in scio.sentences)

    def test_dateline_is_not_split_after_p_m(self, scio: Document) -> None:
        first = scio.sentences[0].text(scio.text)
        assert first.endswith("Beijing | 3 p.m. Oct. 23, 2024")


class TestBLS:
    def test_us_bureau_does_not_split(self, bls: Document) -> None:
        sentence = sentence_containing(bls, "Total nonfarm payroll employment rose by 236,000")
        text = sentence.text(bls.text)
        assert text.endswith("the U.S. Bureau of Labor Statistics reported today.")
        assert "\n" in text  # the hard wrap stays inside the sentence

    def test_sections(self, bls: Document) -> None:
        titles = [s.title for s in bls.sections]
        assert titles == [
            "Jobs Report - March 2023",
            "THE EMPLOYMENT SITUATION -- MARCH 2023",
            "Household Survey Data",
            "Establishment Survey Data",
            "",  # after the "_____________" rule
        ]
        last = bls.sections[-1]
        assert (
            bls.text[last.start : last.end].strip().startswith("The Employment Situation for April")
        )

    def test_hard_wrapped_block_is_one_paragraph(self, bls: Document) -> None:
        paragraph = bls.paragraphs[
            sentence_containing(bls, "These individuals accounted").paragraph
        ]
        assert paragraph.text(bls.text).startswith("The number of long-term unemployed")
        assert paragraph.text(bls.text).endswith("(See table A-12.)")

    def test_no_date_from_next_release(self, bls: Document) -> None:
        assert bls.date is None  # only "scheduled to be released on Friday, May 5, 2023"
        assert Document(bls.text, date="2023-04-07").date == datetime.date(2023, 4, 7)

    def test_no_turns(self, bls: Document) -> None:
        assert bls.turns == ()
        assert all(s.speaker == "" for s in bls.sentences)


class TestONS:
    def test_crlf_offsets_are_exact(self, ons: Document) -> None:
        raw = ONS.read_bytes().decode("utf-8")
        assert ons.text == raw and "\r\n" in ons.text
        needle = "The deficit in Quarter 1 2014 equated to 4.4% of GDP"
        sentence = sentence_containing(ons, needle)
        assert sentence.start == ons.text.index(needle)
        assert sentence.text(ons.text).endswith("down from 5.7% in Quarter 4 2013.")
        for s in ons.sentences:
            assert "\r" not in s.text(ons.text)

    def test_line_col_counts_crlf_once(self, ons: Document) -> None:
        assert ons.line_col(ons.text.index("## Key points")) == (12, 1)
        assert ons.line_col(ons.text.index("Economy")) == (1, 8)

    def test_header_fields_and_list_items_are_paragraphs(self, ons: Document) -> None:
        texts = [p.text(ons.text) for p in ons.paragraphs]
        assert "Next release: 30 September 2014" in texts
        assert "Theme: Economy" in texts
        item = "- The narrowing of the current account deficit was due to all three components"
        assert f"{item} improving." in texts

    def test_markdown_sections(self, ons: Document) -> None:
        titles = [s.title for s in ons.sections]
        assert titles[:4] == ["", "Key points", "Summary", "Figure 1: Current account balances"
                              " (Seasonally adjusted)"]  # fmt: skip
        assert "Income (Table G)" in titles

    def test_no_date_from_next_release(self, ons: Document) -> None:
        assert ons.date is None


# --- small texts, one rule each ------------------------------------------------------------

SENTENCE_CASES = [
    ("two sentences", "Sales rose 4.089 million. Prices fell.", ["Sales rose 4.089 million.", "Prices fell."]),
    ("decimal", "It rose 4.089 percent in Q3.", ["It rose 4.089 percent in Q3."]),
    ("month abbrev", "It opened Oct. 23, 2024 in Beijing.", ["It opened Oct. 23, 2024 in Beijing."]),
    ("sept abbrev", "Sept. 5, 2024 was a Thursday.", ["Sept. 5, 2024 was a Thursday."]),
    ("pm then month", "At 3 p.m. Oct. 23 it began.", ["At 3 p.m. Oct. 23 it began."]),
    ("am", "At 8:30 a.m. Markets opened.", ["At 8:30 a.m. Markets opened."]),
    ("US", "The U.S. Bureau of Labor Statistics reported.", ["The U.S. Bureau of Labor Statistics reported."]),
    ("UK", "The U.K. Office said so.", ["The U.K. Office said so."]),
    ("honorifics", "Mr. Zhao spoke. Ms. Tao and Dr. Li answered.", ["Mr. Zhao spoke.", "Ms. Tao and Dr. Li answered."]),
    ("initial", "J. Smith met St. John.", ["J. Smith met St. John."]),
    ("companies", "Acme Inc. and Foo Corp. and Bar Co. and Baz Ltd. rose.", ["Acme Inc. and Foo Corp. and Bar Co. and Baz Ltd. rose."]),
    ("No.", "No. 5 rose. Vol. 2 fell.", ["No. 5 rose.", "Vol. 2 fell."]),
    ("vs", "Growth vs. Inflation was the theme.", ["Growth vs. Inflation was the theme."]),
    ("eg ie", "Some, e.g. Steel, and i.e. Coal.", ["Some, e.g. Steel, and i.e. Coal."]),
    ("approx fig", "Approx. 5 units. Fig. 3 shows it.", ["Approx. 5 units.", "Fig. 3 shows it."]),
    ("etc lowercase", "Nuts, etc. are sold. Then prices fell.", ["Nuts, etc. are sold.", "Then prices fell."]),
    ("etc uppercase", "We sold pears etc. Then we left.", ["We sold pears etc.", "Then we left."]),
    ("closing quote", 'He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
    ("bracket next", "It rose. (See table A-1.) The rate fell.", ["It rose.", "(See table A-1.)", "The rate fell."]),
    ("question exclaim", "Why? Because it rose! Really.", ["Why?", "Because it rose!", "Really."]),
    ("digit next", "It rose 5.8%. 4.1 million were built.", ["It rose 5.8%.", "4.1 million were built."]),
    ("lowercase next", "See version 2. the next one.", ["See version 2. the next one."]),
    ("hard wrap", "It rose.\nThen it fell.", ["It rose.", "Then it fell."]),
    ("crlf wrap", "It rose by\r\n5%.\r\nThen it fell.", ["It rose by\r\n5%.", "Then it fell."]),
    ("cjk", "增长了5.8%。今年完成。", ["增长了5.8%。", "今年完成。"]),
    ("surrounding space", "  \t It rose.   Then it fell.  \n", ["It rose.", "Then it fell."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES]
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


PARAGRAPH_CASES = [
    ("blank line", "One.\n\nTwo.", ["One.", "Two."]),
    ("whitespace-only line with CR", "One.\r\n \t\r\nTwo.", ["One.", "Two."]),
    ("hard wrap", "line one\nline two\n\nnext", ["line one\nline two", "next"]),
    ("list items", "- a\n- b\n  continued\n1. c\n* d", ["- a", "- b\n  continued", "1. c", "* d"]),
    ("heading then text", "## H\nText one.\nText two.", ["## H", "Text one.\nText two."]),
    ("field block", "Theme: Economy\nLevel 3:\nNext release: 30 September 2014",
     ["Theme: Economy", "Level 3:", "Next release: 30 September 2014"]),
    ("table rows", "| a | 1 |\n| b | 2 |", ["| a | 1 |", "| b | 2 |"]),
    ("form feed", "One\fTwo", ["One", "Two"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PARAGRAPH_CASES], ids=[c[0] for c in PARAGRAPH_CASES]
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


def test_sentence_never_crosses_paragraphs() -> None:
    doc = Document("It rose by\n\n5 percent. Then")
    assert [s.text(doc.text) for s in doc.sentences] == ["It rose by", "5 percent.", "Then"]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]


SECTION_CASES = [
    ("page break tag", "Intro.\n\n_ueditor_page_break_tag_\n\nBody.", ["", ""]),
    ("form feed", "Intro.\fBody.", ["", ""]),
    ("markdown headings", "# Title\n\nText.\n\n## Next ##\n\nMore.", ["Title", "Next"]),
    ("rule", "Intro.\n\n-----\n\nAfter.", ["", ""]),
    ("underscore rule", "Intro.\n\n_____________\nAfter.", ["", ""]),
    ("setext at start", "Results\n=======\n\nText.", ["Results"]),
    ("setext", "Intro.\n\nResults\n-------\nText.", ["", "Results"]),
    ("all caps title", "Intro.\n\n    THE SITUATION -- MARCH 2023\n\nText.", ["", "THE SITUATION -- MARCH 2023"]),
    ("trailing break", "Intro.\n\n_ueditor_page_break_tag_\n", [""]),
    ("consecutive breaks", "A.\n\n_ueditor_page_break_tag_\n\n_ueditor_page_break_tag_\n\nB.", ["", ""]),
    ("heading after break", "A.\n\n_ueditor_page_break_tag_\n\n## H\n\nB.", ["", "H"]),
    ("hashtag is not a heading", "#tag rose.\n\nText.", [""]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "titles"), [c[1:] for c in SECTION_CASES], ids=[c[0] for c in SECTION_CASES]
)
def test_sections(text: str, titles: list[str]) -> None:
    doc = Document(text)
    assert [s.title for s in doc.sections] == titles
    assert doc.sections[0].start == 0 and doc.sections[-1].end == len(text)


def test_sentence_section_index() -> None:
    doc = Document("Intro.\n\n## Results\n\nIt rose.")
    assert [(s.text(doc.text), s.section) for s in doc.sentences] == [
        ("Intro.", 0),
        ("## Results", 1),
        ("It rose.", 1),
    ]


TRANSCRIPT = """Briefing

Speakers:

Mr. Zhao Zhiguo, spokesperson

Host:

Welcome. Mr. Zhao will speak.

Mr. Zhao Zhiguo:

Output rose 5.8%.

CCTV:
What next?

Zhao Zhiguo:

More growth.
"""


def test_turns() -> None:
    doc = Document(TRANSCRIPT)
    assert [t.speaker for t in doc.turns] == ["Zhao Zhiguo", "CCTV", "Zhao Zhiguo"]
    assert doc.speaker_at(doc.text.index("Welcome")) == ""  # "Host:" heads the header
    assert doc.speaker_at(doc.text.index("5.8%")) == "Zhao Zhiguo"
    assert sentence_containing(doc, "What next").speaker == "CCTV"
    assert doc.turns[-1].end == len(doc.text)


NOT_TURN_CASES = [
    ("header labels", "Speakers:\n\nA\n\nDate:\n\nB\n\nSpeakers:\n\nC"),
    ("labels of a report", "Background:\n\nText.\n\nFindings:\n\nText."),
    ("one speaker only", "Zhao:\n\nText.\n\nZhao:\n\nMore."),
    ("sentence before colon", "He said this. Then:\n\nA.\n\nHe said this. Then:\n\nB.\n\nX:\n\nC."),
    ("too long", "One two three four five six seven eight nine:\n\nA.\n\n" * 2 + "X:\n\nB."),
    ("lower case", "note:\n\nA.\n\nnote:\n\nB.\n\nother:\n\nC."),
    ("indented listing", "Panel A:\n  Mr. X\n\nPanel A:\n  Ms. Y\n\nB:\n\nx"),
    ("inside a block", "Theme: Economy\nLevel 3:\nTheme: x\nLevel 3:\nOther:\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_TURN_CASES], ids=[c[0] for c in NOT_TURN_CASES])
def test_not_turns(text: str) -> None:
    assert Document(text).turns == ()


# --- dates ---------------------------------------------------------------------------------

DATE_CASES = [
    ("dateline", "SCIO briefing\nBeijing | 3 p.m. Oct. 23, 2024\n\nText.", datetime.date(2024, 10, 23)),
    ("date label next line", "Speakers:\n\nDate:\n\nOct. 23, 2024\n", datetime.date(2024, 10, 23)),
    ("date label same line", "Report\nDate: Wednesday, 23 October 2024\n", datetime.date(2024, 10, 23)),
    ("label beats dateline", "Title\n7 Apr 2023\n\nDate: 2023-04-08\n", datetime.date(2023, 4, 8)),
    ("iso", "Release\n2024-10-23\n", datetime.date(2024, 10, 23)),
    ("sept", "Sept. 5, 2024\n\nText.", datetime.date(2024, 9, 5)),
    ("published on", "Published on 5 March 2024\n", datetime.date(2024, 3, 5)),
    ("next release", "Headline.\nNext release: 30 September 2014\n", None),
    ("scheduled", "Text.\n\nThe report is scheduled to be released on Friday,\nMay 5, 2023, at 8:30 a.m.", None),
    ("prose", "It rose on 5 March 2023, the highest level since records began.", None),
    ("period start", "Data from 5 March 2024\n", None),
    ("range", "1 January 2024 to 31 March 2024\n", None),
    ("month and year only", "THE EMPLOYMENT SITUATION -- MARCH 2023\n", None),
    ("invalid day", "February 30, 2024\n", None),
    ("none", "No dates here.", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES]
)
def test_find_document_date(text: str, expected: datetime.date | None) -> None:
    assert find_document_date(text) == expected
    assert Document(text).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct. 23, 2024", datetime.date(2024, 10, 23)),
        ("October 23, 2024", datetime.date(2024, 10, 23)),
        ("23 October 2024", datetime.date(2024, 10, 23)),
        ("2024-10-23", datetime.date(2024, 10, 23)),
        ("Sept. 5, 2024", datetime.date(2024, 9, 5)),
        ("7 Apr 2023", datetime.date(2023, 4, 7)),
        ("Friday, May 5, 2023", datetime.date(2023, 5, 5)),
        ("5 May", None),
        ("2024-13-01", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: datetime.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (datetime.date(2024, 1, 2), datetime.date(2024, 1, 2)),
        ("2024-01-02", datetime.date(2024, 1, 2)),
        (datetime.datetime(2024, 1, 2, 3, 4), datetime.date(2024, 1, 2)),
    ],
    ids=["date", "iso string", "datetime"],
)
def test_given_date_wins(given: datetime.date | str, expected: datetime.date) -> None:
    doc = Document("Date: Oct. 23, 2024\n\nText.", date=given)
    assert doc.date == expected and type(doc.date) is datetime.date


@pytest.mark.parametrize("bad", ["23/10/2024", "2024-02-30", "yesterday", "20241023"])
def test_bad_date_string(bad: str) -> None:
    with pytest.raises(InputError, match="bad date"):
        Document("Text.", path="x.txt", date=bad)


def test_bad_date_type() -> None:
    with pytest.raises(TypeError):
        Document("Text.", date=20241023)  # type: ignore[arg-type]


# --- lookups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, (1, 1)), (1, (1, 2)), (2, (1, 3)), (3, (2, 1)), (5, (3, 1)), (7, (4, 1)), (9, (4, 3))],
)
def test_line_col(offset: int, expected: tuple[int, int]) -> None:
    assert Document("a\r\nb\rc\nd😀x").line_col(offset) == expected


def test_line_col_out_of_range() -> None:
    with pytest.raises(ValueError, match="outside"):
        Document("abc").line_col(4)


def test_sentence_at() -> None:
    doc = Document("One.   Two.\n\nThree.")
    one, two, three = doc.sentences
    assert doc.sentence_at(0) is one
    assert doc.sentence_at(5) is one  # between sentences: the one before
    assert doc.sentence_at(doc.text.index("Two")) is two
    assert doc.sentence_at(len(doc.text)) is three
    with pytest.raises(ValueError, match="no sentences"):
        Document("  ").sentence_at(0)


def test_bom_removed_once() -> None:
    assert Document("\ufeffIt rose.").text == "It rose."
    assert Document("\ufeff\ufeffIt rose.").text == "\ufeffIt rose."


def test_spans_are_small_frozen_values() -> None:
    span = Span(0, 3)
    assert span.text("abcdef") == "abc"
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]
    assert Sentence(0, 1, 0, 0, "X") == Sentence(0, 1, 0, 0, "X")
    assert Section(0, 1, "T").title == "T" and Turn(0, 1, "Zhao").speaker == "Zhao"


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle(protocol: int) -> None:
    doc = Document("\ufeff\ufeff" + TRANSCRIPT, path="t.txt", date="2024-10-23")
    back = pickle.loads(pickle.dumps(doc, protocol=protocol))
    assert (back.text, back.path, back.date) == (doc.text, doc.path, doc.date)
    assert back.sentences == doc.sentences and back.turns == doc.turns
    assert pickle.loads(pickle.dumps(doc.sentences[0], protocol=protocol)) == doc.sentences[0]


# --- reading files and bytes ---------------------------------------------------------------


def test_from_path_missing(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match="no such file") as info:
        Document.from_path(tmp_path / "nope.txt")
    assert isinstance(info.value, OSError) and isinstance(info.value, ClaimcheckError)
    assert "\n" not in str(info.value)


def test_from_path_dash_is_a_file_name(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        Document.from_path("-")


def test_from_path_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match="directory"):
        Document.from_path(tmp_path)


def test_from_path_permission_denied(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Text.")

    def denied(self: pathlib.Path) -> bytes:  # root reads chmod 000 files, so simulate it
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "read_bytes", denied)
    with pytest.raises(InputError, match="permission denied"):
        Document.from_path(path)


def test_from_path_reads_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"\xef\xbb\xbfDate: 2024-10-23\r\n\r\nIt rose.")
    doc = Document.from_path(path)
    assert doc.text == "Date: 2024-10-23\r\n\r\nIt rose."
    assert doc.path == str(path) and doc.date == datetime.date(2024, 10, 23)
    assert Document.from_path(str(path), date="2020-01-01").date == datetime.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \r\n\t\n", "only whitespace"),
        (b"\xef\xbb\xbf  \n", "only whitespace"),
        (b"PK\x03\x04\x00\x00binary", "binary data .NUL byte at offset 4"),
        (b"caf\xe9 au lait", "not valid UTF-8: byte 0xe9 at offset 3"),
        (b"ok\n" * 5000 + b"\xff", "offset 15000"),
    ],
    ids=["empty", "whitespace", "bom and whitespace", "binary", "latin-1", "bad byte late"],
)
def test_from_bytes_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        Document.from_bytes(data, source="<stdin>")
    assert str(info.value).startswith("<stdin>: ")


def test_from_bytes_utf16_with_bom() -> None:
    doc = Document.from_bytes("It rose 5.8%.\n".encode("utf-16"), source="u16.txt")
    assert doc.text == "It rose 5.8%.\n" and doc.path == "u16.txt"


def test_from_bytes_keeps_text_exact() -> None:
    data = "Zhao:\r\n\r\nIt rose\u00a0 5.8%.\r\n".encode()
    assert Document.from_bytes(data).text == data.decode()


# --- properties ----------------------------------------------------------------------------

FRAGMENTS = [
    "Oct. ", "U.S. ", "p.m. ", "Mr. ", "J. ", "4.089", "5.8%", "It rose", " ", "\xa0", "\u3000",
    "\n", "\r\n", "\r", "\n\n", "\f", ". ", "? ", "! ", "。", '"', "”", ")", "(", "A", "a", "1",
    "Zhao Zhiguo:\n", "CCTV:\n\n", "Speakers:\n", "## Head\n", "#", "_ueditor_page_break_tag_",
    "-----\n", "=====", "- ", "1. ", "| a |", "Theme: x\n", "THE TITLE\n", "Date: Oct. 23, 2024\n",
    "\ufeff", "\x00", "\u2028", "\x85",
]  # fmt: skip
documents = st.one_of(
    st.text(),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=40).map("".join),
)


def naive_line_col(text: str, offset: int) -> tuple[int, int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    line = sum(1 for s in starts if s <= offset)
    return line, offset - starts[line - 1] + 1


@given(documents)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_segmentation_invariants(text: str) -> None:
    doc = Document(text)
    body = doc.text
    previous_end = 0
    for s in doc.sentences:
        piece = body[s.start : s.end]
        assert piece and piece.strip() == piece
        assert previous_end <= s.start < s.end <= len(body)
        previous_end = s.end
        paragraph = doc.paragraphs[s.paragraph]
        assert paragraph.start <= s.start and s.end <= paragraph.end
        section = doc.sections[s.section]
        assert section.start <= s.start < section.end
        assert s.speaker == doc.speaker_at(s.start)
        assert doc.sentence_at(s.start) is s
    for before, after in zip(doc.paragraphs, doc.paragraphs[1:], strict=False):
        assert before.end <= after.start
    assert doc.sections[0].start == 0 and doc.sections[-1].end == len(body)
    for before, after in zip(doc.sections, doc.sections[1:], strict=False):
        assert before.end == after.start and before.start < before.end
    for turn in doc.turns:
        assert body[turn.start :].startswith(turn.speaker) or ":" in body[turn.start : turn.end]


@given(st.text(alphabet=st.characters(exclude_characters="_-=*~")))
@settings(max_examples=300)
def test_sentences_cover_all_non_blank_text(text: str) -> None:
    # Without rule or page-break lines, every non-space character is in some sentence.
    doc = Document(text)
    covered = bytearray(len(doc.text))
    for s in doc.sentences:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    for i, ch in enumerate(doc.text):
        assert covered[i] or ch.isspace()


@given(documents, st.data())
@settings(max_examples=300)
def test_line_col_matches_naive(text: str, data: st.DataObject) -> None:
    doc = Document(text)
    offset = data.draw(st.integers(0, len(doc.text)))
    assert doc.line_col(offset) == naive_line_col(doc.text, offset)


# --- speed ---------------------------------------------------------------------------------

PATHOLOGICAL = {
    "dots": "a" + "." * 1_000_000 + " B",
    "dot space": ". " * 500_000,
    "hashes": "## " + "# " * 500_000 + "x",
    "blank lines": "\n" * 1_000_000,
    "spaces": " " * 1_000_000 + "x",
    "one long line": "Oct. 23, 2024 word. " * 50_000,
    "rule then x": "- " * 500_000 + "x",
    "form feeds": "\f" * 500_000 + "x",
    "trailing spaces": "x" + " " * 1_000_000 + "\ny",
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_inputs_segment(text: str) -> None:
    # Speed is measured in benchmarks/, never asserted here; a catastrophic regex would hang CI.
    doc = Document(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
