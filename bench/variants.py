"""Published bytes and sharpness of photo variant sets, on real photographs (``photo_corpus.py``).

Run on demand: ``python bench/variants.py``. For each candidate set of formats, widths and qualities it prints the
bytes published per photo (every file together), the bytes a 412-px phone at DPR 2.6 loads (the variant its
``srcset`` picks for 988 device pixels), and SSIM (7×7 windows, luminance) of that variant shown at 988 px against
the source resized straight to 988 px: what the reader sees against the best the screen could show.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from photo_corpus import corpus  # noqa: E402

import bangtin.imaging  # noqa: E402,F401  (Pillow's HEIF and AVIF support, as the build has it)

def box(x: np.ndarray, r: int = 3) -> np.ndarray:
    """The mean over a (2r+1)² window at each pixel, from an integral image."""
    c = np.cumsum(np.cumsum(np.pad(x, ((r+1, r), (r+1, r)), mode='edge'), 0), 1)
    k = 2*r+1
    return (c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]) / (k*k)

def ssim(a: Image.Image, b: Image.Image) -> float:
    a = np.asarray(a.convert('L'), dtype=np.float64); b = np.asarray(b.convert('L'), dtype=np.float64)
    C1, C2 = (0.01*255)**2, (0.03*255)**2
    ma, mb = box(a), box(b)
    va, vb, cov = box(a*a)-ma*ma, box(b*b)-mb*mb, box(a*b)-ma*mb
    return float(np.mean(((2*ma*mb+C1)*(2*cov+C2))/((ma*ma+mb*mb+C1)*(va+vb+C2))))

def enc(img: Image.Image, fmt: str, q: int) -> bytes:
    buf = io.BytesIO()
    if fmt == 'webp': img.save(buf, 'WEBP', quality=q, method=6)
    elif fmt == 'avif': img.save(buf, 'AVIF', quality=q, speed=6)
    else: img.save(buf, 'JPEG', quality=q, progressive=True, optimize=True, subsampling='4:2:0')
    return buf.getvalue()

def resize(img: Image.Image, w: int) -> Image.Image:
    h = max(1, round(img.height * w / img.width))
    return img if img.width == w else img.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)

VIEW = 988  # a 412-px phone at DPR 2.6: 380 CSS px of column
CANDIDATES = {
    'former: webp 360/720/1080/1440 q75/65 + 2 jpeg': ([('webp', w, 75 if w < 1000 else 65) for w in (360, 720, 1080, 1440)] + [('jpeg', 720, 80), ('jpeg', 1080, 70)]),
    'former without the JPEGs: webp 360/720/1080/1440': [('webp', w, 75 if w < 1000 else 65) for w in (360, 720, 1080, 1440)],
    'webp 360/720/1080/1440 + jpeg 720 q70 for feeds': ([('webp', w, 75 if w < 1000 else 65) for w in (360, 720, 1080, 1440)]
                                                       + [('jpeg', 720, 70)]),
    'chosen: webp 360/720/1080 q75/65 + jpeg 720 q62': ([('webp', w, 75 if w < 1000 else 65) for w in (360, 720, 1080)]
                                                        + [('jpeg', 720, 62)]),
    'webp 480/960 q75/70': [('webp', 480, 75), ('webp', 960, 70)],
    'webp 480/1000 q72/62': [('webp', 480, 72), ('webp', 1000, 62)],
    'webp 360/720/1080 q72/60': [('webp', 360, 72), ('webp', 720, 72), ('webp', 1080, 60)],
    'avif 480/1000 q60/50': [('avif', 480, 60), ('avif', 1000, 50)],
}


def main() -> None:
    photos = corpus()
    for name, spec in CANDIDATES.items():
        measure(name, spec, photos)


def measure(name: str, spec: list[tuple[str, int, int]], photos: list[Path]) -> None:
    total, ss, sent, t0 = [], [], [], time.time()
    for path in photos:
        src = Image.open(path).convert('RGB')
        if max(src.size) > 2048:
            src = resize(src, round(src.width * 2048 / max(src.size)))
        ref = resize(src, VIEW)
        files = []
        for fmt, w, q in spec:
            w = min(w, src.width)
            files.append((fmt, w, enc(resize(src, w), fmt, q)))
        total.append(sum(len(d) for _, _, d in files))
        best = [f for f in files if f[0] != 'jpeg' or all(g[0] == 'jpeg' for g in files)]
        chosen = min((f for f in best if f[1] >= VIEW), key=lambda f: f[1], default=max(best, key=lambda f: f[1]))
        shown = Image.open(io.BytesIO(chosen[2])).convert("RGB").resize(ref.size, Image.Resampling.LANCZOS)
        ss.append(ssim(ref, shown))
        sent.append(len(chosen[2]))
    print(f"{name:50s} published {np.mean(total) / 1024:6.1f} KB/photo, sent at 988 px {np.mean(sent) / 1024:5.1f} KB, "
          f"SSIM {np.mean(ss):.4f} (lowest {min(ss):.4f}), {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
