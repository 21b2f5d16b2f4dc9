"""``bangtin serve`` (MkDocs' serve) with a broken file: the server keeps running, the browser shows what is wrong, a fix
rebuilds."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from content_samples import good_content
from sitebuild import BUILD_EPOCH, front, make_site

ERROR_TITLE = "Nội dung có lỗi cần sửa"
HOME_TITLE = "<h1>Trường Mầm non Thử Nghiệm</h1>"
ARTICLE = "tin-tuc/2025/12/tin-sai-ngay/"
STEM_ARTICLE = "tin-tuc/2025/12/be-vui-ngay-hoi-stem/"
WRONG_DATE = front({"title": "Tin sai ngày", "date": "31/02/2025", "categories": ["Tin tức"]})
FIXED = front({"title": "Tin sai ngày", "date": "2025-12-10", "categories": ["Tin tức"]})
WRONG_KEY = front({"title": "Tin sai ngày", "date": "2025-12-10", "catgories": ["Tin tức"]})


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, server: subprocess.Popen, log: Path, seconds: float = 90) -> str:
    """Poll ``url`` until its page contains ``text``; fail (with the server's log) after ``seconds``."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped:\n" + log.read_text(encoding="utf-8", errors="replace")
        page = _get(url)
        if text in page:
            return page
        time.sleep(0.3)
    pytest.fail(f"{url} never showed {text!r}; last page:\n{page[:2000]}\nlog:\n{log.read_text(encoding='utf-8', errors='replace')}")


@pytest.fixture
def serve(tmp_path: Path):
    """Start ``mkdocs serve`` in a school with a broken article; always stop it."""
    root = make_site(tmp_path / "truong", {**good_content(), "news/2025-12-10-tin-sai-ngay.md": WRONG_DATE})
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "bangtin", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield root, f"http://127.0.0.1:{port}/", server, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def test_serve_shows_errors_then_the_site_once_fixed(serve):
    root, base, server, log = serve
    page = _wait_for(base, ERROR_TITLE, server, log)
    assert "news/2025-12-10-tin-sai-ngay.md:3" in page and "<code>date</code>" in page
    assert "không có thật" in page and "Sửa tệp rồi lưu lại, trang sẽ tự tải lại" in page
    assert ERROR_TITLE in _get(base + "ke-hoach/")  # section pages show the list too, not a 404
    assert "Lỗi – news/2025-12-10-tin-sai-ngay.md:3" in log.read_text(encoding="utf-8")

    (root / "news/2025-12-10-tin-sai-ngay.md").write_text(FIXED, encoding="utf-8")
    _wait_for(base, HOME_TITLE, server, log)
    assert "Tin sai ngày" in _wait_for(base + ARTICLE, "<h1", server, log)

    draft = front({"title": "Bài nháp xem thử", "date": "2025-12-11", "draft": True, "categories": ["Tin tức"]})
    (root / "news/2025-12-11-ban-nhap.md").write_text(draft, encoding="utf-8")  # drafts show in serve only
    assert "Bản nháp" in _wait_for(base + "tin-tuc/2025/12/ban-nhap/", "Bài nháp xem thử", server, log)
    assert "Bài nháp xem thử" in _get(base + "tin-tuc/")

    (root / "news/2025-12-10-tin-sai-ngay.md").write_text(WRONG_KEY, encoding="utf-8")
    page = _wait_for(base + ARTICLE, ERROR_TITLE, server, log)  # the page the clerk was looking at
    assert "<code>catgories</code>" in page and "có phải ý bạn là “categories”?" in page
    assert server.poll() is None


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_failed_rebuild_publishes_nothing_of_the_build_before_it(serve):
    """Each build is planned anew: once the content has errors, no photo or feed of the last good build is served."""
    root, base, server, log = serve
    (root / "news/2025-12-10-tin-sai-ngay.md").write_text(FIXED, encoding="utf-8")
    article = _wait_for(base + STEM_ARTICLE, "<h1", server, log)
    photo = re.search(r'src="\.\./\.\./\.\./\.\./(anh/[0-9a-f]{16}-\d+\.webp)"', article)
    assert photo, article[:3000]
    published = [base + photo.group(1), base + STEM_ARTICLE + "ngay-hoi-stem/cover.jpg", base + "rss.xml"]
    assert [_status(url) for url in published] == [200, 200, 200]

    (root / "news/2025-12-10-tin-sai-ngay.md").write_text(WRONG_KEY, encoding="utf-8")
    _wait_for(base + STEM_ARTICLE, ERROR_TITLE, server, log)
    assert [_status(url) for url in published] == [404, 404, 404]
