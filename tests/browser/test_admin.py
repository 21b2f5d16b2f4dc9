"""The web editor at /admin/: the real Sveltia CMS bundle of the built sample site, in Chromium, on the school's folder.

Sveltia's "work with a local repository" asks the browser for a folder (``showDirectoryPicker``); the test hands it
a folder of the origin-private file system holding the sample school's content and a ``.git``. What the CMS
writes there is copied back into a copy of the school on disk, which ``bangtin check`` and a strict build then read.
"""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect
from PIL import Image

from photo_metadata import metadata_problems
from sitebuild import copy_sample, indexed_pages, run_mkdocs
from test_photos import phone_exif, phone_image

pytestmark = pytest.mark.browser

CONTENT = ("news", "plans", "clubs", "cong-khai", "docs")

#: Puts files (path → base64) into the origin-private file system.
FILL = """async files => {
  const root = await navigator.storage.getDirectory()
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split("/")
    let folder = root
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true })
    const writable = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable()
    await writable.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)))
    await writable.close()
  }
}"""

#: Every file of the origin-private file system: path → base64.
READ = """async () => {
  const out = {}
  const walk = async (folder, prefix) => {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "directory") await walk(handle, prefix + name + "/")
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer())
        let text = ""
        for (let i = 0; i < bytes.length; i += 32768) text += String.fromCharCode(...bytes.subarray(i, i + 32768))
        out[prefix + name] = btoa(text)
      }
    }
  }
  await walk(await navigator.storage.getDirectory(), "")
  return out
}"""


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("admin") / "truong", editor=True)
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return root


def school_files(root: Path) -> dict[str, str]:
    files = {path.relative_to(root).as_posix(): base64.b64encode(path.read_bytes()).decode()
             for folder in CONTENT for path in (root / folder).rglob("*.md")}
    files[".git/HEAD"] = base64.b64encode(b"ref: refs/heads/main\n").decode()
    files["mkdocs.yml"] = base64.b64encode((root / "mkdocs.yml").read_bytes()).decode()
    return files


@pytest.fixture
def editor(browser: Any, school: Path, serve_dir: Callable[[Path], str]) -> Iterator[Any]:
    """The editor on the school's folder, Vietnamese whatever the browser's language, every request recorded."""
    base = serve_dir(school / "site")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.add_init_script("window.showDirectoryPicker = async () => navigator.storage.getDirectory()")
    page = context.new_page()
    page.requested = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested.append(request.url))  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "admin/", wait_until="networkidle")
    page.base = base  # type: ignore[attr-defined]
    page.files = school_files(school)  # type: ignore[attr-defined]
    page.evaluate(FILL, page.files)  # type: ignore[attr-defined]
    yield page
    context.close()
    assert errors == []


def add_button(label: str) -> re.Pattern[str]:
    """A list's "add" button: its icon's ligature, then "Thêm" and the list's label between isolation marks."""
    return re.compile(rf"Thêm\W*{label}")


def open_folder(page: Any) -> None:
    page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
    page.get_by_role("treeitem", name="Tin bài").wait_for()


def new_files(page: Any, folder: str, count: int) -> dict[str, bytes]:
    """What the editor wrote into the folder, once ``count`` new files are in ``folder`` (it writes after its
    message "saved")."""
    for _ in range(100):
        found = page.evaluate(READ)
        new = {path: base64.b64decode(data) for path, data in found.items() if path not in page.files}
        if sum(path.startswith(folder) for path in new) >= count:
            return new
        page.wait_for_timeout(100)
    raise AssertionError(f"the editor wrote {sorted(new)} into {folder}, not {count} files")


def phone_photo(path: Path) -> Path:
    """A 4032 × 3024 phone JPEG with GPS, as a clerk's phone takes it."""
    phone_image(4032, 3024).save(path, "JPEG", quality=92, exif=phone_exif(orientation=1).tobytes())
    return path


def type_into(page: Any, box: Any, text: str) -> None:
    """Type with key events once the new entry's form has settled (the CMS fills in its defaults first)."""
    box.wait_for()
    page.wait_for_timeout(300)
    box.click()
    box.press_sequentially(text, delay=5)
    expect(box).to_have_value(text)


def save(page: Any) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu", exact=False).first.wait_for(timeout=30_000)


def copy_back(files: dict[str, bytes], root: Path) -> None:
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)


def front_matter(data: bytes) -> dict:
    return yaml.safe_load(data.decode("utf-8").split("---\n")[1])


def test_first_screen_is_vietnamese_and_asks_no_other_host(editor: Any) -> None:
    text = editor.locator("body").inner_text()
    assert "Làm việc với kho mã nguồn cục bộ" in text and "Đăng nhập bằng mã truy cập" in text
    assert "Đăng nhập bằng GitHub" not in text  # no OAuth: it needs a server the site does not have
    origin = urlsplit(editor.base)[:2]
    outside = [url for url in editor.requested if urlsplit(url)[:2] != origin and not url.startswith(("blob:", "data:"))]
    assert outside == []
    assert any(url.endswith("/locales/vi.json") for url in editor.requested)
    assert any(url.endswith(".woff2") for url in editor.requested)  # the icons' font, from the site itself


def test_admin_is_no_page_of_the_site(school: Path) -> None:
    site = school / "site"
    assert '<meta name="robots" content="noindex, nofollow">' in (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(url.startswith("admin") for url in indexed_pages(site))
    for feed in ("rss.xml", "atom.xml"):
        assert "/admin/" not in (site / feed).read_text(encoding="utf-8")
    assert "/admin/" not in (site / "index.html").read_text(encoding="utf-8")  # not in the navigation


def test_first_screen_has_no_axe_violation(editor: Any) -> None:
    from .test_accessibility import violations

    editor.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").wait_for()
    assert violations(editor) == []


def test_article_from_the_form_builds(editor: Any, school: Path, tmp_path: Path) -> None:
    open_folder(editor)
    editor.get_by_role("treeitem", name="Tin bài").click()
    editor.get_by_role("button", name="Tạo bài viết mới").click()
    title = editor.get_by_role("textbox", name="Tiêu đề")
    type_into(editor, title, "Bé vui ngày hội STEM mùa đông")
    editor.locator("input[type=datetime-local]").first.fill("2025-12-07T08:30")
    editor.get_by_role("checkbox", name="Hoạt động STEM").click()
    plans = editor.get_by_role("combobox", name="Kế hoạch được báo cáo")
    plans.click()
    editor.get_by_role("option", name="259/KH-MNHS", exact=False).first.click()
    title.click()  # closes the list (Escape would close the editor)
    editor.locator("input[type=file]").first.set_input_files(str(phone_photo(tmp_path / "IMG_0042.JPG")))
    preview = editor.frame_locator("iframe").locator("article.bt-preview")  # as the article's page shows it
    expect(preview.locator(".bt-cover img")).to_be_visible(timeout=30_000)  # shrunk and shown
    editor.get_by_role("textbox", name="Nội dung").first.click()
    editor.keyboard.type("Các bé làm thí nghiệm núi lửa.")
    expect(preview.locator("h1")).to_have_text("Bé vui ngày hội STEM mùa đông")
    expect(preview.locator("time")).to_have_text("07/12/2025 08:30")
    expect(preview).to_contain_text("Các bé làm thí nghiệm núi lửa.")
    save(editor)

    files = new_files(editor, "news/", 2)
    articles = [path for path in files if path.startswith("news/") and path.endswith(".md")]
    assert len(articles) == 1, sorted(files)
    article = articles[0]
    assert article.isascii() and article.endswith("-be-vui-ngay-hoi-stem-mua-dong.md"), article
    meta = front_matter(files[article])
    assert meta["title"] == "Bé vui ngày hội STEM mùa đông"
    assert meta["categories"] == ["Hoạt động STEM"] and meta["plans"] == ["259/KH-MNHS"]
    assert meta["date"] == "2025-12-07 08:30"
    photos = [path for path in files if not path.endswith(".md")]
    assert len(photos) == 1
    photo = Image.open(io.BytesIO(files[photos[0]]))
    assert max(photo.size) <= 2048
    (tmp_path / "photo").write_bytes(files[photos[0]])
    assert not {"EXIF", "EXIF tags", "GPS", "XMP"} & set(metadata_problems(tmp_path / "photo"))
    assert meta["image"] == photos[0].removeprefix("news/")  # beside the article, where the loader looks

    copy_back(files, school)
    check = subprocess.run([sys.executable, "-m", "bangtin", "check"], cwd=school, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_mkdocs(school)
    assert build.returncode == 0, build.output
    assert "Bé vui ngày hội STEM mùa đông" in build.html("tin-tuc")
    plan = build.html("ke-hoach/2025/259-kh-mnhs")
    assert "Bé vui ngày hội STEM mùa đông" in plan.split("Kết quả triển khai", 1)[1]


def test_plan_with_signer_and_two_bases_from_the_form_builds(editor: Any, school: Path) -> None:
    open_folder(editor)
    editor.get_by_role("treeitem", name="Kế hoạch, văn bản").click()
    editor.get_by_role("button", name=re.compile("^Tạo .* mới$")).click()
    numbers = editor.get_by_role("textbox", name="Số, ký hiệu")
    type_into(editor, numbers.first, "301/KH-MNHS")
    type_into(editor, editor.get_by_role("textbox", name="Trích yếu"), "Tổ chức Tết Trung thu cho bé năm 2025")
    editor.locator("input[type=date]").first.fill("2025-09-01")
    editor.get_by_role("button", name=add_button("Căn cứ")).click()
    type_into(editor, numbers.nth(1), "57-NQ/TW")
    editor.get_by_role("button", name=add_button("Căn cứ")).click()
    type_into(editor, numbers.nth(2), "4400/KH-SGDĐT")
    editor.get_by_role("button", name=add_button("Người ký")).click()
    type_into(editor, editor.get_by_role("textbox", name="Chức vụ"), "Phó Hiệu trưởng")
    type_into(editor, editor.get_by_role("textbox", name="Ký thay cho"), "Hiệu trưởng")
    type_into(editor, editor.get_by_role("textbox", name="Họ và tên"), "Trần Thị Minh Nguyệt")
    save(editor)

    files = new_files(editor, "plans/", 1)
    plan = next(path for path in files if path.startswith("plans/") and path.endswith(".md"))
    meta = front_matter(files[plan])
    assert meta["number"] == "301/KH-MNHS" and meta["issued"] == "2025-09-01"
    assert [basis["number"] for basis in meta["based_on"]] == ["57-NQ/TW", "4400/KH-SGDĐT"]
    assert meta["signer"] == [{"on_behalf_of": "Hiệu trưởng", "title": "Phó Hiệu trưởng", "name": "Trần Thị Minh Nguyệt"}]
    copy_back(files, school)
    build = run_mkdocs(school)
    assert build.returncode == 0, build.output
    page = build.html("ke-hoach/2025/301-kh-mnhs")
    assert "Trần Thị Minh Nguyệt" in page and "57-NQ/TW" in page and "4400/KH-SGDĐT" in page


def test_club_from_the_form_builds(editor: Any, school: Path) -> None:
    open_folder(editor)
    editor.get_by_role("treeitem", name="Câu lạc bộ").click()
    editor.get_by_role("button", name=re.compile("^Tạo .* mới$")).click()
    type_into(editor, editor.get_by_role("textbox", name="Tên câu lạc bộ"), "CLB Bé làm nhà nông")
    type_into(editor, editor.get_by_role("textbox", name="Loại"), "STEAM")
    members = editor.get_by_role("spinbutton", name="Số thành viên")
    members.fill("18")
    save(editor)

    files = new_files(editor, "clubs/", 1)
    club = next(path for path in files if path.startswith("clubs/") and path.endswith(".md"))
    assert club == "clubs/clb-be-lam-nha-nong.md"
    meta = front_matter(files[club])
    assert meta["name"] == "CLB Bé làm nhà nông" and meta["members"] == 18
    copy_back(files, school)
    build = run_mkdocs(school)
    assert build.returncode == 0, build.output
    assert "CLB Bé làm nhà nông" in build.html("cau-lac-bo")


def test_iphone_heic_photo_is_converted_in_the_browser(editor: Any, tmp_path: Path) -> None:
    """The decoder is the site's own copy (vendor/unpkg/@discourse/heic), never a CDN's."""
    from bangtin import imaging  # noqa: F401  (registers pillow-heif's HEIF writer)

    heic = tmp_path / "IMG_0043.HEIC"
    phone_image(4032, 3024).save(heic, "HEIF", quality=80, exif=phone_exif(orientation=1).tobytes())
    open_folder(editor)
    editor.get_by_role("treeitem", name="Câu lạc bộ").click()
    editor.get_by_role("button", name=re.compile("^Tạo .* mới$")).click()
    type_into(editor, editor.get_by_role("textbox", name="Tên câu lạc bộ"), "CLB Ảnh iPhone")
    type_into(editor, editor.get_by_role("textbox", name="Loại"), "STEM")
    editor.locator("input[type=file]").first.set_input_files(str(heic))
    expect(editor.frame_locator("iframe").locator("img").first).to_be_visible(timeout=60_000)  # decoded, shrunk
    save(editor)

    files = new_files(editor, "clubs/", 2)
    [photo] = [path for path in files if not path.endswith(".md")]
    assert photo.endswith(".webp"), photo
    image = Image.open(io.BytesIO(files[photo]))
    assert image.format == "WEBP" and max(image.size) <= 2048 and not image.getexif()
    origin = urlsplit(editor.base)[:2]
    assert [url for url in editor.requested if "heic" in url and urlsplit(url)[:2] == origin]
    assert not [url for url in editor.requested if urlsplit(url)[:2] != origin and not url.startswith(("blob:", "data:"))]
