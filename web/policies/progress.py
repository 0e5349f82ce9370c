"""Who has read a policy: progress per group and the names still to read."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import GROUP_ROLES, Group
from django.contrib.auth.models import User

from policies.models import Acknowledgement, Policy


@dataclass(frozen=True)
class GroupProgress:
    group: Group
    read: int
    total: int
    still_to_read: list[User]

    @property
    def percent(self) -> int:
        return round(100 * self.read / self.total) if self.total else 100


def progress(policy: Policy) -> list[GroupProgress]:
    version = policy.current_version
    read_ids = (
        set(Acknowledgement.objects.filter(version=version).values_list("user_id", flat=True))
        if version
        else set()
    )
    out = []
    for value in policy.audience:
        group = Group(value)
        roles = [r.value for r in GROUP_ROLES[group]]
        members = list(
            User.objects.filter(membership__role__in=roles, is_active=True).order_by(
                "last_name", "first_name", "username"
            )
        )
        unread = [u for u in members if u.pk not in read_ids]
        out.append(GroupProgress(group, len(members) - len(unread), len(members), unread))
    return out


def to_read(user: User, group: Group | None) -> list[Policy]:
    """Policies in force asking this user's group to read them, whose current version is unread."""
    if group is None:
        return []
    policies = Policy.objects.filter(status="active").exclude(current_version=None)
    read = set(Acknowledgement.objects.filter(user=user).values_list("version_id", flat=True))
    return [p for p in policies if group.value in p.audience and p.current_version_id not in read]
