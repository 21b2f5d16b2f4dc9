"""Photo pipeline: orientation, metadata removal, widths, cache, HEIC, what is published."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw

from photo_metadata import metadata_problems

from bangtin.media import Media, media_files
from bangtin.photos import (
    DEFAULT_WIDTHS,
    Photo,
    PhotoStats,
    build_photo,
    build_photos,
    photo_key,
    prune_cache,
    social_variant,
    target_widths,
)
from bangtin.problems import PhotoError


def _widths(photo: Photo) -> tuple[int, ...]:
    return tuple(v.width for v in photo.variants_for("webp"))

GPS = {1: "N", 2: (21.0, 2.0, 15.5), 3: "E", 4: (105.0, 53.0, 7.25), 5: 0, 6: 12.0}
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,2.25N" '
    b'exif:GPSLongitude="105,53.12E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
RED = (220, 20, 30)


def phone_image(width: int = 1600, height: int = 1200) -> Image.Image:
    """A landscape frame as a phone stores it: a red block in the stored top-left corner."""
    image = Image.new("RGB", (width, height), (90, 140, 200))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 40):
        draw.line((x, 0, width - x, height), fill=(x % 255, 120, 255 - x % 255), width=3)
    draw.rectangle((0, 0, width // 4, height // 4), fill=RED)
    return image


def phone_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: 6 = rotate 90° clockwise to display
    exif[0x010F] = "Apple"  # Make
    exif[0x0110] = "iPhone 13"  # Model
    exif[0x0132] = "2025:11:28 08:15:00"  # DateTime
    exif[0x8825] = GPS  # GPSInfo
    return exif


@pytest.fixture
def phone_jpeg(tmp_path: Path) -> Path:
    path = tmp_path / "IMG_0042.JPG"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    phone_image().save(
        path, "JPEG", quality=90, exif=phone_exif().tobytes(), xmp=XMP, icc_profile=srgb,
        comment="Trường Mầm non Hoa Mai",
    )
    return path


def image_data_start(data: bytes) -> int:
    """Offset where the compressed pixels start: the JPEG start-of-scan, or WebP's image chunk."""
    if data[:2] == b"\xff\xd8":
        return data.index(b"\xff\xda")
    position = 12
    while data[position : position + 4] not in (b"VP8 ", b"VP8L"):
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        position += 8 + length + (length & 1)
    return position


def assert_clean(path: Path) -> None:
    data = path.read_bytes()
    header = data[: image_data_start(data)]
    # Short markers are checked in the container headers only: compressed pixels may contain any
    # 3 bytes by chance. Long markers cannot appear by chance, so they are checked everywhere.
    for marker in (b"Exif", b"GPS", b"xmp", b"XMP", b"ICC", b"Apple", b"iPhone"):
        assert marker not in header, (path.name, marker)
    for marker in (b"Exif\x00\x00", b"<x:xmpmeta", b"GPSLatitude", b"ICC_PROFILE", "Hoa Mai".encode()):
        assert marker not in data, (path.name, marker)
    with Image.open(path) as image:
        assert not image.getexif(), path.name
        assert not image.info.get("xmp") and not image.info.get("icc_profile") and "exif" not in image.info
    assert metadata_problems(path) == []


def test_source_really_has_metadata(phone_jpeg: Path) -> None:
    problems = metadata_problems(phone_jpeg)
    assert {"EXIF", "XMP", "ICC", "comment", "GPS"} <= set(problems), problems


def test_variants_are_upright_capped_and_clean(phone_jpeg: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    photo = build_photo(phone_jpeg, cache)

    assert (photo.width, photo.height) == (1200, 1600)  # orientation 6 turned the frame upright
    assert _widths(photo) == (360, 720, 1080)
    assert [(v.width, v.height) for v in photo.variants_for("webp")] == [(360, 480), (720, 960), (1080, 1440)]
    assert [v.width for v in photo.variants_for("jpeg")] == [720, 1200]  # the fallback, and 1200 capped at the photo's width
    assert len(photo.variants) == 5  # WebP at 360, 720 and 1080; JPEG at 720 and 1200
    for variant in photo.variants:
        path = cache / variant.file_name
        assert variant.file_name == f"{photo.key}-{variant.width}{'.webp' if variant.format == 'webp' else '.jpg'}"
        assert path.stat().st_size == variant.size
        with Image.open(path) as image:
            assert image.format == {"webp": "WEBP", "jpeg": "JPEG"}[variant.format]
            assert image.size == (variant.width, variant.height)
            assert image.mode == "RGB"
            rgb = image.convert("RGB")
            w, h = image.size
            # The stored top-left corner is the displayed top-right corner after a 90° turn.
            assert _close(rgb.getpixel((w - 1 - w // 20, h // 20)), RED), variant.file_name
            assert not _close(rgb.getpixel((w // 20, h // 20)), RED), variant.file_name
        if variant.format == "jpeg":
            assert image.info.get("progressive") or image.info.get("progression")
        assert_clean(path)


def test_second_build_reuses_the_cache(phone_jpeg: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first_stats = PhotoStats()
    first = build_photo(phone_jpeg, cache, stats=first_stats)
    assert (first_stats.processed, first_stats.reused, first_stats.files_written) == (1, 0, 5)  # 3 WebP, 2 JPEG
    before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}

    second_stats = PhotoStats()
    second = build_photo(phone_jpeg, cache, stats=second_stats)
    assert second == first
    assert (second_stats.processed, second_stats.reused, second_stats.files_written) == (0, 1, 0)
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == before

    # Same bytes under another name: same key, still reused, reported under the new name.
    renamed = phone_jpeg.with_name("copy.jpg")
    renamed.write_bytes(phone_jpeg.read_bytes())
    third = build_photo(renamed, cache, stats=second_stats)
    assert third.key == first.key and third.source_name == "copy.jpg" and second_stats.reused == 2


def test_missing_cached_file_is_rebuilt(phone_jpeg: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    photo = build_photo(phone_jpeg, cache)
    (cache / photo.variants[3].file_name).unlink()
    stats = PhotoStats()
    assert build_photo(phone_jpeg, cache, stats=stats) == photo
    assert stats.processed == 1 and (cache / photo.variants[3].file_name).is_file()


def test_key_depends_on_content_and_settings(phone_jpeg: Path, tmp_path: Path) -> None:
    data = phone_jpeg.read_bytes()
    assert photo_key(data) == photo_key(data)
    assert photo_key(data) != photo_key(data + b"\0")
    assert photo_key(data) != photo_key(data, (360, 720))
    assert photo_key(data, (720, 360)) == photo_key(data, (360, 720, 720))
    small = build_photo(phone_jpeg, tmp_path / "cache", widths=(360, 720))
    assert _widths(small) == (360, 720) and small.key == photo_key(data, (360, 720))


def test_target_widths_never_upscale() -> None:
    assert target_widths(4032) == DEFAULT_WIDTHS
    assert target_widths(1000) == (360, 720, 1000)
    assert target_widths(500) == (360, 500)
    assert target_widths(200) == (200,)


def test_heic_from_iphone(tmp_path: Path) -> None:
    source = tmp_path / "IMG_0043.HEIC"
    phone_image(800, 600).save(source, "HEIF", quality=90, exif=phone_exif().tobytes(), xmp=XMP)
    with Image.open(source) as check:  # the test file really carries the metadata
        assert check.format == "HEIF" and check.info.get("xmp") and check.getexif().get_ifd(0x8825)

    cache = tmp_path / "cache"
    photo = build_photo(source, cache)
    assert (photo.width, photo.height) == (600, 800)
    assert _widths(photo) == (360, 600)
    for variant in photo.variants:
        path = cache / variant.file_name
        with Image.open(path) as image:
            assert image.size == (variant.width, variant.height)
            rgb = image.convert("RGB")
            assert _close(rgb.getpixel((variant.width - 5, 5)), RED, tolerance=60)
        assert_clean(path)


def test_transparent_png_is_flattened_on_white(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, 199, 199), fill=(0, 128, 0, 255))
    image.save(source)
    photo = build_photo(source, tmp_path / "cache")
    with Image.open(tmp_path / "cache" / photo.fallback.file_name) as out:
        assert _close(out.convert("RGB").getpixel((390, 100)), (255, 255, 255))
        assert _close(out.convert("RGB").getpixel((50, 100)), (0, 128, 0))


def test_only_variants_are_published_and_the_originals_address_serves_a_clean_jpeg(phone_jpeg: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    photo = build_photo(phone_jpeg, cache)
    files = dict(media_files(Media({"tin-tuc/2025/12/bai/anh.jpg": photo}, PhotoStats()), cache))
    assert files["tin-tuc/2025/12/bai/anh.jpg"] == cache / photo.fallback.file_name
    published = {path.name for path in files.values()}
    assert published <= {v.file_name for v in photo.variants}
    assert {v.file_name for v in photo.variants_for("webp")} <= published
    original = phone_jpeg.read_bytes()
    assert all(path.read_bytes() != original for path in files.values())
    social = social_variant(photo).file_name
    assert social not in published  # a body photo: no link-preview JPEG
    cover = dict(media_files(Media({"tin-tuc/2025/12/bai/anh.jpg": photo}, PhotoStats(), frozenset({"tin-tuc/2025/12/bai/anh.jpg"})), cache))
    assert {path.name for path in cover.values()} == published | {social}


def test_variants_fallback_and_social_preview(tmp_path: Path) -> None:
    source = tmp_path / "wide.jpg"
    phone_image(4032, 3024).save(source, quality=85)
    photo = build_photo(source, tmp_path / "cache")
    key = photo.key
    assert [v.file_name for v in photo.variants_for("webp")] == [f"{key}-{w}.webp" for w in (360, 720, 1080)]
    assert [v.file_name for v in photo.variants_for("jpeg")] == [f"{key}-720.jpg", f"{key}-1200.jpg"]
    assert photo.fallback.file_name == f"{key}-720.jpg"
    social = social_variant(photo)
    assert (social.format, social.width, social.height) == ("jpeg", 1200, 900)


def test_photo_round_trips_through_dict(phone_jpeg: Path, tmp_path: Path) -> None:
    photo = build_photo(phone_jpeg, tmp_path / "cache")
    assert Photo.from_dict(photo.to_dict()) == photo


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"not a photo")
    with pytest.raises(PhotoError, match="hong.jpg"):
        build_photo(broken, tmp_path / "cache")
    with pytest.raises(PhotoError, match="khong-co.jpg"):
        build_photo(tmp_path / "khong-co.jpg", tmp_path / "cache")


def test_build_photos_in_parallel_and_prune(phone_jpeg: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.png"
    phone_image(900, 600).save(other)
    cache = tmp_path / "cache"
    photos, stats = build_photos([phone_jpeg, other], cache, workers=2)
    assert [p.source_name for p in photos] == ["IMG_0042.JPG", "other.png"]
    assert (stats.processed, stats.reused) == (2, 0)
    _, again = build_photos([phone_jpeg, other], cache)
    assert (again.processed, again.reused) == (0, 2)

    removed = prune_cache(cache, [photos[0]])
    assert removed and all(path.name.startswith(photos[1].key) for path in removed)
    assert sorted(path.name for path in cache.iterdir()) == sorted(
        [v.file_name for v in photos[0].variants] + [f"{photos[0].key}.json"]
    )


def test_budget_estimate_for_a_phone_photo(tmp_path: Path) -> None:
    """A textured 4032×3024 photo: the 1080-px WebP a 412-px DPR 2.6 phone loads stays small."""
    source = tmp_path / "IMG_4032.jpg"
    image = phone_image(4032, 3024)
    noise = Image.effect_noise((4032, 3024), 24).convert("RGB")
    Image.blend(image, noise, 0.25).save(source, quality=92)
    photo = build_photo(source, tmp_path / "cache")
    webp_1080 = next(v for v in photo.variants_for("webp") if v.width == 1080)
    jpeg_1200 = next(v for v in photo.variants_for("jpeg") if v.width == 1200)
    assert webp_1080.size < jpeg_1200.size
    assert webp_1080.size < 200_000, webp_1080.size


def _close(pixel: tuple[int, ...] | float | None, expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], expected))


def test_image_data_start_helper() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "WEBP")
    assert buffer.getvalue()[image_data_start(buffer.getvalue()) :][:3] == b"VP8"


def test_a_broken_colour_profile_is_reported_and_the_photo_still_published(tmp_path: Path) -> None:
    source = tmp_path / "hong-mau.jpg"
    phone_image(800, 600).save(source, "JPEG", quality=85, icc_profile=b"not a colour profile" * 8)
    stats = PhotoStats()
    photo = build_photo(source, tmp_path / "cache", stats=stats)
    assert photo.variants and stats.processed == 1
    assert stats.notes == ["ảnh “hong-mau.jpg” có hồ sơ màu (ICC) hỏng: màu được giữ như trong tệp, có thể hơi khác ảnh gốc"]


def test_without_pillow_heif_an_iphone_photo_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bangtin import imaging

    monkeypatch.setattr(imaging, "HEIF", False)  # as on a machine where pillow-heif failed to install
    with pytest.raises(PhotoError, match=r"“IMG_0001.HEIC”: máy này chưa cài gói pillow-heif .*Tương thích nhất"):
        imaging.decode(b"\x00\x00\x00\x18ftypheic", "IMG_0001.HEIC")


def test_one_photo_written_to_the_cache_by_two_threads_at_once(tmp_path: Path) -> None:
    """Two articles with the same photo: two threads encode it into the same cache file at the same moment."""
    from concurrent.futures import ThreadPoolExecutor

    from bangtin.caches import write_atomically

    target = tmp_path / "ea1abc55f3500a9a-360.webp"
    with ThreadPoolExecutor(8) as pool:
        sizes = list(pool.map(lambda index: write_atomically(target, b"x" * 4096), range(400)))
    assert sizes == [4096] * 400 and target.read_bytes() == b"x" * 4096
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
