import pytest

from bangtin.privacy import find_private_data


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ cô Lan: 0912 345 678.",
        "Gọi 0912.345.678 để đăng ký",
        "Số của phụ huynh +84 987 654 321",
        "Số định danh 001203004567 của bé",
        "CCCD: 001 203 004 567",
        "Bé Nguyễn Minh An (12/03/2020) đạt giải nhất.",
        "Bé Trần Thu Hà, 05/11/2019, lớp Lá 2",
        "Cháu sinh ngày 1/6/2020 tại Hà Nội",
        "Ngày sinh: 01/06/2020",
    ],
)
def test_personal_data_is_found(text):
    assert find_private_data(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Điện thoại nhà trường: 024 3872 0000",
        "Ngày hội diễn ra ngày 05/12/2025 tại sân trường.",
        "Kế hoạch số 259/KH-MNHS ngày 28/11/2025 của nhà trường",
        "Thực hiện Kế hoạch số 4400/KH-SGDĐT ngày 23/10/2025 của Sở GD&ĐT Hà Nội",
        "Có 120 trẻ tham gia, 24 trẻ đạt giải.",
        "Kế hoạch của Trường Mầm non Hoa Sen ngày 28/11/2025",
        "Năm học 2025-2026 có 2025 lượt truy cập",
    ],
)
def test_ordinary_school_text_is_not_flagged(text):
    assert find_private_data(text) == []


def test_findings_carry_their_line():
    findings = find_private_data("Dòng một.\n\nLiên hệ 0912345678.\n")
    assert [f.line for f in findings] == [3]
    assert "0912345678" in findings[0].message


def _site_with(tmp_path, extra_meta):
    from content_samples import good_content
    from sitebuild import front, make_site

    post = front({"title": "Bé Nguyễn Minh An đạt giải", "date": "2025-12-08", "categories": ["Tin tức"], **extra_meta},
                 "Chúc mừng bé Nguyễn Minh An (12/03/2020).\n\nLiên hệ cô chủ nhiệm: 0912 345 678.\n")
    return make_site(tmp_path / "truong", {**good_content(), "news/2025-12-08-dat-giai.md": post})


def test_privacy_warnings_stop_a_strict_build_with_file_and_line(tmp_path):
    from sitebuild import run_mkdocs

    build = run_mkdocs(_site_with(tmp_path, {}))
    assert build.returncode != 0
    assert "news/2025-12-08-dat-giai.md:7" in build.output and "ngày sinh “12/03/2020”" in build.output
    assert "news/2025-12-08-dat-giai.md:9" in build.output and "0912 345 678" in build.output
    assert "privacy_consent" in build.output


def test_a_recorded_consent_acknowledges_the_data(tmp_path):
    from sitebuild import run_mkdocs

    build = run_mkdocs(_site_with(tmp_path, {"privacy_consent": "Phụ huynh bé An đồng ý công khai (phiếu ngày 01/12/2025)"}))
    assert build.returncode == 0, build.output
