"""Undoing disguised spellings, so "f u c k", "sh1t", "f***" and "🐍" read as the words they hide.

People who post abuse dodge word lists: leetspeak, letters spaced or dotted apart, masks
with asterisks, stretched letters, swapped or dropped letters, words run together, and emoji
standing for words. `normalise` turns a text into lower-case tokens with those undone, each
remembering its span in the original, so a finding can still point at what was written.

It is cheap on ordinary text: a token that is already a known word goes straight through,
and the repairs run only on tokens that look disguised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from netiquette.abuse_model.lexicon import (
    CANONICAL,
    COMMON_NEAR_KEY,
    EMOJI_WORDS,
    FLAGS,
    GLUE_WORDS,
    HATE_VERBS,
    IDENTITIES,
    KEY_WORDS,
    MASK_ORDER,
    PERSON_EMOJI,
    PERSON_NOUNS,
    PROFANITY,
    SKIN_TONES,
    SLURS,
)

# Words (letters, digits, leet symbols, masks), spaced or dotted single letters, any other
# visible character (punctuation, emoji).
_TOKEN = re.compile(
    r"(?:[a-zA-Z@$0-9](?:[ .\-_][a-zA-Z@$0-9]){2,}\b)"  # f u c k, f.u.c.k, b-l-a-c-k
    r"|(?:(?:[\w@$*]|!(?=\w))+(?:['’][\w*]+)*)"
    r"|\S",
    re.UNICODE,
)
_SPACED = re.compile(r"[ .\-_]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET_L = str.maketrans({"1": "l", "$": "s"})
_REPEAT = re.compile(r"(.)\1{2,}")
_DISGUISE = re.compile(r"[0-9@$*]|(.)\1\1")
_DROP = frozenset("\u200d\ufe0f\u20e3")


def _letter_table() -> dict[str, str]:
    # Circled and squared letters (Ⓐ ⓐ 🄰 🅐 🅰) and the information sign ℹ.
    table = {"\u2139": "i"}
    for first in (0x24B6, 0x24D0, 0x1F130, 0x1F150, 0x1F170):
        table.update({chr(first + i): chr(ord("a") + i) for i in range(26)})
    return table


_LETTERS = _letter_table()
_EMOJI_LETTER = re.compile("[" + "".join(sorted(_LETTERS)) + "]")
_MASKS = (*MASK_ORDER, *sorted(PROFANITY - set(MASK_ORDER), key=len))


@dataclass(frozen=True)
class Token:
    """One normalised word (or punctuation mark) and where it came from in the original."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Normalised:
    """A normalised text: tokens joined by spaces, with a map back to original offsets."""

    text: str
    tokens: tuple[Token, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised characters start..end."""
        if not self.starts:
            return (0, 0)
        end = max(start + 1, end)
        return self.starts[min(start, len(self.starts) - 1)], self.ends[
            min(end, len(self.ends)) - 1
        ]


def normalise(text: str, known: frozenset[str] = frozenset()) -> Normalised:
    """The text with disguises undone; `known` words (a model's vocabulary) are left alone."""
    tokens = tuple(_tokens(text, known))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for token in tokens:
        if parts:
            parts.append(" ")
            starts.append(token.start)
            ends.append(token.start)
        parts.append(token.text)
        starts.extend([token.start] * len(token.text))
        ends.extend([token.end] * len(token.text))
    return Normalised("".join(parts), tokens, tuple(starts), tuple(ends))


def words(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """Just the normalised tokens' text: the fast path for a model scoring many posts.

    Text with no masks, leet symbols, spaced letters or context-dependent emoji is split by
    one regex and only unknown words are repaired; it gives exactly what `normalise` gives.
    """
    lower = _prepared(text).lower()
    if _SLOW_CHARS.search(lower) or _SPACED_LETTERS.search(lower):
        return [token.text for token in _tokens(text, known)]
    if "'" in lower:
        lower = _APOSTROPHE.sub("", lower)
    canonical = _canonical(known)
    out: list[str] = []
    append = out.append
    repaired = False
    for raw in _FAST.findall(lower):
        word = canonical.get(raw)
        if word is not None:
            append(word)
        elif len(raw) > 1 or raw.isalnum():
            repaired = True
            fixed = _repair_cached(raw, known)
            out.extend(fixed.split()) if " " in fixed or not fixed else append(fixed)
        else:
            symbol = _SYMBOL_WORDS.get(raw, raw)
            out.extend(symbol.split()) if " " in symbol or not symbol else append(symbol)
    return _joined(out, known) if repaired else out


@lru_cache(maxsize=4)
def _canonical(known: frozenset[str]) -> dict[str, str]:
    """Known words mapped to their canonical spelling, for one lookup per word."""
    return {word: CANONICAL.get(word, word) for word in known}


# What needs the full tokeniser: masks, leet symbols, curly apostrophes, spaced letters, and
# emoji whose meaning depends on the next character (people with skin tones, flags).
_SLOW_CHARS = re.compile(
    "[*@$_’" + "".join(sorted(PERSON_EMOJI)) + "\U0001f1e6-\U0001f1ff]|![a-z0-9]"
)
_SPACED_LETTERS = re.compile(r"[ .\-][a-z0-9][ .\-][a-z0-9](?![a-z0-9])")
_FAST = re.compile(r"[^\W_]+|\S")
_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")
_SYMBOL_WORDS = {
    **{c: "" for c in (*_DROP, *SKIN_TONES, "\u2640", "\u2642")},
    **EMOJI_WORDS,
}


def _joined(pending: list[str], known: frozenset[str]) -> list[str]:
    """`_flush` on bare words: rejoin a key word split in two."""
    out: list[str] = []
    i = 0
    while i < len(pending):
        word = pending[i]
        if i + 1 < len(pending) and word not in known and len(word) < 5:
            following = pending[i + 1]
            if word + following in KEY_WORDS and following not in known:
                out.append(word + following)
                i += 2
                continue
        out.append(word)
        i += 1
    return out


@lru_cache(maxsize=65536)
def _repair_cached(raw: str, known: frozenset[str]) -> str:
    return _repair(raw, known)


def _tokens(text: str, known: frozenset[str]) -> Iterator[Token]:
    prepared, positions = _prepare(text)
    for token in _prepared_tokens(prepared, known):
        if positions is None:
            yield token
        else:
            yield Token(token.text, positions[token.start], positions[token.end - 1] + 1)


def _prepare(text: str) -> tuple[str, list[int] | None]:
    """Letters written as emoji ("w🅾️Ⓜ️🅰️n") become letters, and emoji joiners go; with the
    original position of each character kept when anything changed."""
    prepared = _prepared(text)
    if prepared == text:
        return text, None
    return prepared, [i for i, c in enumerate(text) if c not in _DROP]


def _prepared(text: str) -> str:
    if text.isascii():
        return text
    if _EMOJI_LETTER.search(text):
        text = _EMOJI_LETTER.sub(lambda m: _LETTERS[m.group()], text)
    return text.replace("\ufe0f", "").replace("\u200d", "").replace("\u20e3", "")


def _prepared_tokens(text: str, known: frozenset[str]) -> Iterator[Token]:
    pending: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        if len(raw) == 1 and not raw.isalnum():
            yield from _flush(pending, known)
            yield from _symbol(raw.lower(), start, end, text)
            continue
        fixed = _repair_cached(raw.lower(), known)
        if " " in fixed or not fixed:
            pending.extend(Token(piece, start, end) for piece in fixed.split())
        else:
            pending.append(Token(fixed, start, end))
    yield from _flush(pending, known)


def _flush(pending: list[Token], known: frozenset[str]) -> Iterator[Token]:
    """Emit pending word tokens, first rejoining a key word split in two ("bl ack")."""
    i = 0
    while i < len(pending):
        token = pending[i]
        if i + 1 < len(pending) and token.text not in known:
            joined = token.text + pending[i + 1].text
            if joined in KEY_WORDS and pending[i + 1].text not in known and len(token.text) < 5:
                yield Token(joined, token.start, pending[i + 1].end)
                i += 2
                continue
        yield token
        i += 1
    pending.clear()


def _symbol(char: str, start: int, end: int, text: str) -> Iterator[Token]:
    """Punctuation stays as itself; an emoji becomes the word(s) it stands for, or nothing."""
    if char in _DROP or char in SKIN_TONES:
        return
    if char in PERSON_EMOJI:
        tone = SKIN_TONES.get(text[end : end + 1])
        noun = PERSON_NOUNS.get(char, "people")
        words_ = f"{tone} {noun}" if tone else noun
    elif "\U0001f1e6" <= char <= "\U0001f1ff":
        words_ = _flag(text, start)
    elif char in EMOJI_WORDS:
        words_ = EMOJI_WORDS[char]
    elif char in "\u2640\u2642":
        words_ = ""  # gender signs only modify the emoji before them
    else:
        words_ = "'" if char == "’" else char
    for word in words_.split():
        yield Token(word, start, end)


def _flag(text: str, start: int) -> str:
    """A flag is two regional letters; the first of the pair names the country's people."""
    pair = text[start : start + 2]
    if len(pair) < 2 or not ("\U0001f1e6" <= pair[1] <= "\U0001f1ff"):
        return ""
    if start > 0 and "\U0001f1e6" <= text[start - 1] <= "\U0001f1ff":
        return ""  # second letter of a pair already read
    code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in pair)
    return FLAGS.get(code, "foreigners")


def _repair(raw: str, known: frozenset[str]) -> str:
    """One raw lower-case token, undisguised; may become several words ("kys")."""
    if raw in known:
        return CANONICAL.get(raw, raw)
    if raw[0] == "@" and len(raw) > 1:
        return "@user"
    return _repair_unknown(raw, known)


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
