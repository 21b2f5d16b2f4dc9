"""The fixture school of the feed tests: good content plus a tricky title, a draft and a scheduled article."""

from __future__ import annotations

import unicodedata

from content_samples import good_content, jpeg
from sitebuild import front

BASE = "https://truong-thu.example.edu.vn/"
TRICKY_TITLE = "Bé & mẹ “học” <STEM> 'vui' \"cùng\" 🎉🤖"
TRICKY_URL = BASE + "tin-tuc/2025/12/be-me-hoc-stem/"
TRICKY_POST = front(
    # The title is typed in NFD (as some Windows keyboards do): the feed must carry NFC.
    {"title": unicodedata.normalize("NFD", TRICKY_TITLE), "date": "2025-12-10 16:45",
     "categories": ["Khoa học & Công nghệ"], "image": "be-me/cover.jpg"},
    "Mở đầu.\n\n![Ảnh trong bài](be-me/trong-bai.jpg)\n\nXem [kế hoạch](be-me/ke-hoach.pdf) "
    "và <a href=\"be-me/ke-hoach.pdf#trang-2\">trang 2</a>.\n\n## Kết quả\n\nTốt.\n",
)
DRAFT = front({"title": "Bản nháp bimatnhap", "date": "2025-12-01", "draft": True, "categories": ["Tin tức"]})
SCHEDULED = front({"title": "Bài hẹn giờ henmai", "date": "2026-03-01 07:00", "categories": ["Tin tức"]})
DRAFT_PLAN = front({"number": "300/KH-MNTN", "title": "Dự thảo bimatnhap", "issued": "2025-12-20", "draft": True})


def school_files() -> dict[str, str | bytes]:
    return {
        **good_content(),
        "news/2025-12-10-be-me-hoc-stem.md": TRICKY_POST,
        "news/be-me/cover.jpg": jpeg((10, 200, 90), (640, 400)),
        "news/be-me/trong-bai.jpg": jpeg((90, 20, 200)),
        "news/be-me/ke-hoach.pdf": b"%PDF-1.4\n% plan\n",
        "news/2025-12-01-ban-nhap.md": DRAFT,
        "news/2026-03-01-hen-gio.md": SCHEDULED,
        "plans/kh-300.md": DRAFT_PLAN,
    }
