"""Patterns for what a word model weighs poorly: threats, incitement, exclusion, mockery.

They run on normalised text (lower case, disguises undone, words separated by single
spaces). These hostile patterns say what a post does; `framing` says how it is said (quoted
or reported to condemn it, negated, a harmless idiom). The reading combines both with the
model's scores. Each pattern lists the words it cannot match without, so that a post is
tried only against the few patterns its words allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from netiquette.abuse_model.lexicon import DEHUMANISING, IDENTITIES, SLURS


def alternatives(words: frozenset[str] | set[str]) -> str:
    """A regular-expression alternation of these words, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_ID = rf"(?:(?:{alternatives(IDENTITIES)})(?: people| person| families| kids| children| men| women| folk)?)"
_DEH = alternatives(DEHUMANISING)
_YOU = r"(?:you|ya|youre|your|ur|yourself)"
_PERSON = rf"(?:{_YOU}|him|her|them|someone|somebody|@user)"
_WILL = r"(?:ill|i will|im going to|im gonna|i am going to|gonna|going to|we will|well|were going to|ima)"
_HARM = (
    r"(?:kill|murder|stab|shoot|batter|beat|punch|smack|hurt|bash|deck|jump|smash|slap|kick|"
    r"strangle|burn|drown|shank|merk|knock|break)"
)
_PERSON_INSULTS = (
    r"loser|idiot|moron|slag|slut|freak|cow|pig|paedo|pedo|nonce|weirdo|creep|liar|snitch|tramp|"
    r"muppet|clown|waste of space|saddo|minger|skank|bitch|cunt|twat|dickhead|knobhead|prick|"
    r"wanker|retard|div|crybaby|baby"
)
_NEG_ATTR = (
    r"(?:disgusting|filthy|dirty|stupid|evil|lazy|worthless|pathetic|inferior|dangerous|vile|"
    r"a disgrace|a burden|a threat|criminals|thieves|liars|terrorists|rapists|scroungers|"
    r"sick|shit|crap|garbage|rubbish|mentally ill|a waste of \w+|a joke|a laughing stock|a mistake|"
    r"an embarrassment|lesser beings|second class|beneath us|too (?:dumb|stupid|thick) to|not human|not real|ignorant|backwards|useless|the worst|a drain|a problem|freaks|"
    r"perverts|groomers|subhuman|trash|scum|property|objects|an abomination|abominations|unnatural|"
    + _DEH
    + ")"
)


# The racist trope of telling people to go back where they came from.
_SENT_BACK = (
    r"(?:go|get|be sent|fuck off|piss off|clear off|sod off|send (?:\w+ ){1,3}) back (?:to )?"
    r"(?:where|wherever) (?:they|them|you|ya) (?:came|come|crawled) from"
)
# Someone "thinks they're good" at something, said to laugh at them ("u think ur singing is
# good 💀"), with a sign of derision (a fond "haha" is not one).
_MOCK_WORDS = "lmao lmfao rofl dead cringe cringey cringy poll vote clown embarrassing tragic 🙄"
_MOCKING = rf"(?<!\S)(?:{'|'.join(_MOCK_WORDS.split())})(?!\S)"
_SELF_VIEW = (
    r"(?!(?:i|we|me) )\w+ (?:actually |really |genuinely |honestly )?(?:think|thinks|thought) "
    rf"(?:{_YOU}|shes|hes|theyre|she|he|they|her|his|their) (?:\w+ ){{0,3}}(?:is |are |s )?"
    r"(?:so |really )?(?:good|pretty|fit|cool|funny|hot|clever|smart|talented|all that|the best|"
    r"amazing|special|popular|fire|can sing|can dance|can rap|can act)\b"
)


@dataclass(frozen=True)
class Cue:
    """A hostile pattern: what it means, how sure it is, and whether it aims at one person."""

    name: str
    pattern: re.Pattern[str]
    score: float
    aimed: bool
    abuse: bool = True
    # Ways the pattern can match, each a tuple of word sets of which the text must hold at
    # least one word each; if no way is open the pattern cannot match. A cheap test that
    # spares most texts most patterns.
    needs: tuple[tuple[frozenset[str], ...], ...] = ((),)
    # Words of which the post must hold one for a match to count (a group named anywhere in
    # the post, for a trope that names none itself); empty for most patterns.
    context: frozenset[str] = frozenset()

    def possible(self, words: set[str]) -> bool:
        return any(all(not need.isdisjoint(words) for need in way) for way in self.needs)


def _cue(name: str, pattern: str, score: float, aimed: bool, abuse: bool = True) -> Cue:
    return Cue(name, re.compile(pattern), score, aimed, abuse)


_CUES: tuple[Cue, ...] = (
    _cue(
        "self-harm incitement",
        r"\b(?:(?:go |just |should )?(?:kill|hang|cut|end) (?:yourself|urself|yourselves)|"
        r"unalive (?:yourself|urself|yourselves|herself|himself|themselves|themself)|"
        r"kill urself|neck yourself|drink bleach|go (?:and )?die|jump off a (?:bridge|cliff|roof)|"
        rf"(?:world|everyone) (?:would be|is) better (?:off )?without {_YOU}|"
        rf"nobody would (?:care|miss {_YOU}) if {_YOU}|favour and (?:die|disappear|end it)|"
        r"should (?:just )?kill (?:him|her|them)sel(?:f|ves))\b",
        0.97,
        True,
    ),
    _cue(
        "threat", rf"\b{_WILL} (?:\w+ ){{0,2}}{_HARM}\w* (?:up |in |out )?{_PERSON}\b", 0.93, True
    ),
    _cue(
        "threat",
        rf"\b{_YOU} (?:are |re |r )?(?:getting|gonna get|going to get) "
        r"(?:jumped|battered|beaten|smashed|stabbed|merked|shanked|done in|hurt|it)\b",
        0.95,
        True,
    ),
    _cue(
        "threat",
        rf"\b(?:watch {_YOU} back|i know where {_YOU} live|i know which car|"
        rf"i know (?:where|which way|which road|what time|what route|what car) {_YOU} "
        r"(?:\w+ )?(?:walk|walks|go|goes|park|parks|leave|leaves|drive|drives|live|lives|finish"
        r"|get|gets)|(?:carry on|keep|try|do (?:that|it) again)(?: \w+){0,6} and (?:just )?see "
        r"what happens|"
        r"(?:you|ya|u|youd|ud) (?:had |have )?(?:better|best) (?:watch|mind) "
        r"(?:yourself|urself|(?:your|ur) back)\b|"
        rf"(?:im|i am|ill be) (?:\w+ )?coming for (?:{_YOU}|him|her|them)(?= [.!?,]| now| next|$)|"
        rf"(?:{_YOU}|youll|u) (?:wont|will not|never) see (?:it|us|me) coming|sleep with one eye open|"
        rf"(?:{_YOU} will|youll|ull|{_YOU}) (?:get|gets) (?:whats|what is) coming|"
        rf"(?:{_YOU}|youre|you are) (?:gonna|going to) (?:regret(?! not| missing)|pay for|be sorry)|"
        rf"(?:{_YOU} will|youll|ull) (?:regret(?! not| missing)|pay for|be (?:dead|sorry|next))|"
        rf"make (?:you|him|her|them) (?:suffer|pay|bleed)|{_YOU} will be sorry|dead meat|"
        rf"{_YOU} (?:are |re )?dead (?:tomorrow|after school|when)|(?:youre|you are|ur) dead(?= [.!?,]|$)|dont test me|"
        rf"(?:wait|wait till|wait until) i (?:see|get) {_YOU}|tell everyone {_YOU} secret|"
        rf"make {_YOU} life hell|(?:smash|kick|kick in|punch) (?:{_YOU}|his|her|their) (?:face|head)|"
        rf"break (?:{_YOU}|his|her|their) (?:neck|legs|arms|face|nose)|through the window|"
        rf"hope {_PERSON} (?:\w+ ){{0,6}}(?:die|dies|break \w+ neck|get hit|gets hit|rot))\b",
        0.93,
        True,
    ),
    _cue(
        "threat to a group",
        rf"\b(?:{_WILL}|want to|would love to|d love to|should|lets) "
        rf"(?:\w+ ){{0,1}}{_HARM}\w* (?:all |every |some |the |those |these )?{_ID}",
        0.95,
        False,
    ),
    _cue(
        "threat to a group",
        rf"\b{_ID} (?:should|must|need to|deserve to|ought to) (?:all )?"
        r"(?:be )?(?:die|killed|shot|hanged|gassed|burned|burnt|deported|exterminated|wiped out|"
        r"locked up|sent back|beaten|thrown out|banned|put down|removed|eliminated|culled|"
        r"sterilised|executed|lynched|wiped off \w+ \w+)\b|\bdeath to\b",
        0.95,
        False,
    ),
    _cue(
        "identity hate",
        rf"\b(?:i|1|we) (?:(?!dont |never |do not |didnt |wont )\w+ )?"
        r"(?:hate|despise|loathe|detest|cant stand) "
        rf"(?:all |the |those |these |every |every single |any |each )?"
        rf"(?:fucking |bloody |dirty |filthy )?{_ID}\b",
        0.9,
        False,
    ),
    _cue(
        "identity hate",
        rf"\b{_ID}(?: lives)? (?:are|r|is|:|=|-) (?:all |just |such |so |nothing but |literally |a |an "
        rf"|a bunch of |basically |the |like |no better than )?{_NEG_ATTR}\b",
        0.9,
        False,
    ),
    _cue(
        "identity hate",
        rf"\b(?:too many {_ID}|{_ID} (?:dont|do not|dont) belong|"
        rf"{_ID} should (?:go back|go home|leave|get out|have their own)|never trust (?:a|an|any)(?: single)? {_ID}|"
        rf"(?:love|enjoy|like) (?:killing|hurting|beating|stabbing|shooting|punching|burning) "
        rf"(?:all |the |those |some )?{_ID}|"
        rf"never let (?:a|an|any) {_ID} near|typical of (?:a|an) {_ID}|"
        rf"{_ID} (?:disgust|disgusts|sicken|sickens|repulse|repulses) (?:me|us)|"
        rf"{_ID} belongs? in (?:a zoo|cages|the bin|camps|the gutter|prison)|"
        r"(?:these|those) people (?:all )?come over here|come over here and (?:\w+ ){0,2}"
        r"(?:sponge|scrounge|take (?:our|all)|steal|live off)|"
        r"(?:sponge|sponging|scrounge|scrounging) off (?:everything|the state|the taxpayers?|the system"
        r"|benefits|the nhs)|"
        rf"{_ID} (?:always )?get special treatment|{_ID} (?:are )?(?:ruining|taking over|"
        rf"invading|destroying)|{_ID} (?:make me (?:\w+ ){{0,2}}(?:sick|throw up|vomit|puke)|cant be trusted)|go back to (?:your|ur) own country)\b",
        0.9,
        False,
    ),
    _cue(
        "identity hate",
        rf"\b(?:i|we|1) (?:will |would |could )?(?:never|dont|do not|wont|cant) "
        r"(?:respect|like|trust|want|accept|tolerate|hire|employ|date|serve|sit next to) "
        rf"(?:any |a |an )?{_ID}|\b{_ID} (?:lives )?(?:dont|do not) matter|"
        rf"\b{_ID} (?:are|r) (?:not|never) (?:welcome|wanted|worth|human|equal|normal|"
        rf"to be trusted|allowed)|\b{_ID} (?:will never be|can never be|are not|arent|r not) "
        rf"(?:real|proper|true|normal|human)(?: women| men| people)?\b|no such thing as a good {_ID}|\btypical {_ID}\b|"
        rf"\b(?:stupid|dumb|thick|ugly|useless|dirty|filthy|disgusting|lazy|worthless|smelly) {_ID}\b|"
        rf"\b(?:put|lock|send|round up|throw) (?:all )?(?:the |those |these )?{_ID} (?:in|into) "
        r"(?:camps|cages|prison|ovens|gas chambers|the sea)\b",
        0.88,
        False,
    ),
    _cue(
        "identity hate",
        rf"\b(?:get rid of|wipe out|eradicate|exterminate|purge|remove all|deport all|ban all) "
        rf"(?:all |the |those |these |every )?{_ID}|"
        rf"\b{_ID} (?:should|must|need to|ought to) (?:just )?(?:shut up|know their place|"
        r"stay in the kitchen|not be allowed|not exist|not have rights|not vote|disappear|"
        r"be banned|be removed)|"
        rf"\bwish (?:all |the |those )?{_ID} (?:would|were|was|could) (?:\w+ )?(?:disappear|die|"
        r"dead|gone|extinct|never born)|"
        r"\b(?:burn|bomb|attack|smash|blow up|torch) (?:down |up )?(?:the |a |their |every |that )?"
        r"(?:mosque|mosques|synagogue|synagogues|church|temple|gurdwara)\b",
        0.9,
        False,
    ),
    _cue(
        "identity hate",
        rf"\b(?:fuck|fucking|screw|to hell with|down with|ban|no more) "
        rf"(?:off )?(?:all |the |those |these )?{_ID}\b",
        0.9,
        False,
    ),
    _cue(
        "demeaning a group",
        r"\b(?:half of them|all of them|most of them|the (?:parents|families)"
        r"(?: here| round here)?|these (?:parents|families|people)) (?:are|r) (?:\w+ ){0,2}"
        r"(?:thick|stupid|scroungers|idiots|morons|scum|animals|useless|lowlifes?)\b",
        0.85,
        False,
    ),
    _cue("slur", rf"\b(?:{alternatives(SLURS)})s?\b", 0.9, False),
    _cue(
        "identity taunt",
        rf"\b(?:{_YOU}|youre|you are) (?:so |such a |a |an |proper )?"
        r"(?:gay|lesbian|autistic|retarded|a retard|a spaz)\b",
        0.85,
        True,
    ),
    _cue(
        "dehumanising",
        rf"\b(?:{_YOU}|you are|youre|they are|theyre|these people are) "
        rf"(?:all |absolute |total |just |nothing but |such )?(?:{_DEH})\b",
        0.85,
        True,
    ),
    _cue(
        "exclusion",
        r"\b(?:nobody|no one|noone) (?:wants|likes|cares about|will sit with|"
        r"wants to (?:sit|play|talk) with) (?:you|her|him|them)\b|\beveryone hates (?:you|her|him)\b"
        r"|\b(?:nobody|no one|noone) (?:talk|talks|speak|speaks|play|plays|sit|sits) (?:to|with)\b"
        r"|\b(?:lets|let us) all (?:ignore|unfollow|block|tell)\b|\beveryone (?:unfollow|block|ignore)\b"
        r"|\b(?:dont|do not) (?:invite|let \w+ (?:play|sit|join|come)|sit with|talk to|pick)\b"
        r"|\bso (?:he|she|they) (?:doesnt|dont) come\b"
        r"|\bkick \w+ out of the (?:group|chat)\b|\b(?:youre|you are|ur) not (?:welcome|invited|wanted)\b",
        0.9,
        True,
        abuse=False,
    ),
    _cue(
        "mockery",
        r"\b(?:smells|stinks|from the charity shop|so fat|so ugly|looks like a pig|"
        r"no wonder (?:he|she|you)(?:s| is| are|re)? (?:still single|alone|got no friends)|"
        r"waste of space|go (?:and )?cry|cry ?baby|rudest (?:woman|man|person) alive|(?:fat|ugly) ,? ?(?:miserable|useless))\b",
        0.88,
        True,
        abuse=False,
    ),
    _cue(
        "insult",
        r"\b(?:(?:you are|youre|ur|u r|you) (?:such |so |a |an |proper |total |complete |absolute "
        r"|little |fat |stupid |ugly |dirty |useless )*(?:useless|pathetic|ugly|fat|stupid|thick|"
        rf"dumb|worthless|{_PERSON_INSULTS})|(?:is|s) (?:such |so |a |an |proper |right |total |complete "
        rf"|absolute |little |fat |stupid |ugly |dirty |useless )+(?:{_PERSON_INSULTS}|thick|stupid|"
        r"ugly|fat|smelly|dumb))\b",
        0.88,
        True,
        abuse=False,
    ),
    replace(_cue("identity hate", rf"\b{_SENT_BACK}\b", 0.9, False), context=IDENTITIES),
    _cue(
        "identity hate",
        r"\b(?:you|ya) (?:should|can|need to|must|ought to|better|had better|deserve to) "
        r"(?:all |just )?(?:go|get|fuck off|piss off|clear off|sod off) back (?:to )?"
        r"(?:where|wherever) (?:you|ya) (?:came|come|crawled) from\b",
        0.88,
        True,
    ),
    _cue(
        "mockery",
        rf"(?<!\bif )(?<!\bdo )\b{_SELF_VIEW}(?=.*{_MOCKING})|{_MOCKING}.*\b{_SELF_VIEW}",
        0.88,
        True,
        abuse=False,
    ),
    _cue(
        "sexual harassment",
        r"\b(?:send (?:me |us )?(?:(?:a |some )?nudes|(?:a |some )?naked (?:pics?|photos?|pictures?))|"
        r"(?:show|send) (?:me|us) (?:your|ur) (?:boobs|tits|dick|willy|privates|body)|sexting|"
        r"(?:share|sharing|shared|post|posting|posted|spread|spreading) (?:\w+ )?nudes|"
        r"send (?:me|us) the ones (?:you|u) (?:didnt|did not|dont|do not) (?:post|share|put up))\b",
        0.93,
        True,
    ),
    _cue(
        "mockery",
        r"\brate (?:\w+ ){1,5}(?:out of|outta) (?:10|ten|5|five)\b"
        r"(?=.*(?:😂|🤡|🙄|\bdead\b|\blmf?ao\b|\bcringe|\bclown|\blowest\b|\bworst\b))",
        0.88,
        True,
        abuse=False,
    ),
    _cue(
        "harassment",
        r"\b(?:answer me|(?:why|y) (?:are|r) (?:you|u) ignoring me|"
        r"(?:keep|ll keep) messaging|send me (?:a )?pics?)\b",
        0.88,
        True,
        abuse=False,
    ),
)


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ID_WORDS = IDENTITIES
_PERSON_WORDS = _w("you ya youre your ur yourself him her them someone somebody @user")
_HARM_WORDS = frozenset(
    w + end
    for w in _HARM[3:-1].split("|")
    for end in (
        "",
        "s",
        "es",
        "ed",
        "en",
        "ing",
        "d",
        "er",
        "ping",
        "bing",
        "ting",
        "ped",
        "bed",
        "ted",
    )
)
Ways = tuple[tuple[frozenset[str], ...], ...]


def _ways(*ways: str) -> Ways:
    """Ways written as "a b / c d": at least one of a or b, and one of c or d."""
    return tuple(tuple(_w(part) for part in way.split("/")) for way in ways)


# One entry per pattern above, in the same order: the ways each can match.
_NEEDS: tuple[Ways, ...] = (
    _ways("kill hang cut end neck bleach die jump without nobody favour unalive"),
    ((_w("ill will gonna going well were ima"), _HARM_WORDS, _PERSON_WORDS),),
    ((_w("getting get"), _PERSON_WORDS),),
    _ways(
        "watch / back",
        "better best / watch mind",
        "coming / for",
        "coming / see",
        "sleep / eye",
        "coming / whats what",
        "gonna going / regret pay sorry",
        "know / where which",
        "know / what / you ya youre your ur yourself",
        "see / happens",
        "will youll ull / regret pay dead sorry next / you ya youre your ur yourself youll ull",
        "make / suffer pay bleed hell",
        "dead",
        "test / me",
        "wait / see get",
        "tell / secret",
        "smash kick punch break / face head neck legs arms nose",
        "through / window",
        "hope / die dies neck hit rot",
    ),
    ((_ID_WORDS, _HARM_WORDS),),
    ((_ID_WORDS | _w("death"),),),
    ((_ID_WORDS,),),
    ((_ID_WORDS,),),
    (
        (_ID_WORDS | _w("country sponge sponging scrounge scrounging"),),
        (_w("come"), _w("here")),
    ),
    ((_ID_WORDS,),),
    ((_ID_WORDS | _w("mosque mosques synagogue synagogues church temple gurdwara"),),),
    ((_ID_WORDS,),),
    _ways("them parents families people"),
    ((SLURS | {w + "s" for w in SLURS},),),
    _ways("gay lesbian autistic retarded retard spaz"),
    ((DEHUMANISING,),),
    _ways(
        "nobody no noone / wants likes cares will talk talks speak speaks play plays sit sits",
        "everyone / hates unfollow block ignore",
        "lets let / all",
        "dont do / invite let sit talk pick",
        "so / come",
        "kick / group chat",
        "not / welcome invited wanted",
    ),
    _ways("smells stinks fat ugly pig wonder waste rudest cry crybaby baby", "charity / shop"),
    (
        (
            frozenset(_PERSON_INSULTS.split("|"))
            | _w("thick stupid ugly fat smelly dumb useless pathetic worthless waste"),
        ),
    ),
    _ways("back / came come crawled"),
    _ways("back / came come crawled / you ya"),
    _ways(f"think thinks thought / {_MOCK_WORDS}"),
    _ways("nudes naked sexting", "boobs tits dick willy privates body", "send / ones / didnt dont"),
    _ways("rate / out outta"),
    _ways("answer / me", "ignoring", "messaging", "send / pic pics"),
)
CUES = tuple(replace(c, needs=n) for c, n in zip(_CUES, _NEEDS, strict=True))


def _need_bits() -> tuple[dict[str, int], tuple[tuple[int, Cue], ...]]:
    """Each distinct word set a bit; each word the bits of the sets holding it; each way a
    cue can match the bits it needs, so the cues a text can match take one pass over it."""
    sets = sorted({need for cue in CUES for way in cue.needs for need in way}, key=sorted)
    bit = {need: 1 << number for number, need in enumerate(sets)}
    words: dict[str, int] = {}
    for need in sets:
        for word in need:
            words[word] = words.get(word, 0) | bit[need]
    ways = tuple((sum(bit[need] for need in set(way)), cue) for cue in CUES for way in cue.needs)
    return words, ways


_WORD_BITS, _WAYS = _need_bits()
_NEED_WORDS = frozenset(_WORD_BITS)
# The words with any `need_bits`.
NEED_WORDS = _NEED_WORDS


def possible_cues(words: list[str]) -> tuple[Cue, ...]:
    """The hostile patterns a text of these words could match (what `Cue.possible` says)."""
    bits = 0
    for word in _NEED_WORDS.intersection(words):
        bits |= _WORD_BITS[word]
    return cues_for_bits(bits)


def need_bits(word: str) -> int:
    """The bits of the word sets this word belongs to: a text's bits are its words' ORed."""
    return _WORD_BITS.get(word, 0)


def cues_for_bits(bits: int) -> tuple[Cue, ...]:
    """The hostile patterns a text whose words' `need_bits` OR to `bits` could match."""
    cues = _BY_BITS.get(bits)
    if cues is None:
        if len(_BY_BITS) > 100_000:
            _BY_BITS.clear()
        cues = _BY_BITS[bits] = _cues_for(bits)
    return cues


# Texts share a few combinations of trigger words: each combination's cues are remembered.
_BY_BITS: dict[int, tuple[Cue, ...]] = {}


def _cues_for(bits: int) -> tuple[Cue, ...]:
    out: list[Cue] = []
    for way, cue in _WAYS:
        # A cue's ways are listed together: take it once.
        if bits & way == way and (not out or out[-1] is not cue):
            out.append(cue)
    return tuple(out)
