"""What a document reader hands to the extraction phases: a flat run of paragraphs and content tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One paragraph of text as the clerk sees it; Word list labels are already written into ``text``."""

    text: str
    bold: bool = False
    images: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A content table (layout tables of the header and signature are read as lines instead)."""

    rows: tuple[tuple[str, ...], ...]


Block = Line | Table


@dataclass(frozen=True)
class Source:
    """A document as read from disk: its blocks in reading order and the images they show."""

    blocks: tuple[Block, ...]
    images: dict[str, bytes] = field(default_factory=dict)
    from_word: bool = False
    notes: tuple[str, ...] = ()
    """What reading the file could only guess (a text in an old encoding), in Vietnamese, for the clerk."""

    @property
    def lines(self) -> list[Line]:
        return [block for block in self.blocks if isinstance(block, Line)]
