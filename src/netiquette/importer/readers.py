"""Choose a reader by the file's name and first bytes, and decode text the way schools save it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from netiquette.importer.document import Document, PolicyImportError
from netiquette.importer.docx_reader import read_docx
from netiquette.importer.html_reader import read_html
from netiquette.importer.pdf_reader import read_pdf
from netiquette.importer.text_reader import read_markdown, read_text

MAX_BYTES = 30_000_000
_TEXT_READERS: dict[str, Callable[[str], Document]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
}
_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_REFUSED = {
    ".doc": "an old Word .doc file; open it in Word and save it as .docx",
    ".odt": "an OpenDocument file; save it as .docx or PDF",
    ".rtf": "a Rich Text file; save it as .docx or PDF",
    ".pages": "an Apple Pages file; export it as .docx or PDF",
}


def detect_format(data: bytes, filename: str) -> str:
    """The format from the first bytes, which do not lie, then from the file name."""
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix in _REFUSED:
            raise PolicyImportError(f"{filename} is {_REFUSED[suffix]}")
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise PolicyImportError(f"{filename} is {_REFUSED['.doc']}")
    if suffix in _REFUSED:
        raise PolicyImportError(f"{filename} is {_REFUSED[suffix]}")
    named = _SUFFIXES.get(suffix)
    if named in ("pdf", "docx"):
        raise PolicyImportError(f"{filename} is named {suffix} but is not a {named.upper()} file")
    head = data[:2048].lstrip().lower()
    if named is None and head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head")):
        return "html"
    return named or "text"


def read_document(data: bytes, filename: str) -> Document:
    if not data.strip():
        raise PolicyImportError(f"{filename} is empty")
    if len(data) > MAX_BYTES:
        raise PolicyImportError(f"{filename} is larger than {MAX_BYTES // 1_000_000} MB")
    fmt = detect_format(data, filename)
    if fmt == "pdf":
        return read_pdf(data)
    if fmt == "docx":
        return read_docx(data)
    return _TEXT_READERS[fmt](decode(data, filename))


def decode(data: bytes, filename: str) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with a mark, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise PolicyImportError(f"{filename} is not a text file, a web page, .docx or PDF")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise PolicyImportError(f"{filename} is not text in a known encoding") from error
