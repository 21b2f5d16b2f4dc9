"""Small, valid content for fixture sites; tests add one mistake at a time."""

from __future__ import annotations

import io

from PIL import Image

from sitebuild import front


def jpeg(color=(200, 120, 40), size=(480, 320)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


PLAN = front(
    {
        "number": "259/KH-MNTN", "title": "Triển khai Phong trào thi đua đổi mới sáng tạo và chuyển đổi số",
        "issued": "2025-11-28", "movements": ["thi-dua-dmst-cds"],
        "based_on": ["57-NQ/TW", {"number": "4400/KH-SGDĐT", "issued": "2025-10-23", "issuer": "Sở GD&ĐT Hà Nội"},
                     "120/KH-MNTN"],
        "signer": {"authority": "KT.", "on_behalf_of": "Hiệu trưởng", "title": "Phó Hiệu trưởng", "name": "Đỗ Thị Hòa"},
        "recipients": ["BGH (để báo cáo)", "Tổ chuyên môn (để thực hiện)"],
        "attachments": ["259-KH-MNTN.pdf"],
        "milestones": [{"when": "2025-12", "what": "Tập huấn chuyển đổi số", "who": "Tổ chuyên môn"},
                       {"when": "2025..2027", "what": "Giai đoạn 1"}],
    },
    "## I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích: nâng cao nhận thức.\n\n## II. ĐỐI TƯỢNG\n\n- Cán bộ, giáo viên.\n",
)
BASE_PLAN = front({"number": "120/KH-MNTN", "title": "Kế hoạch năm học 2025-2026", "issued": "05/09/2025"})
DECISION = front({"number": "45/QĐ-MNTN", "title": "Thành lập Câu lạc bộ Bé yêu khoa học", "issued": "2025-09-10"})
POST = front(
    {
        "title": "Bé vui Ngày hội STEM", "date": "2025-12-05 08:30", "summary": "Các bé làm thí nghiệm.",
        "categories": ["Hoạt động STEM"], "tags": ["robot"], "image": "ngay-hoi-stem/cover.jpg",
        "plans": ["259/KH-MNTN"], "clubs": ["be-yeu-khoa-hoc"], "movements": ["thi-dua-dmst-cds"],
        "author": "Tổ chuyên môn",
    },
    "Sáng nay các bé tham gia ngày hội.\n\n![Bé làm thí nghiệm](ngay-hoi-stem/anh-1.jpg)\n\n## Đánh giá của đoàn\n\nTốt.\n",
)
CLUB = front(
    {"name": "CLB Bé yêu khoa học", "kind": "STEM", "school_year": "2025-2026", "founded": "2025-09-15",
     "decision": "45/QĐ-MNTN", "leaders": ["Cô Nguyễn Thị Lan"], "members": 24, "status": "active"},
    "Câu lạc bộ sinh hoạt hằng tuần.\n",
)


def good_content() -> dict[str, str | bytes]:
    return {
        "plans/kh-259.md": PLAN,
        "plans/259-KH-MNTN.pdf": b"%PDF-1.4\n% signed scan\n",
        "plans/kh-120.md": BASE_PLAN,
        "plans/qd-45.md": DECISION,
        "news/2025-12-05-be-vui-ngay-hoi-stem.md": POST,
        "news/ngay-hoi-stem/cover.jpg": jpeg(),
        "news/ngay-hoi-stem/anh-1.jpg": jpeg((40, 120, 200)),
        "clubs/be-yeu-khoa-hoc.md": CLUB,
    }
