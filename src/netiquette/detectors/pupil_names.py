"""Pupils named in a post when their parents have not agreed to the name being used.

What the school's users expect, and why the detector behaves as it does:

- A full name, or a first name that only one person at the school has ("lets all tell
  Jayden"), names the pupil: in a community of a few hundred families a first name with a
  year group or a class is as good as a full name. That is a breach of a must-not clause.
- A guess (a misspelling, a first name several people share, a lower-case word in ordinary
  prose, "the Pollard boy") is capped at review: a person should look, the post should not
  be blocked on a guess.
- A pupil whose name consent is recorded is not flagged at all: thanking Freya by name is
  what the consent is for.
- A parent naming their own child (known from the item's `author`, or written "my son
  Jayden") is capped at review. The parent is the one who gives or withholds consent, so it
  is not clearly a breach, but the school's record says no and the post still ties a named
  child to the school in public: worth a second look, not a block. A pupil naming
  themselves is treated the same way.
- A direct message to one person is not publishing, so a name in it is not flagged (bullying
  in a message is the cyber-bullying detector's business).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from netiquette.detectors.base import Analysis, Mention
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, Role, RuleKind, Severity
from netiquette.school import Person

# A bare surname followed by one of these means a child ("the Pollard boy", "Osei twins"),
# or the child's family ("the Kowalczyk family"): enough to tie a fact to the child, not
# enough on its own to say the child was named.
_CHILD_AFTER_SURNAME = re.compile(
    r"\s(?:boys?|girls?|lads?|lass|kids?|child|children|twins?|brothers?|sisters?|"
    r"sons?|daughters?)\b",
    re.IGNORECASE,
)
_FAMILY_AFTER_SURNAME = re.compile(r"\s(?:family|household|parents|famil(?:y|ies)'s?)\b", re.I)
_OWN_CHILD = re.compile(
    r"\b(?:my|our) (?:(?:little|eldest|youngest|middle|oldest|lovely|gorgeous) )?"
    r"(?:son|daughter|boy|girl|lad|child|kid|princess|little one|one|man|monkey)?,?\s*$",
    re.IGNORECASE,
)
_CACHE_KEY = "_netiquette_pupil_references"
# Enum members read once: `Role.PUPIL` is a descriptor lookup each time it is written out.
_PUPIL = Role.PUPIL
_PARENT = Role.PARENT
_DIRECT = Channel.DIRECT
# A pupil's initials (which depend on the name alone), worked out once per name.
_INITIALS: dict[str, str] = {}


class PupilReference(NamedTuple):
    """A place in the text that refers to one (or, when unsure, one of several) pupils.

    A named tuple rather than a frozen dataclass: as cheap to make as a tuple, and as
    immutable."""

    start: int
    end: int
    evidence: str
    pupils: tuple[Person, ...]
    how: str
    certain: bool
    # Only the pupil's family was named ("the Kowalczyk family").
    family: bool = False


def pupil_references(analysis: Analysis) -> list[PupilReference]:
    """Pupils referred to by name (or surname with "boy", "family"...), grouped by place.

    Computed once per item (two detectors read it); callers must not change the list."""
    cached: list[PupilReference] | None = analysis.__dict__.get(_CACHE_KEY)
    if cached is None:
        cached = _pupil_references(analysis)
        analysis.__dict__[_CACHE_KEY] = cached
    return cached


def _pupil_references(analysis: Analysis) -> list[PupilReference]:
    found: list[PupilReference] = []
    mentions = analysis.mentions
    # Mentions come in order of place, and never overlap: those of one place are together
    # and share a start. Usually each place has one mention, which needs no grouping.
    count = len(mentions)
    index = 0
    while index < count:
        mention = mentions[index]
        after = index + 1
        while after < count and mentions[after].start == mention.start:
            after += 1
        if after == index + 1:
            if mention.person.role is _PUPIL:
                reference = _reference(analysis.text, [mention], (mention.person,))
                if reference is not None:
                    found.append(reference)
        else:
            group = mentions[index:after]
            pupils = tuple(m.person for m in group if m.person.role is _PUPIL)
            if pupils:
                reference = _reference(analysis.text, group, pupils)
                if reference is not None:
                    found.append(reference)
        index = after
    return found


def _reference(
    text: str, group: list[Mention], pupils: tuple[Person, ...]
) -> PupilReference | None:
    first = group[0]
    how = first.how
    family = False
    if how == "surname" and not _CHILD_AFTER_SURNAME.match(text, first.end):
        if not _FAMILY_AFTER_SURNAME.match(text, first.end):
            return None
        family = True
    certain = len(group) == 1 and first.certain and how != "surname"
    return PupilReference(first.start, first.end, first.evidence, pupils, how, certain, family)


class PupilNamesDetector:
    name = "pupil-names"
    kinds = frozenset({RuleKind.PERSONAL_DATA})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if not analysis.mentions or analysis.channel is _DIRECT:
            return ()  # most items, without making a generator
        found = []
        for reference in pupil_references(analysis):
            if reference.family:
                continue
            unconsented = [p for p in reference.pupils if not p.consent.name]
            if unconsented:
                found.append(self._candidate(analysis, reference, unconsented))
        return found

    def _candidate(
        self, analysis: Analysis, reference: PupilReference, unconsented: list[Person]
    ) -> Candidate:
        pupil = unconsented[0]
        own = _own_child(analysis, reference, pupil)
        sure = reference.certain and len(unconsented) == len(reference.pupils) and not own
        cap = Severity.BLOCK if sure else Severity.REVIEW
        return Candidate(
            kind=RuleKind.PERSONAL_DATA,
            start=reference.start,
            end=reference.end,
            evidence=reference.evidence,
            message=_message(reference, pupil, sure, own),
            suggestion="Use initials or leave the name out; the school has no consent to name "
            "this pupil.",
            detector=self.name,
            score=1.0 if sure else 0.6,
            max_severity=cap,
            topic="pupil-names",
            redaction=_initials(reference, pupil),
            details={"how": reference.how, "certain": sure},
        )


def _message(reference: PupilReference, pupil: Person, sure: bool, own: bool) -> str:
    year = f", Year {pupil.year}" if pupil.year else ""
    if own:
        return (
            f"The post names {pupil.name} (pupil{year}), who seems to be the author's own "
            "child; the school has no consent recorded to use this name."
        )
    if sure:
        return (
            f"The post names {pupil.name} (pupil{year}); the school has no consent from "
            "their parents or carers to use this pupil's name."
        )
    return (
        f"“{reference.evidence}” may refer to {pupil.name} (pupil{year}), whose name the "
        "school has no consent to use."
    )


def _own_child(analysis: Analysis, reference: PupilReference, pupil: Person) -> bool:
    """Whether the author is this pupil, or their parent (recorded, or "my son Jayden")."""
    post = analysis.post
    author = analysis.context.people.person(post.author) if post and post.author else None
    if author is not None:
        if author == pupil:
            return True
        children = {child.casefold() for child in author.children}
        if pupil.name.casefold() in children:
            return True
    if analysis.role is not _PARENT:
        return False
    head = analysis.text[max(0, reference.start - 40) : reference.start]
    lower = head.lower()  # "my " or "our ", which `_OWN_CHILD` needs, is rare: test that first
    if "my " not in lower and "our " not in lower:
        return False
    return _OWN_CHILD.search(head) is not None


def _initials(reference: PupilReference, pupil: Person) -> str:
    if reference.how == "full":
        initials = _INITIALS.get(pupil.name)
        if initials is None:
            initials = _INITIALS[pupil.name] = pupil.initials
        return initials
    return "".join(f"{word[0].upper()}." for word in reference.evidence.split() if word)
