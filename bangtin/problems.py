"""Problems found in a school's content, reported all together in Vietnamese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake: where it is (file, line, key), what was found and what is expected."""

    path: str
    line: int
    key: str
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"khóa “{self.key}”: " if self.key else ""
        label = "Lỗi" if self.level == "error" else "Cảnh báo"
        return f"{label} – {where}: {what}{self.message}"


class ByLevel:
    """The ``errors`` and the ``warnings`` among an object's ``problems``, each in file, line and key order."""

    problems: Sequence[Problem]

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.level == "warning")


@dataclass
class Problems(ByLevel):
    """A collector passed through loading: everything is gathered before the build decides."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, key: str, message: str) -> None:
        self.problems.append(Problem(path, line, key, message, "error"))

    def warning(self, path: str, line: int, key: str, message: str) -> None:
        self.problems.append(Problem(path, line, key, message, "warning"))


class ContentError(ByLevel, Exception):
    """Raised with every error of a build (and its warnings), so the clerk sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        count = len(self.errors)
        lines = [f"Nội dung có {count} lỗi, trang web chưa được tạo (các tệp đã có không bị thay đổi):"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class PhotoError(ValueError):
    """A photo cannot be read or written; the message is in Vietnamese and names the file."""
