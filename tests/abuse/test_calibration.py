"""Calibration and provenance, checked against the data the model was trained from."""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import numpy as np
import pytest

from netiquette.abuse_model import load_model

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="the shared corpora are not here")


def _davidson_test() -> tuple[list[str], np.ndarray]:
    sys.path.insert(0, str(ROOT / "training"))
    from train_abuse import SEED, davidson

    rows = [r for r in davidson(DATA / "davidson2017", random.Random(SEED)) if r.split == "test"]
    return [r.text for r in rows], np.array([r.labels["profanity"] for r in rows])


@needs_data
def test_profanity_probabilities_match_observed_rates() -> None:
    texts, labels = _davidson_test()
    p = load_model().predict(texts)[:, 1]
    assert abs(float(p.mean()) - float(labels.mean())) < 0.05
    # Reliability: posts scored higher are more often profane, bin by bin.
    rates = [labels[(p >= lo) & (p < lo + 0.25)].mean() for lo in (0.0, 0.25, 0.5, 0.75)]
    assert rates == sorted(rates)
    assert rates[0] < 0.25 and rates[-1] > 0.9


def test_the_artifact_was_trained_from_the_current_templates() -> None:
    # Edit the templates and forget to retrain, and this fails.
    inputs = load_model().metadata["inputs"]
    templates = ROOT / "training" / "data" / "templates.yaml"
    assert inputs["data/templates.yaml"] == hashlib.sha256(templates.read_bytes()).hexdigest()


@needs_data
def test_the_artifact_records_the_shared_corpora_it_was_trained_from() -> None:
    inputs = load_model().metadata["inputs"]
    for name in ("davidson2017/labeled_data.csv", "hatemojibuild/train.csv"):
        assert inputs[name] == hashlib.sha256((DATA / name).read_bytes()).hexdigest()
