"""School matters taken to social media, and public conduct that damages the school.

`SensitiveMatterDetector`: a complaint about a member of staff or a pupil, or an incident
in school (a fight, an injury, a child left behind, bullying), posted where the community
reads it instead of raised with the school. The school's own route is named in the
suggestion, from the policy's procedure.

`DetrimentalConductDetector`: the school run down in public ("worst school", "avoid"),
and staff or governors whose posts about the job (drunk at work, sneering at families)
reflect on the school.

Both are judgements of tone, so both stop at review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netiquette.detectors.base import Analysis, about_fiction, to_the_school
from netiquette.detectors.cues import Phrases, fired_families
from netiquette.detectors.defamation import HONORIFIC, ROLE_REFERENCE
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, Role, RuleKind, Severity

PUBLIC_OR_PRIVATE = frozenset({Channel.PERSONAL, Channel.DIRECT})

_COMPLAINT = re.compile(
    r"\b(?:unacceptable|disgusting|disgraceful|disgrace|appalling|shocking|outrageous|livid"
    r"|fuming|furious|seething|so angry|really angry|(?:really |very |so )?unhappy with"
    r"|not happy|fobbed off|did (?:nothing|sod all|bugger all|zero)|done (?:nothing|sod all)"
    r"|(?:nobody|no one|no1|noone) (?:from|at|in) (?:the )?(?:school|office) (?:has )?(?:even )?"
    r"(?:apologised|called|rang|phoned|replied|told|contacted|bothered|said)"
    r"|nothing (?:was|has been|is being) done|nobody (?:has )?(?:even )?(?:apologised|called"
    r"|rang|replied|told us|cares)|no one (?:has )?(?:even )?(?:apologised|called|replied|cares)"
    r"|(?:hasn'?t|has not|haven'?t|still not|never) (?:even )?(?:replied|responded|got back"
    r"|apologised)|ignored|humiliat\w+|(?:way|how) (?:it|this|that|they|she|he) "
    r"(?:was |were |has been |have )?handled|handled (?:it|this|my)|raise (?:it|this) with"
    r"|complain(?:t|ed|ing)?|let (?:us|my \w+|him|her) down|had enough|sort (?:it|this) out"
    r"|useless|a joke|wouldn'?t let|refused to let|sent home|no one (?:even )?explained"
    r"|nobody (?:even )?explained|no explanation|without (?:any )?explanation"
    r"|(?:weren'?t|wasn'?t|not|nobody|no one) (?:even )?(?:watching|supervising|paying attention)"
    r"|no supervision|(?:nobody|no one) (?:is )?talking about"
    r"|(?:is|was|it'?s|its|that'?s|thats) (?:just |so |really )?not (?:ok|okay|acceptable|on)"
    r"|out of order|(?:nobody|no one|no1|noone) (?:\w+ ){0,4}(?:listens?|listened|listening)"
    r"|(?:won'?t|wont|doesn'?t|don'?t|didn'?t) (?:even )?listen"
    r"|nothing (?:ever )?(?:changes|changed|has changed)|nothing'?s changed"
    r"|ridiculous|(?:so |really )?fed up|sick (?:and tired )?of (?:it|this|them)|rant"
    r"|how (?:is|was|can) (?:that|this|it) (?:be )?(?:allowed|ok|okay|acceptable|right)"
    r"|(?:has|have|had|got) it in for (?:him|her|my \w+|them|us)|no (?:phone )?call|not even a (?:phone )?call|can'?t even (?:tell|explain|ring|call"
    r"|phone|be bothered|let)|is this normal|no incident (?:form|report|slip))\b"
)
# Something done to someone: an incident whoever posts it.
_INCIDENT = re.compile(
    # Fighting for something, or the council, is a struggle, not an incident.
    r"\b(?:(?:fight|fighting|fought)(?! (?:for|to|back|off|against|the (?:council|local"
    r" authority|la|system|trust|government|cuts|decision)))"
    r"|punched|kicked|kicking|bit (?:my|her|him|his|a|another|our|me)"
    r"|(?:pushed|shoved|tripped|thrown|knocked) (?:(?:my|our|her|his|a|the) \w+ |him |her |me "
    r"|them )?(?:over|down|off|into|against)|spat (?:at|on)"
    r"|pulled (?:her|his|my \w+'s) hair"
    r"|bitten|biting|hit|hitting|bull(?:ied|ying|y)|excluded|exclusion|suspended"
    r"|left (?:behind|at|on)|went missing"
    r"|lost (?:my|a|our) (?:child|son|daughter)|screamed at|shouted at|swore at|sworn at"
    r"|(?:screaming|shouting|yelling|yelled|swearing) at"
    r"|wet (?:herself|himself)|restrained|locked (?:in|out))\b"
)
# An injury alone is news about a child; with a complaint it is a matter for the school.
_INJURY = re.compile(
    r"\b(?:hurt|injur\w+|bruised?|a ?& ?e|hospital|ambulance|nosebleed|bloody nose"
    r"|broke (?:his|her) \w+|black eye|split lip|stitches|concussion|sprained"
    r"|broken (?:arm|wrist|leg|ankle|finger|nose|tooth)|(?:cut|bump) on (?:his|her) (?:head|face))\b"
)
_DENIED = re.compile(r"\b(?:never|not|didn'?t|wasn'?t|no one|nobody)\W+(?:\w+\W+)?$")
_OWN_CHILD = re.compile(r"\bmy (?:son|daughter|child|kid|boy|girl|little one|eldest|youngest)\b")
_SCHOOL_SETTING = re.compile(
    r"\b(?:year \d+|reception|playground|classroom|class|lunch|lunchtime|toilets|school"
    r"|trip|pick[- ]up|drop[- ]off|assembly|staff|teacher|head|senior leadership|slt)\b"
)
_GROUP_TARGET = re.compile(
    r"\b(?:senior leadership|slt|the office|the school|the teachers|the staff|the governors)\b"
)
_PRAISE = re.compile(
    r"\b(?:thank you|thanks|brilliant|fantastic|amazing|lovely|wonderful|well done|proud"
    r"|great job|so helpful|genuinely useful|brilliantly|settled (?:down|in) (?:well|brilliantly)"
    r"|handled [\w ]{0,20}brilliantly)\b"
)


class SensitiveMatterDetector:
    name = "sensitive-matter"
    kinds = frozenset({RuleKind.SENSITIVE_MATTER})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if analysis.channel is not None and analysis.channel not in PUBLIC_OR_PRIVATE:
            return ()
        families = fired_families(analysis, "sensitive")
        if not families or to_the_school(analysis) or about_fiction(analysis):
            return ()  # most items, without making a generator; a message to staff is the route
        return self._found(analysis, families)

    def _found(self, analysis: Analysis, families: list[str]) -> Iterable[Candidate | Note]:
        text = analysis.lower
        complaint = _COMPLAINT.search(text) if "complaint" in families else None
        incident = _first_stated(_INCIDENT, text) if "incident" in families else None
        if complaint is None and incident is None:
            return
        named = _named_target(analysis)
        if not _is_school_matter(text, complaint, incident, named):
            return
        cue = named or complaint or incident
        assert cue is not None
        yield self._candidate(analysis, cue.span() if isinstance(cue, re.Match) else cue)

    def _candidate(self, analysis: Analysis, span: tuple[int, int]) -> Candidate:
        evidence = analysis.text[span[0] : span[1]]
        return Candidate(
            kind=RuleKind.SENSITIVE_MATTER,
            start=span[0],
            end=span[1],
            evidence=evidence,
            message="This raises a concern about a school matter (a complaint about "
            "someone, or an incident) on social media instead of with the school.",
            suggestion=school_route(analysis),
            detector=self.name,
            score=0.6,
            max_severity=Severity.REVIEW,
        )


def school_route(analysis: Analysis) -> str:
    """The suggestion naming the school's own route, from its policy's procedure."""
    steps = analysis.context.policy.procedure.steps
    first = f" {steps[0].text}" if steps else ""
    return (
        "Take this to the school directly (the class teacher, the office or the head "
        f"teacher) rather than posting it.{first}"
    )


def _first_stated(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match not denied just before it ("never hit anyone")."""
    for match in pattern.finditer(text):
        if _DENIED.search(text, max(0, match.start() - 20), match.start()) is None:
            return match
    return None


def _named_target(analysis: Analysis) -> tuple[int, int] | None:
    """The first member of staff or pupil named (or titled) in the text."""
    named = analysis.mentioned(Role.STAFF, Role.PUPIL)
    if named:
        return named[0].start, named[0].end
    honorific = HONORIFIC.search(analysis.text)
    if honorific is not None:
        return honorific.span()
    role = ROLE_REFERENCE.search(analysis.lower)
    return role.span() if role is not None else None


def _is_school_matter(
    text: str,
    complaint: re.Match[str] | None,
    incident: re.Match[str] | None,
    named: tuple[int, int] | None,
) -> bool:
    """A complaint about someone, or an incident in school, rather than a passing remark."""
    if complaint is None and _PRAISE.search(text):
        return False
    if complaint is not None and (
        named or incident or _INJURY.search(text) or _GROUP_TARGET.search(text)
    ):
        return True
    if incident is not None and (named or _OWN_CHILD.search(text)):
        setting = _SCHOOL_SETTING.search(text) is not None
        return setting or named is not None or complaint is not None
    return (
        incident is not None
        and _SCHOOL_SETTING.search(text) is not None
        and bool(
            re.search(r"\b(?:today|again|yesterday|this morning|at lunch|what happened)\b", text)
        )
    )


# Running the school down: strong on their own, weak only alongside a reference to the school.
_BAD_SCHOOL = re.compile(
    r"\b(?:worst|terrible|awful|rubbish|useless|shocking|appalling|crap|shit|shite"
    r"|dreadful|horrible|pathetic|joke of a|dump of a|hellhole of a) school\b"
    r"(?! run| trip| photo| dinner| uniform| bag| holiday| gate| car park| traffic)"
)
_DISPARAGING = Phrases(
    (("avoid",), r"\bavoid (?:this|that|the) school|\bavoid (?:it|them) like the plague"),
    (("this dump",), r"\bthis dump\b"),
    (("titanic", "ship", "rats"), r"on the titanic|\bsinking ship\b|\brats (?:leaving|deserting)"),
    (("star",), r"\b(?:1|one|zero|0) stars?\b"),
    (
        ("pull", "elsewhere"),
        r"pull (?:your|my|our) (?:kids|children|child) out|take your (?:kids"
        r"|children) elsewhere",
    ),
    (("run by",), r"\brun by (?:clowns|idiots|amateurs)"),
    (
        ("send a dog", "send my dog", "worst enemy"),
        r"(?:wouldn'?t|would not|i'?d not|i'?d never|would never|never) send (?:a dog|my dog"
        r"|my worst enemy)",
    ),
)
# "Please send your child with a coat" is common: this one is checked only when it can match.
_DONT_SEND = re.compile(
    r"\b(?:don'?t|do not|never) send your (?:kids|children|child|little ones) (?:to )?(\w+)"
)
_WEAK_DISPARAGING = Phrases(
    (
        ("joke", "shambles", "disgrace", "farce", "embarrassment"),
        r"\b(?:is|are|was|were) (?:a |an )?(?:absolute |complete |total )?(?:joke|shambles"
        r"|disgrace|farce|embarrassment)\b|\bshambles\b"
        r"|\bwhat an? (?:absolute |complete |total )?(?:joke|shambles|farce|disgrace)\b",
    ),
    (("a clue", "care less"), r"haven'?t (?:got )?a clue|(?:don'?t|couldn'?t) care less"),
    (("downhill",), r"(?:gone|going|went|goes) (?:\w+ ){0,2}downhill"),
    (("bargepole", "barge pole"), r"touch (?:it|them|that school|this school) with a barge ?pole"),
    (("think twice",), r"think twice"),
    (
        ("a mess", "a tip", "a zoo", "madhouse"),
        r"(?:the place|it|this school|the school|that school) is (?:a |an )?(?:absolute |total )?"
        r"(?:mess|tip|zoo|madhouse)\b",
    ),
    (("chaotic", "cliquey", "circus"), r"\bchaotic\b|\bcliquey\b|\ban? (?:\w+ )?circus\b"),
    (("worst decision", "worst mistake"), r"\bworst (?:decision|mistake)"),
    (
        ("stay away", "keep away", "well away"),
        r"\b(?:stay|keep|steer) (?:well |far )?(?:away|clear) from\b",
    ),
    (("the dogs", "to pot"), r"(?:gone|going|went) to (?:the dogs|pot)"),
    (("avoid",), r"\bavoid (?:at all costs|like the plague)"),
    (
        ("pulled", "pulling"),
        r"pull(?:ed|ing) (?:my|our) (?:kids|children|child|son|daughter|two) out",
    ),
    (("organise", "organize"), r"(?:couldn'?t|can'?t|could not|cannot) organi[sz]e a "),
    (
        ("hiding", "nowhere to be seen", "awol", "missing in action"),
        r"\b(?:slt|leadership|management|the head|senior leaders?|the office) (?:\w+ ){0,2}?"
        r"(?:(?:is |are |were |was )?hiding|nowhere to be seen|awol|missing in action)",
    ),
    (("avoid",), r"\bavoid[.!]*$|\bavoid\."),
    (
        ("anywhere but", "anywhere else but", "anywhere other than", "biggest mistake"),
        r"\b(?:look|go|try|send them) anywhere (?:else )?(?:but|other than)\b"
        r"|\bbiggest mistake (?:we|i|we'?ve|i'?ve) (?:ever )?(?:made|make)",
    ),
    (
        (
            "shitshow",
            "sh*tshow",
            "sh!tshow",
            "shit show",
            "dumpster fire",
            "train wreck",
            "trainwreck",
            "clown show",
        ),
        r"sh[i*!1]t ?show|dumpster fire|train ?wreck|clown show",
    ),
    (("useless", "incompetent"), r"\buseless\b|\bincompetent\b"),
    (
        ("recommend",),
        r"(?:would not|wouldn'?t|would never|can'?t|cannot|could not|couldn'?t) recommend",
    ),
    (
        ("leadership", "management"),
        r"(?:shocking|terrible|awful|useless|appalling|poor|weak|non-existent|clueless) "
        r"(?:leadership|management|senior leadership)",
    ),
)
# Praise that means the opposite: "Brilliant leadership 🙃", "another day in paradise".
_SARCASM = re.compile(
    r"🙃|🙄|\B/s\b|another day in paradise|said no one ever|yeah right|thanks for nothing"
    r"|living the dream"
)
_SCHOOL_REFERENCE = re.compile(
    r"\b(?:this|that|the|our|their) school\b|\bthe teachers\b|\bthe head\b|\bleadership\b"
    r"|\bslt\b|\bgovernors\b|\bas an? (?:parent |chair of )?governor\b"
)
# Staff conduct that reflects on the school: drink around work, sneering at families.
_DRINK = re.compile(
    r"\b(?:hungover|hangover|drunk|legless|trollied|tipsy|plastered|sloshed|(?:got|get"
    r"|getting) messy|pissed(?! off)|(?:glass|glasses|bottle|bottles) of (?:wine|prosecco|gin)"
    r"|pints|beers|vodka|shots)\b|🍻|🥴|🍺|🍾|🍷"
)
_AT_WORK = re.compile(
    r"\b(?:in front of|year \d+s?|y\d{1,2}s?|my class|the kids|pupils|at work|staff do"
    r"|staff (?:night|party|do|drinks)|staffroom|parents'? evening|playground duty|teaching"
    r"|lesson|before (?:school|work|the school)|school (?:disco|trip|fair|play|event|run))\b"
    r"|#\w*(?:teach|school|staff|nqt|edu)"
)
_SNEER = re.compile(
    r"\b(?:thick as|thick|stupid|feral|animals|brats|vile|idiots|morons|on benefits|chavs"
    r"|scum|little shits|can'?t stand (?:the|these|those) (?:kids|parents)|hate (?:this|my) job"
    r"|hate (?:the|these) kids|pulled a sickie|pulling a sickie)\b"
)
_FAMILIES = re.compile(
    r"\b(?:parents|families|mums|dads|kids|children|pupils|my class|half of them|year \d+s?)\b"
    r"|parents'? evening"
)
STAFF_ROLES = frozenset({Role.STAFF, Role.GOVERNOR})


class DetrimentalConductDetector:
    name = "detrimental-conduct"
    kinds = frozenset({RuleKind.DETRIMENTAL_CONDUCT})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if analysis.channel is not None and analysis.channel not in PUBLIC_OR_PRIVATE:
            return ()
        families = set(fired_families(analysis, "detrimental"))
        if not families or to_the_school(analysis):
            return ()  # most items, without making a generator; a message to staff is private
        return self._found(analysis, families)

    def _found(self, analysis: Analysis, families: set[str]) -> Iterable[Candidate | Note]:
        found = None
        if families & {"school", "send", "bad"}:
            found = _disparagement(analysis)
        if found is None and "staff" in families:
            found = _staff_conduct(analysis)
        if found is None:
            return
        span, reason = found
        yield Candidate(
            kind=RuleKind.DETRIMENTAL_CONDUCT,
            start=span[0],
            end=span[1],
            evidence=analysis.text[span[0] : span[1]],
            message=f"This {reason}, which could damage the school's standing.",
            suggestion="Keep criticism of the school to the school's own routes, and keep "
            "posts about work to what you would be happy for parents to read. "
            + school_route(analysis),
            detector=self.name,
            score=0.6,
            max_severity=Severity.REVIEW,
        )


def _disparagement(analysis: Analysis) -> tuple[tuple[int, int], str] | None:
    text = analysis.lower
    families = fired_families(analysis, "detrimental")
    strong = _dont_send(analysis) if "send" in families else None
    if strong is None and "bad" in families and "school" in text:
        strong = _BAD_SCHOOL.search(text)
    if strong is None and "school" in families:
        strong = _DISPARAGING.search(text)
    if strong is not None:
        return strong.span(), "runs the school down in public"
    # Every word of these phrases is a trigger of the "school" family (a test holds it so).
    weak = _WEAK_DISPARAGING.search(text) if "school" in families else None
    if weak is None or (_PRAISE.search(text) and not _SARCASM.search(text)):
        return None
    if _SCHOOL_REFERENCE.search(text) or _names_school(analysis):
        return weak.span(), "runs the school down in public"
    return None


def _dont_send(analysis: Analysis) -> re.Match[str] | None:
    """Advice against the school ("don't send your kids there"), not "to school if ill"."""
    match = _DONT_SEND.search(analysis.lower)
    if match is None:
        return None
    word = distinctive_word(analysis.context.school.name)
    where = match.group(1)
    return match if where in {"there", "this", "that"} or where == word else None


def _staff_conduct(analysis: Analysis) -> tuple[tuple[int, int], str] | None:
    if analysis.role not in STAFF_ROLES:
        return None
    text = analysis.lower
    drink = _DRINK.search(text)
    if drink is not None and (_AT_WORK.search(text) or _names_school(analysis)):
        return drink.span(), "links drinking to the job"
    sneer = _SNEER.search(text)
    if sneer is not None and _FAMILIES.search(text):
        return sneer.span(), "talks about the school's families or pupils with contempt"
    return None


def _names_school(analysis: Analysis) -> bool:
    """Whether the school's distinctive name ("Brambleford") appears in the text."""
    word = distinctive_word(analysis.context.school.name)
    return word is not None and word in analysis.lower


_GENERIC_NAME_WORDS = frozenset({"saint", "the", "holy", "church", "royal", "city", "county"})


def distinctive_word(name: str) -> str | None:
    """The first word of a school's name that people use for it ("St Aldhelm's" -> aldhelm)."""
    for word in name.lower().split():
        word = re.sub(r"['’]s$", "", word.strip(".,"))
        if len(word) > 3 and word not in _GENERIC_NAME_WORDS:
            return word
    return None
