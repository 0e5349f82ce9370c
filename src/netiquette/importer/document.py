"""The shape every reader produces: a flat run of headings, paragraphs and list items.

Readers for text, Markdown, HTML, Word and PDF differ only in how they find these blocks, so
everything after reading (noise removal, structure, clauses) works the same for each format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class PolicyImportError(ValueError):
    """A document that cannot be read or holds no policy; the message says what and where."""


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    # List depth for items (0 is the outer list), heading level for headings.
    level: int = 0
    # The item's own number or letter as written ("3.2", "a"); empty for bullets.
    marker: str = ""


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    source_format: str
    # Text a reader knew was page furniture (menus, footers, scripts' text): kept for the report.
    left_out: tuple[str, ...] = ()
    # The page or file title from metadata (HTML <title>, DOCX core title), if any.
    meta_title: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """One line of text with runs of whitespace (tabs, non-breaking spaces) made single spaces."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()


def block(kind: BlockKind, text: str, level: int = 0, marker: str = "") -> Block | None:
    """A block of cleaned text, or None when nothing but whitespace is left."""
    cleaned = clean_text(text)
    return Block(kind, cleaned, level, marker) if cleaned else None


_ABBREVIATIONS = frozenset(
    {"e.g.", "i.e.", "etc.", "mr.", "mrs.", "ms.", "dr.", "no.", "st.", "vs.", "approx.", "incl."}
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“‘(•])")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after "e.g." or "Mr."."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        before = text[start : match.start() + 1].split()
        if before and before[-1].lower().lstrip('("“‘') in _ABBREVIATIONS:
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    if tail := text[start:].strip():
        out.append(tail)
    return out


_DO = re.compile(r"^(?:do|dos|do['’]s|always)$", re.I)
_DONT = re.compile(r"^(?:don['’]?t|don['’]?ts|do not|never)$", re.I)
MAX_ROW_WORDS = 25


def table_blocks(rows: list[list[list[Block]]]) -> list[Block]:
    """A table's blocks in reading order, given each cell's blocks.

    A "Do / Don't" table becomes two lists, each under its column's name as a lead-in, so
    "Don't" lends its strength to every entry. A table of short rows ("Review date | Spring
    2024") reads a row as one line "cell: cell". Anything else (a page laid out in a table)
    keeps its blocks as they were.
    """
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    header = [" ".join(b.text for b in cell).strip(" :") for cell in rows[0]]
    if (
        len(header) >= 2
        and any(_DONT.match(h) for h in header)
        and any(_DO.match(h) for h in header)
    ):
        return _columns(header, rows[1:])
    if all(len(cell) <= 1 for row in rows for cell in row) and all(
        len(" ".join(b.text for cell in row for b in cell).split()) <= MAX_ROW_WORDS for row in rows
    ):
        lines = [": ".join(cell[0].text for cell in row if cell) for row in rows]
        return [Block(BlockKind.PARAGRAPH, line) for line in lines if line]
    return [b for row in rows for cell in row for b in cell]


def _columns(header: list[str], rows: list[list[list[Block]]]) -> list[Block]:
    out: list[Block] = []
    for column, title in enumerate(header):
        out.append(Block(BlockKind.PARAGRAPH, f"{title}:"))
        for row in rows:
            cells = row[column] if column < len(row) else []
            out += [Block(BlockKind.ITEM, b.text, 0, b.marker) for b in cells]
    return out
