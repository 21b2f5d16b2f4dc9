"""The screenshots of the web editor in README.md's clerk guide (huong-dan/*.png), taken from the sample school.

    python scripts/admin_screenshots.py

It builds the sample school with its editor (bench/admin.py), opens /admin/ in Debian's Chromium and saves each
screen the guide shows. Run it again after upgrading Sveltia CMS or changing the editor's configuration.
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from admin import build_sample  # noqa: E402
from search import CHROMIUM, GzipServer  # noqa: E402

OUT = REPO / "huong-dan"
FILL = """async files => {
  const root = await navigator.storage.getDirectory()
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split("/"); let folder = root
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true })
    const w = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable()
    await w.write(Uint8Array.from(atob(data), c => c.charCodeAt(0))); await w.close()
  }
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    files = {path.relative_to(REPO).as_posix(): base64.b64encode(path.read_bytes()).decode()
             for folder in ("news", "plans", "clubs", "cong-khai", "docs") for path in (REPO / folder).rglob("*.md")}
    files[".git/HEAD"] = base64.b64encode(b"ref: refs/heads/main\n").decode()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        server = GzipServer(build_sample(Path(folder)))
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context(viewport={"width": 1100, "height": 720}, locale="vi-VN")
        context.add_init_script("window.showDirectoryPicker = async () => navigator.storage.getDirectory()")
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/admin/", wait_until="networkidle")
        page.evaluate(FILL, files)
        page.screenshot(path=OUT / "1-dang-nhap.png")
        page.get_by_role("button", name="Đăng nhập bằng mã truy cập").click()
        page.wait_for_timeout(500)
        page.screenshot(path=OUT / "2-ma-truy-cap.png")
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
        page.get_by_role("treeitem", name="Tin bài").click()
        page.wait_for_timeout(500)
        page.screenshot(path=OUT / "3-danh-sach-tin-bai.png")
        page.get_by_role("button", name="Tạo bài viết mới").click()
        title = page.get_by_role("textbox", name="Tiêu đề")
        title.wait_for()
        page.wait_for_timeout(300)
        title.press_sequentially("Bé vui ngày hội STEM mùa đông")
        page.locator("input[type=datetime-local]").first.fill("2025-12-07T08:30")
        page.get_by_role("checkbox", name="Hoạt động STEM").click()
        page.wait_for_timeout(500)
        page.screenshot(path=OUT / "4-bai-moi.png")
        browser.close()
    for path in sorted(OUT.glob("*.png")):
        print(path.relative_to(REPO), path.stat().st_size)


if __name__ == "__main__":
    main()
