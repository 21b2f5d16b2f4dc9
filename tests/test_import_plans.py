"""Whole documents through the importer: the real plans of ``shared/fixtures/plans`` (Word and text) and our
own small documents of other shapes, compared field by field with their ``*.expected.yml``."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image

from bangtin.importer import import_plan, render_plan_file

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "plans"
OWN = Path(__file__).resolve().parent / "fixtures" / "import"
SHARED_PLANS = ["mn-hoa-mai-259-kh-2025", "mn-huong-sen-20-kh-2022", "mn-phong-thanh-dong-2017"]
NOT_META = ("sections", "missing")


def load_expected(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def headings(body: str) -> list[str]:
    return [line[3:] for line in body.splitlines() if line.startswith("## ")]


def assert_matches(meta: dict, expected: dict) -> None:
    """Every expected key equal, and no key the document does not give (``draft`` only for undated ones)."""
    for key, value in expected.items():
        if key not in NOT_META:
            assert meta.get(key) == value, f"{key}: {meta.get(key)!r} != {value!r}"
    wanted = {key for key in expected if key not in NOT_META} | ({"draft"} if "issued" not in expected else set())
    assert set(meta) == wanted


def shared_plan(stem: str, suffix: str) -> Path:
    path = SHARED / f"{stem}{suffix}"
    if not path.exists():
        pytest.skip(f"shared fixtures not found beside the repository ({SHARED})")
    return path


@pytest.mark.parametrize("stem", SHARED_PLANS)
def test_real_word_plan_gives_its_expected_front_matter(stem: str) -> None:
    imported = import_plan(shared_plan(stem, ".docx"))
    expected = load_expected(SHARED / f"{stem}.expected.yml")
    assert_matches(imported.meta, expected)
    assert headings(imported.body) == expected["sections"]


@pytest.mark.parametrize("stem", SHARED_PLANS)
def test_real_text_plan_gives_the_same_but_reports_the_issuer_missing(stem: str) -> None:
    imported = import_plan(shared_plan(stem, ".txt"))
    expected = load_expected(SHARED / f"{stem}.expected.yml")
    expected.pop("issuer")
    assert_matches(imported.meta, expected)
    assert any("cơ quan ban hành" in message for message in imported.missing)
    assert headings(imported.body) == expected["sections"]


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_undated_unnumbered_plan_is_a_draft_and_says_so(suffix: str) -> None:
    imported = import_plan(shared_plan("mn-phong-thanh-dong-2017", suffix))
    assert imported.meta["draft"] is True
    assert "number" not in imported.meta and "issued" not in imported.meta
    missing = " ".join(imported.missing)
    assert "số, ký hiệu" in missing and "ngày ban hành" in missing and "draft: true" in missing


@pytest.mark.parametrize("stem", SHARED_PLANS)
def test_header_motto_date_recipients_and_signature_stay_out_of_the_body(stem: str) -> None:
    body = import_plan(shared_plan(stem, ".docx")).body
    for printed in ("CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Số:", "Nơi nhận", "Lưu", "ngày 28 tháng 11", "Trần Thị Phiên"):
        assert printed not in body


def test_appendix_after_the_signature_is_kept_after_a_rule_without_form_blanks() -> None:
    body = import_plan(shared_plan("mn-phong-thanh-dong-2017", ".docx")).body
    assert "\n---\n\n**PHÂN CÔNG CÁC NHÓM THỰC HIỆN CÁC NỘI DUNG**" in body
    assert "……" not in body
    assert "1. Họ tên người đăng ký: …" in body


@pytest.mark.parametrize("name", ["kh-phong-gddt-so-trong.txt", "cv-truong-thcs-v-v.txt"])
def test_own_text_fixture_gives_its_expected_front_matter(name: str) -> None:
    imported = import_plan(OWN / name)
    expected = load_expected(OWN / f"{Path(name).stem}.expected.yml")
    assert_matches(imported.meta, expected)
    assert headings(imported.body) == expected["sections"]
    for words in expected["missing"]:
        assert any(words in message for message in imported.missing), words


def test_word_decision_with_tm_signer_tables_lists_and_picture(tmp_path: Path) -> None:
    imported = import_plan(build_decision_docx(tmp_path / "qd-ubnd-phuong-tm.docx"))
    expected = load_expected(OWN / "qd-ubnd-phuong-tm.expected.yml")
    assert_matches(imported.meta, expected)
    assert headings(imported.body) == expected["sections"]
    assert imported.missing == []
    body = imported.body
    assert "| STT | Họ và tên | Đơn vị | Nhiệm vụ |\n| --- | --- | --- | --- |\n| 1 | Lê Minh Anh |" in body
    assert "**Điều 1.** Thành lập Câu lạc bộ STEM" in body
    assert "- Tổ chức sinh hoạt câu lạc bộ hằng tháng;\n- Tham gia Ngày hội STEM cấp phường." in body
    assert "1. Giáo viên phụ trách lập kế hoạch sinh hoạt.\n2. Câu lạc bộ báo cáo kết quả cuối năm học." in body
    assert "![Hình 1](125-qd-ubnd/hinh-01.png)" in body
    assert [name for name, _ in imported.images] == ["hinh-01.png"]
    assert "Nguyễn Văn Hùng" not in body and "Như Điều 3" not in body


def test_rendered_file_reads_back_to_the_same_front_matter(tmp_path: Path) -> None:
    imported = import_plan(OWN / "kh-phong-gddt-so-trong.txt")
    text = render_plan_file(imported)
    match = re.match(r"^---\n(.*?)\n---\n\n(.*)$", text, re.DOTALL)
    assert match, text[:200]
    assert yaml.safe_load(match[1]) == imported.meta
    assert match[2] == imported.body


def test_imported_front_matter_passes_the_plan_schema(tmp_path: Path) -> None:
    from bangtin.fields import FieldError
    from bangtin.kinds.plan import SCHEMA as PLAN_FIELDS

    paths = [OWN / "kh-phong-gddt-so-trong.txt", OWN / "cv-truong-thcs-v-v.txt", build_decision_docx(tmp_path / "qd.docx")]
    paths += [SHARED / f"{stem}{suffix}" for stem in SHARED_PLANS for suffix in (".docx", ".txt") if SHARED.exists()]
    problems = []
    for path in paths:
        meta = yaml.safe_load(yaml.safe_dump(import_plan(path).meta, allow_unicode=True))
        assert set(meta) <= set(PLAN_FIELDS), (path.name, set(meta) - set(PLAN_FIELDS))
        for key, value in meta.items():
            try:
                PLAN_FIELDS[key].read(value, tmp_path)
            except FieldError as error:
                problems.append((path.name, key, str(error)))
    assert problems == []


def test_word_automatic_numbering_becomes_sections_and_lists(tmp_path: Path) -> None:
    imported = import_plan(build_auto_numbered_docx(tmp_path / "kh-thpt.docx"))
    assert imported.meta["issuer"] == "Trường THPT Chu Văn An"
    assert (imported.meta["title"], imported.meta["school_year"]) == ("Hoạt động câu lạc bộ STEM", "2025-2026")
    assert imported.meta["signer"] == {"title": "Hiệu trưởng", "name": "Nguyễn Thị Mai"}
    assert imported.meta["milestones"] == [
        {"when": "2025-10", "what": "Ra mắt câu lạc bộ"}, {"when": "2025-12", "what": "Ngày hội STEM"},
    ]
    assert headings(imported.body) == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    assert "### 1. Mục đích\n\n- Học sinh hứng thú với khoa học.\n\n### 2. Yêu cầu" in imported.body
    assert "1. Tháng 10/2025: Ra mắt câu lạc bộ\n2. Tháng 12/2025: Ngày hội STEM" in imported.body


def test_word_header_typed_with_a_tab_instead_of_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("TRƯỜNG MẦM NON SAO MAI").bold = True
    document.add_paragraph("Số: 07/KH-MNSM\tBa Đình, ngày 03 tháng 10 năm 2025")
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph("Tổ chức Tuần lễ STEM")
    document.add_paragraph("I. MỤC ĐÍCH")
    document.add_paragraph("Trẻ trải nghiệm.")
    document.save(str(tmp_path / "kh.docx"))
    meta = import_plan(tmp_path / "kh.docx").meta
    assert (meta["number"], meta["issued"], meta["place"]) == ("07/KH-MNSM", date(2025, 10, 3), "Ba Đình")
    assert meta["issuer"] == "Trường Mầm non Sao Mai"


# --- a Word document of another office's shape, built here so the test needs no binary fixture ---------------


def build_decision_docx(path: Path) -> Path:
    """A Quyết định of a ward People's Committee, laid out as ND 30 asks (header and signature tables)."""
    document = docx.Document()
    _two_cells(document, ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂY HỒ", "Số: 125/QĐ-UBND"],
               ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tây Hồ, ngày 05 tháng 01 năm 2026"],
               bold_lines=2)
    _centred(document, "QUYẾT ĐỊNH", bold=True)
    _centred(document, "Về việc thành lập Câu lạc bộ STEM phường Tây Hồ năm học 2025 - 2026", bold=True)
    _centred(document, "ỦY BAN NHÂN DÂN PHƯỜNG TÂY HỒ", bold=True)
    for text in DECISION_PREAMBLE:
        document.add_paragraph(text)
    _centred(document, "QUYẾT ĐỊNH:", bold=True)
    document.add_paragraph("Điều 1. Thành lập Câu lạc bộ STEM phường Tây Hồ năm học 2025 - 2026 gồm các thành viên sau:")
    _table(document, [["STT", "Họ và tên", "Đơn vị", "Nhiệm vụ"], ["1", "Lê Minh Anh", "Trường THCS Tây Hồ", "Chủ nhiệm"],
                      ["2", "Phạm Thu Hà", "Trường TH Quảng An", "Thư ký"]])
    document.add_paragraph("Điều 2. Câu lạc bộ có nhiệm vụ:")
    document.add_paragraph("Tổ chức sinh hoạt câu lạc bộ hằng tháng;", style="List Bullet")
    document.add_paragraph("Tham gia Ngày hội STEM cấp phường.", style="List Bullet")
    document.add_paragraph("Tiến độ thực hiện:")
    _table(document, [["Thời gian", "Nội dung"], ["Tháng 02/2026", "Ngày hội STEM cấp phường"],
                      ["Tháng 5/2026", "Tổng kết năm học"]])
    document.add_paragraph("Giáo viên phụ trách lập kế hoạch sinh hoạt.", style="List Number")
    document.add_paragraph("Câu lạc bộ báo cáo kết quả cuối năm học.", style="List Number")
    document.add_picture(_tiny_png())
    document.add_paragraph("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành.")
    _two_cells(document, ["Nơi nhận:", "- Như Điều 3;", "- Phòng GD&ĐT (để b/c);", "- Lưu: VT, VHXH."],
               ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "", "Nguyễn Văn Hùng"], bold_lines=1)
    document.save(str(path))
    return path


DECISION_PREAMBLE = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Công văn số 3089/BGDĐT-GDTrH ngày 14/8/2020 của Bộ Giáo dục và Đào tạo về việc triển khai thực hiện "
    "giáo dục STEM trong giáo dục trung học;",
    "Căn cứ Kế hoạch số 210/KH-UBND ngày 20/9/2025 của UBND phường Tây Hồ về phát triển giáo dục STEM; Quyết định "
    "số 45/QĐ-UBND ngày 01/10/2025 của Chủ tịch UBND phường về kiện toàn Ban Chỉ đạo chuyển đổi số;",
    "Xét đề nghị của Trưởng phòng Văn hóa - Xã hội.",
]


def build_auto_numbered_docx(path: Path) -> Path:
    """Sections and lists numbered by Word itself (I., 1., bullets), a two-row header table, a signer table."""
    document = docx.Document()
    _add_list_definition(document)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "SỞ GD&ĐT HÀ NỘI"
    table.cell(0, 0).add_paragraph().add_run("TRƯỜNG THPT CHU VĂN AN").bold = True
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    table.cell(1, 0).text = "Số: 05/KH-THPTCVA"
    table.cell(1, 1).text = "Tây Hồ, ngày 08 tháng 9 năm 2025"
    for text in ("KẾ HOẠCH", "Hoạt động câu lạc bộ STEM", "Năm học 2025 – 2026"):
        _centred(document, text, bold=True)
    document.add_paragraph("Căn cứ Công văn số 3089/BGDĐT-GDTrH ngày 14/8/2020 của Bộ GDĐT về giáo dục STEM;")
    for text, level in AUTO_NUMBERED:
        _numbered(document, text, level)
    document.add_paragraph("Các tổ chuyên môn triển khai.")
    _two_cells(document, ["Nơi nhận:", "- Sở GD&ĐT (để b/c);", "- Lưu: VT."], ["HIỆU TRƯỞNG", "", "Nguyễn Thị Mai"], 1)
    document.save(str(path))
    return path


AUTO_NUMBERED = [
    ("MỤC ĐÍCH, YÊU CẦU", 0), ("Mục đích", 1), ("Học sinh hứng thú với khoa học.", 2), ("Yêu cầu", 1),
    ("An toàn.", 2), ("NỘI DUNG", 0), ("Tháng 10/2025: Ra mắt câu lạc bộ", 1), ("Tháng 12/2025: Ngày hội STEM", 1),
    ("TỔ CHỨC THỰC HIỆN", 0),
]


def _add_list_definition(document) -> None:
    """A Word list whose levels print "I.", "1." and a bullet, as plans often use."""
    numbering = document.part.numbering_part.element
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("bullet", "-")]
    xml = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for index, (fmt, text) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{xml}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


def _two_cells(document, left: list[str], right: list[str], bold_lines: int) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right)):
        cell.paragraphs[0].text = ""
        for index, text in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.add_run(text).bold = index < bold_lines


def _centred(document, text: str, bold: bool) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = bold


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text


def _tiny_png() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(data, format="PNG")
    data.seek(0)
    return data
