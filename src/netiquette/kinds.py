"""The engine's stable vocabulary: rule kinds, strengths, severities, roles and channels.

These strings appear in policy files, results and the API, so they never change meaning;
a school's own wording lives in its policy, not here.
"""

from __future__ import annotations

from enum import StrEnum


class RuleKind(StrEnum):
    CONFIDENTIAL_INFORMATION = "confidential-information"
    PERSONAL_DATA = "personal-data"
    PHOTO_CONSENT = "photo-consent"
    ABUSE = "abuse"
    CYBERBULLYING = "cyberbullying"
    DEFAMATION = "defamation"
    INAPPROPRIATE_LANGUAGE = "inappropriate-language"
    SCHOOL_WEBSITE_LINK = "school-website-link"
    COPYRIGHT = "copyright"
    SENSITIVE_MATTER = "sensitive-matter"
    DETRIMENTAL_CONDUCT = "detrimental-conduct"
    PERSONAL_USE_WORK_TIME = "personal-use-work-time"
    FRIEND_REQUEST = "friend-request"
    # A clause an importer could not map: kept for a person to map, never enforced.
    CUSTOM = "custom"


class Severity(StrEnum):
    """How strongly a finding or an item is flagged; ordered ok < review < block."""

    OK = "ok"
    REVIEW = "review"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def worst(cls, severities: list[Severity]) -> Severity:
        # Block wins outright; checked by identity first, as most lists are short.
        if cls.BLOCK in severities:
            return cls.BLOCK
        return cls.REVIEW if cls.REVIEW in severities else cls.OK

    def cap(self, limit: Severity) -> Severity:
        """The lower of this severity and `limit`."""
        return self if self.rank <= limit.rank else limit


_SEVERITY_RANK = {Severity.OK: 0, Severity.REVIEW: 1, Severity.BLOCK: 2}


class Strength(StrEnum):
    """A clause's wording strength: must / must not bind (block), should / caution advise."""

    MUST = "must"
    MUST_NOT = "must-not"
    SHOULD = "should"
    SHOULD_NOT = "should-not"
    CAUTION = "caution"

    @property
    def severity(self) -> Severity:
        return _STRENGTH_SEVERITY[self]


_STRENGTH_SEVERITY = {
    Strength.MUST: Severity.BLOCK,
    Strength.MUST_NOT: Severity.BLOCK,
    Strength.SHOULD: Severity.REVIEW,
    Strength.SHOULD_NOT: Severity.REVIEW,
    Strength.CAUTION: Severity.REVIEW,
}


class Role(StrEnum):
    PUPIL = "pupil"
    STAFF = "staff"
    GOVERNOR = "governor"
    PARENT = "parent"
    OTHER = "other"


class Channel(StrEnum):
    PERSONAL = "personal"
    SCHOOL = "school"
    SCHOOL_SYSTEM = "school-system"
    DIRECT = "direct"


ALL_ROLES = frozenset(Role)
ALL_CHANNELS = frozenset(Channel)
