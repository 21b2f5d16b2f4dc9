"""Assemble a plan's front-matter (the keys of ``bangtin/kinds/plan.py``) from what each phase read, and say what could not be found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..dates import school_year_of
from ..numbers import parse_number
from ..text import slugify
from .basis import read_basis
from .body import render_body
from .header import DateLine, find_date_line, find_issuer, find_number
from .heading import Heading, read_heading
from .model import Block, Line
from .reading import read_source
from .signature import Trailer, read_trailer
from .timeline import read_milestones

_SCHOOL_YEAR = re.compile(r"năm học\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class ImportedPlan:
    """A plan read out of a document: front-matter, Markdown body, images and what was not found."""

    meta: dict
    body: str
    images: list[tuple[str, bytes]]
    missing: list[str]
    slug: str


@dataclass
class _Draft:
    meta: dict = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def put(self, key: str, value, absent: str) -> None:
        if value:
            self.meta[key] = value
        else:
            self.missing.append(absent)


def import_plan(path: Path) -> ImportedPlan:
    """Read a .docx or .txt plan; raise UnreadableFile (Vietnamese message) for a file it cannot read."""
    source = read_source(Path(path))
    blocks = list(source.blocks)
    heading = read_heading(blocks)
    trailer = read_trailer(blocks, heading.body_start)
    top = [block for block in blocks[: heading.body_start] if isinstance(block, Line)]
    body, appendix = blocks[heading.body_start : trailer.start], blocks[trailer.end :]
    draft = _Draft(missing=list(source.notes))
    _read_identity(draft, top, heading, Path(path), source.from_word)
    _read_dates(draft, top, body)
    _read_links(draft, body, trailer)
    slug = plan_slug(draft.meta)
    return ImportedPlan(
        meta=_ordered(draft.meta), body=render_body(body, appendix, slug),
        images=list(source.images.items()), missing=draft.missing, slug=slug,
    )


def _read_identity(draft: _Draft, top: list[Line], heading: Heading, path: Path, from_word: bool) -> None:
    number = find_number(top)
    if number is None:
        draft.missing.append("không tìm thấy số, ký hiệu (dòng “Số: …” ở đầu văn bản)")
    elif number.problem:
        draft.missing.append(number.problem)
    else:
        draft.meta["number"] = number.text
    title = heading.title
    if not title:
        title = path.stem
        draft.missing.append(f"không tìm thấy trích yếu (dòng dưới tên loại văn bản); tạm lấy tên tệp “{title}” làm title")
    draft.meta["title"] = title
    issuer_hint = "tên đơn vị in đậm ở góc trái phần đầu văn bản"
    if not from_word:
        issuer_hint += "; tệp văn bản thuần (.txt) thường không còn bảng tiêu đề của tệp Word"
    draft.put("issuer", find_issuer(heading.header), f"không tìm thấy cơ quan ban hành ({issuer_hint}); hãy ghi issuer")
    kind = heading.type or (parse_number(draft.meta["number"]).type_name if "number" in draft.meta else None)
    draft.put("type", kind, "không tìm thấy tên loại văn bản (ví dụ “KẾ HOẠCH” trên dòng trích yếu)")


def _read_dates(draft: _Draft, top: list[Line], body: list[Block]) -> None:
    line = find_date_line(top)
    issued = line.issued if line else None
    draft.put("issued", issued, _date_problem(line))
    draft.put("place", line.place if line else None, "không tìm thấy địa danh (phần trước “, ngày … tháng … năm …”)")
    year = _school_year(top) or (school_year_of(issued) if issued else None)
    if not year and line and line.year and line.month and 1 <= line.month <= 12:
        year = school_year_of(date(line.year, line.month, 1))
    draft.put("school_year", year or _school_year(body), "không tìm thấy năm học; hãy ghi school_year: 2025-2026")
    if not issued:
        draft.meta["draft"] = True


def _read_links(draft: _Draft, body: list[Block], trailer: Trailer) -> None:
    based_on = read_basis(body)
    draft.put("based_on", based_on, "không tìm thấy văn bản căn cứ (đoạn “Căn cứ …”/“Thực hiện …” có số, ký hiệu)")
    partial = [item["number"] for item in based_on if len(item) < 3]
    if partial:
        draft.missing.append(f"căn cứ thiếu ngày ban hành hoặc cơ quan ban hành: {', '.join(partial)}")
    signers = trailer.signers
    if len(signers) > 1:
        draft.meta["signers"] = signers
    elif signers:
        draft.meta["signer"] = signers[0]
    else:
        draft.missing.append("không tìm thấy người ký (chức vụ và họ tên cuối văn bản)")
    for title in trailer.unnamed:
        draft.missing.append(f"khối chữ ký “{title}” không có họ tên người ký")
    for name in trailer.untitled:
        draft.missing.append(f"người ký “{name}” thiếu chức vụ (dòng chức vụ có thể nằm trong hộp chữ hoặc ảnh của tệp "
                             f"Word nên không đọc được); hãy bổ sung, ví dụ signer: {{title: Hiệu trưởng, name: {name}}}")
    draft.put("recipients", trailer.recipients, "không tìm thấy “Nơi nhận”")
    draft.put("milestones", read_milestones(body), "không tìm thấy mốc tiến độ (dòng như “Tháng 12/2025: …”)")


def _date_problem(line: DateLine | None) -> str:
    suffix = "; đã ghi draft: true (bản nháp) để tệp vẫn qua được bước kiểm tra"
    if line is None:
        return "không tìm thấy ngày ban hành (dòng “…, ngày … tháng … năm …”)" + suffix
    if line.day is None and line.month:
        return f"ngày ban hành để trống (tháng {line.month:02d} năm {line.year or '…'})" + suffix
    if line.day is None or line.month is None or line.year is None:
        return "ngày ban hành để trống" + suffix
    return f"ngày ban hành không có thật (ngày {line.day} tháng {line.month} năm {line.year})" + suffix


def _school_year(blocks: list[Block]) -> str | None:
    for block in blocks:
        if isinstance(block, Line) and (match := _SCHOOL_YEAR.search(block.text)):
            if int(match[2]) == int(match[1]) + 1:
                return f"{match[1]}-{match[2]}"
    return None


_ORDER = ("number", "title", "issued", "issuer", "place", "type", "school_year", "based_on", "signer", "signers",
          "recipients", "milestones", "summary", "draft")


def _ordered(meta: dict) -> dict:
    return {key: meta[key] for key in _ORDER if key in meta}


def plan_slug(meta: dict) -> str:
    """``259-kh-mnhm`` from the number; an unnumbered plan is named by its title."""
    if "number" in meta:
        return slugify(meta["number"])
    return slugify(meta.get("title", ""), max_length=60) or "van-ban"
