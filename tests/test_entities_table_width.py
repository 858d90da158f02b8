"""`newstui entities` on a terminal: one line a row, a long name cut with "…" to the width the
terminal leaves it (closing note r53: one 100-character name made `entities --all` fold rows
over three lines); `--json` and a pipe keep every name whole."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from newstui.cli import output
from newstui.cli.main import main
from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention
from newstui.nlp import canonical_key, short_key

TRIBES = (
    "Shinnecock Indian Nation, Mashpee Wampanoag Tribe, Aquinnah Wampanoag Tribe and "
    "Narragansett Indian Tribe of New England"
)
NAMES = [
    ("Organisation for Economic Co-operation and Development", "ORG"),
    (TRIBES, "ORG"),
    ("Elena Vasquez", "PERSON"),
    ("Reykjavík", "PLACE"),
]
STYLES = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def args(tmp_path) -> list[str]:
    db = tmp_path / "news.db"
    with Library.open(db) as library:
        source = library.register_source("https://wire.example/feed", "Wire Service")
        library.save_batch(
            source,
            [Article(title=n, text=n, guid=n, url=f"https://wire.example/{n}") for n, _ in NAMES],
        )
        ids = {r.title: r.id for r in library.articles(limit=None)}
        library.save_analyses(
            [(ids[n], Analysis((Entity(n, t, (Mention(0, len(n), n),)),))) for n, t in NAMES],
            "v1",
            canonical_key,
            short_key,
        )
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")
    return ["--db", str(db), "--config", str(config)]


def on_terminal(monkeypatch, width: int) -> Console:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system="standard")
    monkeypatch.setattr(output, "stdout_console", lambda: console)
    return console


@pytest.mark.parametrize("width", [80, 120])
def test_each_entity_is_one_line_its_long_name_cut_to_the_terminal(
    args, monkeypatch, capsys, width
):
    console = on_terminal(monkeypatch, width)
    assert main([*args, "entities"]) == 0
    lines = STYLES.sub("", console.file.getvalue()).splitlines()
    assert lines[0].split() == ["type", "name", "stories", "articles", "mentions"]
    assert len(lines) == 1 + len(NAMES)  # no row folded over two lines
    assert all(cell_len(line) <= width for line in lines)
    [tribes] = [line for line in lines if "Shinnecock" in line]
    assert "…" in tribes and "New England" not in tribes
    assert tribes.split()[-3:] == ["1", "1", "1"]  # the counts whole, on the row
    [oecd] = [line for line in lines if "Economic" in line]
    if width == 120:  # room for a real organisation's name whole
        assert "Organisation for Economic Co-operation and Development" in oecd
    else:
        assert "…" in oecd
    # the counts start at one column, whatever the name
    assert len({line.rindex(" 1 ") for line in lines[1:]}) == 1


def test_json_and_a_pipe_keep_every_name_whole(args, capsys):
    assert main([*args, "entities", "--json"]) == 0
    assert TRIBES in {e["name"] for e in json.loads(capsys.readouterr().out)}
    assert main([*args, "entities"]) == 0  # (capsys: a pipe)
    [tribes] = [line for line in capsys.readouterr().out.splitlines() if "Shinnecock" in line]
    assert TRIBES in tribes and "…" not in tribes


@pytest.mark.parametrize(("width", "counts"), [(40, ["stories"]), (50, ["stories", "articles"])])
def test_on_a_narrow_terminal_names_keep_their_room_and_counts_go_mentions_first(
    args, monkeypatch, width, counts
):
    """Round 54: at 40 columns the three counts kept their width and every name was "…"."""
    console = on_terminal(monkeypatch, width)
    assert main([*args, "entities"]) == 0
    lines = STYLES.sub("", console.file.getvalue()).splitlines()
    assert lines[0].split() == ["type", "name", *counts]
    assert len(lines) == 1 + len(NAMES) and all(cell_len(line) <= width for line in lines)
    assert any("Elena Vasquez" in line for line in lines)  # a person's name whole
    assert any("Reykjavík" in line for line in lines)
    [oecd] = [line for line in lines if "Organisation" in line]
    assert "Organisation for" in oecd and "…" in oecd  # cut, but readable
    assert all(line.split()[-len(counts) :] == ["1"] * len(counts) for line in lines[1:])
