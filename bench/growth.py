"""Ten years of a school: does the repository and the published site stay within GitHub's limits?

Run on demand: ``python bench/growth.py`` (``--years 10 --articles 100 --photos 10 --sample 40``).

Phone photos are made from real photographs (Debian's ``mate-backgrounds``, GPL-2+, fetched by ``photo_corpus.py``):
each one a different crop of a corpus photo, mirrored or not, at a phone's 4032×3024 and saved as a phone saves it
(JPEG quality 92). A sample of them goes through the real pipeline: :func:`bangtin.shrink.shrink_photo` (what the
pre-commit hook and the web editor commit) and :func:`bangtin.photos.build_photo` with
:func:`bangtin.media.published_variants` (what the site publishes; one photo in ``photos`` per article is its
cover and also publishes its link-preview JPEG). The per-photo averages, times the school's pace, give each year's:

* the repository as committed, with and without shrinking (photos, plus the Markdown of the articles);
* the published site (photos, plus the pages per article that ``bench/run.py`` measured at N = 500);
* the build time: every article so far at the measured cost per article, plus the photos to encode on 2 cores
  (the measured time per photo): one article's for a publish with the photo cache kept, all of them for a cold
  build (the cache lost).

Limits: GitHub recommends repositories under 1 GB and strongly under 5 GB; a Pages site may be at most 1 GB.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from photo_corpus import corpus  # noqa: E402

from bangtin.media import published_variants  # noqa: E402
from bangtin.photos import build_photo  # noqa: E402
from bangtin.shrink import shrink_photo  # noqa: E402

GB = 1024**3
MB = 1024**2
PHONE = (4032, 3024)
#: Measured by bench/run.py at N = 500 (no photos): the built site per article, and the CPU per article.
PAGE_BYTES_PER_ARTICLE = 23.6 * MB / 500
BUILD_SECONDS_PER_ARTICLE = 2.6 / 500
MARKDOWN_BYTES_PER_ARTICLE = 2_500
CORES = 2
LIMITS = {"kho 1 GB (khuyến nghị)": ("repo", 1 * GB), "kho 5 GB": ("repo", 5 * GB), "trang 1 GB": ("site", 1 * GB)}


def phone_photo(source: Image.Image, rng: random.Random) -> Image.Image:
    """A different frame of a real photograph, as a phone stores it."""
    scale = rng.uniform(0.7, 0.95)
    width, height = round(source.width * scale), round(source.height * scale)
    left, top = rng.randint(0, source.width - width), rng.randint(0, source.height - height)
    frame = source.crop((left, top, left + width, top + height))
    if rng.random() < 0.5:
        frame = frame.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return frame.resize(PHONE, Image.Resampling.LANCZOS)


def measure(sample: int, covers_share: float, seed: int = 1) -> dict[str, float]:
    """Average bytes per phone photo (original, shrunk, published) and seconds to shrink and encode one."""
    rng = random.Random(seed)
    sources = [Image.open(path).convert("RGB") for path in corpus()]
    totals = {"original": 0.0, "shrunk": 0.0, "published": 0.0, "files": 0.0, "seconds": 0.0}
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for index in range(sample):
            path = folder / f"IMG_{index:04d}.jpg"
            phone_photo(sources[index % len(sources)], rng).save(path, "JPEG", quality=92)
            totals["original"] += path.stat().st_size
            started = time.process_time()
            shrunk = shrink_photo(path)
            photo = build_photo(shrunk.target, folder / "cache")
            totals["seconds"] += time.process_time() - started
            totals["shrunk"] += shrunk.after
            cover = rng.random() < covers_share
            files = published_variants(photo, cover=cover)
            fallback = photo.fallback.size  # the JPEG served at the original's address
            totals["published"] += sum(variant.size for variant in files) + fallback
            totals["files"] += len(files) + 1
    return {key: value / sample for key, value in totals.items()}


def simulate(per_photo: dict[str, float], years: int, articles: int, photos: int) -> list[dict[str, float]]:
    rows = []
    for year in range(1, years + 1):
        n_articles, n_photos = articles * year, articles * photos * year
        markdown = n_articles * MARKDOWN_BYTES_PER_ARTICLE
        rows.append({
            "year": year,
            "repo": markdown + n_photos * per_photo["shrunk"],
            "repo_raw": markdown + n_photos * per_photo["original"],
            "site": n_articles * PAGE_BYTES_PER_ARTICLE + n_photos * per_photo["published"],
            "files": n_articles * 2 + n_photos * per_photo["files"],
            "cold": n_articles * BUILD_SECONDS_PER_ARTICLE + n_photos * per_photo["seconds"] / CORES,
            "publish": n_articles * BUILD_SECONDS_PER_ARTICLE + photos * per_photo["seconds"] / CORES,
        })
    return rows


def crossed(rows: list[dict[str, float]], column: str, limit: float) -> str:
    return next((f"năm {row['year']}" for row in rows if row[column] > limit), f"sau {len(rows)} năm vẫn chưa")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--articles", type=int, default=100, help="articles a year")
    parser.add_argument("--photos", type=int, default=10, help="phone photos an article")
    parser.add_argument("--sample", type=int, default=40, help="photos put through the real pipeline")
    args = parser.parse_args()
    per_photo = measure(args.sample, 1 / args.photos)
    print(f"Per phone photo ({args.sample} through the pipeline): original {per_photo['original'] / MB:.2f} MB, "
          f"committed after shrinking {per_photo['shrunk'] / 1024:.0f} KB, published {per_photo['published'] / 1024:.0f} KB "
          f"in {per_photo['files']:.1f} files, {per_photo['seconds']:.2f} s CPU to shrink and encode")
    rows = simulate(per_photo, args.years, args.articles, args.photos)
    print("\n| year | repository (shrunk) | repository (originals) | published site | site files | a publish | cold build |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['year']} | {row['repo'] / GB:.2f} GB | {row['repo_raw'] / GB:.2f} GB | {row['site'] / GB:.2f} GB | "
              f"{row['files']:,.0f} | {row['publish']:.0f} s | {row['cold'] / 60:.0f} min |")
    print()
    for name, (column, limit) in LIMITS.items():
        print(f"{name}: {crossed(rows, column, limit)} (không thu nhỏ ảnh: {crossed(rows, 'repo_raw', limit)})"
              if column == "repo" else f"{name}: {crossed(rows, column, limit)}")


if __name__ == "__main__":
    main()
