"""Build Word and PDF test documents in the test run (no binary fixtures in the repository).

A .docx is a zip of XML parts, so a few paragraphs with styles and numbering are written
directly; PDFs are drawn with fpdf2, which the web app already uses.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from fpdf import FPDF
from PIL import Image, ImageDraw

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
# numId 1: decimal numbering, "1." then "1.1"; numId 2: bullets.
NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="10">'
    '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="20">'
    '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>'
    "</w:numbering>"
)
STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    "</w:styles>"
)


@dataclass(frozen=True)
class Para:
    text: str
    style: str = ""
    num: tuple[int, int] | None = None  # (numId, level)
    bold: bool = False


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]


def make_docx(body: list[Para | Row]) -> bytes:
    """Consecutive rows make one table."""
    xml = ""
    for index, part in enumerate(body):
        if isinstance(part, Row):
            starts = index == 0 or not isinstance(body[index - 1], Row)
            ends = index == len(body) - 1 or not isinstance(body[index + 1], Row)
            xml += ("<w:tbl>" if starts else "") + _row(part) + ("</w:tbl>" if ends else "")
        else:
            xml += _para(part)
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{xml}<w:sectPr/></w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", NUMBERING)
        archive.writestr("word/styles.xml", STYLES)
    return buffer.getvalue()


def _para(para: Para) -> str:
    props = f'<w:pStyle w:val="{para.style}"/>' if para.style else ""
    if para.num:
        props += (
            f'<w:numPr><w:ilvl w:val="{para.num[1]}"/><w:numId w:val="{para.num[0]}"/></w:numPr>'
        )
    # Split the text over two runs, as Word does when formatting changes mid-paragraph.
    half = len(para.text) // 2
    run_props = "<w:rPr><w:b/></w:rPr>" if para.bold else ""
    runs = "".join(
        f'<w:r>{run_props}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
        for part in (para.text[:half], para.text[half:])
    )
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def _row(row: Row) -> str:
    cells = "".join(f"<w:tc>{_para(Para(text))}</w:tc>" for text in row.cells)
    return f"<w:tr>{cells}</w:tr>"


class _Pdf(FPDF):
    running_footer = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 10, f"{self.running_footer}   Page {self.page_no()}", align="C")


def make_pdf(
    paragraphs: list[str], running_footer: str, page_break_before: str | tuple[str, ...] = ""
) -> bytes:
    """A text PDF: each paragraph wrapped at the page width, a footer repeated on every page,
    and a new page before each paragraph that starts with `page_break_before`."""
    pdf = _Pdf()
    pdf.running_footer = running_footer
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    for text in paragraphs:
        if page_break_before and text.startswith(page_break_before):
            pdf.add_page()
        pdf.multi_cell(0, 7, text)
        pdf.ln(4)
    return bytes(pdf.output())


def make_scanned_pdf() -> bytes:
    """A PDF holding only a picture of a page, as a scanner makes."""
    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), outline=0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())
