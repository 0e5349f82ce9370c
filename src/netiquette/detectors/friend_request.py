"""Friend requests between staff and pupils (never) or staff and parents (with caution).

The people are looked up in the school profile; the clause that applies is the one binding
staff, whichever of the two sent the request.
"""

from __future__ import annotations

from collections.abc import Iterable

from netiquette.detectors.base import Analysis
from netiquette.detectors.photo_consent import resolve
from netiquette.findings import Candidate, Note
from netiquette.items import FriendRequest
from netiquette.kinds import Role, RuleKind, Severity
from netiquette.school import Person

# (role a, role b) -> the most the connection can be, and why; order does not matter.
MATRIX: dict[frozenset[Role], tuple[Severity, str]] = {
    frozenset({Role.STAFF, Role.PUPIL}): (
        Severity.BLOCK,
        "Staff and pupils must not be connected on personal social media.",
    ),
    frozenset({Role.STAFF, Role.PARENT}): (
        Severity.REVIEW,
        "A connection between staff and a parent or carer needs caution.",
    ),
}


def friend_request_rule(a: Role, b: Role) -> tuple[Severity, str] | None:
    """The matrix entry for two roles, or None when the policy has nothing to say."""
    return MATRIX.get(frozenset({a, b}))


def roles_of(person: Person) -> tuple[Role, ...]:
    """A person's role, and parent too for anyone with a child at the school (a governor or a
    member of staff who is also a parent)."""
    if person.children and person.role is not Role.PARENT:
        return (person.role, Role.PARENT)
    return (person.role,)


def _strictest(a: Person, b: Person) -> tuple[Severity, str] | None:
    """The strictest matrix entry over every role each of the two holds."""
    rules = [
        rule
        for role_a in roles_of(a)
        for role_b in roles_of(b)
        if (rule := friend_request_rule(role_a, role_b)) is not None
    ]
    return max(rules, key=lambda rule: rule[0].rank, default=None)


class FriendRequestDetector:
    name = "friend-request"
    kinds = frozenset({RuleKind.FRIEND_REQUEST})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        request = analysis.item
        if not isinstance(request, FriendRequest):
            return
        sender, recipient = _lookup(analysis, request.sender), _lookup(analysis, request.recipient)
        if sender is None or recipient is None:
            return
        rule = _strictest(sender, recipient)
        if rule is None:
            return
        severity, reason = rule
        yield Candidate(
            kind=RuleKind.FRIEND_REQUEST,
            start=0,
            end=0,
            evidence=f"{sender.name} → {recipient.name}",
            message=f"{_described(sender)} sent a friend request to {_described(recipient)}. {reason}",
            suggestion=_suggestion(severity),
            detector=self.name,
            max_severity=severity,
            details={"bound_role": Role.STAFF.value, "from": sender.role, "to": recipient.role},
        )


def _lookup(analysis: Analysis, name: str) -> Person | None:
    """The one person a name stands for: the full name, or else a name read as in a post
    ("Mo Al-Rashid", "Siobhan O'Neill" without its accent), when it is certain."""
    exact = analysis.context.school.person(name)
    if exact is not None or not name.strip():
        return exact
    matches = resolve(analysis, name)
    certain = [person for person, sure in matches if sure]
    return certain[0] if len(matches) == 1 and certain else None


def _described(person: Person) -> str:
    return f"{person.name} ({person.role.value})"


def _suggestion(severity: Severity) -> str:
    if severity is Severity.BLOCK:
        return "Decline the request; use the school's official channels to communicate."
    return "Think before accepting: keep school matters to official channels, or decline."
