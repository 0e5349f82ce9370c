"""Importing the social media policy from a document: who may, each format, review, accept."""

from __future__ import annotations

import re
import time
from urllib.parse import urlencode

import pytest
import yaml
from accounts.models import AuditEvent
from django.contrib.auth.models import User
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from policies.importing import MAX_REVIEW_FIELDS
from policies.models import Policy

from .helpers import Member
from .import_documents import (
    DOCUMENTS,
    FRIENDS,
    MINDFUL,
    PHOTO,
    TITLE,
    clause_prefix,
    html_document,
    review_form,
    text_document,
)

URL = "/policies/social-media/import/"
ACCEPT = "/policies/social-media/import/accept/"


def upload(member: Client, name: str, content: bytes) -> str:
    response = member.post(URL, {"document": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    return response.content.decode()


def accept(client: Client, form: dict[str, list[str]]) -> HttpResponse:
    """Post the review form as a browser does (URL-encoded, not multipart)."""
    body = urlencode(form, doseq=True)
    return client.post(ACCEPT, body, content_type="application/x-www-form-urlencoded")


def current_number() -> int:
    policy = Policy.objects.get(slug="social-media")
    assert policy.current_version is not None
    return policy.current_version.number


@pytest.mark.parametrize(
    "who,status",
    [
        ("head", 200),
        ("dsl", 403),
        ("governor", 403),
        ("teacher", 403),
        ("parent", 403),
        ("pupil", 403),
    ],
)
def test_it_lets_only_those_who_manage_policies_import(
    cast: dict[str, Member], who: str, status: int
) -> None:
    member = cast[who]
    assert member.get(URL).status_code == status
    upload_response = member.post(URL, {"document": SimpleUploadedFile("p.txt", text_document())})
    assert upload_response.status_code == status
    assert member.post(ACCEPT, {"proposal": "x"}).status_code == (400 if status == 200 else 403)
    assert current_number() == 1


def test_it_needs_sign_in(anonymous: Client) -> None:
    assert anonymous.get(URL).status_code == 302
    assert anonymous.post(ACCEPT, {"proposal": "x"}).status_code == 302


def test_it_links_from_the_social_media_policy_only(head: Member, governor: Member) -> None:
    assert URL in head.get("/policies/social-media/").content.decode()
    assert "/import/" not in head.get("/policies/complaints/").content.decode()
    assert URL not in governor.get("/policies/social-media/").content.decode()
    assert head.get("/policies/complaints/import/").status_code == 404


def test_it_accepts_only_a_post_to_accept(head: Member) -> None:
    assert head.get(ACCEPT).status_code == 405


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_it_reads_each_format_into_one_review_screen(head: Member, name: str) -> None:
    html = upload(head, name, DOCUMENTS[name]())
    form = review_form(html)
    assert form["title"] == ["Social Media Policy"]
    assert form["school"] == [TITLE]
    assert form["accepted"] == ["Spring 2025"]
    assert form["review"] == ["Spring 2028"]
    photo = clause_prefix(form, PHOTO)
    assert form[f"{photo}-kind"] == ["photo-consent"]
    assert form[f"{photo}-strength"] == ["must-not"]
    assert form[f"{photo}-roles"] == ["staff", "parent"]
    friends = clause_prefix(form, FRIENDS)
    assert form[f"{friends}-kind"] == ["friend-request"]
    assert form[f"{friends}-roles"] == ["staff"]
    assert len(form["proposal"][0]) > 100
    assert current_number() == 1


def test_it_shows_the_least_certain_clauses_first_and_marks_them(head: Member) -> None:
    html = upload(head, "policy.txt", text_document())
    legends = re.findall(r"<legend>Clause (c-\d+)( <span class=\"badge review\">Check this)?", html)
    assert [marked for _id, marked in legends][:1] == [' <span class="badge review">Check this']
    assert legends[-1][1] == ""
    assert html.index(MINDFUL) < html.index(PHOTO) < html.index(FRIENDS)
    assert "could not be mapped to a rule kind" in html


def test_it_lists_what_a_web_page_left_out(head: Member) -> None:
    html = upload(head, "policy.html", html_document())
    assert "Left out as page furniture" in html
    left_out = html[html.index('<ul class="left-out">') :]
    assert "Website by Example Studio" in left_out[: left_out.index("</ul>")]


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("policy.doc", b"\xd0\xcf\x11\xe0 old word", "is not a file we can read"),
        ("policy.docx", b"PK\x03\x04 not really a zip", "policy.docx"),
        ("policy.txt", b"", "The submitted file is empty."),
        ("policy.txt", b"Our school loves the summer fair.\n", "found no rules"),
        ("policy.pdf", b"%PDF-1.4 broken", "policy.pdf"),
    ],
)
def test_it_explains_a_file_it_cannot_read(
    head: Member, name: str, content: bytes, message: str
) -> None:
    response = head.post(URL, {"document": SimpleUploadedFile(name, content)})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert message in html.replace("&#x27;", "'").replace("&quot;", '"')
    assert 'aria-invalid="true"' in html
    assert current_number() == 1


def test_it_refuses_a_file_over_the_size_limit(head: Member) -> None:
    big = text_document() + b"\n" + b"x" * (5 * 1024 * 1024)
    html = head.post(URL, {"document": SimpleUploadedFile("policy.txt", big)}).content.decode()
    assert "the largest we accept is 5.0\xa0MB" in html


def test_it_saves_the_corrected_policy_as_a_new_version(head: Member) -> None:
    form = review_form(upload(head, "policy.txt", text_document()))
    mindful, photo = clause_prefix(form, MINDFUL), clause_prefix(form, PHOTO)
    form[f"{mindful}-kind"] = ["detrimental-conduct"]
    form[f"{mindful}-strength"] = ["should"]
    form[f"{photo}-drop"] = ["on"]
    form[f"{photo}-text"] = [""]  # a dropped clause is not checked
    form["review"] = ["1st September 2028"]
    form["note"] = ["From the governors' document"]
    response = accept(head, form)
    assert response.status_code == 302
    policy = Policy.objects.get(slug="social-media")
    assert policy.current_version is not None and policy.current_version.number == 2
    assert policy.current_version.note == "From the governors' document"
    assert policy.review_due is not None and policy.review_due.isoformat() == "2028-09-01"
    data = yaml.safe_load(policy.current_version.body)
    by_text = {clause["text"]: clause for clause in data["clauses"]}
    assert PHOTO not in by_text
    assert by_text[MINDFUL]["kind"] == "detrimental-conduct"
    assert by_text[MINDFUL]["strength"] == "should"
    assert by_text[FRIENDS]["kind"] == "friend-request"
    assert data["school"] == TITLE
    assert [link["label"] for link in data["footer_links"]] == ["School website", "Uniform shop"]
    assert data["thresholds"] == {"abuse": 0.6, "cyberbullying": 0.85}
    event = AuditEvent.objects.filter(event_type="policy.version_added").latest("id")
    assert event.new_value == {"version": 2} and event.actor == head.user
    assert "Imported as version 2" in head.get(response["Location"]).content.decode()


def test_it_refuses_a_tampered_proposal(head: Member) -> None:
    form = review_form(upload(head, "policy.txt", text_document()))
    payload = signing.loads(form["proposal"][0], salt="policies.import.proposal")
    payload["data"]["clauses"][0]["kind"] = "abuse"
    signed = form["proposal"][0]
    value, signature = signed.rsplit(":", 1)
    forged = signing.dumps(payload, salt="policies.import.proposal", compress=True)
    for proposal in [forged.rsplit(":", 1)[0] + ":" + signature, value + ":" + "A" * 27, ""]:
        response = accept(head, {**form, "proposal": [proposal]})
        assert response.status_code == 400
        assert "upload the document again" in response.content.decode()
    assert current_number() == 1


def test_it_refuses_a_proposal_signed_with_another_key(head: Member) -> None:
    form = review_form(upload(head, "policy.txt", text_document()))
    payload = signing.loads(form["proposal"][0], salt="policies.import.proposal")
    forged = signing.dumps(payload, key="not-the-site-key", salt="policies.import.proposal")
    response = accept(head, {**form, "proposal": [forged]})
    assert response.status_code == 400
    assert current_number() == 1


class DayOldSigner(signing.TimestampSigner):
    """Signs as the site does, but dated two days ago."""

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - 2 * 24 * 60 * 60)


def test_it_refuses_a_review_more_than_a_day_old(head: Member) -> None:
    form = review_form(upload(head, "policy.txt", text_document()))
    payload = signing.loads(form["proposal"][0], salt="policies.import.proposal")
    old = DayOldSigner(salt="policies.import.proposal").sign_object(payload, compress=True)
    response = accept(head, {**form, "proposal": [old]})
    assert response.status_code == 400
    assert "more than a day old" in response.content.decode()
    assert current_number() == 1


def test_it_refuses_a_document_with_too_many_clauses(head: Member) -> None:
    lines = [f"- Do not share the password for system number {n} with anyone." for n in range(401)]
    document = "\n".join(["Social Media Policy", "Staff must follow these rules:", *lines])
    html = head.post(URL, {"document": SimpleUploadedFile("long.txt", document.encode())})
    assert "The document has 401 clauses; at most 400" in html.content.decode()


def test_it_names_the_clause_in_each_error(head: Member) -> None:
    form = review_form(upload(head, "policy.txt", text_document()))
    friends = clause_prefix(form, FRIENDS)
    form[f"{friends}-text"] = [""]
    del form[f"{friends}-roles"]
    html = accept(head, form).content.decode()
    clause_id = _clause_id(html, friends)
    assert f'<a href="#id_{friends}-text">Clause {clause_id}, text: This field is required.' in html
    assert f'<a href="#id_{friends}-roles_0">Clause {clause_id}, who it binds: Choose' in html
    assert f'aria-describedby="id_{friends}-text_error"' in html
    assert current_number() == 1


def test_it_shows_the_policy_checks_on_the_form(head: Member) -> None:
    """A date the policy model cannot read is caught by parse_policy and put on its field."""
    form = review_form(upload(head, "policy.txt", text_document()))
    form["review"] = ["Sprung 2028"]
    html = accept(head, form).content.decode()
    assert '<a href="#id_review">Review due: cannot read &#x27;Sprung 2028&#x27;' in html
    assert 'id="id_review_error"' in html
    assert current_number() == 1


def _clause_id(html: str, prefix: str) -> str:
    fieldsets = re.findall(r'id="clause-(c-[\d.-]+)".*?name="(c\d+)-text"', html, re.S)
    return next(clause for clause, name in fieldsets if name == prefix)


def test_it_keeps_at_least_one_clause(head: Member) -> None:
    form = review_form(upload(head, "policy.txt", text_document()))
    for name in [k for k in form if k.endswith("-text")]:
        form[name.replace("-text", "-drop")] = ["on"]
    html = accept(head, form).content.decode()
    assert "Keep at least one clause" in html
    assert current_number() == 1


def test_it_takes_a_long_policy_past_the_usual_field_limit(demo: None) -> None:
    """With CSRF enforced, as in a browser: the middleware must not refuse the long form."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="head"))
    lines = [f"- Do not share the password for system number {n} with anyone." for n in range(260)]
    document = "\n".join(["Social Media Policy", TITLE, "Staff must follow these rules:", *lines])
    token = _csrf(client)
    response = client.post(
        URL,
        {
            "document": SimpleUploadedFile("long.txt", document.encode()),
            "csrfmiddlewaretoken": token,
        },
    )
    form = review_form(response.content.decode())
    assert 1000 < sum(len(v) for v in form.values()) < MAX_REVIEW_FIELDS
    assert accept(client, form).status_code == 302
    assert current_number() == 2
    del form["csrfmiddlewaretoken"]
    assert accept(client, form).status_code == 403
    assert current_number() == 2


def _csrf(client: Client) -> str:
    html = client.get(URL).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match
    return match.group(1)
