"""Reading a content file: encoding checks, front-matter YAML with line numbers, the Markdown body."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems
from .text import nfc

SAVE_AS_UTF8 = (
    "hãy mở tệp bằng Notepad hoặc VS Code, chọn “Lưu thành…” (Save As), ở mục Mã hóa (Encoding) chọn "
    "“UTF-8” rồi lưu lại"
)


@dataclass(frozen=True)
class Source:
    """A content file split into front-matter (with the line of each key) and its Markdown body."""

    path: Path
    rel: str
    meta: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int
    item_lines: dict[str, list[int]] = field(default_factory=dict)

    def line(self, key: str, index: int | None = None) -> int:
        """The line of ``key`` (or of its ``index``-th list item), for error messages."""
        if index is not None and index < len(self.item_lines.get(key, [])):
            return self.item_lines[key][index]
        return self.lines.get(key, 1)


class _StringDatesLoader(yaml.SafeLoader):
    """Safe YAML, but dates stay text: our own parser reports a wrong day in Vietnamese."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastStringDatesLoader(getattr(yaml, "CSafeLoader", _StringDatesLoader)):  # type: ignore[misc]
    """The same, on libyaml's parser when PyYAML has it: the pure-Python parser took a fifth of a build.

    A file it refuses is read again with the pure-Python parser, whose messages the hints below know.
    """


_FastStringDatesLoader.yaml_implicit_resolvers = _StringDatesLoader.yaml_implicit_resolvers


def load_source(path: Path, root: Path, problems: Problems, *, optional: bool = False) -> Source | None:
    """Read ``path``; on any problem report it (naming the file and line) and return None. With ``optional``, a file
    without front-matter (a hand-written page) is all body."""
    rel = path.relative_to(root).as_posix()
    text = decode_text(path.read_bytes(), rel, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if optional and (not lines or lines[0].strip() != "---"):
        return Source(path, rel, {}, {}, text, 1)
    if not lines or lines[0].strip() != "---":
        problems.error(rel, 1, "", "tệp phải bắt đầu bằng dòng “---”, rồi đến các thông tin (tiêu đề, ngày…), rồi một dòng “---”")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.error(rel, 1, "", "thiếu dòng “---” đóng phần thông tin ở đầu tệp")
        return None
    parsed = _parse_front_matter("\n".join(lines[1:end]), rel, problems)
    if parsed is None:
        return None
    meta, key_lines, item_lines = parsed
    body = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    return Source(path, rel, meta, key_lines, body, end + 2, item_lines)


def locate_reference(root: Path, rel: str | None, target: str) -> tuple[int, str]:
    """(line, key) where the content file ``rel`` names the file ``target``: the key whose value holds it, else the
    body line that links to it. Read again only to say where a file it names is broken."""
    source = load_source(root / rel, root, Problems()) if rel else None
    return locate_in(source, target) if source is not None else (0, "")


def locate_in(source: Source, target: str) -> tuple[int, str]:
    """(line, key) where ``source`` names the file ``target`` (relative to its folder)."""
    from .links import local_links

    for key, value in source.meta.items():
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if target in str(item):
                return source.line(key, index if isinstance(value, list) else None), key
    link = next((link for link in local_links(source.body) if link.rel == target), None)
    return (source.body_line + link.line - 1, "nội dung") if link else (0, "")


def decode_text(data: bytes, rel: str, problems: Problems) -> str | None:
    """UTF-8 (with or without BOM, CRLF or LF) to NFC text; anything else is reported with how to fix it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:200]:
        problems.error(rel, 1, "", f"tệp được lưu bằng mã UTF-16 (Unicode), không phải UTF-8: {SAVE_AS_UTF8}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.error(
            rel, line, "",
            f"tệp không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3, chữ Việt sẽ bị lỗi): {SAVE_AS_UTF8}",
        )
        return None
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def _parse_front_matter(
    text: str, rel: str, problems: Problems
) -> tuple[dict[str, Any], dict[str, int], dict[str, list[int]]] | None:
    try:
        node, meta = _compose(text, _FastStringDatesLoader)
    except yaml.YAMLError:
        try:
            node, meta = _compose(text, _StringDatesLoader)
        except yaml.YAMLError as error:
            line, message = explain_yaml_error(error, "phần thông tin đầu tệp", 2)
            problems.error(rel, line, "", message)
            return None
    if meta is None:
        return {}, {}, {}
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        problems.error(rel, 2, "", "phần thông tin đầu tệp phải là các dòng “khóa: giá trị”, ví dụ “title: Bé vui Ngày hội STEM”")
        return None
    key_lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 2
        if key in key_lines:
            problems.error(rel, line, key, f"khóa này viết hai lần (lần đầu ở dòng {key_lines[key]}); hãy xóa bớt một dòng")
        key_lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]
    return {str(k): v for k, v in meta.items()}, key_lines, item_lines


def _compose(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (_construct(node, loader) if node is not None else None)
    finally:
        loader.dispose()


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
#: A number as people write it. YAML 1.1 also reads 12:30 as 750 (base 60), 024 as 20 (octal), 1_000 and 0x1F: such
#: values stay the text the clerk typed, so a time stays a time and a count with a leading zero is reported.
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")


def _construct(node: yaml.Node, loader: yaml.BaseLoader) -> Any:
    """The node's value: text, lists and plain mappings directly, anything else (numbers, true/false, merge keys)
    through the loader's own constructors, which are several times slower for the text most values are."""
    if node.tag == _STR or (node.tag in _NUMBERS and not _PLAIN_NUMBER.match(node.value)):
        return node.value
    if node.tag == _SEQ:
        return [_construct(item, loader) for item in node.value]
    if node.tag == _MAP and all(key.tag == _STR for key, _ in node.value):
        return {key.value: _construct(value, loader) for key, value in node.value}
    return loader.construct_object(node, deep=True)


#: (words of PyYAML's context or problem, use the line where the construct opened, what to tell the clerk)
_YAML_HINTS = (
    ("scanning a quoted scalar", True, "dấu ngoặc kép (hoặc nháy đơn) mở ở dòng này chưa đóng; thêm dấu đóng ở cuối "
     "giá trị, ví dụ title: \"Bé vui Ngày hội STEM\""),
    ("parsing a flow sequence", True, "dấu ngoặc vuông “[” mở ở dòng này chưa đóng, hoặc một mục có dấu hai chấm; ví dụ "
     "đúng: tags: [robot, khám phá]; mục có dấu hai chấm thì đặt trong ngoặc kép"),
    ("parsing a flow mapping", True, "dấu ngoặc nhọn “{” mở ở dòng này chưa đóng, hoặc một giá trị có dấu hai chấm; ví dụ "
     "đúng: signer: {title: Hiệu trưởng, name: Nguyễn Thị Thu}"),
    ("mapping values are not allowed", False, "giá trị có dấu hai chấm “: ”; hãy đặt cả giá trị trong ngoặc kép, ví dụ "
     "title: \"Khoa học: bé khám phá\""),
    ("found character '\\t'", False, "có ký tự Tab; hãy thay bằng dấu cách"),
    ("that cannot start any token", False, "giá trị bắt đầu bằng một ký tự đặc biệt (@, `, %…); hãy đặt cả giá trị "
     "trong ngoặc kép, ví dụ author: \"@Tổ chuyên môn\""),
    ("could not find expected ':'", False, "dòng này thiếu dấu hai chấm sau tên khóa"),
    ("expected <block end>, but found '<scalar>'", False, "giá trị bắt đầu bằng dấu ngoặc hoặc ngoặc kép nhưng còn chữ "
     "phía sau; hãy đặt cả giá trị trong ngoặc kép, ví dụ title: \"[Thông báo] Họp phụ huynh\""),
    ("expected <block end>", False, "thụt lề chưa đúng; các khóa phải thẳng hàng ở đầu dòng, hãy so với mẫu"),
)


def explain_yaml_error(error: yaml.YAMLError, what: str, first_line: int) -> tuple[int, str]:
    """The line of a YAML mistake and a Vietnamese message saying what to do, with an example of the fix;
    ``first_line`` is the file's line of the text's first line (front-matter starts on line 2), ``what`` names the
    text ("phần thông tin đầu tệp")."""
    problem = str(getattr(error, "problem", "") or "")
    said = f"{getattr(error, 'context', '') or ''} {problem}"
    opened, hint = False, "kiểm tra dấu hai chấm, dấu ngoặc và thụt lề ở dòng này"
    for words, at_opening, advice in _YAML_HINTS:
        if words in said:
            opened, hint = at_opening, advice
            break
    marks = ("context_mark", "problem_mark") if opened else ("problem_mark", "context_mark")
    mark = next((m for m in (getattr(error, name, None) for name in marks) if m is not None), None)
    line = mark.line + first_line if mark is not None else first_line
    return line, f"{what} (YAML) viết sai: {hint} (chi tiết: {problem or error})"
