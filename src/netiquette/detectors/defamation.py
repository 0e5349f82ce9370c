"""Defamation: a damaging allegation, stated as fact, about someone people can identify.

An allegation is a claim of crime (theft, fraud, corruption), harm to children, dishonesty,
drink or drugs, incompetence or an affair. It matters when it is about an identifiable
person: one of the school's people by name, anyone by title and surname ("Mrs Radcliffe"),
or a role that points at one person ("the PTA treasurer", "Year 5's teacher"), in the same
sentence or, through a pronoun, the sentence before. Hedged wording or a question leaves it
for a person to judge; reported news, counter-speech ("was cleared of") and denials are not
allegations at all.

The target helpers here are shared with the sensitive-matter detector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netiquette.detectors.base import Analysis
from netiquette.detectors.cues import fired_families
from netiquette.findings import Candidate, Note
from netiquette.kinds import Role, RuleKind, Severity

CHILD_HARM = "harm to a child"
_POSSESSOR = r"(?:the|our|my|his|her|their|your|that|this)"
_ROLE_NAME = (
    r"(?:(?:new|old|current|former|acting|interim|assistant) )?(?:head ?teacher|head ?master"
    r"|head ?mistress|head|deputy(?: head)?|principal|caretaker|site manager|office manager"
    r"|(?:school )?business manager|bursar|receptionist|school secretary|pta (?:treasurer|chair"
    r"|chairman|chairwoman|chairperson|secretary)|treasurer|chair of (?:the )?governors"
    r"|senco|dsl|supply teacher|class teacher|teaching assistant|ta|lunchtime supervisor"
    r"|lollipop (?:man|lady)|crossing patrol|(?:school )?nurse|cleaner|librarian|sports coach"
    r"|dinner lady|school cook|pe teacher|music teacher|football coach|coach|teacher)"
)
ROLE_REFERENCE = re.compile(
    rf"\b{_POSSESSOR} {_ROLE_NAME}\b"
    # Roles held by one person in a school need no article ("SENCo lies to parents").
    r"|\b(?:senco|head ?teacher|deputy head|business manager|site manager|chair of governors)\b"
    r"|\b(?:year \d+|reception|y\d+)(?:'s)? (?:class )?(?:teacher|ta|teaching assistant)\b"
    r"|\b(?:son|daughter|child|kid|boy|girl)'?s (?:class )?(?:teacher|ta)\b"
)
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.? [A-Z][\w'’-]+")
# A list item ends where the next marker starts ("🚩 head's never there 🚩 SENCo lies").
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)|\n+|\s+(?:[•·▪◦●🚩❌✅👉➡-]|\d+[.)])\s+")

_ALLEGATIONS = {
    "theft or fraud": r"\bstole\b|\bsteal(?:s|ing)\b|\b(?:nick|pinch|swip)(?:ed|ing|es|s)? "
    r"(?:the |some |our |all the )?(?:money|cash|funds|takings|stuff|food|supplies|equipment"
    r"|laptops?|ipads?|tablets?|tools|petrol|fuel)\b|\b(?:nick|pinch|swip)(?:ed|ing) "
    r"(?:[\w'-]+ ){0,4}(?:from|out of) (?:the|our|school|pta|us)\b"
    r"|\brobb(?:ed|ing) (?:the school|the pta|from)|\bthie(?:f|ves|ving)\b|\btheft\b"
    r"|\b(?:tak(?:es|ing|en)|took) (?:the |our )?(?:school'?s|pta'?s|class) (?:[\w'-]+ ){0,2}home\b"
    r"|\bpocket(?:ed|ing|s) (?:the|our|some|money|cash|funds|it all|the lot|it for)|helping (?:himself|herself|"
    r"themselves) to|(?:took|takes|taking|taken) (?:money|cash) (?:from|out of)|embezzl"
    r"|\bfraud|fiddl(?:ed|es|ing) (?:the |his |her |their )?(?:\w+ )?(?:books|results|accounts"
    r"|figures|expenses|money|register|numbers|data|paperwork|records|marks|grades|scores"
    r"|attendance|claims?|timesheets?)|cook(?:ed|ing|s)? the books|on the fiddle"
    r"|(?:hand|hands|fingers) in the (?:till|kitty|cookie jar|(?:[\w'-]+ )?(?:funds?|money|cash))"
    r"|(?:money|cash|funds?|£\d+) (?:was|were|has been|have been|had been|went) (?:taken|stolen"
    r"|nicked|pocketed|pinched|missing) (?:from|out of) [^.!?]{0,40}?\bby\b|skim(?:med|ming) (?:off|money|from)",
    "corruption": r"\bbrib(?:e|es|ed|ing)\b|backhanders?|kickbacks?|\bcorrupt|\brigged\b"
    r"|(?:get|got|give|gave|getting|giving) (?:his|her|their) (?:mate|mates|friend|friends|"
    r"brother|sister|wife|husband|partner|son|daughter|cousin)(?:'s|s')? (?:\w+ ){0,3}"
    r"(?:the )?(?:contract|job)|line (?:his|her|their) (?:own )?pockets",
    CHILD_HARM: r"\b(?:hit|hits|hitting|slapped|slaps|smacked|punched|kicked|shoved"
    r"|grabbed|grabs|manhandled|dragged|shook|throttled|assaulted|hurt|abused|abuses|abusing"
    r"|bruised) (?:a|the|my|our|his|her|one of the|that|this|some|two|three) (?:\w+ ){0,3}?"
    r"(?:child|children|kid|kids|boy|girl|pupil|pupils|son|daughter|year \d+|little one)"
    r"|child abuser?|\bgroom(?:ed|ing) (?:a|the|children|kids|pupils)|\bbull(?:ies|ied|ying) "
    r"(?:the|a|my|our|his|her) (?:\w+ )?(?:kids|children|pupils|child|class)"
    r"|abus(?:es|ed|ing) (?:his|her|their) (?:position|power|authority)"
    r"|\b(?:is|was|'s) (?:a|an) (?:\w+ )?bully\b",
    "drink or drugs": r"\b(?:was|is|were|turned up|turns up|turning up|came in|comes in|been|got"
    r"|always|completely|blind|falling down|rolling) (?:(?!not\b|never\b)[\w'-]+,? ){0,3}?"
    r"(?:drunk|pissed|stoned|wasted|hammered|steaming|paralytic|rat-?arsed"
    r"|off (?:his|her|their) face)\b(?! (?:on|with) (?:power|success)| off\b)"
    r"|\bdrunk (?:at|in|on(?! power)|during|again|in charge|every|most|half|all)\b"
    r"|drink[- ]driv\w+|drunk[- ]driv\w+|\bon (?:drugs|coke|cocaine|weed)\b"
    r"|(?:takes|taking|took|doing|does|dealing|deals|sells|selling|smokes|smoking|caught with)"
    r" (?:drugs|coke|cocaine|weed|cannabis|pills)"
    r"|\bdrinks (?:at|during|in|before) (?:lunch|lunchtime|work|school|the day|class)"
    r"|\bstoned\b|\ba drunk\b|alcoholic|high (?:as a kite|on)\b"
    r"|smell(?:s|ing|ed|t)? of (?:booze|alcohol|drink|weed|wine|beer|cannabis)",
    "dishonesty": r"\bliars?\b|\blied (?:to|about|on)\b|\b(?:is|was|are|were|been|keeps|kept)"
    r" lying\b|\blies (?:to|about)\b|\bdishonest|\bcheat(?:ed|s|ing)? (?:on|the|in|at)\b|\ba cheat\b|falsif"
    r"|\bforged\b|made up the (?:results|figures|data|marks|grades)|fak(?:ed|ing|es) (?:the |his "
    r"|her |their )?(?:\w+ )?(?:results|figures|data|records|marks|attendance|register|numbers)|covered (?:it|this|that) up"
    r"|cover[- ]up|(?:pack of|told|tells|telling) lies|pointed at the answers|gave (?:them|the kids|the children) the answers",
    "incompetence": r"\bincompeten|unfit to (?:teach|work|be)|not fit to (?:teach|be|work)"
    r"|shouldn'?t be (?:allowed )?(?:near|around) (?:children|kids)|struck off",
    "an affair": r"(?:having|had|has) an affair|sleeping with|shagging|carrying on with"
    r"|(?:having|had|has) it off with|knocking (?:off|about with)",
    "a crime": r"\barrested\b|criminal record|police caution|\bon bail\b|\ba crook\b"
    r"|\bcrooked\b",
}
_ALLEGATION = {name: re.compile(pattern) for name, pattern in _ALLEGATIONS.items()}

_HEDGE = re.compile(
    r"\?|\b(?:i think|i reckon|i believe|i suspect|i feel like|seems?|seemed|apparently"
    r"|allegedly|alleged|reportedly|rumou?rs?|rumoured|someone said|people are saying"
    r"|in my opinion|imo|imho|my view"
    r"|i(?:'ve)? heard|heard that|(?:been|was|were|i'?m|i am|i'?ve been) told|told me|word is|might|may have|could be|possibly|perhaps|maybe|is it true"
    r"|accused of|not sure)\b"
)
_NOT_AN_ALLEGATION = re.compile(
    r"\b(?:(?:was|were|been|being|is|are) (?:completely |fully )?cleared|cleared of|not guilty"
    r"|acquitted|no evidence|no truth|untrue|not true|isn'?t true|false (?:claims?|rumou?rs?"
    r"|allegations?|accusations?)|stop spreading|according to (?:the )?(?:bbc|news|police"
    r"|paper|court|report)|(?:court|jury) (?:heard|found|was told)|in the news|was charged"
    r"|(?:bbc|news|paper|police|court) (?:reports?|reported|said|says)|jailed|sentenced"
    r"|pleaded guilty"
    r"|has been charged|assembly (?:on|about)|lesson (?:on|about)|learn(?:ing|t|ed) about"
    r"|taught (?:\w+ )?about|talk(?:ed)? (?:to \w+ )?about|story about|book about|film about)\b"
)
# A post written to refute a rumour is counter-speech, whatever it repeats.
_REBUTTAL = re.compile(
    r"\b(?:that'?s|this is|it'?s|which is) (?:a lie|not true|untrue|rubbish|nonsense|false)"
    r"|stop spreading|(?:rumou?r|story|claim) (?:is|was) (?:a lie|not true|untrue|nonsense|false)"
)
_NEGATION = re.compile(
    r"\b(?:never|not|no|didn'?t|doesn'?t|wasn'?t|isn'?t|won'?t|wouldn'?t)\W+"
    r"(?:\w+\W+){0,2}$"
)
# "the kid who stole": the allegation is about someone else in the sentence.
_OTHER_SUBJECT = re.compile(
    r"\b(?:kid|child|boy|girl|lad|someone|somebody|person|man|woman|people|pupil|thief"
    r"|one)s? (?:who|that) (?:\w+ )?$"
)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they)\b")
# A sentence that names the act of the one before: "That's fraud", "This is theft".
_DEMONSTRATIVE = re.compile(r"\W*(?:that'?s|this is|that is|it'?s|which is)\b")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence, punctuation included."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def person_targets(analysis: Analysis) -> list[tuple[int, int]]:
    """Spans that point at one identifiable person: a named person, a title, or a role."""
    spans = [(m.start, m.end) for m in analysis.mentions]
    spans += [m.span() for m in HONORIFIC.finditer(analysis.text)]
    spans += [m.span() for m in ROLE_REFERENCE.finditer(analysis.lower)]
    return spans


class DefamationDetector:
    name = "defamation"
    kinds = frozenset({RuleKind.DEFAMATION})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        cues = _cues(analysis)
        if not cues:
            return ()  # most items, without making a generator
        return self._found(analysis, cues)

    def _found(
        self, analysis: Analysis, cues: list[tuple[str, re.Match[str]]]
    ) -> Iterable[Candidate | Note]:
        targets = person_targets(analysis)
        if not targets:
            return
        if _REBUTTAL.search(analysis.lower):
            return
        bounds = sentence_bounds(analysis.text)
        done: set[int] = set()
        for category, cue in cues:
            index = next(i for i, (_, end) in enumerate(bounds) if cue.start() < end)
            if index not in done:
                candidate = self._sentence(analysis, bounds, index, cue, category, targets)
                if candidate is not None:
                    done.add(index)
                    yield candidate

    def _sentence(
        self,
        analysis: Analysis,
        bounds: list[tuple[int, int]],
        index: int,
        cue: re.Match[str],
        category: str,
        targets: list[tuple[int, int]],
    ) -> Candidate | None:
        start, end = bounds[index]
        sentence = analysis.lower[start:end]
        before = analysis.lower[max(start, cue.start() - 30) : cue.start()]
        if _NEGATION.search(before) or _OTHER_SUBJECT.search(before):
            return None
        if _NOT_AN_ALLEGATION.search(sentence):
            return None
        if category == CHILD_HARM:
            # One child hurting another is an incident for the school, not an allegation.
            pupils = {(m.start, m.end) for m in analysis.mentioned(Role.PUPIL)}
            targets = [t for t in targets if t not in pupils]
        target = _target_for(sentence, start, end, bounds, index, targets)
        if target is None:
            return None
        hedged = _hedged(sentence, analysis.lower)
        span = (min(target[0], cue.start()), max(target[1], cue.end()))
        return self._candidate(analysis, span, category, hedged)

    def _candidate(
        self, analysis: Analysis, span: tuple[int, int], category: str, hedged: bool
    ) -> Candidate:
        evidence = analysis.text[span[0] : span[1]]
        how = "suggests" if hedged else "states as fact"
        return Candidate(
            kind=RuleKind.DEFAMATION,
            start=span[0],
            end=span[1],
            evidence=evidence,
            message=f"This {how} an allegation of {category} about someone who can be identified.",
            suggestion="Do not post allegations about people; if you have a concern, "
            "raise it with the school (or the police) so it can be looked into.",
            detector=self.name,
            score=0.5 if hedged else 0.85,
            max_severity=Severity.REVIEW if hedged else Severity.BLOCK,
            details={"allegation": category, "hedged": hedged},
        )


# Wording that insists: a rhetorical question or "everyone knows" states the claim.
_INSISTED = re.compile(
    r"\b(?:everyone|everybody|we all) knows?\b|\bit'?s a fact\b|\bfact\.|\bno secret\b"
    r"|\bwhy (?:does|do|is|has|won'?t|will) (?:nobody|no one|no1|noone|the school) "
    r"(?:\w+ ){0,2}(?:mention|talk|say|admit|ask|do)"
)


def _hedged(sentence: str, text: str) -> bool:
    """A hedge in the sentence, unless the only hedge is a question the post insists on."""
    hedges = {m.group() for m in _HEDGE.finditer(sentence)}
    if not hedges:
        return False
    return hedges != {"?"} or _INSISTED.search(text) is None


# Words of which every match of a family's expression holds one, beyond its trigger words,
# where a trigger fires on much else: "hit" is in "white" and "shit", but harm to a child
# needs a child (or a class, a bully, a position abused). The expressions take ten
# microseconds or more a post; these `in` tests take a fraction of one.
# Likewise "money", "cash", "school's" and "job" are in half the posts of a school's
# community, but theft and corruption need a verb or a relation as well.
_ALSO_NEEDS = {
    CHILD_HARM: (
        "child", "kid", "boy", "girl", "pupil", "son", "daughter", "year", "little one",
        "groom", "class", "position", "power", "authority", "bully",
    ),
    "theft or fraud": (
        "stole", "steal", "nick", "pinch", "swip", "robb", "thie", "theft", "tak", "took",
        "pocket", "helping", "embezzl", "fraud", "fiddl", "cook", "hand", "finger", "missing",
        "skim",
    ),
    "corruption": (
        "brib", "backhander", "kickback", "corrupt", "rigged", "pocket", "mate", "friend",
        "brother", "sister", "wife", "husband", "partner", "son", "daughter", "cousin",
    ),
}  # fmt: skip


def _cues(analysis: Analysis) -> list[tuple[str, re.Match[str]]]:
    """Every allegation in the text, in order, from the families whose trigger words fired."""
    families = fired_families(analysis, "defamation")
    if not families:
        return []
    text = analysis.lower
    found = [
        (family, match)
        for family in families
        if _possible(family, text)
        for match in _ALLEGATION[family].finditer(text)
    ]
    return sorted(found, key=lambda pair: pair[1].start())


def _possible(family: str, text: str) -> bool:
    needs = _ALSO_NEEDS.get(family)
    return needs is None or any(word in text for word in needs)


def _target_for(
    sentence: str,
    start: int,
    end: int,
    bounds: list[tuple[int, int]],
    index: int,
    targets: list[tuple[int, int]],
) -> tuple[int, int] | None:
    inside = [t for t in targets if start <= t[0] < end]
    if inside:
        return inside[0]
    if index > 0 and _DEMONSTRATIVE.match(sentence):
        # "That's exam fraud, plain and simple": the act of the sentence before, and its doer.
        before = bounds[index - 1]
        return next((t for t in targets if before[0] <= t[0] < before[1]), None)
    if index > 0 and _PRONOUN.search(sentence):
        # The pronoun's person: the latest named in the few sentences before ("Mr Farah runs
        # the car park ... My husband counted the cars. He's been pocketing the lot").
        for before in reversed(bounds[max(0, index - _PRONOUN_REACH) : index]):
            earlier = [t for t in targets if before[0] <= t[0] < before[1]]
            if earlier:
                return earlier[0]
    return None


_PRONOUN_REACH = 3  # sentences
