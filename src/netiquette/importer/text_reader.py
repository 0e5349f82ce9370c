"""Plain text and Markdown to blocks: list markers, numbered sections and wrapped lines.

Text pasted from a web page keeps one paragraph a line; text from a PDF wraps every line at
the page width. Lines are joined into a paragraph unless a line is clearly the last of its
paragraph (short, or ending with a colon), so both read the same.
"""

from __future__ import annotations

import re

from netiquette.importer.document import Block, BlockKind, Document, block, clean_text

_BULLET = re.compile(r"^(\s*)([•●▪■◦○·∙‣⁃►➢➤✓✔\-\*–—+o§])\s+(?=\S)")
_NUMBERED = re.compile(
    r"^(\s*)(?:(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})[.)]|\(?([a-z]|[ivx]{1,4})\)|([a-z])\.)\s+(?=\S)",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^(\s*)(\d{1,2})\s+(?=[A-Z][a-z])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([=\-*_])\1{2,}\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"<[^>]+>")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ENDS_SENTENCE = re.compile(r"[.:;!?)\"”’]$")
_SENTENCE_DONE = re.compile(r"[.!?][\"”’)]?$")
_ABBREVIATION_END = re.compile(r"\b(?:etc|e\.g|i\.e|mr|mrs|ms|dr|st|no|approx|incl)\.$", re.I)
_RULE_WORDS = re.compile(r"\b(must|should|not|never|will|may|are|is)\b", re.IGNORECASE)


def read_text(text: str, source_format: str = "text") -> Document:
    """Blocks from plain text (also used for the text of a PDF)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    return Document(tuple(_merge_broken(_blocks(lines))), source_format)


def read_markdown(text: str) -> Document:
    """Blocks from Markdown: `#` and underlined headings, lists, tables as plain rows."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    plain: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        heading = _MD_HEADING.match(line)
        if heading or (line.strip() and _MD_RULE.match(following) and following.strip()[0] in "=-"):
            blocks += _merge_broken(_blocks(plain))
            plain = []
            text = heading.group(2) if heading else line
            level = len(heading.group(1)) if heading else (1 if following.strip()[0] == "=" else 2)
            if made := block(BlockKind.HEADING, _markdown_inline(text), level):
                blocks.append(made)
        elif _MD_RULE.match(line) or _TABLE_RULE.match(line):
            plain.append("")
        else:
            plain.append(_markdown_inline(_table_row(line)))
    blocks += _merge_broken(_blocks(plain))
    return Document(tuple(blocks), "markdown")


def _markdown_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = re.sub(r"^\s{0,3}>\s?", "", text)
    previous = None
    while previous != text:
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    return text.replace("\\", "")


def _table_row(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [clean_text(cell) for cell in stripped[1:-1].split("|")]
        return ": ".join(cell for cell in cells if cell)
    return line


def split_marker(line: str) -> tuple[int, str, str] | None:
    """(indent, marker, rest) when the line starts a list item; bullets have an empty marker."""
    if match := _BULLET.match(line):
        if match.group(2) == "o" and not line[match.end() :][:1].isupper():
            return None
        return len(match.group(1).expandtabs(4)), "", line[match.end() :]
    match = _NUMBERED.match(line) or _BARE_NUMBER.match(line)
    if match:
        marker = next(g for g in match.groups()[1:] if g)
        return len(match.group(1).expandtabs(4)), marker, line[match.end() :]
    return None


def _blocks(lines: list[str]) -> list[Block]:
    """Group lines into blocks; a marker starts an item, a blank or short line ends a paragraph."""
    typical = _typical_length(lines)
    out: list[Block] = []
    current: list[str] = []
    start: tuple[int, str] | None = None  # (indent, marker) of the current item
    indents: list[int] = []

    def flush() -> None:
        nonlocal current, start
        if current:
            out.append(_finish(" ".join(current), start, indents))
        current, start = [], None

    for line in lines:
        if not line.strip():
            flush()
            continue
        item = split_marker(line)
        if item is not None:
            flush()
            start, current = (item[0], item[1]), [item[2]]
        elif current and _continues(current[-1], line.strip(), typical):
            current.append(line.strip())
        else:
            flush()
            current = [line.strip()]
    flush()
    return [b for b in out if b.text]


def _finish(text: str, start: tuple[int, str] | None, indents: list[int]) -> Block:
    if start is None:
        indents.clear()
        kind = BlockKind.HEADING if looks_like_heading(text) else BlockKind.PARAGRAPH
        return Block(kind, clean_text(text))
    indent, marker = start
    while indents and indents[-1] > indent:
        indents.pop()
    if not indents or indents[-1] < indent:
        indents.append(indent)
    level = marker.count(".") if "." in marker else len(indents) - 1
    if marker[:1].isdigit() and looks_like_heading(text):
        return Block(BlockKind.HEADING, clean_text(text), level + 1, marker)
    return Block(BlockKind.ITEM, clean_text(text), level, marker)


def _continues(previous: str, line: str, typical: int) -> bool:
    """Whether `line` carries on the paragraph `previous` is part of (a wrapped line)."""
    previous = previous.rstrip()
    if line[:1].islower() and not previous.endswith(":"):
        return True
    if previous.endswith(":") or (looks_like_heading(previous) and len(previous) < 0.6 * typical):
        return False
    if _SENTENCE_DONE.search(previous) and not _ABBREVIATION_END.search(previous):
        return False  # a full line ending a sentence: the next line starts afresh
    return len(previous) >= 0.6 * typical


def _typical_length(lines: list[str]) -> int:
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.8)] if lengths else 80


def looks_like_heading(text: str) -> bool:
    """A short line with no closing punctuation and no rule words: a title or section name."""
    text = clean_text(text)
    words = text.split()
    if not words or len(words) > 10 or len(text) > 90 or _ENDS_SENTENCE.search(text):
        return False
    if re.search(r":\s.*\d", text):  # "Review date: Spring 2024" is a label and its value
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return not _RULE_WORDS.search(text)


def _merge_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph split by a stray blank line: it ends mid-sentence, the next starts lower-case."""
    out: list[Block] = []
    for current in blocks:
        if out and _broken(out[-1], current):
            last = out.pop()
            kind = BlockKind.PARAGRAPH if last.kind is BlockKind.HEADING else last.kind
            out.append(Block(kind, f"{last.text} {current.text}", last.level, last.marker))
        else:
            out.append(current)
    return out


def _broken(first: Block, second: Block) -> bool:
    return (
        second.kind is BlockKind.PARAGRAPH
        and second.text[:1].islower()
        and not _ENDS_SENTENCE.search(first.text)
    )
