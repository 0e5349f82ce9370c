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
from netiquette.items import Attachment
from netiquette.kinds import Role, RuleKind, Severity
from netiquette.school import Person

VISUAL_TYPES = frozenset({"photo", "video", "image", "gif", "picture", "live", "stream"})


class PhotoConsentDetector:
    name = "photo-consent"
    kinds = frozenset({RuleKind.PHOTO_CONSENT})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        post = analysis.post
        if post is None or not post.attachments:
            return
        school = analysis.context.school
        author = school.person(post.author) if post.author else None
        for attachment in post.attachments:
            if attachment.type.lower() not in VISUAL_TYPES:
                continue
            for name in attachment.people:
                person = school.person(name)
                if person is None:
                    yield self._unknown(attachment, name)
                elif person.role is Role.PUPIL and not person.consent.photo:
                    yield self._no_consent(attachment, person, _own_child(author, person))

    def _no_consent(self, attachment: Attachment, pupil: Person, own: bool) -> Candidate:
        year = f", Year {pupil.year}" if pupil.year else ""
        whose = " (it seems to be the author's own child)" if own else ""
        return Candidate(
            kind=RuleKind.PHOTO_CONSENT,
            start=0,
            end=0,
            evidence=pupil.name,
            message=(
                f"The {attachment.type} shows {pupil.name} (pupil{year}){whose}; the school "
                "has no photo consent from their parents or carers."
            ),
            suggestion=f"Remove {pupil.name} from the {attachment.type} (crop, blur or choose "
            "another), or do not post it.",
            detector=self.name,
            score=0.8 if own else 1.0,
            max_severity=Severity.REVIEW if own else Severity.BLOCK,
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


def _own_child(author: Person | None, pupil: Person) -> bool:
    if author is None:
        return False
    if author == pupil:
        return True
    return pupil.name.casefold() in {child.casefold() for child in author.children}
