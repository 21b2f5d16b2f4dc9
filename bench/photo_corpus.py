"""Real photographs for the photo benchmarks: Debian's ``mate-backgrounds`` (GPL-2+, see its copyright file).

Its nature photographs (1280–2560 px) and one large photograph (Elephants, 5640×3172) are taken from the package
with ``apt-get download`` and ``dpkg -x`` (nothing is installed) into ``bench/.photos`` (git-ignored).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / ".photos"
PACKAGE = "mate-backgrounds"
PHOTOS = ("nature/*.jpg", "abstract/Elephants_5640x3172.jpg")


def corpus() -> list[Path]:
    """The photographs, fetched on first use."""
    if not any(CORPUS.glob("*.jpg")):
        CORPUS.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as work:
            subprocess.run(["apt-get", "download", PACKAGE], cwd=work, check=True, capture_output=True)
            deb = next(Path(work).glob("*.deb"))
            subprocess.run(["dpkg", "-x", str(deb), str(Path(work) / "x")], check=True)
            base = Path(work) / "x" / "usr/share/backgrounds/mate"
            for pattern in PHOTOS:
                for path in base.glob(pattern):
                    shutil.copyfile(path, CORPUS / path.name)
            shutil.copyfile(Path(work) / "x/usr/share/doc" / PACKAGE / "copyright", CORPUS / "COPYRIGHT")
    return sorted(CORPUS.glob("*.jpg"))
