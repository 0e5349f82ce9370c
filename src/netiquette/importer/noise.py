"""Page noise that survives into text: menus, news tickers, footers, shop links, cookie banners.

A page copied as text or printed to PDF loses the markup that marks these, so they are known by
their shape: a short line of menu words, a line of dates ("21/9 Year 5 trip, 22/9 ..."), a line
naming a shop or payment service. What is left out is listed in the report, never lost silently.
"""

from __future__ import annotations

import re

from netiquette.importer.document import Block, BlockKind

_SHORT_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b")
_MENU_LINE = re.compile(
    r"^(?:home(?: ?page)?|menu|main menu|search|log ?in|sign in|contact(?: us)?|"
    r"skip to (?:main )?content|back to top|print(?: this page)?|share(?: this(?: page)?)?|"
    r"cookies?(?: settings| preferences)?|accept(?: all)?(?: cookies)?|reject(?: all)?|"
    r"privacy(?: notice)?|site ?map|accessibility|translate|latest news|news|calendar|"
    r"term dates|vacancies|follow us|read more|next|previous|download|close|open menu)$",
    re.I,
)
_FURNITURE_WORDS = re.compile(
    r"\b(?:shop|scopay|parent ?pay|parentmail|school ?money|school ?gateway|payments?|"
    r"website (?:design|by)|powered by|all rights reserved|cookies?)\b|©|\bcopyright \d{4}\b",
    re.I,
)
_COOKIE_BANNER = re.compile(
    r"\b(?:we use|(?:this|our) (?:web)?site uses) cookies\b|\baccept (?:all )?cookies\b|"
    r"\bcookie (?:settings|preferences)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.:;!?]$")


def is_noise(block: Block) -> bool:
    text = block.text
    words = text.split()
    if _COOKIE_BANNER.search(text) or _is_ticker(text):
        return True
    if " | " in text and all(len(part.split()) <= 4 for part in text.split(" | ")):
        return True
    if len(words) > 6 or _SENTENCE_END.search(text) or block.kind is BlockKind.ITEM:
        return False
    return bool(_MENU_LINE.match(text.strip(" >»›")) or _FURNITURE_WORDS.search(text))


def _is_ticker(text: str) -> bool:
    """A line of several short dates ("18.9.23 ... 21/9 ... 22/9"): a news ticker or calendar."""
    return len(_SHORT_DATE.findall(text)) >= 3


def remove_noise(blocks: tuple[Block, ...]) -> tuple[list[Block], list[str]]:
    """The blocks worth reading, and the text of those left out (for the report)."""
    kept: list[Block] = []
    left_out: list[str] = []
    for current in blocks:
        if is_noise(current):
            left_out.append(current.text)
        else:
            kept.append(current)
    return kept, left_out
