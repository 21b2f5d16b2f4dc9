"""Table-driven tests of each extraction rule of the plan importer, on plain strings and lines."""

from __future__ import annotations

from datetime import date

import pytest

from bangtin.importer.basis import read_basis, read_citations
from bangtin.importer.casing import org_case, sentence_case
from bangtin.importer.header import find_issuer, find_number, read_date_line, read_number
from bangtin.importer.heading import read_heading
from bangtin.importer.lines import clean_line, opens_section, split_columns
from bangtin.importer.model import Line, Table
from bangtin.importer.numbering import _format
from bangtin.importer.reading import mend_paragraphs, read_text_blocks
from bangtin.importer.signature import read_signers, read_trailer
from bangtin.importer.timeline import read_milestone, read_milestones


def lines(*texts: str, bold: tuple[int, ...] = ()) -> list[Line]:
    return [Line(clean_line(text), index in bold) for index, text in enumerate(texts)]


# --- số, ký hiệu --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("Số: 259/KH-MNHM", "259/KH-MNHM"),
        ("Số: 20./KH-MNHgS", "20/KH-MNHgS"),
        ("Số: /454 /KH-GDĐT", "454/KH-GDĐT"),
        ("Số: 05 / QĐ - UBND", "05/QĐ-UBND"),
        ("Số 3089/BGDĐT-GDTrH", "3089/BGDĐT-GDTrH"),
        ("Số: 57-NQ/TW", "57-NQ/TW"),
        ("Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP"),
        ("Số: 13/2015/TT- BVHTTDL", "13/2015/TT-BVHTTDL"),
        ("Số: 259/KH-MNHM.", "259/KH-MNHM"),
        ("SỐ: 12/QyĐ-THCS", "12/QyĐ-THCS"),
    ],
)
def test_number_is_read_through_real_noise(printed: str, number: str) -> None:
    found = find_number(lines(printed))
    assert found is not None and found.text == number and found.problem is None


@pytest.mark.parametrize("printed", ["Số: / KH-SGDĐT", "Số:         /QĐ-SGDĐT", "Số: …/KH-MNHM", "Số: ....../TB-THCS"])
def test_blank_number_is_omitted_and_reported(printed: str) -> None:
    found = find_number(lines(printed))
    assert found is not None and found.text is None
    assert "để trống" in found.problem


def test_number_of_no_known_shape_is_reported_not_written() -> None:
    found = read_number("12/KH")
    assert found.text is None and "không đúng dạng" in found.problem


def test_a_title_starting_with_so_is_not_a_number_line() -> None:
    assert find_number(lines("Số hóa hồ sơ giáo viên")) is None


# --- place and date -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "place", "day", "month", "year"),
    [
        ("Long Biên, ngày 28 tháng 11 năm 2025", "Long Biên", 28, 11, 2025),
        ("Gò Vấp, ngày 02 tháng 3 năm 2022", "Gò Vấp", 2, 3, 2022),
        ("TP. Hồ Chí Minh, ngày 5 tháng 9 năm 2025", "TP. Hồ Chí Minh", 5, 9, 2025),
        ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", "Thành phố Hồ Chí Minh", 29, 6, 2019),
        ("Hà Nội, ngày      tháng 02 năm 2021", "Hà Nội", None, 2, 2021),
        ("Cầu Giấy, ngày …… tháng 9 năm 2024.", "Cầu Giấy", None, 9, 2024),
        ("Tây Hồ, ngày .... tháng .... năm 2025", "Tây Hồ", None, None, 2025),
        ("*Long Biên, ngày 01 tháng 12 năm 2025*", "Long Biên", 1, 12, 2025),
        ("Long Biên, 28/11/2025", "Long Biên", 28, 11, 2025),
    ],
)
def test_date_line_gives_place_and_date_and_keeps_the_month_of_a_blank_day(line, place, day, month, year) -> None:
    found = read_date_line(clean_line(line))
    assert (found.place, found.day, found.month, found.year) == (place, day, month, year)
    assert found.issued == (date(year, month, day) if day else None)


@pytest.mark.parametrize(
    "text",
    [
        "Trong năm học này, ngày 20 tháng 11 năm 2025 nhà trường tổ chức hội giảng",
        "Thực hiện Kế hoạch 403/KH-UBND ngày 10 tháng 02 năm 2022 của Ủy ban nhân dân quận Gò Vấp",
    ],
)
def test_a_date_inside_a_sentence_is_not_the_date_line(text: str) -> None:
    assert read_date_line(text) is None


def test_impossible_date_is_not_an_issue_date() -> None:
    assert read_date_line("Hà Nội, ngày 30 tháng 02 năm 2025").issued is None


# --- type, title and issuer -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "kind", "title"),
    [
        (["KẾ HOẠCH", "Triển khai phong trào thi đua", "Căn cứ …"], "Kế hoạch", "Triển khai phong trào thi đua"),
        (["## KẾ HOẠCH", "### Tổ chức Ngày hội STEM", "Thực hiện …"], "Kế hoạch", "Tổ chức Ngày hội STEM"),
        ([" KẾ HOẠCH PHỐI HỢP", "Triển khai phong trào", "Năm học 2017 - 2018", "Căn cứ"], "Kế hoạch phối hợp", "Triển khai phong trào"),
        (["QUYẾT ĐỊNH", "VỀ VIỆC THÀNH LẬP CÂU LẠC BỘ STEM", "HIỆU TRƯỞNG TRƯỜNG THCS A", "Căn cứ"], "Quyết định", "Về việc thành lập câu lạc bộ STEM"),
        (["KẾ HOẠCH TỔ CHỨC NGÀY HỘI STEM NĂM HỌC 2025-2026", "Căn cứ Kế hoạch số 1/KH-X"], "Kế hoạch", "Tổ chức ngày hội STEM năm học 2025-2026"),
        (["TRƯỜNG MN A", "Số: 86/MNA-VP", "V/v hướng dẫn học kỹ năng số", "Kính gửi: cha mẹ trẻ"], "Công văn", "V/v hướng dẫn học kỹ năng số"),
        (["THÔNG BÁO", "Kết quả Hội thi giáo viên giỏi", "I. KẾT QUẢ"], "Thông báo", "Kết quả Hội thi giáo viên giỏi"),
    ],
)
def test_type_and_title_come_from_the_heading(texts: list[str], kind: str, title: str) -> None:
    heading = read_heading(lines(*texts))
    assert (heading.type, heading.title) == (kind, title)


def test_title_over_two_lines_is_joined_and_the_body_starts_after_it() -> None:
    blocks = mend_paragraphs(tuple(lines("KẾ HOẠCH", "Tổ chức Ngày hội STEM", "năm học 2025 - 2026", "-----", "Căn cứ …")))
    heading = read_heading(blocks)
    assert heading.title == "Tổ chức Ngày hội STEM năm học 2025 - 2026"
    assert blocks[heading.body_start].text == "Căn cứ …"


@pytest.mark.parametrize(
    ("header", "bold", "issuer"),
    [
        (["UBND PHƯỜNG LONG BIÊN", "TRƯỜNG MẦM NON HOA MAI", "Số: 259/KH-MNHM"], (0, 1), "Trường Mầm non Hoa Mai"),
        (["TRƯỜNG MẦM NON PHONG THẠNH ĐÔNG", "BCH CÔNG ĐOÀN CƠ SỞ"], (0,), "Trường Mầm non Phong Thạnh Đông"),
        (["PHÒNG GD&ĐT QUẬN GÒ VẤP", "TRƯỜNG MẦM NON HƯƠNG SEN"], (1,), "Trường Mầm non Hương Sen"),
        (["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂY HỒ", "Số: 125/QĐ-UBND"], (0, 1), "Ủy ban nhân dân phường Tây Hồ"),
        (["UBND QUẬN BA ĐÌNH", "TRƯỜNG TRUNG HỌC CƠ SỞ", "NGUYỄN TRI PHƯƠNG"], (1, 2), "Trường Trung học cơ sở Nguyễn Tri Phương"),
        (["SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], (), "Sở Giáo dục và Đào tạo Hà Nội"),
        (["Số: 1/KH-X", "Hà Nội, ngày 01 tháng 9 năm 2025"], (), None),
    ],
)
def test_issuer_is_the_bold_name_under_the_superior_body(header, bold, issuer) -> None:
    assert find_issuer(lines(*header, bold=bold)) == issuer


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("KẾ HOẠCH PHỐI HỢP", "Kế hoạch phối hợp"),
        ("PHÓ HIỆU TRƯỞNG", "Phó Hiệu trưởng"),
        ("CTCĐ", "CTCĐ"),
        ("HIỆU TRƯỞNG TRƯỜNG THCS", "Hiệu trưởng trường THCS"),
        ("TỔ CHỨC NGÀY HỘI STEM", "Tổ chức ngày hội STEM"),
    ],
)
def test_sentence_case_keeps_acronyms(printed: str, written: str) -> None:
    assert sentence_case(printed) == written


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("TRƯỜNG MẦM NON HOA MAI", "Trường Mầm non Hoa Mai"),
        ("UBND PHƯỜNG LONG BIÊN", "UBND phường Long Biên"),
        ("PHÒNG GD&ĐT QUẬN GÒ VẤP", "Phòng GD&ĐT quận Gò Vấp"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", "Sở Giáo dục và Đào tạo Hà Nội"),
        ("TRƯỜNG TIỂU HỌC ĐÌNH BẢNG 2", "Trường Tiểu học Đình Bảng 2"),
        ("BCH CÔNG ĐOÀN CƠ SỞ", "BCH Công đoàn cơ sở"),
    ],
)
def test_body_names_are_written_in_proper_case(printed: str, written: str) -> None:
    assert org_case(printed) == written


# --- căn cứ ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "cited"),
    [
        (
            "Thực hiện Kế hoạch số 4400/KH-SGDĐT ngày 23/10/2025 của Sở GD&ĐT Hà Nội về việc triển khai …;",
            [{"number": "4400/KH-SGDĐT", "issued": date(2025, 10, 23), "issuer": "Sở GD&ĐT Hà Nội"}],
        ),
        (
            "Thực hiện Kế hoạch 403/KH-UBND ngày 10 tháng 02 năm 2022 của Ủy ban nhân dân quận Gò Vấp tổ chức thực hiện …;",
            [{"number": "403/KH-UBND", "issued": date(2022, 2, 10), "issuer": "Ủy ban nhân dân quận Gò Vấp"}],
        ),
        (
            "Thực hiện Quyết định số 1358/QĐ-BGDĐT ngày 16/5/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo thực hiện Nghị "
            "quyết số 71/NQ-CP ngày 01/04/2025 của Chính phủ sửa đổi, bổ sung …; Kế hoạch số 953/KH-BGDĐT ngày "
            "10/7/2025 của Bộ GD&ĐT về triển khai …;",
            [
                {"number": "1358/QĐ-BGDĐT", "issued": date(2025, 5, 16), "issuer": "Bộ trưởng Bộ Giáo dục và Đào tạo"},
                {"number": "71/NQ-CP", "issued": date(2025, 4, 1), "issuer": "Chính phủ"},
                {"number": "953/KH-BGDĐT", "issued": date(2025, 7, 10), "issuer": "Bộ GD&ĐT"},
            ],
        ),
        (
            "Thực hiện Quyết định số Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá …",
            [{"number": "57-NQ/TW", "issued": date(2024, 12, 22), "issuer": "Bộ Chính trị"}],
        ),
        (
            "Căn cứ Công văn số 3089/BGDĐT-GDTrH ngày 14/8/2020 của Bộ GDĐT về việc triển khai giáo dục STEM;",
            [{"number": "3089/BGDĐT-GDTrH", "issued": date(2020, 8, 14), "issuer": "Bộ GDĐT"}],
        ),
        (
            "Căn cứ Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Điều lệ …;",
            [{"number": "52/2020/TT-BGDĐT", "issued": date(2020, 12, 31), "issuer": "Bộ trưởng Bộ Giáo dục và Đào tạo"}],
        ),
        (
            "nhằm triển khai Nghị quyết 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương khóa XI về đổi mới …",
            [{"number": "29-NQ/TW", "issued": date(2013, 11, 4), "issuer": "Ban Chấp hành Trung ương"}],
        ),
        (
            "Căn cứ Thông tư 13/2015/TT- BVHTTDL ngày 14/12/2015 của Bộ Văn hóa, Thể thao và Du lịch;",
            [{"number": "13/2015/TT-BVHTTDL", "issued": date(2015, 12, 14), "issuer": "Bộ Văn hóa, Thể thao và Du lịch"}],
        ),
        (
            "về thực hiện Nghị quyết số 71/NQ-CP ngày 1/4/2025 của Chính phủ và Kế hoạch hành động của Ban thường vụ",
            [{"number": "71/NQ-CP", "issued": date(2025, 4, 1), "issuer": "Chính phủ"}],
        ),
        ("Căn cứ Luật Giáo dục ngày 14/6/2019; Căn cứ tình hình thực tế năm học 2025 - 2026;", []),
        ("Căn cứ Luật số 91/2025/QH15 và Nghị định 30/2020/NĐ-CP;", [{"number": "91/2025/QH15"}, {"number": "30/2020/NĐ-CP"}]),
    ],
)
def test_citations_give_number_date_and_issuer(paragraph: str, cited: list[dict]) -> None:
    assert read_citations(paragraph) == cited


def test_basis_comes_from_the_preamble_in_order_each_number_once() -> None:
    body = lines(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về …",
        "Thực hiện Quyết định số 1358/QĐ-BGDĐT ngày 16/5/2025 của Bộ trưởng Bộ GDĐT thực hiện Nghị quyết số 57-NQ/TW;",
        "Căn cứ tình hình thực tế, nhà trường xây dựng kế hoạch như sau:",
        "I. MỤC ĐÍCH",
        "- Thực hiện tốt Kế hoạch số 138/KH-UBND ngày 15/5/2025 của UBND Thành phố.",
    )
    assert [item["number"] for item in read_basis(body)] == ["57-NQ/TW", "1358/QĐ-BGDĐT"]


def test_basis_section_counts_as_preamble() -> None:
    body = lines("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "- Căn cứ Kế hoạch số 12/KH-PGDĐT ngày 05/9/2025 của Phòng GD&ĐT;", "II. MỤC ĐÍCH")
    assert read_basis(body) == [{"number": "12/KH-PGDĐT", "issued": date(2025, 9, 5), "issuer": "Phòng GD&ĐT"}]


def test_without_basis_paragraphs_the_fully_cited_documents_of_the_first_section_are_taken() -> None:
    body = lines(
        "Căn cứ vào tình hình thực hiện nhiệm vụ năm học 2017 - 2018;",
        "I. MỤC ĐÍCH YÊU CẦU:",
        "1. Tổ chức phong trào nhằm triển khai Nghị quyết 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương khóa XI; Nghị quyết 88/2014/QH13.",
        "II. NỘI DUNG",
        "1. Theo Kế hoạch số 5/KH-CĐ ngày 01/9/2017 của Công đoàn ngành.",
    )
    assert read_basis(body) == [{"number": "29-NQ/TW", "issued": date(2013, 11, 4), "issuer": "Ban Chấp hành Trung ương"}]


# --- signers and recipients ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "signers"),
    [
        (["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "(Đã ký)", "Đỗ Thị Hòa"],
         [{"authority": "KT.", "on_behalf_of": "Hiệu trưởng", "title": "Phó Hiệu trưởng", "name": "Đỗ Thị Hòa"}]),
        (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Thị Hòa"],
         [{"authority": "KT.", "on_behalf_of": "Giám đốc", "title": "Phó Giám đốc", "name": "Đỗ Thị Hòa"}]),
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"],
         [{"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Nguyễn Văn Hùng"}]),
        (["T/M BAN CHẤP HÀNH", "CHỦ TỊCH", "Phạm Thu Trang"],
         [{"authority": "TM.", "on_behalf_of": "Ban Chấp hành", "title": "Chủ tịch", "name": "Phạm Thu Trang"}]),
        (["Q. HIỆU TRƯỞNG", "Lê Văn Tám"], [{"authority": "Q.", "title": "Hiệu trưởng", "name": "Lê Văn Tám"}]),
        (["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Trần Văn Bình"],
         [{"authority": "TL.", "on_behalf_of": "Giám đốc", "title": "Chánh văn phòng", "name": "Trần Văn Bình"}]),
        (["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Phạm Xuân Tiến"],
         [{"authority": "TUQ.", "on_behalf_of": "Chủ tịch", "title": "Giám đốc sở giáo dục và đào tạo", "name": "Phạm Xuân Tiến"}]),
        (["HIỆU TRƯỞNG", "", "Trần Thị Phiên", "CTCĐ", "Đặng Kim Ngân"],
         [{"title": "Hiệu trưởng", "name": "Trần Thị Phiên"}, {"title": "CTCĐ", "name": "Đặng Kim Ngân"}]),
        (["HIỆU TRƯỞNG", "NGUYỄN THỊ LAN"], [{"title": "Hiệu trưởng", "name": "Nguyễn Thị Lan"}]),
        (["PHÂN CÔNG CÁC NHÓM", "1/ TỔ VĂN: NHÓM CÔNG TÁC XÃ HỘI"], None),
        (["HIỆU TRƯỞNG"], None),
    ],
)
def test_signer_blocks_give_authority_title_and_name(block: list[str], signers) -> None:
    assert read_signers(block) == signers


def test_recipients_stop_at_the_keep_line_and_the_signer_follows() -> None:
    blocks = lines("Nội dung.", "*Noi nhận:*", "- BGH (để BC)", "- Tổ chuyên môn (để thực hiện);", "- Lưu VP,",
                   "HIỆU TRƯỞNG", "(Đã ký)", "Nguyễn Thị Thanh Hương", "PHỤ LỤC", "1. Danh sách lớp")
    trailer = read_trailer(blocks, 0)
    assert trailer.recipients == ["BGH (để BC)", "Tổ chuyên môn (để thực hiện)"]
    assert trailer.signers == [{"title": "Hiệu trưởng", "name": "Nguyễn Thị Thanh Hương"}]
    assert (trailer.start, trailer.end) == (1, 8)


def test_recipients_with_dots_and_keep_line_with_colon() -> None:
    blocks = lines("Nơi nhận:", "· Ban Chấp hành công đoàn;", "· Hội đồng thi đua, khen thưởng trường;", "· Lưu: VT, (Ngân).")
    assert read_trailer(blocks, 0).recipients == ["Ban Chấp hành công đoàn", "Hội đồng thi đua, khen thưởng trường"]


def test_text_columns_put_the_signer_beside_the_recipients() -> None:
    raw = "Nơi nhận:\t\tKT. TRƯỞNG PHÒNG\n- Như trên;\t\tPHÓ TRƯỞNG PHÒNG\n- Lưu: VT.\n\t\tNguyễn Thị Thu Hà"
    trailer = read_trailer(read_text_blocks(raw), 0)
    assert trailer.recipients == ["Như trên"]
    assert trailer.signers == [
        {"authority": "KT.", "on_behalf_of": "Trưởng phòng", "title": "Phó Trưởng phòng", "name": "Nguyễn Thị Thu Hà"}
    ]


def test_signer_above_the_recipients_and_a_signer_without_recipients() -> None:
    above = read_trailer(lines("Nội dung.", "HIỆU TRƯỞNG", "Lê Văn An", "Nơi nhận:", "- Như trên;", "- Lưu: VT."), 0)
    assert (above.start, above.signers, above.recipients) == (1, [{"title": "Hiệu trưởng", "name": "Lê Văn An"}], ["Như trên"])
    alone = read_trailer(lines("Nội dung.", "KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Lê Văn An"), 0)
    assert alone.start == 1 and alone.signers[0]["authority"] == "KT."


def test_signer_block_without_a_name_is_reported() -> None:
    trailer = read_trailer(lines("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "HIỆU TRƯỞNG", "(Đã ký)"), 0)
    assert trailer.signers == [] and trailer.unnamed == ["Hiệu trưởng"]


def test_a_signature_that_lost_its_title_line_gives_the_name_and_says_the_title_is_missing() -> None:
    """Word exports drop a title kept in a text box or an image: only the name follows the recipients."""
    trailer = read_trailer(lines("Nội dung.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "(Đã ký)", "Nguyễn Thị Thu"), 0)
    assert trailer.signers == [{"name": "Nguyễn Thị Thu"}] and trailer.untitled == ["Nguyễn Thị Thu"]
    assert trailer.recipients == ["Như trên"] and trailer.end == 6
    more = read_trailer(lines("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "Nguyễn Thị Thu", "PHỤ LỤC", "1. Danh sách"), 0)
    assert more.signers == [] and more.untitled == []  # a name followed by more text is not read as the signer


def test_the_import_reports_the_missing_title_instead_of_no_signer(tmp_path) -> None:
    from bangtin.importer import import_plan

    path = tmp_path / "ke-hoach.txt"
    path.write_text("TRƯỜNG MẦM NON HOA SEN\nSố: 12/KH-MNHS\nKẾ HOẠCH\nTổ chức Ngày hội STEM\nNội dung.\n"
                    "Nơi nhận:\n- BGH;\n- Lưu: VT.\nNguyễn Thị Thu\n", encoding="utf-8")
    imported = import_plan(path)
    assert imported.meta["signer"] == {"name": "Nguyễn Thị Thu"}
    assert not any("không tìm thấy người ký" in message for message in imported.missing)
    [missing] = [message for message in imported.missing if "thiếu chức vụ" in message]
    assert missing.startswith("người ký “Nguyễn Thị Thu” thiếu chức vụ") and "signer: {title: Hiệu trưởng, name: Nguyễn Thị Thu}" in missing


# --- milestones -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "milestone"),
    [
        ("1. Tháng 09-10/2017", {"when": "2017-09..2017-10"}),
        ("5. Tháng 05 - 06/2018", {"when": "2018-05..2018-06"}),
        ("- Giai đoạn 1: từ 2025 - 2027 Ban hành Kế hoạch và tổ chức triển khai", {"when": "2025..2027", "what": "Giai đoạn 1"}),
        ("- Giai đoạn 2: Từ 2027 - 2030 Trên cơ sở sơ kết", {"when": "2027..2030", "what": "Giai đoạn 2"}),
        ("Giai đoạn 2 (2027-2030)", {"when": "2027..2030", "what": "Giai đoạn 2"}),
        ("- Tháng 12/2025: Tập huấn chuyển đổi số cho giáo viên.", {"when": "2025-12", "what": "Tập huấn chuyển đổi số cho giáo viên"}),
        ("Tháng 9 năm 2025: khai giảng", {"when": "2025-09", "what": "khai giảng"}),
        ("Tháng 12/2025 - 01/2026: Hội giảng", {"when": "2025-12..2026-01", "what": "Hội giảng"}),
        ("Quý I/2026: Sơ kết học kỳ", {"when": "2026-01..2026-03", "what": "Sơ kết học kỳ"}),
        ("Từ ngày 01/12/2025 đến ngày 15/12/2025: Hội thi", {"when": "2025-12-01..2025-12-15", "what": "Hội thi"}),
        ("Năm 2026: tổng kết", {"when": "2026", "what": "tổng kết"}),
        ("9/2025: Khai giảng năm học", {"when": "2025-09", "what": "Khai giảng năm học"}),
        ("12/2025 - 01/2026: Hội giảng", {"when": "2025-12..2026-01", "what": "Hội giảng"}),
        ("Từ 15/9 - 30/9/2025: Tuần lễ STEM", {"when": "2025-09-15..2025-09-30", "what": "Tuần lễ STEM"}),
        ("- 52/2020/TT-BGDĐT: Điều lệ trường mầm non", None),
        ("Năm học 2025-2026", None),
        ("Tháng 13/2025: sai tháng", None),
        ("- Tổng hợp đăng ký trước ngày 30/10/2017.", None),
    ],
)
def test_milestone_lines(line: str, milestone) -> None:
    assert read_milestone(line) == milestone


def test_timeline_table_gives_milestones_and_repeats_are_dropped() -> None:
    table = Table((("Thời gian", "Nội dung", "Người thực hiện"), ("Tháng 02/2026", "Ngày hội STEM", "BGH"),
                   ("Tháng 02/2026", "Ngày hội STEM", "BGH")))
    assert read_milestones([table, Line("Tháng 5/2026")]) == [
        {"when": "2026-02", "what": "Ngày hội STEM"}, {"when": "2026-05"},
    ]


# --- reading ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "pieces"),
    [
        ("UBND QUẬN CẦU GIẤY\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["UBND QUẬN CẦU GIẤY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
        ("Số: /454 /KH-GDĐT\tCầu Giấy, ngày      tháng 9 năm 2024", ["Số: /454 /KH-GDĐT", "Cầu Giấy, ngày tháng 9 năm 2024"]),
        ("Số:         /QĐ-SGDĐT", ["Số: /QĐ-SGDĐT"]),
        ("\tHIỆU TRƯỞNG", ["HIỆU TRƯỞNG"]),
        ("- BCH CĐCS  ban hành kế hoạch", ["- BCH CĐCS ban hành kế hoạch"]),
    ],
)
def test_text_lines_split_into_columns_but_not_at_blanks_left_for_handwriting(raw: str, pieces: list[str]) -> None:
    assert split_columns(raw) == pieces


def test_paragraph_broken_by_a_copy_is_mended() -> None:
    mended = mend_paragraphs(tuple(lines(
        "Thực hiện Kế hoạch số 212/KH-UBND của UBND phường về triển khai phong trào “Cả nước thi đua",
        "chuyển đổi số” của ngành giáo dục;",
        "- Hoàn thành các chỉ tiêu cụ thể trong",
        "Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025.",
        "I. MỤC ĐÍCH",
    )))
    assert [line.text[:20] for line in mended] == ["Thực hiện Kế hoạch s", "- Hoàn thành các chỉ", "I. MỤC ĐÍCH"]


@pytest.mark.parametrize(("value", "fmt", "label"), [(4, "upperRoman", "IV"), (2, "lowerLetter", "b"), (3, "decimalZero", "03")])
def test_word_list_labels(value: int, fmt: str, label: str) -> None:
    assert _format(value, fmt) == label


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU:", True), ("IV.TRIỂN KHAI THỰC HIỆN", True), ("II/ NỘI DUNG", True), ("VI) KINH PHÍ", True),
        ("PHẦN I. MỤC TIÊU", True), ("Phần thứ hai", True), ("Điều 1. Thành lập", True),
        ("V/v hướng dẫn học kỹ năng số", False), ("Phần mềm quản lý trường học", False), ("Việt Nam", False),
    ],
)
def test_section_openers(text: str, opens: bool) -> None:
    assert opens_section(text) is opens
