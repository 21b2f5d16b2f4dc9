"""The end of a document: "Nơi nhận" (recipients, without the "Lưu" line) and the signer blocks
("KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG / name"; ND 30/2020, Phụ lục I §II.7 and §II.9)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .casing import name_case, org_case, sentence_case
from .lines import bullet_of, without_bullet
from .marks import (
    first_recipient, is_keep_line, is_person_name, is_recipients_mark, is_signature_note, is_signer_title,
    match_authority,
)
from .model import Block, Line

_AUTHORITY_CODES = {"K/T": "KT", "T/M": "TM", "T/L": "TL"}
_BLOCK_LINES = 4
_LOOK_BACK = 12


@dataclass
class Trailer:
    """Where the trailer sits in the blocks ([start, end)) and what it says."""

    start: int
    end: int
    recipients: list[str] = field(default_factory=list)
    signers: list[dict[str, str]] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    untitled: list[str] = field(default_factory=list)
    """Signers whose block is only a name: the title was in a text box or an image that the export dropped."""


def read_trailer(blocks: list[Block], body_start: int) -> Trailer:
    """Find "Nơi nhận" and the signer blocks around it; without "Nơi nhận", signer blocks ending the text."""
    mark = next(
        (i for i in range(body_start, len(blocks)) if isinstance(blocks[i], Line) and is_recipients_mark(blocks[i].text)),
        None,
    )
    if mark is None:
        return _signers_before(blocks, len(blocks), body_start) or Trailer(len(blocks), len(blocks))
    trailer = read_after_mark(blocks, mark)
    if not trailer.signers and (before := _signers_before(blocks, mark, body_start)):
        return Trailer(before.start, trailer.end, trailer.recipients, before.signers, before.unnamed)
    return trailer


def read_after_mark(blocks: list[Block], mark: int) -> Trailer:
    """Recipients ("- …;" lines up to "Lưu: …"), then signer blocks; the first other line ends the trailer."""
    trailer, pending, listing = Trailer(mark, mark + 1), [], True
    if first := first_recipient(blocks[mark].text):
        trailer.recipients.append(clean_recipient(first))
    for index in range(mark + 1, len(blocks)):
        block = blocks[index]
        if not isinstance(block, Line):
            break
        text = block.text
        if listing and (bullet_of(text) or is_keep_line(text) or text.endswith(";")):
            listing = not is_keep_line(text)
            if listing:
                trailer.recipients.append(clean_recipient(text))
            trailer.end = index + 1
        elif not text or is_signature_note(text):
            continue
        elif pending and is_person_name(text):
            trailer.signers.append(build_signer(pending, text))
            pending, trailer.end = [], index + 1
        elif (match_authority(text) or is_signer_title(text)) and len(pending) < _BLOCK_LINES:
            pending.append(text)
        elif not pending and not trailer.signers and is_person_name(text) and _ends_text(blocks, index + 1):
            trailer.signers.append({"name": name_case(text)})
            trailer.untitled.append(name_case(text))
            trailer.end = index + 1
        else:
            return trailer
    if pending:
        trailer.unnamed.append(sentence_case(pending[-1]))
        trailer.end = len(blocks)
    return trailer


def _ends_text(blocks: list[Block], start: int) -> bool:
    """Nothing but empty lines and signature notes ("(Đã ký)") from ``start`` to the end of the document."""
    return all(isinstance(block, Line) and (not block.text or is_signature_note(block.text)) for block in blocks[start:])


def read_signers(lines: list[str]) -> list[dict[str, str]] | None:
    """Signer blocks filling ``lines`` exactly, or None when some line is not part of one."""
    signers, pending = [], []
    for text in lines:
        if not text or is_signature_note(text):
            continue
        if pending and is_person_name(text):
            signers.append(build_signer(pending, text))
            pending = []
        elif (match_authority(text) or is_signer_title(text)) and len(pending) < _BLOCK_LINES:
            pending.append(text)
        else:
            return None
    return signers if signers and not pending else None


def _signers_before(blocks: list[Block], stop: int, floor: int) -> Trailer | None:
    for start in range(max(floor, stop - _LOOK_BACK), stop):
        window = blocks[start:stop]
        if all(isinstance(block, Line) for block in window):
            found = read_signers([block.text for block in window])
            if found:
                return Trailer(start, stop, signers=found)
    return None


def build_signer(lines: list[str], name: str) -> dict[str, str]:
    """``["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"], "Đỗ Thị Hòa"`` → authority, on_behalf_of, title, name."""
    at = max((i for i, text in enumerate(lines) if match_authority(text)), default=None)
    if at is None:
        return {"title": sentence_case(" ".join(lines)), "name": name_case(name)}
    match = match_authority(lines[at])
    code = _AUTHORITY_CODES.get(match["code"], match["code"]) + "."
    after = lines[at + 1 :]
    if not after:
        on_behalf, title = (None, match["rest"]) if code == "Q." else (match["rest"], None)
    else:
        on_behalf, title = " ".join([match["rest"], *after[:-1]]), after[-1]
    signer = {"authority": code}
    if on_behalf:
        signer["on_behalf_of"] = org_case(on_behalf, proper_tail=False) if code == "TM." else sentence_case(on_behalf)
    if title:
        signer["title"] = sentence_case(title)
    signer["name"] = name_case(name)
    return signer


def clean_recipient(text: str) -> str:
    """``- Tổ chuyên môn (để thực hiện);`` → ``Tổ chuyên môn (để thực hiện)``."""
    return without_bullet(text).strip(" ;,.")
