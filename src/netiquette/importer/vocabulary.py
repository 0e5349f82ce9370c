"""The words schools use, mapped to the engine's vocabulary: roles, strengths and rule kinds.

Each rule kind has weighted cues; a clause's kind is the best-scoring one and its confidence
comes from how clearly it beats the runner-up. The tables are data so that a new phrasing
found in a real policy is one line here, not new code.
"""

from __future__ import annotations

import re

from netiquette.kinds import Role, RuleKind

ROLE_WORDS: dict[Role, re.Pattern[str]] = {
    Role.PUPIL: re.compile(
        r"\b(?:children|child|pupils?|students?(?! teachers?)|learners?|young people)\b", re.I
    ),
    Role.STAFF: re.compile(
        r"\b(?:staff|employees?|teachers?|teaching assistants?|volunteers?|colleagues?|"
        r"workforce|adults working|trainees?)\b",
        re.I,
    ),
    Role.GOVERNOR: re.compile(r"\b(?:governors?|trustees?)\b", re.I),
    Role.PARENT: re.compile(r"\b(?:parents?|carers?|guardians?|families)\b", re.I),
}
EVERYONE = re.compile(
    r"\b(?:everyone|everybody|all users|all members of (?:the|our) (?:school )?community|"
    r"(?:the|our) (?:whole )?school community|all of us)\b",
    re.I,
)
# Subjects that make a sentence a duty of the school, not a rule for the people it binds.
SCHOOL_SUBJECT = re.compile(
    r"^\s*(?:the school|our school|the academy|we|(?:the )?head ?teacher|(?:the )?headteacher|"
    r"(?:the )?principal|(?:the )?governing (?:body|board)|the trust|the (?:local )?authority|"
    r"this policy|the policy|(?:the )?dsl|(?:the )?designated safeguarding lead)"
    r"(?:\s+(?:will|must|should|shall|is|are|has|have|may|can|also|itself|cannot|aims|expects|"
    r"does|do|therefore|always|never)\b|\s*[:\-–]?\s*$)",
    re.I,
)

DOCUMENT_SUBJECT = re.compile(
    r"^\s*(?:this|the|our) (?:policy|protocol|document|guidance|code|charter|agreement|"
    r"procedure|section)\b",
    re.I,
)

# Wording strength cues; the earliest cue in a clause sets its level. Negative forms come first
# so that "must not" wins over "must" at the same place.
STRENGTH_CUES = re.compile(
    r"(?P<caution>\b(?:caution|care (?:should|must) be taken|take (?:great )?care|be careful|"
    r"be mindful|think carefully|exercise care|with care)\b)"
    r"|(?P<must_not>\bI (?:will|shall) (?:not|never)\b|\bI won[’']t\b|\b(?:must not|mustn[’']t|must never|do not|don[’']t|never|may not|cannot|"
    r"can not|(?:is|are) not (?:permitted|allowed|to)|not (?:be )?permitted|not allowed|"
    r"(?:is|are) (?:strictly )?(?:forbidden|prohibited|unacceptable|not acceptable)|will not be (?:tolerated|accepted|"
    r"permitted)|under no circumstances|no (?:member of staff|pupil|parent|governor|one) "
    r"(?:may|should|must))\b)"
    r"|(?P<should_not>\b(?:should not|shouldn[’']t|should never|ought not|avoid\w*|"
    r"(?:is|are) (?:strongly )?(?:discouraged|not advised|not recommended)|refrain from|"
    r"(?:asked|requested|advised|encouraged) not to|not (?:advisable|recommended))\b)"
    r"|(?P<must>\bI (?:will|shall|agree to|undertake to|promise to)\b|\b(?:must|(?:is|are) required to|(?:has|have|need|needs) to|ensure|make sure|"
    r"shall)\b|^(?:please\s+)?(?:always|only)\b)"
    r"|(?P<should>\b(?:should|(?:is|are) expected to|(?:is|are) (?:strongly |also )?(?:encouraged|asked|advised) "
    r"to|expects?|asks?|encourages?|recommends?|urges?|reminds?)\b|"
    r"^please\b(?!\s+(?:do not|don[’']t|never|always|only)))",
    re.I,
)
# A verb whose object, not subject, is bound: "staff expect parents to ..." binds parents.
OBJECT_VERB = re.compile(r"^(?:expects?|asks?|encourages?|recommends?|urges?|reminds?)$")
IMPERATIVE_START = re.compile(
    r"^(?:please\s+)?(?:do not|don[’']t|never|always|only|avoid|ensure|make sure|think|be|"
    r"keep|take care|refrain|report|use|check|respect|remember|treat|seek|ask|raise|tell|speak|"
    r"talk|consider|bring|inform|set|protect|block|contact)\b",
    re.I,
)

# Lead-ins that open a list of rules, and those that open the school's own procedure.
RULE_LEAD_IN = re.compile(
    r"\b(?:guidelines?|rules?|expectations?|code of conduct|dos and don[’']?ts|agree|undertake|"
    r"following (?:apply|applies)|expected|required|asked)\b|^(?:do|dos|do['’]s)\s*:?$",
    re.I,
)
PROCEDURE = re.compile(
    r"\b(?:if (?:there is|there's|you have|we (?:receive|are made aware of|become aware of)) "
    r"an? (?:problem|concern|complaint|issue|breach)|(?:we|the school) will(?: then)?\s*:?$|"
    r"procedure|what (?:we|the school) will do|steps? (?:we|the school) (?:will )?take|"
    r"in the event of|dealing with (?:concerns|breaches|complaints|problems)|how we (?:respond|deal))",
    re.I,
)

_Cues = tuple[tuple[str, float], ...]
KIND_CUES: dict[RuleKind, _Cues] = {
    RuleKind.CONFIDENTIAL_INFORMATION: (
        (r"\bconfidential(?:ity)?\b", 2.0),
        (r"\bin confidence\b", 2.0),
        (r"\b(?:disclos|reveal|divulg|leak)\w*", 1.0),
        (r"\bdiscuss\w* (?:\S+ ){0,2}(?:pupils|children|colleagues|families)\b", 1.5),
        (r"\bthird part(?:y|ies)\b", 1.0),
        (r"\b(?:inspection|ofsted) (?:outcomes?|results?|reports?|judgements?)\b", 1.5),
        (r"\bstaffing\b|\binternal (?:matters|information|investigations?)\b", 1.5),
        (r"\b(?:sensitive|private) information\b|\bunpublished\b", 1.0),
        (
            r"\bbusiness of the (?:governing (?:body|board)|school|trust|academy)\b|"
            r"\bclosed (?:sessions?|meetings?)\b|\bmatters discussed (?:in|at)\b",
            2.5,
        ),
    ),
    RuleKind.PERSONAL_DATA: (
        (r"\bpersonal (?:information|data|details)\b", 3.0),
        (r"\bdata protection\b|\bgdpr\b", 2.0),
        (r"\b(?:home )?address(?:es)?\b|\bcontact details\b", 1.5),
        (r"\b(?:phone|telephone|mobile) numbers?\b|\bdates? of birth\b", 1.5),
        (
            r"\b(?:full )?names? of (?:pupils|children|students)\b|\bnam(?:e|es|ing) "
            r"(?:a |any |other |the )?(?:pupils?|child(?:ren)?|students?)\b",
            2.0,
        ),
        (r"\bwhere (?:they|he|she|pupils|children|people) lives?\b|\bhow to contact\b", 1.5),
        (r"\bwithout (?:\S+ ){0,3}(?:consent|permission)\b", 1.0),
        (r"\b(?:medical|health|religio\w*|ethnic\w*|special educational needs)\b", 0.5),
        (r"\bidentif(?:y|ying|iable)\b", 0.5),
    ),
    RuleKind.PHOTO_CONSENT: (
        (r"\b(?:photo(?:graph)?s?|images?|videos?|pictures?|footage|filming|film)\b", 2.0),
        (r"\b(?:consent|permission)\b", 1.0),
        (r"\b(?:pupils?|children|child)\b", 0.5),
    ),
    RuleKind.ABUSE: (
        (r"\babus(?:e|ive)\b|\bdiscriminat\w*|\bharass\w*|\bthreat\w*|\bintimidat\w*", 2.0),
        (r"\b(?:racis|sexis|homophob|transphob|hate\b|hateful|extremis)\w*", 2.0),
        (r"\boffensive\b|\bobscene\b|\bviolen\w*", 1.5),
    ),
    RuleKind.CYBERBULLYING: (
        (r"\b(?:cyber[- ]?)?bull(?:y|ying|ied|ies)\b", 3.0),
        (r"\btroll\w*|\bhumiliat\w*|\bvictimis\w*|\bvictimiz\w*", 1.5),
        (r"\bexclud\w* (?:others|someone|anyone)\b|\bgang(?:ing)? up\b", 1.0),
        (r"\bmock\w*|\btarget(?:s|ing|ed)? (?:a |any |an )?(?:pupil|child|member|person)", 1.5),
    ),
    RuleKind.DEFAMATION: (
        (r"\bdefam\w*|\blibel\w*|\bslander\w*", 3.0),
        (r"\b(?:false|untrue|unfounded) (?:statements?|allegations?|claims?|accusations?)\b", 2.0),
        (r"\breputation of (?:the|an|any) (?:individual|person)\b|\ballegations?\b", 1.0),
        (r"\bfictitious\b|\bmalicious (?:comments?|allegations?|claims?)\b|\brumou?rs?\b", 2.0),
    ),
    RuleKind.INAPPROPRIATE_LANGUAGE: (
        (r"\blanguage\b", 2.0),
        (r"\bprofan\w*|\bswear\w*|\bvulgar\b|\bcrude\b", 2.5),
        (r"\bcourte(?:sy|ous)\b|\bpolite\w*|\brude\w*|\bdiscourte\w*", 1.5),
        (r"\brespect(?:ful)?\b|\btone\b", 0.75),
    ),
    RuleKind.SCHOOL_WEBSITE_LINK: (
        (r"\blink\w*\b[^.]{0,80}\b(?:websites?|web ?sites?|pages?)\b", 3.0),
        (r"\bschool[’']?s? (?:website|web ?site|web pages?|domain)\b", 1.5),
        (r"\bpersonal (?:websites?|sites|web ?pages|blogs?)\b", 1.0),
    ),
    RuleKind.COPYRIGHT: (
        (r"\bcopyright\w*|\bintellectual property\b|\btrade ?marks?\b", 3.0),
        (r"\bplagiari\w*|\bthird[- ]party (?:content|material)\b", 2.0),
        (r"\blicen[cs]\w*|\b(?:owner|creator|author)[’']?s? permission\b", 1.0),
        (
            r"\b(?:other people|someone else|others)[’']?s? (?:work|material|content|resources)\b"
            r"|\bbelong(?:s|ing)? to (?:someone else|others|other people)\b",
            2.5,
        ),
    ),
    RuleKind.SENSITIVE_MATTER: (
        (r"\bsensitive (?:matters?|issues?|subjects?|topics?)\b", 3.0),
        (r"\bcomplain\w*|\bgrievances?\b|\bdisputes?\b", 1.5),
        (
            r"\b(?:raise|bring|take|report|address|discuss)\w* (?:\S+ ){0,12}(?:directly )?"
            r"(?:with|to) the school\b",
            2.0,
        ),
        (r"\bday[- ]to[- ]day communications?\b|\bvehicle for\b|\brather than\b", 1.5),
        (r"\bconcerns?\b|\bincidents?\b|\bdiscuss\w*|\bair(?:ing)? (?:grievances|views)\b", 1.0),
        (r"\b(?:raise|bring|report|share)\w* (?:\S+ ){0,3}(?:concerns?|worries|worry)\b", 1.5),
        (r"\bnot (?:on|via|through) social media\b|\brather than (?:on|via|through|in)\b", 1.5),
    ),
    RuleKind.DETRIMENTAL_CONDUCT: (
        (r"\bdetrimental\b|\bdisrepute\b", 3.0),
        (r"\breputation of the school\b|\bschool[’']?s reputation\b|\bundermin\w*", 2.5),
        (r"\bconduct (?:themselves|yourself|ourselves)\b|\b(?:their|your) conduct\b", 1.5),
        (r"\bembarrass\w*|\bdamag\w* (?:\S+ ){0,3}(?:school|profession)\w*", 1.5),
        (r"\bprofessional\w*|\bbring\w* (?:\S+ ){0,3}into\b|\bbehaviou?r online\b", 1.0),
    ),
    RuleKind.PERSONAL_USE_WORK_TIME: (
        (r"\bpersonal (?:use|purposes|business|reasons)\b", 3.0),
        (r"\b(?:working|work|employer|school|directed|teaching|contact) (?:time|hours)\b", 2.0),
        (r"\bduring (?:lessons|the school day|the working day|working hours)\b", 2.0),
        (
            r"\bschool (?:e-?mail|systems?|equipment|devices?|network|computers?|internet|"
            r"laptops?|ict)\b|\bintranet\b",
            1.5,
        ),
        (r"\be-?mail addresses?\b|\binternet systems?\b", 0.5),
        (
            r"\b(?:in|at) school\b|\bduring school hours\b|\baccess\w* (?:social (?:media|"
            r"networking)|personal accounts)",
            1.0,
        ),
    ),
    RuleKind.FRIEND_REQUEST: (
        (r"\bfriend(?:ship)? requests?\b", 4.0),
        (r"\b(?:accept|add|befriend)\w* (?:\S+ ){0,3}(?:as )?(?:friends?|contacts?)\b", 2.5),
        (
            r"\bcontact\b(?:\s+\S+){0,6}\s+with\s+(?:any |a |current |former )?(?:pupils?|"
            r"students?|children|child)\b|\bcontact (?:any |current |former )?(?:pupils|students)\b",
            2.5,
        ),
        (r"\baccept\w* (?:\S+ ){0,2}requests?\b|\bfriendships? with\b", 2.5),
        (r"\bfollow(?:ers?|ing)?\b|\bconnect\w*|\b(?:private|direct) messag\w*", 1.0),
    ),
}

# The subjects within personal data that the engine's detectors name.
TOPIC_CUES: dict[str, re.Pattern[str]] = {
    "pupil-names": re.compile(r"\bnames?\b|\bnaming\b", re.I),
    "contact-details": re.compile(
        r"\baddress(?:es)?\b|\b(?:phone|telephone|mobile) numbers?\b|\bcontact details\b|"
        r"\bwhere (?:they|he|she|pupils|children|people) lives?\b|\bhow to contact\b",
        re.I,
    ),
    "identifiers": re.compile(
        r"\bupns?\b|\bunique pupil numbers?\b|\bnhs numbers?\b|\bnational insurance\b|"
        r"\bdates? of birth\b",
        re.I,
    ),
    "special-category": re.compile(
        r"\bhealth\b|\bmedical\b|\breligio\w*|\bethnic\w*|\bsexual\w*|\bspecial educational "
        r"needs\b|\bsend\b|\bdisabilit\w*",
        re.I,
    ),
}
