"""The engine the web app checks with, built from the database and cached until it changes.

Building an engine (parsing the policy, indexing the roster, loading detectors) costs far
more than a check, so one is kept per process and rebuilt only when the current policy
version or the school's revision moves on.
"""

from __future__ import annotations

import threading

from django.db.models import QuerySet, Subquery
from django.urls import get_resolver
from netiquette_site.prepared import PreparedQuery
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


def _key_query(_unused: str) -> QuerySet[School, tuple[int, int | None]]:
    version = (
        Policy.objects.filter(format=Format.NETIQUETTE, status=Status.ACTIVE)
        .exclude(current_version=None)
        .order_by("pk")
        .values("current_version_id")[:1]
    )
    return School.objects.filter(pk=1).values_list("revision", Subquery(version))


# Every check asks for the key, so it is one small query, compiled once (see `prepared`).
_KEY = PreparedQuery(_key_query)


def _engine_key() -> tuple[int, int] | None:
    """The current policy version's id and the school's revision; None without a policy."""
    row = _KEY.first()
    if row is None:  # a fresh database: the school row is made on first use
        row = (School.load().revision, current_version().pk)
    revision, version_id = row
    return None if version_id is None else (version_id, revision)


def get_engine() -> Engine:
    key = _engine_key()
    if key is None:
        raise NoPolicy
    with _lock:  # one build at a time: threads arriving meanwhile wait and share it
        engine = _cache.get(key)
        if engine is None:
            version = PolicyVersion.objects.select_related("policy").get(pk=key[0])
            engine = Engine(version.to_engine_policy(), School.load().to_engine_school())
            _cache.clear()
            _cache[key] = engine
        return engine


def warm() -> bool:
    """Build the engine and import the views now (at server start) so no request pays for
    them; False if there is no policy in force yet."""
    get_resolver().url_patterns  # noqa: B018 (imports every view now, not on a first request)
    try:
        get_engine().warm_up()
    except NoPolicy:
        return False
    return True


def clear_cache() -> None:
    """Forget cached engines (tests call this between database rollbacks)."""
    with _lock:
        _cache.clear()
