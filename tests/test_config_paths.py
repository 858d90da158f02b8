"""A config path that does not exist yet, and import options that stay until changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config import load_config
from newstui.config.example import example_config_text
from newstui.library import Library


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def newstui(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture(params=["option", "environment"])
def missing_config(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    """A config path in a folder that does not exist yet, named by --config or NEWSTUI_CONFIG
    (the database exists: a command that reads it refuses a --db that does not)."""
    path = tmp_path / "new" / "feeds.toml"
    Library.open(tmp_path / "x.db").close()
    if request.param == "environment":
        monkeypatch.setenv("NEWSTUI_CONFIG", str(path))
        return path, ["--db", str(tmp_path / "x.db")]
    return path, ["--db", str(tmp_path / "x.db"), "--config", str(path)]


@pytest.mark.parametrize(
    "command",
    [
        ["fetch"],
        ["fetch", "--json"],
        ["feeds"],
        ["opml", "export"],
        ["sync"],
        ["cleanup"],
        ["filters"],
        ["remove", "World"],
        ["download", "1"],
    ],
    ids=lambda c: " ".join(c),
)
def test_a_named_config_that_does_not_exist_is_one_error_line_for_commands_that_read_it(
    capsys: pytest.CaptureFixture[str],
    missing_config: tuple[Path, list[str]],
    command: list[str],
) -> None:
    """A typo in --config or NEWSTUI_CONFIG is said, not read as an empty config (a fetch of an
    empty config dropped every configured source from the database)."""
    path, options = missing_config
    code, out, err = newstui(capsys, *options, *command)
    assert code == 1
    if "--json" in command:
        error = json.loads(out)
        assert (error["kind"], error["source"]) == ("config", str(path))
        assert error["error"].startswith(f"{path}: config file not found")
    else:
        [line] = err.splitlines()
        assert line.startswith(f"newstui: {path}: config file not found (check the path")
        assert "newstui add URL" in line
    assert not path.exists()


def test_a_typo_in_the_config_path_keeps_the_stored_feeds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, feed_server
) -> None:
    feed_server.serve_file("/feed.xml", "rss2.xml")
    db, real = tmp_path / "x.db", tmp_path / "feeds.toml"
    code, _out, err = newstui(
        capsys, "--db", str(db), "--config", str(real), "add", feed_server.url("/feed.xml")
    )
    assert code == 0, err
    before = sources(capsys, db)
    assert any(source["articles"] for source in before)
    typo = tmp_path / "feed.toml"
    code, _out, err = newstui(capsys, "--db", str(db), "--config", str(typo), "fetch")
    assert code == 1 and "config file not found" in err
    assert sources(capsys, db) == before


@pytest.mark.parametrize("command", [["list"], ["search", "note"]], ids=lambda c: c[0])
def test_commands_that_do_not_need_the_config_ignore_a_missing_one(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    missing_config: tuple[Path, list[str]],
    command: list[str],
) -> None:
    path, options = missing_config
    note = tmp_path / "note.txt"
    note.write_text("A note.\n\nWith a body.", "utf-8")
    args = [part.replace("{here}", str(note)) for part in command]
    code, _out, err = newstui(capsys, *options, *args)
    assert code == 0, err
    assert not path.exists()


def test_import_stops_on_a_named_config_that_does_not_exist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, missing_config: tuple[Path, list[str]]
) -> None:
    """`import` analyses with the config's extractor (c508c12): a typo in the path is said, as
    `fetch` says it, and nothing is imported with another extractor than the one configured."""
    path, options = missing_config
    note = tmp_path / "note.txt"
    note.write_text("A note.\n\nWith a body.", "utf-8")
    code, _out, err = newstui(capsys, *options, "import", str(note))
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"newstui: {path}: config file not found (check the path")
    assert not path.exists()


def test_the_default_config_path_missing_is_a_first_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "x.db")
    Library.open(db).close()
    code, _out, err = newstui(capsys, "--db", db, "feeds")  # (which does not make the file)
    assert code == 0, err
    code, _out, err = newstui(capsys, "--db", db, "opml", "export")
    assert code == 0, err
    assert (tmp_path / "xdg-config" / "newstui" / "feeds.toml").exists()  # from the example


def with_feed(name: str, url: str) -> str:
    """The example (its feeds commented out), a blank line, then the one feed added."""
    return f'{example_config_text()}\n[[feeds]]\nname = "{name}"\nurl = "{url}"\n'


def test_add_creates_a_missing_config_from_the_example_like_a_first_run(
    capsys: pytest.CaptureFixture[str], missing_config: tuple[Path, list[str]], feed_server
) -> None:
    path, options = missing_config
    feed_server.serve_file("/feed.xml", "rss2.xml")
    code, _out, err = newstui(capsys, *options, "add", feed_server.url("/feed.xml"))
    assert code == 0, err
    assert path.read_text("utf-8") == with_feed("Test Wire", feed_server.url("/feed.xml"))
    assert [f.url for f in load_config(path).feeds] == [feed_server.url("/feed.xml")]


def test_the_first_add_writes_the_example_the_first_start_writes_then_the_feed_a_line_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, feed_server
) -> None:
    """A first start wrote the example with six feeds active, a first `add` with them
    commented out (tests/tui/test_first_start.py has the app's side); the entry came right
    under the example's last comment (`# tags = ["saved"]`), which `remove` then took with it."""
    feed_server.serve_file("/feed.xml", "rss2.xml")
    feed_server.serve_file("/atom.xml", "atom.xml")
    made = tmp_path / "xdg-config" / "newstui" / "feeds.toml"
    db = str(tmp_path / "n.db")

    code, _out, err = newstui(capsys, "--db", db, "add", feed_server.url("/feed.xml"))
    assert code == 0, err

    assert made.read_text("utf-8") == with_feed("Test Wire", feed_server.url("/feed.xml"))
    assert newstui(capsys, "--db", db, "add", feed_server.url("/atom.xml"))[0] == 0
    assert newstui(capsys, "--db", db, "remove", "Test Wire")[0] == 0
    assert made.read_text("utf-8") == with_feed("Atom Lab", feed_server.url("/atom.xml"))


def test_a_first_run_writes_the_example_without_a_feed_and_says_how_to_add_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    Library.open(tmp_path / "x.db").close()
    code, out, err = newstui(capsys, "--db", str(tmp_path / "x.db"), "opml", "export")
    assert code == 0, err
    made = tmp_path / "xdg-config" / "newstui" / "feeds.toml"
    assert made.read_text("utf-8") == example_config_text()
    assert load_config(made).feeds == ()
    assert "<outline" not in out
    assert err == (
        f"newstui: created the config file {made} with no feeds yet: `newstui add URL` adds "
        "one, or uncomment an example in it\n"
    )


def test_opml_import_creates_a_missing_config_from_the_example(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, missing_config: tuple[Path, list[str]]
) -> None:
    path, options = missing_config
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Mine" xmlUrl="https://mine.example/rss"/></body></opml>',
        "utf-8",
    )
    code, _out, err = newstui(capsys, *options, "opml", "import", str(opml))
    assert code == 0, err
    assert example_config_text().splitlines()[0] in path.read_text("utf-8")
    # the subscriptions imported, not the example's feeds beside them
    assert [f.url for f in load_config(path).feeds] == ["https://mine.example/rss"]


def test_the_app_with_a_named_config_that_does_not_exist_is_one_error_line(
    capsys: pytest.CaptureFixture[str], missing_config: tuple[Path, list[str]]
) -> None:
    path, options = missing_config
    code, _out, err = newstui(capsys, *options)
    assert code == 1
    assert err.splitlines() == [
        f"newstui: {path}: config file not found (check the path, or create it with "
        "`newstui add URL` or `newstui opml import FILE`)"
    ]
    assert not path.exists()


# --- options given once stay until changed ------------------------------------------------------


@pytest.fixture
def clips(tmp_path: Path) -> Path:
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "one.txt").write_text("First clip.\n\nBody one.", "utf-8")
    return folder


def sources(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict]:
    code, out, err = newstui(capsys, "--db", str(db), "feeds", "--json")
    assert code == 0, err
    return json.loads(out)


def test_reimporting_a_folder_without_tag_or_name_keeps_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, clips: Path
) -> None:
    db = tmp_path / "x.db"
    newstui(capsys, "--db", str(db), "import", str(clips), "--tag", "clips", "--name", "My clips")
    (clips / "two.txt").write_text("Second clip.\n\nBody two.", "utf-8")
    code, _out, err = newstui(capsys, "--db", str(db), "import", str(clips))
    assert code == 0, err
    [source] = sources(capsys, db)
    assert (source["name"], source["tags"], source["articles"]) == ("My clips", ["clips"], 2)
    code, out, _err = newstui(capsys, "--db", str(db), "list", "--tag", "clips", "--json")
    assert len(json.loads(out)) == 2


def test_a_new_tag_replaces_the_old_and_an_empty_tag_clears_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, clips: Path
) -> None:
    db = tmp_path / "x.db"
    newstui(capsys, "--db", str(db), "import", str(clips), "--tag", "clips")
    newstui(capsys, "--db", str(db), "import", str(clips), "--tag", "saved", "--tag", "later")
    assert sources(capsys, db)[0]["tags"] == ["saved", "later"]
    newstui(capsys, "--db", str(db), "import", str(clips), "--tag", "")
    assert sources(capsys, db)[0]["tags"] == []


def test_only_paths_py_decides_where_newstui_keeps_its_files():
    """The config, database, demo database, ui state and downloads all come from newstui/paths.py:
    no other module asks platformdirs."""
    import ast

    import newstui

    package = Path(newstui.__file__).parent
    asking = []
    for module in package.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(name.split(".")[0] == "platformdirs" for name in names):
                asking.append(module.relative_to(package).as_posix())
    assert sorted(set(asking)) == ["paths.py"]


def test_the_demo_database_and_the_app_state_follow_the_platform_folders(monkeypatch, tmp_path):
    from newstui.paths import demo_db_path, log_path, ui_state_path

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    assert demo_db_path() == tmp_path / "xdg-data" / "newstui" / "demo.db"
    assert ui_state_path() == tmp_path / "xdg-state" / "newstui" / "ui.json"
    assert log_path() == tmp_path / "xdg-state" / "newstui" / "newstui.log"


def test_the_readme_says_where_the_theme_chosen_with_t_is_kept(monkeypatch, tmp_path):
    from newstui.paths import ui_state_path

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| `t`, `?` |")]
    where = ui_state_path().relative_to(tmp_path / "xdg-state").as_posix()
    assert "kept across starts" in row and f"~/.local/state/{where}" in row


def test_a_path_is_kept_as_written_only_where_pathlib_would_keep_it():
    import os
    from pathlib import Path

    from newstui.paths import kept_as_written

    kept = ("x.db", "/a/b.db", "a/../b.db", "a b/c.db", "/x", "..", "a/.b")
    rewritten = ("", ".", "/", "./x.db", "a//b.db", "//a/b.db", "a/", "a/./b", "~/x.db", "~")
    for text in kept:
        assert kept_as_written(text), text
        assert str(Path(text)) == text
        assert str(Path(text).expanduser().parent) == (os.path.dirname(text) or "."), text
    for text in rewritten:
        assert not kept_as_written(text), text


def test_a_database_path_is_opened_as_written_only_in_a_folder_that_exists(tmp_path):

    from newstui.paths import opened_as_written

    assert opened_as_written(str(tmp_path / "n.db"))
    assert not opened_as_written(str(tmp_path / "missing" / "n.db"))  # its folder is made
    assert not opened_as_written(f"{tmp_path}//n.db")  # pathlib rewrites it
    assert not opened_as_written(tmp_path / "n.db")  # already a Path
