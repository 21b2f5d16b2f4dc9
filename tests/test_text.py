import unicodedata

import pytest

from bangtin.text import fold, slugify, slugify_anchor


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Bé vui Ngày hội STEM", "be-vui-ngay-hoi-stem"),
        ("Đổi mới sáng tạo & chuyển đổi số", "doi-moi-sang-tao-chuyen-doi-so"),
        ("Hoạt động STEM", "hoat-dong-stem"),
        ("259/KH-MNHM", "259-kh-mnhm"),
        ("30/2020/NĐ-CP", "30-2020-nd-cp"),
        ("  Khoa học:  “Bé làm nhà khoa học” 🎉 ", "khoa-hoc-be-lam-nha-khoa-hoc"),
        (unicodedata.normalize("NFD", "Đối tượng"), "doi-tuong"),
    ],
)
def test_slugs_are_ascii_with_d_for_dd(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    "text, folded",
    [("Kế hoạch", "Ke hoach"), ("hòa", "hoa"), ("hoà", "hoa"), ("ĐỨC", "DUC"), ("Bình dân học vụ số", "Binh dan hoc vu so")],
)
def test_fold_drops_every_vietnamese_mark(text, folded):
    assert fold(text) == folded


def test_long_slugs_are_cut_at_a_word():
    slug = slugify("Triển khai Phong trào thi đua " * 10)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.startswith("trien-khai-phong-trao")


def test_heading_anchor_uses_the_toc_separator():
    assert slugify_anchor("II. Đối tượng, nội dung", "_") == "ii_doi_tuong_noi_dung"
