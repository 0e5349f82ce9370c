"""Who a user is at the school (a `Membership` with a role) and the audit trail of writes.

Views ask a membership what it may do (`can_manage_policies`), never which role it has, so
the mapping from roles to capabilities lives here and nowhere else.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HEAD = "head", _("Head teacher")
    DSL = "dsl", _("Designated safeguarding lead")
    STAFF = "staff", _("Staff")
    GOVERNOR = "governor", _("Governor")
    PARENT = "parent", _("Parent or carer")
    PUPIL = "pupil", _("Pupil")


class Group(models.TextChoices):
    """The groups that are asked to read policies, and whose progress the register shows."""

    STAFF = "staff", _("Staff")
    GOVERNORS = "governors", _("Governors")
    PARENTS = "parents", _("Parents and carers")


LEADERS = frozenset({Role.HEAD, Role.DSL})
STAFF_ROLES = frozenset({Role.HEAD, Role.DSL, Role.STAFF})

GROUP_ROLES = {
    Group.STAFF: STAFF_ROLES,
    Group.GOVERNORS: frozenset({Role.GOVERNOR}),
    Group.PARENTS: frozenset({Role.PARENT}),
}

# The engine's author role for each membership role (the policy binds pupils, staff, ...).
ENGINE_ROLE = {
    Role.HEAD: "staff",
    Role.DSL: "staff",
    Role.STAFF: "staff",
    Role.GOVERNOR: "governor",
    Role.PARENT: "parent",
    Role.PUPIL: "pupil",
}


class Membership(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    person = models.ForeignKey(
        "school.Person",
        verbose_name=_("person on the roster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_enabled = models.BooleanField(_("two-factor sign-in"), default=False)

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()})"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def engine_role(self) -> str:
        return ENGINE_ROLE[self.role_enum]

    @property
    def group(self) -> Group | None:
        if self.role_enum in STAFF_ROLES:
            return Group.STAFF
        return {Role.GOVERNOR: Group.GOVERNORS, Role.PARENT: Group.PARENTS}.get(self.role_enum)

    @property
    def can_check_posts(self) -> bool:
        return True

    @property
    def can_manage_policies(self) -> bool:
        return self.role_enum is Role.HEAD

    @property
    def can_view_register(self) -> bool:
        return self.role_enum in LEADERS or self.role_enum is Role.GOVERNOR

    @property
    def can_acknowledge_policies(self) -> bool:
        return self.group is not None

    @property
    def can_view_roster(self) -> bool:
        return self.role_enum in STAFF_ROLES

    @property
    def can_edit_roster(self) -> bool:
        return self.role_enum in LEADERS

    @property
    def can_publish_announcements(self) -> bool:
        return self.role_enum in STAFF_ROLES

    @property
    def can_see_dashboard(self) -> bool:
        return self.role_enum in LEADERS or self.role_enum is Role.GOVERNOR

    @property
    def can_use_api(self) -> bool:
        return self.role_enum in STAFF_ROLES

    @property
    def can_see_all_cases(self) -> bool:
        return self.role_enum in LEADERS

    @property
    def can_work_cases(self) -> bool:
        return self.role_enum in STAFF_ROLES

    @property
    def can_see_case_counts(self) -> bool:
        return self.role_enum in LEADERS or self.role_enum is Role.GOVERNOR

    @property
    def can_report_as_staff(self) -> bool:
        return self.role_enum in STAFF_ROLES

    @property
    def can_manage_accounts(self) -> bool:
        """Create accounts and set roles: the head alone, as roles decide what people see."""
        return self.role_enum is Role.HEAD

    @property
    def can_use_two_factor(self) -> bool:
        """Anyone who can open cases can (and should) protect the account with TOTP."""
        return self.can_work_cases


class AuditEvent(models.Model):
    """One audited write: who did what to which object, with the values before and after."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    event_type = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(max_length=200, blank=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.event_type} {self.object_type}:{self.object_id}"

    @property
    def values(self) -> dict[str, Any]:
        return {"old": self.old_value, "new": self.new_value}


class ApiToken(models.Model):
    """A token for scripts calling /api/v1/; only its SHA-256 is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
