"""The policy file: validation with named places, governance dates, clause selection."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from netiquette.kinds import Channel, Role, RuleKind, Severity
from netiquette.policy import (
    Policy,
    PolicyError,
    ReviewStatus,
    dump_policy_yaml,
    load_policy,
    parse_policy,
)

MINIMAL = {
    "title": "Social media",
    "clauses": [
        {"id": "c1", "text": "Do not defame anyone.", "kind": "defamation", "strength": "must-not"}
    ],
}


def test_the_demo_policy_has_a_clause_for_every_kind(demo_policy: Policy) -> None:
    assert demo_policy.kinds() == set(RuleKind) - {RuleKind.CUSTOM}


def test_an_unknown_kind_is_named_with_its_place() -> None:
    base = MINIMAL["clauses"][0]
    clauses = [{**base, "id": f"c{n}"} for n in range(3)] + [{**base, "id": "x", "kind": "defame"}]
    data = {**MINIMAL, "clauses": clauses}
    with pytest.raises(PolicyError) as error:
        parse_policy(data)
    assert "clauses[3].kind: unknown kind 'defame'" in str(error.value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": None}, "title: is required"),
        ({"clauses": "none"}, "clauses: expected a list, got text"),
        ({"governance": {"review": "Winter 2024"}}, "governance.review: cannot read 'Winter 2024'"),
        ({"roles": ["pupil", "teacher"]}, "roles[1]: unknown role 'teacher'"),
        ({"thresholds": {"abuse": 3}}, "thresholds.abuse: expected a number from 0 to 1"),
        (
            {"procedure": {"escalations": [{"id": "c", "label": "C", "policy": "complaints"}]}},
            "procedure.escalations[0].policy: names 'complaints'",
        ),
    ],
)
def test_each_problem_names_its_place(change: dict[str, object], expected: str) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy({**MINIMAL, **change})
    assert expected in str(error.value)


def test_duplicate_clause_ids_are_refused() -> None:
    with pytest.raises(PolicyError, match=r"clauses\[1\].id: duplicate clause id 'c1'"):
        parse_policy({**MINIMAL, "clauses": MINIMAL["clauses"] * 2})


def test_terms_resolve_to_their_first_day_and_the_review_can_be_overdue() -> None:
    policy = parse_policy(
        {**MINIMAL, "governance": {"accepted": "Spring 2021", "review": "Summer 2024"}}
    )
    assert policy.governance.accepted is not None
    assert policy.governance.accepted.date == dt.date(2021, 1, 1)
    assert policy.governance.review is not None
    assert policy.governance.review.date == dt.date(2024, 4, 1)
    assert policy.review_status(dt.date(2024, 4, 2)) is ReviewStatus.OVERDUE
    assert policy.review_status(dt.date(2024, 3, 1)) is ReviewStatus.DUE_SOON
    assert policy.review_status(dt.date(2023, 1, 1)) is ReviewStatus.CURRENT


def test_written_dates_are_read() -> None:
    policy = parse_policy({**MINIMAL, "governance": {"accepted": "10th November 2021"}})
    assert policy.governance.accepted is not None
    assert policy.governance.accepted.date == dt.date(2021, 11, 10)


def test_a_clause_binds_only_its_roles_and_channels(demo_policy: Policy) -> None:
    work_time = RuleKind.PERSONAL_USE_WORK_TIME
    assert demo_policy.clause_for(work_time, Role.STAFF, Channel.SCHOOL_SYSTEM) is not None
    assert demo_policy.clause_for(work_time, Role.PARENT, Channel.SCHOOL_SYSTEM) is None
    assert demo_policy.clause_for(work_time, Role.STAFF, Channel.PERSONAL) is None


def test_a_topic_picks_the_narrower_clause(demo_policy: Policy) -> None:
    clause = demo_policy.clause_for(
        RuleKind.PERSONAL_DATA, Role.PARENT, Channel.PERSONAL, "contact-details"
    )
    assert clause is not None and clause.id == "wb-2.2"
    assert clause.severity is Severity.BLOCK


def test_the_file_format_round_trips(demo_policy: Policy, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(dump_policy_yaml(demo_policy), encoding="utf-8")
    assert load_policy(path) == demo_policy


def test_bad_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed", encoding="utf-8")
    with pytest.raises(PolicyError, match=r"broken\.yaml: not valid YAML"):
        load_policy(path)
    assert yaml.safe_load("a: 1") == {"a": 1}


def test_the_engine_imports_no_django() -> None:
    code = (
        "import sys, netiquette.engine, netiquette.cli, netiquette.detectors.registry as r\n"
        "r.load_detectors()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_module_of_the_engine_imports_on_its_own() -> None:
    """No import cycle hides behind the usual import order: each module is imported first,
    in a process where no other module of the package has been imported yet."""
    code = (
        "import importlib, pkgutil, sys, netiquette\n"
        "names = [m.name for m in pkgutil.walk_packages(netiquette.__path__, 'netiquette.')]\n"
        "for name in names:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] == 'netiquette']:\n"
        "        del sys.modules[loaded]  # the package too, or its attributes mask a cycle\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert int(done.stdout) > 50
