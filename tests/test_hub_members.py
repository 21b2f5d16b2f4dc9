"""The members file of a hub and what a hub reads of a member, without a network: mistakes named with their line
and key; the readers' rules for untrusted data."""

from __future__ import annotations

import copy
import json

import pytest

from bangtin.check import check_root
from bangtin.dates import build_time
from bangtin.hub.member_data import number_key, read_clubs, read_documents, read_feed
from bangtin.hub.members import load_members
from bangtin.hub.untrusted import UntrustedDataError, clean_html, clean_text, safe_link
from bangtin.problems import ContentError
from sitebuild import BASE_CONFIG, make_site

GOOD = "- {name: Trường Mầm non Hoa Sen, site_url: https://mnhoasen.github.io, level: Mầm non}\n"


def test_members_are_read_with_their_level_and_a_trailing_slash(tmp_path):
    (tmp_path / "truong.yml").write_text(GOOD + "- {name: Trường B, short: THB, site_url: 'http://b.example.vn/web/'}\n",
                                         encoding="utf-8")
    first, second = load_members(tmp_path, "truong.yml")
    assert (first.site_url, first.level, first.label) == ("https://mnhoasen.github.io/", "mầm non", "Trường Mầm non Hoa Sen")
    assert (second.site_url, second.label) == ("http://b.example.vn/web/", "THB")
    assert first.key != second.key and first.key.startswith("mnhoasen-github-io-")


def test_every_mistake_of_the_members_file_is_named_with_its_line_and_key(tmp_path):
    (tmp_path / "truong.yml").write_text(
        "# danh sách\n" + GOOD
        + "- {name: Trường B, site_ulr: https://b.example.vn/}\n"     # line 3: a typo
        + "- {name: Trường C, site_url: ftp://c.example.vn/}\n"       # line 4: not http(s)
        + "- {name: Trường D, site_url: https://d.example.vn/, level: đại học}\n"  # line 5
        + "- {site_url: https://e.example.vn/}\n"                     # line 6: no name
        + "- {name: Trùng, site_url: https://mnhoasen.github.io/}\n", # line 7: a duplicate
        encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_members(tmp_path, "truong.yml")
    found = {(p.line, p.key) for p in caught.value.problems}
    assert {(3, "site_ulr"), (3, "site_url"), (4, "site_url"), (5, "level"), (6, "name"), (7, "site_url")} <= found
    typo = next(p for p in caught.value.problems if p.key == "site_ulr")
    assert "site_url" in typo.message and "truong.yml:3" in str(typo)


@pytest.mark.parametrize("text, words", [
    ("- {name: A, site_url: https://a.vn/\n", "YAML"),
    ("name: A\n", "cần một danh sách"),
])
def test_a_members_file_that_is_not_a_list_says_so(tmp_path, text, words):
    (tmp_path / "truong.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_members(tmp_path, "truong.yml")
    assert words in str(caught.value)


def test_bangtin_check_reports_the_members_file_with_the_content(tmp_path):
    config = copy.deepcopy(BASE_CONFIG)
    config["extra"]["bangtin"]["members"] = "truong.yml"
    root = make_site(tmp_path / "hub", {"truong.yml": "- {name: A, site_url: a.vn}\n",
                                        "news/2025-01-01-x.md": "---\ntitle: X\ndate: 2025-13-01\n---\nA\n"}, config)
    report = check_root(root, build_time())
    assert {p.path for p in report.errors} == {"truong.yml", "news/2025-01-01-x.md"}


def test_hub_settings_are_checked(tmp_path):
    config = copy.deepcopy(BASE_CONFIG)
    config["extra"]["bangtin"]["members"] = "../truong.txt"
    config["extra"]["bangtin"]["hub_targets"] = {"clubs": 2, "club": 1}
    root = make_site(tmp_path / "hub", {}, config)
    keys = {p.key for p in check_root(root, build_time()).errors}
    assert keys == {"extra.bangtin.members", "extra.bangtin.hub_targets.clubs", "extra.bangtin.hub_targets.club"}


@pytest.mark.parametrize("typed, canonical", [
    ("4400 / kh-SGDĐT", "4400/KH-SGDĐT"), ("Số: 4400/KH-SGDĐT", "4400/KH-SGDĐT"), ("57 - NQ/TW", "57-NQ/TW"),
    ("30/2020/nđ-cp", "30/2020/NĐ-CP"), ("not a number", "NOT A NUMBER"),
])
def test_numbers_match_whatever_their_spacing_and_case(typed, canonical):
    assert number_key(typed) == number_key(canonical)


@pytest.mark.parametrize("html, kept, dropped", [
    ('<p onclick="x()">a</p>', "<p>a</p>", "onclick"),
    ("<script>x()</script><p>b</p>", "<p>b</p>", "x()"),
    ('<a href="javascript:x()">c</a>', "c</a>", "javascript"),
    ('<a href="/bai/">d</a>', 'href="https://truong.vn/bai/"', "<img"),
    ('<img src="https://truong.vn/a.jpg"><iframe src="https://x"></iframe><style>p{}</style>e', "e", "img"),
    ('<a href="data:text/html,x">f</a>', "f</a>", "data:"),
])
def test_member_html_keeps_only_the_allowed_set(html, kept, dropped):
    cleaned = clean_html(html, "https://truong.vn/tin/")
    assert kept in cleaned and dropped not in cleaned


def test_plain_fields_lose_markup_and_links_keep_only_http():
    assert clean_text("<b>Kế</b> hoạch <script>x</script>\x07 số 1 &amp; 2") == "Kế hoạch số 1 & 2"
    assert clean_text("a " * 400, 20).endswith("…")
    assert safe_link("javascript:alert(1)", "https://a.vn/") is None
    assert safe_link("//evil.vn/x", "https://a.vn/") == "https://evil.vn/x"
    assert safe_link("bai/", "https://a.vn/tin/") == "https://a.vn/tin/bai/"


def test_json_files_need_their_list_and_version_and_count_what_they_skip():
    good = {"version": 1, "documents": [{"number": "1/KH-A", "title": "Kế hoạch", "issued": "2025-09-05",
                                         "based_on": [{"number": "4400/KH-SGDĐT", "issued": "2025-10-23"}, "57-NQ/TW"]},
                                        {"title": ""}, 7]}
    read = read_documents(json.dumps(good).encode(), "https://a.vn/")
    (doc,), skipped = read.entries, read.skipped
    assert skipped == 2 and doc.school_year == "2025-2026" and [c.key for c in doc.based_on] == [number_key("4400/KH-SGDĐT")]
    for bad in (b"{", b"[]", json.dumps({"documents": []}).encode(), b"[" * 100000):
        with pytest.raises(UntrustedDataError):
            read_documents(bad, "https://a.vn/")
    clubs = read_clubs(json.dumps({"version": 2, "level": "THCS", "clubs": [
        {"name": "CLB", "kind": "STEM", "members": -3, "status": "active"}]}).encode(), "https://a.vn/")
    assert clubs.level == "THCS" and clubs.entries[0].members is None and clubs.entries[0].active


def test_an_rss_channel_is_read_like_atom():
    rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
           '<title>T</title><item><title>Tin cũ</title><link>https://a.vn/cu/</link>'
           '<pubDate>Mon, 01 Dec 2025 08:00:00 +0700</pubDate><description>Tóm tắt</description></item>'
           '<item><title>Tin mới</title><link>https://a.vn/moi/</link><pubDate>Tue, 02 Dec 2025 08:00:00 +0700</pubDate>'
           '<content:encoded>&lt;p&gt;Nội dung&lt;/p&gt;</content:encoded></item>'
           '<item><title>Không ngày</title><link>https://a.vn/x/</link></item></channel></rss>')
    read = read_feed(rss.encode(), "https://a.vn/")
    assert [a.title for a in read.entries] == ["Tin mới", "Tin cũ"] and read.skipped == 1
    assert read.entries[0].content == "<p>Nội dung</p>" and read.entries[1].summary == "Tóm tắt"
    with pytest.raises(UntrustedDataError):
        read_feed(b"<html><body>not a feed</body></html>", "https://a.vn/")
    # an external entity is never read: the item has no title then, and is skipped
    external = read_feed(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><rss><channel>'
                         b'<item><title>&x;</title><link>https://a.vn/x/</link>'
                         b'<pubDate>Tue, 02 Dec 2025 08:00:00 +0700</pubDate></item></channel></rss>', "https://a.vn/")
    assert external.entries == () and external.skipped == 1
