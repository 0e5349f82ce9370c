"""Trigger words for the conduct detectors, found in one pass over an item's text.

The conduct detectors (confidential information, defamation, sensitive matters,
detrimental conduct, copyright marks) judge wording with regular expressions that are too
slow to run on every post. Each expression can only match where one of a few literal words
appears, so the engine's one Aho-Corasick pass per item (`netiquette.detectors.text_index`,
which looks for the school's names in the same pass) finds which groups of words occur, and
a detector runs its expressions only when its group fired. Most posts fire nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from netiquette.detectors.base import Analysis
from netiquette.detectors.contact import NOT_PERSONAL_TRIGGERS


def trigger_words(groups: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """Each (lower-case) trigger word, with the names of the groups it fires."""
    owners: dict[str, set[str]] = {}
    for group, words in groups.items():
        for word in words:
            owners.setdefault(word.lower(), set()).add(group)
    return {word: frozenset(names) for word, names in owners.items()}


class Phrases:
    """Small expressions, each tried only when one of its literal words is in the text.

    Python's regular expressions slow down with every alternative they carry; a handful of
    `in` checks and one short expression cost far less than one long alternation.
    """

    def __init__(self, *parts: tuple[tuple[str, ...], str]) -> None:
        self._parts = tuple((words, re.compile(pattern)) for words, pattern in parts)

    def search(self, text: str) -> re.Match[str] | None:
        """The earliest match of any part whose words are present."""
        best: re.Match[str] | None = None
        for words, pattern in self._parts:
            for word in words:  # a plain loop: `any()` builds a generator per part
                if word in text:
                    break
            else:
                continue
            match = pattern.search(text)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best


def fired(analysis: Analysis) -> frozenset[str]:
    """The trigger groups present in an item's text, from its one scan (made once per item)."""
    return analysis.scan.groups


# Group names are "<detector>" or "<detector>:<family>".
_GROUPS: dict[str, tuple[str, ...]] = {
    "confidential": (
        "ofsted", "inspect", "staffing", "requires improvement", "special measures", "restructur",
        "signed off", "acting head",
        "redundan", "resign", "notice", "leaving", "sacked", "the sack", "sick",
        "maternity", "retir", "post is ", "posts are ", "post will", "posts will", "interview panel",
        "shortlist", "candidate", "disciplinary", "grievance", "suspen", "gardening leave",
        "capability", "investigat", "lado", "safeguarding", "child protection",
        "social services", "social worker", "register", "exclu", "in the red", "deficit",
        "overspent", "feedback", "graded", "cutting", "cut ", "losing", "lose ", "axing",
        "axe ", "scrapp", "police", "pending",
    ),
    "copyright": (
        "©", "(c)", "all rights reserved", "getty", "shutterstock", "alamy", "istock",
        "adobe stock", "adobestock", "dreamstime", "depositphotos", "123rf", "watermark",
    ),
    "defamation:theft or fraud": (
        "stole", "steal", "nick", "thie", "theft", "pocket", "helping him", "helping her",
        "helping them", "money", "cash", "embezzl", "fraud", "fiddl", "the books",
        "in the till", "skim", "pinch", "swip", "robb", "school's", "schools ", "pta's", "funds",
        "kitty", "cookie jar",
    ),
    "defamation:corruption": (
        "brib", "backhander", "kickback", "corrupt", "rigged", "contract", "job", "pockets",
    ),
    "defamation:harm to a child": (
        "hit", "slap", "smack", "punch", "kick", "shove", "grab", "manhandl", "dragg", "shook",
        "throttl", "assault", "hurt", "abus", "bruis", "groom", "bullies", "bullied",
        "bullying", "bully",
    ),
    "defamation:drink or drugs": (
        "drunk", "pissed", "stoned", "wasted", "hammered", "off his face", "off her face",
        "off their face",
        "drink", "drugs", "coke",
        "cocaine", "weed", "alcoholic", "high as", "high on", "smell of", "smells of",
        "smelling of", "smelt of", "smelled of", "steaming", "paralytic", "arsed",
        "cannabis", "pills", "drinks ",
    ),
    "defamation:dishonesty": (
        "liar", "lied ", "lying", "dishonest", "cheat", "fak", "falsif", "forged", "made up the",
        "covered it up", "covered this up", "covered that up", "cover-up", "cover up",
        "the answers", "lies to", "lies about", "of lies", "told lies", "tells lies",
        "telling lies",
    ),
    "defamation:incompetence": ("incompeten", "unfit to", "not fit to", "shouldn", "struck off"),
    "defamation:an affair": ("affair", "sleeping with", "shagging", "carrying on with", "it off with",
        "knocking off", "knocking about"),
    "defamation:a crime": (
        "arrested", "criminal record", "police caution", "on bail", "crook",
    ),
    "sensitive:complaint": (
        "unacceptable", "disgust", "disgrace", "appalling", "shocking", "outrageous", "livid",
        "fuming", "furious", "seething", "angry", "unhappy with", "not happy", "fobbed off",
        "did nothing", "did sod", "did bugger", "did zero", "done nothing", "done sod all",
        "nothing was done", "nothing has been done",
        "nothing is being done", "nobody", "no one", "replied", "responded", "got back",
        "apologised", "ignored", "watching", "supervis", "paying attention",
        "talking about", "humiliat", "handled",
        "raise it with", "raise this with", "complain", "let us", "let my", "let him",
        "let her", "n't let", "nt let", "refused to let", "had enough", "sort it out",
        "sort this out", "useless", "a joke", "sent home", "explain", "explanation",
        "not ok", "not okay", "not acceptable", "not on", "out of order", "listen",
        "nothing changes", "nothing ever", "nothing changed", "nothing has changed",
        "nothing's changed", "ridiculous", "fed up", "sick of",
        "sick and tired", "rant", "allowed", "how is", "how was", "how can",
        "no call", "no phone call", "even a call", "even a phone call", "can't even",
        "cant even", "is this normal", "no incident", "in for him", "in for her",
        "in for my",
    ),
    "sensitive:incident": (
        "fight", "fought", "punch", "kick", "bit ", "bitten", "biting", "hit", "hurt", "injur",
        "bruis", "a&e", "a & e", "a &e", "a& e", "hospital", "ambulance", "nosebleed",
        "bloody nose", "broke his", "broke her", "bully", "bulli", "exclu", "suspend",
        "left behind", "left at", "left on", "went missing", "lost my", "lost a", "lost our ",
        "screamed at", "shouted at", "swore at", "sworn at", "wet herself", "wet himself",
        "restrained", "black eye", "screaming at", "shouting at", "yelling at", "yelled at",
        "swearing at", "locked in", "locked out", "pushed", "shoved", "tripped",
        "thrown", "knocked", "spat", "hair", "split lip", "stitches", "concussion", "sprain",
        "broken",
    ),
    "detrimental:bad": (
        "worst", "terrible", "awful", "rubbish", "useless", "shocking", "appalling", "crap",
        "shit", "dreadful", "horrible", "pathetic", "joke of", "dump of", "hellhole",
    ),
    "detrimental:school": (
        "avoid", "this dump", "titanic", "sinking ship", "rats ", "1 star", "one star",
        "zero star", "0 star", "pull ", "elsewhere", "run by", "joke", "shambles", "disgrace",
        "farce", "embarrassment", "a clue", "recommend", "leadership", "management",
        "care less", "downhill", "chaotic", "cliquey", "useless", "incompetent",
        "think twice", "a mess", "a tip", "a zoo", "madhouse", "bargepole", "barge pole",
        "hiding", "nowhere to be seen", "awol", "missing in action", "the dogs", "to pot",
        "pulled", "pulling", "organise", "organize", "circus",
        "worst decision", "worst mistake", "stay away", "keep away", "well away", "send a dog", "send my dog",
        "worst enemy", "anywhere but", "anywhere else but", "anywhere other than", "biggest mistake",
        "shitshow", "sh*tshow", "sh!tshow", "sh1tshow", "shit show", "dumpster fire", "train wreck",
        "trainwreck", "clown show",
    ),
    # Only advice not to send children somewhere (`sensitive._DONT_SEND`): "please send your
    # child in wellies" fires nothing.
    "detrimental:send": ("don't send your", "dont send your", "do not send your", "never send your"),
    "detrimental:staff": (
        "hungover", "hangover", "drunk", "legless", "trollied", "tipsy", "plastered",
        "sloshed", "messy", "pissed", "wine", "prosecco", "pints", "beers", "vodka",
        "gin ", "🍷", "🍻", "🥴", "🍺", "🍾", "thick", "stupid", "feral",
        "animals", "brats", "vile", "idiots", "morons", "benefits", "chavs", "scum",
        "little shits", "stand th", "hate th", "hate my job", "sickie",
    ),
    "contact:not personal": NOT_PERSONAL_TRIGGERS,
}  # fmt: skip

TRIGGERS = trigger_words(_GROUPS)


def fired_families(analysis: Analysis, detector: str) -> list[str]:
    """The families of one detector's groups that fired ("defamation:x" -> "x")."""
    groups = fired(analysis)
    if not groups:  # most posts: nothing to filter
        return []
    prefix = f"{detector}:"
    return [g[len(prefix) :] for g in groups if g.startswith(prefix)]
