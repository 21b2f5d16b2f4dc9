"""Link previews: Open Graph and Twitter card tags, so a link pasted into Zalo or Facebook shows a picture and a title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from lxml import html as lhtml
from PIL import Image

from content_samples import CLUB, POST, good_content, jpeg
from sitebuild import REPO, Build, front, make_site, run_mkdocs

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
DEFAULT_IMAGE = "assets/images/chia-se.jpg"


def _meta(page: lhtml.HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in page.xpath("//head/meta[@property or @name]"):
        tags.setdefault(meta.get("property") or meta.get("name"), []).append(meta.get("content"))
    return tags


def _pages(site: Path, pattern: str) -> list[Path]:
    return sorted(path.parent for path in site.glob(pattern) if path.parent.name not in ("trang",))


def _site_file(site: Path, address: str) -> Path:
    assert address.startswith(SITE_URL), address
    return site / address.removeprefix(SITE_URL)


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [("tin-tuc/*/*/*/index.html", "article"), ("ke-hoach/*/*/index.html", "plan"), ("cau-lac-bo/*/index.html", "club")],
)
def test_every_article_plan_and_club_page_has_a_link_preview(sample_site: Path, pattern: str, kind: str) -> None:
    folders = [folder for folder in _pages(sample_site, pattern) if "chuyen-muc" not in folder.parts]
    assert folders
    for folder in folders:
        page = lhtml.fromstring((folder / "index.html").read_bytes())
        tags = _meta(page)
        url = SITE_URL + folder.relative_to(sample_site).as_posix() + "/"
        where = folder.relative_to(sample_site)
        assert tags["og:url"] == [url] == page.xpath("//link[@rel='canonical']/@href"), where
        assert tags["og:title"][0] and tags["twitter:title"] == tags["og:title"], where
        assert len(tags["og:description"][0]) > 20 and tags["twitter:description"] == tags["og:description"], where
        assert tags["og:type"] == ["website" if kind == "club" else "article"], where
        assert tags["og:site_name"] == ["Trường Mầm non Hoa Sen"] and tags["og:locale"] == ["vi_VN"]
        assert tags["twitter:card"] == ["summary_large_image"]

        image = _site_file(sample_site, tags["og:image"][0])
        assert tags["twitter:image"] == tags["og:image"]
        with Image.open(image) as opened:  # the published file, with the size the tags announce
            assert opened.format == "JPEG", where
            assert [str(opened.width), str(opened.height)] == tags["og:image:width"] + tags["og:image:height"], where
            assert opened.width >= 600, where  # Facebook's minimum for a large preview
        assert image.stat().st_size < 400_000, where
        if kind == "plan":
            assert tags["og:image"] == [SITE_URL + DEFAULT_IMAGE], where
            issued = page.xpath("string(//p[@class='bt-doc-date'])")
            assert not issued or tags["article:published_time"][0][:4] in issued, where
        if kind == "article":
            published = page.xpath("//article[@class='bt-article']//time/@datetime")[0]
            assert tags["article:published_time"] == [published], where
            assert tags["article:published_time"][0].endswith("+07:00")
            cover = page.xpath("//img[contains(@class, 'bt-cover')]")
            if cover:  # the cover photo itself, in its ~1200-px JPEG, not the phone original
                assert image.name.split("-")[0] == cover[0].get("src").rsplit("/", 1)[-1].split("-")[0], where
                assert "/anh/" in tags["og:image"][0]


def test_pages_without_a_photo_share_the_default_image(sample_site: Path) -> None:
    tags = _meta(lhtml.fromstring((sample_site / "index.html").read_bytes()))
    assert tags["og:image"] == [SITE_URL + DEFAULT_IMAGE] and tags["og:type"] == ["website"]
    image = sample_site / DEFAULT_IMAGE
    with Image.open(image) as opened:
        assert (opened.format, opened.size) == ("JPEG", (1200, 630))  # Facebook's and Zalo's 1.91:1
    assert image.stat().st_size < 100_000
    assert image.read_bytes() == (REPO / "overrides" / DEFAULT_IMAGE).read_bytes()


TRICKY_TITLE = 'Bé hỏi: "Vì sao 1 < 2 & lá <em>xanh</em>?" – lớp \'Lá\''
TRICKY_SUMMARY = 'Tóm tắt có "ngoặc kép", <script>alert(1)</script> & ký tự đặc biệt'


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A school whose article title, summary and tags hold quotes, angle brackets and ampersands."""
    files = good_content()
    files["news/2025-12-05-be-vui-ngay-hoi-stem.md"] = POST.replace(
        "title: Bé vui Ngày hội STEM", "title: " + json.dumps(TRICKY_TITLE, ensure_ascii=False)
    ).replace("summary: Các bé làm thí nghiệm.", "summary: " + json.dumps(TRICKY_SUMMARY, ensure_ascii=False)
    ).replace("tags:\n- robot", 'tags:\n- "a\\"b<c>&d"')
    files["clubs/be-yeu-khoa-hoc.md"] = CLUB.replace("Câu lạc bộ sinh hoạt hằng tuần.", "Sinh hoạt <b>hằng</b> tuần & \"vui\".")
    files["news/2025-12-06-khong-anh.md"] = front({"title": "Tin không có ảnh", "date": "2025-12-06 09:00"})
    files["docs/assets/images/chia-se.jpg"] = jpeg((10, 20, 30), (1200, 630))  # the school's own share image
    build = run_mkdocs(make_site(tmp_path_factory.mktemp("social") / "truong", files))
    assert build.returncode == 0, build.output
    return build


def test_values_are_escaped(tricky: Build) -> None:
    raw = tricky.html("tin-tuc/2025/12/be-vui-ngay-hoi-stem")
    head = raw.split("</head>", 1)[0]
    assert "<script>alert" not in head and "<em>" not in head
    tags = _meta(lhtml.fromstring(raw))
    assert tags["og:title"] == [TRICKY_TITLE] == tags["twitter:title"]
    assert tags["og:description"] == [TRICKY_SUMMARY]
    assert tags["og:image:alt"] == [TRICKY_TITLE]
    assert tags["article:tag"] == ['a"b<c>&d']
    club = _meta(lhtml.fromstring(tricky.html("cau-lac-bo/be-yeu-khoa-hoc")))
    assert club["og:description"] == ['Sinh hoạt hằng tuần & "vui".']  # the body's text, without its markup


def test_article_without_photo_and_the_schools_own_share_image(tricky: Build) -> None:
    tags = _meta(lhtml.fromstring(tricky.html("tin-tuc/2025/12/khong-anh")))
    assert tags["og:image"] == ["https://truong-thu.example.edu.vn/" + DEFAULT_IMAGE]
    assert tags["og:description"] == ["Nội dung."]  # no summary: the beginning of the body
    assert (tricky.site / DEFAULT_IMAGE).read_bytes() == jpeg((10, 20, 30), (1200, 630))
