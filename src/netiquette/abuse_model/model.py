"""The abuse model at run time: a linear model per head over sparse features, in numpy.

Three heads share one featuriser: `abuse` (abusive, hateful or threatening content),
`profanity` (swearing and vulgarity) and `aimed` (hostility aimed at one person: insults,
mockery, exclusion, threats). Scores are Platt-calibrated probabilities. The artifact is a
small `.npz` inside the package, trained by `training/train_abuse.py`; nothing is downloaded.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from itertools import chain, repeat
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from netiquette.abuse_model.features import NEG_CLASS, Featuriser, Ints

HEADS = ("abuse", "profanity", "aimed")
ARTIFACT = "abuse-model.npz"
Floats = npt.NDArray[np.float32]


class ModelError(RuntimeError):
    """The packaged model artifact is missing or unreadable."""


class Scores(NamedTuple):
    """Calibrated probabilities for one post (a named tuple: made for every post read)."""

    abuse: float
    profanity: float
    aimed: float


class AbuseModel:
    def __init__(
        self,
        featuriser: Featuriser,
        weights: Floats,
        bias: Floats,
        platt: Floats,
        known: frozenset[str],
        metadata: dict[str, Any],
    ) -> None:
        if weights.shape != (featuriser.size, len(HEADS)):
            raise ModelError(f"weights of shape {weights.shape} do not fit the featuriser")
        self.featuriser = featuriser
        self.weights = np.ascontiguousarray(weights.T)
        self.bias = bias
        self.platt = platt
        self.known = known
        self.metadata = metadata
        self._one = OnePost(featuriser, self.weights, bias)
        self._platt = [(float(a), float(b)) for a, b in platt]

    def words(self, text: str) -> list[str]:
        # Imported here: textnorm needs the lexicon, whose package imports this module, so
        # a module-level import would make `import netiquette.spelling` circular.
        from netiquette import textnorm

        return textnorm.words(text, self.known)

    def raw_from_words(self, docs: Sequence[list[str]]) -> Floats:
        """Decision values, one row per document and one column per head."""
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        get = self.featuriser.index.__getitem__
        tokens = np.fromiter(
            map(get, chain.from_iterable(docs)), dtype=np.int64, count=int(lengths.sum())
        )
        return self.raw_from_ids(tokens, lengths)

    def raw_from_ids(self, tokens: Ints, lengths: Ints) -> Floats:
        """`raw_from_words` for the documents' word ids laid end to end, with their lengths."""
        features, doc = self.featuriser.features_flat(tokens, lengths)
        out = np.empty((len(lengths), len(HEADS)), dtype=np.float32)
        for h in range(len(HEADS)):
            out[:, h] = np.bincount(doc, self.weights[h][features], minlength=len(lengths))
        return out + self.bias

    def calibrate(self, raw: Floats) -> Floats:
        z = np.clip(raw * self.platt[:, 0] + self.platt[:, 1], -50.0, 50.0)
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)

    def predict(self, texts: Sequence[str]) -> Floats:
        """Calibrated probabilities, shape (len(texts), 3) in `HEADS` order."""
        return self.calibrate(self.raw_from_words([self.words(t) for t in texts]))

    def score_words(self, words: list[str]) -> Scores:
        """One post whose words are already normalised (the detectors' path)."""
        a, p, m = self._one.raw(self.featuriser.word_ids(words))
        (scale_a, shift_a), (scale_p, shift_p), (scale_m, shift_m) = self._platt
        return Scores(
            _sigmoid(a * scale_a + shift_a),
            _sigmoid(p * scale_p + shift_p),
            _sigmoid(m * scale_m + shift_m),
        )

    def score(self, text: str) -> Scores:
        return self.score_words(self.words(text))

    def probabilities_ids(self, tokens: Ints, lengths: Ints) -> Floats:
        """Calibrated probabilities for a batch's word ids laid end to end (at least two
        documents), one row per document: one vectorised pass. Sums run in another order
        than `score_words`'s, so a score may differ from it in the last bits of a float32."""
        return self.calibrate(self.raw_from_ids(tokens, lengths))

    def scores_of(self, probabilities: Floats) -> list[Scores]:
        """Each row of calibrated probabilities as `Scores`, made by `tuple.__new__` in C:
        the named tuple's own `_make` is a Python call per post. A column's `tolist` is the
        cheaper."""
        columns = probabilities.T.tolist()
        return list(map(tuple.__new__, repeat(Scores), zip(*columns, strict=True)))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-min(50.0, max(-50.0, z))))


_PLAIN, _CLASS, _END, _QUOTE = range(4)


class OnePost:
    """The decision values of one post in plain Python, without numpy's per-call cost.

    It computes what `Featuriser.features_one` lists and sums the weights as it goes. A
    step's features depend only on the word, the word before and the clause's state, so
    each step's weights are remembered: a post of familiar words costs a lookup a word.
    """

    LIMIT = 500_000

    def __init__(self, featuriser: Featuriser, weights: Floats, bias: Floats) -> None:
        self.featuriser = featuriser
        self.heads = tuple(array("d", row.tolist()) for row in weights)
        self.bias = (float(bias[0]), float(bias[1]), float(bias[2]))
        self.stride = len(featuriser.vocabulary)
        self.plain: dict[int, tuple[float, float, float]] = {}
        self.marked: dict[tuple[int, ...], tuple[float, float, float]] = {}
        # A clause end counts only its own weight.
        self.ends = {t: self._weights([t]) for t, end in enumerate(featuriser.end_flags) if end}
        # What each word is, in one list: a quote mark, a clause end, a class word or plain.
        self.kinds = [
            _QUOTE if quote else _END if end else _CLASS if c else _PLAIN
            for quote, end, c in zip(
                featuriser.quote_flags, featuriser.end_flags, featuriser.classes, strict=True
            )
        ]

    def raw(self, ids: list[int]) -> tuple[float, float, float]:
        word_class, kinds = self.featuriser.classes, self.kinds
        plain, marked, stride = self.plain, self.marked, self.stride
        a, p, m = self.bias
        quoted = negated = False
        prev = abstract_prev = 1
        seen = 0  # the classes seen in this clause, as bits
        for t in ids:
            kind = kinds[t]
            if kind == _PLAIN and abstract_prev == prev:
                step = plain.get(prev * stride + t) or self._plain(prev, t)
                abstract_prev = prev = t
            elif kind == _QUOTE:
                quoted = not quoted
                continue
            elif kind == _END:
                step = self.ends[t]
                prev = abstract_prev = 1
                negated, seen = False, 0
            else:
                # A class word, or a plain word after one.
                key = (prev, abstract_prev, t, negated + 2 * quoted, seen)
                step = marked.get(key) or self._marked(key)
                c = word_class[t]
                if c:
                    seen |= 1 << c
                    negated = negated or c == NEG_CLASS
                abstract_prev = stride + c if c else t
                prev = t
            a, p, m = a + step[0], p + step[1], m + step[2]
        return a, p, m

    def _weights(self, features: list[int]) -> tuple[float, float, float]:
        w0, w1, w2 = self.heads
        return (
            sum(w0[f] for f in features),
            sum(w1[f] for f in features),
            sum(w2[f] for f in features),
        )

    def _plain(self, prev: int, t: int) -> tuple[float, float, float]:
        """A plain word after a plain word: the word and the pair."""
        if len(self.plain) > self.LIMIT:
            self.plain.clear()
        step = self._weights([t, self.featuriser.hash_one("pair", prev, t)])
        self.plain[prev * self.stride + t] = step
        return step

    def _marked(self, key: tuple[int, ...]) -> tuple[float, float, float]:
        """A class word, or a word after one: as `Featuriser.features_one` does it."""
        if len(self.marked) > self.LIMIT:
            self.marked.clear()
        prev, abstract_prev, t, mark, seen = key
        hash_one = self.featuriser.hash_one
        c = self.featuriser.classes[t]
        features = [t, hash_one("pair", prev, t)]
        if c:
            features.append(hash_one("class", c, mark))
            others = [o for o in range(1, 16) if seen >> o & 1]
            features.extend(hash_one("seen", o * 16 + c, mark) for o in others)
        if c or abstract_prev != prev:
            features.append(hash_one("abstract", abstract_prev, self.stride + c if c else t))
        step = self._weights(features)
        self.marked[key] = step
        return step


def _text(data: Any, key: str) -> str:
    return bytes(data[key]).decode("utf-8")


def model_from_npz(data: Any) -> AbuseModel:
    metadata = json.loads(_text(data, "metadata"))
    featuriser = Featuriser(_text(data, "vocabulary").split("\n"), int(metadata["buckets"]))
    return AbuseModel(
        featuriser,
        np.asarray(data["weights"], dtype=np.float32),
        np.asarray(data["bias"], dtype=np.float32),
        np.asarray(data["platt"], dtype=np.float32),
        frozenset(_text(data, "known").split("\n")),
        metadata,
    )


@lru_cache(maxsize=1)
def load_model() -> AbuseModel:
    """The packaged model, loaded once per process."""
    resource = files("netiquette.abuse_model") / ARTIFACT
    try:
        with resource.open("rb") as handle, np.load(handle) as data:
            return model_from_npz(data)
    except (OSError, KeyError, ValueError) as error:
        raise ModelError(f"cannot load the abuse model {ARTIFACT}: {error}") from error
