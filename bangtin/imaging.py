"""Pillow's part of the photo pipeline: decode a phone photo to clean sRGB pixels, resize it, encode it.

Imported by :func:`bangtin.photos.build_photo` only when a photo is not in the cache, so a site whose photos are
all cached (or that has none) builds without loading Pillow.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .problems import PhotoError

try:  # HEIC/HEIF support; pillow-heif is a dependency, but keep JPEG working without it (decode says why not)
    import pillow_heif

    pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
    HEIF = True
except ImportError:  # pragma: no cover - pillow-heif is pinned in pyproject.toml
    HEIF = False

HEIF_SUFFIXES = (".heic", ".heif")
NO_HEIF = ("máy này chưa cài gói pillow-heif để đọc ảnh iPhone (HEIC); hãy chạy lại lệnh cài đặt trong README, "
           "hoặc trên iPhone chọn Cài đặt → Camera → Định dạng → Tương thích nhất để chụp ảnh JPEG")

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def decode(data: bytes, name: str, notes: list[str] | None = None) -> Image.Image:
    """Decode, apply EXIF orientation, flatten transparency, convert to sRGB RGB; no metadata.

    What could not be done as asked (a broken colour profile) is added to ``notes``, in Vietnamese.
    """
    if not HEIF and name.lower().endswith(HEIF_SUFFIXES):
        raise PhotoError(f"không đọc được ảnh “{name}”: {NO_HEIF}")
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.seek(0)
            icc = opened.info.get("icc_profile")
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as error:
        raise PhotoError(f"không đọc được ảnh “{name}”: tệp ảnh hỏng, chưa chép hết hoặc không phải ảnh; hãy chép lại "
                         f"ảnh từ điện thoại hoặc máy ảnh (chi tiết: {error})") from error

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image.alpha_composite(rgba)
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode not in ("RGB", "CMYK", "L"):
                image = image.convert("RGB")
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
            image = converted if converted is not None else image
        except (ImageCms.PyCMSError, OSError, ValueError):
            if notes is not None:  # keep the pixel values as they are
                notes.append(f"ảnh “{name}” có hồ sơ màu (ICC) hỏng: màu được giữ như trong tệp, có thể hơi khác ảnh gốc")
    if image.mode != "RGB":
        image = image.convert("RGB")
    image.info = {}
    return image


def resize(image: Image.Image, width: int) -> Image.Image:
    """``image`` at ``width`` pixels wide (the same image when it already is), without metadata."""
    height = max(1, round(image.height * width / image.width))
    resized = image if (width, height) == image.size else image.resize(
        (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
    )
    resized.info = {}
    return resized


def encode(image: Image.Image, fmt: str, quality: int, webp_method: int) -> bytes:
    """``image`` as WebP (``fmt`` "webp") or progressive JPEG, with no metadata."""
    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=quality, method=webp_method)
    else:
        image.save(buffer, "JPEG", quality=quality, progressive=True, optimize=True, subsampling="4:2:0")
    return buffer.getvalue()
