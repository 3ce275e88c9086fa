"""The first pipeline stage: a document's text exactly as decoded, and its segmentation.

Every later stage reports claims as ``document.text[start:end]`` offsets, so the text is never
normalized (only one leading BOM is dropped) and every segment is a pair of offsets into it:

- ``paragraphs``: blocks between blank lines; headings, list items, table rows, speaker lines
  and the lines of a ``Label: value`` header block are paragraphs of their own.
- ``sentences``: split inside paragraphs, never across them, and not after abbreviations
  ("Oct.", "U.S.", "p.m.", "Mr.", "J. Smith") or inside decimals ("4.089"). Together they
  cover every non-blank character except the separator lines (page-break markers, rules).
- ``sections``: split at page breaks (``_ueditor_page_break_tag_``, form feed), Markdown and
  underlined headings, rules (``-----``, ``_____``) and ALL-CAPS title lines.
- ``turns``: in transcripts, a line holding only ``Name:`` starts a speaker turn.

Everything is linear in the text's length: regexes are compiled once, have no nested
unbounded quantifiers, and Python loops run per line or per sentence, never per character.
"""

from __future__ import annotations

import bisect
import datetime
import os
import re
from collections import Counter
from pathlib import Path

import attrs

from .dates import find_document_date
from .errors import InputError

__all__ = ["Document", "Section", "Sentence", "Span", "Turn"]


@attrs.frozen(slots=True)
class Span:
    """A stretch ``[start, end)`` of a document's text; offsets only, the text stays in one place."""

    start: int
    end: int

    def text(self, doc_text: str) -> str:
        """This span's characters in ``doc_text`` (the document's ``text``)."""
        return doc_text[self.start : self.end]


@attrs.frozen(slots=True)
class Sentence(Span):
    """A sentence, stripped of surrounding whitespace, with what later stages ask about it."""

    paragraph: int  #: index into ``Document.paragraphs``
    section: int  #: index into ``Document.sections``
    speaker: str = ""  #: the speaker of the turn holding it, "" outside transcripts


@attrs.frozen(slots=True)
class Section(Span):
    """A run of the text between section breaks; sections tile the whole text."""

    title: str = ""


@attrs.frozen(slots=True)
class Turn(Span):
    """A speaker's turn: from the ``Name:`` line to the next turn (or the end of the text)."""

    speaker: str


# --- reading -------------------------------------------------------------------------------

_SNIFF = 8192  # NUL bytes this early mean binary data, as git and grep decide


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), or UTF-16 when it says so with a BOM; else a clear error."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not valid UTF-16 (bad bytes at offset {exc.start})"
            ) from None
        if "\x00" in text[:_SNIFF]:
            raise InputError(source, "binary data (NUL characters), not a text document")
    else:
        nul = data.find(b"\x00", 0, _SNIFF)
        if nul >= 0:
            raise InputError(source, f"binary data (NUL byte at offset {nul}), not a text document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = data[exc.start]
            raise InputError(
                source, f"not valid UTF-8: byte 0x{bad:02x} at offset {exc.start}"
            ) from None
    body = text[1:] if text.startswith("\ufeff") else text
    if not body:
        raise InputError(source, "empty file")
    if not body.strip():
        raise InputError(source, "no text (only whitespace)")
    return text


def _as_date(value: datetime.date | str | None, source: str) -> datetime.date | None:
    if value is None or type(value) is datetime.date:
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise InputError(source, f"bad date {value!r}: expected YYYY-MM-DD")
    raise TypeError(f"date must be a datetime.date, a 'YYYY-MM-DD' string or None, not {value!r}")


# --- line classes --------------------------------------------------------------------------

# A line: a maximal run without line breaks or form feeds that holds a non-space character.
# The lookbehind makes each run be tried once, from its start.
_LINE_RE = re.compile(r"(?:(?<=[\r\n\f])|\A)[^\S\r\n\f]*+(\S(?:[^\r\n\f]*\S)?)[^\S\r\n\f]*+")
_BREAK_RE = re.compile(r"\r\n|\r|\n")
_PAGE_BREAK = "_ueditor_page_break_tag_"
_HEADING_RE = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]|$)")
_RULE_RE = re.compile(r"([-_=*~])(?:[ \t]*+\1){2,}+")
_BULLETS = "-*+•▪‣◦"
_LIST_RE = re.compile(rf"[ \t]*+(?:[{_BULLETS}]|\d{{1,3}}[.)])[ \t]+\S")
_FIELD_RE = re.compile(r"[ \t]*+[A-Z][A-Za-z0-9 &/()'’-]{0,40}:(?:\s|$)")
_HONORIFIC_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+")
_LABEL_PUNCT_RE = re.compile(r"[.!?…](?:\s|$)|[?!;:：\"“”]")

#: Labels of a briefing's header, which list people or facts rather than start a turn.
_HEADER_LABELS = frozenset({
    "speaker", "speakers", "chairperson", "chairpersons", "chair", "chairman", "chairwoman",
    "moderator", "moderators", "host", "hosts", "guest", "guests", "participant", "participants",
    "attendees", "panelists", "panellists", "present", "date", "dates", "time", "venue",
    "location", "place", "topic", "subject", "source", "sources", "note", "notes", "contact",
    "contacts",
})  # fmt: skip

_TEXT, _BLANKISH, _HEADING, _RULE, _LIST, _TABLE, _TURN = range(7)


def _heading_title(after_hashes: str) -> str:
    title = after_hashes.strip()
    closed = title.rstrip("#")
    if not closed or closed[-1] in " \t":  # "## Title ##": the closing run is not the title
        title = closed.strip()
    return title


def _speaker_label(stripped: str) -> str:
    """The speaker named by a line holding only ``Name:``, or "" when it is not such a line."""
    if len(stripped) > 80 or stripped[-1] not in ":：":
        return ""
    label = _HONORIFIC_RE.sub("", stripped[:-1].strip(), count=1)
    if not label or len(label.split()) > 8 or _LABEL_PUNCT_RE.search(label):
        return ""
    first = label[0]
    if not (first.isdigit() or (first.isalpha() and not first.islower())):
        return ""
    if not any(c.isalpha() for c in label) or label.lower() in _HEADER_LABELS:
        return ""
    return label


def _is_caps_title(stripped: str) -> bool:
    """An ALL-CAPS line standing alone: "THE EMPLOYMENT SITUATION -- MARCH 2023"."""
    if len(stripped) > 100 or not stripped.isupper() or stripped[-1] in ":：.":
        return False
    return sum(c.isalpha() for c in stripped) >= 4


# --- sentences -----------------------------------------------------------------------------

_CLOSERS = "\"'’”)]»」』）"
_OPENERS = "\"'“‘([«¿¡$£€¥"
# A run of terminal punctuation (tried once, from its first character), its closing quotes and
# brackets, then the whitespace and first character of what follows.
_END_RE = re.compile(rf"(?<![.!?。！？])[.!?。！？]++[{re.escape(_CLOSERS)}]*+(?=(\s*+)(\S))")
_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "vols", "fig", "figs", "approx",
    "vs", "v", "co", "inc", "ltd", "corp", "jr", "sr", "gen", "gov", "sen", "rep", "dept",
    "pp", "p", "cf", "al",
})  # fmt: skip
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, p.m (the final dot comes after)


def _ends_sentence(text: str, m: re.Match[str], para_start: int) -> bool:
    punct = m.group().rstrip(_CLOSERS)
    space, following = m.group(1), m.group(2)
    if not set(punct) <= set(".!?"):
        return True  # 。！？ end a sentence with or without a space
    if not space:
        return False  # "4.089", "Zhonghongwang.com"
    capital = following.isdigit() or (following.isalpha() and not following.islower())
    if not capital and following not in _OPENERS:
        return False
    if punct != "." or m.group() != ".":
        return True
    start = m.start()
    before = text[max(para_start, start - 40) : start]
    if not before or before[-1].isspace():
        return True
    token = before.split()[-1].lstrip(_OPENERS)
    if token.lower() in _ABBREVIATIONS or _DOTTED_RE.fullmatch(token):
        return False
    return not (len(token) == 1 and token.isupper())  # an initial: "J. Smith"


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``[start, end)`` (stripped itself), each stripped."""
    spans = []
    piece = start
    for m in _END_RE.finditer(text, start, end):
        if _ends_sentence(text, m, start):
            spans.append((piece, m.end()))
            piece = m.end()
    if not spans:
        return [(start, end)]
    spans.append((piece, end))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            out.append((a + lead, a + trail))
    return out


# --- the document --------------------------------------------------------------------------


class Document:
    """A document's text, exactly as decoded, with its date and segmentation.

    ``Document(text)`` never fails on a string; reading from a path or bytes raises
    ``claimcheck.InputError`` with a one-line reason when there is no text to check.

    >>> doc = Document("Zhao:\\n\\nIt rose 5.8% in Oct. 2024. Sales fell.\\n\\nCCTV:\\n\\nWhy?\\n\\nZhao:\\n\\nOK.")
    >>> [s.text(doc.text) for s in doc.sentences][1:3]
    ['It rose 5.8% in Oct. 2024.', 'Sales fell.']
    >>> offset = doc.text.index("5.8%")
    >>> doc.speaker_at(offset), doc.line_col(offset), doc.sentence_at(offset).paragraph
    ('Zhao', (3, 9), 1)
    """

    __slots__ = (
        "_line_starts",
        "_sentence_starts",
        "_turn_starts",
        "date",
        "paragraphs",
        "path",
        "sections",
        "sentences",
        "text",
        "turns",
    )

    text: str
    path: str | None
    date: datetime.date | None
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Span, ...]
    sections: tuple[Section, ...]
    turns: tuple[Turn, ...]

    def __init__(
        self, text: str, path: str | None = None, date: datetime.date | str | None = None
    ) -> None:
        if not isinstance(text, str):
            raise TypeError(f"Document text must be str, not {type(text).__name__}")
        path = None if path is None else os.fspath(path)
        given = _as_date(date, path or "<text>")
        text = text.removeprefix("\ufeff")
        self._setup(text, path, given if date is not None else find_document_date(text))

    def _setup(self, text: str, path: str | None, date: datetime.date | None) -> None:
        self.text = text
        self.path = path
        self.date = date
        self._line_starts: list[int] | None = None
        self._segment()

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str], date: datetime.date | str | None = None
    ) -> Document:
        """Read a UTF-8 (or BOM-marked UTF-16) file. ``"-"`` means a file named "-" here."""
        name = os.fspath(path)
        try:
            if Path(name).is_dir():
                raise IsADirectoryError(name)
            data = Path(name).read_bytes()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except IsADirectoryError:
            raise InputError(name, "is a directory, not a file") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as exc:
            raise InputError(name, exc.strerror or str(exc)) from None
        return cls(_decode(data, name), path=name, date=date)

    @classmethod
    def from_bytes(
        cls, data: bytes, source: str = "<bytes>", date: datetime.date | str | None = None
    ) -> Document:
        """Decode ``data``; ``source`` names it in error messages and becomes ``path``."""
        return cls(_decode(bytes(data), source), path=source, date=date)

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else None
        return f"Document(path={self.path!r}, date={date!r}, chars={len(self.text)})"

    def __getstate__(self) -> tuple[str, str | None, datetime.date | None]:
        return (self.text, self.path, self.date)

    def __setstate__(self, state: tuple[str, str | None, datetime.date | None]) -> None:
        # Segmentation is recomputed: cheaper to ship the text than every span.
        self._setup(*state)

    # --- lookups ---------------------------------------------------------------------------

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``; ``\\r\\n``, ``\\r`` and ``\\n`` each end a line."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text (0..{len(self.text)})")
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _BREAK_RE.finditer(self.text))]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (between sentences: the one before, else the first)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text (0..{len(self.text)})")
        if not self.sentences:
            raise ValueError("the document has no sentences")
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(index, 0)]

    def speaker_at(self, offset: int) -> str:
        """The speaker whose turn holds ``offset``; "" outside turns and in non-transcripts."""
        index = bisect.bisect_right(self._turn_starts, offset) - 1
        if index >= 0 and offset < self.turns[index].end:
            return self.turns[index].speaker
        return ""

    # --- segmentation ----------------------------------------------------------------------

    def _segment(self) -> None:
        text = self.text
        n = len(text)
        # Pass 1: the non-blank lines, each with its class and whether it opens a block.
        lines: list[list] = []  # [start, end, stripped start, stripped end, kind, opens, extra]
        prev_end = -1
        for m in _LINE_RE.finditer(text):
            ls, le = m.span()
            ss, se = m.span(1)
            stripped = m.group(1)
            opens = prev_end < 0 or (
                ls - prev_end > 2 or text[prev_end:ls] not in ("\n", "\r\n", "\r")
            )
            prev_end = le
            kind, extra = _TEXT, ""
            first = stripped[0]
            if first == "_" and stripped == _PAGE_BREAK:
                kind = _BLANKISH
            elif first == "#" and (heading := _HEADING_RE.match(text, ls, le)):
                kind, extra = _HEADING, _heading_title(text[heading.end(1) : se])
            elif first in "-_=*~" and _RULE_RE.fullmatch(stripped):
                kind = _RULE
            elif first == "|":
                kind = _TABLE
            elif (first in _BULLETS or first.isdigit()) and _LIST_RE.match(text, ls, le):
                kind = _LIST
            if lines and lines[-1][4] in (_BLANKISH, _HEADING, _RULE):
                opens = True
            lines.append([ls, le, ss, se, kind, opens, extra])

        # Speaker lines: a short "Name:" line opening a block, not introducing an indented list.
        candidates = []
        for i, rec in enumerate(lines):
            if rec[4] != _TEXT or not rec[5]:
                continue
            label = _speaker_label(text[rec[2] : rec[3]])
            if not label:
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and not nxt[5] and nxt[2] > nxt[0]:
                continue
            candidates.append((i, label))
        counts = Counter(label for _, label in candidates)
        # A transcript has at least two speakers and someone speaking twice; otherwise the
        # lines are labels of a report ("Background:", "Findings:"), not turns.
        if len(counts) >= 2 and max(counts.values()) >= 2:
            for i, label in candidates:
                lines[i][4], lines[i][6] = _TURN, label
        else:
            candidates = []

        # Pass 2: paragraphs and section breaks.
        paragraphs: list[tuple[int, int]] = []
        breaks: list[tuple[int, str]] = []  # (offset where a section starts, its title)
        for m in re.finditer("\f", text):
            breaks.append((m.end(), ""))
        para: list[int] | None = None  # [stripped start, stripped end]
        fields = False  # the current block is a "Label: value" header block
        count = len(lines)
        for i, (_, le, ss, se, kind, opens, extra) in enumerate(lines):
            if opens:
                if para:
                    paragraphs.append((para[0], para[1]))
                para = None
                j = i + 1
                while j < count and not lines[j][5]:
                    j += 1
                block = lines[i:j]
                fields = len(block) > 1 and all(
                    r[4] == _TEXT and _FIELD_RE.match(text, r[0], r[1]) for r in block
                )
                if j == i + 1 and kind == _TEXT and _is_caps_title(text[ss:se]):
                    breaks.append((ss, text[ss:se]))
            if kind == _BLANKISH:
                breaks.append((le, ""))
                if para:
                    paragraphs.append((para[0], para[1]))
                para = None
                continue
            if kind == _RULE:
                prev = lines[i - 1] if i else None
                if (
                    prev is not None
                    and not opens
                    and prev[5]
                    and prev[4] == _TEXT
                    and prev[3] - prev[2] <= 120
                    and text[prev[3] - 1] not in ".:"
                ):  # an underlined title
                    breaks.append((prev[2], text[prev[2] : prev[3]]))
                else:
                    breaks.append((le, ""))
                if para:
                    paragraphs.append((para[0], para[1]))
                para = None
                continue
            if kind == _HEADING:
                breaks.append((ss, extra))
            if kind in (_HEADING, _TABLE, _TURN, _LIST) or fields:
                if para:
                    paragraphs.append((para[0], para[1]))
                para = [ss, se]
                if kind != _LIST:  # a list item keeps its continuation lines
                    paragraphs.append((ss, se))
                    para = None
                continue
            if para is None:
                para = [ss, se]
            else:
                para[1] = se
        if para:
            paragraphs.append((para[0], para[1]))

        # Sections tile the text; a break with nothing before it only renames the open section.
        breaks.sort(key=lambda b: b[0])
        para_starts = [p[0] for p in paragraphs]
        sections: list[list] = [[0, n, ""]]
        for offset, title in breaks:
            current = sections[-1]
            if offset <= current[0]:
                if title and not current[2]:
                    current[2] = title
                continue
            lo = bisect.bisect_left(para_starts, current[0])
            empty = lo >= len(para_starts) or para_starts[lo] >= offset
            if empty and not current[2]:
                current[2] = title
                continue
            current[1] = offset
            sections.append([offset, n, title])
        if len(sections) > 1 and not sections[-1][2]:
            lo = bisect.bisect_left(para_starts, sections[-1][0])
            if lo >= len(para_starts):  # trailing break with nothing after it
                sections.pop()
                sections[-1][1] = n
        self.sections = tuple(Section(a, b, t) for a, b, t in sections)
        self.paragraphs = tuple(Span(a, b) for a, b in paragraphs)

        # Turns run from one speaker line to the next.
        starts = [lines[i][2] for i, _ in candidates]
        self.turns = tuple(
            Turn(start, starts[k + 1] if k + 1 < len(starts) else n, label)
            for k, (start, (_, label)) in enumerate(zip(starts, candidates, strict=True))
        )
        self._turn_starts = starts

        section_starts = [s.start for s in self.sections]
        sentences = []
        for index, (a, b) in enumerate(paragraphs):
            section = bisect.bisect_right(section_starts, a) - 1
            for start, end in _split_sentences(text, a, b):
                sentences.append(Sentence(start, end, index, section, self.speaker_at(start)))
        self.sentences = tuple(sentences)
        self._sentence_starts = [s.start for s in sentences]
