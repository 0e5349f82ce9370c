"""What an import hands back: the policy as data, each clause with its confidence, a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netiquette.kinds import Role, RuleKind, Strength
from netiquette.policy import Policy, parse_policy


@dataclass(frozen=True)
class ImportedClause:
    id: str
    text: str
    kind: RuleKind
    strength: Strength
    roles: frozenset[Role]
    section: str
    confidence: float
    topics: frozenset[str] = frozenset()
    # The words that decided the kind, and what was inferred rather than read (for reviewers).
    cues: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def needs_mapping(self) -> bool:
        return self.kind is RuleKind.CUSTOM


@dataclass(frozen=True)
class ImportResult:
    # The policy in the file format `parse_policy` reads (ready for YAML or the web form).
    policy_data: dict[str, Any]
    clauses: tuple[ImportedClause, ...]
    report: str
    warnings: tuple[str, ...]
    source_format: str
    source_name: str
    # Page furniture and rule-like sentences about the school, shown to the reviewer.
    left_out: tuple[str, ...] = ()
    not_taken: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    governance_evidence: tuple[str, ...] = field(default_factory=tuple)

    @property
    def policy(self) -> Policy:
        """The validated policy (raises `PolicyError` if the data was edited into a bad state)."""
        return parse_policy(self.policy_data, source=self.source_name)
