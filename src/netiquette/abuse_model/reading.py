"""One reading of a post, shared by the abuse and language detectors.

A post is read once: its normalised words, the model's scores, and which hostile patterns
could match. Most posts stop there, because nothing in them can reach a threshold. What
costs more (the patterns themselves, the framing of quotes and reports, offsets in the
original text) is worked out only when a detector asks for it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from netiquette.abuse_model.features import Ints
from netiquette.abuse_model.framing import (
    COMPLIMENT,
    CONDEMNING,
    IDIOMS,
    NEGATED,
    RECLAIMED,
    REPORTING,
    SELF_REFERENCE,
)
from netiquette.abuse_model.lexicon import DEHUMANISING, HARM, INSULTS, PROFANITY, SLURS
from netiquette.abuse_model.model import Scores, load_model
from netiquette.abuse_model.patterns import (
    NEED_WORDS,
    Cue,
    cues_for_bits,
    need_bits,
    possible_cues,
)
from netiquette.detectors.base import cached_attribute
from netiquette.textnorm import (
    SEPARATOR,
    Normalised,
    normalise,
    piece_words,
    word_spans,
    words,
    words_flat,
)

# Where a report ends and the author speaks again ("I was called a liar so I'll batter you").
_REPORT_END = re.compile(
    r" [.!?] | (?:so|then|therefore|and now|and so|thats why|which is why) (?:now )?"
    r"(?:i|ill|im|id|ive|we|well|were|imma|ima)\b| and (?:ill|i will|imma|ima|im going to|"
    r"im gonna|well|we will)\b"
)
_OTHERS = re.compile(r"\b(?:the|those|these|them|all the|all those) (?:\w+ )?$")
# Words that make praise sarcasm, unless said of others ("ur so brave, ignore the idiots");
# "dead" is left out, as "💀" is laughter ("ur so funny 💀").
_HOSTILE = (INSULTS | DEHUMANISING | SLURS | HARM) - {"dead"}
_CLAUSE = re.compile(r"[.!?;,] |\bbut\b")
# Quoted passages; a single quote opens only after a non-letter, so "parents' evening" is not one.
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
_QUOTE_MARKS = ('"', "“", "‘", "'")
# A slur stays a slur after "no" or "not" ("no trannies in here", "he's not a ...").
_NEVER_NEGATED = frozenset({"slur"})


@dataclass(frozen=True)
class Hit:
    cue: Cue
    start: int
    end: int
    negated: bool = False


class Reading:
    """What the post does (hits, scores) and how it is framed, each worked out when needed.

    Offsets of hits are in the normalised text; `norm.original_span` maps them back.
    """

    def __init__(
        self,
        text: str,
        known: frozenset[str],
        read: tuple[Scores, list[str] | None] | None = None,
    ) -> None:
        self.text = text
        self.known = known
        # Known to read piece by piece (`textnorm.words_flat`), so spans need not test it.
        self.by_pieces = False
        if read is None:
            self.__dict__["words"] = words(text, known)
            # The model's scores before framing: calm framing may only lower them.
            self.raw = load_model().score_words(self.words)
        else:  # scores worked out for a whole batch (`read_many`)
            self.raw, read_words = read
            if read_words is None:  # read piece by piece: words looked up if asked for
                self.by_pieces = True
            else:
                self.__dict__["words"] = read_words

    @cached_attribute
    def words(self) -> list[str]:
        """The normalised words; most posts of a batch never need theirs."""
        return piece_words(self.text, self.known)

    @classmethod
    def read_many(
        cls, texts: list[str], known: frozenset[str], quiet: Quiet | None = None
    ) -> list[Reading | None]:
        """Readings of a batch of posts, the model scoring them all in one vectorised call.

        Each word is looked up once, for its model id, its patterns' trigger bits and
        whether it swears; the per-post answers are sums over the batch in numpy. With
        `quiet`, a post that no pattern can match, with no swear word and every score
        below those levels, gets None rather than a reading: nothing can come of it."""
        if len(texts) < 2:
            return [cls(text, known) for text in texts]
        table = _word_table()
        laid = _laid_out(texts, known, table)
        lengths = laid.ends - laid.starts
        rows = np.delete(laid.rows, laid.ends[:-1])  # the separators
        model = load_model()
        probabilities = model.probabilities_ids(table.ids[rows], lengths)
        starts = np.cumsum(lengths) - lengths
        empty = lengths == 0
        low = _per_doc(np.bitwise_or, table.low[rows], starts, empty)
        high = _per_doc(np.bitwise_or, table.high[rows], starts, empty)
        profane = _profane(laid, table)
        if quiet is None:
            read: Sequence[int] = range(len(texts))
            loud = None
        else:  # the posts with a score at a level or a trigger bit, and those that swear
            # Compared as float64, as Python compares a score (a float32's exact value).
            wide = probabilities.astype(np.float64)
            loud_rows = (
                (wide[:, 0] >= quiet.abuse)
                | (wide[:, 1] >= quiet.profanity)
                | (wide[:, 2] >= quiet.aimed)
            )
            maybe = loud_rows | (low != 0) | (high != 0)
            maybe[list(profane)] = True
            read = np.flatnonzero(maybe).tolist()
            loud = loud_rows[read].tolist()
        scores = model.scores_of(probabilities[read])
        low_bits, high_bits = low[read].tolist(), high[read].tolist()
        readings: list[Reading | None] = [None] * len(texts)
        for at, number in enumerate(read):
            bits = low_bits[at] | high_bits[at] << 64
            cues = bits and cues_for_bits(bits)
            swearing = profane.get(number)
            if loud is not None and not (loud[at] or cues or swearing):
                continue  # only trigger bits that make no cue: nothing can come of it
            reading = cls(texts[number], known, (scores[at], laid.whole.get(number)))
            reading.__dict__["swears"] = swearing is not None
            if swearing is not None:
                reading.__dict__["profane"] = swearing
            if not cues:
                reading.__dict__["found"] = ()
            readings[number] = reading
        return readings

    @cached_attribute
    def swears(self) -> bool:
        """Whether a swear word is among the words."""
        return not PROFANITY.isdisjoint(self.words)

    @cached_attribute
    def profane(self) -> list[tuple[int, str]]:
        """The swear words, each with its index in `words`: found for a batch from its word
        rows, so the language detector needs no post's word list to place them."""
        return [(number, word) for number, word in enumerate(self.words) if word in PROFANITY]

    @cached_attribute
    def normalised(self) -> str:
        """The normalised text: words joined by single spaces, as the patterns expect."""
        return " ".join(self.words)

    @cached_attribute
    def norm(self) -> Normalised:
        """The full normalisation, with offsets: only for posts that get a finding."""
        return normalise(self.text, self.known)

    def spans(self, indices: list[int]) -> list[tuple[int, int]]:
        """Where the words at these indices of `words` were written in the original text."""
        return word_spans(self.text, self.known, indices, self.by_pieces)

    @cached_attribute
    def found(self) -> tuple[Hit, ...]:
        """Every hostile pattern matched, negated ones included."""
        cues = possible_cues(self.words)
        if not cues:
            return ()
        present = set(self.words)
        cues = tuple(c for c in cues if not c.context or not c.context.isdisjoint(present))
        return tuple(_hits(self.normalised, cues))

    def may_reach(self, abuse_at: float, bullying_at: float) -> bool:
        """False when no finding or note can come of this post at these thresholds."""
        if self.found:
            return True
        return self.raw.abuse >= min(abuse_at, bullying_at) or self.raw.aimed >= bullying_at

    @property
    def hits(self) -> tuple[Hit, ...]:
        return tuple(h for h in self.found if not h.negated)

    @property
    def negated(self) -> tuple[Hit, ...]:
        """Hostile patterns that were negated ("I would never call her stupid")."""
        return tuple(h for h in self.found if h.negated)

    @cached_attribute
    def framed(self) -> bool:
        """Quoted or reported to condemn it, rather than meant by the author."""
        text = self.normalised
        frames = [m.start() for m in REPORTING.finditer(text)]
        hits = self.hits
        if hits:
            quotes = self._quotes()
            framed = all(self._quoted(h, quotes) or _introduced(text, h, frames) for h in hits)
        else:
            framed = bool(frames)
        return framed or bool(CONDEMNING.search(text))

    @cached_attribute
    def scores(self) -> Scores:
        """The model's scores, lowered where the post is calm (an idiom, a negation, praise)."""
        scores = self.raw
        if self._calm() and not any(h.cue.abuse for h in self.hits):
            return Scores(min(scores.abuse, 0.3), scores.profanity, min(scores.aimed, 0.3))
        return scores

    def _calm(self) -> bool:
        text = self.normalised
        if IDIOMS.search(text) or NEGATED.search(text):
            return True
        if COMPLIMENT.search(text) is None:
            return False
        return all(_about_others(text, word) for word in _HOSTILE.intersection(self.words))

    @property
    def abuse(self) -> float:
        cue = max((h.cue.score for h in self.hits if h.cue.abuse), default=0.0)
        return max(cue, self.scores.abuse if not self.framed else 0.0)

    @property
    def aimed(self) -> float:
        cue = max((h.cue.score for h in self.hits if h.cue.aimed), default=0.0)
        return max(cue, self.scores.aimed)

    def _quotes(self) -> list[tuple[int, int]]:
        if not any(mark in self.text for mark in _QUOTE_MARKS):
            return []
        return [m.span() for m in _QUOTED.finditer(self.text)]

    def _quoted(self, hit: Hit, quotes: list[tuple[int, int]]) -> bool:
        if not quotes:
            return False
        start, end = self.norm.original_span(hit.start, hit.end)
        return any(s <= start and end <= e for s, e in quotes)


class Quiet(NamedTuple):
    """Levels below which a reader can act on no post: the least abuse score it acts on
    (abuse or bullying), the least aimed score (bullying) and the least profanity score
    that makes a finding without a swear word."""

    abuse: float
    aimed: float
    profanity: float


class _WordTable:
    """What a batch needs of each word, found in one lookup: its row in these arrays.

    Row 0 is any word of no interest (the model's unknown word); the others are the
    model's vocabulary, the patterns' trigger words and the swear words."""

    def __init__(self) -> None:
        featuriser = load_model().featuriser
        words = list(dict.fromkeys([*featuriser.vocabulary, *sorted(NEED_WORDS | PROFANITY)]))
        self.rows = {word: row for row, word in enumerate(words, start=1)}
        self.words = ["", *words]  # each row's word (row 0 stands for any other)
        bits = [0] + [need_bits(word) for word in words]
        if max(bits) >> 128:
            raise ValueError("the patterns need more than 128 trigger bits")
        self.ids = np.array([0, *featuriser.word_ids(words)], dtype=np.int64)
        self.low = np.array([b & (1 << 64) - 1 for b in bits], dtype=np.uint64)
        self.high = np.array([b >> 64 for b in bits], dtype=np.uint64)
        self.swears = np.array([False] + [word in PROFANITY for word in words])
        # The separator between two posts' words (`textnorm.words_flat`), a row of its own
        # after the others: a word of no interest, should a post hold it.
        if SEPARATOR in self.rows:
            raise ValueError("the separator is a word of the model or the patterns")
        self.separator = self.rows[SEPARATOR] = len(self.ids)
        self.ids = np.append(self.ids, 0)
        self.low = np.append(self.low, np.uint64(0))
        self.high = np.append(self.high, np.uint64(0))
        self.swears = np.append(self.swears, False)

    def rows_of(self, words: list[str]) -> Ints:
        return np.fromiter(map(self.rows.get, words, repeat(0)), dtype=np.int64, count=len(words))

    def piece_rows(self, words: tuple[str, ...]) -> bytes:
        """A white-space piece's words' rows, as the bytes of an array, to be joined.

        Most pieces are one word: its row's bytes are made without making an array."""
        if len(words) == 1:
            return _ROW.pack(self.rows.get(words[0], 0))
        return self.rows_of(list(words)).tobytes()


_ROW = struct.Struct("=q")  # one row as `rows_of` lays it: a native int64


@lru_cache(maxsize=1)
def _word_table() -> _WordTable:
    return _WordTable()


class _Laid(NamedTuple):
    """A batch's words' rows end to end with a separator row between two posts' rows."""

    rows: Ints  # each word's row in the word table, separators included
    starts: Ints  # where each post's rows start in `rows`
    ends: Ints  # and end (the next separator)
    whole: dict[int, list[str]]  # the words of the posts not read piece by piece


def _laid_out(texts: list[str], known: frozenset[str], table: _WordTable) -> _Laid:
    """The rows of a batch's words; posts read whole have their own words and rows."""
    flat = words_flat(texts, known, _rows_by_piece(known), table.piece_rows)
    if flat is None:  # read one by one
        whole = {number: words(text, known) for number, text in enumerate(texts)}
        laid: list[str] = []
        for number in range(len(texts)):
            laid.extend(whole[number])
            laid.append(SEPARATOR)
        rows = table.rows_of(laid[:-1])
        # Where the separators are, from the lengths: a post may hold the separator itself.
        lengths = np.fromiter(map(len, whole.values()), dtype=np.int64, count=len(texts))
        ends = np.cumsum(lengths + 1) - 1
        return _Laid(rows, ends - lengths, ends, whole)
    # Each piece's rows are the bytes of an array (the piece's hash is worked out by its
    # lookup), so that the batch's are one join.
    rows = np.frombuffer(b"".join(flat.values), dtype=np.int64)
    ends = np.append(np.flatnonzero(rows == table.separator), len(rows))
    starts = np.append(0, ends[:-1] + 1)
    if flat.whole:  # their rows replaced by the rows of their words
        parts, at = [], 0
        for number in sorted(flat.whole):
            parts += [rows[at : starts[number]], table.rows_of(flat.whole[number])]
            at = ends[number]
        rows = np.concatenate([*parts, rows[at:]])
        ends = np.append(np.flatnonzero(rows == table.separator), len(rows))
        starts = np.append(0, ends[:-1] + 1)
    return _Laid(rows, starts, ends, flat.whole)


def _profane(laid: _Laid, table: _WordTable) -> dict[int, list[tuple[int, str]]]:
    """The swear words of a batch's swearing posts (by number), each with its index among
    the post's words, in order: found among the rows in numpy, as few posts swear."""
    at = np.flatnonzero(table.swears[laid.rows])
    numbers = np.searchsorted(laid.ends, at)  # a separator is never a swear word
    indices = at - laid.starts[numbers]
    found: dict[int, list[tuple[int, str]]] = {}
    words = table.words
    for number, index, row in zip(
        numbers.tolist(), indices.tolist(), laid.rows[at].tolist(), strict=True
    ):
        found.setdefault(number, []).append((index, words[row]))
    return found


@lru_cache(maxsize=4)
def _rows_by_piece(known: frozenset[str]) -> dict[str, bytes]:
    """Each white-space piece's word rows, for one set of known words (which the pieces'
    readings depend on): the memo `textnorm.words_flat` looks each piece up in."""
    return {}


def _per_doc(
    combine: np.ufunc,
    values: npt.NDArray[Any],
    starts: npt.NDArray[np.int64],
    empty: npt.NDArray[np.bool_],
) -> npt.NDArray[Any]:
    """`combine` reduced over each document's run of `values` (an empty one gives 0)."""
    padded = np.append(values, values.dtype.type(0))  # an empty last document starts here
    out = combine.reduceat(padded, starts)
    out[empty] = 0
    return out


def _hits(text: str, cues: tuple[Cue, ...]) -> list[Hit]:
    out: list[Hit] = []
    harmless: list[tuple[int, int]] | None = None
    for cue in cues:
        for match in cue.pattern.finditer(text):
            start, end = match.span()
            if harmless is None:
                harmless = [m.span() for m in IDIOMS.finditer(text)]
                harmless += [m.span() for m in SELF_REFERENCE.finditer(text)]
            if any(s < end and start < e for s, e in harmless):
                continue
            if cue.name == "slur" and RECLAIMED.search(text, max(0, start - 40), end):
                continue
            negated = cue.abuse and cue.name not in _NEVER_NEGATED and _negated(text, start)
            out.append(Hit(cue, start, end, negated))
    return out


def _about_others(text: str, word: str) -> bool:
    """Whether every use of a hostile word is about other people ("ignore the idiots")."""
    for match in re.finditer(rf"(?<!\S){re.escape(word)}(?!\S)", text):
        if not _OTHERS.search(text, max(0, match.start() - 40), match.start()):
            return False
    return True


def _introduced(text: str, hit: Hit, frames: list[int]) -> bool:
    """A reporting frame earlier in the same sentence ("someone called my son a ..."), with
    no new statement of the author's own in between."""
    return any(f < hit.start and not _report_ends(text, f, hit) for f in frames)


def _report_ends(text: str, frame: int, hit: Hit) -> bool:
    # The author's new subject may be the first word of the hit itself ("so ill batter you").
    end = _REPORT_END.search(text, frame, hit.end)
    return end is not None and end.start() < hit.start


def _negated(text: str, start: int) -> bool:
    """A negation earlier in the same clause ("I would never call her stupid")."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    return bool(NEGATED.search(text, clause_start, start))
