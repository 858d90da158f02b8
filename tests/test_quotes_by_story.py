"""`quotes` and `entities` count a story several feeds carry once, as the headlines list it
(user test r53 MED-1, MED-2, MED-3): a quote is one row with "also in N", `--copies` lists every
version's, and `quotes --json` carries `url`, `story`, `copies` and `speaker_entity`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from newstui.cli.main import main
from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.model import Article

STORY = (
    "Harbour Minister Elena Vasquez opened the new sea wall on Monday. "
    "“I put no pressure on them whatsoever,” Vasquez said of the engineers. "
    + " ".join(
        f"Paragraph {i} of the wire story tells readers about the harbour plan and its costs."
        for i in range(30)
    )
)
OTHER = (
    "Elena Vasquez visited the fishing fleet on Tuesday. "
    "“The fleet will be rebuilt before winter,” Vasquez said. "
    "The boats were damaged by the storm."
)
FEEDS = ("Wire Service", "Daily Courier", "Coast Times")


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def store(tmp_path):
    """Three feeds carrying one story (joined as one), and one feed's story of its own."""
    db = tmp_path / "news.db"
    now = datetime.now(UTC)
    with Library.open(db) as library:
        for n, name in enumerate(FEEDS):
            host = name.split()[0].lower()
            source = library.register_source(f"https://{host}.example/feed", name)
            articles = [
                Article(
                    title=f"Sea wall opens ({name})",
                    text=STORY,
                    guid="wall",
                    url=f"https://{host}.example/wall",
                    published=now - timedelta(hours=5 - n),
                )
            ]
            if n == 0:
                articles.append(
                    Article(
                        title="Fleet to be rebuilt",
                        text=OTHER,
                        guid="fleet",
                        url="https://wire.example/fleet",
                        published=now - timedelta(hours=1),
                    )
                )
            library.save_batch(source, articles)
        assert library.find_stories() == 2
        analyse_pending(library)
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    return db, config


def newstui(store, capsys, *args: str) -> tuple[int, str, str]:
    db, config = store
    status = main(["--db", str(db), "--config", str(config), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_quote_three_feeds_carry_is_one_row_saying_the_other_two(store, capsys):
    status, out, _ = newstui(store, capsys, "quotes", "--speaker", "Vasquez")
    assert status == 0
    assert out.count("whatsoever") == 1
    assert "(also in 2)" in out
    assert out.count("rebuilt before winter") == 1
    assert "whatsoever”" in out and "whatsoever,”" not in out  # the sentence's comma left out


def test_copies_lists_the_quote_once_for_every_feed(store, capsys):
    status, out, _ = newstui(store, capsys, "quotes", "--speaker", "Vasquez", "--copies")
    assert status == 0
    assert out.count("whatsoever") == 3
    assert "also in" not in out


def test_quotes_json_gives_url_story_copies_and_the_speakers_entity(store, capsys):
    quotes = json.loads(newstui(store, capsys, "quotes", "--json")[1])
    wall = [q for q in quotes if "whatsoever" in q["text"]]
    assert len(wall) == 1
    [quote] = wall
    assert quote["text"] == "I put no pressure on them whatsoever"
    assert quote["speaker_entity"]["name"] == "Elena Vasquez"
    assert quote["speaker_entity"]["type"] == "PERSON"
    assert quote["copies"] == 2
    assert quote["url"] == "https://wire.example/wall"  # the story's first version
    assert quote["article_id"] == quote["story"]
    listed = json.loads(newstui(store, capsys, "list", "--all", "--json")[1])
    [article] = [a for a in listed if a["id"] == quote["article_id"]]
    assert article["story"] == quote["story"] and article["url"] == quote["url"]
    every = json.loads(newstui(store, capsys, "quotes", "--json", "--copies")[1])
    copies = [q for q in every if "whatsoever" in q["text"]]
    assert {q["story"] for q in copies} == {quote["story"]}
    assert len({q["url"] for q in copies}) == 3
    assert all(q["copies"] == 0 for q in copies)
    text = next(q for q in copies if q["article_id"] == quote["article_id"])
    assert (text["start"], text["end"]) == (quote["start"], quote["end"])  # the span as stored


def test_a_cut_list_counts_quotes_once_a_story(store, capsys):
    _, _, err = newstui(store, capsys, "quotes", "--limit", "1")
    assert "1 of 2 quotes shown" in err
    _, _, err = newstui(store, capsys, "quotes", "--limit", "1", "--copies")
    assert "1 of 4 quotes shown" in err


def test_entities_count_stories_beside_articles_and_sort_by_stories(store, capsys):
    status, out, _ = newstui(store, capsys, "entities", "--name", "Elena Vasquez")
    assert status == 0
    header, row = out.splitlines()[:2]
    assert header.split() == ["type", "name", "stories", "articles", "mentions"]
    assert row.split()[:5] == ["PERSON", "Elena", "Vasquez", "2", "4"]
    [entity] = json.loads(newstui(store, capsys, "entities", "--name", "Vasquez", "--json")[1])
    assert (entity["stories"], entity["articles"]) == (2, 4)


def test_entities_list_a_person_under_the_fuller_name_other_articles_wrote(tmp_path, capsys):
    """User test r53 MED-2: "Elijah Cummings" and "Elijah Eugene Cummings" were two rows;
    a person of the same surname and another first name stays apart."""
    db = tmp_path / "news.db"
    texts = {
        "a": "Elijah Eugene Cummings, the congressman from Maryland, died on Thursday.",
        "b": "Elijah Cummings chaired the House Oversight Committee for many years.",
        "c": "Grace Cummings, a painter from Ohio, opened her first show in Paris.",
        "d": "Michael B. Jordan, the actor, said he would direct the sequel himself.",
        "e": "Michael Jordan scored 38 points for the Bulls in the final game.",
    }
    with Library.open(db) as library:
        source = library.register_source("https://wire.example/feed", "Wire Service")
        library.save_batch(
            source,
            [Article(title=f"Story {k}", text=t, guid=k) for k, t in texts.items()],
        )
        analyse_pending(library)
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    store = (db, config)
    people = json.loads(newstui(store, capsys, "entities", "--type", "PERSON", "--json")[1])
    by_name = {p["name"]: p for p in people}
    assert "Elijah Cummings" not in by_name
    assert (
        by_name["Elijah Eugene Cummings"]["articles"],
        by_name["Elijah Eugene Cummings"]["stories"],
    ) == (2, 2)
    assert by_name["Grace Cummings"]["articles"] == 1
    # review r53 F1: a middle initial alone ties nothing: two people, two rows
    assert by_name["Michael B. Jordan"]["articles"] == 1
    assert by_name["Michael Jordan"]["articles"] == 1
    _, _, err = newstui(store, capsys, "entities", "--type", "PERSON", "--limit", "1")
    assert "1 of 4 entities shown" in err
