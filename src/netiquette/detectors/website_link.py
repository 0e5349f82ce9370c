"""Links from personal pages and messages to the school's own websites.

A personal page that links the school's site borrows the school's name for the writer's
own purposes (a side business, a blog, a campaign), so the policy asks people not to. The
school's own accounts and systems link their website all the time, so only posts known to
come from a personal account or a private message are flagged. A link is a full URL or a
bare domain (with any subdomain or path); an email address at the school's domain is
contact information, not a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from netiquette.detectors.base import Analysis
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, RuleKind

FLAGGED_CHANNELS = frozenset({Channel.PERSONAL, Channel.DIRECT})
_TRAILING = ".,;:!?)]}>'\"”’"


@lru_cache(maxsize=32)
def link_pattern(domains: tuple[str, ...]) -> re.Pattern[str] | None:
    """A URL or bare domain on one of the school's domains or their subdomains."""
    names = [re.escape(d.lower()) for d in domains if d.strip()]
    if not names:
        return None
    return re.compile(
        r"(?<![\w@.-])(?:https?://)?(?:[a-z0-9-]+\.)*(?:"
        + "|".join(sorted(names, key=len, reverse=True))
        + r")(?![\w-])(?:[/?#]\S*)?"
    )


class WebsiteLinkDetector:
    name = "school-website-link"
    kinds = frozenset({RuleKind.SCHOOL_WEBSITE_LINK})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if analysis.channel not in FLAGGED_CHANNELS:
            return ()  # most items, without making a generator
        domains = analysis.context.school.websites
        text = analysis.lower
        for domain in domains:  # a plain loop: `any()` would make a generator
            if domain in text:
                return self._found(analysis, domains, text)
        return ()

    def _found(
        self, analysis: Analysis, domains: tuple[str, ...], text: str
    ) -> Iterable[Candidate | Note]:
        pattern = link_pattern(domains)
        if pattern is None:
            return
        for match in pattern.finditer(text):
            end = match.start() + len(match.group().rstrip(_TRAILING))
            yield self._candidate(analysis.text[match.start() : end], match.start(), end)

    def _candidate(self, evidence: str, start: int, end: int) -> Candidate:
        return Candidate(
            kind=RuleKind.SCHOOL_WEBSITE_LINK,
            start=start,
            end=end,
            evidence=evidence,
            message=f"This personal post links to the school's website ({evidence}).",
            suggestion="Remove the link, or share the school's own post instead of "
            "linking its website from a personal page.",
            detector=self.name,
            score=0.9,
            redaction="the school's website",
        )
