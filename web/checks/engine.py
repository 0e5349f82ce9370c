"""The engine the web app checks with, built from the database and cached until it changes.

Building an engine (parsing the policy, indexing the roster, loading detectors) costs far
more than a check, so one is kept per process and rebuilt only when the current policy
version or the school's revision moves on.
"""

from __future__ import annotations

import threading

from policies.models import Format, Policy, PolicyVersion, Status
from school.models import School

from netiquette.engine import Engine
from netiquette.policy import Policy as EnginePolicy


class NoPolicy(Exception):
    """There is no social media policy in force to check against."""


_lock = threading.Lock()
_cache: dict[tuple[int, int], Engine] = {}


def social_media_policy() -> Policy | None:
    return (
        Policy.objects.filter(format=Format.NETIQUETTE, status=Status.ACTIVE)
        .exclude(current_version=None)
        .select_related("current_version")
        .order_by("pk")
        .first()
    )


def current_version() -> PolicyVersion:
    policy = social_media_policy()
    if policy is None or policy.current_version is None:
        raise NoPolicy
    return policy.current_version


def current_engine_policy() -> EnginePolicy:
    return current_version().to_engine_policy()


def get_engine() -> Engine:
    version = current_version()
    school = School.load()
    key = (version.pk, school.revision)
    with _lock:
        engine = _cache.get(key)
        if engine is None:
            engine = Engine(version.to_engine_policy(), school.to_engine_school())
            _cache.clear()
            _cache[key] = engine
        return engine


def clear_cache() -> None:
    """Forget cached engines (tests call this between database rollbacks)."""
    with _lock:
        _cache.clear()
