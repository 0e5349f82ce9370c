"""Shared fixtures: the bundled demo policy and school, and an engine over them."""

from __future__ import annotations

from pathlib import Path

import pytest

from netiquette.engine import Engine
from netiquette.policy import Policy, load_policy
from netiquette.resources import DEMO_POLICY, DEMO_SCHOOL, bundled
from netiquette.school import School, load_school

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def demo_policy() -> Policy:
    return load_policy(bundled(DEMO_POLICY))


@pytest.fixture(scope="session")
def demo_school() -> School:
    return load_school(bundled(DEMO_SCHOOL))


@pytest.fixture(scope="session")
def engine(demo_policy: Policy, demo_school: School) -> Engine:
    return Engine(demo_policy, demo_school)
