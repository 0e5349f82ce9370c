"""A saved web page to blocks, leaving out the page's furniture.

School websites wrap a policy in menus, news tickers, cookie banners, shop links and footers.
Those live in elements a page marks by tag (`nav`, `footer`, `script`) or by class, id or role
(`menu`, `cookie-banner`, `ticker`); their text is skipped and listed for the report. When the
page marks its main content (`main`, `article`, role `main`), only that is read.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from netiquette.importer.document import (
    Block,
    BlockKind,
    Document,
    block,
    clean_text,
    table_blocks,
)
from netiquette.importer.text_reader import looks_like_heading, split_marker

# A paragraph wholly in bold is how many pages mark a heading without heading tags.
BOLD_HEADING_LEVEL = 4

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "footer", "button", "select",
     "iframe", "aside", "marquee", "dialog", "object", "canvas"}
)  # fmt: skip
_FURNITURE = re.compile(
    r"(^|[\s_-])(nav|navbar|navigation|menu|menubar|footer|cookies?|consent|cookie-?banner|"
    r"ticker|news-?ticker|newsflash|marquee|breadcrumbs?|sidebar|masthead|skip-?link|"
    r"social-?(?:links|icons|feed)|share|sharing|popup|modal|toolbar|site-?header|shop|"
    r"translate|search)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
# Skipped without listing: their text is code, not anything a reader of the page saw.
_CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "object", "canvas"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BREAKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "table", "tr", "td", "th", "dd",
     "dt", "dl", "blockquote", "br", "hr", "ul", "ol", "li", "figure", "figcaption", "pre",
     "address", "caption", "tbody", "thead"} | set(_HEADINGS)
)  # fmt: skip


def read_html(text: str) -> Document:
    parser = _PolicyPage()
    parser.feed(text)
    parser.close()
    parser.flush()
    main = [b for b, in_main in parser.blocks if in_main]
    blocks = main if main else [b for b, _ in parser.blocks]
    left_out = list(parser.skipped)
    if main:
        left_out += [b.text for b, in_main in parser.blocks if not in_main]
    return Document(tuple(blocks), "html", tuple(left_out), clean_text(parser.title))


class _PolicyPage(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[Block, bool]] = []
        self.skipped: list[str] = []
        self.title = ""
        self._buffer: list[str] = []
        self._skip: list[tuple[str, int]] = []  # (tag, nesting) of furniture being skipped
        self._skip_text: list[str] = []
        self._lists: list[list[int]] = []  # one counter per open list; -1 for bullets
        self._item: tuple[int, str] | None = None  # (level, marker) of the open <li>
        self._heading = 0
        self._main_depth = 0
        self._in_title = False
        self._bold = 0
        self._bold_text: list[str] = []
        self._table_depth = 0
        self._rows: list[list[list[Block]]] = []  # cells' blocks of the outermost open table

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            self._nest(tag, 1)
            return
        if tag == "title":
            self._in_title = True
        if _is_furniture(tag, dict(attrs)):
            self.flush()
            self._skip.append((tag, 1))
            return
        if tag in _VOID and tag != "br":
            return
        if tag in _BREAKS:
            self.flush()
        self._open(tag, dict(attrs))

    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in ("main", "article") or attrs.get("role") == "main":
            self._main_depth += 1
        if tag in ("ul", "ol"):
            self._lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            marker = ""
            if self._lists and self._lists[-1][0] >= 0:
                self._lists[-1][0] += 1
                marker = str(self._lists[-1][0])
            self._item = (max(len(self._lists) - 1, 0), marker)
        elif tag in _HEADINGS:
            self._heading = _HEADINGS[tag]
        elif tag in ("b", "strong"):
            self._bold += 1
        else:
            self._open_table_part(tag)

    def _open_table_part(self, tag: str) -> None:
        if tag == "table":
            self._table_depth += 1
            self._rows = [] if self._table_depth == 1 else self._rows
        elif self._table_depth == 1 and tag == "tr":
            self._rows.append([])
        elif self._table_depth == 1 and tag in ("td", "th"):
            if not self._rows:
                self._rows.append([])
            self._rows[-1].append([])

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._nest(tag, -1)
            return
        if tag == "title":
            self._in_title = False
        if tag in _BREAKS:
            self.flush()
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag in _HEADINGS:
            self._heading = 0
        elif tag in ("main", "article") and self._main_depth:
            self._main_depth -= 1
        elif tag in ("b", "strong"):
            self._bold = max(0, self._bold - 1)
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1
            if not self._table_depth:
                self.blocks += [(b, self._main_depth > 0) for b in table_blocks(self._rows)]

    def handle_data(self, data: str) -> None:
        if self._skip:
            self._skip_text.append(data)
        elif self._in_title:
            self.title += data
        else:
            self._buffer.append(data)
            if self._bold:
                self._bold_text.append(data)

    def _nest(self, tag: str, step: int) -> None:
        """Track nesting of the skipped element's own tag so its end is found."""
        name, depth = self._skip[-1]
        if tag != name or tag in _VOID:
            return
        depth += step
        if depth:
            self._skip[-1] = (name, depth)
            return
        self._skip.pop()
        if name in _CODE_TAGS:
            self._skip_text = []
        elif text := clean_text(" ".join(self._skip_text)):
            self.skipped.append(text[:200])
        self._skip_text = []

    def flush(self) -> None:
        text, self._buffer = "".join(self._buffer), []
        bold, self._bold_text = clean_text("".join(self._bold_text)), []
        if self._heading:
            made = block(BlockKind.HEADING, text, self._heading)
        elif self._item is None and bold and bold == clean_text(text) and looks_like_heading(bold):
            made = block(BlockKind.HEADING, text, BOLD_HEADING_LEVEL)
        elif self._item is not None:
            made = block(BlockKind.ITEM, text, *self._item)
            self._item = None if made else self._item
        elif typed := split_marker(clean_text(text)):
            # A bullet typed into the text ("• Do not ..."), as pasted-in policies often have.
            made = block(BlockKind.ITEM, typed[2], 0, typed[1])
        else:
            made = block(BlockKind.PARAGRAPH, text)
        if made is None:
            return
        if self._table_depth and self._rows and self._rows[-1]:
            self._rows[-1][-1].append(made)
        else:
            self.blocks.append((made, self._main_depth > 0))


def _is_furniture(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag in _SKIP_TAGS:
        return True
    if (attrs.get("role") or "") in _FURNITURE_ROLES or attrs.get("aria-hidden") == "true":
        return True
    if tag in ("body", "html", "main", "article"):
        return False
    names = " ".join(attrs.get(key) or "" for key in ("class", "id"))
    return bool(_FURNITURE.search(names))
