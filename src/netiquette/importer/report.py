"""The review report: every clause a person must confirm, least certain first.

Markdown, so it reads as plain text in a terminal and renders in the web app and on GitHub.
"""

from __future__ import annotations

from netiquette.importer.result import ImportedClause, ImportResult
from netiquette.kinds import Role

MAX_LISTED = 40


def render_report(result: ImportResult) -> str:
    data = result.policy_data
    custom = sum(c.needs_mapping for c in result.clauses)
    lines = [
        f"# Import review: {data['title']}",
        "",
        f"- Source: {result.source_name} ({result.source_format})",
        f"- School: {data.get('school') or 'not found'}",
        *([f"- Schools named: {', '.join(result.schools)}"] if len(result.schools) > 1 else []),
        f"- Clauses: {len(result.clauses)}, of which {custom} need a kind chosen (custom)",
        "",
        *_governance(data),
        "## Clauses, least certain first",
        "",
        "| confidence | id | kind | strength | roles | text | why |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *(_clause_row(c) for c in sorted(result.clauses, key=lambda c: (c.confidence, c.id))),
        "",
        *_procedure(data),
        *_listed("Warnings", list(result.warnings)),
        *_listed(
            "Not taken as clauses (duties of the school, aims, descriptions)",
            list(result.not_taken),
        ),
        *_listed("Left out as page furniture", list(result.left_out)),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _governance(data: dict[str, object]) -> list[str]:
    governance = data.get("governance")
    found = governance if isinstance(governance, dict) else {}
    labels = (("accepted", "Accepted"), ("review", "Review by"), ("review_cycle", "Cycle"))
    rows = [f"- {label}: {found.get(key) or 'not found'}" for key, label in labels]
    if found.get("owner"):
        rows.append(f"- Owner: {found['owner']}")
    return ["## Governance", "", *rows, ""]


def _clause_row(clause: ImportedClause) -> str:
    roles = ", ".join(r.value for r in Role if r in clause.roles)
    why = "; ".join([f"words: {', '.join(clause.cues)}" if clause.cues else "", *clause.notes])
    cells = [
        f"{clause.confidence:.2f}",
        clause.id,
        clause.kind.value,
        clause.strength.value,
        roles,
        _cell(clause.text),
        _cell(why.strip("; ")),
    ]
    return "| " + " | ".join(cells) + " |"


def _procedure(data: dict[str, object]) -> list[str]:
    procedure = data.get("procedure")
    found = procedure if isinstance(procedure, dict) else {}
    steps = [f"{n}. {s['text']}" for n, s in enumerate(found.get("steps", []), start=1)]
    routes = [f"- {e['label']}" for e in found.get("escalations", [])]
    related = data.get("related")
    titles = [f"- {r['title']} (`{r['id']}`)" for r in related] if isinstance(related, list) else []
    return [
        "## Procedure",
        "",
        *(steps or ["None found."]),
        "",
        "Escalation routes:",
        "",
        *(routes or ["- none found"]),
        "",
        "## Related policies",
        "",
        *(titles or ["- none found"]),
        "",
    ]


def _listed(title: str, entries: list[str]) -> list[str]:
    if not entries:
        return []
    shown = [f"- {_cell(e)}" for e in entries[:MAX_LISTED]]
    if len(entries) > MAX_LISTED:
        shown.append(f"- ... and {len(entries) - MAX_LISTED} more")
    return [f"## {title}", "", *shown, ""]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
