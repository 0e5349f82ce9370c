"""Undoing disguised spellings, so "f u c k", "sh1t", "f***" and "🐍" read as the words they hide.

People who post abuse dodge word lists: leetspeak, letters spaced or dotted apart, masks
with asterisks, stretched letters, swapped or dropped letters, words run together, and emoji
standing for words. `normalise` turns a text into lower-case tokens with those undone, each
remembering its span in the original, so a finding can still point at what was written.

It is cheap on ordinary text. Each white-space piece of a text ("today.", "sh1t") is read
once and remembered, so a post of familiar pieces costs a dictionary lookup a piece; only
letters spaced apart, or a short piece that might join the next one into a key word, make
a text be read whole. Single words are repaired in `netiquette.spelling`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from operator import not_
from typing import Generic, NamedTuple, TypeVar

from netiquette.abuse_model.lexicon import (
    CANONICAL,
    EMOJI_WORDS,
    FLAGS,
    KEY_WORDS,
    PERSON_EMOJI,
    PERSON_NOUNS,
    SKIN_TONES,
)
from netiquette.spelling import plain_number, repair

# Words (letters, digits, leet symbols, masks), spaced or dotted single letters, any other
# visible character (punctuation, emoji).
_TOKEN = re.compile(
    r"(?:[a-zA-Z@$0-9](?:[ .\-_][a-zA-Z@$0-9]){2,}\b)"  # f u c k, f.u.c.k, b-l-a-c-k
    r"|(?:(?:[\w@$*]|!(?=\w))+(?:['’][\w*]+)*)"
    r"|\S",
    re.UNICODE,
)
_DROP = frozenset("\u200d\ufe0f\u20e3")


def _letter_table() -> dict[str, str]:
    # Circled and squared letters (Ⓐ ⓐ 🄰 🅐 🅰) and the information sign ℹ.
    table = {"\u2139": "i"}
    for first in (0x24B6, 0x24D0, 0x1F130, 0x1F150, 0x1F170):
        table.update({chr(first + i): chr(ord("a") + i) for i in range(26)})
    return table


_LETTERS = _letter_table()
_EMOJI_LETTER = re.compile("[" + "".join(sorted(_LETTERS)) + "]")


class Token(NamedTuple):
    """One normalised word (or punctuation mark) and where it came from in the original.

    A named tuple rather than a frozen dataclass: just as immutable, and made for every
    word of every post read in full, where a dataclass's slower constructor shows.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Normalised:
    """A normalised text: tokens joined by single spaces, with a map back to the original."""

    text: str
    tokens: tuple[Token, ...]
    # Where each token starts in `text`, for mapping offsets back by bisection.
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised characters start..end.

        A character inside a token maps to that token's span; the space before a token maps
        to the token's start, so a span never reaches into what lies between tokens.
        """
        if not self.tokens:
            return (0, 0)
        last = len(self.text) - 1
        first = self._span_of(min(start, last))[0]
        return first, self._span_of(min(max(start + 1, end), len(self.text)) - 1)[1]

    def _span_of(self, index: int) -> tuple[int, int]:
        k = bisect_right(self.offsets, index) - 1
        token = self.tokens[k]
        if index < self.offsets[k] + len(token.text):
            return token.start, token.end
        following = self.tokens[k + 1]
        return following.start, following.start


def normalise(text: str, known: frozenset[str] = frozenset()) -> Normalised:
    """The text with disguises undone; `known` words (a model's vocabulary) are left alone."""
    tokens = _quick_tokens(text, known)
    if tokens is None:
        tokens = tuple(_tokens(text, known))
    offsets: list[int] = []
    at = 0
    for token in tokens:
        offsets.append(at)
        at += len(token.text) + 1
    return Normalised(" ".join(token.text for token in tokens), tokens, tuple(offsets))


def word_spans(
    text: str, known: frozenset[str], indices: list[int], by_pieces: bool = False
) -> list[tuple[int, int]]:
    """Where normalised words (by their index in `words`) were written in the original.

    The same spans as `normalise(text, known).tokens[i]`, without making every token: the
    pieces are looked up in the lexer's table in one pass, counted to find the ones holding
    the words asked for, and only those pieces are found in the text. `by_pieces` says the
    text is already known to read piece by piece (`words_flat`), so that test is spared.
    """
    wanted = sorted(set(indices))
    if not wanted:
        return []
    pieces = _pieces(text, known, by_pieces)
    found = None if pieces is None else _spans_by_piece(pieces, wanted)
    if found is None:
        every = normalise(text, known).tokens
        return [(every[i].start, every[i].end) for i in indices]
    return [found[i] for i in indices]


def _spans_by_piece(
    pieces: _Pieces, wanted: list[int], cut: bool = True
) -> dict[int, tuple[int, int]] | None:
    """The spans of the `wanted` words (sorted), or None where the text must be read whole."""
    lexer, lower = pieces.lexer, pieces.lower
    # Pieces past the last word asked for are not needed: as many pieces as words will do,
    # unless some read as nothing.
    if cut:
        chunks = lower.split(None, wanted[-1] + 1)
        cut = len(chunks) > wanted[-1] + 1
        if cut:
            chunks.pop()  # the rest of the text, not split
    else:
        chunks = lower.split()
    tokens = list(map(lexer.spans.get, chunks))
    # Falsy: not yet in the table (None), or a piece that reads as nothing (looked up again).
    if not all(tokens) and not _learn_spans(lexer, chunks, tokens, wanted[-1]):
        return None
    counts = list(accumulate(map(len, tokens)))  # type: ignore[arg-type]
    if not counts or counts[-1] <= wanted[-1]:
        # Pieces that read as nothing: split the rest too.
        return _spans_by_piece(pieces, wanted, cut=False) if cut else None
    found: dict[int, tuple[int, int]] = {}
    for index in wanted:
        number = bisect_right(counts, index)
        # The piece's start: the rest of the text after splitting off the pieces before it.
        at = len(lower) - len(lower.split(None, number)[number])
        _, start, end = tokens[number][index - (counts[number - 1] if number else 0)]  # type: ignore[index]
        found[index] = _moved(at + start, at + end, pieces.positions)
    return found


def _learn_spans(
    lexer: _Lexer, chunks: list[str], tokens: list[tuple[Token, ...] | None], last: int
) -> bool:
    """Fill in `tokens` as far as word `last`; False if a piece before it may join the next."""
    total = 0
    for number, value in enumerate(tokens):
        if not value:
            value = tokens[number] = lexer.learn_spans(chunks[number])
            if value is None:  # the pieces before one that may join still read alike
                del tokens[number:]
                return total > last
        total += len(value)
    return True


def _quick_tokens(text: str, known: frozenset[str]) -> tuple[Token, ...] | None:
    pieces = _pieces(text, known)
    if pieces is None:
        return None
    try:
        return tuple(_tokens_of(pieces))
    except _ReadWhole:
        return None


class _Pieces(NamedTuple):
    lower: str
    positions: list[int] | None
    lexer: _Lexer


def _pieces(text: str, known: frozenset[str], by_pieces: bool = False) -> _Pieces | None:
    """What `_tokens_of` needs, or None where the whole text must be read at once (see
    `words`)."""
    prepared, positions = _prepare(text)
    lower = prepared.lower()
    if not by_pieces and (_spaced_out(lower) or len(lower) != len(prepared)):
        return None
    return _Pieces(lower, positions, _lexer(known))


def _tokens_of(pieces: _Pieces) -> Iterator[Token]:
    """The tokens, white-space piece by piece from the lexer's table, in original offsets."""
    for at, spans in _chunks_of(pieces):
        for word, start, end in spans:
            yield Token(word, *_moved(at + start, at + end, pieces.positions))


def _chunks_of(pieces: _Pieces) -> Iterator[tuple[int, tuple[Token, ...]]]:
    """Each white-space piece's start and its tokens, offsets within the piece.

    Raises `_ReadWhole` at a piece that may join the next one: the caller reads the whole
    text instead.
    """
    lexer = pieces.lexer
    for match in _CHUNK.finditer(pieces.lower):
        chunk = match.group()
        spans = lexer.spans.get(chunk) or lexer.learn_spans(chunk)
        if spans is None:
            raise _ReadWhole
        yield match.start(), spans


def _moved(start: int, end: int, positions: list[int] | None) -> tuple[int, int]:
    return (start, end) if positions is None else (positions[start], positions[end - 1] + 1)


class _ReadWhole(Exception):
    """A piece may join the next into a key word: only the whole-text reading is right."""


def normalised_text(text: str, known: frozenset[str] = frozenset()) -> str:
    """`normalise(text, known).text`, without the offsets, and much faster."""
    return " ".join(words(text, known))


def words(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """The normalised tokens' text: the fast path for reading many posts.

    Text is split at white space, and each piece is looked up in a table of pieces already
    read (ordinary posts meet the same few thousand pieces again and again). It gives
    exactly what `normalise` gives: only letters spaced apart, and a short piece that may
    join the next into a key word ("bl ack"), cross white space, and those texts are read
    whole by the full tokeniser.
    """
    prepared = _prepared(text)
    lower = prepared.lower()
    # Letters spaced apart, or a letter whose lower case is longer ("İ"), need the full reading.
    if _spaced_out(lower) or len(lower) != len(prepared):
        return [token.text for token in _tokens(text, known)]
    lexer = _lexer(known)
    chunks = lower.split()
    # Looked up in one C-level pass; a piece not yet in the table is read and learnt.
    values = list(map(lexer.table.get, chunks))
    if None in values:
        for number, chunk in enumerate(chunks):
            if values[number] is None:
                values[number] = lexer.learn(chunk)
                if values[number] is None:
                    return [token.text for token in _tokens(text, known)]
    return list(chain.from_iterable(values))  # type: ignore[arg-type]


# Joins a batch's texts so they are lower-cased, searched and split in one pass each; a text
# holding it is read alone. Its own white-space piece, it cannot join letters either side.
_BETWEEN = " \x00 "  # the separator, white space either side


SEPARATOR = "\x00"


T = TypeVar("T")


class Flat(NamedTuple, Generic[T]):
    """A batch of texts read piece by piece: every white-space piece of every text, in
    order, a `SEPARATOR` piece between two texts, and what the caller made of each piece's
    words (see `words_flat`). Texts that must be read whole (letters spaced apart, a piece
    that may join the next) have their words in `whole`; what their pieces read as is of no
    use."""

    pieces: list[str]
    values: list[T]
    whole: dict[int, list[str]]


def piece_words(text: str, known: frozenset[str]) -> list[str]:
    """`words` of a text known to read piece by piece (not in `Flat.whole`): its pieces
    looked up, without the test for letters spaced apart."""
    table = _lexer(known).table
    values = list(map(table.get, _prepared(text).lower().split()))
    if None in values:  # the table was cleared since: read it afresh
        return words(text, known)
    return list(chain.from_iterable(values))  # type: ignore[arg-type]


def words_flat(
    texts: Sequence[str],
    known: frozenset[str],
    memo: dict[str, T],
    derive: Callable[[tuple[str, ...]], T],
) -> Flat[T] | None:
    """`words` for a batch of texts, laid end to end; None if they must be read one by one.

    The texts are joined, lower-cased, searched for letters spaced apart and split at white
    space once, and every piece looked up in one pass: a few C-level calls per batch rather
    than a few per text. Lower-casing joined texts is lower-casing each (only a final sigma
    looks at its neighbours, and never past white space). A batch of one, or one whose
    texts hold the separator or letters whose lower case is longer, is not for this.

    What the caller wants of a piece is `derive` of its words, kept in its `memo`, which is
    where a piece is looked up: a truthy value there is a piece already read as words, so
    the lexer's own table need not be asked too. A piece is read by the lexer only where
    the memo has nothing truthy (a new piece, one that reads as nothing, or one that may
    join the next, which makes its text be read whole).
    """
    if len(texts) < 2:
        return None
    each = list(map(_prepared, texts))
    prepared = _BETWEEN.join(each)
    lower = prepared.lower()
    if len(lower) != len(prepared) or lower.count(SEPARATOR) != len(texts) - 1:
        return None
    starts = list(accumulate((len(text) + len(_BETWEEN) for text in each[:-1]), initial=0))
    suspects = _spaced_suspects(lower, starts)
    lexer = _lexer(known)
    # The separator's own reading, which the tokeniser gives it too.
    lexer.table[SEPARATOR] = (SEPARATOR,)
    chunks = lower.split()
    values = list(map(memo.get, chunks))
    # Falsy values are pieces not yet in the memo (None), or that read as nothing.
    whole = [] if all(values) else _learn_all(lexer, chunks, values, memo, derive)
    for number in sorted(suspects):
        at = starts[number]
        if _spaced_out(lower[at : at + len(each[number])]):
            whole.append(number)
    read = {number: [token.text for token in _tokens(texts[number], known)] for number in whole}
    return Flat(chunks, values, read)  # type: ignore[arg-type]  # no None left


def _spaced_suspects(lower: str, starts: list[int]) -> set[int]:
    """The numbers of the joined texts that `_SPACED_PAIR` may match in, a superset.

    The pair is looked for in a coded copy (a separator "s", a letter or digit "a", "@" or
    "$" "d") where the regular expression scans several times faster. A text it finds is
    then tested exactly, so a pair made across the join only costs that test.
    """
    coded = lower.encode("utf-8", "surrogatepass").translate(_CODES)
    if len(coded) == len(lower):  # ASCII: a byte's offset is its character's
        return {bisect_right(starts, m.end() - 1) - 1 for m in _CODED_PAIR.finditer(coded)}
    return {coded.count(0, 0, m.end()) for m in _CODED_PAIR.finditer(coded)}


def _codes() -> bytes:
    codes = bytearray(b"o" * 256)
    codes[0] = 0  # the separator between joined texts stays itself
    for group, code in (
        (b" .-_", b"s"),
        (b"@$", b"d"),
        (b"abcdefghijklmnopqrstuvwxyz0123456789", b"a"),
    ):
        for byte in group:
            codes[byte] = code[0]
    return bytes(codes)


# UTF-8 encodes a character outside ASCII in bytes outside it, which all become "o".
_CODES = _codes()
_CODED_PAIR = re.compile(rb"s[ad]s(?:a(?!a)|d)")


def _learn_all(
    lexer: _Lexer,
    chunks: list[str],
    values: list[T | None],
    memo: dict[str, T],
    derive: Callable[[tuple[str, ...]], T],
) -> list[int]:
    """Fill in the pieces missing from `values` (and the memo); the numbers of the texts to
    read whole, as they hold a piece that may join the next.

    A piece new to the memo is often met again later in the same batch ("the", "a"), missing
    from `values` too: the memo is asked again first, so that it is read only once."""
    if len(memo) > _Lexer.LIMIT:
        memo.clear()
    whole: list[int] = []
    for at in compress(count(), map(not_, values)):
        chunk = chunks[at]
        value = memo.get(chunk)
        if value:  # read earlier in this batch
            values[at] = value
            continue
        reading = lexer.table.get(chunk)
        if reading is None:
            reading = lexer.learn(chunk)
            if reading is None:
                reading = ()
                whole.append(chunks[:at].count(SEPARATOR))
        if values[at] is None:
            values[at] = memo[chunk] = derive(reading)
    return whole


class _Lexer:
    """White-space pieces of lower-case text mapped to their normalised words.

    A piece ("today.", "it's", "sh1t") is read once, by the same rules as the full
    tokeniser, and remembered. A piece that could join the next one into a key word is
    marked, and a text holding one is read whole by the full tokeniser instead.
    """

    LIMIT = 200_000

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.table: dict[str, tuple[str, ...]] = {}
        self.spans: dict[str, tuple[Token, ...]] = {}
        self.joinable: set[str] = set()

    def learn(self, chunk: str) -> tuple[str, ...] | None:
        """The normalised words of one piece; None if it may join another piece."""
        if chunk in self.joinable:
            return None
        if len(self.table) > self.LIMIT:
            self.table.clear()
            self.joinable.clear()
        if plain_number(chunk):  # a phone number: what `repair` would make of it
            pieces = [CANONICAL.get(chunk, chunk)]
        elif _SLOW_CHARS.search(chunk):
            pieces = [token.text for token in _prepared_tokens(chunk, self.known)]
        else:
            pieces = list(self._simple(chunk))
        value = tuple(word for piece in pieces for word in piece.split())
        if any(map(self._may_join, value)):
            self.joinable.add(chunk)
            return None
        self.table[chunk] = value
        return value

    def learn_spans(self, chunk: str) -> tuple[Token, ...] | None:
        """The tokens of one piece, offsets within it; None if one may join another piece."""
        if chunk in self.joinable:
            return None
        if len(self.spans) > self.LIMIT:
            self.spans.clear()
        tokens = tuple(_prepared_tokens(chunk, self.known))
        if any(self._may_join(token.text) for token in tokens):
            self.joinable.add(chunk)
            return None
        self.spans[chunk] = tokens
        return tokens

    def _simple(self, chunk: str) -> Iterator[str]:
        """A piece with no masks, leet symbols or context-dependent emoji: one expression."""
        for raw in _FAST.findall(_APOSTROPHE.sub("", chunk) if "'" in chunk else chunk):
            if len(raw) > 1 or raw.isalnum():
                yield repair(raw, self.known)
            else:
                yield _SYMBOL_WORDS.get(raw, raw)

    def _may_join(self, word: str) -> bool:
        # `_flush` only joins a short unknown word that begins a key word to the word after it.
        return word in _KEY_PREFIXES and word not in self.known


_KEY_PREFIXES = frozenset(word[:n] for word in KEY_WORDS for n in range(1, min(5, len(word))))


@lru_cache(maxsize=4)
def _lexer(known: frozenset[str]) -> _Lexer:
    return _Lexer(known)


# Pieces the simple reading gets wrong: masks, leet symbols, curly apostrophes, and emoji
# whose meaning depends on the next character (people with skin tones, flags).
_SLOW_CHARS = re.compile("[*@$_’" + "".join(sorted(PERSON_EMOJI)) + "\U0001f1e6-\U0001f1ff]|!\\w")
# Where the tokeniser may read letters spaced or dotted apart ("f u c k", "f.u.c.k"). A quick
# test first: two single letters, each after a separator, the last one ending the word.
_SPACED_PAIR = re.compile(r"[ .\-_][a-z0-9@$][ .\-_](?:[a-z0-9](?![a-z0-9])|[@$])")
# Then the tokeniser's own expression, where its first such match can begin: not inside a
# word ("is a f***ing" is not spaced), except that "@" or "$" may follow a word.
_SPACED_RUN = re.compile(r"(?:(?<![\w@$*])[a-z0-9@$]|[@$])(?:[ .\-_][a-z0-9@$]){2,}\b")


def _spaced_out(lower: str) -> bool:
    # The pair, looked for in the coded copy first (see `_spaced_suspects`), is rare.
    if _CODED_PAIR.search(lower.encode("utf-8", "surrogatepass").translate(_CODES)) is None:
        return False
    return _SPACED_PAIR.search(lower) is not None and _SPACED_RUN.search(lower) is not None


_FAST = re.compile(r"[^\W_]+|\S")
_CHUNK = re.compile(r"\S+")
_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")
_SYMBOL_WORDS = {
    **{c: "" for c in (*_DROP, *SKIN_TONES, "\u2640", "\u2642")},
    **EMOJI_WORDS,
}


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
        fixed = repair(raw.lower(), known)
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
