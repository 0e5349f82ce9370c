"""Audited writes to the policy register: new policies, new versions, acknowledgements."""

from __future__ import annotations

import datetime as dt

import yaml
from accounts.actions import Actor, record_event
from django.contrib.auth.models import User
from django.db import transaction

from netiquette.policy import PolicyError, parse_policy
from policies.models import Acknowledgement, Format, Policy, PolicyVersion, Status


def validate_body(format: str, body: str) -> tuple[dt.date | None, dt.date | None, str]:
    """Check a version's text; for the YAML policy return its accepted and review dates, owner.

    Raises PolicyError (naming each place) so a bad policy is never stored.
    """
    if format != Format.NETIQUETTE:
        if not body.strip():
            raise PolicyError(["the text is empty"])
        return None, None, ""
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as error:
        raise PolicyError([f"not valid YAML: {error}"]) from error
    policy = parse_policy(data)
    gov = policy.governance
    return (
        gov.accepted.date if gov.accepted else None,
        gov.review.date if gov.review else None,
        gov.owner,
    )


@transaction.atomic
def do_create_policy(
    *,
    slug: str,
    title: str,
    format: Format,
    body: str,
    actor: Actor,
    owner: str = "",
    audience: list[str] | None = None,
    accepted_on: dt.date | None = None,
    review_due: dt.date | None = None,
) -> Policy:
    accepted, review, yaml_owner = validate_body(format, body)
    policy = Policy.objects.create(
        slug=slug,
        title=title,
        format=format,
        owner=owner or yaml_owner,
        audience=audience or [],
        accepted_on=accepted or accepted_on,
        review_due=review or review_due,
        status=Status.ACTIVE,
    )
    record_event(actor, "policy.created", policy, new={"slug": slug, "title": title})
    do_add_version(policy, body, "First version", actor)
    return policy


@transaction.atomic
def do_add_version(policy: Policy, body: str, note: str, actor: Actor) -> PolicyVersion:
    """Editing never overwrites: each change is a new numbered version that becomes current."""
    accepted, review, _owner = validate_body(policy.format, body)
    last = policy.versions.order_by("-number").first()
    version = PolicyVersion.objects.create(
        policy=policy,
        number=(last.number + 1) if last else 1,
        body=body,
        note=note,
        created_by=actor if isinstance(actor, User) else None,
    )
    old = {"version": last.number if last else None}
    policy.current_version = version
    fields = ["current_version"]
    if policy.format == Format.NETIQUETTE:
        policy.accepted_on, policy.review_due = accepted, review
        fields += ["accepted_on", "review_due"]
    policy.save(update_fields=fields)
    record_event(actor, "policy.version_added", policy, old=old, new={"version": version.number})
    return version


@transaction.atomic
def do_update_policy(policy: Policy, changes: dict[str, object], actor: Actor) -> None:
    old = {k: _plain(getattr(policy, k)) for k in changes}
    for field, value in changes.items():
        setattr(policy, field, value)
    policy.save(update_fields=list(changes))
    new = {k: _plain(getattr(policy, k)) for k in changes}
    record_event(actor, "policy.updated", policy, old=old, new=new)


@transaction.atomic
def do_acknowledge(version: PolicyVersion, user: User) -> Acknowledgement:
    ack, created = Acknowledgement.objects.get_or_create(version=version, user=user)
    if created:
        record_event(user, "policy.acknowledged", version, new={"version": version.number})
    return ack


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
