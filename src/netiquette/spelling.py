"""Undoing the disguise of one word: leetspeak, masks, stretched, swapped or dropped letters.

`textnorm` splits a text into raw tokens; each token not already a known word comes here.
Repairs aim only at key words (swear words, slurs, insults, group names, hate verbs), so
ordinary words are never "corrected" into abuse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from netiquette.abuse_model.lexicon import (
    CANONICAL,
    COMMON_NEAR_KEY,
    GLUE_WORDS,
    HATE_VERBS,
    IDENTITIES,
    KEY_WORDS,
    MASK_ORDER,
    PROFANITY,
    SLURS,
)

_SPACED = re.compile(r"[ .\-_]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET_L = str.maketrans({"1": "l", "$": "s"})
_REPEAT = re.compile(r"(.)\1{2,}")
_DISGUISE = re.compile(r"[0-9@$*]|(.)\1\1")
_MASKS = (*MASK_ORDER, *sorted(PROFANITY - set(MASK_ORDER), key=len))


@lru_cache(maxsize=65536)
def repair(raw: str, known: frozenset[str]) -> str:
    """One raw lower-case token, undisguised; may become several words ("kys").

    Cached: posts repeat the same unknown words, and each repair tries many spellings.
    """
    if raw in known:
        return CANONICAL.get(raw, raw)
    if raw[0] == "@" and len(raw) > 1:
        return "@user"
    return _repair_unknown(raw, known)


def plain_number(raw: str) -> bool:
    """Whether `repair` leaves this token as it is, bar `CANONICAL`, without trying it: a
    number holding a digit that no leet table reads as a letter (2, 6, 8, 9) hides no word.
    Phone numbers and the like are new tokens in almost every batch."""
    return raw.isascii() and raw.isdigit() and _NOT_LEET.search(raw) is not None


_NOT_LEET = re.compile("[2689]")
if any(ord(digit) in table for table in (_LEET, _LEET_L) for digit in "2689"):
    raise ValueError("a leet table reads a digit that `plain_number` takes as plain")


def _repair_unknown(raw: str, known: frozenset[str]) -> str:
    word = raw.replace("’", "'")
    if _SPACED.search(word) and all(len(p) == 1 for p in _SPACED.split(word)):
        word = _SPACED.sub("", word)
    word = word.replace("'", "")
    if word in known or (not _DISGUISE.search(word) and (word in KEY_WORDS or word.isalpha())):
        fixed = word if word in known else _typo(word, known)
    else:
        fixed = _undisguise(word)
    return CANONICAL.get(fixed, fixed)


def _undisguise(word: str) -> str:
    if "*" in word:
        masked = _unmask(word)
        if masked:
            return masked
    for table in (_LEET, _LEET_L):
        candidate = word.translate(table).replace("$", "s").replace("!", "i")
        if candidate.isalpha():
            squeezed = _squeeze(candidate)
            if squeezed in KEY_WORDS or squeezed in CANONICAL:
                return squeezed
    if word.isalpha():
        return _typo(_squeeze(word), frozenset())
    return word.strip("*")


def _squeeze(word: str) -> str:
    """Stretched letters ("stuuupid"): try one of each run, then two."""
    if not _REPEAT.search(word):
        return word
    single = _REPEAT.sub(r"\1", word)
    double = _REPEAT.sub(r"\1\1", word)
    if double in KEY_WORDS:
        return double
    return single if single in KEY_WORDS else _REPEAT.sub(r"\1\1", word)


def _unmask(word: str) -> str:
    """'f***', 'sh*t', 'c**t': the shortest swear word the mask fits."""
    pattern = re.compile("".join(".+" if c == "*" else re.escape(c) for c in _runs(word)))
    for candidate in _MASKS:
        if pattern.fullmatch(candidate) and candidate[0] == word[0]:
            return candidate
    return ""


def _runs(word: str) -> str:
    return re.sub(r"\*+", "*", word)


def _typo(word: str, known: frozenset[str]) -> str:
    """A swapped or dropped letter in a key word ("blakc", "muslms"), or words run together."""
    if word in KEY_WORDS or word in known or len(word) < 4:
        return word
    fixed = _near_key(word)
    if fixed:
        return fixed
    if len(word) >= 5:
        return _segment(word) or word
    return word


@lru_cache(maxsize=65536)
def _near_key(word: str) -> str:
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped in KEY_WORDS and len(swapped) >= 5:
            return swapped
    found = _DELETIONS.get(word, "")
    if not found and len(word) >= 6:
        found = next((_SUBSTITUTIONS[k] for k in _wildcards(word) if k in _SUBSTITUTIONS), "")
    return found


def _wildcards(word: str) -> list[str]:
    return [word[:i] + "?" + word[i + 1 :] for i in range(1, len(word))]


# Dropped or changed letters are repaired only towards group names and hate verbs: towards
# every swear word, ordinary words ("rewards") would turn into slurs.
_REPAIRABLE = (IDENTITIES | HATE_VERBS) & KEY_WORDS
# Long slurs may also be repaired for a dropped letter ("faggt"); they have no neighbours.
_DROPPABLE = _REPAIRABLE | {w for w in SLURS if len(w) >= 6}


def _deletions() -> dict[str, str]:
    out: dict[str, str] = {}
    for key in sorted(_DROPPABLE):
        if len(key) < 5:
            continue
        for i in range(len(key)):
            out.setdefault(key[:i] + key[i + 1 :], key)
    return {k: v for k, v in out.items() if k not in KEY_WORDS | GLUE_WORDS | COMMON_NEAR_KEY}


_DELETIONS = _deletions()
# One letter changed ("muzlims"), for long key words only: short ones have too many neighbours.
_SUBSTITUTIONS = {k: w for w in sorted(_REPAIRABLE) if len(w) >= 6 for k in _wildcards(w)}
_SEGMENT_VOCAB = KEY_WORDS | GLUE_WORDS


@lru_cache(maxsize=65536)
def _segment(word: str) -> str:
    """Split run-together words when every piece is a key or glue word, at least one a key."""
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 16), end):
            head = best[start]
            if head is not None and word[start:end] in _SEGMENT_VOCAB:
                best[end] = [*head, word[start:end]]
                break
    pieces = best[-1]
    if pieces and len(pieces) > 1 and any(p in KEY_WORDS for p in pieces):
        return " ".join(pieces)
    return ""
