"""A Word (.docx) file → blocks: paragraphs, text boxes, list labels, images and tables, in reading order.

The header table (issuer, number | motto, date) and the signature table (Nơi nhận | signer) are layout,
not content: their cells are read as lines, left cell first, so later phases see the same shape as in text.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph

from .lines import clean_line, is_upper, split_columns
from .marks import is_layout_text, is_person_name, is_signer_title
from .model import Block, Line, Source, Table
from .numbering import Numbering

_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_VML_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.numbering = Numbering(document)
        self.images: dict[str, bytes] = {}
        self._names: dict[str, str] = {}

    def read(self, element, parent) -> list[Block]:
        blocks: list[Block] = []
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                blocks.extend(self.paragraph(Paragraph(child, parent)))
            elif child.tag == qn("w:tbl"):
                blocks.extend(self.table(WordTable(child, parent)))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                blocks.extend(self.read(content, parent) if content is not None else [])
        return blocks

    def paragraph(self, paragraph: Paragraph) -> list[Block]:
        text = clean_line(paragraph.text)
        label = self.numbering.label(paragraph) if text else None
        bold, images = _is_bold(paragraph, text), self._images_in(paragraph)
        columns = split_columns(paragraph.text) if "\t" in paragraph.text else []
        if not label and len(columns) > 1 and any(is_layout_text(column) for column in columns):
            return [Line(column, bold) for column in columns] + ([Line("", images=images)] if images else [])
        line = Line(f"{label} {text}" if label else text, bold, images)
        boxes = [
            block
            for box in paragraph._p.iter(qn("w:txbxContent"))
            if not any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors())
            for block in self.read(box, paragraph._parent)
        ]
        return ([line] if line.text or line.images else []) + boxes

    def table(self, table: WordTable) -> list[Block]:
        cells = [self.cell_blocks(row) for row in table.rows]
        texts = [[_text_of(cell) for cell in row] for row in cells]
        if _is_layout(texts):
            return [block for row in cells for cell in row for block in cell]
        rows = tuple(tuple("<br>".join(cell) for cell in row) for row in texts)
        return [Table(rows)] if any(any(row) for row in rows) else []

    def cell_blocks(self, row) -> list[list[Block]]:
        seen, cells = set(), []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(self.read(cell._tc, cell))
        return cells

    def _images_in(self, paragraph: Paragraph) -> tuple[str, ...]:
        ids = [blip.get(_EMBED) for blip in paragraph._p.iter(_BLIP)]
        ids += [image.get(_VML_ID) for image in paragraph._p.iter(_VML_IMAGE)]
        return tuple(name for rel_id in ids if rel_id and (name := self._image(paragraph, rel_id)))

    def _image(self, paragraph: Paragraph, rel_id: str) -> str | None:
        part = paragraph.part.related_parts.get(rel_id)
        blob = getattr(part, "blob", None)
        if blob is None:
            return None
        key = str(part.partname)
        if key not in self._names:
            extension = posixpath.splitext(key)[1].lower() or ".png"
            self._names[key] = f"hinh-{len(self._names) + 1:02d}{extension}"
            self.images[self._names[key]] = blob
        return self._names[key]


def read_word(path: Path) -> Source:
    """Read a .docx file; the first page header is read first when it carries text (some put the motto there)."""
    document = docx.Document(str(path))
    reader = _Reader(document)
    blocks: list[Block] = []
    header = document.sections[0].header if document.sections else None
    if header is not None and not header.is_linked_to_previous:
        blocks.extend(reader.read(header._element, header))
    blocks.extend(reader.read(document.element.body, document))
    return Source(tuple(blocks), reader.images, from_word=True)


def _is_bold(paragraph: Paragraph, text: str) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs or not text:
        return False
    style_bold = any(style.font.bold for style in _styles(paragraph.style))
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _styles(style):
    while style is not None:
        yield style
        style = style.base_style


def _text_of(cell: list[Block]) -> list[str]:
    return [block.text for block in cell if isinstance(block, Line) and block.text]


def _is_layout(texts: list[list[list[str]]]) -> bool:
    if len(texts) > 3 or any(len(row) > 3 for row in texts):
        return False
    lines = [line for row in texts for cell in row for line in cell]
    if any(is_layout_text(line) for line in lines):
        return True
    cells = [cell for row in texts for cell in row if cell]
    return bool(cells) and all(_is_signer_cell(cell) for cell in cells)


def _is_signer_cell(cell: list[str]) -> bool:
    return len(cell) >= 2 and is_signer_title(cell[0]) and is_person_name(cell[-1]) and is_upper(cell[0])
