"""GitHub Pages publishing: the custom domain's CNAME, the size-limit warnings, the Vietnamese 404 page."""

from __future__ import annotations

import copy

import pytest
from lxml import html as lhtml

from bangtin.problems import ContentError
from bangtin.publish import (
    FILE_LIMIT, MB, SITE_LIMIT, SiteFile, cname_file, cname_warnings, limit_warnings, normalise_domain, pages_extras,
    site_files,
)
from bangtin.settings import settings_from_config
from content_samples import good_content
from sitebuild import BASE_CONFIG, make_site, run_mkdocs


# --- custom domain -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, host", [
    ("mnhoasen.edu.vn", "mnhoasen.edu.vn"),
    ("  MNHoaSen.edu.vn ", "mnhoasen.edu.vn"),
    ("https://mnhoasen.edu.vn/", "mnhoasen.edu.vn"),
    ("mnhoasen.edu.vn/", "mnhoasen.edu.vn"),
    ("www.mnhoasen.edu.vn.", "www.mnhoasen.edu.vn"),
])
def test_domain_is_normalised_to_a_bare_host(written, host):
    assert normalise_domain(written) == host
    assert cname_file(written) == host + "\n"


@pytest.mark.parametrize("written", ["mn hoa sen", "localhost", "trường.edu.vn", "-mnhoasen.vn", "http://"])
def test_a_domain_that_is_not_one_is_refused_in_vietnamese(written):
    with pytest.raises(ValueError, match="không phải là tên miền"):
        normalise_domain(written)


def test_no_custom_domain_means_no_cname_file():
    assert cname_file(None) is None
    assert pages_extras(None, "https://mnhoasen.github.io/") == ({}, [])


def test_domain_and_site_url_must_agree():
    assert cname_warnings("mnhoasen.edu.vn", "https://mnhoasen.edu.vn/") == []
    [warning] = cname_warnings("mnhoasen.edu.vn", "https://mnhoasen.github.io/")
    assert "site_url: https://mnhoasen.edu.vn/" in warning and "extra.bangtin.cname" in warning


def test_a_bad_domain_is_a_warning_and_writes_no_cname():
    extras, warnings = pages_extras("https://", "https://mnhoasen.github.io/")
    assert extras == {} and len(warnings) == 1 and "extra.bangtin.cname" in warnings[0]


# --- site_url ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [None, "", "/", "mnhoasen.github.io"])
def test_site_url_is_required_as_a_full_address(url):
    with pytest.raises(ContentError) as caught:
        settings_from_config(url, BASE_CONFIG["extra"])
    assert "site_url" in str(caught.value) and "https://" in str(caught.value)


def test_cname_setting_is_read_from_the_bangtin_block():
    extra = copy.deepcopy(BASE_CONFIG["extra"])
    extra["bangtin"]["cname"] = "mnhoasen.edu.vn"
    assert settings_from_config("https://mnhoasen.edu.vn/", extra).cname == "mnhoasen.edu.vn"


# --- size limits ---------------------------------------------------------------------------------------------

def test_a_normal_site_gets_no_warning():
    files = [SiteFile("index.html", 30_000), SiteFile("ke-hoach/2025/259/259-KH.pdf", 5 * MB)]
    assert limit_warnings(files) == []


def test_a_file_near_the_100_mb_limit_is_named_with_its_size():
    [warning] = limit_warnings([SiteFile("tin-tuc/2025/12/video/clip.mp4", int(85.3 * MB))])
    assert "tin-tuc/2025/12/video/clip.mp4" in warning
    assert "85,3 MB" in warning and "gần tới giới hạn 100 MB" in warning


def test_a_file_over_the_limit_says_so():
    [warning] = limit_warnings([SiteFile("scan.pdf", FILE_LIMIT + 1)])
    assert "vượt quá giới hạn 100 MB" in warning


def test_just_under_80_percent_is_quiet():
    assert limit_warnings([SiteFile("a.pdf", int(FILE_LIMIT * 0.8))]) == []
    assert limit_warnings([SiteFile(f"{n}.jpg", int(SITE_LIMIT * 0.8) // 100) for n in range(100)]) == []


def test_a_site_near_1_gb_is_warned_once():
    files = [SiteFile(f"anh/{n}.jpg", 9 * MB) for n in range(100)]  # 900 MB, each file far below 100 MB
    [warning] = limit_warnings(files)
    assert "Toàn bộ trang web nặng 900 MB" in warning and "gần tới giới hạn 1 GB của GitHub Pages" in warning


def test_site_files_lists_every_file_with_its_size(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(b"x" * 10)
    (tmp_path / "a" / "b" / "c.pdf").write_bytes(b"y" * 3)
    assert site_files(tmp_path) == [SiteFile("a/b/c.pdf", 3), SiteFile("index.html", 10)]


# --- real builds ---------------------------------------------------------------------------------------------

def _config(**changes):
    config = copy.deepcopy(BASE_CONFIG)
    bangtin = changes.pop("bangtin", {})
    config.update(changes)
    config["extra"]["bangtin"].update(bangtin)
    return config


def test_custom_domain_writes_cname_into_the_site(tmp_path):
    config = _config(site_url="https://mntn.edu.vn/", bangtin={"cname": "MNTN.edu.vn"})
    build = run_mkdocs(make_site(tmp_path, good_content(), config))
    assert build.returncode == 0, build.output
    assert (build.site / "CNAME").read_text(encoding="utf-8") == "mntn.edu.vn\n"


def test_without_custom_domain_there_is_no_cname(sample_site):
    assert not (sample_site / "CNAME").exists()


def test_domain_not_matching_site_url_stops_a_strict_build(tmp_path):
    config = _config(bangtin={"cname": "mntn.edu.vn"})  # site_url stays https://truong-thu.example.edu.vn/
    build = run_mkdocs(make_site(tmp_path, good_content(), config))
    assert build.returncode != 0
    assert "WARNING" in build.output and "site_url: https://mntn.edu.vn/" in build.output


def test_a_big_file_warns_in_vietnamese_and_stops_a_strict_build(tmp_path):
    root = make_site(tmp_path, good_content())
    with open(root / "docs" / "video-ngay-hoi.mp4", "wb") as big:  # sparse: no 85 MB written to the disk here
        big.truncate(85 * MB)
    build = run_mkdocs(root)
    assert build.returncode != 0
    assert "Tệp “video-ngay-hoi.mp4” nặng 85 MB, gần tới giới hạn 100 MB" in build.output
    lenient = run_mkdocs(root, "build")
    assert lenient.returncode == 0 and "video-ngay-hoi.mp4" in lenient.output


def test_404_page_is_vietnamese_and_links_home_news_plans_and_search(sample_site):
    page = lhtml.fromstring((sample_site / "404.html").read_text(encoding="utf-8"))
    assert page.findtext(".//title").startswith("Không tìm thấy trang")
    main = page.xpath("//div[contains(@class,'bt-notfound')]")[0]
    assert main.findtext("h1") == "Không tìm thấy trang"
    assert set(main.xpath(".//a/@href")) == {"/", "/tin-tuc/", "/ke-hoach/"}
    assert main.xpath(".//label[@for='__search']") and page.xpath("//input[@id='__search']")
    assert "Tìm kiếm" in main.text_content()


def test_404_links_stay_inside_a_project_site(tmp_path):
    config = _config(site_url="https://truong-thu.github.io/web/")
    build = run_mkdocs(make_site(tmp_path, good_content(), config))
    assert build.returncode == 0, build.output
    page = lhtml.fromstring((build.site / "404.html").read_text(encoding="utf-8"))
    links = page.xpath("//div[contains(@class,'bt-notfound')]//a/@href")
    assert links == ["/web/", "/web/tin-tuc/", "/web/ke-hoach/"]
