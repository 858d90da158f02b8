"""The learned ORG check over the rules (tools/org_features.py, trained by
tools/train_entities.py --org-check): measured by cross-validation, not used by the extractor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))  # the tool and its model modules, beside each other
import train_entities as tool  # noqa: E402
from org_features import org_probability  # noqa: E402


def _example(features: list[str], label: int, article: str) -> tool.OrgExample:
    key = (f"ORG:{article}:{label}", "ORG")
    return tool.OrgExample(["bias", *features], label, key, "Name", article)


def _synthetic() -> list[tool.OrgExample]:
    """Names with a "board" head are never annotated ORGs; the rest always are: 4 articles of
    2 sets each way, a neutral feature on every one."""
    out = []
    for k in range(4):
        where = f"set{k % 2}/a{k}.json"
        out.append(_example(["head=board", "words:2"], 0, where))
        out.append(_example(["head=agency", "words:2"], 1, where))
        out.append(_example(["head=ministry", "words:2"], 1, where))
    return out


def test_training_learns_that_a_feature_marks_names_the_gold_never_lists() -> None:
    weights = tool.train_org(_synthetic())
    assert weights["head=board"] < 0 < weights["head=agency"]
    assert org_probability(weights, ["bias", "head=board", "words:2"]) < 0.5
    assert org_probability(weights, ["bias", "head=agency", "words:2"]) > 0.5
    assert tool.train_org(_synthetic()) == weights  # deterministic


def test_a_word_seen_in_one_set_only_is_not_learned() -> None:
    examples = _synthetic()
    for k in range(3):  # "quorvex" as head in three articles, all of one set
        examples.append(_example(["head=quorvex", "words:2"], 0, f"set0/q{k}.json"))
    weights = tool.train_org(examples)
    assert "head=quorvex" not in weights
    assert "head=board" in weights  # 4 articles of 2 sets


def test_the_features_read_shape_lists_context_and_the_other_names() -> None:
    text = (
        "The Harlow Borough Council said on Monday it would close two libraries. A spokesman "
        "for the council told reporters the Quorvex Group's plan was dead. NATO (the alliance) "
        "was not involved."
    )
    features = dict(tool.rules_org_groups(text))
    council = features["Harlow Borough Council"]
    assert {"words:3", "head=council", "first=harlow", "the-before", "speaks"} <= set(council)
    assert "lower-word-elsewhere" in council  # "the council" in lower case later
    assert "list:org-word-head" in council
    assert {"possessive", "head=group"} <= set(features["Quorvex Group"])
    assert {"shape:acronym", "parenthesis", "known:ORG"} <= set(features["NATO"])


def test_the_model_drops_only_the_orgs_below_the_threshold_and_the_score_counts_it() -> None:
    right, wrong = ("ORG:acme", "ORG"), ("ORG:monday", "ORG")
    article = tool.OrgArticle(
        "set0/a.json",
        gold={right, ("PERSON:ann lee", "PERSON")},
        pred={right, wrong, ("PERSON:ann lee", "PERSON")},
        examples=[
            tool.OrgExample(["bias", "head=inc"], 1, right, "Acme", "set0/a.json"),
            tool.OrgExample(["bias", "head=monday"], 0, wrong, "Monday", "set0/a.json"),
        ],
    )
    weights = {"head=monday": -3.0, "head=inc": 2.0}
    assert tool.decided(article, weights, 0.3) == {right, ("PERSON:ann lee", "PERSON")}
    assert tool.f1(tool.org_counts([article], None), "ORG") < 1.0
    assert tool.f1(tool.org_counts([article], weights, 0.3), "ORG") == 1.0
    assert tool.f1(tool.org_counts([article], weights, 0.3), "ALL") == 1.0


def test_the_threshold_is_chosen_on_the_training_sets_and_zero_when_nothing_helps() -> None:
    def article(where: str, label: int) -> tool.OrgArticle:
        key = (f"ORG:{where}", "ORG")
        gold = {key} if label else set()
        ex = tool.OrgExample(
            ["bias", "head=board" if not label else "head=agency"], label, key, "X", where
        )
        return tool.OrgArticle(where, gold, {key}, [ex])

    sets = {f"set{s}": [article(f"set{s}/a{k}.json", k % 2) for k in range(6)] for s in range(3)}
    assert tool.choose_threshold(sets) > 0.0  # dropping the "board" names helps in every fold
    right_only = {f"set{s}": [article(f"set{s}/a{k}.json", 1) for k in range(6)] for s in range(3)}
    assert tool.choose_threshold(right_only) == 0.0


def test_the_weights_module_is_python_holding_the_weights_and_threshold() -> None:
    namespace: dict[str, object] = {}
    exec(tool.weights_module({"head=board": -1.25, "bias": 0.5}, 0.3), namespace)
    assert namespace["WEIGHTS"] == {"head=board": -1.25, "bias": 0.5}
    assert namespace["THRESHOLD"] == 0.3


def test_the_open_sample_lists_the_orgs_the_model_drops_with_their_article(tmp_path: Path) -> None:
    texts = tmp_path / "texts.jsonl"
    rows = [
        {"title": "Merger", "text": "The Quorvex Group said on Monday it would buy Harlow Ltd."},
        {"title": "Talks", "text": "NATO said on Monday the talks would go on."},
    ]
    texts.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    total, drops = tool.open_drops(texts, 5, 1, {"head=group": -5.0, "bias": 2.0}, 0.5)
    assert total >= 2  # Quorvex Group, NATO, ...
    assert [(line, name, title) for line, _, name, title in drops] == [
        (0, "Quorvex Group", "Merger")
    ]
