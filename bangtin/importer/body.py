"""The body as clean Markdown: sections as headings (``## I. MỤC ĐÍCH, YÊU CẦU``, ``### 1. Mục đích``),
dashed and numbered paragraphs as lists, Word tables as tables, images as links to the files beside the plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import (
    PART_HEADING, ROMAN_HEADING, SECOND_LEVEL_MARKS, bullet_of, is_blank_form_line, is_decoration, is_upper, tidy_leaders,
)
from .model import Block, Line, Table

_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(?P<rest>\S.*)$|^(?P<deep>\d{1,2}(?:\.\d{1,2})+)\s+(?P<drest>\S.*)$")
_ARTICLE = re.compile(r"^(?P<label>Điều\s+\d+\s*[.:])\s*(?P<rest>.*)$")
_NEEDS_ESCAPE = re.compile(r"^(?:[#>=|]|[-+*]\s|\d+[.)]\s)")
_HEADING_WORDS = 14
_LIST = ("bullet", "ordered")


@dataclass(frozen=True)
class Node:
    kind: str
    text: str
    level: int = 1
    number: int = 0
    mark: str = ""


def render_body(body: list[Block], appendix: list[Block], image_folder: str) -> str:
    """Markdown for the body, then (after a rule) whatever followed the signature: annexes, forms."""
    chunks = render_nodes(body_nodes(body, image_folder))
    if appendix_nodes := body_nodes(appendix, image_folder):
        chunks += "\n\n---\n\n" + render_nodes(appendix_nodes)
    return chunks.strip() + "\n"


def body_nodes(blocks: list[Block], image_folder: str) -> list[Node]:
    nodes: list[Node] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Table):
            nodes.append(Node("table", render_table(block)))
            continue
        text = block.text
        if text and not is_blank_form_line(text) and not is_decoration(text):
            nodes.append(line_node(tidy_leaders(text), following, nodes[-1] if nodes else None, block.bold))
        nodes.extend(Node("image", f"![{_alt(name)}]({image_folder}/{name})") for name in block.images)
    return nodes


def _alt(name: str) -> str:
    """``hinh-01.png`` → ``Hình 1``."""
    digits = re.sub(r"\D", "", name.rsplit(".", 1)[0])
    return f"Hình {int(digits)}" if digits else "Hình"


def line_node(text: str, following: Block | None, previous: Node | None, bold: bool = False) -> Node:
    """Classify one paragraph: heading, list item or plain paragraph."""
    if ROMAN_HEADING.match(text) or PART_HEADING.match(text):
        return Node("heading", text.rstrip(" :"), 2)
    if match := _NUMBERED.match(text):
        number, rest = match["num"] or match["deep"], match["rest"] or match["drest"]
        depth = number.count(".") + 1
        after_item = depth == 1 and previous is not None and previous.kind == "ordered"
        if _is_heading(rest, depth, following) and not after_item:
            return Node("heading", text.rstrip(" :"), min(2 + depth, 6))
        if depth == 1:
            return Node("ordered", rest, 1, int(number))
        return Node("para", text)
    if found := bullet_of(text):
        mark, rest = found
        return Node("bullet", rest, 2 if _nests(mark, previous) else 1, mark=mark)
    if match := _ARTICLE.match(text):
        return Node("para", f"**{match['label']}** {match['rest']}".strip())
    if (is_upper(text) or bold) and len(text.split()) <= 20:
        return Node("para", f"**{text}**")
    return Node("para", text)


def _nests(mark: str, previous: Node | None) -> bool:
    """A "+" item nests under a "-" item or a numbered one; "+" items after a paragraph are a list of their own."""
    if mark not in SECOND_LEVEL_MARKS or previous is None or previous.kind not in _LIST:
        return False
    return previous.level == 2 or previous.mark not in SECOND_LEVEL_MARKS


def _is_heading(rest: str, depth: int, following: Block | None) -> bool:
    """A short numbered line with something under it (not its next sibling, not a new section) is a heading."""
    if len(rest.split()) > _HEADING_WORDS or rest.rstrip().endswith((".", ";", ",", "…")):
        return False
    if not isinstance(following, Line):
        return isinstance(following, Table)
    text = following.text
    if match := _NUMBERED.match(text):
        return (match["num"] or match["deep"]).count(".") + 1 > depth
    return not (ROMAN_HEADING.match(text) or PART_HEADING.match(text) or is_blank_form_line(text))


def render_nodes(nodes: list[Node]) -> str:
    chunks, index = [], 0
    while index < len(nodes):
        end = index
        while end < len(nodes) and nodes[end].kind in _LIST:
            end += 1
        if end > index:
            chunks.extend(render_list(nodes[index:end]))
            index = end
        else:
            chunks.append(_render_single(nodes[index]))
            index += 1
    return "\n\n".join(chunks)


def render_list(items: list[Node]) -> list[str]:
    """A run of list items; numbered items stay a Markdown list only when numbered 1, 2, 3… (a list
    would renumber "3." as "1."), otherwise they keep their printed number as paragraphs."""
    numbers = [item.number for item in items if item.kind == "ordered"]
    if numbers != list(range(1, len(numbers) + 1)):
        return _split_list(items)
    lines, inside = [], False
    for item in items:
        if item.kind == "ordered":
            lines.append(f"{item.number}. {item.text}")
            inside = True
        else:
            lines.append("    " * (item.level - 1 + inside) + f"- {item.text}")
    return ["\n".join(lines)]


def _split_list(items: list[Node]) -> list[str]:
    chunks: list[str] = []
    bullets: list[str] = []
    for item in items:
        if item.kind == "bullet":
            bullets.append("    " * (item.level - 1) + f"- {item.text}")
            continue
        if bullets:
            chunks.append("\n".join(bullets))
            bullets = []
        chunks.append(f"{item.number}\\. {item.text}")
    return chunks + (["\n".join(bullets)] if bullets else [])


def _render_single(node: Node) -> str:
    if node.kind == "heading":
        return f"{'#' * node.level} {node.text}"
    if node.kind == "para" and _NEEDS_ESCAPE.match(node.text):
        return "\\" + node.text if not node.text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", node.text)
    return node.text


def render_table(table: Table) -> str:
    """A Markdown table; the first row is the header, short rows are padded."""
    width = max(len(row) for row in table.rows)
    rows = [[_cell(cell) for cell in row] + [""] * (width - len(row)) for row in table.rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())
