"""Personal use of school systems (email, website, intranet) during working hours.

Three things together: the item went out on a school system, in the school's hours, and
its purpose is personal (a holiday booking, selling a bike, a half-marathon sponsorship, a
birthday message to a husband, finding a plumber). A post with no time cannot be placed
inside or outside hours, so it is flagged only when the purpose is unmistakable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netiquette.detectors.base import Analysis
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, RuleKind, Severity

# Purposes that are plainly the writer's own business; weights say how plainly.
_STRONG = re.compile(
    r"\b(?:holiday (?:cottage|let|villa|apartment|home|booking|flights?)|(?:my|our) holiday\b"
    r"|book(?:ed|ing)? (?:a|our|my) holiday|\bflights? to\b|airbnb|golf|tee[- ]off"
    r"|fantasy football|sweepstake|(?:£\s?\d+ )?\bono\b|for sale\b|selling (?:my|our|a|an|the)"
    r"|(?:is|are|am|i'?m) selling (?:\w+ ){0,3}(?:biscuits|cakes|tickets|raffle|candles|cookies)"
    r"|\bbuy my\b|ebay|vinted|marketplace|sponsor (?:me|my)|justgiving|gofundme"
    r"|happy (?:\d+(?:st|nd|rd|th) )?birthday to my|love you (?:loads|lots|so much)?"
    r"|dating|tinder|bumble|hinge profile|my (?:side )?business|side hustle|my etsy"
    r"|(?:private|my) tutoring|plumber|electrician|boiler|mortgage|my landlord"
    r"|(?:my|our) (?:wedding|hen do|stag do)|getting married|babysitter|childminder|\bgig\b"
    r"|concert tickets?|spare tickets?|\bmy (?:\w+ )?party\b|tupperware|avon|usborne|scentsy"
    r"|dentist appointment|(?:room|flat|house|studio) (?:to|for) (?:rent|let)|\bto let\b|\bpcm\b"
    r"|lodger|(?:flat|house) ?share|(?:my|our) (?:car|van|house|flat) insurance"
    r"|dog (?:groomer|walker|sitter)|hairdresser|mechanic|roofer|decorator|cattery|kennels"
    r"|book(?:ing)? (?:my|our) (?:flights?|hotel|holiday|trip)|(?:quote|estimate) for (?:my|our)"
    r"|(?:amazon|asos|argos|ebay) (?:order|parcel|delivery)|personal (?:use|shopping|invoice))"
)
_WEAK = re.compile(
    r"\b(?:invoice|booking|my (?:husband|wife|partner|boyfriend|girlfriend|mum|dad|son"
    r"|daughter|kids)|(?:my|our) (?:house|flat|car|kitchen|garden|dog|cat)|winner takes all"
    r"|entry fee|£\s?\d+ entry|running club|half marathon|marathon|xx+|personal|photographer"
    r"|any recommendations|my (?:sister|brother|cousin|friend|neighbour)(?:'s)?)\b"
)
# Plainly school business: a post that reads like this is not personal, whatever else it says.
_SCHOOL_BUSINESS = re.compile(
    r"\b(?:dear parents|dear families|all parents|parent portal|permission slips?|trip"
    r"|residential|class|pupils|year \d+|curriculum|assembly|staff briefing|inset|ofsted"
    r"|governors'? meeting|safeguarding|school fund|pta|for (?:the )?school"
    r"|school (?:building|site|toilets|kitchen|hall|roof|boiler|office|minibus))\b"
)


class WorkTimeDetector:
    name = "personal-use-work-time"
    kinds = frozenset({RuleKind.PERSONAL_USE_WORK_TIME})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if analysis.channel is not Channel.SCHOOL_SYSTEM:
            return ()  # most items, without making a generator
        return self._found(analysis)

    def _found(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        in_hours = _in_hours(analysis)  # cheaper than the long expressions below
        if in_hours is False:
            return
        text = analysis.lower
        strong = _STRONG.search(text)
        if strong is None and _WEAK.search(text) is None:
            return
        cue = _personal_cue(text, strong, certain=in_hours is True)
        if cue is not None:
            yield self._candidate(analysis, cue, in_hours)

    def _candidate(
        self, analysis: Analysis, cue: re.Match[str], in_hours: bool | None
    ) -> Candidate:
        when = "during school hours" if in_hours else "at an unknown time"
        evidence = analysis.text[cue.start() : cue.end()]
        return Candidate(
            kind=RuleKind.PERSONAL_USE_WORK_TIME,
            start=cue.start(),
            end=cue.end(),
            evidence=evidence,
            message=f"This uses a school system for something personal (“{evidence}”) {when}.",
            suggestion="Use your own email or accounts for personal matters, outside "
            "working hours.",
            detector=self.name,
            score=0.7 if in_hours else 0.5,
            max_severity=Severity.REVIEW,
            details={"in_hours": in_hours},
        )


def _in_hours(analysis: Analysis) -> bool | None:
    moment = analysis.posted_at
    return None if moment is None else analysis.context.school.hours.contains(moment)


def _personal_cue(text: str, strong: re.Match[str] | None, certain: bool) -> re.Match[str] | None:
    """The cue that shows a personal purpose, or None when the purpose is not plain enough.

    School business wording outweighs a single cue ("holiday club booking" for Year 3);
    with the time unknown only a plain personal purpose counts.
    """
    business = _SCHOOL_BUSINESS.search(text) is not None
    if strong is not None:
        if not business or len(_STRONG.findall(text)) >= 2:
            return strong
        return None
    weak = list(_WEAK.finditer(text))
    if certain and not business and len(weak) >= 2:
        return weak[0]
    return None
