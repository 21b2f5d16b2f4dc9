"""A plan prints on A4 like an official document: the header block (issuer, number, national motto, place and
date), the title and the body; no navigation, search, footer, edit button or web-only sections.

Chromium's print styles are checked directly (``emulate_media("print")``), then the page is printed with
``page.pdf(format="A4")``. With poppler-utils (installed by .ci/run) the PDF's text is read back with
``pdftotext`` and page 1 is rendered with ``pdftoppm`` into the test's temporary folder, to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PLAN = "ke-hoach/2025/259-kh-mnhs/"
HIDDEN = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-content__button", ".bt-backlinks", ".bt-results"]  # search lives in .md-header
A4_POINTS = (595.0, 842.0)


def _styles(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """hidden => {
          const style = s => { const e = document.querySelector(s); return e && getComputedStyle(e) }
          const box = s => document.querySelector(s).getBoundingClientRect()
          return {
            hidden: Object.fromEntries(hidden.map(s => [s, !style(s) || style(s).display === "none"])),
            header: [style(".bt-doc-header").display, box(".bt-doc-header").height],
            columns: [box(".bt-doc-header__issuer").top, box(".bt-doc-header__nation").top,
                      box(".bt-doc-header__issuer").right <= box(".bt-doc-header__nation").left],
            title: [style("h1.bt-doc-title").color, style("h1.bt-doc-title").fontWeight],
            font: style(".bt-plan").fontFamily,
          }
        }""",
        HIDDEN,
    )


def test_plan_prints_on_a4_like_an_official_document(
    browser: Any, serve_dir: Callable[[Path], str], sample_site: Path, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(serve_dir(sample_site) + PLAN, wait_until="networkidle")
        screen = _styles(page)
        page.emulate_media(media="print")
        styles = _styles(page)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()

    assert not screen["hidden"][".md-header"], "the header is only hidden in print"
    assert all(styles["hidden"].values()), styles["hidden"]
    display, height = styles["header"]
    assert display == "flex" and height > 40
    issuer_top, nation_top, side_by_side = styles["columns"]
    assert side_by_side and abs(issuer_top - nation_top) < 2, styles["columns"]  # two columns, as on paper
    assert styles["title"] == ["rgb(0, 0, 0)", "700"]
    assert styles["font"].startswith('"Times New Roman"')

    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes and all(abs(float(w) - A4_POINTS[0]) < 1 and abs(float(h) - A4_POINTS[1]) < 1 for w, h in boxes)
    assert 1 <= len(boxes) <= 8
    (tmp_path / "ke-hoach.pdf").write_bytes(pdf)

    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("poppler-utils is missing (.ci/run installs it)")
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text was not checked")
    first = _pdf_text(tmp_path / "ke-hoach.pdf", "-f", "1", "-l", "1")
    for line in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 259/KH-MNHS",
                 "Bồ Đề, ngày 28 tháng 11 năm 2025", "KẾ HOẠCH", "Căn cứ"]:
        assert line in first, (line, first[:600])
    assert first.index("CỘNG HÒA") < first.index("KẾ HOẠCH") < first.index("Căn cứ")
    everything = _pdf_text(tmp_path / "ke-hoach.pdf")
    for web_only in ["Tìm kiếm", "Trang chủ", "Văn bản triển khai", "Kết quả triển khai", "Material for MkDocs"]:
        assert web_only not in everything, web_only
    assert "Nơi nhận" in everything and "Tiến độ thực hiện" in everything

    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(tmp_path / "ke-hoach.pdf"),
                        str(tmp_path / "ke-hoach")], check=True, timeout=120)
        assert list(tmp_path.glob("ke-hoach-*1.png"))
        print(f"page 1: {next(tmp_path.glob('ke-hoach-*1.png'))}")


def _pdf_text(pdf: Path, *pages: str) -> str:
    done = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=120)
    return re.sub(r"[ \t]+", " ", done.stdout)
