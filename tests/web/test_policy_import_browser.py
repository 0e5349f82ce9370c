"""Importing the policy in a real browser: upload, correct a clause, accept; axe on each step."""

from __future__ import annotations

from typing import Any

from policies.models import Policy

from .helpers import sign_in
from .import_documents import FRIENDS, MINDFUL, PHOTO, docx_document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _clause(page: Any, text: str) -> Any:
    """The fieldset of the clause whose text box holds `text`."""
    return page.locator("fieldset.clause").filter(has=page.get_by_text(text, exact=True))


def test_it_imports_a_word_document_in_the_browser(page: Any, browser_demo: None, axe: Any) -> None:
    sign_in(page, "head")
    page.goto("/policies/social-media/")
    page.get_by_role("link", name="Import from a document").click()
    axe(page)

    page.get_by_label("The policy document").set_input_files(
        files=[{"name": "notes.odt", "mimeType": "text/plain", "buffer": b"old format"}]
    )
    page.get_by_role("button", name="Read the document").click()
    assert "is not a file we can read" in page.locator(".error-summary").inner_text()
    axe(page)

    page.get_by_label("The policy document").set_input_files(
        files=[{"name": "social-media.docx", "mimeType": DOCX, "buffer": docx_document()}]
    )
    page.get_by_role("button", name="Read the document").click()
    page.get_by_role("heading", name="Check the imported policy").wait_for()
    first = page.locator("fieldset.clause").first
    assert "Check this" in first.locator("legend").first.inner_text()
    assert first.get_by_label("Text").input_value() == MINDFUL
    axe(page)

    # A clause left without text is refused with a summary that links to the box.
    friends = _clause(page, FRIENDS)
    friends.get_by_label("Text").fill("")
    page.get_by_role("button", name="Accept as a new version").click()
    summary = page.locator(".error-summary")
    summary.get_by_role("link", name="text: This field is required").click()
    assert page.evaluate("document.activeElement.name").endswith("-text")
    axe(page)

    page.locator("fieldset.clause").filter(has=page.locator("textarea:focus")).get_by_label(
        "Text"
    ).fill(FRIENDS)
    _clause(page, MINDFUL).get_by_label("Kind of rule").select_option("detrimental-conduct")
    _clause(page, PHOTO).get_by_label("Leave this clause out").check()
    page.get_by_role("button", name="Accept as a new version").click()
    assert "Imported as version 2" in page.locator(".messages").inner_text()
    axe(page)

    policy = Policy.objects.get(slug="social-media")
    assert policy.current_version is not None
    engine_policy = policy.current_version.to_engine_policy()
    kinds = {clause.text: clause.kind.value for clause in engine_policy.clauses}
    assert kinds[MINDFUL] == "detrimental-conduct"
    assert kinds[FRIENDS] == "friend-request"
    assert PHOTO not in kinds
