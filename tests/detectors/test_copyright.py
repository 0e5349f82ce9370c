"""Copyright: rights recorded on attachments, and marks of third-party material."""

from __future__ import annotations

from typing import Any

import pytest

from netiquette.detectors.copyright import CopyrightDetector
from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy, parse_policy, policy_to_data
from netiquette.school import School


@pytest.fixture(scope="module")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    """The demo policy with copyright made a must-not, so the detector's own cap shows."""
    data = policy_to_data(demo_policy)
    for clause in data["clauses"]:
        if clause["kind"] == "copyright":
            clause["strength"] = "must-not"
    return Engine(parse_policy(data), demo_school, [CopyrightDetector()])


def check(
    engine: Engine, text: str, attachments: list[dict[str, Any]] | None = None, **fields: Any
) -> tuple[Severity, list[str]]:
    item = {"id": "t", "text": text, "author_role": "staff", "channel": "school", **fields}
    result = engine.check(parse_item({**item, "attachments": attachments or []}))
    assert all(f.kind is RuleKind.COPYRIGHT for f in result.findings)
    return result.verdict, [f.evidence for f in result.findings]


def attached(
    kind: str, rights: str | None, name: str = "", people: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    return [{"type": kind, "name": name, "rights": rights, "people": list(people)}]


R, B, OK = Severity.REVIEW, Severity.BLOCK, Severity.OK


@pytest.mark.parametrize(
    ("text", "attachments", "verdict"),
    [
        # Restrictive rights recorded.
        (
            "Sharing for my teacher friends",
            attached("document", "Brightstar Phonics: subscriber use only", "pack.pdf"),
            R,
        ),
        (
            "Worksheet pack",
            attached("document", "Licensed to Oakridge Academy, not for redistribution"),
            R,
        ),
        ("Leavers' video!", attached("video", "soundtrack: chart single, no licence recorded"), R),
        ("Newsletter header", attached("image", "stock photo, agency watermark visible"), R),
        (
            "Panto night",
            attached("video", "© Curtain Call Scripts; licence does not cover recording"),
            R,
        ),
        (
            "Photocopied the first three chapters",
            attached("document", "Published by Harbour Books"),
            R,
        ),
        # A rights-reserved work shared whole.
        (
            "Scanned all 64 pages of the revision guide!",
            attached("document", "© Larkspur Ltd. All rights reserved."),
            B,
        ),
        (
            "Whole Maths Mastery Y4 textbook here, saves buying it",
            attached("document", "© Mathsworks Ltd. All rights reserved."),
            B,
        ),
        # Nothing recorded: a picture or document may come from anywhere.
        ("This cartoon sums up Monday", attached("image", None, "cartoon.jpg"), R),
        ("Lovely quote for Monday", attached("image", None, "quote.png"), R),
        ("Found this on Pinterest, love it", attached("photo", None), R),
        ("Lovely pic for the newsletter", attached("photo", None, "getty-123.jpg"), R),
        # The author's or the school's own.
        ("Our art display", attached("photo", None), OK),
        ("Sports day!", attached("photo", None, people=("Olivia Marchbank",)), OK),
        ("Sports day letter attached", attached("document", None, "sports-day-letter.pdf"), OK),
        ("Worksheet attached", attached("document", "CC BY 4.0", "maths.pdf"), OK),
        ("Well done Evie!", attached("photo", "taken by school staff"), OK),
        ("Selfie time", attached("photo", "own photo"), OK),
        ("Old map of the village", attached("image", "public domain"), OK),
        ("Our class poem, written and illustrated by Year 3", attached("image", None, "p.jpg"), OK),
        # "made by" someone outside the school is not the school's own work.
        ("Handy fractions sheet made by Twinkl", attached("document", None, "sheet.pdf"), R),
    ],
)
def test_attachments_by_their_recorded_rights(
    engine: Engine, text: str, attachments: list[dict[str, Any]], verdict: Severity
) -> None:
    assert check(engine, text, attachments)[0] is verdict


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Photo: Shutterstock. Happy Easter from Willowbank!", ["Shutterstock"]),
        ("Image (c) 2024 Daily Bugle", ["(c) 2024"]),
        ("Great diagram! © Crestline Maths, all rights reserved", ["©"]),
        ("Credit: Getty Images", ["Getty Images"]),
        ("© Willowbank Primary School 2026", []),
        ("© 2027 Willowbank Primary School newsletter", []),
        ("Poem © Ada Lark, shared with the author's permission", []),
        ("Diagram © Crestline Maths, made by our own maths lead? No!", ["©"]),
        ("Reading (c) and (d) are on the sheet", []),
        ("Our stock take of the library is done", []),
    ],
)
def test_marks_of_third_party_material_in_the_text(
    engine: Engine, text: str, evidence: list[str]
) -> None:
    verdict, found = check(engine, text)
    assert found == evidence
    assert verdict is (Severity.REVIEW if evidence else Severity.OK)


def test_each_attachment_is_judged_on_its_own(engine: Engine) -> None:
    attachments = [
        {"type": "image", "name": "a.jpg", "rights": None},
        {"type": "image", "name": "b.jpg", "rights": "own work"},
        {"type": "document", "name": "c.pdf", "rights": "subscriber use only"},
    ]
    verdict, evidence = check(engine, "Two pictures and a sheet", attachments)
    assert verdict is Severity.REVIEW
    assert sorted(evidence) == ["a.jpg", "c.pdf"]


def test_a_copyright_notice_and_plain_copying_block(engine: Engine) -> None:
    """A © notice reserves rights too; photographing every page to save buying the book is
    plain copying, while a "full film" of a performance is for a person to judge."""
    rights = "photographed from a published workbook; © Crestline Languages"
    text = "I've photographed every single page of the workbook, saves buying it!"
    assert check(engine, text, attached("document", rights))[0] is B
    film = attached("video", "songs © Panto Scripts; licence does not cover recording")
    assert check(engine, "Full film of the panto for anyone who missed it!", film)[0] is R
