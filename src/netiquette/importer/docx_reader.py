"""Word (.docx) to blocks with the standard library: a .docx is a zip of XML parts.

Only the body is read, so the page headers and footers (logos, page numbers, addresses) stay
out. Headings come from paragraph styles; list items from numbering, whose numbers are worked
out as Word shows them ("3.2", "b"), so numbered sections keep their numbers.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree

from netiquette.importer.document import (
    Block,
    BlockKind,
    Document,
    PolicyImportError,
    block,
    table_blocks,
)
from netiquette.importer.text_reader import looks_like_heading, split_marker

# A short paragraph wholly in bold is how many Word policies mark a heading without a style.
BOLD_HEADING_LEVEL = 4

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
MAX_PART_BYTES = 50_000_000
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\s*(bullet|number|paragraph|continue)?\s*\d*$", re.IGNORECASE)


@dataclass
class _Numbering:
    """Word's numbering definitions and the running counters of each list."""

    formats: dict[str, dict[int, tuple[str, str]]] = field(default_factory=dict)  # numId -> lvl
    counters: dict[str, list[int]] = field(default_factory=dict)

    def marker(self, num_id: str, level: int) -> str:
        levels = self.formats.get(num_id, {})
        fmt, text = levels.get(level, ("bullet", ""))
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        counts[level + 1 :] = [0] * (8 - level)
        if fmt in ("bullet", "none"):
            return ""
        for number in range(1, level + 2):
            sub_fmt = levels.get(number - 1, ("decimal", ""))[0]
            text = text.replace(f"%{number}", _format(counts[number - 1], sub_fmt))
        return text.strip(" .)(")


def read_docx(data: bytes) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        body = _xml(archive, "word/document.xml")
        if body is None:
            raise PolicyImportError("not a Word document: it has no word/document.xml")
        styles, style_numbers = _styles(archive)
        reader = _BodyReader(styles, style_numbers, _numbering(archive))
        blocks = [b for element in body.iter(f"{W}body") for b in reader.children(element)]
        title = _core_title(archive)
    except PolicyImportError:
        raise
    except _BROKEN as error:
        raise PolicyImportError(f"not a readable Word document: {error}") from error
    return Document(tuple(blocks), "docx", meta_title=title)


_BROKEN = (
    zipfile.BadZipFile,
    ElementTree.ParseError,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
)


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise PolicyImportError(f"the Word document's {name} is too large to read")
    return ElementTree.fromstring(archive.read(name))


class _BodyReader:
    def __init__(
        self, styles: dict[str, str], style_numbers: dict[str, str], numbering: _Numbering
    ) -> None:
        self.styles = styles
        self.style_numbers = style_numbers
        self.numbering = numbering

    def children(self, parent: ElementTree.Element) -> Iterator[Block]:
        for element in parent:
            if element.tag == f"{W}p":
                if made := self.paragraph(element):
                    yield made
            elif element.tag == f"{W}tbl":
                yield from self.table(element)
            else:  # content controls, tracked insertions and the like wrap paragraphs
                yield from self.children(element)

    def paragraph(self, para: ElementTree.Element) -> Block | None:
        text = _text(para)
        style_id = _attr(para.find(f"{W}pPr/{W}pStyle"), "val")
        style = self.styles.get(style_id, style_id)
        heading = _HEADING_STYLE.match(style) or _HEADING_STYLE.match(style_id)
        num_id, level = self._numbered(para, style_id)
        marker = self.numbering.marker(num_id, level) if num_id and text.strip() else ""
        if heading:
            return block(BlockKind.HEADING, text, int(heading.group(1) or 0), marker)
        if num_id or _LIST_STYLE.match(style):
            return block(BlockKind.ITEM, text, level, marker)
        if _all_bold(para) and looks_like_heading(text):
            return block(BlockKind.HEADING, text, BOLD_HEADING_LEVEL)
        if typed := split_marker(text.strip()):
            # A bullet or number typed into the text ("- Do not ..."), not Word's numbering.
            return block(BlockKind.ITEM, typed[2], 0, typed[1])
        return block(BlockKind.PARAGRAPH, text)

    def _numbered(self, para: ElementTree.Element, style_id: str) -> tuple[str, int]:
        num_pr = para.find(f"{W}pPr/{W}numPr")
        num_id = _attr(num_pr.find(f"{W}numId") if num_pr is not None else None, "val")
        level = _attr(num_pr.find(f"{W}ilvl") if num_pr is not None else None, "val")
        num_id = num_id or self.style_numbers.get(style_id, "")
        return ("" if num_id == "0" else num_id), min(int(level or 0), 8)

    def table(self, table: ElementTree.Element) -> Iterator[Block]:
        rows = [
            [list(self.children(cell)) for cell in row.findall(f"{W}tc")]
            for row in table.findall(f"{W}tr")
        ]
        yield from table_blocks(rows)


def _text(para: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in para.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
            parts.append(" ")
        elif node.tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _all_bold(para: ElementTree.Element) -> bool:
    runs = [run for run in para.iter(f"{W}r") if "".join(t.text or "" for t in run.iter(f"{W}t"))]
    return bool(runs) and all(
        (bold := run.find(f"{W}rPr/{W}b")) is not None and _attr(bold, "val") not in ("0", "false")
        for run in runs
    )


def _attr(element: ElementTree.Element | None, name: str) -> str:
    return "" if element is None else element.get(f"{W}{name}", "")


def _styles(archive: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """Style id -> style name, and style id -> numbering id for list styles."""
    root = _xml(archive, "word/styles.xml")
    names: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for style in [] if root is None else root.iter(f"{W}style"):
        style_id = _attr(style, "styleId")
        names[style_id] = _attr(style.find(f"{W}name"), "val")
        if num := _attr(style.find(f"{W}pPr/{W}numPr/{W}numId"), "val"):
            numbers[style_id] = num
    return names, numbers


def _numbering(archive: zipfile.ZipFile) -> _Numbering:
    root = _xml(archive, "word/numbering.xml")
    numbering = _Numbering()
    if root is None:
        return numbering
    abstract: dict[str, dict[int, tuple[str, str]]] = {}
    for definition in root.iter(f"{W}abstractNum"):
        abstract[_attr(definition, "abstractNumId")] = {
            int(_attr(lvl, "ilvl") or 0): (
                _attr(lvl.find(f"{W}numFmt"), "val") or "decimal",
                _attr(lvl.find(f"{W}lvlText"), "val"),
            )
            for lvl in definition.iter(f"{W}lvl")
        }
    for num in root.iter(f"{W}num"):
        abstract_id = _attr(num.find(f"{W}abstractNumId"), "val")
        numbering.formats[_attr(num, "numId")] = abstract.get(abstract_id, {})
    return numbering


def _format(count: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (count - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(count)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(count)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _core_title(archive: zipfile.ZipFile) -> str:
    root = _xml(archive, "docProps/core.xml")
    title = None if root is None else root.find(DC_TITLE)
    return (title.text or "").strip() if title is not None else ""
