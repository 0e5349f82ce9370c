"""Policy documents for the import tests, built in the test run (no binary fixtures), and a
reader that collects a form's fields as a browser would post them."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from xml.sax.saxutils import escape

from fpdf import FPDF

TITLE = "Oakhollow Primary School"
LINES = [
    "Social Media Policy",
    f"{TITLE}",
    "Date accepted by governors: Spring 2025",
    "Review date: Spring 2028",
    "When posting on social networks, staff and parents must follow these guidelines:",
    "- Do not post photographs of pupils without consent.",
    "- Never share pupils' names or contact details.",
    "- Do not make offensive comments about members of the school community.",
    "- Be mindful of how your posts reflect on the school.",
    "Staff must not accept friend requests from pupils.",
    "If there is a problem, we will:",
    "1. Ask for the post to be removed.",
    "2. Refer the matter to the head teacher.",
]
PHOTO = "Do not post photographs of pupils without consent."
MINDFUL = "Be mindful of how your posts reflect on the school."
FRIENDS = "Staff must not accept friend requests from pupils."


def text_document() -> bytes:
    return "\n\n".join(LINES).encode()


def markdown_document() -> bytes:
    lines = [f"# {LINES[0]}", *LINES[1:5], "", *LINES[5:9], "", *LINES[9:]]
    return "\n".join(lines).encode()


def html_document() -> bytes:
    items = "".join(f"<li>{escape(line[2:])}</li>" for line in LINES[5:9])
    steps = "".join(f"<li>{escape(line[3:])}</li>" for line in LINES[11:])
    head = "".join(f"<p>{escape(line)}</p>" for line in LINES[1:5])
    page = (
        "<html><head><title>Social Media Policy</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/shop">Uniform shop</a></nav>'
        f"<main><h1>{LINES[0]}</h1>{head}<ul>{items}</ul><p>{escape(FRIENDS)}</p>"
        f"<p>{LINES[10]}</p><ol>{steps}</ol></main>"
        "<footer>Copyright Oakhollow Primary School. Website by Example Studio.</footer>"
        "</body></html>"
    )
    return page.encode()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_document() -> bytes:
    """A minimal Word file: the title bold, lists with Word's own numbering (not typed)."""
    paragraphs = "".join(_docx_paragraph(index, line) for index, line in enumerate(LINES))
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{paragraphs}</w:body></w:document>'
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", NUMBERING)
    return buffer.getvalue()


# numId 1: bullets; numId 2: "1.", "2.".
NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
)


def _docx_paragraph(index: int, line: str) -> str:
    bullet, numbered = line.startswith("- "), bool(re.match(r"\d\. ", line))
    props = ""
    if bullet or numbered:
        props = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{1 if bullet else 2}"/>'
        props += "</w:numPr></w:pPr>"
        line = line.partition(" ")[2]
    bold = "<w:rPr><w:b/></w:rPr>" if index == 0 else ""
    return f'<w:p>{props}<w:r>{bold}<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'


def pdf_document() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in LINES:
        pdf.multi_cell(0, 7, line)
        pdf.ln(3)
    return bytes(pdf.output())


DOCUMENTS = {
    "policy.txt": text_document,
    "policy.md": markdown_document,
    "policy.html": html_document,
    "policy.docx": docx_document,
    "policy.pdf": pdf_document,
}


class FormReader(HTMLParser):
    """What a browser would post for one form: text and hidden inputs, checked boxes,
    textareas and the selected option of each select."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        elif self.inside and tag == "input" and "name" in a:
            if a.get("type") not in ("checkbox", "radio"):
                self.fields.append((a["name"], a.get("value", "")))
            elif "checked" in a:
                self.fields.append((a["name"], a.get("value", "on")))
        elif self.inside and tag == "textarea":
            self.textarea = a["name"]
            self.fields.append((a["name"], ""))
        elif self.inside and tag == "select":
            self.select = a["name"]
        elif self.select and tag == "option" and "selected" in a:
            self.fields.append((self.select, a["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag in ("textarea", "select"):
            self.textarea = self.select = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data.lstrip("\n") if not text else text + data)


def review_form(html: str) -> dict[str, list[str]]:
    reader = FormReader("review-form")
    reader.feed(html)
    out: dict[str, list[str]] = {}
    for name, value in reader.fields:
        out.setdefault(name, []).append(value)
    return out


def clause_prefix(form: dict[str, list[str]], text: str) -> str:
    """The form prefix ("c3") of the clause whose text is `text`."""
    return next(k[: -len("-text")] for k, v in form.items() if k.endswith("-text") and v == [text])
