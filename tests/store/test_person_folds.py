"""The people `entities` lists under a fuller name (person_folds): worked out once for a state of
the store, and the same rows `quotes --json`'s `speaker_entity` names (review r53 F2)."""

from __future__ import annotations

import json

import pytest

from newstui.cli.main import main
from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key
from newstui.store import analysis
from newstui.store.person_names import GENERATIONS, PERSON_KEY

PEOPLE = [
    "Elijah Eugene Cummings",
    "Elijah Cummings",
    "Grace Cummings",
    "Michael B. Jordan",
    "Michael Jordan",
    "George W. Bush",
    "George Herbert Walker Bush",
    "George Walker Bush",
    "George Bush",
    "Martin Luther King Jr.",
    "Martin King Jr.",
    "Martin King",
    "Ali Hosseini Khamenei",
    "Ali Khamenei",
    "Cummings",
    "Ana María López Obrador",
    "Ana López",
]


def person(name: str) -> Entity:
    return Entity(name, "PERSON", (Mention(0, len(name), name),))


def save(library: Library, names: list[str], quotes: dict[str, str] | None = None) -> None:
    """One article per name (its only entity), each analysed; `quotes`: speaker → words."""
    quotes = quotes or {}
    source = library.register_source("https://wire.example/feed", "Wire Service")
    texts = {n: f"{n} said “{quotes[n]}” today." if n in quotes else n for n in names}
    library.save_batch(
        source,
        [
            Article(title=f"On {n}", text=t, guid=n, url=f"https://wire.example/{i}")
            for i, (n, t) in enumerate(texts.items())
        ],
    )
    ids = {row.title.removeprefix("On "): row.id for row in library.articles(limit=None)}
    results = []
    for name, text in texts.items():
        found = ()
        if name in quotes:
            at = text.index(quotes[name])
            found = (Quote(quotes[name], at, at + len(quotes[name]), name),)
        results.append((ids[name], Analysis((person(name),), found)))
    library.save_analyses(results, "v1", canonical_key, short_key)


def folds_by_the_rule(keys: dict[int, str]) -> dict[int, int]:
    """The rule README states, over every stored person key (as round 53 worked it out)."""
    groups: dict[tuple[str, str, str], tuple[list[int], list[int]]] = {}
    for entity_id, key in keys.items():
        words = key[len(PERSON_KEY) :].split()
        generation = words.pop() if len(words) > 2 and words[-1] in GENERATIONS else ""
        if len(words) < 2 or (
            len(words) > 2 and all(len(word.rstrip(".")) <= 1 for word in words[1:-1])
        ):
            continue
        short, full = groups.setdefault((words[0], words[-1], generation), ([], []))
        (full if len(words) > 2 else short).append(entity_id)
    return {i: full[0] for short, full in groups.values() if len(full) == 1 for i in short}


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "news.db") as opened:
        yield opened


def names_of(library: Library, folds: dict[int, int]) -> dict[str, str]:
    names = {row.id: row.name for row in library.entities("PERSON", limit=None)}
    stored = dict(
        library._db.execute("SELECT id, name FROM entities WHERE type = 'PERSON'").fetchall()
    )
    return {stored[a]: names.get(b, stored[b]) for a, b in folds.items()}


def test_the_folds_are_the_rule_read_over_every_person(library):
    save(library, PEOPLE)
    keys = dict(
        library._db.execute("SELECT id, key FROM entities WHERE type = 'PERSON'").fetchall()
    )
    folds = analysis.person_folds(library._db)
    assert folds == folds_by_the_rule(keys)
    assert names_of(library, folds) == {
        "Elijah Cummings": "Elijah Eugene Cummings",
        "Ali Khamenei": "Ali Hosseini Khamenei",
        "Martin King Jr.": "Martin Luther King Jr.",
    }  # George Bush: two fuller names; Michael Jordan: a middle initial alone


def test_entities_works_the_folds_out_once_a_command(tmp_path, library, capsys, monkeypatch):
    """Review r53 F2: `entities` cut at its limit worked them out for the list and again for
    the count; the quote listing and the list's count share them too."""
    save(library, PEOPLE, {"Elijah Cummings": "We will hold hearings"})
    library.close()
    worked_out = []
    real = analysis._person_folds
    monkeypatch.setattr(analysis, "_person_folds", lambda db: worked_out.append(db) or real(db))
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    args = ["--db", str(tmp_path / "news.db"), "--config", str(config)]
    assert main([*args, "entities", "--limit", "2"]) == 0
    assert "2 of " in capsys.readouterr().err
    assert len(worked_out) == 1
    assert main([*args, "quotes", "--speaker", "Cummings", "--limit", "1"]) == 0
    assert len(worked_out) == 2


def test_the_folds_are_worked_out_again_once_the_store_changes(tmp_path, library):
    """Kept while nothing changed (each empty `speaker:` search asked again); a new fuller name
    saved on this connection, or by another process, is seen at once."""
    save(library, ["Elijah Cummings", "Grace Cummings"])
    db = library._db
    assert analysis.person_folds(db) == {}
    assert analysis.person_folds(db) is analysis.person_folds(db)
    with Library.open(tmp_path / "news.db") as other:  # another connection's write
        source = other.register_source("https://other.example/feed", "Other")
        other.save_batch(source, [Article(title="Eugene", text="Elijah Eugene Cummings", guid="e")])
        [row] = [r for r in other.articles(limit=None) if r.title == "Eugene"]
        other.save_analyses(
            [(row.id, Analysis((person("Elijah Eugene Cummings"),)))],
            "v1",
            canonical_key,
            short_key,
        )
    assert names_of(library, analysis.person_folds(db)) == {
        "Elijah Cummings": "Elijah Eugene Cummings"
    }
    library.save_analyses([(row.id, Analysis())], "v1", canonical_key, short_key)  # this one's
    library.prune_entities()
    assert analysis.person_folds(db) == {}


def test_a_quotes_speaker_entity_is_the_row_entities_lists(tmp_path, library, capsys):
    """`quotes --json` named "Elijah Cummings" where `entities` lists "Elijah Eugene Cummings":
    a digest joining the two found no row."""
    save(
        library,
        ["Elijah Eugene Cummings", "Elijah Cummings", "Michael B. Jordan", "Michael Jordan"],
        {"Elijah Cummings": "We will hold hearings", "Michael Jordan": "We won the game"},
    )
    library.close()
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    args = ["--db", str(tmp_path / "news.db"), "--config", str(config)]
    assert main([*args, "quotes", "--json"]) == 0
    quotes = {
        q["speaker"]: {k: q["speaker_entity"][k] for k in ("name", "type")}
        for q in json.loads(capsys.readouterr().out)
    }
    assert main([*args, "entities", "--json"]) == 0
    listed = {(e["name"], e["type"]) for e in json.loads(capsys.readouterr().out)}
    assert quotes["Elijah Cummings"] == {"name": "Elijah Eugene Cummings", "type": "PERSON"}
    assert quotes["Michael Jordan"] == {"name": "Michael Jordan", "type": "PERSON"}
    assert {(q["name"], q["type"]) for q in quotes.values()} <= listed


def test_quotes_and_entities_json_give_the_ids_a_report_keys_on(tmp_path, library, capsys):
    """User test r54 LOW-2: no quote id, no entity id: a month-to-month report keyed on names."""
    save(
        library,
        ["Elijah Eugene Cummings", "Elijah Cummings", "Grace Cummings"],
        {"Elijah Cummings": "We will hold hearings", "Grace Cummings": "The show opens"},
    )
    stored = dict(library._db.execute("SELECT speaker, id FROM quotes").fetchall())
    library.close()
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    args = ["--db", str(tmp_path / "news.db"), "--config", str(config)]
    assert main([*args, "quotes", "--json"]) == 0
    quotes = {q["speaker"]: q for q in json.loads(capsys.readouterr().out)}
    assert main([*args, "entities", "--json"]) == 0
    ids = {e["name"]: e["id"] for e in json.loads(capsys.readouterr().out)}
    assert {s: q["id"] for s, q in quotes.items()} == stored
    elijah = quotes["Elijah Cummings"]["speaker_entity"]
    assert elijah == {
        "id": ids["Elijah Eugene Cummings"],
        "name": "Elijah Eugene Cummings",
        "type": "PERSON",
    }
    assert quotes["Grace Cummings"]["speaker_entity"]["id"] == ids["Grace Cummings"]
