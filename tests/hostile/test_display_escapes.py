"""Escape sequences stored by anything (an old version, a manual edit) or written in feeds.toml
never reach the terminal: every CLI output cleans them at display time, --json included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config import FeedConfig, load_config
from newstui.config.source_edits import add_feeds
from newstui.errors import ConfigError
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


# Config values no command could use (hostile r44 H1, H2, L2, L3): each is one line naming the
# file and the line, never a traceback, nor a cleaned text shown as if it were the value.
UNUSABLE_VALUES = [
    ('[[local]]\npath = "/tmp/a\\u0000b"\n', r":2: local path '/tmp/a\\x00b' contains control"),
    (
        '[[local]]\nname = "N"\npath = "rel\\u0000x"\n',
        r":3: local path 'rel\\x00x' contains control",
    ),
    ('[[local]]\npath = "/tmp/\\u001b[2J"\n', r":2: local path '/tmp/\\x1b\[2J' contains control"),
    ('[[local]]\npath = "loop/x"\n', r":2: local path 'loop/x' is a loop of symbolic links$"),
    ('[[local]]\npath = "~no-such-user-r44/x"\n', r":2: local path .* a home folder this system"),
    ('[settings]\ndownload_dir = "/tmp/\\u0000"\n', r":2: setting 'download_dir' .* contains"),
    ('[settings]\nplayer = "mpv\\u0000 %f"\n', r":2: setting 'player' .* contains control"),
    (
        '[sync]\nurl = "http://h.example/\\u001b]8;;x\\u0007"\nuser = "u"\npassword = "p"\n',
        r":2: sync url 'http://h.example/\\x1b\]8;;x\\x07' contains control characters$",
    ),
    (
        '[sync]\nurl = "http://h.example/"\nuser = "u"\npassword_command = "pass\\u0000 x"\n',
        r":4: sync password_command .* contains control characters$",
    ),
    (
        '[[filters]]\nname = "\\u001b]52;c;SGVsbG8=\\u0007"\nquery = "x"\n',
        r":1: 'name' is empty once its control characters are removed",
    ),
    # (names that show nothing: that entry alone is skipped since r47, tests/test_config.py)
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", r": invalid TOML: nested too deeply"),
    ("a = " + "{b=" * 3000 + "1" + "}" * 3000 + "\n", r": invalid TOML: nested too deeply"),
    # integers past 1e308 (float overflow) and past Python's 4,300-digit limit (hostile r45 H5)
    ("[settings]\nper_host = " + "9" * 400 + "\n", r":2: .*at most 64 .*not a number of 400 dig"),
    (
        '[[feeds]]\nurl = "http://h.example/f"\ndownload_new = -' + "9" * 400 + "\n",
        r":3: 'download_new' of feed .* at least 0 .*, not a number of 400 digits$",
    ),
    ("\n[settings]\nkeep_days = " + "9" * 5000 + "\n", r":3: invalid TOML: a number of more than"),
    # a table named with TOML escapes had no line; a date was Python's repr (hostile r45 L5)
    ('x = 1\n["\\u001b]52;c;SGk=\\u0007evil"]\n', r":2: unknown top-level key '\\x1b\]52"),
    ("[settings]\nper_host = 1979-05-27\n", r":2: .*whole number .*, not 1979-05-27$"),
]


@pytest.mark.parametrize(("text", "expected"), UNUSABLE_VALUES, ids=lambda v: v[:20] or None)
def test_a_config_value_no_command_could_use_is_one_line_naming_file_and_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    (tmp_path / "loop").symlink_to("loop")
    path = tmp_path / "feeds.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    message = str(refused.value)
    assert message.startswith(f"{path}") and "\n" not in message
    assert re.search(expected, message), message


def test_a_config_tomlkit_cannot_edit_is_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    """An ignored [keys] value 150 deep loads, but tomlkit stops at 100 levels (hostile r44 H2)."""
    path = tmp_path / "feeds.toml"
    before = "[keys]\nx = " + "{b=" * 150 + "1" + "}" * 150 + "\n"
    path.write_text(before, "utf-8")
    with pytest.raises(ConfigError, match=r"feeds.toml:2: cannot edit it: .*nested") as refused:
        add_feeds(path, [FeedConfig("http://h.example/f", "F")])
    assert "\n" not in str(refused.value) and path.read_text("utf-8") == before


@pytest.mark.parametrize("name", ["~no-such-user-r44", "loop", "loop/x"])
def test_a_source_name_typed_as_a_path_that_cannot_resolve_names_no_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """`remove ~nosuch` or `fetch LOOP` looked the name up as a local path: a RuntimeError."""
    (tmp_path / "loop").symlink_to("loop")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "feeds.toml"
    path.write_text('[[local]]\npath = "/tmp"\n', "utf-8")
    assert load_config(path).source_named(name) is None
