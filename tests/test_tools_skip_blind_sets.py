"""No tool under tools/ or bench/ lists or reads a blind NLP set (a folder whose name contains
"blind"): only bench/nlp_eval.py measures one, when given it explicitly as --data.

Each tool walks a stand-in for tests/data/nlp with blind folders of every naming; listing or
opening anything inside one fails the test."""

from __future__ import annotations

import builtins
import importlib.util
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLIND_FOLDERS = ("blind", "wikinews-blind", "wikinews-blind2", "wikinews-blind7", "Blind-next")
# The tools that walk tests/data/nlp, each checked below; a new one must be added here.
WALKERS = {
    "bench/nlp_eval.py",  # only the folders given as --data (default: the top level's own files)
    "tools/demo_from_wikinews.py",
    "tools/nlp_identity.py",
    "tools/story_identity.py",
    "tools/strip_nationality_from_bodies.py",
    "tools/train_entities.py",
    "tools/train_org_weak.py",
    "tools/train_speakers.py",
}


def _load(relative: str) -> ModuleType:
    for folder in ("tools", "bench"):
        if str(ROOT / folder) not in sys.path:
            sys.path.insert(0, str(ROOT / folder))
    name = Path(relative).stem
    spec = importlib.util.spec_from_file_location(f"_blind_check_{name}", ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # for its dataclasses
    spec.loader.exec_module(module)
    return module


def _article(text: str) -> str:
    return json.dumps({"text": text, "quotes": [], "entities": [{"name": "Ann", "type": "PERSON"}]})


@pytest.fixture
def nlp_sets(tmp_path: Path) -> Path:
    """A stand-in for tests/data/nlp: top-level articles, two development folders and blind ones."""
    data = tmp_path / "sets" / "nlp"
    data.mkdir(parents=True)
    (data / "core.json").write_text(_article("Ann said so."), "utf-8")
    for folder, name in (("dev9", "a.json"), ("wikinews-dev", "w002-story.json")):
        (data / folder).mkdir()
        (data / folder / name).write_text(_article(f"Text of {folder}."), "utf-8")
    for folder in BLIND_FOLDERS:
        (data / folder / "inner").mkdir(parents=True)
        for name in ("a.json", "w900-story.json", "inner/b.json"):
            (data / folder / name).write_text(_article("Blind text."), "utf-8")
    return data


@pytest.fixture
def blind_guard(nlp_sets: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails any listing or opening of a path inside a blind folder of `nlp_sets`."""
    touched: list[str] = []

    def check(path: object) -> None:
        if isinstance(path, int):
            return
        full = Path(os.fsdecode(path)).absolute()  # type: ignore[arg-type]
        if full.is_relative_to(nlp_sets) and any(
            "blind" in part.casefold() for part in full.relative_to(nlp_sets).parts
        ):
            touched.append(str(full.relative_to(nlp_sets)))
            raise AssertionError(f"a tool read the blind folder's {full.relative_to(nlp_sets)}")

    def guarded(real):  # type: ignore[no-untyped-def]
        def call(path=".", *args, **kwargs):  # type: ignore[no-untyped-def]
            check(path)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "scandir", guarded(os.scandir))
    monkeypatch.setattr(os, "listdir", guarded(os.listdir))
    monkeypatch.setattr(io, "open", guarded(io.open))
    monkeypatch.setattr(builtins, "open", guarded(builtins.open))
    yield touched
    assert not touched


def test_every_tool_that_walks_the_nlp_sets_is_checked_here() -> None:
    walking = re.compile(r'"data"\s*/\s*"nlp"|data/nlp[/"\']')
    found = {
        str(path.relative_to(ROOT))
        for folder in ("tools", "bench")
        for path in (ROOT / folder).glob("*.py")
        if walking.search(
            "\n".join(
                line
                for line in path.read_text("utf-8").splitlines()
                if not line.lstrip().startswith("#")
            ).split('"""', 2)[-1]  # after the module docstring
        )
    }
    assert found == WALKERS
    # bench/nlp_instructions.py runs on what tools/nlp_identity.py allows, checked below
    assert "tool.allowed_texts(" in (ROOT / "bench" / "nlp_instructions.py").read_text("utf-8")


def test_the_identity_check_runs_on_no_blind_folder_and_no_blind_selection(
    nlp_sets: Path, blind_guard: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _load("tools/nlp_identity.py")
    shared = tmp_path / "shared"
    (shared / "wikinews").mkdir(parents=True)
    lines = [json.dumps({"text": f"Shared article {i}."}) for i in range(4)]
    (shared / "wikinews" / "articles.jsonl").write_text("\n".join(lines), "utf-8")
    selection = tmp_path / "selection.json"
    selection.write_text(
        json.dumps(
            {"blind": [1], "wikinews-blind": [2], "wikinews-blind5": [3], "wikinews-dev": [0]}
        ),
        "utf-8",
    )
    monkeypatch.setattr(tool, "SELECTION", selection)
    names = [name for name, _ in tool.allowed_texts(shared, nlp_sets)]
    assert [n for n in names if n.startswith("tests/data/nlp/")] == [
        "tests/data/nlp/core.json",
        "tests/data/nlp/dev9/a.json",
        "tests/data/nlp/wikinews-dev/w002-story.json",
    ]
    assert [n for n in names if n.startswith("wikinews:")] == ["wikinews:0"]


def test_without_the_selection_the_identity_check_takes_only_the_open_wikinews_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _load("tools/nlp_identity.py")
    articles = tmp_path / "shared" / "wikinews" / "articles.jsonl"
    articles.parent.mkdir(parents=True)
    # lines past the open ones are not JSON: parsing one would fail the test
    lines = [json.dumps({"text": f"Shared article {i}."}) for i in range(119)] + ["{"] * 5
    articles.write_text("\n".join(lines), "utf-8")
    monkeypatch.setattr(tool, "SELECTION", tmp_path / "absent.json")
    texts = tool._wikinews_texts(articles)
    assert [name for name, _ in texts] == [f"wikinews:{i}" for i in range(119)]
    assert texts[-1][1] == "Shared article 118."


def test_the_training_tools_read_no_blind_folder(nlp_sets: Path, blind_guard: list[str]) -> None:
    entities = _load("tools/train_entities.py")
    assert sorted(entities.folds(nlp_sets)) == ["core", "dev9", "wikinews-dev"]
    speakers = _load("tools/train_speakers.py")
    folders = speakers.folders(nlp_sets)
    assert folders == [nlp_sets, nlp_sets / "dev9", nlp_sets / "wikinews-dev"]
    for folder in folders:
        speakers.load_articles(folder)


def test_the_weak_org_trainer_reads_the_work_folders_only(
    nlp_sets: Path, blind_guard: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newstui.nlp.entity_merge as entity_merge

    for hook in ("weak_org_features", "keeps_weak_org"):  # the tool replaces them: put back after
        monkeypatch.setattr(entity_merge, hook, getattr(entity_merge, hook))
    tool = _load("tools/train_org_weak.py")
    monkeypatch.setattr(tool, "DATA", nlp_sets)
    assert {example.fold for example in tool.work_examples()} <= {"core", "wikinews-dev"}


def test_the_org_check_trains_on_the_development_sets_only(
    nlp_sets: Path, blind_guard: list[str]
) -> None:
    tool = _load("tools/train_entities.py")
    sets = {name: tool.load_org_set(name, paths) for name, paths in tool.folds(nlp_sets).items()}
    assert [art.where for arts in sets.values() for art in arts] == [
        "core/core.json",
        "dev9/a.json",
        "wikinews-dev/w002-story.json",
    ]


def test_the_nationality_tool_reads_only_its_named_sets_and_refuses_a_blind_one(
    nlp_sets: Path, blind_guard: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _load("tools/strip_nationality_from_bodies.py")
    monkeypatch.setattr(tool, "SETS", (nlp_sets, nlp_sets / "dev9", nlp_sets / "wikinews-dev"))
    assert tool.main([]) == 0
    monkeypatch.setattr(tool, "SETS", (nlp_sets / "dev9", nlp_sets / "wikinews-blind2"))
    with pytest.raises(SystemExit, match="blind"):
        tool.main([])


def test_the_demo_tool_holds_out_the_selection_without_listing_a_blind_folder(
    nlp_sets: Path, blind_guard: list[str], tmp_path: Path
) -> None:
    demo = _load("tools/demo_from_wikinews.py")
    selection = tmp_path / "selection.json"
    selection.write_text(json.dumps({"wikinews-blind": [7, 8], "wikinews-dev": [2]}), "utf-8")
    assert demo.held_out(nlp_sets, selection) == {2, 7, 8}


def test_the_evaluation_reads_the_top_level_sets_by_default_and_a_folder_given_as_data(
    nlp_sets: Path,
) -> None:
    evaluation = _load("bench/nlp_eval.py")
    assert evaluation.DEFAULT_DATA == ROOT / "tests" / "data" / "nlp"
    assert len(evaluation.load_articles(nlp_sets)) == 1  # the top level's own file
    assert len(evaluation.load_articles(nlp_sets / "wikinews-blind7")) == 2  # explicit --data


def test_without_the_selection_the_duplicates_bench_takes_only_the_open_wikinews_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _load("bench/duplicates.py")
    articles = tmp_path / "articles.jsonl"
    # lines past the open ones are not JSON: parsing one would fail the test
    lines = [json.dumps({"text": f"Shared article {i}."}) for i in range(119)] + ["{"] * 5
    articles.write_text("\n".join(lines), "utf-8")
    monkeypatch.setattr(bench, "SELECTION", tmp_path / "absent.json")
    rows = bench.wikinews_rows(articles)
    assert [r["text"] for r in rows] == [f"Shared article {i}." for i in range(119)]


def test_the_story_identity_check_reads_no_blind_folder(
    nlp_sets: Path, blind_guard: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _load("tools/story_identity.py")
    monkeypatch.setattr(tool, "NLP", nlp_sets)
    texts = tool.real_texts(tmp_path / "no-shared")
    assert sorted(text for _title, text in texts) == ["Ann said so.", "Text of wikinews-dev."]
