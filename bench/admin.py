"""The web editor's weight and what it makes of phone photos.

Run on demand, not in the test suite::

    python bench/admin.py                     # the sample school; the photos of bench/.photos (photo_corpus.py)
    python bench/admin.py --photos a.jpg b.heic

Method: the sample school is copied with its ``package.json`` and ``node_modules`` and built with ``mkdocs build``;
its site is served on 127.0.0.1 with gzip (bench/search.py's server, as GitHub Pages serves). Chromium (Debian's,
headless, 1280 × 900) opens ``/admin/``; the first screen's weight is every response until the network is idle,
transferred and decoded. Then, in Sveltia's local-repository mode on a folder of the origin-private file system,
one club per photo is created with the photo as its image, saved, and the file the CMS wrote is measured: the
photo as it would be committed to the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from search import CHROMIUM, GzipServer  # noqa: E402

READ_NEW = """async () => {
  const root = await navigator.storage.getDirectory()
  const out = []
  const clubs = await root.getDirectoryHandle("clubs")
  const walk = async (folder, prefix) => {
    for await (const [name, handle] of folder.entries())
      if (handle.kind === "directory") await walk(handle, prefix + name + "/")
      else if (!name.endsWith(".md")) {
        const file = await handle.getFile()
        const bitmap = await createImageBitmap(file)
        out.push([prefix + name, file.size, bitmap.width + " × " + bitmap.height])
      }
  }
  await walk(clubs, "clubs/")
  return out
}"""


def build_sample(work: Path) -> Path:
    for name in ("hooks", "overrides", "docs", "news", "plans", "clubs", "cong-khai"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, work / name)
    for name in ("mkdocs.yml", "package.json"):
        shutil.copy(REPO / name, work / name)
    (work / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=work, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.DEVNULL)
    return work / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=Path, nargs="*")
    args = parser.parse_args()
    photos = args.photos or sorted((HERE / ".photos").glob("*.jpg"))[:6]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = build_sample(Path(folder))
        server = GzipServer(site)
        base = f"http://127.0.0.1:{server.port}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script("window.showDirectoryPicker = async () => navigator.storage.getDirectory()")
            page = context.new_page()
            sizes: list[tuple[str, int, int]] = []
            page.on("requestfinished", lambda request: sizes.append(
                (request.url, request.sizes()["responseBodySize"], len(request.response().body()))))
            page.goto(base + "admin/", wait_until="networkidle")
            print(f"/admin/ first screen: {len(sizes)} requests, {sum(s[1] for s in sizes) / 1024:,.0f} KB "
                  f"transferred, {sum(s[2] for s in sizes) / 1024:,.0f} KB decoded")
            for url, sent, decoded in sorted(sizes, key=lambda s: -s[1])[:6]:
                print(f"  {sent / 1024:8,.0f} KB  {decoded / 1024:8,.0f} KB  {url.removeprefix(base)}")
            page.evaluate("""async () => { const root = await navigator.storage.getDirectory()
              for (const name of [".git", "clubs"]) await root.getDirectoryHandle(name, { create: true })
              const head = await (await root.getDirectoryHandle(".git")).getFileHandle("HEAD", { create: true })
              const w = await head.createWritable(); await w.write("ref: refs/heads/main\\n"); await w.close() }""")
            page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
            page.get_by_role("treeitem", name="Câu lạc bộ").click()
            print("\n| photo | pixels | bytes | committed | pixels | bytes |\n|---|---|---|---|---|---|")
            for index, photo in enumerate(photos):
                page.get_by_role("button", name=re.compile("^Tạo .* mới$")).first.click()
                name = page.get_by_role("textbox", name="Tên câu lạc bộ")
                name.wait_for()
                page.wait_for_timeout(300)
                name.press_sequentially(f"CLB ảnh {index + 1}")
                page.get_by_role("textbox", name="Loại").fill("STEM")
                page.locator("input[type=file]").first.set_input_files(str(photo))
                page.frame_locator("iframe").locator("img").first.wait_for(timeout=60_000)
                page.get_by_role("button", name="Lưu", exact=True).click()
                page.get_by_text("Đã lưu", exact=False).first.wait_for(timeout=60_000)
                page.wait_for_timeout(500)
                written = page.evaluate(READ_NEW)
                path, size, pixels = next(item for item in written if item[0].startswith(f"clubs/clb-anh-{index + 1}/"))
                with Image.open(photo) as original:
                    before = f"{original.width} × {original.height}"
                print(f"| {photo.name} | {before} | {photo.stat().st_size / 1024:,.0f} KB | {Path(path).name} "
                      f"| {pixels} | {size / 1024:,.0f} KB |")
            browser.close()


if __name__ == "__main__":
    main()
