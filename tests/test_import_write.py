"""The importer's output: exact Markdown of the body, the written files, and never overwriting."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest

from bangtin.importer import ImportedPlan, UnreadableFile, import_plan, render_plan_file, run_import, write_imported
from bangtin.importer.body import render_body
from bangtin.importer.model import Line, Table
from bangtin.importer.reading import read_text_blocks

OWN = Path(__file__).resolve().parent / "fixtures" / "import"


def body_of(text: str) -> str:
    return render_body(read_text_blocks(dedent(text).strip()), [], "anh")


@pytest.mark.parametrize(
    ("source", "markdown"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU:\n1. Mục đích:\n- Nâng cao nhận thức.", "## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n- Nâng cao nhận thức.\n"),
        ("#### I. MỤC TIÊU\n## 2. Xây dựng mô hình\nNội dung.", "## I. MỤC TIÊU\n\n### 2. Xây dựng mô hình\n\nNội dung.\n"),
        ("1. Tiêu chí thi đua\n1.1. Đối với tập thể\n- Đoàn kết.", "### 1. Tiêu chí thi đua\n\n#### 1.1. Đối với tập thể\n\n- Đoàn kết.\n"),
        ("II. NỘI DUNG\n1. Tháng 10: Ra mắt\n2. Tháng 12: Ngày hội\nIII. TỔ CHỨC", "## II. NỘI DUNG\n\n1. Tháng 10: Ra mắt\n2. Tháng 12: Ngày hội\n\n## III. TỔ CHỨC\n"),
        ("- Lưu ý\n+100% cá nhân tham gia\n+ Tổng hợp đăng ký.", "- Lưu ý\n    - 100% cá nhân tham gia\n    - Tổng hợp đăng ký.\n"),
        ("Các hình thức:\n- + Tuyên truyền.\n- + Treo băng rôn.", "Các hình thức:\n\n- Tuyên truyền.\n- Treo băng rôn.\n"),
        ("1. Làm việc A thật dài.\n- chi tiết\n2. Làm việc B thật dài.", "1. Làm việc A thật dài.\n    - chi tiết\n2. Làm việc B thật dài.\n"),
        ("Mở đầu.\n3. Việc thứ ba.\n4. Việc thứ tư.", "Mở đầu.\n\n3\\. Việc thứ ba.\n\n4\\. Việc thứ tư.\n"),
        ("1. Ban Giám hiệu\n2. Tổ chuyên môn", "1. Ban Giám hiệu\n2. Tổ chuyên môn\n"),
        ("Họ tên:…………………\n……………………………………\nKý tên", "Họ tên: …\n\nKý tên\n"),
        ("Điều 1. Thành lập câu lạc bộ.", "**Điều 1.** Thành lập câu lạc bộ.\n"),
        ("PHÂN CÔNG NHIỆM VỤ\n+ Tổng hợp", "**PHÂN CÔNG NHIỆM VỤ**\n\n- Tổng hợp\n"),
        ("# tiêu đề lạ", "tiêu đề lạ\n"),
    ],
)
def test_body_markdown(source: str, markdown: str) -> None:
    assert body_of(source) == markdown


def test_tables_and_images_in_the_body() -> None:
    blocks = [Table((("STT", "Nội dung"), ("1", "Tập huấn | thực hành"), ("2",))), Line("Ảnh:", images=("hinh-01.png",))]
    assert render_body(blocks, [], "259-kh-mnhm") == dedent(
        """\
        | STT | Nội dung |
        | --- | --- |
        | 1 | Tập huấn \\| thực hành |
        | 2 |  |

        Ảnh:

        ![Hình 1](259-kh-mnhm/hinh-01.png)
        """
    )


def test_appendix_follows_a_rule() -> None:
    assert render_body([Line("Nội dung.")], [Line("Mẫu M1")], "x") == "Nội dung.\n\n---\n\nMẫu M1\n"


def _imported(images: list[tuple[str, bytes]] | None = None) -> ImportedPlan:
    meta = {"number": "12/KH-THCS", "title": "Kế hoạch thử", "issued": date(2025, 9, 5)}
    return ImportedPlan(meta, "Nội dung.\n", images or [], [], "12-kh-thcs")


def test_write_creates_the_plan_and_its_image_folder(tmp_path: Path) -> None:
    target = write_imported(_imported([("hinh-01.png", b"\x89PNG")]), tmp_path / "plans")
    assert target == tmp_path / "plans" / "12-kh-thcs.md"
    assert target.read_text(encoding="utf-8") == "---\nnumber: 12/KH-THCS\ntitle: Kế hoạch thử\nissued: 2025-09-05\n---\n\nNội dung.\n"
    assert (tmp_path / "plans" / "12-kh-thcs" / "hinh-01.png").read_bytes() == b"\x89PNG"


def test_write_refuses_to_overwrite_a_plan(tmp_path: Path) -> None:
    (tmp_path / "12-kh-thcs.md").write_text("bản cũ", encoding="utf-8")
    with pytest.raises(FileExistsError, match="không ghi đè"):
        write_imported(_imported(), tmp_path)
    assert (tmp_path / "12-kh-thcs.md").read_text(encoding="utf-8") == "bản cũ"


def test_write_refuses_to_overwrite_an_image_folder(tmp_path: Path) -> None:
    (tmp_path / "12-kh-thcs").mkdir()
    with pytest.raises(FileExistsError):
        write_imported(_imported([("hinh-01.png", b"x")]), tmp_path)
    assert not (tmp_path / "12-kh-thcs.md").exists()


def test_unnumbered_plan_is_named_by_its_title(tmp_path: Path) -> None:
    imported = ImportedPlan({"title": "Triển khai phong trào “Đổi mới”", "draft": True}, "x\n", [], [], "")
    from bangtin.importer.plan import plan_slug

    assert plan_slug(imported.meta) == "trien-khai-phong-trao-doi-moi"


def test_run_import_prints_the_new_file_and_what_is_missing(tmp_path: Path) -> None:
    said: list[str] = []
    assert run_import(OWN / "kh-phong-gddt-so-trong.txt", tmp_path, said.append) == 0
    assert said[0] == f"Đã tạo {tmp_path / '454-kh-gddt.md'}"
    assert any("ngày ban hành để trống" in line for line in said)
    said.clear()
    assert run_import(OWN / "kh-phong-gddt-so-trong.txt", tmp_path, said.append) == 1
    assert said[0].startswith("Lỗi: ") and "không ghi đè" in said[0]


@pytest.mark.parametrize(("name", "words"), [("ke-hoach.doc", "lưu lại dạng .docx"), ("ke-hoach.pdf", "chỉ nhập được")])
def test_files_of_other_kinds_are_refused_in_vietnamese(tmp_path: Path, name: str, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(UnreadableFile, match=words):
        import_plan(path)


def test_text_in_legacy_encodings_and_utf16_is_read(tmp_path: Path) -> None:
    text = "KẾ HOẠCH\nTổ chức Ngày hội STEM\nNơi nhận:\n- Lưu: VT."
    for encoding in ("utf-16", "utf-8-sig"):
        path = tmp_path / f"plan-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        imported = import_plan(path)
        assert imported.meta["title"] == "Tổ chức Ngày hội STEM"
        assert not any("Windows-1258" in message for message in imported.missing)


def _windows_1258(text: str) -> bytes:
    """Text as Vietnamese Windows saves it: base letters (Ê, Ơ, Đ…) precomposed, tone marks combining after them."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_a_text_in_windows_1258_is_read_and_the_clerk_told_to_check_it(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach-cu.txt"
    path.write_bytes(_windows_1258("KẾ HOẠCH\nTổ chức Ngày hội STEM\nNơi nhận:\n- Lưu: VT."))
    imported = import_plan(path)
    assert imported.meta["title"] == "Tổ chức Ngày hội STEM"  # cp1258 keeps Vietnamese as base letters and tone marks
    [note] = [message for message in imported.missing if "Windows-1258" in message]
    assert "“ke-hoach-cu.txt” không lưu bằng mã UTF-8" in note and "lưu lại tệp bằng mã UTF-8" in note


def test_rendered_file_starts_with_front_matter() -> None:
    text = render_plan_file(_imported())
    assert text.startswith("---\nnumber: 12/KH-THCS\n") and text.endswith("---\n\nNội dung.\n")
