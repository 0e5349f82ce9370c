"""The demo: the bundled Willowbank school and policy, the related policies, one account a role.

Used by `manage.py demo` and by the tests, so what a visitor sees is what is tested.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accounts.actions import do_change_email, do_create_member
from accounts.models import Group, Role
from django.contrib.auth.models import User
from django.db import transaction
from policies.actions import do_create_policy
from policies.models import Format, Policy
from school.actions import do_load_school, do_update_school
from school.models import Person, School

from netiquette.policy import load_policy
from netiquette.resources import DEMO_POLICY, DEMO_SCHOOL, bundled
from netiquette.school import load_school

DEMO_PASSWORD = "willowbank-demo-2026"
ALL_GROUPS = [Group.STAFF.value, Group.GOVERNORS.value, Group.PARENTS.value]


# Invented addresses on a reserved domain (RFC 2606), so demo mail can never reach anyone.
DEMO_DOMAIN = "willowbank-primary.example"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    person: str
    has_email: bool = True

    @property
    def email(self) -> str:
        """The adults have an address (the safeguarding lead's is where alerts go)."""
        return f"{self.username}@{DEMO_DOMAIN}" if self.has_email else ""


ACCOUNTS = (
    DemoAccount("head", Role.HEAD, "Sarah Achterberg"),
    DemoAccount("dsl", Role.DSL, "Martin Olufemi"),
    DemoAccount("teacher", Role.STAFF, "Hannah Vickery"),
    DemoAccount("governor", Role.GOVERNOR, "Geoffrey Ambler"),
    DemoAccount("parent", Role.PARENT, "Claire Fenwick"),
    DemoAccount("pupil", Role.PUPIL, "Olivia Marchbank", has_email=False),
)


@dataclass(frozen=True)
class RelatedText:
    slug: str
    title: str
    owner: str
    audience: tuple[str, ...]
    accepted: dt.date
    review: dt.date
    text: str


RELATED = (
    RelatedText(
        "complaints",
        "Complaints Policy",
        "Head teacher",
        ("staff", "governors", "parents"),
        dt.date(2025, 9, 15),
        dt.date(2027, 9, 1),
        "If you are unhappy with something the school has done, tell us first, informally, "
        "by speaking to the class teacher or the office.\n\nIf that does not settle it, write "
        "to the head teacher, who will reply within ten school days.\n\nIf you are still "
        "unhappy, the chair of governors will arrange a panel of governors to hear it.",
    ),
    RelatedText(
        "whistleblowing",
        "Whistleblowing Policy",
        "Chair of governors",
        ("staff", "governors"),
        dt.date(2024, 11, 20),
        dt.date(2026, 11, 1),
        "Anyone who works at the school can raise a concern about wrongdoing without fear of "
        "being treated unfairly for it.\n\nRaise it with the head teacher, or with the chair "
        "of governors if it concerns the head teacher.\n\nConcerns are looked into promptly "
        "and in confidence.",
    ),
    RelatedText(
        "disciplinary",
        "Staff Disciplinary Policy",
        "Head teacher",
        ("staff",),
        dt.date(2025, 1, 20),
        dt.date(2027, 1, 1),
        "This policy explains how concerns about a member of staff's conduct are looked "
        "into fairly.\n\nStaff are told what the concern is, may bring a colleague or union "
        "representative to meetings, and may appeal any decision.",
    ),
    RelatedText(
        "code-of-conduct",
        "Staff Code of Conduct",
        "Head teacher",
        ("staff",),
        dt.date(2025, 9, 1),
        dt.date(2026, 9, 1),
        "Staff keep professional boundaries with pupils at all times, in school and online.\n\n"
        "Staff use school accounts for school business and keep personal accounts private.",
    ),
    RelatedText(
        "equality",
        "Equality Statement",
        "Chair of governors",
        ("staff", "governors"),
        dt.date(2023, 3, 1),
        dt.date(2025, 3, 1),
        "Willowbank welcomes everyone and treats everyone fairly.\n\nWe publish equality "
        "objectives and report on our progress towards them each year.",
    ),
    RelatedText(
        "safeguarding",
        "Safeguarding and Child Protection Policy",
        "Designated safeguarding lead",
        ("staff", "governors"),
        dt.date(2025, 9, 1),
        dt.date(2026, 9, 1),
        "Keeping children safe is everyone's responsibility.\n\nAny worry about a child's "
        "safety or welfare goes to the designated safeguarding lead the same day.\n\nIf a "
        "child is in immediate danger, call the police on 999.",
    ),
)


@transaction.atomic
def load_demo(actor: User | None = None) -> list[tuple[DemoAccount, str]]:
    """Load everything; returns the accounts created with their password (for printing)."""
    profile = load_school(bundled(DEMO_SCHOOL))
    do_load_school(profile, actor, replace=False)
    policy = load_policy(bundled(DEMO_POLICY))
    links = [{"label": link.label, "url": link.url} for link in policy.footer_links]
    do_update_school(School.load(), {"footer_links": links}, actor)
    _load_policies(actor)
    return _create_accounts(actor)


def _load_policies(actor: User | None) -> None:
    if not Policy.objects.filter(slug="social-media").exists():
        do_create_policy(
            slug="social-media",
            title=load_policy(bundled(DEMO_POLICY)).title,
            format=Format.NETIQUETTE,
            body=bundled(DEMO_POLICY).read_text(encoding="utf-8"),
            audience=ALL_GROUPS,
            actor=actor,
        )
    for related in RELATED:
        if Policy.objects.filter(slug=related.slug).exists():
            continue
        do_create_policy(
            slug=related.slug,
            title=related.title,
            format=Format.TEXT,
            body=related.text,
            owner=related.owner,
            audience=list(related.audience),
            accepted_on=related.accepted,
            review_due=related.review,
            actor=actor,
        )


def _create_accounts(actor: User | None) -> list[tuple[DemoAccount, str]]:
    created = []
    for account in ACCOUNTS:
        existing = User.objects.filter(username=account.username).first()
        if existing is not None:
            if account.email and not existing.email:  # a demo set up before addresses
                do_change_email(existing, account.email, actor)
            continue
        person = Person.objects.get(name=account.person)
        first, _space, last = account.person.partition(" ")
        do_create_member(
            account.username,
            DEMO_PASSWORD,
            account.role,
            person=person,
            first_name=first,
            last_name=last,
            email=account.email,
            actor=actor,
        )
        created.append((account, DEMO_PASSWORD))
    return created
