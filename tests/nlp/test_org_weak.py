"""The learned decision for weakly evidenced organisations (newstui/nlp/entity_weak.py): its
weights file loads and names every feature, and the decision is the same on every call."""

from __future__ import annotations

import math
from importlib import resources

from newstui.nlp.entity_weak import FEATURES, keeps_weak_org, weak_org_features, weak_org_score
from newstui.nlp.entity_words import Candidate
from newstui.nlp.gazetteer import load_gazetteer


def test_the_weights_file_gives_every_feature_a_weight_and_a_threshold() -> None:
    data = resources.files("newstui.nlp").joinpath("data").joinpath("org_weak.tsv")
    rows = [r for r in data.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    names = [row.split("\t")[0] for row in rows]
    assert names == [*FEATURES, "threshold"]
    assert all(math.isfinite(float(row.split("\t")[1])) for row in rows)


def test_the_decision_reads_the_features_and_is_deterministic() -> None:
    text = "Veteran CPI(M) leader Anil Borra hailed the result in the state."
    cands = [Candidate(0, 11, "Veteran CPI", 2, "ORG", 1, sentence_start=True)]
    features = weak_org_features("Veteran CPI", cands, text, load_gazetteer(), 0)
    assert features[0] == FEATURES.index("bias")
    assert FEATURES.index("caps word") in features
    assert features == weak_org_features("Veteran CPI", cands, text, load_gazetteer(), 0)
    score = weak_org_score(features)
    assert score == weak_org_score(features)
    assert keeps_weak_org(features) is False
    assert keeps_weak_org([FEATURES.index("bias"), FEATURES.index("tier")]) is True
