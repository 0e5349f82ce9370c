"""Capabilities: what each role may do, and the decorator that enforces them."""

from __future__ import annotations

import pytest
from accounts.decorators import capability_required
from accounts.models import Membership, Role

TABLE = {
    # capability: roles that have it
    "can_manage_policies": {"head"},
    "can_manage_accounts": {"head"},
    "can_view_register": {"head", "dsl", "governor"},
    "can_edit_roster": {"head", "dsl"},
    "can_view_roster": {"head", "dsl", "staff"},
    "can_publish_announcements": {"head", "dsl", "staff"},
    "can_see_all_cases": {"head", "dsl"},
    "can_work_cases": {"head", "dsl", "staff"},
    "can_see_case_counts": {"head", "dsl", "governor"},
    "can_report_as_staff": {"head", "dsl", "staff"},
    "can_use_two_factor": {"head", "dsl", "staff"},
    "can_acknowledge_policies": {"head", "dsl", "staff", "governor", "parent"},
    "can_see_dashboard": {"head", "dsl", "governor"},
    "can_use_api": {"head", "dsl", "staff"},
}


@pytest.mark.parametrize("capability,roles", TABLE.items())
def test_each_role_has_exactly_its_capabilities(capability: str, roles: set[str]) -> None:
    having = {r.value for r in Role if getattr(Membership(role=r), capability)}
    assert having == roles


def test_it_refuses_an_unknown_capability() -> None:
    with pytest.raises(AttributeError, match="can_fly"):
        capability_required("can_fly")
