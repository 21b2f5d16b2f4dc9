"""Per-field readers of front-matter values: each returns plain data or raises FieldError in Vietnamese."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .dates import parse_date, parse_datetime, parse_period, parse_school_year
from .links import case_variant
from .models import Asset, Milestone, Reference, Signer
from .numbers import parse_number
from .text import nfc, squash_spaces

AUTHORITIES = ("KT.", "TM.", "Q.", "TL.", "TUQ.")


class FieldError(ValueError):
    """A value that does not fit its key; ``index`` points at the list item, when there is one."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True)
class Field:
    """One key of a kind's schema: how its value is read, whether a file must have it, and its name in Vietnamese
    (the web editor's label; ``bangtin new`` writes the longer explanation as a comment)."""

    read: Callable[[Any, Path], Any]
    required: bool = False
    label: str = ""


BOOLEAN_WORDS = "yes, no, on, off, true, false"


def text(value: Any, folder: Path) -> str:
    if value is None:
        raise FieldError("đang để trống")
    if isinstance(value, bool):
        raise FieldError(f"YAML đọc giá trị này thành đúng/sai (các chữ {BOOLEAN_WORDS} đứng một mình); nếu muốn ghi "
                         "chữ, hãy đặt trong ngoặc kép, ví dụ title: \"Yes\"")
    if isinstance(value, (dict, list)):
        raise FieldError("cần một dòng chữ")
    result = squash_spaces(nfc(str(value)))
    if not result:
        raise FieldError("đang để trống")
    return result


def listed(value: Any) -> list[Any]:
    """A list key's items: a YAML list as it is; ``robot, khám phá`` (a list written as text) split at its commas."""
    if isinstance(value, list):
        return value
    if isinstance(value, str) and "," in value:
        return [item.strip() for item in value.split(",") if item.strip()]
    return [value]


def texts(value: Any, folder: Path) -> tuple[str, ...]:
    return tuple(_each(listed(value), text, folder))


def flag(value: Any, folder: Path) -> bool:
    if not isinstance(value, bool):  # a YAML yes/no/on/off is a bool already
        raise FieldError(f"cần true (có) hoặc false (không), không phải “{value}”")
    return value


def count(value: Any, folder: Path) -> int:
    if isinstance(value, str) and value.isdigit():
        raise FieldError(f"số “{value}” có số 0 ở đầu; hãy viết {int(value)}")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(f"cần một số (ví dụ 24), không phải “{value}”; chỉ ghi số lượng, không ghi tên các cháu")
    return value


def day(value: Any, folder: Path):
    return _wrap(parse_date, value)


def moment(value: Any, folder: Path):
    return _wrap(parse_datetime, value)


def school_year(value: Any, folder: Path) -> str:
    return _wrap(parse_school_year, value)


def number(value: Any, folder: Path):
    return _wrap(parse_number, value)


def numbers(value: Any, folder: Path):
    return tuple(_each(listed(value), number, folder))


def choice(*options: str) -> Callable[[Any, Path], str]:
    def read(value: Any, folder: Path) -> str:
        result = text(value, folder)
        if result not in options:
            raise FieldError(f"“{result}” không hợp lệ; chọn một trong: {', '.join(options)}")
        return result

    read.options = options  # type: ignore[attr-defined]  # the web editor offers them as a choice

    return read


def asset(value: Any, folder: Path) -> Asset:
    """A file named relative to the content file; it must exist and stay beside it."""
    rel = posixpath.normpath(text(value, folder).replace("\\", "/"))
    if rel.startswith(("../", "/")) or rel == ".." or "://" in rel:
        raise FieldError(f"tệp “{rel}” phải nằm cạnh tệp bài viết (cùng thư mục hoặc thư mục con)")
    path = folder / rel
    if not path.is_file():
        raise FieldError(missing_file(folder, rel))
    return Asset(rel, path, path.stat().st_size)


def missing_file(folder: Path, rel: str) -> str:
    """Why ``rel`` is not found beside a content file, and the file it most likely means."""
    variant = case_variant(folder, rel)
    if variant is not None:
        return (f"không tìm thấy tệp “{rel}”, nhưng có tệp “{variant}” (khác chữ hoa, chữ thường): máy tính của trường "
                "không phân biệt, còn GitHub thì có; hãy sửa tên trong bài cho giống hệt tên tệp")
    return f"không tìm thấy tệp “{rel}” cạnh tệp này; hãy kiểm tra tên tệp (cả chữ hoa, chữ thường và đuôi .jpg/.pdf)"


def assets(value: Any, folder: Path) -> tuple[Asset, ...]:
    return tuple(_each(listed(value), asset, folder))


def references(value: Any, folder: Path) -> tuple[Reference, ...]:
    """Căn cứ: a single text stays one (its commas belong to the document's description)."""
    items = value if isinstance(value, list) else [value]
    return tuple(_each(items, _reference, folder))


def _reference(value: Any, folder: Path) -> Reference:
    if isinstance(value, dict):
        _only(value, ("number", "issued", "issuer", "title"), "căn cứ")
        parsed = number(value.get("number"), folder) if value.get("number") else None
        issued = day(value["issued"], folder) if value.get("issued") else None
        issuer = text(value["issuer"], folder) if value.get("issuer") else None
        label = text(value.get("title") or value.get("number") or "", folder)
        return Reference(parsed, label, issued, issuer)
    label = text(value, folder)
    try:
        return Reference(parse_number(label), label)
    except ValueError:
        return Reference(None, label)


def signers(value: Any, folder: Path) -> tuple[Signer, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(_each(items, _signer, folder))


def _signer(value: Any, folder: Path) -> Signer:
    if not isinstance(value, dict):
        return Signer(text(value, folder))
    _only(value, ("authority", "on_behalf_of", "title", "name"), "người ký")
    authority = text(value["authority"], folder) if value.get("authority") else None
    if authority and authority.rstrip(".").upper() + "." not in AUTHORITIES:
        raise FieldError(f"thẩm quyền ký “{authority}” không hợp lệ; chọn một trong: {', '.join(AUTHORITIES)}")
    return Signer(
        name=text(value.get("name"), folder),
        title=text(value["title"], folder) if value.get("title") else None,
        authority=authority.rstrip(".").upper() + "." if authority else None,
        on_behalf_of=text(value["on_behalf_of"], folder) if value.get("on_behalf_of") else None,
    )


def milestones(value: Any, folder: Path) -> tuple[Milestone, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(_each(items, _milestone, folder))


def _milestone(value: Any, folder: Path) -> Milestone:
    if not isinstance(value, dict) or "when" not in value:
        raise FieldError("mỗi mốc cần dạng {when: 2025-12, what: việc cần làm, who: người thực hiện}")
    _only(value, ("when", "what", "who"), "mốc tiến độ")
    what = text(value["what"], folder) if value.get("what") else None
    who = text(value["who"], folder) if value.get("who") else None
    return Milestone(_wrap(parse_period, value["when"]), what, who)


def _only(value: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = [key for key in value if key not in allowed]
    if not unknown:
        return
    keys = list(value)
    before = keys[keys.index(unknown[0]) - 1] if keys.index(unknown[0]) else None
    if value[unknown[0]] is None and before is not None:  # {name: Nguyễn Thị Thu, Trưởng ban}: the comma cut the value
        raise FieldError(
            f"giá trị của “{before}” có dấu phẩy nên bị cắt ở đó, phần “{unknown[0]}” thành một khóa lạ; trong {{…}} hãy "
            f"đặt giá trị có dấu phẩy trong ngoặc kép, ví dụ {before}: \"{value[before]}, {unknown[0]}\""
        )
    raise FieldError(f"{what} có khóa lạ “{unknown[0]}”; các khóa được dùng: {', '.join(allowed)}")


def _each(items: list[Any], read: Callable[[Any, Path], Any], folder: Path) -> list[Any]:
    results = []
    for index, item in enumerate(items):
        try:
            results.append(read(item, folder))
        except FieldError as error:
            raise FieldError(f"mục thứ {index + 1}: {error}", index) from None
    return results


def _wrap(parse: Callable[[Any], Any], value: Any) -> Any:
    if isinstance(value, (dict, list)) or value is None:
        raise FieldError("cần một giá trị, không phải danh sách")
    try:
        return parse(value)
    except ValueError as error:
        raise FieldError(str(error)) from None
