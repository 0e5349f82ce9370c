"""Photos and videos showing a pupil whose parents have not agreed to photographs.

The people in an attachment come from the item (the `people` list the poster or the
school's tagging filled in); this detector does not look at pixels. Each person is looked up
in the school profile:

- a pupil without photo consent: a finding the clause can block;
- a person the profile does not know: at most review, since they may be a pupil who is
  missing from the roster, or a visitor;
- staff, governors, parents: nothing (photo consent in the policy is about pupils).

A parent posting a photo of their own child is capped at review for the reason given in
`pupil_names`: consent is theirs to give, but the school's record says no.
"""

from __future__ import annotations

from collections.abc import Iterable

from netiquette.detectors.base import Analysis
from netiquette.findings import Candidate, Note
from netiquette.items import Attachment, Item
from netiquette.kinds import Role, RuleKind, Severity
from netiquette.school import Person

VISUAL_TYPES = frozenset({"photo", "video", "image", "gif", "picture", "live", "stream"})


class PhotoConsentDetector:
    name = "photo-consent"
    kinds = frozenset({RuleKind.PHOTO_CONSENT})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        post = analysis.post
        if post is None or not post.attachments:
            return ()  # most items, without making a generator
        return self._found(analysis, post)

    def _found(self, analysis: Analysis, post: Item) -> Iterable[Candidate | Note]:
        author = analysis.context.people.person(post.author) if post.author else None
        for attachment in post.attachments:
            if attachment.type.lower() not in VISUAL_TYPES:
                continue
            for name in attachment.people:
                matches = resolve(analysis, name)
                if not matches:
                    yield self._unknown(attachment, name)
                for person, certain in matches:
                    if person.role is Role.PUPIL and not person.consent.photo:
                        own = _own_child(author, person)
                        yield self._no_consent(attachment, person, own, certain)

    def _no_consent(
        self, attachment: Attachment, pupil: Person, own: bool, certain: bool
    ) -> Candidate:
        year = f", Year {pupil.year}" if pupil.year else ""
        whose = " (it seems to be the author's own child)" if own else ""
        maybe = "" if certain else " (or someone with a similar name)"
        sure = certain and not own
        return Candidate(
            kind=RuleKind.PHOTO_CONSENT,
            start=0,
            end=0,
            evidence=pupil.name,
            message=(
                f"The {attachment.type} shows {pupil.name}{maybe} (pupil{year}){whose}; the school "
                "has no photo consent from their parents or carers."
            ),
            suggestion=f"Remove {pupil.name} from the {attachment.type} (crop, blur or choose "
            "another), or do not post it.",
            detector=self.name,
            score=1.0 if sure else 0.7,
            max_severity=Severity.BLOCK if sure else Severity.REVIEW,
            details={"attachment": attachment.name or attachment.type, "person": pupil.name},
        )

    def _unknown(self, attachment: Attachment, name: str) -> Candidate:
        return Candidate(
            kind=RuleKind.PHOTO_CONSENT,
            start=0,
            end=0,
            evidence=name,
            message=(
                f"The {attachment.type} shows {name}, who is not in the school profile, so "
                "there is no record of photo consent."
            ),
            suggestion="Check who this is; if they are a pupil, check photo consent first.",
            detector=self.name,
            score=0.5,
            max_severity=Severity.REVIEW,
            details={"attachment": attachment.name or attachment.type, "person": name},
        )


def resolve(analysis: Analysis, name: str) -> list[tuple[Person, bool]]:
    """The profile's people a tagged name stands for, each with whether that is certain.

    An exact full name is certain; otherwise the name is read like text ("Reuben",
    "Poppy T", "Jaydon Pollard"), and a name several people share is a guess for each.
    """
    exact = analysis.context.people.person(name)
    if exact is not None:
        return [(exact, True)]
    tag = " ".join(name.split())
    matches = [
        m
        for m in analysis.context.people.find(tag)
        if m.start == 0 and len(tag[m.end :].strip(" .")) <= 1
    ]
    if len({m.person for m in matches}) == 1:
        return [(matches[0].person, matches[0].certain)]
    return [(m.person, False) for m in matches]


def _own_child(author: Person | None, pupil: Person) -> bool:
    if author is None:
        return False
    if author == pupil:
        return True
    return pupil.name.casefold() in {child.casefold() for child in author.children}
