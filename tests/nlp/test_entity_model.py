"""The learned entity-typing step (tools/entity_model.py: measured, not used by the extractor)
and its training tool."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from newstui.nlp.entities import NAME_JOINERS, candidate_groups, extract_entities, names_nothing
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.segment import datelines, name_tokens

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))  # the tool's model module, beside it
from entity_model import EntityTyper, group_features, load_typer  # noqa: E402

TOOL = TOOLS / "train_entities.py"


def _groups(text: str):
    found = datelines(text)
    return candidate_groups(
        text, name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS), found
    )


def _features(text: str) -> dict[str, list[str]]:
    groups = _groups(text)
    names = [g.name for g in groups]
    gaz = load_gazetteer()
    return {g.name: group_features(text, g.cands, g.rules, g.vote, gaz, names) for g in groups}


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("train_entities", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_entities"] = module
    spec.loader.exec_module(module)
    return module


def test_the_rules_verdict_of_each_group_is_what_the_entity_step_outputs(seed_text) -> None:
    for text in (
        seed_text,
        "Quorvex's chief executive, Ann Lee, said the Harlow Borough Council would meet in Leeds.",
    ):
        gaz = load_gazetteer()
        typed = {
            (g.name, g.rules)
            for g in _groups(text)
            if g.rules and not names_nothing(g.key, g.cands, g.rules, gaz)
        }
        found = datelines(text)
        tokens = name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS)
        assert typed == {(e.name, e.type) for e in extract_entities(text, tokens, found)}


def test_a_name_is_described_by_the_words_around_every_mention() -> None:
    text = "Quorvex's chief executive, Ann Lee, said profits rose. Lee said Quorvex-based staff cheered."
    features = _features(text)
    assert "after's:chief" in features["Quorvex"]
    assert "after:said" in features["Ann Lee"]
    assert "given:True" in features["Ann Lee"]
    assert "mentions:2" in features["Ann Lee"]  # "Lee" is merged into her full name


def test_a_word_also_written_in_lower_case_is_marked_as_a_common_noun() -> None:
    text = "The Cabinet met on Monday. Later the cabinet agreed."
    groups = _groups(text)
    gaz = load_gazetteer()
    cabinet = next(g for g in groups if g.name == "Cabinet")
    feats = group_features(
        text, cabinet.cands, cabinet.rules, cabinet.vote, gaz, (), frozenset({"cabinet"})
    )
    assert "lower-seen:False" in feats


def test_the_rules_verdict_stands_unless_the_model_prefers_another_by_the_margin() -> None:
    typer = EntityTyper({"a": {"ORG": 2.0, "PLACE": 1.0}, "b": {"NONE": 5.0}}, keep_margin=1.5)
    assert typer.decide(["a"], "PLACE") == "PLACE"  # ORG wins by 1.0, not more than 1.5
    assert typer.decide(["a"], None) == "ORG"  # ORG beats NONE by 2.0
    assert typer.decide(["a", "b"], "ORG") is None  # NONE wins by 3.0: no entity


def test_a_written_model_reads_back_the_same(tmp_path: Path) -> None:
    typer = EntityTyper({"z": {"PERSON": 0.5}, "a": {"ORG": -1.0, "GROUP": 2.0}}, keep_margin=1.0)
    path = tmp_path / "model.json"
    path.write_text(typer.dumps(), encoding="utf-8")
    again = load_typer(path)
    assert again.weights == typer.weights and again.keep_margin == 1.0
    assert again.dumps() == typer.dumps()
    assert list(json.loads(typer.dumps())["weights"]) == ["a", "z"]  # sorted


def _write_sets(root: Path) -> None:
    texts = {
        "one": (
            "Ann Lee of Quorvex said Leeds was calm.",
            [("Ann Lee", "PERSON"), ("Quorvex", "ORG"), ("Leeds", "PLACE")],
        ),
        "two": (
            "Tom Marsh said the Harlow Borough Council met in York.",
            [("Tom Marsh", "PERSON"), ("Harlow Borough Council", "ORG"), ("York", "PLACE")],
        ),
        "x-blind2": ("Never read.", [("Never", "ORG")]),
    }
    for folder, (text, entities) in texts.items():
        (root / folder).mkdir()
        article = {
            "text": text,
            "quotes": [],
            "entities": [{"name": n, "type": t} for n, t in entities],
        }
        (root / folder / "a.json").write_text(json.dumps(article), encoding="utf-8")


def test_training_leaves_out_blind_sets_and_gives_the_same_model_twice(
    tool, tmp_path: Path
) -> None:
    _write_sets(tmp_path)
    folds = tool.folds(tmp_path)
    assert sorted(folds) == ["one", "two"]
    sets = {name: tool.load_set(paths) for name, paths in folds.items()}
    examples = [ex for arts in sets.values() for a in arts for ex in a.examples]
    assert {ex.name: ex.label for ex in examples}["Quorvex"] == "ORG"
    first = EntityTyper(tool.train(examples, 4, 1), 1.0).dumps()
    assert first == EntityTyper(tool.train(examples, 4, 1), 1.0).dumps()
    totals = tool.cross_validate(sets, 1.0, 4, 1, 8)
    assert totals["rules"]["ALL_gold"] == 6  # every annotated entity of the two sets is scored


def test_the_error_report_gives_the_ceiling_of_a_typing_step(tool, tmp_path: Path, capsys) -> None:
    _write_sets(tmp_path)
    sets = {name: tool.load_set(paths) for name, paths in tool.folds(tmp_path).items()}
    tool.report_errors(sets)
    out = capsys.readouterr().out
    rules = float(out.split("rules: ")[1].split()[0])
    ceiling = float(out.split("and no name that matches no annotation: ")[1].split()[0])
    assert 0 < rules <= ceiling <= 1
