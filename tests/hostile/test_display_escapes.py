"""Escape sequences stored by anything (an old version, a manual edit) or written in feeds.toml
never reach the terminal: every CLI output cleans them at display time, --json included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli import main
from newstui.config import load_config
from newstui.store import open_db

from .rows import ESCAPES, HOSTILE_TEXT, TERMINAL_CONTROL, HostileDb


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    """Run a command on the database; returns stdout+stderr after checking it is clean."""
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    leaked = TERMINAL_CONTROL.findall(out + err)
    assert not leaked, f"{args}: control characters reached the terminal: {leaked!r}"
    return out + err


OUTPUTS = [
    ("feeds",),
    ("list",),
    ("list", "--feed", "http://127.0.0.1:9/hostile.xml"),
    ("search", "paragraph"),
    ("entities",),
    ("quotes",),
]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_tables_show_stored_fields_without_their_escapes(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb, args: tuple[str, ...]
) -> None:
    out = run(capsys, hostile_db.path, *args)
    assert "PWNED" not in out and "cHduZWQ" not in out
    assert any(word in out for word in ("Hostile Feed", "Hostile headline", "Peskov", "Aleppo"))


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_json_output_holds_no_control_characters_even_escaped(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb, args: tuple[str, ...]
) -> None:
    out = run(capsys, hostile_db.path, *args, "--json")
    assert "\\u001b" not in out and "\\u0007" not in out
    assert TERMINAL_CONTROL.search(json.dumps(json.loads(out), ensure_ascii=False)) is None


def test_show_prints_every_field_cleaned_with_highlights_in_place(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb
) -> None:
    out = run(capsys, hostile_db.path, "show", str(hostile_db.article_id))
    for label in ("Hostile headline", "Mallory Author", "Hostile Feed", "Link text"):
        assert label in out
    assert "“We consider this a violation.” [—Dmitry Peskov]" in " ".join(out.split())
    assert "https://evil.example/a" in out


def test_show_json_offsets_still_index_the_cleaned_text(
    capsys: pytest.CaptureFixture[str], hostile_db: HostileDb
) -> None:
    article = json.loads(run(capsys, hostile_db.path, "show", str(hostile_db.article_id), "--json"))
    text = article["text"]
    assert text == HOSTILE_TEXT.replace(ESCAPES, "")
    mentions = {e["name"]: e["mentions"] for e in article["entities"]}
    assert [text[m["start"] : m["end"]] for m in mentions["Dmitry Peskov"]] == ["Dmitry Peskov"]
    assert [text[m["start"] : m["end"]] for m in mentions["Aleppo"]] == ["Aleppo"]
    [quote] = article["quotes"]
    assert text[quote["start"] : quote["end"]] == quote["text"] == "We consider this a violation."
    assert quote["speaker"] == "Dmitry Peskov"
    assert article["links"][0]["text"] == "Link text"
    assert article["fulltext"]["error"] == "Fulltext error"


HOSTILE_CONFIG = r"""[settings]
fulltext = false

[[feeds]]
name = "Evil\u001b]0;PWNED\u0007 Name\u001b[2J"
url = "http://127.0.0.1:9/evil.xml"
tags = ["bad\u001b]52;c;cHduZWQ=\u0007tag", "\u009b2J"]

[[local]]
name = "Local\u001b[6n Notes"
path = "notes"
tags = ["\u202eflipped"]
"""


def test_config_names_and_tags_are_cleaned_when_the_config_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(HOSTILE_CONFIG, "utf-8")
    config = load_config(path)
    [feed] = config.feeds
    [local] = config.local
    assert (feed.name, feed.tags) == ("Evil Name", ("badtag",))
    assert (local.name, local.tags) == ("Local Notes", ("flipped",))


def test_config_escapes_are_never_stored_nor_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text(HOSTILE_CONFIG, "utf-8")
    db = tmp_path / "x.db"
    open_db(db).conn.close()
    out = run(capsys, db, "--config", str(config), "feeds")
    assert "Evil Name" in out and "Local Notes" in out
    out = run(capsys, db, "--config", str(config), "feeds", "--json")
    assert {tuple(f["tags"]) for f in json.loads(out)} == {("badtag",), ("flipped",)}
    database = open_db(db)
    stored = database.execute("SELECT name || tags FROM feeds").fetchall()
    database.conn.close()
    assert not TERMINAL_CONTROL.search("".join(row[0] for row in stored))


def test_a_feed_url_with_control_characters_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('\n[[feeds]]\nname = "x"\nurl = "http://h.example/\\u001b[2Jfeed"\n', "utf-8")
    with pytest.raises(Exception, match=r"feeds.toml:2: feed url .* contains control characters"):
        load_config(path)
