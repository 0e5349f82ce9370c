"""A school's social media policy as data: clauses, governance, procedure, related policies.

`parse_policy` is the one validation path: the CLI, the web app, the importer and the tests
all call it, and every problem it finds names its place (`clauses[3].kind: ...`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from netiquette.dates import SchoolDate, parse_school_date
from netiquette.kinds import ALL_CHANNELS, Channel, Role, RuleKind, Severity, Strength
from netiquette.validation import Reader, ValidationError

DUE_SOON_DAYS = 60


class PolicyError(ValidationError):
    """A policy file that does not validate."""


class ReviewStatus(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Governance:
    accepted: SchoolDate | None = None
    review: SchoolDate | None = None
    review_cycle: str = ""
    owner: str = ""


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
    kind: RuleKind
    strength: Strength
    roles: frozenset[Role]
    channels: frozenset[Channel] = ALL_CHANNELS
    section: str = ""
    # Narrower subjects within a kind (e.g. "contact-details"); empty means the whole kind.
    topics: frozenset[str] = frozenset()
    confidence: float | None = None

    @property
    def severity(self) -> Severity:
        return self.strength.severity

    def binds(self, role: Role | None, channel: Channel | None) -> bool:
        """Whether the clause applies to this author and channel (unknown means any)."""
        role_ok = role is None or role in self.roles
        return role_ok and (channel is None or channel in self.channels)


@dataclass(frozen=True)
class ProcedureStep:
    id: str
    text: str


@dataclass(frozen=True)
class Escalation:
    id: str
    label: str
    policy: str = ""  # id of a related policy, or empty for an outside body such as the police


@dataclass(frozen=True)
class Procedure:
    steps: tuple[ProcedureStep, ...] = ()
    escalations: tuple[Escalation, ...] = ()


@dataclass(frozen=True)
class RelatedPolicy:
    id: str
    title: str


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Policy:
    title: str
    school: str
    governance: Governance
    roles: frozenset[Role]
    clauses: tuple[Clause, ...]
    aims: tuple[str, ...] = ()
    procedure: Procedure = field(default_factory=Procedure)
    related: tuple[RelatedPolicy, ...] = ()
    thresholds: Mapping[str, float] = field(default_factory=dict)
    footer_links: tuple[Link, ...] = ()

    def review_status(self, today: dt.date | None = None) -> ReviewStatus:
        review = self.governance.review
        if review is None:
            return ReviewStatus.UNKNOWN
        today = today or dt.date.today()
        if review.date < today:
            return ReviewStatus.OVERDUE
        if (review.date - today).days <= DUE_SOON_DAYS:
            return ReviewStatus.DUE_SOON
        return ReviewStatus.CURRENT

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def clause_for(
        self, kind: RuleKind, role: Role | None, channel: Channel | None, topic: str = ""
    ) -> Clause | None:
        """The clause that governs a finding: of its kind, binding this author and channel.

        A clause naming the finding's topic wins over a general one; among equals the
        strongest wins, so a must-not is never hidden behind a should.
        """
        candidates = [c for c in self.clauses if c.kind is kind and c.binds(role, channel)]
        if topic:
            on_topic = [c for c in candidates if topic in c.topics]
            candidates = on_topic or [c for c in candidates if not c.topics]
        else:
            candidates = [c for c in candidates if not c.topics] or candidates
        return max(candidates, key=lambda c: c.severity.rank, default=None)

    def kinds(self) -> frozenset[RuleKind]:
        return frozenset(c.kind for c in self.clauses)

    def threshold(self, name: str, default: float) -> float:
        return float(self.thresholds.get(name, default))

    def sections(self) -> list[tuple[str, list[Clause]]]:
        """Clauses grouped as the policy groups them, in the policy's order."""
        groups: dict[str, list[Clause]] = {}
        for clause in self.clauses:
            groups.setdefault(clause.section, []).append(clause)
        return list(groups.items())


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError([f"cannot read the file: {error}"], str(path)) from error
    except yaml.YAMLError as error:
        raise PolicyError([f"not valid YAML: {error}"], str(path)) from error
    return parse_policy(data, source=str(path))


def parse_policy(data: object, source: str | None = None) -> Policy:
    """Validate a policy document and build the `Policy`; raises `PolicyError` naming each place."""
    reader = Reader(source, PolicyError)
    doc = reader.mapping(data, "")
    if not doc and not reader.problems:
        reader.problem("", "the policy is empty")
    roles = frozenset(reader.choices(Role, doc, "roles", "", "role")) or frozenset(Role)
    policy = Policy(
        title=reader.text(doc, "title", ""),
        school=reader.text(doc, "school", "", required=False),
        governance=_governance(reader, doc.get("governance")),
        roles=roles,
        clauses=_clauses(reader, doc.get("clauses"), roles),
        aims=tuple(reader.strings(doc, "aims", "")),
        procedure=_procedure(reader, doc.get("procedure")),
        related=_related(reader, doc.get("related")),
        thresholds=_thresholds(reader, doc.get("thresholds")),
        footer_links=_links(reader, doc.get("footer_links")),
    )
    _check_references(reader, policy)
    reader.check()
    return policy


def _governance(reader: Reader, value: object) -> Governance:
    data = reader.mapping(value, "governance")

    def date(key: str) -> SchoolDate | None:
        raw = data.get(key)
        if raw is None or raw == "":
            return None
        return reader.convert(raw, f"governance.{key}", parse_school_date)

    return Governance(
        accepted=date("accepted"),
        review=date("review"),
        review_cycle=reader.text(data, "review_cycle", "governance", required=False),
        owner=reader.text(data, "owner", "governance", required=False),
    )


def _clauses(reader: Reader, value: object, policy_roles: frozenset[Role]) -> tuple[Clause, ...]:
    if value is None:
        reader.problem("clauses", "is required")
    clauses: list[Clause] = []
    seen: set[str] = set()
    for path, element in reader.items(value, "clauses"):
        data = reader.mapping(element, path)
        clause = _clause(reader, data, path, policy_roles)
        if clause is None:
            continue
        if clause.id in seen:
            reader.problem(f"{path}.id", f"duplicate clause id {clause.id!r}")
        seen.add(clause.id)
        clauses.append(clause)
    return tuple(clauses)


def _clause(
    reader: Reader, data: Mapping[str, Any], path: str, policy_roles: frozenset[Role]
) -> Clause | None:
    clause_id = reader.text(data, "id", path)
    text = reader.text(data, "text", path)
    kind = reader.choice(RuleKind, data.get("kind"), f"{path}.kind", "kind")
    strength = reader.choice(Strength, data.get("strength"), f"{path}.strength", "strength")
    roles = frozenset(reader.choices(Role, data, "roles", path, "role")) or policy_roles
    channels = frozenset(reader.choices(Channel, data, "channels", path, "channel"))
    confidence = data.get("confidence")
    if confidence is not None and not isinstance(confidence, int | float):
        reader.problem(f"{path}.confidence", f"expected a number, got {confidence!r}")
        confidence = None
    if not (clause_id and text and kind and strength):
        return None
    return Clause(
        id=clause_id,
        text=text,
        kind=kind,
        strength=strength,
        roles=roles,
        channels=channels or ALL_CHANNELS,
        section=reader.text(data, "section", path, required=False),
        topics=frozenset(reader.strings(data, "topics", path)),
        confidence=None if confidence is None else float(confidence),
    )


def _procedure(reader: Reader, value: object) -> Procedure:
    data = reader.mapping(value, "procedure")
    steps = []
    for path, element in reader.items(data.get("steps"), "procedure.steps"):
        step = reader.mapping(element, path)
        steps.append(ProcedureStep(reader.text(step, "id", path), reader.text(step, "text", path)))
    escalations = []
    for path, element in reader.items(data.get("escalations"), "procedure.escalations"):
        route = reader.mapping(element, path)
        escalations.append(
            Escalation(
                id=reader.text(route, "id", path),
                label=reader.text(route, "label", path),
                policy=reader.text(route, "policy", path, required=False),
            )
        )
    return Procedure(tuple(steps), tuple(escalations))


def _related(reader: Reader, value: object) -> tuple[RelatedPolicy, ...]:
    related = []
    for path, element in reader.items(value, "related"):
        data = reader.mapping(element, path)
        related.append(
            RelatedPolicy(reader.text(data, "id", path), reader.text(data, "title", path))
        )
    return tuple(related)


def _thresholds(reader: Reader, value: object) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, number in reader.mapping(value, "thresholds").items():
        if isinstance(number, bool) or not isinstance(number, int | float) or not 0 <= number <= 1:
            reader.problem(f"thresholds.{key}", f"expected a number from 0 to 1, got {number!r}")
        else:
            out[str(key)] = float(number)
    return out


def _links(reader: Reader, value: object) -> tuple[Link, ...]:
    links = []
    for path, element in reader.items(value, "footer_links"):
        data = reader.mapping(element, path)
        links.append(Link(reader.text(data, "label", path), reader.text(data, "url", path)))
    return tuple(links)


def _check_references(reader: Reader, policy: Policy) -> None:
    related_ids = {r.id for r in policy.related}
    for index, route in enumerate(policy.procedure.escalations):
        if route.policy and route.policy not in related_ids:
            reader.problem(
                f"procedure.escalations[{index}].policy",
                f"names {route.policy!r}, which is not among the related policies",
            )


def policy_to_data(policy: Policy) -> dict[str, Any]:
    """The policy as plain data in the file format; `parse_policy` reads it back unchanged."""
    gov = policy.governance
    governance: dict[str, Any] = {}
    if gov.accepted:
        governance["accepted"] = gov.accepted.text
    if gov.review:
        governance["review"] = gov.review.text
    if gov.review_cycle:
        governance["review_cycle"] = gov.review_cycle
    if gov.owner:
        governance["owner"] = gov.owner
    data: dict[str, Any] = {"title": policy.title, "school": policy.school}
    data["governance"] = governance
    data["aims"] = list(policy.aims)
    data["roles"] = _ordered(policy.roles, Role)
    data["clauses"] = [_clause_data(c) for c in policy.clauses]
    data["procedure"] = {
        "steps": [{"id": s.id, "text": s.text} for s in policy.procedure.steps],
        "escalations": [
            {"id": e.id, "label": e.label, **({"policy": e.policy} if e.policy else {})}
            for e in policy.procedure.escalations
        ],
    }
    data["related"] = [{"id": r.id, "title": r.title} for r in policy.related]
    if policy.thresholds:
        data["thresholds"] = dict(policy.thresholds)
    if policy.footer_links:
        data["footer_links"] = [{"label": x.label, "url": x.url} for x in policy.footer_links]
    return data


def _clause_data(clause: Clause) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clause.id,
        "text": clause.text,
        "kind": clause.kind.value,
        "strength": clause.strength.value,
        "roles": _ordered(clause.roles, Role),
    }
    if clause.channels != ALL_CHANNELS:
        data["channels"] = _ordered(clause.channels, Channel)
    if clause.section:
        data["section"] = clause.section
    if clause.topics:
        data["topics"] = sorted(clause.topics)
    if clause.confidence is not None:
        data["confidence"] = round(clause.confidence, 2)
    return data


def _ordered(members: Iterable[StrEnum], enum: type[StrEnum]) -> list[str]:
    chosen = set(members)
    return [m.value for m in enum if m in chosen]


def dump_policy_yaml(policy: Policy) -> str:
    return yaml.safe_dump(policy_to_data(policy), sort_keys=False, allow_unicode=True, width=100)
