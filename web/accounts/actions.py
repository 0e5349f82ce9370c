"""Audited writes about people's accounts. Each `do_*` runs in a transaction with its audit row.

Other apps record their own writes through `record_event`, so every write that matters lands
in one trail: who acted, when, on what, and the values before and after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import models, transaction
from django.utils import timezone
from school.models import Person

from accounts.models import ApiToken, AuditEvent, Membership, Role

Actor = AbstractBaseUser | AnonymousUser | None


def record_event(
    actor: Actor,
    event_type: str,
    obj: models.Model | None,
    *,
    summary: str = "",
    old: Any = None,
    new: Any = None,
) -> AuditEvent:
    """Write one audit row; call inside the transaction of the write it describes."""
    user = actor if isinstance(actor, User) else None
    return AuditEvent.objects.create(
        actor=user,
        event_type=event_type,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:200],
        old_value=old,
        new_value=new,
    )


@transaction.atomic
def do_create_member(
    username: str,
    password: str,
    role: Role,
    *,
    person: Person | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    actor: Actor = None,
) -> User:
    user = User.objects.create_user(
        username, email=email, password=password, first_name=first_name, last_name=last_name
    )
    Membership.objects.create(user=user, role=role, person=person)
    record_event(actor, "member.created", user, new={"username": username, "role": role.value})
    return user


@transaction.atomic
def do_change_role(membership: Membership, role: Role, actor: Actor) -> None:
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    record_event(actor, "member.role_changed", membership, old={"role": old}, new={"role": role})


@transaction.atomic
def do_link_person(membership: Membership, person: Person | None, actor: Actor) -> None:
    """Tie the account to the roster entry it belongs to (or to none)."""
    old = membership.person.name if membership.person else None
    membership.person = person
    membership.save(update_fields=["person"])
    new = person.name if person else None
    record_event(
        actor, "member.person_linked", membership, old={"person": old}, new={"person": new}
    )


@transaction.atomic
def do_set_active(user: User, active: bool, actor: Actor) -> None:
    """Switch sign-in (and API tokens) off or back on; the account and its history stay."""
    old = user.is_active
    user.is_active = active
    user.save(update_fields=["is_active"])
    record_event(actor, "member.active_changed", user, old={"active": old}, new={"active": active})


@transaction.atomic
def do_change_email(user: User, email: str, actor: Actor) -> None:
    old = user.email
    user.email = email
    user.save(update_fields=["email"])
    record_event(actor, "member.email_changed", user, old={"email": old}, new={"email": email})


@transaction.atomic
def do_start_two_factor(membership: Membership, secret: str, actor: Actor) -> None:
    """Store a new, not yet confirmed secret; sign-in is unchanged until it is confirmed."""
    membership.totp_secret = secret
    membership.totp_enabled = False
    membership.save(update_fields=["totp_secret", "totp_enabled"])
    record_event(actor, "two_factor.started", membership)


@transaction.atomic
def do_enable_two_factor(membership: Membership, actor: Actor) -> None:
    membership.totp_enabled = True
    membership.save(update_fields=["totp_enabled"])
    record_event(actor, "two_factor.enabled", membership, old=False, new=True)


@transaction.atomic
def do_disable_two_factor(membership: Membership, actor: Actor) -> None:
    membership.totp_enabled = False
    membership.totp_secret = ""
    membership.save(update_fields=["totp_enabled", "totp_secret"])
    record_event(actor, "two_factor.disabled", membership, old=True, new=False)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def do_create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token; the raw value is returned once and never stored."""
    raw = "nq_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:8], key_hash=hash_token(raw))
    record_event(user, "api_token.created", token, new={"name": name, "prefix": token.prefix})
    return token, raw


@transaction.atomic
def do_revoke_api_token(token: ApiToken, actor: Actor) -> None:
    record_event(actor, "api_token.revoked", token, old={"name": token.name})
    token.delete()


def touch_api_token(token_id: int, last_used_at: dt.datetime | None) -> None:
    """Note when a token was last used, at most once a minute (not audited: it is a read)."""
    now = timezone.now()
    if last_used_at is None or (now - last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
