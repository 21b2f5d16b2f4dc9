"""Files → blocks. Plain text is read line by line (a line is a paragraph, as when copied out of Word);
paragraphs broken in two by a copy are mended for both kinds of file."""

from __future__ import annotations

import re
from pathlib import Path

from .lines import bullet_of, is_upper, split_columns, starts_lower
from .model import Block, Line, Source, Table
from .wordfile import read_word

_LABEL = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ]|Điều\s+\d+)\s*[.)/:]", re.IGNORECASE)
_OPEN_END = re.compile(r"[^.;:!?…)\]”\"]$")
_CONNECTORS = frozenset("trong của và về cho với các những theo tại là để từ đến trên số ngày tháng năm".split())
_PIPE_ROW = re.compile(r"^\|.*\|$")
_PIPE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


class UnreadableFile(ValueError):
    """A file the importer cannot read (wrong kind, unreadable text); the message is in Vietnamese."""


def read_source(path: Path) -> Source:
    """Read a .docx or a .txt plan into blocks."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        source = read_word(path)
    elif suffix in (".txt", ".md"):
        text, notes = _decode(path.read_bytes(), path.name)
        source = Source(tuple(read_text_blocks(text)), notes=notes)
    elif suffix == ".doc":
        raise UnreadableFile(f"{path.name}: tệp Word cũ (.doc); hãy mở bằng Word và lưu lại dạng .docx rồi nhập lại")
    else:
        raise UnreadableFile(f"{path.name}: chỉ nhập được tệp .docx hoặc .txt")
    return Source(tuple(mend_paragraphs(source.blocks)), source.images, source.from_word, source.notes)


def _decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The text of a plain-text file, and a note when it was not Unicode and had to be read as Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ()
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
    unreadable = text.count("\ufffd")
    note = (f"tệp “{name}” không lưu bằng mã UTF-8 nên được đọc theo mã Windows-1258"
            + (f"; {unreadable} ký tự không đọc được (hiện thành “\ufffd”)" if unreadable else "")
            + ": hãy so chữ Việt với văn bản gốc, hoặc lưu lại tệp bằng mã UTF-8 rồi nhập lại")
    return text, (note,)


def read_text_blocks(text: str) -> list[Block]:
    """Each line of text is a paragraph; ``| a | b |`` rows left by a conversion are a table."""
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if _PIPE_ROW.match(stripped):
            if not _PIPE_RULE.match(stripped):
                rows.append(tuple(cell.strip() for cell in stripped.strip("|").split("|")))
            continue
        if rows:
            blocks.append(Table(tuple(rows)))
            rows = []
        blocks.extend(Line(piece) for piece in split_columns(raw))
    if rows:
        blocks.append(Table(tuple(rows)))
    return blocks


def mend_paragraphs(blocks: tuple[Block, ...]) -> list[Block]:
    """Join a line to the one before when it plainly continues it (it starts in lower case, or the line
    before stops on a word like "trong" with no punctuation)."""
    mended: list[Block] = []
    for block in blocks:
        previous = mended[-1] if mended else None
        if isinstance(block, Line) and isinstance(previous, Line) and _continues(previous, block):
            mended[-1] = Line(f"{previous.text} {block.text}", previous.bold and block.bold, previous.images)
        else:
            mended.append(block)
    return mended


def _continues(previous: Line, line: Line) -> bool:
    if previous.images or line.images or not _OPEN_END.search(previous.text):
        return False
    if any(is_upper(text) for text in (previous.text, line.text)) or _is_labelled(line.text):
        return False
    last_word = previous.text.split()[-1].lower()
    return starts_lower(line.text) or last_word in _CONNECTORS


def _is_labelled(text: str) -> bool:
    return bool(_LABEL.match(text) or bullet_of(text))
