"""`import_policy`: a school's own policy document in, a policy Netiquette enforces out.

The result is a draft for a person to confirm: every clause carries a confidence, and what was
inferred or left out is in the report. Nothing here touches the network.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from netiquette.importer.clauses import Draft, Found, find_clauses
from netiquette.importer.document import Block, PolicyImportError
from netiquette.importer.noise import remove_noise
from netiquette.importer.readers import read_document
from netiquette.importer.related import find_escalations, find_related
from netiquette.importer.report import render_report
from netiquette.importer.result import ImportedClause, ImportResult
from netiquette.importer.structure import (
    GovernanceFound,
    find_aims,
    find_audience,
    find_governance,
    find_schools,
    find_title,
)
from netiquette.kinds import Role, RuleKind
from netiquette.policy import PolicyError

LOW_CONFIDENCE = 0.5


def import_policy(source: str | Path | bytes, filename: str | None = None) -> ImportResult:
    """Read a policy from a path, or from bytes named by `filename` (for an upload).

    Raises `PolicyImportError` when the file cannot be read or holds no rules.
    """
    if isinstance(source, bytes):
        data, name = source, filename or "upload"
    else:
        name = filename or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise PolicyImportError(f"cannot read {source}: {error.strerror or error}") from error
    try:
        return _import(data, name)
    except PolicyImportError as error:
        message = str(error)
        raise PolicyImportError(message if name in message else f"{name}: {message}") from error


def _import(data: bytes, name: str) -> ImportResult:
    document = read_document(data, name)
    blocks, noise = remove_noise(document.blocks)
    title = find_title(blocks, document.meta_title, _title_from_name(name))
    audience = find_audience(blocks, title)
    found = find_clauses(blocks, audience)
    if not found.drafts:
        raise PolicyImportError(
            "found no rules: no list items or sentences with must, must not, should or do not"
        )
    clauses = _with_ids(found.drafts)
    school, schools = find_schools(blocks, document.meta_title)
    governance = find_governance(blocks)
    policy_data = _policy_data(title, school, governance, blocks, found, clauses)
    result = ImportResult(
        policy_data=policy_data,
        clauses=clauses,
        report="",
        warnings=tuple(_warnings(policy_data, clauses, governance)),
        source_format=document.source_format,
        source_name=PurePath(name).name,
        left_out=(*document.left_out, *noise),
        not_taken=tuple(found.not_taken),
        schools=schools,
        governance_evidence=governance.evidence,
    )
    try:
        result.policy  # noqa: B018 - validate now, so a bad draft never leaves the importer
    except PolicyError as error:
        raise PolicyImportError(f"the draft policy does not validate: {error}") from error
    return replace(result, report=render_report(result))


def _policy_data(
    title: str,
    school: str,
    governance: GovernanceFound,
    blocks: list[Block],
    found: Found,
    clauses: tuple[ImportedClause, ...],
) -> dict[str, Any]:
    related = find_related(blocks, title)
    routes = find_escalations(found.steps, blocks, related)
    roles = {role for clause in clauses for role in clause.roles}
    return {
        "title": title,
        "school": school,
        "governance": _governance_data(governance),
        "aims": find_aims(blocks),
        "roles": [r.value for r in Role if r in roles],
        "clauses": [_clause_data(c) for c in clauses],
        "procedure": {
            "steps": [{"id": f"step-{n}", "text": t} for n, t in enumerate(found.steps, 1)],
            "escalations": [
                {"id": rid, "label": label, **({"policy": policy} if policy else {})}
                for rid, label, policy in routes
            ],
        },
        "related": [{"id": r.id, "title": r.title} for r in related],
    }


def _governance_data(governance: GovernanceFound) -> dict[str, str]:
    data = {
        "accepted": governance.accepted.text if governance.accepted else "",
        "review": governance.review.text if governance.review else "",
        "review_cycle": governance.review_cycle,
        "owner": governance.owner,
    }
    return {key: value for key, value in data.items() if value}


def _clause_data(clause: ImportedClause) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clause.id,
        "text": clause.text,
        "kind": clause.kind.value,
        "strength": clause.strength.value,
        "roles": [r.value for r in Role if r in clause.roles],
    }
    if clause.section:
        data["section"] = clause.section
    if clause.topics:
        data["topics"] = sorted(clause.topics)
    data["confidence"] = clause.confidence
    return data


def _with_ids(drafts: list[Draft]) -> tuple[ImportedClause, ...]:
    """Ids from the policy's own numbering where it has one ("c-3.2"), else in order."""
    clauses: list[ImportedClause] = []
    used: set[str] = set()
    for number, draft in enumerate(drafts, start=1):
        base = (
            f"c-{draft.marker}" if re.fullmatch(r"\d+(?:\.\d+)+", draft.marker) else f"c-{number}"
        )
        clause_id, extra = base, 1
        while clause_id in used:
            extra += 1
            clause_id = f"{base}-{extra}"
        used.add(clause_id)
        clauses.append(
            ImportedClause(
                id=clause_id,
                text=draft.text,
                kind=draft.kind,
                strength=draft.strength,
                roles=draft.roles,
                section=draft.section,
                confidence=draft.confidence,
                topics=draft.topics,
                cues=draft.cues,
                notes=draft.notes,
            )
        )
    return tuple(clauses)


def _warnings(
    data: dict[str, Any], clauses: tuple[ImportedClause, ...], governance: GovernanceFound
) -> list[str]:
    out: list[str] = []
    if not data["school"]:
        out.append("no school name found: add it before accepting the policy")
    if governance.accepted is None:
        out.append("no date the policy was accepted or approved was found")
    if governance.review is None:
        out.append("no review date was found, so the policy cannot be flagged when overdue")
    custom = [c.id for c in clauses if c.kind is RuleKind.CUSTOM]
    if custom:
        out.append(
            f"{len(custom)} clause(s) could not be mapped to a rule kind: {', '.join(custom)}"
        )
    unsure = [c.id for c in clauses if c.confidence < LOW_CONFIDENCE and c.id not in custom]
    if unsure:
        out.append(f"low confidence, check these first: {', '.join(unsure)}")
    if not data["procedure"]["steps"]:
        out.append("no procedure (what the school does about a problem) was found")
    return out


def _title_from_name(name: str) -> str:
    stem = re.sub(r"[_\-]+", " ", PurePath(name).stem).strip()
    return stem[:1].upper() + stem[1:] if stem else "Social media policy"
