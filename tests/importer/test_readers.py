"""Each reader on its own: blocks, markers, furniture, encodings, and files it must refuse."""

from __future__ import annotations

import random
import zipfile
from io import BytesIO

import pytest
from fpdf import FPDF

from importer.builders import Para, make_docx, make_pdf, make_scanned_pdf
from netiquette.importer import PolicyImportError, import_policy
from netiquette.importer.document import BlockKind, sentences
from netiquette.importer.html_reader import read_html
from netiquette.importer.noise import is_noise
from netiquette.importer.readers import read_document
from netiquette.importer.text_reader import read_markdown, read_text

RULE = "Pupils must not share their passwords with friends."


def kinds_and_texts(document_blocks: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in document_blocks]  # type: ignore[attr-defined]


def test_text_joins_wrapped_lines_but_not_headings_or_items() -> None:
    text = (
        "Rules for Everyone\n"
        "Parents and carers should not post about other families on the class page or in\n"
        "groups that other parents can read.\n"
        "  • Do not share passwords with anyone, including your closest friends or\n"
        "    Other pupils in your class.\n"
        "  a) Never post as someone else.\n"
    )
    blocks = read_text(text).blocks
    assert [b.kind for b in blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.ITEM,
        BlockKind.ITEM,
    ]
    assert blocks[1].text.endswith("that other parents can read.")
    assert blocks[2].text.endswith("friends or Other pupils in your class.")
    assert blocks[3].marker == "a"


def test_text_numbered_section_headings_and_clauses() -> None:
    blocks = read_text("4 Conduct Online\n\n4.1 Staff must not post about pupils.\n").blocks
    assert (blocks[0].kind, blocks[0].marker) == (BlockKind.HEADING, "4")
    assert (blocks[1].kind, blocks[1].marker, blocks[1].level) == (BlockKind.ITEM, "4.1", 1)


def test_markdown_headings_lists_emphasis_links_and_tables() -> None:
    text = (
        "Online Safety\n=============\n\n"
        "| Review date | Summer 2027 |\n|---|---|\n\n"
        "1. **Never** share [your login](https://example.invalid) details.\n"
        "   - Always *log out* of shared computers.\n"
    )
    blocks = read_markdown(text).blocks
    assert kinds_and_texts(blocks) == [
        ("heading", "Online Safety"),
        ("paragraph", "Review date: Summer 2027"),
        ("item", "Never share your login details."),
        ("item", "Always log out of shared computers."),
    ]
    assert blocks[3].level == 1


def test_html_keeps_main_content_and_lists_nav_footer_cookie_text() -> None:
    page = (
        "<html><body><nav><a>Home</a><a>Term dates</a></nav>"
        "<div id='cookie-consent'>We use cookies. <a>OK</a></div>"
        "<form id='aspnetForm'><div class='content'><h2>Rules</h2>"
        "<ol><li>Do not <b>tag</b> pupils.</li><li>Report &amp; block trolls.</li></ol>"
        "<div class='ticker'>Sports day 3/7 4/7 5/7</div></div></form>"
        "<footer>Website by Example Ltd</footer></body></html>"
    )
    document = read_html(page)
    assert kinds_and_texts(document.blocks) == [
        ("heading", "Rules"),
        ("item", "Do not tag pupils."),
        ("item", "Report & block trolls."),
    ]
    assert [b.marker for b in document.blocks[1:]] == ["1", "2"]
    assert "Website by Example Ltd" in document.left_out
    assert any("cookies" in text for text in document.left_out)


def test_docx_headings_numbering_tables_and_runs() -> None:
    data = make_docx(
        [
            Para("Acceptable Use", "Heading1"),
            Para("Staff must not use school laptops for personal shopping.", num=(1, 0)),
            Para("This includes lunchtimes.", num=(1, 1)),
            Para("A bullet point.", num=(2, 0)),
        ]
    )
    blocks = read_document(data, "policy.docx").blocks
    assert [(b.kind.value, b.marker, b.level) for b in blocks] == [
        ("heading", "", 1),
        ("item", "1", 0),
        ("item", "1.1", 1),
        ("item", "", 0),
    ]
    assert blocks[1].text == "Staff must not use school laptops for personal shopping."


def test_pdf_running_footer_and_page_numbers_are_left_out() -> None:
    paragraphs = [
        "Pupils must not share their passwords with friends.",
        "Staff should not post during lessons.",
        "Parents must not photograph other children at events.",
        "Governors should not discuss meetings online.",
    ]
    data = make_pdf(
        paragraphs, "Fernhill School policy", page_break_before=("Staff", "Parents", "Governors")
    )
    document = read_document(data, "policy.pdf")
    texts = [b.text for b in document.blocks]
    assert texts == paragraphs
    assert any("Fernhill School policy" in t for t in document.left_out)


def test_noise_shapes() -> None:
    noisy = ["Home Page", "Uniform Shop", "© 2026 Fernhill School", "News | Events | Contact"]
    noisy.append("Week 3: 12/1 swimming, 13/1 choir, 15/1 trip")
    kept = ["Copyright", "Staff Conduct", RULE, "Do not post photos of pupils in the shop."]
    assert all(is_noise(b) for b in read_text("\n\n".join(noisy)).blocks)
    assert not any(is_noise(b) for b in read_text("\n\n".join(kept)).blocks)


def test_sentences_do_not_break_after_abbreviations() -> None:
    text = "Sites (e.g. Facebook) are common. Mr. Hale agrees. Staff must not post."
    assert sentences(text) == [
        "Sites (e.g. Facebook) are common.",
        "Mr. Hale agrees.",
        "Staff must not post.",
    ]


def test_windows_1252_text_is_read() -> None:
    data = "Parents’ Charter\n\nParents should not post café photos.".encode("cp1252")
    result = import_policy(data, "charter.txt")
    assert result.clauses[0].text == "Parents should not post café photos."


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n", "blank.txt", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "policy.doc", "save it as .docx"),
        (b"PK\x03\x04 not really a zip", "policy.docx", "not a readable Word document"),
        (b"plain words", "policy.pdf", "is not a PDF"),
        (b"%PDF-1.4 broken", "broken.pdf", "not a readable PDF"),
        (b"\x00\x01\x02binary", "data.txt", "not a text file"),
        (b"Our school has a lovely garden.\n\nThe pond is new.", "garden.txt", "found no rules"),
    ],
)
def test_bad_files_are_refused_with_what_and_where(data: bytes, name: str, message: str) -> None:
    with pytest.raises(PolicyImportError) as error:
        import_policy(data, name)
    assert message in str(error.value) and name in str(error.value)


def test_a_scanned_pdf_is_refused_as_scanned() -> None:
    with pytest.raises(PolicyImportError) as error:
        import_policy(make_scanned_pdf(), "scan.pdf")
    assert "scanned" in str(error.value) and "scan.pdf" in str(error.value)


def test_a_password_protected_pdf_is_refused() -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica")
    pdf.multi_cell(0, 7, RULE)
    with pytest.raises(PolicyImportError, match="protected by a password"):
        import_policy(bytes(pdf.output()), "locked.pdf")


def test_a_zip_that_is_not_word_is_refused() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", RULE)
    with pytest.raises(PolicyImportError, match=r"no word/document\.xml"):
        import_policy(buffer.getvalue(), "policy.docx")


def test_a_missing_file_is_named(tmp_path: object) -> None:
    with pytest.raises(PolicyImportError, match=r"cannot read .*nowhere\.txt"):
        import_policy("/nonexistent/nowhere.txt")


@pytest.mark.parametrize("name", ["policy.docx", "policy.pdf", "policy.html", "policy.txt"])
def test_damaged_files_fail_only_with_a_clear_import_error(name: str) -> None:
    """Cut short or with bytes changed: either it still imports or PolicyImportError says why."""
    original = {
        "policy.docx": make_docx(
            [Para(RULE), Para("Staff should not post in lessons.", num=(1, 0))]
        ),
        "policy.pdf": make_pdf([RULE, "Staff should not post during lessons."], "Footer"),
        "policy.html": f"<html><body><ul><li>{RULE}</li></ul></body></html>".encode(),
        "policy.txt": f"Rules\n\n• {RULE}\n".encode(),
    }[name]
    rng = random.Random(name)
    for attempt in range(60):
        damaged = bytearray(original)
        if attempt % 2:
            damaged = damaged[: rng.randrange(1, len(damaged))]
        else:
            for _ in range(rng.randrange(1, 12)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            import_policy(bytes(damaged), name)
        except PolicyImportError as error:
            assert name in str(error)


def test_docx_bullets_typed_into_the_text_become_items_without_their_marker() -> None:
    data = make_docx(
        [
            Para("Parents and carers must follow these rules:"),
            Para("- Do not post photographs of other people's children."),
            Para("• Do not share information the school has given in confidence."),
        ]
    )
    items = [b for b in read_document(data, "rules.docx").blocks if b.kind is BlockKind.ITEM]
    assert [b.text for b in items] == [
        "Do not post photographs of other people's children.",
        "Do not share information the school has given in confidence.",
    ]
