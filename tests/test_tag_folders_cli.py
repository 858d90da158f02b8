"""The command line's folders (tags as paths, from nested OPML folders): `list --tag` and the
query's `tag:` take a folder with its subfolders, a folder holding only folders too (user test
r47 M2); a "/" in one folder's title is no nesting (L1); a re-import that makes an older
import's tags nested says which, whole, in --json (L3)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newstui.cli.folder_cell import folded_lines
from newstui.config import load_config
from newstui.library import Library
from tests.test_cli import Cli, no_user_paths, one_line  # noqa: F401 - the autouse fixture

SLASH = "\u2215"  # DIVISION SLASH: a "/" inside one folder's title (model.folders)


@pytest.fixture
def cli(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    Library.open(db_path).close()
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ntimeout = 5\nfulltext = false\n", "utf-8")
    return Cli(db_path, config, capsys)


def import_tagged(cli: Cli, tmp_path: Path, name: str, tag: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "note.txt").write_text(f"Note of {name}. The harbour wall will be rebuilt.")
    assert cli("import", str(folder), "--tag", tag) == 0, cli.err


def titles(cli: Cli, *args: str) -> list[str]:
    return sorted(row["title"] for row in cli.json("list", *args))


def test_list_by_a_folder_takes_its_subfolders_and_a_folder_of_folders_is_found(cli, tmp_path):
    for name, tag in (
        ("sub0", "Big/Sub0"),
        ("sub1", "Big/Sub1"),
        ("home", "News"),
        ("euro", "News/Europe"),
        ("blog", "Newsroom"),  # a name starting alike: no folder of News's
    ):
        import_tagged(cli, tmp_path, name, tag)

    assert titles(cli, "--tag", "Big") == ["Note of sub0.", "Note of sub1."]
    assert titles(cli, "--tag", "big/SUB1") == ["Note of sub1."]  # a subfolder alone
    news = ["Note of euro.", "Note of home."]
    assert titles(cli, "--tag", "news") == news
    assert titles(cli, "--query", "tag:News") == news  # the query language's tag: too
    assert titles(cli, "--query", "tag:big unread") == ["Note of sub0.", "Note of sub1."]
    assert cli("list", "--tag", "Bi") == 1  # no folder is named so
    assert "no source has the tag 'Bi'" in one_line(cli.err)

    # removing Big names its unread, which its row in Sources counts, beside its articles
    [sub0] = cli.json("list", "--tag", "Big/Sub0")
    assert cli("mark", str(sub0["id"]), "--read") == 0
    assert cli("remove", "--tag", "big") == 1  # (no terminal: it asks for --yes)
    assert (  # (imported once: no feeds.toml entry is touched, so none is named: r49 LOW-8)
        "(Remove the 2 sources in Big and its 2 folders and delete their "
        "2 articles (1 unread)?)" in " ".join(cli.err.split())
    )


OPML = """<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="AC/DC Fans"><outline text="Thunder" xmlUrl="https://thunder.example/rss"/></outline>
<outline text="Music"><outline text="AC/DC Fans">
  <outline text="Riffs" xmlUrl="https://riffs.example/rss"/></outline></outline>
<outline text="Misc / Other"><outline text="Odds" xmlUrl="https://odds.example/rss"/></outline>
</body></opml>"""


def test_a_slash_in_one_folders_title_is_no_nesting_and_comes_back_in_the_export(cli, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(OPML, "utf-8")
    assert cli("opml", "import", str(opml)) == 0
    tags = {f.name: f.tags for f in load_config(cli.config).feeds}
    assert tags == {
        "Thunder": (f"AC{SLASH}DC Fans",),  # shown "AC∕DC Fans", one folder
        "Riffs": (f"Music/AC{SLASH}DC Fans",),  # AC∕DC Fans inside Music
        "Odds": ("Misc / Other",),  # spaced: one folder, as before
    }

    exported = tmp_path / "out.opml"
    assert cli("opml", "export", str(exported)) == 0
    text = exported.read_text("utf-8")
    assert text.count('<outline text="AC/DC Fans" title="AC/DC Fans">') == 2
    assert SLASH not in re.sub(r' newstui:tags="[^"]*"', "", text)  # only in its own attribute
    again = Cli(cli.db, tmp_path / "again.toml", cli.capsys)
    assert again("opml", "import", str(exported)) == 0
    assert {f.name: f.tags for f in load_config(again.config).feeds} == tags
    # other readers' reading of the export (without newstui's own attribute) is the same
    plain = tmp_path / "plain.opml"
    plain.write_text(text.replace("newstui:tags", "x-ignored"), "utf-8")
    other = Cli(cli.db, tmp_path / "other.toml", cli.capsys)
    assert other("opml", "import", str(plain)) == 0
    assert {f.name: f.tags for f in load_config(other.config).feeds} == tags

    # typed with a "/", the folder is found: removing it asks about Thunder alone
    gone = cli.json("remove", "--tag", "AC/DC Fans", "--yes")
    assert gone["tag"] == f"AC{SLASH}DC Fans" and gone["removed"] == ["Thunder"]
    assert [f.name for f in load_config(cli.config).feeds] == ["Riffs", "Odds"]


def test_a_reimport_says_every_feed_made_nested_in_json_and_counts_in_its_line(cli, tmp_path):
    folders = {
        "A1": ("News", "Europe"),
        "A2": ("News", "Europe"),
        "B1": ("Sport", "Daily"),
        "C1": ("Tech", "AI"),
        "D1": ("Arts", "Film"),
    }
    feeds = "".join(
        f'[[feeds]]\nname = "{name}"\nurl = "https://{name.lower()}.example/rss"\n'
        f"tags = {list(tags)!r}\n\n".replace("'", '"')
        for name, tags in folders.items()
    )
    cli.config.write_text(
        cli.config.read_text("utf-8")
        + feeds
        + '[[feeds]]\nname = "Rock"\nurl = "https://rock.example/rss"\ntags = ["AC/DC Fans"]\n',
        "utf-8",
    )
    outlines = "".join(
        f'<outline text="{tags[0]}"><outline text="{tags[1]}">'
        f'<outline text="{name}" xmlUrl="https://{name.lower()}.example/rss"/></outline></outline>'
        for name, tags in folders.items()
    )
    outlines += (
        '<outline text="AC/DC Fans"><outline text="Rock" xmlUrl="https://rock.example/rss"/>'
        "</outline>"
    )
    opml = tmp_path / "again.opml"
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', "utf-8")

    result = cli.json("opml", "import", str(opml))

    assert result["nested"] == [
        *(
            {"name": name, "from": list(tags), "to": ["/".join(tags)]}
            for name, tags in folders.items()
        ),
        # round 47 read "AC/DC Fans" as AC holding DC Fans: one folder now
        {"name": "Rock", "from": ["AC/DC Fans"], "to": [f"AC{SLASH}DC Fans"]},
    ]
    assert {f.name: f.tags for f in load_config(cli.config).feeds}["A2"] == ("News/Europe",)

    for tags in folders.values():  # flat again, to read the line
        text = cli.config.read_text("utf-8")
        text = text.replace(f'["{"/".join(tags)}"]', f'["{tags[0]}", "{tags[1]}"]')
        cli.config.write_text(text, "utf-8")
    assert cli("opml", "import", str(opml)) == 0
    line = one_line(cli.out)
    assert line.endswith(
        "; folder tags of 5 feeds made nested, in 4 folders: News/Europe (2 feeds, tagged "
        "News, Europe before), Sport/Daily (1), Tech/AI (1), and 1 more folder"
    ), line
    assert "…" not in line


def local_config(tmp_path: Path, sources: dict[str, tuple[str, str]], rest: str = "") -> Path:
    """A feeds.toml of [[local]] sources: name → (tag, the title of its one note)."""
    entries = ""
    for n, (name, (tag, title)) in enumerate(sources.items()):
        folder = tmp_path / f"source{n}"
        folder.mkdir()
        (folder / "note.md").write_text(f"# {title}\n\nThe harbour wall will be rebuilt.\n")
        entries += f'[[local]]\nname = "{name}"\npath = "{folder}"\ntags = ["{tag}"]\n\n'
    config = tmp_path / "folded.toml"
    config.write_text(f"[settings]\nfulltext = false\n\n{entries}{rest}", "utf-8")
    return config


def test_list_view_filter_and_remove_read_feed_and_tag_names_folded(cli, tmp_path):
    """`feed:lodz` finds "Łódź Daily" and `tag:munchen` "München" (round 48's open item), an
    exact name first; a view and a filter read them so too; `list --tag` reads a folder as
    `tag:` does; `remove --tag` reads its "/" so, and its letters as spelt."""
    config = local_config(
        tmp_path,
        {
            "Łódź Daily": ("München", "Tram line opens"),
            "Łódź Sponsored": ("München", "Sponsored: cheap flights"),
            "Munchen Post": ("Munchen", "Beer prices rise"),
            "Thunder": (f"AC{SLASH}DC Fans", "Tour dates announced"),
        },
        '[[views]]\nname = "Bavaria"\nquery = "tag:MÜNCHËN"\n\n'
        "[[filters]]\nquery = 'feed:lodz title:sponsored'\naction = \"hide\"\n",
    )
    run = Cli(cli.db, config, cli.capsys)
    assert run("fetch") == 0, run.err
    assert "filter feed:lodz title:sponsored: hid 1" in run.out

    assert titles(run, "--query", "feed:lodz") == ["Tram line opens"]
    assert titles(run, "--query", 'feed:"LODZ DAILY"') == ["Tram line opens"]
    assert titles(run, "--query", "tag:munchen") == ["Beer prices rise"]  # the exact name
    assert titles(run, "--query", "tag:münchen") == ["Tram line opens"]
    assert titles(run, "--tag", "munchen") == ["Beer prices rise"]  # as tag: reads it
    assert titles(run, "--tag", "MÜNCHËN") == ["Beer prices rise", "Tram line opens"]
    assert titles(run, "--view", "Bavaria") == ["Beer prices rise", "Tram line opens"]
    assert titles(run, "--query", 'tag:"AC/DC Fans"') == ["Tour dates announced"]
    assert titles(run, "--tag", "ac/dc fans") == ["Tour dates announced"]
    assert run("list", "--tag", "munich") == 1
    assert "no source has the tag 'munich'" in one_line(run.err)

    # a removal takes a folder by its name as spelt (any case), its "/" as its own "∕" too,
    # and asks "did you mean" of a name typed without accents, as `remove NAME` does
    assert run("remove", "--tag", "munchën", "--yes") == 1
    assert "no source is tagged 'munchën' (did you mean" in one_line(run.err)
    gone = run.json("remove", "--tag", "MUNCHEN", "--yes")  # the exact name: Munchen alone
    assert gone["removed"] == ["Munchen Post"]
    gone = run.json("remove", "--tag", "ac/dc fans", "--yes")
    assert gone["removed"] == ["Thunder"]


REIMPORTED = """<opml version="2.0"><body><outline text="Music"><outline text="AC/DC Fans">
<outline text="Riffs" xmlUrl="https://riffs.example/rss"/>
<outline text="Amps" xmlUrl="https://amps.example/rss"/></outline></outline></body></opml>"""


@pytest.mark.parametrize(
    "tags", [["Music/AC/DC Fans"], ["Music/AC/DC Fans", f"Music/AC{SLASH}DC Fans"]]
)
def test_a_reimport_moves_a_misread_folder_a_view_names_and_the_view_follows(cli, tmp_path, tags):
    """Round 47 read the folder "AC/DC Fans" as AC holding DC Fans; a view naming that kept the
    misreading beside the one folder, two rows printing the same (user test r49 MED-1). Also
    a config a re-import had left with both."""
    written = str(tags).replace("'", '"')
    cli.config.write_text(
        cli.config.read_text("utf-8")
        + f'[[feeds]]\nname = "Riffs"\nurl = "https://riffs.example/rss"\ntags = {written}\n\n'
        + f'[[feeds]]\nname = "Amps"\nurl = "https://amps.example/rss"\ntags = {written}\n\n'
        + '# my rock view\n[[views]]\nname = "Rock"\nquery = \'tag:"Music/AC/DC Fans" unread\'\n\n'
        + '[[filters]]\nname = "no ads"\nquery = \'title:ad (tag:"music/ac/dc fans" OR tag:News)\'\n'
        + 'action = "hide"\n\n'
        + '[[views]]\nname = "Other"\nquery = "tag:Music flood"\n',
        "utf-8",
    )
    opml = tmp_path / "again.opml"
    opml.write_text(REIMPORTED, "utf-8")

    assert cli("opml", "import", str(opml)) == 0, cli.err

    folder = f"Music/AC{SLASH}DC Fans"
    config = load_config(cli.config)
    assert {f.name: f.tags for f in config.feeds} == {"Riffs": (folder,), "Amps": (folder,)}
    assert [v.query for v in config.views] == [f'tag:"{folder}" unread', "tag:Music flood"]
    assert [f.query for f in config.filters] == [f'title:ad (tag:"{folder}" OR tag:News)']
    text = cli.config.read_text("utf-8")
    assert "# my rock view\n[[views]]" in text and f"query = 'tag:\"{folder}\" unread'" in text
    line = one_line(cli.out)
    assert line.endswith(
        f"; folder tags of 2 feeds made nested, in 1 folder: {folder} (2 feeds, in Music › AC › "
        f"DC Fans before); view 'Rock' and filter 'no ads' now name {folder}"
    ), line
    result = cli.json("opml", "import", str(opml))  # once done, nothing more to do
    assert result["nested"] == [] and result["retagged"] == []


def test_feeds_on_a_narrow_terminal_folds_a_folder_path_at_a_slash(cli, tmp_path):
    import_tagged(cli, tmp_path, "tromso", "News/Europe/Nordics/Norway")
    argv = [sys.executable, "-m", "newstui", "--db", str(cli.db), "--config", str(cli.config)]
    env = {**os.environ, "TTY_COMPATIBLE": "1", "COLUMNS": "50"}  # rich's terminal, narrow
    shown = subprocess.run([*argv, "feeds"], env=env, capture_output=True, text=True, check=True)
    # rich's own fold cut the path mid-name: "News/Europe/Nordic" over "s/Norway" (r50 LOW-12)
    folders = [re.split(r"\s{2,}", line.strip()) for line in shown.stdout.splitlines()[1:]]
    parts = [cell for row in folders for cell in row if "/" in cell or "Norway" in cell]
    assert "".join(parts) == "News/Europe/Nordics/Norway", shown.stdout
    assert len(parts) > 1 and all(part.endswith("/") for part in parts[:-1]), shown.stdout


def test_a_folder_cell_breaks_after_slashes_spaces_and_commas_and_folds_what_is_wider():
    assert folded_lines("News/Europe/Nordics/Norway", 14) == ["News/Europe/", "Nordics/Norway"]
    assert folded_lines("Music/AC∕DC Fans, Tech", 12) == ["Music/AC∕DC", "Fans, Tech"]
    assert folded_lines("Extraordinarily/Long", 6) == ["Extrao", "rdinar", "ily/", "Long"]
    assert folded_lines("東京/大阪", 3) == ["東", "京/", "大", "阪"]  # in cells
    assert folded_lines("News", 40) == ["News"]
