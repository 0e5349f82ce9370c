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

import ahocorasick
from rapidfuzz.distance import Levenshtein

from netiquette.detectors.base import Mention
from netiquette.kinds import Role
from netiquette.people_words import COMMON_WORD_NAMES, PLACE_WORDS, THING_AFTER, WORD_USE_AFTER
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

# Characters read as others when matching: curly apostrophes, and every kind of space.
_SAME_AS = (("\u2019", "'"), ("\u00a0", " "), ("\t", " "), ("\n", " "), ("\r", " "))
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
_FOLLOWING = re.compile(r"\s([^\W\d_]+)")
# Words before a first name that make it a thing, a saint, a royal or a storm ("an Oscar",
# "St George's Day", "Prince George", "Storm Freya"), not a person at the school.
_NOT_A_PERSON_BEFORE = frozenset(
    {"a", "an", "the", "st", "st.", "saint", "king", "queen", "prince", "princess", "storm"}
)
# A name in a set phrase: "Noah's Ark".
_SET_PHRASE_AFTER = re.compile(r"['’]s (?:ark|day)\b", re.IGNORECASE)
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
Hit = tuple[int, int, tuple[Entry, ...], Pairs, Pairs]


class PeopleIndex:
    """Every way of writing each person, in one automaton; `find` returns the mentions."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = tuple(people)
        keys: dict[str, list[Entry]] = defaultdict(list)
        for person in self.people:
            for key, how in _keys(person):
                if (person, how) not in keys[key]:
                    keys[key].append((person, how))
        self._keys = dict(keys)
        self._automaton = ahocorasick.Automaton()
        for key, entries in self._keys.items():
            after = _pairs(entries, {"first", "preferred"}, lambda p: p.surname)
            before = _pairs(entries, {"surname"}, lambda p: p.first_name)
            self._automaton.add_word(key, (len(key), tuple(entries), after, before))
        if self._keys:
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
        if not self._keys or not text:
            return []
        lower = lowered(text)
        hits = self._exact_hits(lower)
        if not hits:
            return []
        hits += self._fuzzy_hits(lower, hits)
        mentions: list[Mention] = []
        for start, end, entries, _, _ in _longest_first(hits):
            mentions += _judge(text, start, end, entries)
        if len(mentions) > 1:
            mentions.sort(key=lambda m: (m.start, m.person.name))
        return mentions

    def _exact_hits(self, lower: str) -> list[Hit]:
        hits = []
        for last, value in self._automaton.iter(lower):
            end = last + 1
            start = end - value[0]
            if is_whole_word(lower, start, end):
                hits.append((start, end, value[1], value[2], value[3]))
        return hits

    def _fuzzy_hits(self, lower: str, hits: list[Hit]) -> list[Hit]:
        """Full names with one half misspelt, found next to the other half spelt right."""
        found: list[Hit] = []
        for start, end, _, after, before in hits:
            if after and (following := _NEXT_WORD.match(lower, end)):
                close = _close(following.group(1), after)
                word_end = following.end(1)
                if close and is_whole_word(lower, start, word_end):
                    found.append((start, word_end, close, (), ()))
            if before and (word := _word_before(lower, start)):
                close = _close(word, before)
                word_start = start - 1 - len(word)
                if close and is_whole_word(lower, word_start, end):
                    found.append((word_start, end, close, (), ()))
        return found


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
    key = " ".join(_plain_marks(name.lower()).split())
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
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _plain_marks(lower)


def _plain_marks(text: str) -> str:
    for odd, plain in _SAME_AS:
        if odd in text:
            text = text.replace(odd, plain)
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
    """Non-overlapping hits, longest first: "Isla Mistry" wins over "Isla" at the same place."""
    if len(hits) == 1 or _apart(hits):
        return hits
    chosen: list[Hit] = []
    for hit in sorted(hits, key=_longest_key):
        start, end = hit[0], hit[1]
        for other in chosen:
            if start < other[1] and other[0] < end:
                break
        else:
            chosen.append(hit)
    return chosen


def _longest_key(hit: Hit) -> tuple[int, int]:
    return hit[0] - hit[1], hit[0]


def _apart(hits: list[Hit]) -> bool:
    """Whether the hits, in the order given, are apart (the usual case): all of them stand."""
    # Exact hits come in order of their ends; each ending before the next starts means
    # none overlap. Any other order (fuzzy hits come last) is left to the full check.
    return all(hits[i][1] <= hits[i + 1][0] for i in range(len(hits) - 1))


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
    return [
        Mention(person, start, end, evidence, how, certain and not shared)
        for person, how, certain in kept
    ]


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
    after = _FOLLOWING.match(text, end)
    if how == "surname":
        if not capitalised or common or (after and after.group(1).lower() in PLACE_WORDS):
            return None
        return False
    if not capitalised:
        return None if common else not any(c.isupper() for c in text)
    if _word_before_space(text, start).lower() in _NOT_A_PERSON_BEFORE:
        return None
    if _SET_PHRASE_AFTER.match(text, end):
        return None
    if after and after.group(1) == person.surname[:1].upper():
        return True  # "Poppy T": the surname's initial settles it
    if common and _used_as_word(text, start, after):
        return None
    shouting = word.isupper() and len(word) > 1
    if not shouting and after is not None and _other_name(after.group(1), person):
        return None
    if common and _sentence_start(text, start):
        return _PERSONAL_POSSESSIVE.match(text, end) is not None
    return True


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
    head = text[:start].rstrip()
    return not head or head[-1] in ".!?:;\"'(-"
