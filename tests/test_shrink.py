"""``bangtin shrink``: phone photos rewritten within the source limit (2048 px, 1 MB, JPEG, no metadata), their
references renamed, nothing else touched, and a second run changes no byte."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image

from content_samples import good_content
from photo_metadata import metadata_problems
from sitebuild import REPO, front, make_site, run_mkdocs

from bangtin import imaging  # noqa: F401  (registers Pillow's HEIF support, as a build does)
from bangtin.photo_rules import MAX_BYTES, MAX_SIDE
from bangtin.photos import photo_key
from bangtin.shrink import needs_shrinking, shrink_photo

GPS = {1: "N", 2: (21.0, 2.0, 15.5), 3: "E", 4: (105.0, 53.0, 7.25)}


def camera_photo(width: int = 4032, height: int = 3024, seed: int = 0) -> Image.Image:
    """A frame with a camera's texture (gradients and sensor noise), as heavy as a phone's: about 3 MB at 4032 px."""
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 20 + seed)
    channels = (Image.blend(gradient, noise, 0.3), Image.blend(gradient.rotate(90, expand=True).resize((width, height)),
                                                              noise, 0.3), Image.blend(noise, gradient, 0.5))
    image = Image.merge("RGB", channels)
    image.paste((200, 30, 30), (0, 0, width // 4, height // 4))  # the stored top-left corner, before orientation
    return image


def exif(orientation: int = 6) -> bytes:
    tags = Image.Exif()
    tags[0x0112], tags[0x010F], tags[0x0110], tags[0x8825] = orientation, "Apple", "iPhone 13", GPS
    return tags.tobytes()


@pytest.fixture(scope="module")
def phone_jpeg(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("anh") / "IMG_0001.jpg"
    camera_photo().save(path, "JPEG", quality=92, exif=exif())
    return path.read_bytes()


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "site" not in p.relative_to(root).parts[:1]}


@pytest.mark.parametrize(("name", "make", "shrink"), [
    ("small.jpg", lambda p: camera_photo(800, 600).save(p, quality=85), False),
    ("phone.jpg", lambda p: camera_photo(2400, 1800).save(p, quality=92), True),  # over 2048 px
    ("wide.jpg", lambda p: Image.new("RGB", (2600, 300), (20, 120, 60)).save(p, quality=80), True),  # small file, long side
    ("iphone.heic", lambda p: camera_photo(800, 600).save(p, "HEIF", quality=80), True),  # a kind Windows cannot open
    ("logo.png", lambda p: Image.new("RGBA", (400, 400), (0, 0, 0, 0)).save(p), False),
    ("not-a-photo.jpg", lambda p: p.write_bytes(b"\xff\xd8 broken"), False),  # left to the build to name
    ("hoat-hinh.gif", lambda p: Image.new("P", (3000, 2000)).save(p), False),  # a GIF may move: never frozen
])
def test_the_source_limit(tmp_path, name, make, shrink):
    path = tmp_path / name
    make(path)
    assert needs_shrinking(path) is shrink


def test_a_phone_photo_becomes_an_upright_2048_px_jpeg_without_metadata(tmp_path, phone_jpeg):
    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(phone_jpeg)
    assert len(phone_jpeg) > 2 * MAX_BYTES and metadata_problems(path)
    done = shrink_photo(path)
    assert (done.target, done.before) == (path, len(phone_jpeg)) and done.after == path.stat().st_size <= MAX_BYTES
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.size == (1536, 2048)  # turned upright: the EXIF said rotate 90°
        assert image.convert("RGB").getpixel((1500, 10))[0] > 150  # the red corner moved to the top right
    assert metadata_problems(path) == []
    assert not needs_shrinking(path)


def test_a_transparent_png_over_the_limit_becomes_a_jpeg_on_white(tmp_path):
    path = tmp_path / "so-do.png"
    image = Image.new("RGBA", (3000, 2000), (0, 0, 0, 0))
    image.paste((0, 90, 200, 255), (1000, 600, 2000, 1400))
    image.save(path)
    done = shrink_photo(path)
    assert done.target == tmp_path / "so-do.jpg" and not path.exists()
    with Image.open(done.target) as out:
        assert out.size == (2048, 1365) and out.getpixel((10, 10)) == (255, 255, 255)


def test_shrink_renames_references_then_the_strict_build_publishes_clean_photos(tmp_path, phone_jpeg):
    heic = tmp_path / "IMG_0002.heic"
    camera_photo(1700, 2300, seed=1).save(heic, "HEIF", quality=90, exif=exif(1))
    post = front({"title": "Bé vui", "date": "2025-12-10", "categories": ["Tin tức"], "image": "ngay-hoi/IMG_0002.heic"},
                 "Ảnh:\n\n![Các bé](ngay-hoi/IMG_0001.jpg)\n\n![Lần hai](ngay-hoi/IMG_0002.heic)\n")
    files = {**good_content(), "news/2025-12-10-be-vui.md": post.replace("\n", "\r\n"),
             "news/ngay-hoi/IMG_0001.jpg": phone_jpeg, "news/ngay-hoi/IMG_0002.heic": heic.read_bytes()}
    root = make_site(tmp_path / "truong", files)
    before = _tree(root)
    done = subprocess.run([sys.executable, "-m", "bangtin", "shrink"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("news/ngay-hoi/IMG_0001.jpg: ") and " MB → " in lines[0]
    assert lines[1].startswith("news/ngay-hoi/IMG_0002.heic → news/ngay-hoi/IMG_0002.jpg: ")
    assert lines[2].startswith("Đã thu nhỏ 2 ảnh, bớt được ")
    assert lines[3] == "Đã sửa tên ảnh trong 1 tệp: news/2025-12-10-be-vui.md"
    text = (root / "news/2025-12-10-be-vui.md").read_bytes().decode("utf-8")
    assert "image: ngay-hoi/IMG_0002.jpg\r\n" in text and "![Lần hai](ngay-hoi/IMG_0002.jpg)" in text
    assert "heic" not in text and text.count("\r\n") == post.count("\n")  # the clerk's line ends are kept
    after = _tree(root)
    untouched = {rel for rel in before if rel in after and before[rel] == after[rel]}
    assert set(before) - untouched == {"news/ngay-hoi/IMG_0001.jpg", "news/ngay-hoi/IMG_0002.heic", "news/2025-12-10-be-vui.md"}

    again = subprocess.run([sys.executable, "-m", "bangtin", "shrink"], cwd=root, capture_output=True, text=True)
    assert again.stdout.startswith("Không có ảnh nào quá giới hạn") and _tree(root) == after  # no byte changes

    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    published = [p for p in (root / "site" / "anh").iterdir()]
    assert published and all(metadata_problems(p) == [] for p in published)
    article = root / "site/tin-tuc/2025/12/be-vui/ngay-hoi"
    for name in ("IMG_0001.jpg", "IMG_0002.jpg"):  # each phone photo: its WebP, its JPEG at the original's address…
        with Image.open(article / name) as original:
            assert original.format == "JPEG" and metadata_problems(article / name) == []
    body_photo = photo_key((root / "news/ngay-hoi/IMG_0001.jpg").read_bytes())
    assert not list((root / "site" / "anh").glob(f"{body_photo}-*.jpg"))  # a body photo has no link-preview JPEG
    total = sum(p.stat().st_size for p in published if p.name.startswith(body_photo))
    total += (article / "IMG_0001.jpg").stat().st_size
    # These photos carry synthetic sensor noise, heavier than real photographs; on those bench/growth.py measures the
    # budget itself (100 KB a phone photo on average).
    assert total < 200_000, total
    with Image.open(root / "news/ngay-hoi/IMG_0002.jpg") as image:
        assert max(image.size) <= MAX_SIDE


def test_the_pre_commit_hook_shrinks_a_staged_photo(tmp_path, phone_jpeg):
    published = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    hook = next(hook for hook in published if hook["id"] == "bangtin-shrink")
    assert hook["pass_filenames"] is True and hook["language"] == "python"
    for key in ("entry", "files", "pass_filenames"):  # the school's own hooks run the same command on the same files
        assert {h["id"]: h[key] for h in local} == {h["id"]: h[key] for h in published}, key
    import re

    assert re.search(hook["files"], "news/ngay-hoi/IMG_0003.JPG") and not re.search(hook["files"], "news/bai.md")
    root = make_site(tmp_path / "truong", {**good_content(), "news/ngay-hoi/IMG_0003.JPG": phone_jpeg})
    git = ["git", "-c", "user.name=Văn thư", "-c", "user.email=vanthu@example.edu.vn"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "news/ngay-hoi/IMG_0003.JPG"], cwd=root, check=True)
    staged = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=root, capture_output=True, text=True).stdout.split()
    entry = hook["entry"].split()
    done = subprocess.run([sys.executable, "-m", "bangtin", *entry[1:], *staged], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (root / "news/ngay-hoi/IMG_0003.JPG").stat().st_size <= MAX_BYTES
    changed = subprocess.run(["git", "diff", "--name-only"], cwd=root, capture_output=True, text=True).stdout.split()
    assert changed == ["news/ngay-hoi/IMG_0003.JPG"]  # pre-commit then stops the commit so the clerk adds the small one


def test_a_photo_uploaded_another_way_is_named_with_the_command_that_fixes_it(tmp_path, phone_jpeg, monkeypatch):
    """Photos added through GitHub's "Upload files" skip the hook: check and the build say which, never failing."""
    from click.testing import CliRunner

    from bangtin.cli import cli
    from sitebuild import BUILD_EPOCH

    post = front({"title": "Bé vui", "date": "2025-12-10", "categories": ["Tin tức"], "image": "ngay-hoi/IMG_0004.jpg"})
    root = make_site(tmp_path / "truong", {**good_content(), "news/2025-12-10-be-vui.md": post,
                                          "news/ngay-hoi/IMG_0004.jpg": phone_jpeg})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    check = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert check.exit_code == 0, check.output
    assert ('“news/ngay-hoi/IMG_0004.jpg” là ảnh nặng 3,' in check.output
            and 'chạy bangtin shrink "news/ngay-hoi/IMG_0004.jpg"' in check.output), check.output
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output  # --strict: a reminder, not a warning
    assert 'bangtin shrink "news/ngay-hoi/IMG_0004.jpg"' in build.output
    [weight] = [line for line in build.output.splitlines() if "Ảnh gốc trong kho" in line]
    assert "(3 ảnh)" in weight and "sau 5 năm với nhịp hiện tại" in weight
