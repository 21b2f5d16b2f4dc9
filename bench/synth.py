"""Synthetic schools in the content contract, for the build benchmark.

``make_school(root, n)`` writes a complete school folder (mkdocs.yml, hooks, templates, hand-written pages) with
``n`` articles in ``news/``, ``n // 5`` plans in ``plans/`` whose ``based_on`` form chains (each plan cites the
one before it in its series, plus outside documents), ``3 + n // 100`` clubs in ``clubs/``, and optionally photos
(a cover and two photos in the body of each article, a photo per club).

``make_floor(school, root)`` and ``make_blog(school, root)`` write the same articles, plans and clubs, with the
same Markdown bodies, as a plain Material site and as a Material blog + RSS site, for comparison.

Everything is deterministic: the same ``n`` and ``seed`` give the same files.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SHORT = "MNBT"
SCHOOL = "Trường Mầm non Bình Thử"
CATEGORIES = ["Tin tức", "Thông báo", "Tuyên truyền", "Hoạt động STEM", "Chuyển đổi số"]
MOVEMENTS = {
    "thi-dua-dmst-cds": {"name": "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số", "basis": "923/QĐ-TTg"},
    "binh-dan-hoc-vu-so": {"name": "Bình dân học vụ số"},
    "giao-duc-stem": {"name": "Giáo dục STEM trong trường mầm non"},
}
SERIES = ["Giáo dục STEM", "Chuyển đổi số", "Bình dân học vụ số", "Phòng chống dịch bệnh", "Xây dựng trường học xanh",
          "Thi đua dạy tốt học tốt", "An toàn giao thông", "Tuyên truyền pháp luật"]
OUTSIDE = [
    {"number": "57-NQ/TW", "issued": "2024-12-22", "issuer": "Bộ Chính trị"},
    {"number": "923/QĐ-TTg", "issued": "2025-05-14", "issuer": "Thủ tướng Chính phủ"},
    {"number": "4400/KH-SGDĐT", "issued": "2025-10-23", "issuer": "Sở GD&ĐT Hà Nội"},
    "30/2020/NĐ-CP",
]
TOPICS = ["Ngày hội STEM", "Bé làm nhà khoa học", "Tập huấn bài giảng điện tử", "Sổ liên lạc điện tử",
          "Vườn rau của bé", "Thí nghiệm núi lửa", "Robot dẫn đường", "Tranh lá khô", "Bé với an toàn giao thông",
          "Lớp Bình dân học vụ số", "Họp phụ huynh đầu năm", "Khai giảng năm học", "Tổng kết học kỳ",
          "Ngày hội đọc sách", "Tết Trung thu", "Hội thi giáo viên giỏi", "Ngày Nhà giáo Việt Nam",
          "Bé khỏe bé ngoan", "Trải nghiệm làm bánh", "Tham quan nông trại"]
TAGS = ["robot", "khám phá", "ngày hội", "STEAM", "kỹ năng số", "an toàn", "đọc sách", "thiên nhiên", "phụ huynh"]
SENTENCES = [
    "Sáng nay, các bé khối Lá đã cùng cô giáo tham gia hoạt động trải nghiệm ở sân trường.",
    "Mỗi nhóm được phát một bộ dụng cụ gồm cốc nhựa, giấm, muối nở và màu thực phẩm.",
    "Cô giáo đặt câu hỏi gợi mở: “Theo con, vì sao lại như vậy?” để các bé tự tìm ra câu trả lời.",
    "Hoạt động nằm trong kế hoạch giáo dục STEM năm học của nhà trường.",
    "Cha mẹ học sinh có thể theo dõi thông tin trên sổ liên lạc điện tử và trang web của trường.",
    "Nhà trường không đăng ảnh chụp rõ mặt các cháu khi chưa có sự đồng ý của cha mẹ.",
    "Ban Giám hiệu đánh giá cao tinh thần chủ động, sáng tạo của đội ngũ giáo viên.",
    "Sau buổi học, mỗi bé mang về nhà một sản phẩm nhỏ do chính tay mình làm ra.",
    "Các lớp sẽ tiếp tục tổ chức hoạt động tương tự vào tuần sau theo lịch của tổ chuyên môn.",
    "Đây là một trong những hoạt động hưởng ứng Phong trào thi đua đổi mới sáng tạo và chuyển đổi số.",
    "Giáo viên đã ứng dụng bài giảng điện tử và máy chiếu tương tác trong tiết học.",
    "Buổi sinh hoạt câu lạc bộ kết thúc bằng trò chơi “Người máy và kỹ sư” đầy hào hứng.",
]


@dataclass(frozen=True)
class School:
    root: Path
    n: int
    photos: bool


#: Left out of the varied corpus: Markdown and links, and dates (recombined beside a teacher's name, a date reads as
#: a birth date to the privacy check, which stops a strict build)
_LEFT_OUT = re.compile(r"[|#*<>\[\]{}`=]|!\[|https?:|\d{1,2}/\d{1,2}/\d{2,4}")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ỹ“\"(])")


def varied_sentences() -> list[str]:
    """Every distinct sentence of the sample school's articles, plans, clubs and pages (and of the real plans in
    ``../shared/fixtures/plans/`` when they are there), for a corpus whose index is as varied as a real school's."""
    texts = [path.read_text(encoding="utf-8").split("---\n", 2)[-1]
             for folder in ("news", "plans", "clubs", "docs", "cong-khai") for path in sorted((REPO / folder).rglob("*.md"))]
    shared = REPO.parent / "shared" / "fixtures" / "plans"
    texts += [path.read_text(encoding="utf-8") for path in sorted(shared.glob("*.txt"))] if shared.is_dir() else []
    sentences: dict[str, None] = {}
    for text in texts:
        for line in text.splitlines():
            line = re.sub(r"^\s*(?:[-+]|\d+[.)]|[a-zđ][.)])\s+", "", line).strip()
            for sentence in _SENTENCE_END.split(line):
                if 6 <= len(sentence.split()) <= 60 and not _LEFT_OUT.search(sentence):
                    sentences[sentence.strip()] = None
    return list(sentences)


def _paragraph(rng: random.Random, size: int, sentences: list[str]) -> str:
    return " ".join(rng.choice(sentences) for _ in range(size))


def _body(rng: random.Random, photo_folder: str | None, sentences: list[str]) -> str:
    """About 350 words of Markdown: headings, paragraphs, a list, sometimes a table, photos when there are."""
    parts = [_paragraph(rng, 4, sentences)]
    for index in range(1, 4):
        parts.append(f"## {rng.choice(['Hoạt động', 'Kết quả', 'Ý kiến của cha mẹ', 'Kế hoạch tiếp theo'])} {index}")
        parts.append(_paragraph(rng, rng.randint(3, 6), sentences))
        if photo_folder and index <= 2:
            parts.append(f"![Các bé tham gia hoạt động, ảnh {index}]({photo_folder}/anh-{index}.jpg)")
    parts.append("\n".join(f"- {rng.choice(sentences)}" for _ in range(rng.randint(3, 5))))
    if rng.random() < 0.3:
        parts.append("| Lớp | Số trẻ tham gia |\n| --- | --- |\n" +
                     "\n".join(f"| {name} | {rng.randint(18, 32)} |" for name in ("Lá 1", "Lá 2", "Chồi 1", "Mầm 1")))
    parts.append(_paragraph(rng, 3, sentences))
    return "\n\n".join(parts) + "\n"


def _plan_body(rng: random.Random, sentences: list[str]) -> str:
    sections = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"]
    parts = [_paragraph(rng, 2, sentences)]
    for section in sections:
        parts.append(f"## {section}")
        parts.append("\n".join(f"{i}. {rng.choice(sentences)}" for i in range(1, rng.randint(3, 6))))
        parts.append(_paragraph(rng, 3, sentences))
    return "\n\n".join(parts) + "\n"


def _front(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body


def _jpeg(rng: random.Random, size: tuple[int, int]) -> bytes:
    """A photo-like JPEG (gradient and noise, so it compresses like a photo, not like a flat colour)."""
    from PIL import Image, ImageFilter

    base = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 60).convert("RGB")
    tint = Image.new("RGB", size, (rng.randint(40, 220), rng.randint(40, 220), rng.randint(40, 220)))
    image = Image.blend(Image.blend(base, tint, 0.5), noise, 0.25).filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _config(site_name: str) -> dict:
    """The repository's mkdocs.yml with a synthetic school in its settings block."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = site_name
    config["site_url"] = "https://mnbinhthu.example.edu.vn/"
    config.pop("edit_uri", None)
    features = config.get("theme", {}).get("features", [])
    config.setdefault("theme", {})["features"] = [f for f in features if f != "content.action.edit"]
    bangtin = config["extra"]["bangtin"]
    bangtin["school"] = {"name": SCHOOL, "short": SHORT, "place": "Long Biên"}
    bangtin["categories"] = CATEGORIES
    bangtin["movements"] = MOVEMENTS
    bangtin.pop("cname", None)
    return config


def _write_config(root: Path, config: dict) -> None:
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_school(root: Path, n: int, photos: bool = False, seed: int = 0,
                photo_size: tuple[int, int] = (1600, 1067), varied: bool = False) -> School:
    """A Bảng tin school with ``n`` articles, ``n // 5`` plans and ``3 + n // 100`` clubs.

    With ``photos``, each article has a cover and two photos in its body, and each club a photo, of
    ``photo_size`` pixels (a phone photo scaled down by the clerk is about 1600 × 1067). With ``varied``, the text
    is recombined from :func:`varied_sentences` and each article's title from one of them (for the search
    benchmark); otherwise from a dozen sentences (the build benchmark's corpus, unchanged).
    """
    rng = random.Random(seed)
    sentences = varied_sentences() if varied else SENTENCES
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    _write_config(root, _config(SCHOOL))
    for folder in ("plans", "news", "clubs"):
        (root / folder).mkdir()

    start = datetime(2019, 8, 15, 7, 30)
    # Plans: several series; each plan cites the previous one of its series (a based_on chain).
    plans = []
    last_of_series: dict[int, str] = {}
    per_year: dict[int, int] = {}
    for index in range(max(1, n // 5)):
        issued = start + timedelta(days=index * (2300 / max(1, n // 5)))
        per_year[issued.year] = per_year.get(issued.year, 0) + 1
        number = f"{per_year[issued.year] * 3 + 1}/KH-{SHORT}"
        series = index % len(SERIES)
        based_on = [rng.choice(OUTSIDE)]
        if series in last_of_series:
            based_on.append(last_of_series[series])
        meta = {
            "number": number, "title": f"Kế hoạch {SERIES[series]} năm {issued.year} (số {index + 1})",
            "issued": issued.strftime("%Y-%m-%d"), "movements": [rng.choice(list(MOVEMENTS))],
            "based_on": based_on,
            "signer": {"authority": "KT.", "on_behalf_of": "Hiệu trưởng", "title": "Phó Hiệu trưởng",
                       "name": "Trần Thị Minh"},
            "recipients": ["BGH (để chỉ đạo)", "Tổ chuyên môn (để thực hiện)"],
            "milestones": [{"when": issued.strftime("%Y-%m"), "what": "Triển khai kế hoạch", "who": "Tổ chuyên môn"}],
            "summary": _paragraph(rng, 1, sentences),
        }
        name = f"kh-{index + 1:05d}.md"
        (root / "plans" / name).write_text(_front(meta, _plan_body(rng, sentences)), encoding="utf-8")
        last_of_series[series] = number
        plans.append(number)

    clubs = []
    for index in range(3 + n // 100):
        slug = f"clb-{index + 1:03d}"
        meta = {"name": f"CLB {rng.choice(TOPICS)} {index + 1}", "kind": rng.choice(["STEM", "STEAM", "Robotics"]),
                "school_year": "2025-2026", "founded": "2025-09-15", "leaders": ["Cô Nguyễn Thị Lan"],
                "schedule": "Chiều thứ Tư hằng tuần, 15:30–16:15", "place": "Phòng STEAM", "members": rng.randint(12, 30),
                "status": "active"}
        if photos:
            meta["image"] = f"{slug}.jpg"
            (root / "clubs" / f"{slug}.jpg").write_bytes(_jpeg(rng, photo_size))
        (root / "clubs" / f"{slug}.md").write_text(_front(meta, _paragraph(rng, 6, sentences) + "\n"), encoding="utf-8")
        clubs.append(slug)

    for index in range(n):
        moment = start + timedelta(hours=index * (2300 * 24 / n))
        topic = TOPICS[index % len(TOPICS)]
        stem = f"{moment:%Y-%m-%d}-bai-{index + 1:05d}"
        slug = stem[11:]
        title = f"{topic} (bài {index + 1})"
        if varied:
            title = " ".join(rng.choice(sentences).rstrip(".!?…").split()[:rng.randint(6, 12)])
        meta = {
            "title": title, "date": moment.strftime("%Y-%m-%d %H:%M"),
            "summary": _paragraph(rng, 1, sentences), "categories": [CATEGORIES[index % len(CATEGORIES)]],
            "tags": rng.sample(TAGS, 2), "movements": [rng.choice(list(MOVEMENTS))], "author": "Tổ chuyên môn",
        }
        published = [p for p in plans[: max(1, index // 5 + 1)]][-3:]
        meta["plans"] = [rng.choice(published)]
        meta["clubs"] = [rng.choice(clubs)]
        folder = None
        if photos:
            folder = slug
            (root / "news" / folder).mkdir()
            meta["image"] = f"{folder}/cover.jpg"
            for name in ("cover", "anh-1", "anh-2"):
                (root / "news" / folder / f"{name}.jpg").write_bytes(_jpeg(rng, photo_size))
        (root / "news" / f"{stem}.md").write_text(_front(meta, _body(rng, folder, sentences)), encoding="utf-8")
    return School(root, n, photos)


def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def _plain_config(root: Path, replace: dict[str, str] | None = None) -> dict:
    """Our mkdocs.yml without hooks and templates: the same menu, each entry a page (a stub when we generate it)."""
    config = _config(SCHOOL)
    for key in ("hooks", "not_in_nav", "validation"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)  # plain Material: no Bảng tin templates
    nav = []
    for entry in config["nav"]:
        (title, page), = entry.items()
        page = (replace or {}).get(page, page)
        if not (root / "docs" / page).exists():
            (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / page).write_text(f"# {title}\n", encoding="utf-8")
        nav.append({title: page})
    config["nav"] = nav
    config["not_in_nav"] = "/tin-tuc/*/\n/ke-hoach/*/\n/cau-lac-bo/clb-*.md\n/blog/posts/\n"
    return config


def _plain_docs(school: School, root: Path) -> None:
    """The hand-written pages, plans and clubs as plain pages."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(school.root / "docs", root / "docs")
    shutil.copytree(REPO / "overrides" / "assets", root / "docs" / "assets", dirs_exist_ok=True)
    (root / "docs" / "index.md").write_text(f"# {SCHOOL}\n\nTrang chủ.\n", encoding="utf-8")
    for path in sorted((school.root / "plans").glob("*.md")):
        meta, body = _split(path)
        slug = re.sub(r"[^a-z0-9]+", "-", meta["number"].lower()).strip("-")
        target = root / "docs" / "ke-hoach" / meta["issued"][:4] / f"{slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\ntitle: {meta['title']}\n---\n\n# {meta['title']}\n\n{body}", encoding="utf-8")
    for path in sorted((school.root / "clubs").glob("*")):
        if path.suffix == ".md":
            meta, body = _split(path)
            target = root / "docs" / "cau-lac-bo" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            image = f"![{meta['name']}]({meta['image']})\n\n" if meta.get("image") else ""
            target.write_text(f"# {meta['name']}\n\n{image}{body}", encoding="utf-8")
        else:
            (root / "docs" / "cau-lac-bo").mkdir(parents=True, exist_ok=True)
            shutil.copy(path, root / "docs" / "cau-lac-bo" / path.name)


def _copy_photos(school: School, stem: str, target: Path) -> None:
    folder = school.root / "news" / stem[11:]
    if folder.is_dir():
        shutil.copytree(folder, target / stem[11:], dirs_exist_ok=True)


def make_floor(school: School, root: Path) -> Path:
    """(a) The same articles, plans and clubs rendered by Material as plain pages out of the nav; no hooks."""
    _plain_docs(school, root)
    for path in sorted((school.root / "news").glob("*.md")):
        meta, body = _split(path)
        target = root / "docs" / "tin-tuc" / path.stem[:4] / path.stem[5:7] / f"{path.stem[11:]}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        cover = f"![Ảnh bìa]({meta['image']})\n\n" if meta.get("image") else ""
        target.write_text(f"---\ntitle: {meta['title']}\n---\n\n# {meta['title']}\n\n{cover}{body}", encoding="utf-8")
        _copy_photos(school, path.stem, target.parent)
    _write_config(root, _plain_config(root))
    return root


def make_blog(school: School, root: Path) -> Path:
    """(b) The same articles as posts of Material's blog plugin with mkdocs-rss-plugin; plans and clubs as pages."""
    _plain_docs(school, root)
    posts = root / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (root / "docs" / "blog" / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    for path in sorted((school.root / "news").glob("*.md")):
        meta, body = _split(path)
        when = datetime.strptime(meta["date"], "%Y-%m-%d %H:%M")
        post = {"title": meta["title"], "date": when, "categories": meta["categories"], "tags": meta["tags"],
                "description": meta["summary"], "slug": path.stem[11:]}
        if meta.get("image"):
            post["image"] = meta["image"]
        cover = f"![Ảnh bìa]({meta['image']})\n\n" if meta.get("image") else ""
        excerpt = body.split("\n\n", 1)
        text = f"# {meta['title']}\n\n{cover}{excerpt[0]}\n\n<!-- more -->\n\n{excerpt[1] if len(excerpt) > 1 else ''}"
        (posts / path.name).write_text(_front(post, text), encoding="utf-8")
        _copy_photos(school, path.stem, posts)
    config = _plain_config(root, {"tin-tuc/index.md": "blog/index.md"})
    config["plugins"] = [
        {"search": {"lang": "vi"}},
        {"blog": {"blog_dir": "blog", "post_url_format": "{date}/{slug}", "archive_date_format": "yyyy",
                  "pagination_per_page": 10, "categories_allowed": CATEGORIES}},
        {"rss": {"match_path": "blog/posts/.*", "use_git": False, "length": 30,
                 "date_from_meta": {"as_creation": "date.created", "default_timezone": "Asia/Ho_Chi_Minh"},
                 "categories": ["categories", "tags"], "abstract_chars_count": -1}},
    ]
    _write_config(root, config)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic school (and its comparison sites).")
    parser.add_argument("root", type=Path)
    parser.add_argument("-n", type=int, default=100, help="number of articles")
    parser.add_argument("--photos", action="store_true", help="a cover and two body photos per article")
    parser.add_argument("--compare", action="store_true", help="also write <root>-floor and <root>-blog")
    args = parser.parse_args()
    school = make_school(args.root, args.n, args.photos)
    if args.compare:
        make_floor(school, args.root.with_name(args.root.name + "-floor"))
        make_blog(school, args.root.with_name(args.root.name + "-blog"))


if __name__ == "__main__":
    main()
