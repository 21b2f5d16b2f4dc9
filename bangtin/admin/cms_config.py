"""The web editor's configuration (Sveltia CMS), generated from the content contract.

Every collection is a kind of :data:`bangtin.kinds.KINDS` and every field a key of its schema, in the schema's
order, with the schema's label and ``required`` flag; the hint is the comment ``bangtin new`` writes above the key.
A key's widget follows from how the loader reads it (:data:`WIDGETS`, keyed by the reader), so a key added to a
schema appears in the editor and a key removed disappears. Choices come from ``extra.bangtin`` (categories,
movements) and from the site's own records (plans and clubs are picked from the registry, never typed).

What the editor writes, the loader reads: strings are quoted (YAML would read a bare ``yes`` as true and ``12:30``
as a number), empty optional keys are left out, dates are written as the loader's ``2025-12-05 08:30`` (Vietnam
time, as every date of the contract), file names are ASCII as ``bangtin new`` makes them, and photos are shrunk in
the browser before they are committed (:data:`PHOTO`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import fields as f
from ..kinds import KINDS, Kind
from ..settings import Settings

#: The loader's scaffolds, whose comments are the editor's hints.
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

#: Photos as they reach the repository: long side at most 2048 px, WebP at quality 72 (bench/admin.py: a 16 MB,
#: 5640 × 3172 photograph becomes 617 KB, ordinary photos 40 to 150 KB; the repository's limit is 1 MB). The
#: browser applies the orientation and drops EXIF and GPS when it draws the photo again.
PHOTO = {"format": "webp", "quality": 72, "width": 2048, "height": 2048}

#: Largest file a clerk may upload (a PDF scan of a signed plan; photos are shrunk before this applies).
MAX_FILE = 20 * 1024 * 1024

#: The loader's date forms, in the editor's (Day.js) notation.
DAY = "YYYY-MM-DD"
MOMENT = "YYYY-MM-DD HH:mm"

#: A document number (số, ký hiệu) as the loader takes it: "259/KH-MNHM", "57-NQ/TW", "30/2020/NĐ-CP".
NUMBER_PATTERN = [r"^[0-9]+[\-/][^\s]+$", "Số, ký hiệu như trên văn bản, ví dụ 259/KH-MNHM"]
SCHOOL_YEAR_PATTERN = [r"^[0-9]{4}-[0-9]{4}$", "Năm học dạng 2025-2026"]

#: What a choice's values mean, in the editor.
CHOICE_LABELS = {
    "active": "Đang thực hiện / đang hoạt động", "expired": "Hết hiệu lực", "replaced": "Đã có văn bản thay thế",
    "inactive": "Tạm dừng",
}

#: The collections' names in the editor's menu (the kind's folder is the collection's name).
COLLECTION_LABELS = {"news": ("Tin bài", "Bài viết"), "plans": ("Kế hoạch, văn bản", "Văn bản"),
                     "clubs": ("Câu lạc bộ", "Câu lạc bộ"), "cong-khai": ("Công khai", "Mục công khai")}

#: The commits the editor makes, as the school's history shows them.
COMMIT_MESSAGES = {
    "create": "Thêm {{collection}} “{{slug}}” (trình soạn bài)",
    "update": "Sửa {{collection}} “{{slug}}” (trình soạn bài)",
    "delete": "Xóa {{collection}} “{{slug}}” (trình soạn bài)",
    "uploadMedia": "Tải lên “{{path}}” (trình soạn bài)",
    "deleteMedia": "Xóa “{{path}}” (trình soạn bài)",
}

Widget = Callable[[str, Kind, Settings], dict[str, Any]]


def build_cms_config(settings: Settings, repo: str | None, branch: str = "main") -> dict[str, Any]:
    """The whole configuration: the GitHub backend, how files are written, the media rules and one collection per
    kind plus the hand-written pages of ``docs/``."""
    return {
        # a token, never OAuth: GitHub Pages has no server to complete an OAuth sign-in
        "backend": {"name": "github", "repo": repo or "truong/web", "branch": branch, "auth_methods": ["token"],
                    "commit_messages": COMMIT_MESSAGES},
        "site_url": settings.site_url,
        "display_url": settings.site_url,
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}},
        "media_libraries": {"default": {"config": {"max_file_size": MAX_FILE, "slugify_filename": True,
                                                   "transformations": {"raster_image": dict(PHOTO)}}}},
        "collections": [build_collection(kind, settings) for kind in KINDS] + [hand_pages_collection()],
    }


def build_collection(kind: Kind, settings: Settings) -> dict[str, Any]:
    label, singular = COLLECTION_LABELS.get(kind.folder, (kind.count_label, kind.scaffold.name))
    hints = scaffold_hints(kind)
    collection: dict[str, Any] = {
        "name": kind.folder, "label": label, "label_singular": singular, "folder": kind.folder, "extension": "md",
        "format": "frontmatter", "create": True,
        # a file name as bangtin new writes it: the day first for articles, then the ASCII title
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}" if kind.scaffold.dated_name else "{{slug}}",
        # photos and attachments beside the entry, in a folder named after it, where the loader looks for them
        "media_folder": "{{slug}}", "public_folder": "{{slug}}",
        "summary": "{{" + _title_key(kind) + "}}",
        "sortable_fields": [key for key in ("date", "issued", "published", "title", "name") if key in kind.schema],
        "fields": [build_field(key, kind, settings, hints.get(key, "")) for key in kind.schema],
    }
    if kind.folder == "cong-khai":  # one folder per school year (cong-khai/2025-2026/…), or none
        collection["nested"] = {"depth": 2, "subfolders": False}
    collection["fields"].append({"name": "body", "label": "Nội dung", "widget": "markdown", "required": False})
    if "draft" in kind.schema:
        collection["view_filters"] = [{"label": "Bản nháp", "field": "draft", "pattern": True}]
    return collection


def hand_pages_collection() -> dict[str, Any]:
    """The pages written by hand in ``docs/`` (Giới thiệu, Liên hệ…): a title and the text."""
    return {
        "name": "docs", "label": "Trang giới thiệu", "label_singular": "Trang", "folder": "docs", "extension": "md",
        "format": "frontmatter", "create": True, "slug": "{{slug}}", "media_folder": "", "public_folder": "",
        "fields": [
            {"name": "title", "label": "Tiêu đề", "widget": "string",
             "hint": "Tên trang trên menu và trên thẻ trình duyệt."},
            {"name": "body", "label": "Nội dung", "widget": "markdown"},
        ],
    }


def build_field(key: str, kind: Kind, settings: Settings, hint: str) -> dict[str, Any]:
    spec = kind.schema[key]
    widget = _widget(key, spec, kind, settings)
    field = {"name": key, "label": spec.label or key, "required": spec.required, **widget}
    if hint := (DRAFT_HINT if spec.read is f.flag else form_hint(hint, widget["widget"])):
        field.setdefault("hint", hint)
    return field


#: The draft switch, as the form shows it (bangtin new's comment speaks of true and false).
DRAFT_HINT = "Bật: đã lưu nhưng chưa đăng (chỉ thấy khi xem thử trên máy); tắt để đăng ở lần xuất bản tiếp theo."

#: What in bangtin new's comments is about writing the file by hand, not about the value.
_BY_HAND = re.compile(r"\[|\{|“#”|\btrue\b|\bfalse\b|signers|tên tệp|khóa trong|Dòng bắt đầu|đặt cạnh tệp|dấu phẩy")


def form_hint(comment: str, widget: str) -> str:
    """``bangtin new``'s comment as a hint under a form field: without YAML examples, file-writing advice and the
    date forms (the form picks them); none for a choice (its options say it all)."""
    if widget in ("select", "relation"):
        return ""
    hint = re.sub(r",? ví dụ [\[{].*?[\]}](?=[;.]|$)", "", comment)
    hint = hint.replace(" trong mkdocs.yml", "").replace(" của mkdocs.yml", "")
    if widget == "datetime":
        hint = re.sub(r"\s*\([^)]*\d{4}[^)]*\)", "", hint)
    return " ".join(part for part in re.split(r"(?<=[.;])\s+", hint) if not _BY_HAND.search(part)).strip()


def _widget(key: str, spec: f.Field, kind: Kind, settings: Settings) -> dict[str, Any]:
    """The widget for a key, from the reader that reads it (and for lists of names, from what the names name)."""
    read = spec.read
    if key in ("categories", "movements", "clubs", "plans", "decision", "item"):
        return _named(key, settings)
    if read is f.text:
        return {"widget": "text"} if key in ("summary", "privacy_consent") else {"widget": "string"}
    if read is f.texts:
        return {"widget": "list"}
    if read is f.flag:
        return {"widget": "boolean", "default": False}
    if read is f.count:
        return {"widget": "number", "value_type": "int", "min": 0}
    if read is f.day:
        return {"widget": "datetime", "format": DAY, "time_format": False}
    if read is f.moment:
        return {"widget": "datetime", "format": MOMENT, "date_format": "DD/MM/YYYY", "time_format": "HH:mm"}
    if read is f.school_year:
        return {"widget": "string", "pattern": SCHOOL_YEAR_PATTERN}
    if read is f.number:
        return {"widget": "string", "pattern": NUMBER_PATTERN}
    if read is f.asset:
        return {"widget": "image", "choose_url": False}
    if read is f.assets:
        return {"widget": "file", "multiple": True, "choose_url": False}
    if read is f.references:
        return {"widget": "list", "summary": "{{fields.number}}", "fields": [
            {"name": "number", "label": "Số, ký hiệu", "widget": "string", "pattern": NUMBER_PATTERN},
            {"name": "issued", "label": "Ngày ban hành", "widget": "datetime", "format": DAY, "time_format": False,
             "required": False},
            {"name": "issuer", "label": "Cơ quan ban hành", "widget": "string", "required": False},
        ]}
    if read is f.signers:
        person = [
            {"name": "authority", "label": "Thẩm quyền ký", "widget": "select", "required": False,
             "options": list(f.AUTHORITIES), "hint": "KT. (ký thay), TM. (thay mặt)…; bỏ trống khi ký trực tiếp."},
            {"name": "on_behalf_of", "label": "Ký thay cho", "widget": "string", "required": False},
            {"name": "title", "label": "Chức vụ", "widget": "string", "required": False},
            {"name": "name", "label": "Họ và tên", "widget": "string"},
        ]
        if key == "signers":  # the loader takes one of signer and signers: the form offers signer, one or more
            return {"widget": "hidden"}
        return {"widget": "list", "summary": "{{fields.name}}", "fields": person,
                "hint": "Một người ký; văn bản liên tịch, phối hợp thì thêm từng người."}
    if read is f.milestones:
        return {"widget": "list", "summary": "{{fields.when}}: {{fields.what}}", "fields": [
            {"name": "when", "label": "Thời gian", "widget": "string", "hint": "Ví dụ 2025-12 hoặc 2025..2027"},
            {"name": "what", "label": "Việc cần làm", "widget": "string"},
            {"name": "who", "label": "Người thực hiện", "widget": "string", "required": False},
        ]}
    if (options := getattr(read, "options", None)) is not None:
        return {"widget": "select", "options": [{"label": CHOICE_LABELS.get(o, o), "value": o} for o in options]}
    raise LookupError(f"no editor widget for the key {key!r} of {kind.name} (reader {read.__name__})")


def _named(key: str, settings: Settings) -> dict[str, Any]:
    """Keys whose values name something the site defines: picked from a list, never typed."""
    if key == "categories":
        return {"widget": "select", "multiple": True, "options": [c.name for c in settings.categories]}
    if key == "movements":
        return {"widget": "select", "multiple": True,
                "options": [{"label": m.name, "value": m.key} for m in settings.movements]}
    if key == "item":
        return {"widget": "select", "options": [{"label": item.name, "value": item.key}
                                                for item in settings.cong_khai.items]}
    if key == "clubs":
        return {"widget": "relation", "collection": "clubs", "value_field": "{{slug}}", "search_fields": ["name"],
                "display_fields": ["name"], "multiple": True}
    # plans (an article's) and decision (a club's): documents of the site's own registry, by their number
    return {"widget": "relation", "collection": "plans", "value_field": "number",
            "search_fields": ["number", "title"], "display_fields": ["{{number}} – {{title}}"],
            "multiple": key == "plans"}


def _title_key(kind: Kind) -> str:
    return "title" if "title" in kind.schema else "name"


_KEY = re.compile(r"^(?:# )?([a-z_]+):")


def scaffold_hints(kind: Kind) -> dict[str, str]:
    """The comment ``bangtin new`` writes above each key of the kind's template, as one line of text."""
    lines = (TEMPLATES / kind.scaffold.template).read_text(encoding="utf-8").split("---\n")[1].splitlines()
    hints: dict[str, str] = {}
    comments: list[str] = []
    for line in lines[1:]:  # the first comment is the template's own header
        match = _KEY.match(line)
        if match and match.group(1) in kind.schema:
            hints.setdefault(match.group(1), " ".join(comments))
            comments = []
        elif line.startswith("# "):
            comments.append(line[2:].strip())
    return {key: _placeholders(hint) for key, hint in hints.items() if hint}


def _placeholders(hint: str) -> str:
    """A hint without the template's ``${…}`` placeholders (the editor has its own values)."""
    return re.sub(r"\$\{\w+\}", "…", hint)

