"""The packaged model: loads from the installed package, is calibrated, records its inputs."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from netiquette.abuse_model import HEADS, load_model
from netiquette.abuse_model.features import class_of

ROOT = Path(__file__).resolve().parents[2]


def test_it_loads_from_the_package_and_is_small() -> None:
    model = load_model()
    assert model.weights.shape == (len(HEADS), model.featuriser.size)
    artifact = ROOT / "src" / "netiquette" / "abuse_model" / "abuse-model.npz"
    assert artifact.stat().st_size < 5_000_000


def test_it_records_the_hash_of_every_input() -> None:
    inputs = load_model().metadata["inputs"]
    assert len(inputs) == 5
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in inputs.values())
    assert load_model().metadata["seed"] == 20260


def test_its_scores_are_probabilities_ordered_sensibly() -> None:
    p = load_model().predict(["what a lovely assembly", "this is fucking shit", ""])
    assert p.shape == (3, 3)
    assert ((p >= 0) & (p <= 1)).all()
    assert p[1, 1] > 0.8 > p[0, 1]


def test_batch_and_single_paths_agree() -> None:
    model = load_model()
    texts = ["I hate this", "you are a clown", "Year 6 smashed it"]
    batch = model.predict(texts)
    single = np.array([[s.abuse, s.profanity, s.aimed] for s in map(model.score, texts)])
    assert np.allclose(batch, single, atol=1e-5)


def test_calibration_is_roughly_honest_on_the_public_test_split() -> None:
    # The held-out macro-F1 recorded at training time must be better than chance.
    f1 = load_model().metadata["heldout_macro_f1"]
    assert f1["davidson2017"]["profanity"] > 0.8
    assert f1["davidson2017"]["abuse"] > 0.55


def test_negation_and_quotes_change_the_features() -> None:
    featuriser = load_model().featuriser

    def feats(words: list[str]) -> list[int]:
        return sorted(featuriser.features_one(featuriser.word_ids(words)))

    scum = class_of("scum")
    plain = featuriser.hash_one("class", scum, 0)
    negated = featuriser.hash_one("class", scum, 1)
    assert plain in feats(["they", "are", "scum"])
    assert negated in feats(["they", "are", "not", "scum"])
    assert plain not in feats(["they", "are", "not", "scum"])
    slur = class_of("faggot")
    assert featuriser.hash_one("class", slur, 2) in feats(['"', "faggot", '"'])
    assert class_of("muslims") and slur != class_of("muslims")


def test_the_batch_features_match_the_single_post_features() -> None:
    model = load_model()
    featuriser = model.featuriser
    for text in ["I would never say that, you are NOT an idiot!", "'quoted' slur: faggot", ""]:
        ids = featuriser.word_ids(model.words(text))
        batch, _ = featuriser.features([ids])
        assert sorted(batch.tolist()) == sorted(featuriser.features_one(ids))


def test_the_one_post_scorer_matches_the_batch_scorer() -> None:
    model = load_model()
    texts = [
        'he said "you are a clown", but I never would',
        "they are not scum . you are not an idiot ; I hate this",
        "Year 6 smashed their SATs, well done everyone!",
        "you you you stupid stupid idiot idiot",
    ]
    docs = [model.words(text) for text in texts] * 2  # twice: the second from the caches
    batch = model.calibrate(model.raw_from_words(docs))
    for row, words in zip(batch, docs, strict=True):
        single = model.score_words(words)
        assert np.allclose(row, [single.abuse, single.profanity, single.aimed], atol=1e-6)
