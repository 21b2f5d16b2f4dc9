"""A hub end to end: member sites built by the engine and served on 127.0.0.1 (one missing, one with invalid XML,
one slower than the timeout, one with hostile HTML, one with an entity-expansion bomb), ``bangtin fetch``, then a
strict hub build; and a second fetch that costs only 304s."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import feedparser
import pytest
import yaml

from member_sites import MemberServer, MemberSite
from sitebuild import BASE_CONFIG, BUILD_EPOCH, front, make_site, run_mkdocs

HUB_PLAN = front({
    "number": "4400/KH-SGDĐT", "title": "Triển khai phong trào thi đua đổi mới sáng tạo trong ngành",
    "issued": "2025-10-23", "issuer": "Sở GD&ĐT Hà Nội",
}, "## I. Mục đích\n\nMỗi trường ban hành kế hoạch triển khai.\n")
OTHER_PLAN = front({"number": "4500/KH-SGDĐT", "title": "Giáo dục STEM năm học 2025-2026", "issued": "2025-11-02"})
HOSTILE = "HOSTILE-MARKER"
# "billion laughs": a9 would expand to 10^9 "lol"s
BOMB_ENTITIES = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
BOMB_FEED = (f'<?xml version="1.0"?><!DOCTYPE feed [{BOMB_ENTITIES}]>'
             '<feed xmlns="http://www.w3.org/2005/Atom"><title>&a9;</title></feed>')


def school_config(name: str, short: str, url: str, level: str) -> dict:
    config = copy.deepcopy(BASE_CONFIG)
    config["site_name"] = name
    config["site_url"] = url
    config["extra"]["bangtin"]["school"] = {"name": name, "short": short, "place": "Long Biên", "level": level}
    return config


def school_a() -> dict[str, str]:
    return {
        # cited with stray spaces and another case: the hub matches it as the loader's parser does
        "plans/kh-12.md": front({
            "number": "12/KH-MNA", "title": "Triển khai phong trào thi đua của Trường Mầm non A", "issued": "2025-11-10",
            "based_on": [{"number": "4400 / kh-SGDĐT", "issued": "2025-10-23", "issuer": "Sở GD&ĐT Hà Nội"}],
        }),
        "plans/kh-3.md": front({"number": "3/KH-MNA", "title": "Kế hoạch năm học 2024-2025", "issued": "2024-09-05"}),
        "news/2025-12-01-ngay-hoi.md": front({"title": "Ngày hội STEM của bé", "date": "2025-12-01 08:00",
                                              "categories": ["Tin tức"], "plans": ["12/KH-MNA"]},
                                             "Các bé **vui** chơi với robot.\n"),
        "news/2026-01-12-tap-huan.md": front({"title": "Tập huấn chuyển đổi số", "date": "2026-01-12 14:00",
                                              "categories": ["Tin tức"]}, "Giáo viên học dùng phần mềm.\n"),
        "clubs/robot.md": front({"name": "CLB Robot nhí", "kind": "Robotics", "school_year": "2025-2026",
                                 "founded": "2025-09-15", "members": 18, "status": "active"}),
    }


def school_b() -> dict[str, str]:
    return {
        "plans/kh-7.md": front({"number": "7/KH-THB", "title": "Kế hoạch chuyển đổi số", "issued": "2025-10-01",
                                "based_on": ["4500/KH-SGDĐT"]}),
        "news/2025-12-20-tin.md": front({"title": "Học sinh thi tin học trẻ", "date": "2025-12-20 07:30",
                                         "categories": ["Tin tức"]}),
        "clubs/stem.md": front({"name": "CLB STEM", "kind": "STEM", "school_year": "2024-2025", "members": 20,
                                "status": "inactive"}),
    }


def hostile_site(folder: Path, url: str) -> None:
    """A member whose files try what an attacker would: scripts, event handlers, javascript: links, an iframe."""
    folder.mkdir(parents=True)
    (folder / "van-ban.json").write_text(json.dumps({"version": 1, "documents": [
        {"number": "9/KH-XYZ", "title": f"<script>{HOSTILE}</script>Kế hoạch xấu", "issued": "2025-11-20",
         "address": "javascript:alert(1)", "based_on": [{"number": "4400/KH-SGDĐT"}]},
        {"title": None}, "not an entry",
    ]}), encoding="utf-8")
    (folder / "cau-lac-bo.json").write_text(json.dumps({"version": 1, "clubs": [
        {"name": "CLB <img src=x onerror=alert(1)>", "kind": "STEM", "members": "nhiều", "status": "active",
         "address": "javascript:alert(2)"}]}), encoding="utf-8")
    content = (f'&lt;p onclick="{HOSTILE}()"&gt;Bài &lt;b&gt;đẹp&lt;/b&gt;&lt;script&gt;{HOSTILE}&lt;/script&gt;'
               f'&lt;a href="javascript:{HOSTILE}"&gt;bấm&lt;/a&gt; &lt;a href="{url}bai/"&gt;đọc&lt;/a&gt;'
               f'&lt;img src="{url}anh.jpg" onerror="{HOSTILE}"&gt;&lt;iframe src="{url}"&gt;&lt;/iframe&gt;&lt;/p&gt;')
    (folder / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>'
        f'<entry><title>Tin có mã độc</title><link href="{url}bai/"/><published>2026-01-10T09:00:00+07:00</published>'
        f'<content type="html">{content}</content></entry>'
        f'<entry><title>Liên kết xấu</title><link href="javascript:{HOSTILE}"/><published>2026-01-11T09:00:00+07:00</published></entry>'
        '</feed>', encoding="utf-8")


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    base = tmp_path_factory.mktemp("hub")
    sites = {name: MemberSite(None) for name in ("a", "b", "missing", "badxml", "slow", "hostile", "bomb")}
    sites["slow"].delay = 4.0
    with MemberServer(list(sites.values())) as server:
        # build real member sites now that their addresses are known, and serve the built folders
        for name, files, level in (("a", school_a(), "mầm non"), ("b", school_b(), "tiểu học")):
            title = f"Trường {'Mầm non' if name == 'a' else 'Tiểu học'} {name.upper()}"
            root = make_site(base / name, files, school_config(title, f"M{name.upper()}", sites[name].url, level))
            built = run_mkdocs(root)
            assert built.returncode == 0, built.output
        shutil.copytree(base / "b" / "site", base / "badxml-site")
        (base / "badxml-site" / "atom.xml").write_text("<feed><entry>không đóng thẻ", encoding="utf-8")
        shutil.copytree(base / "a" / "site", base / "slow-site")
        hostile_site(base / "hostile-site", sites["hostile"].url)
        shutil.copytree(base / "b" / "site", base / "bomb-site")
        (base / "bomb-site" / "atom.xml").write_text(BOMB_FEED, encoding="utf-8")
        folders = {"a": base / "a" / "site", "b": base / "b" / "site", "badxml": base / "badxml-site",
                   "slow": base / "slow-site", "hostile": base / "hostile-site", "bomb": base / "bomb-site"}
        for name, folder in folders.items():
            sites[name].folder = folder
        yield base, sites, server


def hub_site(base: Path, sites: dict[str, MemberSite]) -> Path:
    config = copy.deepcopy(BASE_CONFIG)
    config["site_name"] = "Sở GD&ĐT Thử"
    config["site_url"] = "https://so-thu.example.gov.vn/"
    config["extra"]["bangtin"]["school"] = {"name": "Sở GD&ĐT Thử", "short": "SGDĐT", "place": "Hà Nội"}
    config["extra"]["bangtin"]["members"] = "truong.yml"
    config["extra"]["bangtin"]["hub_targets"] = {"clubs": 0.5}
    names = {"a": "Trường Mầm non A", "b": "Trường Tiểu học B", "missing": "Trường Mất Tích",
             "badxml": "Trường XML Hỏng", "slow": "Trường Chậm", "hostile": "Trường Độc Hại", "bomb": "Trường Bom XML"}
    members = [{"name": names[key], "site_url": site.url, **({"short": "MNA", "level": "mầm non"} if key == "a" else {})}
               for key, site in sites.items()]
    files = {"plans/kh-4400.md": HUB_PLAN, "plans/kh-4500.md": OTHER_PLAN,
             "truong.yml": yaml.safe_dump(members, allow_unicode=True, sort_keys=False)}
    return make_site(base / "so", files, config)


def fetch(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangtin", "fetch", "--timeout", "1.5", *args], cwd=root,
                          capture_output=True, text=True, timeout=300, env={"SOURCE_DATE_EPOCH": BUILD_EPOCH,
                                                                           "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def fetched(hub):
    base, sites, server = hub
    root = hub_site(base, sites)
    started = time.monotonic()
    first = fetch(root)
    elapsed = time.monotonic() - started
    assert first.returncode == 0, first.stdout + first.stderr
    built = run_mkdocs(root)
    assert built.returncode == 0, built.output
    return root, sites, first, elapsed, built


def test_the_first_fetch_reports_every_failure_and_never_fails(fetched):
    root, sites, first, elapsed, _ = fetched
    out = first.stdout
    assert "Đã xem 7 trường" in out
    assert "Trường Mất Tích – văn bản (van-ban.json): không có tệp" in out and "404" in out
    assert "Trường Chậm" in out and "quá 1.5 giây" in out
    assert "Trường XML Hỏng – bản tin (atom.xml): dữ liệu không hợp lệ" in out
    assert "Trường Bom XML – bản tin (atom.xml): dữ liệu không hợp lệ" in out and "amplification" in out
    assert elapsed < 30  # the slow member costs its timeout, not the whole fetch's


def test_the_plan_page_shows_who_implemented_it_and_who_did_not(fetched):
    root, sites, _, _, built = fetched
    page = built.html("ke-hoach/2025/4400-kh-sgddt")
    implemented, missing = page.split('id="cac-don-vi-trien-khai"')[1].split("Chưa có văn bản triển khai")
    assert "Trường Mầm non A" in implemented and "12/KH-MNA" in implemented and "10/11/2025" in implemented
    assert f'href="{sites["a"].url}ke-hoach/2025/12-kh-mna/"' in implemented
    assert "Trường Độc Hại" in implemented  # it cites the plan; its javascript: address is dropped
    assert "Trường Tiểu học B" not in implemented and "Trường Tiểu học B" in missing
    assert "Trường Mất Tích" in missing and "chưa đọc được văn bản của trường" in missing
    other = built.html("ke-hoach/2025/4500-kh-sgddt").split('id="cac-don-vi-trien-khai"')[1]
    assert "7/KH-THB" in other.split("Chưa có văn bản triển khai")[0]
    rows = built.html("tong-hop/trien-khai").split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert "4500/KH-SGDĐT" in rows[0] and "3/7" in rows[0]  # B, and the two members serving a copy of B's files
    assert "4400/KH-SGDĐT" in rows[1] and "2/7" in rows[1]


def test_the_merged_registry_news_and_feed(fetched):
    root, sites, _, _, built = fetched
    registry = built.html("tong-hop/van-ban")
    assert "12/KH-MNA" in registry and "7/KH-THB" in registry and "3/KH-MNA" not in registry  # 2024-2025 elsewhere
    assert "3/KH-MNA" in built.html("tong-hop/van-ban/2024-2025")
    news = built.html("tong-hop")
    order = [news.index(title) for title in ("Tập huấn chuyển đổi số", "Tin có mã độc", "Học sinh thi tin học trẻ",
                                             "Ngày hội STEM của bé")]
    assert order == sorted(order)
    assert "Liên kết xấu" not in news  # an item whose link is not http(s) is not published
    feed = feedparser.parse((built.site / "tong-hop" / "rss.xml").read_bytes())
    assert not feed.bozo and [e.title for e in feed.entries][:2] == ["MNA: Tập huấn chuyển đổi số", "Trường Độc Hại: Tin có mã độc"]
    atom = feedparser.parse((built.site / "tong-hop" / "atom.xml").read_bytes())
    assert not atom.bozo and atom.entries[0].link == sites["a"].url + "tin-tuc/2026/01/tap-huan/"
    assert "Trường Mầm non A" in atom.entries[0].content[0].value


def test_no_script_event_handler_or_javascript_link_reaches_the_output(fetched):
    root, sites, _, _, built = fetched
    for path in built.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert HOSTILE not in text, path
            assert "javascript:" not in text and "onerror" not in text and "<iframe" not in text, path
    hostile = feedparser.parse((built.site / "tong-hop" / "atom.xml").read_bytes())
    entry = next(e for e in hostile.entries if e.title.endswith("Tin có mã độc"))
    assert "<b>đẹp</b>" in entry.content[0].value and f'href="{sites["hostile"].url}bai/"' in entry.content[0].value
    assert "<img" not in entry.content[0].value  # no hot-linked member photo


def test_members_page_shows_each_state(fetched):
    root, sites, _, _, built = fetched
    page = built.html("truong")
    rows = {row.split("</a>")[0].rsplit(">", 1)[1]: row for row in page.split('<tr class="bt-member ')[1:]}
    assert "Đầy đủ" in rows["Trường Mầm non A"] and "mầm non" in rows["Trường Mầm non A"]
    assert "Không lấy được dữ liệu" in rows["Trường Mất Tích"] and "404" in rows["Trường Mất Tích"]
    assert "quá 1.5 giây" in rows["Trường Chậm"]
    assert "Dữ liệu không hợp lệ" in rows["Trường XML Hỏng"] and "Dữ liệu không hợp lệ" in rows["Trường Bom XML"]
    assert "2 mục trong văn bản (van-ban.json) không đọc được" in rows["Trường Độc Hại"]
    assert "tiểu học" in rows["Trường Tiểu học B"]  # its level from its own cau-lac-bo.json
    log = fetched[4].output  # the build's log names each member in trouble, as info: it never fails the build
    assert "Trang tổng hợp: 7 trường thành viên, 3 trường dữ liệu đầy đủ, 4 trường có lỗi" in log
    assert "Trường Chậm: văn bản (van-ban.json): quá 1.5 giây" in log


def test_club_coverage_against_the_target(fetched):
    root, sites, _, _, built = fetched
    page = built.html("tong-hop/cau-lac-bo")
    assert "2/7 trường" in page  # A's Robotics club and the hostile member's, both active
    assert "Mục tiêu: 50%" in page and "chưa đạt" in page and "cần thêm 2 trường" in page
    assert "CLB Robot nhí" in page and "Tạm dừng" in page  # B's inactive club is listed, not counted


def test_a_second_fetch_costs_only_304s_and_a_failure_keeps_the_last_good_copy(fetched):
    root, sites, _, _, _ = fetched
    before = {name: site.statuses.copy() for name, site in sites.items()}
    second = fetch(root)
    assert second.returncode == 0
    for name in ("a", "b"):
        delta = sites[name].statuses - before[name]
        assert delta == {304: 3}, (name, delta)
    assert "3 tệp mới" not in second.stdout and "0 tệp mới" in second.stdout
    sites["a"].down = True
    try:
        third = fetch(root)
    finally:
        sites["a"].down = False
    assert third.returncode == 0 and "Trường Mầm non A – văn bản (van-ban.json): máy chủ trả lỗi 503" in third.stdout
    built = run_mkdocs(root)
    assert built.returncode == 0, built.output
    row = built.html("truong").split("Trường Mầm non A</a>")[1].split("</tr>")[0]
    assert "máy chủ trả lỗi 503" in row and "đang dùng bản lấy được lúc" in row
    assert "12/KH-MNA" in built.html("tong-hop/van-ban")  # the last good copy still builds the pages


def test_a_file_past_the_size_cap_is_refused_and_the_fetch_goes_on(tmp_path):
    from bangtin.dates import build_time
    from bangtin.hub.fetch import MAX_BYTES, fetch_members
    from bangtin.hub.members import Member

    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "van-ban.json").write_bytes(b'{"version": 1, "documents": [' + b" " * (MAX_BYTES + 1) + b"]}")
    with MemberServer([MemberSite(folder)]) as server:
        # in a thread of its own, as `bangtin fetch` runs it: a browser test's Playwright may hold this thread's loop
        with ThreadPoolExecutor(1) as pool:
            outcomes = pool.submit(fetch_members, tmp_path / "hub", [Member("Trường Lớn", server.sites[0].url)],
                                   build_time(), timeout=5).result()
    documents = next(o for o in outcomes if o.source.name == "documents")
    assert documents.result == "failed" and "quá lớn (trên 5 MB)" in documents.error
    assert not list((tmp_path / "hub" / ".cache" / "bangtin" / "hub").glob("*/documents.data"))
