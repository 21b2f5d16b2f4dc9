"""Word's automatic list numbering, turned back into the labels the reader sees ("1.", "II.", "a)", "-")."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


def _roman(value: int) -> str:
    result = ""
    for size, letters in _ROMAN:
        count, value = divmod(value, size)
        result += letters * count
    return result


def _format(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Numbering:
    """Counts list items in document order, as Word does when it prints them."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, Level]] = {}
        self._abstract_of: dict[str, str] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            self._levels[abstract.get(qn("w:abstractNumId"))] = _levels_of(abstract)
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self._abstract_of[num.get(qn("w:numId"))] = ref.get(qn("w:val"))

    def label(self, paragraph) -> str | None:
        """The printed label of a numbered paragraph, or None when it is not in a list."""
        num_id, ilvl = self._num_pr(paragraph)
        abstract = self._abstract_of.get(num_id or "")
        levels = self._levels.get(abstract or "", {})
        level = levels.get(ilvl)
        if level is None or level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return "-" if ilvl == 0 else "+"
        counters = self._counters.setdefault(abstract, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        text = level.text
        for index, lvl in sorted(levels.items()):
            value = counters.get(index, lvl.start)
            text = text.replace(f"%{index + 1}", _format(value, lvl.fmt))
        return text.strip() or None

    def _num_pr(self, paragraph) -> tuple[str | None, int]:
        for holder in (paragraph._p.pPr, *_style_chain(paragraph.style)):
            num_pr = holder.find(qn("w:numPr")) if holder is not None else None
            if num_pr is None:
                continue
            num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            if num_id is not None:
                return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        return None, 0


def _style_chain(style):
    while style is not None:
        yield style.element.pPr
        style = style.base_style


def _levels_of(abstract) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.findall(qn("w:lvl")):
        fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
        levels[int(lvl.get(qn("w:ilvl")))] = Level(
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val")) if text is not None else "",
            int(start.get(qn("w:val"))) if start is not None else 1,
        )
    return levels
