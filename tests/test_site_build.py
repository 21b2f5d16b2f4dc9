"""End-to-end: a small school built with ``mkdocs build --strict``; facts asserted in the HTML."""

from __future__ import annotations

import gzip
import re

import pytest
from lxml import html as lhtml

from content_samples import good_content
from sitebuild import indexed_pages, front, make_site, run_mkdocs

DRAFT_POST = front({"title": "Bản nháp chưa duyệt", "date": "2025-12-01", "draft": True, "categories": ["Tin tức"]},
                   "Nội dung nháp bimatnhap.\n")
SCHEDULED_POST = front({"title": "Thông báo hẹn giờ", "date": "2026-03-01 07:00", "categories": ["Tin tức"]},
                       "Nội dung hẹn giờ.\n")
DRAFT_PLAN = front({"title": "Dự thảo kế hoạch hè", "school_year": "2025-2026", "draft": True})
LATER_EPOCH = "1772500000"  # 2026-03-03


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    files = {**good_content(), "news/2025-12-01-ban-nhap.md": DRAFT_POST, "news/2026-03-01-hen-gio.md": SCHEDULED_POST,
             "plans/du-thao-he.md": DRAFT_PLAN}
    root = make_site(tmp_path_factory.mktemp("school"), files)
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return build


def _doc(build, url):
    return lhtml.fromstring(build.html(url))


def test_registry_row_shows_number_date_title_issuer(school):
    rows = _doc(school, "ke-hoach").xpath("//tr[contains(@class,'bt-registry__row')]")
    cells = {tuple(td.text_content().strip() for td in row.xpath("td")) for row in rows}
    assert ("259/KH-MNTN", "28/11/2025", "Kế hoạch Triển khai Phong trào thi đua đổi mới sáng tạo và chuyển đổi số",
            "Trường Mầm non Thử Nghiệm") in cells
    assert _doc(school, "ke-hoach").xpath("//h2[@id='nam-hoc-2025-2026']")
    assert all(td.get("data-label") for td in rows[0].xpath("td"))


def test_plan_page_has_official_header_basis_and_backlinks(school):
    page = _doc(school, "ke-hoach/2025/259-kh-mntn")
    text = page.text_content()
    assert "Long Biên, ngày 28 tháng 11 năm 2025" in text
    assert "Số: 259/KH-MNTN" in text
    basis = page.xpath("//section[contains(@class,'bt-basis')]//li")
    assert basis[0].text_content().strip() == "Nghị quyết số 57-NQ/TW"
    assert "4400/KH-SGDĐT ngày 23/10/2025 của Sở GD&ĐT Hà Nội" in basis[1].text_content()
    assert basis[2].xpath(".//a/@href") == ["../120-kh-mntn/"]
    back = _doc(school, "ke-hoach/2025/120-kh-mntn").xpath("//section[contains(@class,'bt-backlinks')]//a/@href")
    assert back == ["../259-kh-mntn/"]
    results = page.xpath("//section[contains(@class,'bt-results')]//a[contains(@class,'bt-card__link')]/@href")
    assert results == ["../../../tin-tuc/2025/12/be-vui-ngay-hoi-stem/"]
    assert "KT. HIỆU TRƯỞNG" in text and "PHÓ HIỆU TRƯỞNG" in text and "Đỗ Thị Hòa" in text
    assert "Tổ chuyên môn (để thực hiện)" in text and "tháng 12/2025" in text


def test_plan_attachment_is_published_with_its_size(school):
    link = _doc(school, "ke-hoach/2025/259-kh-mntn").xpath("//ul[@class='bt-files']/li")[0]
    assert link.xpath("a/@href") == ["259-KH-MNTN.pdf"]
    size = len(good_content()["plans/259-KH-MNTN.pdf"])
    assert f"(PDF, {size} B)" in link.text_content()
    assert (school.site / "ke-hoach/2025/259-kh-mntn/259-KH-MNTN.pdf").read_bytes().startswith(b"%PDF")


def test_club_page_lists_its_articles_and_founding_decision(school):
    page = _doc(school, "cau-lac-bo/be-yeu-khoa-hoc")
    assert page.xpath("//section[@aria-labelledby='hoat-dong']//h3")[0].text_content() == "Bé vui Ngày hội STEM"
    assert page.xpath("//dd/a[contains(., '45/QĐ-MNTN')]/@href") == ["../../ke-hoach/2025/45-qd-mntn/"]
    assert "24 trẻ" in page.text_content()


def test_article_page_photos_links_and_heading_anchor(school):
    page = _doc(school, "tin-tuc/2025/12/be-vui-ngay-hoi-stem")
    assert page.xpath("//article//img[@alt='Bé làm thí nghiệm']")
    assert page.xpath("//h2[@id='danh-gia-cua-doan']")
    assert page.xpath("//aside//a[contains(., '259/KH-MNTN')]/@href") == ["../../../../ke-hoach/2025/259-kh-mntn/"]
    assert (school.site / "tin-tuc/2025/12/be-vui-ngay-hoi-stem/ngay-hoi-stem/anh-1.jpg").is_file()


def test_edit_links_open_the_real_source_file(school):
    page = _doc(school, "tin-tuc/2025/12/be-vui-ngay-hoi-stem")
    edit = page.xpath("//a[contains(@class,'md-content__button')]/@href")
    assert edit == ["https://github.com/truong-thu/web/edit/main/news/2025-12-05-be-vui-ngay-hoi-stem.md"]
    plan_edit = _doc(school, "ke-hoach/2025/259-kh-mntn").xpath("//a[contains(@class,'md-content__button')]/@href")
    assert plan_edit == ["https://github.com/truong-thu/web/edit/main/plans/kh-259.md"]


def test_category_year_and_movement_pages(school):
    category = _doc(school, "tin-tuc/chuyen-muc/hoat-dong-stem")
    assert [h.text_content() for h in category.xpath("//h2[@class='bt-card__title']")] == ["Bé vui Ngày hội STEM"]
    assert (school.site / "tin-tuc/chuyen-muc/khoa-hoc-cong-nghe/index.html").is_file()
    assert "Bé vui Ngày hội STEM" in _doc(school, "tin-tuc/2025").text_content()
    movement = _doc(school, "phong-trao/thi-dua-dmst-cds").text_content()
    assert "Năm học 2025 – 2026" in movement and "259/KH-MNTN" in movement and "Bé vui Ngày hội STEM" in movement


def test_drafts_and_scheduled_posts_are_absent_everywhere(school):
    site = school.site
    assert not (site / "tin-tuc/2025/12/ban-nhap").exists()
    assert not (site / "tin-tuc/2026").exists()
    assert not list(site.glob("ke-hoach/*/du-thao-he"))
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Bản nháp chưa duyệt" not in everything and "Thông báo hẹn giờ" not in everything
    assert "Dự thảo kế hoạch hè" not in everything
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "bimatnhap" not in index and "hẹn giờ" not in index
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    assert "ban-nhap" not in sitemap and "hen-gio" not in sitemap and "du-thao-he" not in sitemap
    assert "be-vui-ngay-hoi-stem" in sitemap


def test_scheduled_post_appears_in_a_build_after_its_date(school, tmp_path):
    build = run_mkdocs(school.root, "build", "--strict", "--site-dir", str(tmp_path / "later"), epoch=LATER_EPOCH)
    assert build.returncode == 0, build.output
    assert "Thông báo hẹn giờ" in (tmp_path / "later/tin-tuc/2026/03/hen-gio/index.html").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(school, tmp_path):
    again = run_mkdocs(school.root, "build", "--strict", "--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0
    first = {p.relative_to(school.site): p.read_bytes() for p in school.site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_no_third_party_host_in_any_page(school):
    hosts = set()
    for page in school.site.rglob("*.html"):
        for url in re.findall(r'(?:src|href)="(https?://[^"/]+)', page.read_text(encoding="utf-8")):
            hosts.add(url)
    assert hosts <= {"https://truong-thu.example.edu.vn", "https://github.com", "https://squidfunk.github.io"}


def test_search_index_has_articles_and_plans_but_not_listings(school):
    locations = set(indexed_pages(school.site))
    assert "tin-tuc/2025/12/be-vui-ngay-hoi-stem/" in locations and "ke-hoach/2025/259-kh-mntn/" in locations
    assert "tin-tuc/" not in locations and "ke-hoach/" not in locations


def test_titles_are_escaped_in_every_template(tmp_path):
    files = {**good_content(), "news/2025-12-07-ky-tu.md": front(
        {"title": "Bé <b>vui</b> & “học”", "date": "2025-12-07", "categories": ["Hoạt động STEM"],
         "summary": "Tóm tắt <i>thử</i>", "clubs": ["be-yeu-khoa-hoc"]})}
    build = run_mkdocs(make_site(tmp_path / "truong", files))
    assert build.returncode == 0, build.output
    for url in ("tin-tuc/2025/12/ky-tu", "tin-tuc", "", "cau-lac-bo/be-yeu-khoa-hoc", "tin-tuc/chuyen-muc/hoat-dong-stem"):
        page = build.html(url)
        assert "<b>vui</b>" not in page and "<i>thử</i>" not in page, url
        assert "Bé &lt;b&gt;vui&lt;/b&gt; &amp; “học”" in page, url


def test_published_photos_are_clean_variants_never_the_phone_original(tmp_path):
    from photo_metadata import metadata_problems
    from test_photos import phone_exif, phone_image

    import io

    buffer = io.BytesIO()
    phone_image(1600, 1200).save(buffer, "JPEG", quality=90, exif=phone_exif().tobytes())
    original = buffer.getvalue()
    files = {**good_content(), "news/ngay-hoi-stem/anh-1.jpg": original}
    build = run_mkdocs(make_site(tmp_path / "truong", files))
    assert build.returncode == 0, build.output
    images = [p for p in build.site.rglob("*") if p.suffix in (".jpg", ".webp")]
    assert images and all(metadata_problems(p) == [] for p in images), [metadata_problems(p) for p in images]
    assert all(p.read_bytes() != original for p in images)
    page = _doc(build, "tin-tuc/2025/12/be-vui-ngay-hoi-stem")
    img = page.xpath("//picture//img[@alt='Bé làm thí nghiệm']")[0]
    assert (img.get("width"), img.get("height"), img.get("loading")) == ("1200", "1600", "lazy")  # turned upright
    webp = [s for s in page.xpath("//picture/source[@type='image/webp']/@srcset") if img.get("src")[-24:-8] in s]
    assert webp and [w.split()[-1] for w in webp[0].split(", ")] == ["360w", "720w", "1080w"]
    cover = page.xpath("//img[contains(@class,'bt-cover')]")[0]
    assert cover.get("fetchpriority") == "high" and cover.get("loading") is None


def test_sitemap_dates_come_from_the_content_not_the_clock(school, tmp_path):
    sitemap = (school.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://truong-thu.example.edu.vn/tin-tuc/2025/12/be-vui-ngay-hoi-stem/</loc>" in sitemap
    assert re.search(r"be-vui-ngay-hoi-stem/</loc>\s*<lastmod>2025-12-05</lastmod>", sitemap)
    assert re.search(r"gioi-thieu/</loc>\s*<lastmod>2025-12-05</lastmod>", sitemap)  # the newest content
    later = run_mkdocs(school.root, "build", "--strict", "--site-dir", str(tmp_path / "later"), epoch="1769904000")  # a later day, same content
    assert later.returncode == 0, later.output
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (tmp_path / "later" / name).read_bytes() == (school.site / name).read_bytes()


def test_only_webp_in_every_width_a_jpeg_for_covers_and_one_at_the_originals_address(school):
    from PIL import Image

    photos = list((school.site / "anh").iterdir())
    keys = {p.name.split("-")[0] for p in photos}
    jpegs = {key: [p for p in photos if p.name.startswith(key) and p.suffix == ".jpg"] for key in keys}
    assert all(len(found) <= 1 for found in jpegs.values())  # only a cover has its link-preview JPEG here
    assert sum(bool(found) for found in jpegs.values()) == 1  # the fixture has one cover
    assert all(any(p.name.startswith(key) and p.suffix == ".webp" for p in photos) for key in keys)
    original = school.site / "tin-tuc/2025/12/be-vui-ngay-hoi-stem/ngay-hoi-stem/anh-1.jpg"
    with Image.open(original) as image:  # feeds and portals link the original's address: a clean 720-px JPEG
        assert image.format == "JPEG" and image.width <= 720


def test_a_photo_taken_down_leaves_no_copy_in_the_cache(tmp_path):
    root = make_site(tmp_path / "truong", good_content())
    assert run_mkdocs(root).returncode == 0
    cache = root / ".cache" / "bangtin" / "photos"
    before = {p.name.split("-")[0].split(".")[0] for p in cache.iterdir()}
    post = root / "news/2025-12-05-be-vui-ngay-hoi-stem.md"
    post.write_text(post.read_text(encoding="utf-8").replace("![Bé làm thí nghiệm](ngay-hoi-stem/anh-1.jpg)", ""),
                    encoding="utf-8")
    (root / "news/ngay-hoi-stem/anh-1.jpg").unlink()
    assert run_mkdocs(root).returncode == 0
    after = {p.name.split("-")[0].split(".")[0] for p in cache.iterdir()}
    assert len(before) == 2 and len(after) == 1 and after < before
