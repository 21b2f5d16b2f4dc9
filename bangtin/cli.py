"""The ``bangtin`` command of the school clerk: ``new``, ``check`` and ``import``, in Vietnamese."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from .check import check_root, find_root, load_config, render_report
from .dates import build_time
from .filters import filesize
from .problems import ContentError
from .scaffold import SCAFFOLDS, ScaffoldError, write_new
from .settings import CONFIG

HELP = "Hiện hướng dẫn này rồi thoát."
ROOT_HELP = "Thư mục của trang web (nơi có mkdocs.yml); mặc định là thư mục hiện tại hoặc thư mục cha gần nhất có mkdocs.yml."


class _VietnameseHelp(click.HelpFormatter):
    """Click's help headings in Vietnamese."""

    HEADINGS = {"Options": "Tùy chọn", "Commands": "Lệnh", "Arguments": "Tham số"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Cách dùng: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(self.HEADINGS.get(heading, heading))


class _Context(click.Context):
    formatter_class = _VietnameseHelp


class _Command(click.Command):
    context_class = _Context


class _Group(click.Group):
    context_class = _Context
    command_class = _Command


KIND_CHOICES = ", ".join(f"{word} ({kind.scaffold.name})" for word, kind in SCAFFOLDS.items())


class _Kind(click.Choice):
    def convert(self, value, param, ctx):
        if value not in self.choices:
            self.fail(f"“{value}” không phải loại tệp; hãy chọn {KIND_CHOICES}")
        return value


def main() -> None:
    """The console script: usage mistakes are explained in Vietnamese, with where to find the help."""
    _utf8_output()
    try:
        code = cli.main(prog_name="bangtin", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.format_message())
        code = 0
    except click.exceptions.Abort:
        code = 1
    except click.UsageError as error:
        where = error.ctx.command_path if error.ctx else "bangtin"
        _fail(f"Lệnh chưa đúng: {_vietnamese(error.format_message())}\nGõ “{where} -h” để xem hướng dẫn.", code=2)
    except click.ClickException as error:
        _fail(f"Lỗi: {error.format_message()}")
    sys.exit(code if isinstance(code, int) else 0)


@click.group(name="bangtin", cls=_Group, options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [THAM_SỐ]...")
@click.help_option("-h", "--help", help=HELP)
def cli() -> None:
    """Bảng tin: tạo bài viết, kế hoạch, câu lạc bộ, mục công khai mới, kiểm tra nội dung, nhập kế hoạch từ tệp Word; trang tổng hợp lấy dữ liệu các trường."""


@cli.command(options_metavar="[TÙY_CHỌN]", name="new", short_help="Tạo bài viết, kế hoạch, câu lạc bộ hoặc mục công khai mới từ mẫu.")
@click.argument("kind", metavar="LOẠI", type=_Kind(list(SCAFFOLDS)))
@click.argument("title", metavar="TIÊU_ĐỀ")
@click.option("--root", metavar="THƯ_MỤC", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
@click.help_option("-h", "--help", help=HELP)
def new_command(kind: str, title: str, root: Path | None) -> None:
    """Tạo tệp mới từ mẫu có ghi chú: LOẠI là tin (bài viết), ke-hoach (kế hoạch), clb (câu lạc bộ) hoặc cong-khai (mục công khai).

    Ví dụ: bangtin new tin "Bé vui Ngày hội STEM"
    """
    folder = _site_root(root)
    config = _read_config(folder)
    try:
        path = write_new(folder, kind, title, build_time(), config)
    except ScaffoldError as error:
        _fail(f"Không tạo được tệp: {error}.")
    except FileExistsError as error:
        rel = Path(error.filename).resolve().relative_to(folder).as_posix()
        _fail(f"Tệp {rel} đã có, không ghi đè. Hãy sửa tệp đó, hoặc đặt một tiêu đề khác.")
    rel = path.relative_to(folder).as_posix()
    click.echo(f"Đã tạo {SCAFFOLDS[kind].scaffold.name} mới: {rel}")
    click.echo("Mở tệp, điền các dòng thông tin (dòng bắt đầu bằng “#” là ghi chú), viết nội dung rồi chạy “bangtin check”.")


@cli.command(options_metavar="[TÙY_CHỌN]", name="check", short_help="Kiểm tra toàn bộ nội dung, báo lỗi kèm tệp:dòng.")
@click.option("--root", metavar="THƯ_MỤC", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
@click.help_option("-h", "--help", help=HELP)
def check_command(root: Path | None) -> None:
    """Kiểm tra mọi kế hoạch, bài viết, câu lạc bộ, mục công khai và mkdocs.yml mà không tạo trang web.

    In từng lỗi kèm tệp:dòng; trả mã 1 khi có lỗi, 0 khi không có lỗi.
    """
    _check_command_report(_site_root(root))


@cli.command(options_metavar="[TÙY_CHỌN]", name="import", short_help="Nhập kế hoạch từ tệp Word (.docx) hoặc văn bản (.txt).")
@click.argument("file", metavar="TỆP", type=click.Path(path_type=Path))
@click.option("--plans", metavar="THƯ_MỤC", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục ghi kế hoạch; mặc định là thư mục plans/ của trang web.")
@click.help_option("-h", "--help", help=HELP)
def import_command(file: Path, plans: Path | None) -> None:
    """Đọc kế hoạch từ TỆP .docx hoặc .txt và ghi thành plans/<tên>.md (không bao giờ ghi đè), rồi kiểm tra lại.

    Ví dụ: bangtin import "Ke hoach 259.docx"
    """
    from .importer import run_import  # reading Word files is only needed here

    if not file.is_file():
        _fail(f"Không tìm thấy tệp “{file}”; hãy kiểm tra tên tệp (có đuôi .docx hoặc .txt).")
    root = find_root(plans) if plans is not None else _site_root(None)
    target = plans if plans is not None else root / "plans"
    if run_import(file, _shown(target), echo=click.echo) != 0:
        sys.exit(1)
    if root is not None:
        click.echo("")
        _check_command_report(root)


@cli.command(options_metavar="[TÙY_CHỌN]", name="shrink", short_help="Thu nhỏ ảnh quá lớn (tối đa 2048 px, 1 MB) trước khi lưu.")
@click.argument("paths", metavar="[ĐƯỜNG_DẪN]...", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.help_option("-h", "--help", help=HELP)
def shrink_command(paths: tuple[Path, ...]) -> None:
    """Ghi lại các ảnh quá 2048 px hoặc quá 1 MB (và ảnh HEIC của iPhone) thành ảnh JPEG nhỏ gọn, bỏ thông tin vị trí
    (GPS) và máy chụp; ảnh .heic/.png được đổi thành .jpg và tên ảnh trong các bài được sửa theo. Mặc định: các thư
    mục nội dung. Ảnh đã nhỏ được giữ nguyên, nên chạy lại lần nữa không thay đổi gì.

    Ví dụ: bangtin shrink news/ngay-hoi-stem
    """
    from .shrink import find_photos, shrink_all
    from .site import FOLDERS

    root = _site_root(None)
    photos = find_photos([*paths] or [root / folder for folder in FOLDERS])
    markdown = [p for folder in (*FOLDERS, "docs") if (root / folder).is_dir() for p in sorted((root / folder).rglob("*.md"))]
    done, failed, changed = shrink_all(photos, markdown)
    for item in done:
        renamed = f" → {_shown(item.target)}" if item.target != item.source else ""
        click.echo(f"{_shown(item.source)}{renamed}: {filesize(item.before)} → {filesize(item.after)}")
    if done:
        saved = sum(item.before - item.after for item in done)
        click.echo(f"Đã thu nhỏ {len(done)} ảnh, bớt được {filesize(saved)}.")
    else:
        click.echo(f"Không có ảnh nào quá giới hạn ({len(photos)} ảnh đã xem; tối đa 2048 px và 1 MB).")
    if changed:
        click.echo(f"Đã sửa tên ảnh trong {len(changed)} tệp: {', '.join(str(_shown(path)) for path in changed)}")
    for message in failed:
        click.echo(f"Lỗi – {message}", err=True)
    if failed:
        sys.exit(1)


@cli.command(options_metavar="[TÙY_CHỌN]", name="fetch", short_help="Trang tổng hợp: lấy dữ liệu mới của các trường thành viên.")
@click.option("--root", metavar="THƯ_MỤC", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
@click.option("--timeout", metavar="GIÂY", type=click.FloatRange(1, 300), default=8.0, show_default=True,
              help="Thời gian chờ tối đa cho mỗi tệp.")
@click.help_option("-h", "--help", help=HELP)
def fetch_command(root: Path | None, timeout: float) -> None:
    """Lấy văn bản (van-ban.json), câu lạc bộ (cau-lac-bo.json) và bản tin (atom.xml) của mọi trường trong danh sách
    thành viên (extra.bangtin.members) vào .cache/bangtin/hub/, để lần tạo trang sau dùng. Chỉ tải lại tệp đã thay đổi.
    Trường nào lỗi thì giữ bản lấy được lần trước; lỗi được ghi trên trang /truong/ và không làm hỏng việc tạo trang.
    """
    from .hub.fetch import fetch_members
    from .hub.members import load_members
    from .settings import settings_from_config

    folder = _site_root(root)
    config = _read_config(folder)
    try:
        settings = settings_from_config(config.get("site_url"), config.get("extra"))
        if not settings.members:
            _fail("Trang này không phải trang tổng hợp: mkdocs.yml chưa có extra.bangtin.members (ví dụ members: truong.yml).")
        members = load_members(folder, settings.members)
    except ContentError as error:
        _fail("\n".join(["Cài đặt có lỗi:", *(f"  {problem}" for problem in error.problems)]))
    outcomes = fetch_members(folder, members, build_time(), timeout=timeout)
    for outcome in outcomes:
        if outcome.result == "failed":
            click.echo(f"{outcome.member.name} – {outcome.source.label}: {outcome.error}; giữ bản lấy lần trước (nếu có).")
    count = {result: sum(o.result == result for o in outcomes) for result in ("new", "unchanged", "failed")}
    received = sum(outcome.received for outcome in outcomes)
    failing = len({o.member.site_url for o in outcomes if o.result == "failed"})
    click.echo(f"Đã xem {len(members)} trường: {count['new']} tệp mới ({filesize(received)}), {count['unchanged']} tệp "
               f"không đổi, {count['failed']} tệp lỗi ở {failing} trường. Chạy “bangtin build” để cập nhật trang.")


#: Environment that silences the English end-of-life banners Material and ProperDocs print into the clerk's log.
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@cli.command(options_metavar="[TÙY_CHỌN]", name="serve", short_help="Xem thử trang web trên máy (tự tải lại khi sửa tệp).",
             context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def serve_command(ctx: click.Context) -> None:
    """Xem thử trang web ở http://127.0.0.1:8000/: trang tự tải lại khi lưu tệp; nội dung có lỗi thì trang hiện danh
    sách lỗi. Trình soạn bài ở http://127.0.0.1:8000/admin/ (Chrome hoặc Edge): bấm “Làm việc với kho mã nguồn cục
    bộ” rồi chọn thư mục trang; bài lưu xong được ghi thẳng vào thư mục và trang xem thử tự tải lại. Dừng bằng Ctrl+C.
    Các tùy chọn khác được chuyển cho “mkdocs serve”.
    """
    address = next((ctx.args[i + 1] for i, arg in enumerate(ctx.args[:-1]) if arg in ("-a", "--dev-addr")),
                   "127.0.0.1:8000")
    click.echo(f"Xem thử: http://{address}/ · Soạn bài: http://{address}/admin/ (Chrome hoặc Edge, "
               "bấm “Làm việc với kho mã nguồn cục bộ”, chọn thư mục trang này)")
    _run_mkdocs("serve", ctx.args)


@cli.command(options_metavar="[TÙY_CHỌN]", name="build", short_help="Tạo trang web vào thư mục site/ (như khi đăng).",
             context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def build_command(ctx: click.Context) -> None:
    """Tạo trang web vào thư mục site/, dừng ở lỗi hay cảnh báo đầu tiên như khi đăng lên GitHub Pages (--strict).
    Các tùy chọn khác được chuyển cho “mkdocs build”.
    """
    _run_mkdocs("build", ["--strict", *ctx.args])


def _run_mkdocs(command: str, args: list[str]) -> None:
    """MkDocs in this process, without the English banners; from the site's folder, found as ``bangtin check`` does."""
    os.environ.update(QUIET_BANNERS)
    os.chdir(_site_root(None))
    from mkdocs.__main__ import cli as mkdocs_cli

    mkdocs_cli.main(args=[command, *args], prog_name=f"bangtin {command}")


def _check_command_report(root: Path) -> None:
    report = check_root(root, build_time())
    for line in render_report(report):
        click.echo(line)
    if report.errors:
        sys.exit(1)


def _shown(path: Path) -> Path:
    """``path`` relative to the current folder when it is below it, so messages stay short."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


_CLICK_WORDS = (
    ("Invalid value for ", "giá trị không hợp lệ ở "), ("Missing argument ", "thiếu "), ("No such command ", "không có lệnh "),
    ("No such option: ", "không có tùy chọn "), ("No such option ", "không có tùy chọn "),
    ("Did you mean ", "Có phải ý bạn là "), ("Got unexpected extra arguments", "thừa tham số"), ("Got unexpected extra argument", "thừa tham số"),
    ("Option '", "tùy chọn '"), ("' requires an argument.", "' cần một giá trị."),
)


def _vietnamese(message: str) -> str:
    """The usual click usage messages, in Vietnamese (anything else is left as click wrote it)."""
    for english, vietnamese in _CLICK_WORDS:
        message = message.replace(english, vietnamese)
    return message


def _site_root(root: Path | None) -> Path:
    """The folder given with ``--root`` (it must hold mkdocs.yml), else the nearest one from the current folder."""
    if root is not None:
        if not (root / CONFIG).is_file():
            _fail(f"Thư mục “{root}” không có tệp {CONFIG}; hãy chỉ đúng thư mục của trang web.")
        return root.resolve()
    found = find_root(Path.cwd())
    if found is None:
        _fail(f"Không tìm thấy tệp {CONFIG} ở thư mục này hay các thư mục cha; hãy mở thư mục của trang web rồi chạy lại, hoặc dùng --root.")
    return found


def _read_config(root: Path) -> dict:
    try:
        return load_config(root)
    except ContentError as error:
        _fail("\n".join(["Tệp cài đặt có lỗi:", *(f"  {problem}" for problem in error.problems)]))


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def _utf8_output() -> None:
    """Vietnamese must print even where the console's code page is not UTF-8 (Windows pipes, pre-commit)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    main()
