"""Finding the school's people in a text, fast and without crying wolf.

One Aho-Corasick automaton (built once per engine) holds every way the profile's people are
written: full names, preferred names and nicknames, first names and surnames alone, and
"Mr Whitlock"-style titles for adults, all lower-cased. A scan is one pass over the
lower-cased text; the few hits are then checked in the original text, because that is where
the false alarms hide:

- whole words only ("Oscars" and "Islay" are not Oscar and Isla; "Isla's" is Isla);
- a single name that is also a common word ("Ruby", "Will", "Poppy") must be capitalised,
  and is only a guess at the start of a sentence;
- a first name before another capitalised word is someone else's ("Oscar Wilde", "Harvey
  Nichols", "Poppy Appeal"), unless that word is an initial that fits ("Poppy T");
- a lower-case first name in ordinary capitalised prose is a guess;
- "an Oscar", "St George's Day", "Prince George", "Noah's Ark" are not people;
- a bare surname followed by "Road", "School"... is a place;
- a name shared by several people is a guess for each of them.

Misspelt full names ("Jaydon Pollard", "Isla Mistrey") are found from an exact first name or
surname next to a word one edit away from the other half (for halves of 5+ letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import NamedTuple

import ahocorasick
from rapidfuzz.distance import Levenshtein

from netiquette.detectors.base import Mention
from netiquette.kinds import Role
from netiquette.people_words import (
    COMMON_WORD_NAMES,
    NAME_IDIOMS,
    PLACE_WORDS,
    THING_AFTER,
    WORD_USE_AFTER,
)
from netiquette.school import Person

TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir")
_MALE_TITLES = frozenset({"mr", "sir"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss"})
# One-word names: the hows that are a single token of a person's name.
_SINGLE = frozenset({"first", "preferred", "nickname", "surname"})
_HOW_RANK = {"full": 0, "fuzzy": 1, "preferred": 2, "nickname": 3, "first": 4, "surname": 5}
_FUZZY_MIN = 5
# Capitalised words that may follow a first name without making it someone else's.
_FOLLOW_OK = frozenset({"year", "reception", "class", "group", "i", "and", "from", "in", "is"})

_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
_FOLLOWING = re.compile(r"\s([^\W\d_]+)")
# Words before a first name that make it a thing, a saint, a royal or a storm ("an Oscar",
# "St George's Day", "Prince George", "Storm Freya"), not a person at the school.
_NOT_A_PERSON_BEFORE = frozenset(
    {"a", "an", "the", "st", "st.", "saint", "king", "queen", "prince", "princess", "storm"}
)
# A name in a set phrase: "Noah's Ark".
_APOSTROPHES = frozenset("'’")
_SET_PHRASE_AFTER = re.compile(r"['’]s (?:ark|day|dozen)\b", re.IGNORECASE)
_IDIOM = re.compile(rf"(?:{NAME_IDIOMS})\b", re.IGNORECASE)
# A bracket after a name that speaks of a person ("Sunny (on the spectrum, bless him)").
_DESCRIBED_AFTER = re.compile(
    r" ?\([^()]{0,60}\b(?:he|him|his|she|her|hers|they|them)\b[^()]{0,60}\)", re.IGNORECASE
)
# A class or year group right after a name: a person ("Mark from 6P", "Grace in Year 4").
_CLASS_AFTER = re.compile(
    r"\s+(?:from|in|of) (?:year ?\d{1,2}|yr ?\d{1,2}|y\d{1,2}|\d{1,2}[a-z]{1,2}\b|reception"
    r"|class \w+|(?:mr|mrs|miss|ms)\.? [\w'’-]+ class)",
    re.IGNORECASE,
)
# A possessive only a person has: "Hope's mum", "Will's party" (not "Summer's here").
_PERSONAL_POSSESSIVE = re.compile(
    r"['’]s (?:mum|mom|mam|mummy|dad|daddy|parents?|mother|father|brother|sister|nan|nana"
    r"|gran|granny|grandma|grandad|family|carer|birthday|party|coat|bag|book|teacher|friends?"
    r"|class|reading|house|step\w+)\b",
    re.IGNORECASE,
)
# A year group next to a name shared by several pupils says which one ("Jack in Year 2").
_YEAR_NEAR = re.compile(r"\b(?:year|yr|y) ?(\d{1,2})\b|\b(reception)\b", re.IGNORECASE)

Entry = tuple[Person, str]
# (the other half of a name, lower case, and whose it is), for finding misspelt full names.
Pairs = tuple[tuple[str, Person], ...]


class Key(NamedTuple):
    """What the automaton gives back for one way of writing a name: all of it is worked out
    once per engine, so a hit costs a few comparisons rather than function calls."""

    length: int
    entries: tuple[Entry, ...]
    # Misspelt full names: the other half after a first name, before a surname.
    after: Pairs
    before: Pairs
    halves: bool  # either of the two
    # The one other half, when it is plain letters, with the space between: seeing it spelt
    # right next to the hit settles that there is no misspelling, without a regex.
    spelt_after: str
    spelt_before: str
    # The one person a full name names: a sure mention whatever surrounds it.
    sure: Person | None
    # For one person's "Mr Whitlock": whether the title fits them (`_titled`, which reads
    # only the title, and that is the key's own first word).
    titled: bool | None


# A hit: (minus its length, start, end, key), so that a C-level key sorts longest first.
Hit = tuple[int, int, int, Key]
_LONGEST_FIRST = itemgetter(0, 1)
_BY_START = itemgetter(1)
_LETTERS = re.compile(r"[^\W\d_]+")


class PeopleIndex:
    """Every way of writing each person, in one automaton; `find` returns the mentions."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = tuple(people)
        keys: dict[str, list[Entry]] = defaultdict(list)
        for person in self.people:
            for key, how in _keys(person):
                if (person, how) not in keys[key]:
                    keys[key].append((person, how))
        # What each way of writing a name stands for, worked out once: also what an engine's
        # shared automaton (`netiquette.detectors.text_index`) gives back for a name.
        self.keys = {key: _key(key, entries) for key, entries in keys.items()}
        self._automaton = ahocorasick.Automaton()
        for key, value in self.keys.items():
            self._automaton.add_word(key, value)
        if self.keys:
            self._automaton.make_automaton()
        # Full names for `person`: the first person of each name, as `School.person` finds.
        self._by_name: dict[str, Person] = {}
        for person in self.people:
            self._by_name.setdefault(person.name.casefold(), person)

    def __reduce__(self) -> tuple[type[PeopleIndex], tuple[tuple[Person, ...]]]:
        # Rebuilt from the people rather than pickling the automaton.
        return (PeopleIndex, (self.people,))

    def person(self, name: str) -> Person | None:
        """`School.person` (full name, any case and spacing) in one dict lookup, not a scan."""
        return self._by_name.get(" ".join(name.split()).casefold())

    def find(self, text: str) -> list[Mention]:
        """The mentions in a text, from this index's own scan of it (for a tag or a series).

        An engine checking a post has already scanned it with its shared automaton, and
        passes the names found to `judge` instead (`Analysis.mentions`)."""
        if not self.keys or not text:
            return []
        lower = lowered(text)
        return self.judge(text, lower, self._automaton.iter(lower))

    def judge(self, text: str, lower: str, found: Iterable[tuple[int, Key]]) -> list[Mention]:
        """The mentions among the names an automaton `found` in `lowered(text)`, given as
        (index of the last character, key): which are whole words, which the text's case
        and context bear out, and the misspelt full names next to them."""
        hits, suspects = _exact_hits(lower, found)
        if not hits:
            return []
        fuzzy = _fuzzy_hits(lower, suspects) if suspects else []
        if fuzzy or (len(hits) > 1 and not _apart(hits)):
            hits = _longest_first(hits + fuzzy)
        mentions: list[Mention] = []
        for _, start, end, key in hits:
            if key.sure is not None:  # a full name: nothing around it can change that
                mentions.append(Mention(key.sure, start, end, text[start:end], "full", True))
            elif key.titled is not None and " " in (evidence := text[start:end]):
                person = key.entries[0][0]
                mentions.append(Mention(person, start, end, evidence, "surname", key.titled))
            else:
                mentions += _judge(text, start, end, key.entries)
        return mentions


def _exact_hits(lower: str, found: Iterable[tuple[int, Key]]) -> tuple[list[Hit], list[Hit]]:
    """Whole-word hits in order of their ends (`is_whole_word`, inlined: it runs per hit),
    and those of them next to a word that may be the other half of a name misspelt."""
    hits: list[Hit] = []
    suspects: list[Hit] = []
    size = len(lower)
    for last, key in found:
        end = last + 1
        start = end - key.length
        if start > 0:
            before = lower[start - 1]
            if before.isalnum() or (before in "-'" and start > 1 and lower[start - 2].isalnum()):
                continue
        if end < size:
            after = lower[end]
            if after.isalnum() or (after == "-" and end + 1 < size and lower[end + 1].isalnum()):
                continue
        hit = (start - end, start, end, key)
        hits.append(hit)
        if key.halves and _suspect(lower, start, end, key):
            suspects.append(hit)
    return hits, suspects


def _suspect(lower: str, start: int, end: int, key: Key) -> bool:
    """Whether a misspelt other half may be next to this hit: a word of 5+ letters (what
    `_close` needs) that is not the other half spelt right. Cheap tests that only ever say
    "no" when `_fuzzy_hits` would find nothing; it is the judge of the rest."""
    if key.after:
        spelt = key.spelt_after  # " rahman": the next word, if no letter or digit follows
        if spelt and lower.startswith(spelt, end):
            stop = end + len(spelt)
            if stop < len(lower) and lower[stop].isalnum():
                return True
        elif lower[end : end + 1] == " " and lower[end + 1 : end + 6].isalnum():
            return True
    if key.before and start > 5:
        spelt = key.spelt_before  # "mohammed ": the word before, if a space is before it
        word_start = start - len(spelt)
        if spelt and word_start >= 0 and lower.startswith(spelt, word_start):
            if word_start > 0 and lower[word_start - 1] != " ":
                return True
        # Unless the five characters before the space are letters, `_word_before` is short.
        elif lower[start - 1] == " " and lower[start - 6 : start - 1].isalpha():
            return True
    return False


def _fuzzy_hits(lower: str, hits: list[Hit]) -> list[Hit]:
    """Full names with one half misspelt, found next to the other half spelt right."""
    found: list[Hit] = []
    for _, start, end, key in hits:
        if key.after and (following := _NEXT_WORD.match(lower, end)):
            close = _close(following.group(1), key.after)
            word_end = following.end(1)
            if close and is_whole_word(lower, start, word_end):
                found.append((start - word_end, start, word_end, _fuzzy_key(close)))
        if key.before and (word := _word_before(lower, start)):
            close = _close(word, key.before)
            word_start = start - 1 - len(word)
            if close and is_whole_word(lower, word_start, end):
                found.append((word_start - end, word_start, end, _fuzzy_key(close)))
    return found


def _key(key: str, entries: list[Entry]) -> Key:
    after = _pairs(entries, {"first", "preferred"}, lambda p: p.surname)
    before = _pairs(entries, {"surname"}, lambda p: p.first_name)
    only, how = entries[0] if len(entries) == 1 else (None, "")
    sure = only if how == "full" else None
    titled = _titled(key, only) if only and how == "surname" and " " in key else None
    return Key(
        len(key),
        tuple(entries),
        after,
        before,
        bool(after or before),
        f" {half}" if (half := _plain(after)) else "",
        f"{half} " if (half := _plain(before, 29)) else "",
        sure,
        titled,
    )


def _fuzzy_key(close: tuple[Entry, ...]) -> Key:
    return Key(0, close, (), (), False, "", "", None, None)


def _plain(pairs: Pairs, longest: int = 1000) -> str:
    """The only other half, if it is all letters (and short enough for `_word_before`)."""
    if len(pairs) != 1:
        return ""
    half = pairs[0][0]
    return half if _LETTERS.fullmatch(half) and half.isalpha() and len(half) <= longest else ""


def _keys(person: Person) -> Iterable[tuple[str, str]]:
    """Each lower-cased way of writing a person, with how it names them."""
    first, surname = person.first_name, person.surname
    if surname:  # a one-word name is only ever a first name, with a first name's care
        yield from _spellings(person.name, "full")
    yield from _spellings(first, "first")
    for alias in (person.preferred, *person.nicknames):
        if alias:
            how = "preferred" if alias == person.preferred else "nickname"
            yield from _spellings(alias, how)
            if surname and " " not in alias:
                yield from _spellings(f"{alias} {surname}", "full")
    if surname:
        yield from _spellings(surname, "surname")
        if person.role is not Role.PUPIL:
            for title in TITLES:
                for form in (title, f"{title}."):
                    yield from _spellings(f"{form} {surname}", "surname")
                    yield from _spellings(f"{form} {first[0]} {surname}", "surname")
                    yield from _spellings(f"{form} {first[0]}. {surname}", "surname")


def _spellings(name: str, how: str) -> Iterable[tuple[str, str]]:
    key = " ".join(plain_marks(name.lower()).split())
    yield key, how
    plain = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    if plain != key:
        yield plain, how


def _pairs(entries: list[Entry], hows: set[str], other: Callable[[Person], str]) -> Pairs:
    """For a key that is these people's first (or last) name, their other half, if long
    enough for a misspelling of it to be told from another name."""
    return tuple(
        (other(person).lower(), person)
        for person, how in entries
        if how in hows and len(other(person)) >= _FUZZY_MIN
    )


def lowered(text: str) -> str:
    """The text lower-cased with its offsets kept (a few characters grow when lowered)."""
    return plain_lower(text, text.lower())


def plain_lower(text: str, lower: str) -> str:
    """`lowered(text)` from `text.lower()`, for a caller that has it already."""
    if len(lower) != len(text):
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return plain_marks(lower)


def plain_marks(text: str) -> str:
    """Characters read as others when matching: curly apostrophes, and every kind of space.

    Written out test by test: a loop over (odd, plain) pairs costs more than the tests."""
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\n" in text:
        text = text.replace("\n", " ")
    if "\r" in text:
        text = text.replace("\r", " ")
    return text


def is_whole_word(text: str, start: int, end: int) -> bool:
    """No letter or digit glued on either side; "Isla's" counts, "Jayden-Lee" does not."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or (before in "-'" and start > 1 and text[start - 2].isalnum()):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum():
            return False
        if after == "-" and end + 1 < len(text) and text[end + 1].isalnum():
            return False
    return True


def _word_before(text: str, start: int) -> str:
    """The word just before `start`, when exactly one space separates them."""
    if start < 2 or text[start - 1] != " ":
        return ""
    word = text[max(0, start - 31) : start - 1].rsplit(" ", 1)[-1]
    return word if word.isalpha() else ""


def _close(word: str, pairs: Pairs) -> tuple[Entry, ...]:
    """The people whose other half is one edit from `word` (5+ letters, not equal)."""
    if len(word) < _FUZZY_MIN:
        return ()
    found: tuple[Entry, ...] = ()
    for target, person in pairs:  # usually one pair, and usually the word is the name
        if word != target and Levenshtein.distance(word, target) <= 1:
            found += ((person, "fuzzy"),)
    return found


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, longest first ("Isla Mistry" wins over "Isla" at the same
    place), given back in order of place."""
    chosen: list[Hit] = []
    for hit in sorted(hits, key=_LONGEST_FIRST):
        start, end = hit[1], hit[2]
        for other in chosen:
            if start < other[2] and other[1] < end:
                break
        else:
            chosen.append(hit)
    chosen.sort(key=_BY_START)
    return chosen


def _apart(hits: list[Hit]) -> bool:
    """Whether the exact hits, in order of their ends, are apart (the usual case): then
    all of them stand, already in order of place."""
    end = hits[0][2]
    for hit in hits[1:]:
        if hit[1] < end:
            return False
        end = hit[2]
    return True


def _judge(text: str, start: int, end: int, entries: tuple[Entry, ...]) -> list[Mention]:
    """The mentions a hit stands for once the original text's case and context are read."""
    if len(entries) == 1:  # the usual case: one person, nothing to choose between
        person, how = entries[0]
        sure = _certain(text, start, end, person, how)
        if sure is None:
            return []
        return [Mention(person, start, end, text[start:end], how, sure)]
    best: dict[int, Entry] = {}  # by identity: hashing a Person hashes all its fields
    for person, how in entries:
        seen = best.get(id(person))
        if seen is None or _HOW_RANK[how] < _HOW_RANK[seen[1]]:
            best[id(person)] = (person, how)
    evidence = text[start:end]
    kept = []
    for person, how in best.values():
        certain = _certain(text, start, end, person, how)
        if certain is not None:
            kept.append((person, how, certain))
    if " " in evidence and len(kept) > 1 and any(certain for _, _, certain in kept):
        # "Mrs Whitlock" when the profile has a Mr and a Mrs Whitlock: the title decides.
        kept = [entry for entry in kept if entry[2]]
    if len(kept) > 1:
        kept = _by_initial(text, end, kept) or _by_year(text, start, end, kept)
    shared = len(kept) > 1
    mentions = [
        Mention(person, start, end, evidence, how, certain and not shared)
        for person, how, certain in kept
    ]
    if shared:  # mentions at one place are given in order of name
        mentions.sort(key=_by_name)
    return mentions


def _by_name(mention: Mention) -> str:
    return mention.person.name


def _by_year(
    text: str, start: int, end: int, kept: list[tuple[Person, str, bool]]
) -> list[tuple[Person, str, bool]]:
    """Of several people sharing a name, the one whose year group the text gives next to it."""
    near = _YEAR_NEAR.search(text[max(0, start - 20) : end + 25])
    if near is None:
        return kept
    year = (near.group(1) or "reception").lstrip("0")
    chosen = [entry for entry in kept if _year_key(entry[0].year) == year]
    return chosen if len(chosen) == 1 else kept


def _by_initial(
    text: str, end: int, kept: list[tuple[Person, str, bool]]
) -> list[tuple[Person, str, bool]]:
    """Of several people sharing a first name, the one whose surname's initial follows it
    ("Jack E" when there is a Jack Ellison and a Jack Whitfield); empty when none does."""
    after = _FOLLOWING.match(text, end)
    if after is None or len(after.group(1)) != 1 or not after.group(1).isupper():
        return []
    chosen = [entry for entry in kept if entry[0].surname[:1].upper() == after.group(1)]
    return chosen if len(chosen) == 1 else []


def _year_key(year: str) -> str:
    year = year.strip().lower().removeprefix("year").strip().lstrip("0")
    return "reception" if year in {"r", "rec", "reception"} else year


def _certain(text: str, start: int, end: int, person: Person, how: str) -> bool | None:
    """True for a sure mention, False for a guess, None for not a mention at all."""
    if how == "fuzzy":
        return False
    if how == "full":
        return True
    if how == "surname" and " " in text[start:end].strip():
        return _titled(text[start:end], person)
    return _single(text, start, end, person, how)


def _titled(evidence: str, person: Person) -> bool:
    used = evidence.split()[0].lower().rstrip(".")
    recorded = person.title.lower().rstrip(".")
    if not recorded:
        return False
    clash = (used in _MALE_TITLES and recorded in _FEMALE_TITLES) or (
        used in _FEMALE_TITLES and recorded in _MALE_TITLES
    )
    return not clash


def _single(text: str, start: int, end: int, person: Person, how: str) -> bool | None:
    word = text[start:end]
    common = word.lower() in COMMON_WORD_NAMES
    capitalised = word[0].isupper()
    # The patterns below all start with a space or an apostrophe: test for it first.
    follows = text[end : end + 1]
    after = _FOLLOWING.match(text, end) if follows.isspace() else None
    if _IDIOM.match(text, start):
        return None  # "Penny for your thoughts", "Mark your calendars", "Sterling effort"
    if common and _after_pictogram(text, start):
        return None  # "🌹Rose & lavender soaps", "☀️Sunny but cold": the emoji shows the word
    if how == "surname":
        if not capitalised or common or (after and after.group(1).lower() in PLACE_WORDS):
            return None
        return False
    if after and _initial_of(text, after, person):
        return True  # "Poppy T", or "brook k's" in lower case: the surname's initial settles it
    if not capitalised:
        return None if common else not any(c.isupper() for c in text)
    if (
        start
        and text[start - 1].isspace()
        and _word_before_space(text, start).lower() in _NOT_A_PERSON_BEFORE
    ):
        return None
    if follows in _APOSTROPHES and _SET_PHRASE_AFTER.match(text, end):
        return None
    if common and _used_as_word(text, start, after):
        return None
    shouting = word.isupper() and len(word) > 1
    if not shouting and after is not None and _other_name(after.group(1), person):
        return None
    if common and _sentence_start(text, start):
        if _used_as_word_elsewhere(text, word):
            return None  # "Brook dipping continues" in a post about "the brook"
        if _CLASS_AFTER.match(text, end) or _DESCRIBED_AFTER.match(text, end):
            return True  # "Mark from 6P", "Sunny (bless him)": a word has no class or pronoun
        return _PERSONAL_POSSESSIVE.match(text, end) is not None
    return True


def _after_pictogram(text: str, start: int) -> bool:
    """Whether an emoji is glued to the word, with no space between."""
    head = text[max(0, start - 3) : start].rstrip(_EMOJI_JOINERS)
    return bool(head) and unicodedata.category(head[-1]) == "So"


def _initial_of(text: str, after: re.Match[str], person: Person) -> bool:
    """Whether the word after a first name is the initial of this person's surname: a
    capital ("Poppy T"), or in lower case with a possessive ("brook k's fringe"), since a
    lone lower-case letter is often text-speak ("k" for okay)."""
    initial = after.group(1)
    if len(initial) != 1 or not person.surname:
        return False
    if initial == person.surname[0].upper():
        return True
    return initial == person.surname[0].lower() and text[after.end() : after.end() + 2] in (
        "'s",
        "’s",
    )


def _used_as_word_elsewhere(text: str, word: str) -> bool:
    """Whether the post uses this name as a common noun too ("the brook", "a penny")."""
    pattern = rf"\b(?:the|a|an|this|that|our) {re.escape(word.lower())}\b"
    return re.search(pattern, text.lower()) is not None


def _used_as_word(text: str, start: int, after: re.Match[str] | None) -> bool:
    """A name that is also a word, read as the word: "Summer fair", or "Hope it stays dry"
    and "Will you come?" at the start of a sentence."""
    if after is None:
        return False
    following = after.group(1).lower()
    if following in THING_AFTER:
        return True
    return following in WORD_USE_AFTER and _sentence_start(text, start)


def _word_before_space(text: str, start: int) -> str:
    head = text[max(0, start - 8) : start]
    if not head or not head[-1].isspace():
        return ""
    words = head.split()
    return words[-1] if words else ""


def _other_name(word: str, person: Person) -> bool:
    """A capitalised word after a first name that makes it someone else's ("Oscar Wilde")."""
    if len(word) < 2 or not word[0].isupper() or word.lower() in _FOLLOW_OK:
        return False
    return word.lower() != person.surname.lower()


def _sentence_start(text: str, start: int) -> bool:
    """After a full stop and the like, after an emoji, which posts use as one ("runners-up
    🥈 Mark your calendars"), or at the start of a line or a list item ("• Penny sweets",
    "1/ Mark schemes")."""
    head = text[:start].rstrip(_EMOJI_JOINERS + " \t")
    if _LINE_START.search(head):
        return True
    head = head.rstrip()
    if not head:
        return True
    last = head[-1]
    return last in ".!?:;\"'(-" or unicodedata.category(last) == "So"


_EMOJI_JOINERS = "\ufe0f\u200d"
# The start of a line, with a list item's marker if it has one.
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[./)]|[-*•·▪◦●‣⁃>])?[ \t]*$")
