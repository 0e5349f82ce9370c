"""Copyright: attachments and text that carry someone else's material.

Two sources of evidence. An attachment's recorded rights: restrictive wording ("subscriber
use only", "no licence recorded", a © notice) is a finding, permissive wording ("taken by
school staff", "own photo", Creative Commons) is fine, and no rights at all is a question
worth asking for a picture or document that may come from anywhere. Photos and videos are
the exception: people take those themselves, so a photo with no rights recorded is only
flagged when the post suggests it was found elsewhere ("found this cartoon"). And marks of
third-party content in the text itself (©, "all rights reserved", stock-photo agencies).

Only a rights-reserved work shared whole ("scanned all 64 pages") can block; the rest is
for a person to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netiquette.detectors.base import Analysis
from netiquette.detectors.cues import fired
from netiquette.findings import Candidate, Note
from netiquette.items import Attachment, Item
from netiquette.kinds import RuleKind, Severity

OWN_MEDIA = frozenset({"photo", "video"})

# Marks of someone else's material, in a post or in an attachment's recorded rights.
_MARK = (
    r"©|\(c\)\s*(?:19|20)\d\d|all rights reserved|\bgetty(?: ?images)?\b|shutterstock|alamy"
    r"|\bistock|adobe ?stock|dreamstime|depositphotos|\b123rf\b|watermark"
)
_RESTRICTIVE = re.compile(
    _MARK + r"|\bcopyright\b|stock (?:photo|image|picture)|subscri(?:ber|ption)|licensed to"
    r"|not for (?:re)?distribution|do not (?:share|copy)|published by"
    r"|personal use only|internal use only|single[- ]user|no licen[cs]e|not licensed|unlicensed"
    r"|licen[cs]e (?:does not|doesn't) cover|not covered by|without permission|commercial"
    r"|\bpurchased\b|\bpaid\b"
)
_PERMISSIVE = re.compile(
    r"own (?:photo|video|image|work|drawing)|taken by|our own|school staff|made by|drawn by"
    r"|creative commons|\bcc[- ]?(?:by|0)\b|public domain|with permission"
    r"|permission (?:given|granted)"
    r"|open government licen[cs]e|free to (?:use|share)|royalty[- ]free"
)
_TEXT_MARK = re.compile(_MARK)
# A post saying that the marked material may be shared here.
_PERMITTED = re.compile(
    r"with (?:the )?(?:[\w'’]+ )?permission|permission (?:given|granted)|creative commons"
    r"|\bcc[- ]?(?:by|0)\b|public domain|open government licen[cs]e|royalty[- ]free"
    r"|free to (?:use|share)"
)
# A post that says the picture came from somewhere else.
_FOUND = re.compile(
    r"\b(?:found (?:this|these|it)|saw this|spotted this|cartoon|meme|screenshot|screen ?grab"
    r"|from (?:google|the internet|online|pinterest|twitter|facebook|instagram|tiktok)"
    r"|book cover|poster|comic|credit to|via @)"
)
# The author's or the school's own work: no one else's rights to record.
_OWN_WORK = re.compile(
    r"\b(?:newsletter|letter|menu|timetable|term dates|consent form|permission slip|policy"
    r"|our own|we made|i made|my drawing|certificate|our poster"
    r"|(?:made|drawn|painted|written|illustrated|created|designed|built) by (?:our |the |my )?"
    r"(?:year|class|children|pupils|kids|reception|school|staff|me|us|[a-z]+'s class)"
    r"|(?:our|my|the) (?:class(?:'s)?|children'?s|pupils'?) (?:own )?(?:poem|story|book|poster"
    r"|art|artwork|drawings?|paintings?|work|display|song))\b"
)
# Sharing the whole of a work: what turns a rights-reserved item into a clear breach.
# Copying that leaves no doubt: a printed work photographed or scanned page by page, or shared
# to save buying it.
_PLAIN_COPYING = (
    r"(?:photographed|scanned|copied|snapped|photocopied) (?:every|each|all) (?:single )?"
    r"(?:page|sheet)|sav(?:es?|ing) (?:you )?(?:buying|paying)|no need to buy"
    r"|instead of (?:buying|paying)"
)
_WHOLE_COPY = re.compile(
    r"\b(?:scanned|photocopied|all \d+ pages|free download|ripped"
    r"|(?:whole|entire|complete|full) (?:[\w-]+ ){0,4}?(?:book|textbook|workbook|thing|film|movie"
    r"|pack|scheme|series|album|course|copy|episode|set|guide|scan|novel|magazine|manual)"
    rf"|{_PLAIN_COPYING})\b"
)
_RESERVED = re.compile(r"all rights reserved")
# A © notice is a reservation too, but a block needs the copying to be plain (a "full film"
# of a performance may be what the licence allows).
_NOTICE = re.compile(r"©|\(c\) ?(?:19|20)\d\d|\bcopyright\b")
_PLAIN_COPY = re.compile(rf"\b(?:{_PLAIN_COPYING})")


class CopyrightDetector:
    name = "copyright"
    kinds = frozenset({RuleKind.COPYRIGHT})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        post = analysis.post
        if post is None or (not post.attachments and "copyright" not in fired(analysis)):
            return ()  # most items, without making a generator
        return self._found(analysis, post)

    def _found(self, analysis: Analysis, post: Item) -> Iterable[Candidate | Note]:
        for attachment in post.attachments:
            candidate = self._attachment(analysis, attachment)
            if candidate is not None:
                yield candidate
        mark = _TEXT_MARK.search(analysis.lower) if "copyright" in fired(analysis) else None
        if mark is not None and not _owned_by_school(analysis, mark) and not _permitted(analysis):
            yield self._text_mark(analysis, mark)

    def _attachment(self, analysis: Analysis, attachment: Attachment) -> Candidate | None:
        label = attachment.name or f"the {attachment.type}"
        if attachment.rights is None:
            if _probably_own(analysis, attachment):
                return None
            return self._make(
                label, f"No rights are recorded for {label}: is it yours to share?", 0.5
            )
        rights = attachment.rights.lower()
        if _RESTRICTIVE.search(rights) is None or _PERMISSIVE.search(rights) is not None:
            return None
        whole = _shared_whole(rights, analysis.lower)
        return self._make(
            label,
            f"The rights recorded for {label} (“{attachment.rights}”) do not allow sharing "
            "it here.",
            0.9 if whole else 0.7,
            Severity.BLOCK if whole else Severity.REVIEW,
        )

    def _text_mark(self, analysis: Analysis, mark: re.Match[str]) -> Candidate:
        evidence = analysis.text[mark.start() : mark.end()]
        # "All rights reserved" beside wording that shares the whole work is a clear breach.
        text = analysis.lower
        whole = _shared_whole(text, text)
        return self._make(
            evidence,
            f"The post carries a mark of someone else's material (“{evidence}”).",
            0.9 if whole else 0.6,
            Severity.BLOCK if whole else Severity.REVIEW,
            start=mark.start(),
            end=mark.end(),
        )

    def _make(
        self,
        evidence: str,
        message: str,
        score: float,
        severity: Severity = Severity.REVIEW,
        start: int = 0,
        end: int = 0,
    ) -> Candidate:
        return Candidate(
            kind=RuleKind.COPYRIGHT,
            start=start,
            end=end,
            evidence=evidence,
            message=message,
            suggestion="Share only material the school or you made, or have permission "
            "to use; otherwise link to the owner's own page.",
            detector=self.name,
            score=score,
            max_severity=severity,
        )


def _shared_whole(rights: str, text: str) -> bool:
    """A rights-reserved work shared whole: "all rights reserved" and the whole of it, or a
    © notice and plain copying."""
    if _RESERVED.search(rights) is not None:
        return _WHOLE_COPY.search(text) is not None
    return _NOTICE.search(rights) is not None and _PLAIN_COPY.search(text) is not None


def _probably_own(analysis: Analysis, attachment: Attachment) -> bool:
    """Whether an attachment with no rights recorded is most likely the author's own.

    Photos and videos usually are, unless the post says they were found elsewhere;
    other files are when the post or file name says they are the school's own work.
    """
    if _found_elsewhere(analysis, attachment):
        return False
    if attachment.type.lower() in OWN_MEDIA:
        return True
    return bool(_OWN_WORK.search(analysis.lower) or _OWN_WORK.search(attachment.name.lower()))


def _found_elsewhere(analysis: Analysis, attachment: Attachment) -> bool:
    name = attachment.name.lower()
    return bool(_FOUND.search(analysis.lower) or _FOUND.search(name) or _TEXT_MARK.search(name))


def _permitted(analysis: Analysis) -> bool:
    """A post that says the material is shared with permission or under an open licence."""
    return _PERMITTED.search(analysis.lower) is not None


def _owned_by_school(analysis: Analysis, mark: re.Match[str]) -> bool:
    """A © notice naming the school itself ("© Willowbank Primary School 2026")."""
    words = analysis.context.school.name.lower().split()
    notice = mark.group() == "©" or mark.group().startswith("(c)")
    return notice and bool(words) and words[0] in analysis.lower[mark.end() : mark.end() + 20]
