"""Turning normalised words into the features the linear model weighs, for a whole batch.

Python does one dictionary lookup per word (word -> id); everything else is numpy over the
batch, which is what makes the model fast. Features, all counted:

- the word itself (a known word's own weight, or the "unknown word" weight);
- the pair it makes with the word before it in the same clause (hashed into buckets);
- its class, for words of a known class (identity, slur, insult, threat, "you", ...), marked
  when a negation ("not", "never") came earlier in the clause or the word is inside
  quotation marks, so "not scum" is not "scum" and a quoted slur is not a slur used;
- pairs with classes in place of words ("i hate <id>"), so one group's example teaches all;
- each class seen earlier in the clause with this word's class ("<you> ... <insult>").
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

from netiquette.abuse_model.lexicon import (
    DEHUMANISING,
    HARM,
    HATE_VERBS,
    IDENTITIES,
    INSULTS,
    NEGATORS,
    PROFANITY,
    SECOND_PERSON,
    SLURS,
)

Ints = npt.NDArray[np.int64]
UNKNOWN, START = "<unk>", "<s>"
CLAUSE_END = frozenset([".", "!", "?", ";", ":", ",", "but", "however", "though", "although"])
QUOTES = frozenset(['"', "“", "”", "‘", "'"])
SELF = frozenset(["i", "me", "my", "myself", "im"])
# Later classes win: a word that is both an insult and a slur is a slur.
CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("<self>", SELF),
    ("<you>", SECOND_PERSON),
    ("<neg>", NEGATORS),
    ("<hate>", HATE_VERBS),
    ("<harm>", HARM),
    ("<prof>", PROFANITY),
    ("<insult>", INSULTS),
    ("<dehum>", DEHUMANISING),
    ("<id>", IDENTITIES),
    ("<slur>", SLURS),
)
NEG_CLASS = 3
_SALTS = {"pair": 1, "class": 2, "abstract": 3, "seen": 4}
_K1, _K2, _MASK = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, (1 << 64) - 1


def class_of(word: str) -> int:
    """The class number of a word (1..len(CLASSES)), or 0."""
    found = 0
    for number, (_, words) in enumerate(CLASSES, start=1):
        if word in words:
            found = number
    return found


def required_words() -> set[str]:
    """Words the vocabulary must hold whatever the corpus: classes, clause ends, quotes."""
    out = {UNKNOWN, START} | CLAUSE_END | QUOTES
    for _, words in CLASSES:
        out |= words
    return out


class _Index(dict[str, int]):
    def __missing__(self, key: str) -> int:
        return 0


class Featuriser:
    """Word ids in Python, feature ids in numpy; `size` columns in all."""

    def __init__(self, vocabulary: Sequence[str], buckets: int) -> None:
        if tuple(vocabulary[:2]) != (UNKNOWN, START):
            raise ValueError("the vocabulary must start with <unk> and <s>")
        self.vocabulary = list(vocabulary)
        self.index = _Index({w: i for i, w in enumerate(self.vocabulary)})
        self.buckets = buckets
        self.size = len(self.vocabulary) + buckets
        self.word_class = np.array([class_of(w) for w in self.vocabulary], dtype=np.int64)
        self.is_clause_end = np.array([w in CLAUSE_END for w in self.vocabulary])
        self.is_quote = np.array([w in QUOTES for w in self.vocabulary])
        # A clause end has no class, whatever its word.
        self.clause_class = np.where(self.is_clause_end, 0, self.word_class)
        # Plain lists for the one-post paths: indexing numpy arrays one by one is slow.
        self.classes: list[int] = self.word_class.tolist()
        self.end_flags: list[bool] = self.is_clause_end.tolist()
        self.quote_flags: list[bool] = self.is_quote.tolist()

    def word_ids(self, words: list[str]) -> list[int]:
        return list(map(self.index.__getitem__, words))

    def features(self, docs: Sequence[list[int]]) -> tuple[Ints, Ints]:
        """(feature ids, document number of each) for a batch of word-id lists."""
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        tokens = np.fromiter(chain.from_iterable(docs), dtype=np.int64, count=int(lengths.sum()))
        return self.features_flat(tokens, lengths)

    def features_flat(self, tokens: Ints, lengths: Ints) -> tuple[Ints, Ints]:
        """`features` for the documents' word ids laid end to end, with each one's length."""
        doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        is_quote = self.is_quote[tokens]
        quoted = None
        if is_quote.any():  # most batches have none: their quoted state is all False
            quoted = (_exclusive_cumsum(is_quote, _starts(doc)) % 2).astype(bool)
            keep = ~is_quote
            tokens, doc, quoted = tokens[keep], doc[keep], quoted[keep]
        return self._clause_features(tokens, doc, quoted)

    def _clause_features(
        self, tokens: Ints, doc: Ints, quoted: npt.NDArray[np.bool_] | None
    ) -> tuple[Ints, Ints]:
        ends = self.is_clause_end[tokens]
        start = _starts(doc)
        start[1:] |= ends[:-1]
        start_at = np.maximum.accumulate(np.where(start, np.arange(len(tokens)), 0))
        cls = self.clause_class[tokens]
        tagged = cls > 0
        prev = _shifted(tokens, start)
        v = len(self.vocabulary)
        abstract = np.where(tagged, v + cls, tokens)
        abstract_prev = _shifted(abstract, start)
        words = ~ends
        either = words & (tagged | (abstract_prev != prev))
        # Only class words carry a mark or see other classes: a fraction of the tokens.
        where = np.flatnonzero(tagged)
        cls, clause, class_doc = cls[where], start_at[where], doc[where]
        mark = self._marks(tokens, start_at, where, quoted)
        seen, seen_mark, seen_doc = self._seen(cls, mark, clause, class_doc)
        # The hashed features, each kind's pairs end to end, hashed in one pass.
        parts = {
            "pair": (prev[words], tokens[words], doc[words]),
            "class": (cls, mark, class_doc),
            "abstract": (abstract_prev[either], abstract[either], doc[either]),
            "seen": (seen, seen_mark, seen_doc),
        }
        salts = np.repeat(
            np.array([_SALTS[kind] for kind in parts], dtype=np.uint64),
            [len(part[0]) for part in parts.values()],
        )
        hashed = self._hashed(
            np.concatenate([part[0] for part in parts.values()]),
            np.concatenate([part[1] for part in parts.values()]),
            salts,
        )
        return (
            np.concatenate([tokens, hashed]),
            np.concatenate([doc, *(part[2] for part in parts.values())]),
        )

    def _marks(
        self, tokens: Ints, start_at: Ints, where: Ints, quoted: npt.NDArray[np.bool_] | None
    ) -> Ints:
        """For each class word: 1 after a negation in its clause, plus 2 inside quotes."""
        negation = self.word_class[tokens] == NEG_CLASS
        if negation.any():
            mark = (_exclusive_cumsum(negation, start_at) > 0)[where].astype(np.int64)
        else:
            mark = np.zeros(len(where), dtype=np.int64)
        if quoted is not None:
            mark += 2 * quoted[where]
        return mark

    def _seen(self, cls: Ints, mark: Ints, clause: Ints, doc: Ints) -> tuple[Ints, Ints, Ints]:
        """Each class word with each class seen earlier in its clause (class words only): the
        pairs, their marks and their documents, to be hashed as "seen"."""
        count = len(cls)
        first = np.ones(count, dtype=bool)
        first[1:] = clause[1:] != clause[:-1]
        at = np.maximum.accumulate(np.where(first, np.arange(count), 0))
        # Counts of each class before each class word, within its clause, in one cumsum.
        one_hot = np.zeros((count, len(CLASSES) + 1), dtype=np.int32)
        one_hot[np.arange(count), cls] = 1
        before = np.cumsum(one_hot, axis=0, dtype=np.int32) - one_hot
        rows, cols = np.nonzero((before - before[at])[:, 1:] > 0)
        return (cols + 1) * 16 + cls[rows], mark[rows], doc[rows]

    def features_one(self, ids: list[int]) -> list[int]:
        """The same features for one document, in plain Python: cheaper than numpy for one."""
        v, out = len(self.vocabulary), []
        quoted = negated = False
        prev = abstract_prev = 1
        seen: set[int] = set()
        for t in ids:
            if self.quote_flags[t]:
                quoted = not quoted
                continue
            out.append(t)
            if self.end_flags[t]:
                prev = abstract_prev = 1
                negated, seen = False, set()
                continue
            c, mark = self.classes[t], negated + 2 * quoted
            out.append(self.hash_one("pair", prev, t))
            abstract = v + c if c else t
            if c:
                out.append(self.hash_one("class", c, mark))
                out.extend(self.hash_one("seen", o * 16 + c, mark) for o in seen)
                seen.add(c)
                negated = negated or c == NEG_CLASS
            if c or abstract_prev != prev:
                out.append(self.hash_one("abstract", abstract_prev, abstract))
            prev, abstract_prev = t, abstract
        return out

    def hash_one(self, kind: str, a: int, b: int) -> int:
        x = ((a * _K1) & _MASK) ^ ((b * _K2 + _SALTS[kind]) & _MASK)
        x ^= x >> 29
        return x % self.buckets + len(self.vocabulary)

    def _hashed(self, a: Ints, b: Ints, salt: npt.NDArray[np.uint64]) -> Ints:
        """A fixed integer hash of two ids into the buckets after the vocabulary, salted by
        the kind of feature (`_SALTS`); as `hash_one`, for arrays."""
        x = a.astype(np.uint64) * np.uint64(_K1)
        x ^= b.astype(np.uint64) * np.uint64(_K2) + salt
        x ^= x >> np.uint64(29)
        if self.buckets & (self.buckets - 1) == 0:  # a power of two: a mask, not a division
            x &= np.uint64(self.buckets - 1)
        else:
            x %= np.uint64(self.buckets)
        return x.astype(np.int64) + len(self.vocabulary)


def _shifted(values: Ints, start: npt.NDArray[np.bool_]) -> Ints:
    """Each value's predecessor, or 1 (the start word) where a clause starts."""
    out = np.empty_like(values)
    out[1:] = values[:-1]
    out[start] = 1
    return out


def _starts(doc: Ints) -> npt.NDArray[np.bool_]:
    start = np.ones(len(doc), dtype=bool)
    start[1:] = doc[1:] != doc[:-1]
    return start


def _exclusive_cumsum(
    values: npt.NDArray[np.bool_], segment_start: npt.NDArray[np.bool_] | Ints
) -> Ints:
    """Counts of `values` before each position within its segment.

    `segment_start` is either a boolean "starts a segment" mask or, for each position, the
    index where its segment starts.
    """
    counts = np.cumsum(values, dtype=np.int64) - values
    if segment_start.dtype == np.bool_:
        at = np.maximum.accumulate(np.where(segment_start, np.arange(len(values)), 0))
    else:
        at = segment_start
    return counts - counts[at] if len(values) else counts
