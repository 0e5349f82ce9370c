"""PDF to blocks through its text layer (pypdf), then the plain-text reader.

A scanned PDF is only pictures of pages: it has no text to read and Netiquette does no OCR,
so it is refused with a message saying so rather than imported as an empty policy. Lines that
repeat on most pages (running headers and footers) and page numbers are left out.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from netiquette.importer.document import Document, PolicyImportError
from netiquette.importer.text_reader import read_text

MIN_LETTERS = 40
# Running headers and footers are short; a longer repeated line is the policy's own text.
MAX_FURNITURE_WORDS = 12
# Symbol-font bullets that PDF text extraction returns as private-use characters.
_PRIVATE_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖"})
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)


def read_pdf(data: bytes) -> Document:
    pages = _page_texts(data)
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if letters < MIN_LETTERS:
        raise PolicyImportError(
            "the PDF has no text to read: it looks like a scanned image. Netiquette does not "
            "read text from pictures; import the policy from the Word file or web page instead, "
            "or a PDF saved from them"
        )
    repeated = _repeated_lines(pages)
    kept: list[str] = []
    left_out: list[str] = []
    for page in pages:
        for line in page.translate(_PRIVATE_BULLETS).split("\n"):
            key = _key(line)
            if key and (key in repeated or _PAGE_NUMBER.match(line.strip())):
                left_out.append(line.strip())
            else:
                kept.append(line)
        kept.append("")
    document = read_text("\n".join(kept), "pdf")
    return Document(document.blocks, "pdf", tuple(dict.fromkeys(left_out)))


def _page_texts(data: bytes) -> list[str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = [] if locked else [page.extract_text() or "" for page in reader.pages]
    except _BROKEN as error:
        raise PolicyImportError(f"not a readable PDF: {error}") from error
    if locked:
        raise PolicyImportError("the PDF is protected by a password")
    return pages


# What a damaged PDF makes pypdf raise, besides its own errors.
_BROKEN = (
    PyPdfError,
    KeyError,
    TypeError,
    AttributeError,
    OSError,
    ValueError,
    IndexError,
    zlib.error,
    struct.error,
    RecursionError,
    NotImplementedError,
)


def _key(line: str) -> str:
    """A line with its digits removed, so "Page 3" and "Page 4" count as the same footer."""
    return re.sub(r"\d+", "#", line.strip().lower())


def _repeated_lines(pages: list[str]) -> set[str]:
    if len(pages) < 3:
        return set()
    seen = Counter(
        key
        for page in pages
        for key in {
            _key(line) for line in page.split("\n") if len(line.split()) <= MAX_FURNITURE_WORDS
        }
    )
    return {key for key, count in seen.items() if key and count >= 0.6 * len(pages)}
