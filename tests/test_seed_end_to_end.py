"""The reference article, imported through the CLI, shows both quotes with speakers and every entity."""

import json

from newstui.cli.main import main

EXPECTED_ENTITIES = {
    ("PERSON", "Bashar al-Assad"),
    ("PERSON", "Dmitry Peskov"),
    ("ORG", "Hayat Tahrir al-Sham"),
    ("ORG", "Reuters"),
    ("PLACE", "Kremlin"),
    ("PLACE", "Aleppo"),
    ("PLACE", "Syria"),
    ("PLACE", "Russia"),
    ("PLACE", "Iran"),
    ("PLACE", "Moscow"),
}


def test_seed_article_quotes_speakers_and_entities_through_the_cli(tmp_path, seed_article, capsys):
    db = str(tmp_path / "seed.db")
    assert main(["--db", db, "import", str(seed_article)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "show", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = data["text"]
    quotes = [(q["speaker"], q["text"]) for q in data["quotes"]]
    assert [speaker for speaker, _ in quotes] == ["Syrian army", "Dmitry Peskov"]
    assert quotes[0][1].startswith("The large numbers of terrorists")
    assert quotes[0][1].endswith("preparing for a counterattack,")
    assert quotes[1][1] == (
        "We consider this a violation of Syria’s sovereignty. We support Syrian authorities in "
        "restoring constitutional order as soon as possible."
    )
    for q in data["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    found = {
        (e["type"], e["name"]) for e in data["entities"] if e["type"] in ("PERSON", "ORG", "PLACE")
    }
    assert found == EXPECTED_ENTITIES
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert {
        m["text"] for e in data["entities"] if e["name"] == "Bashar al-Assad" for m in e["mentions"]
    } == {
        "Bashar al-Assad",
        "Assad",
    }


def test_entities_and_quotes_commands_list_the_seed_results(tmp_path, seed_article, capsys):
    db = str(tmp_path / "seed.db")
    main(["--db", db, "import", str(seed_article)])
    capsys.readouterr()
    main(["--db", db, "quotes", "--speaker", "dmitry peskov", "--json"])
    [quote] = json.loads(capsys.readouterr().out)
    assert quote["speaker"] == "Dmitry Peskov" and quote["article_id"] == 1
    main(["--db", db, "entities", "--type", "place", "--json"])
    places = {e["name"] for e in json.loads(capsys.readouterr().out)}
    assert places == {"Aleppo", "Syria", "Russia", "Iran", "Moscow", "Kremlin"}


def test_entities_lists_groups_and_a_speaking_group_by_type(tmp_path, seed_article, capsys):
    db = str(tmp_path / "seed.db")
    main(["--db", db, "import", str(seed_article)])
    capsys.readouterr()
    main(["--db", db, "entities", "--type", "group", "--json"])
    groups = {e["name"]: e["type"] for e in json.loads(capsys.readouterr().out)}
    assert set(groups) == {"Syrian", "Russian", "Islamist", "Syrian army"}  # the army speaks
    assert set(groups.values()) == {"GROUP"}
