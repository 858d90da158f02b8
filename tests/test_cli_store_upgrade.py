"""A command's first open of a store an upgrade makes every story sketch again for (schemas 20
and 22: ~50 s for 20,000 articles) says so in one line on stderr, once; any upgrade of an
existing store keeps a copy an older newstui opens, and says so and where, once."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.library import Library
from newstui.model import Article
from newstui.render import human_size
from newstui.store import backup
from newstui.store.backup import copy_connection
from newstui.store.schema import MIGRATIONS, SCHEMA_VERSION


def stored(path: Path, count: int) -> None:
    """A store holding `count` articles of one feed."""
    with Library.open(path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        articles = [Article(f"Story {n}", f"Text of story {n}.", guid=str(n)) for n in range(count)]
        library.save_batch(source, articles)


def made_by_schema(path: Path, version: int) -> None:
    """Mark the store as one an older newstui left at `version` (its later steps replayable)."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def listed(path: Path, capsys) -> tuple[int, str]:
    code = main(["--db", str(path), "list", "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    return len(json.loads(out)), err


def upgraded_line(path: Path, version: int, copy: str = "") -> str:
    copy = copy or f"{path}.v{version}"
    size = human_size(os.path.getsize(copy))
    return (
        f"newstui: upgraded {path} from version {version} to {SCHEMA_VERSION} (an older newstui "
        f"cannot open it now). Copy for older newstui: {Path(copy).name} ({size}): delete it "
        "once no older newstui needs it\n"
    )


def marks(path: Path | str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT id, title, read, starred FROM articles ORDER BY id").fetchall()
        return [conn.execute("PRAGMA user_version").fetchone(), *rows]
    finally:
        conn.close()


@pytest.mark.parametrize("version", [19, 21])
def test_the_first_command_after_a_resketching_upgrade_says_so_once(tmp_path, capsys, version):
    path = tmp_path / "old.db"
    stored(path, 3)
    made_by_schema(path, version)

    count, err = listed(path, capsys)
    assert (count, err) == (
        3,
        "newstui: upgrading the store: 3 articles…\n" + upgraded_line(path, version),
    )
    assert listed(path, capsys) == (3, "")


def test_an_upgrade_keeps_a_copy_an_older_newstui_opens_once_and_says_where_once(
    tmp_path, capsys, monkeypatch
):
    """User test r44 M1: a read-only `list` upgraded a store of version 36 silently, and the
    older newstui then refused it, with nothing kept that it could open."""
    path = tmp_path / "old.db"
    stored(path, 2)
    main(["--db", str(path), "mark", "--read", "1"])
    made_by_schema(path, 36)
    before = marks(path)
    capsys.readouterr()
    os.chmod(path, 0o600)  # r44 L5: the copy was 0644 whatever the store's mode
    modes = []  # review r45 L4: ... and 0644 while written, until whole

    def copied(conn: sqlite3.Connection, target: str) -> None:
        modes.append(os.stat(target).st_mode & 0o777)
        copy_connection(conn, target)

    monkeypatch.setattr(backup, "copy_connection", copied)

    assert listed(path, capsys) == (2, upgraded_line(path, 36))
    assert modes == [0o600] and os.stat(f"{path}.v36").st_mode & 0o777 == 0o600
    assert marks(f"{path}.v36") == before  # the store as it was, at its version
    assert marks(path)[1:] == before[1:] and marks(path)[0] == (SCHEMA_VERSION,)
    copy = Path(f"{path}.v36").read_bytes()
    assert listed(path, capsys) == (2, "")  # once: no second notice, no second copy
    assert sorted(p.name for p in tmp_path.iterdir() if ".db." in p.name) == ["old.db.v36"]
    assert Path(f"{path}.v36").read_bytes() == copy


def test_an_upgrade_that_sketches_nothing_again_or_an_empty_store_says_nothing(tmp_path, capsys):
    path = tmp_path / "old.db"
    stored(path, 2)
    made_by_schema(path, SCHEMA_VERSION)  # nothing to upgrade
    empty = tmp_path / "empty.db"
    stored(empty, 0)
    made_by_schema(empty, 19)

    assert listed(path, capsys) == (2, "")
    assert listed(empty, capsys) == (0, upgraded_line(empty, 19))  # (not sketching)
    new = tmp_path / "new.db"
    note = tmp_path / "note.txt"
    note.write_text("A note.\n\nWith a body.", "utf-8")
    assert main(["--db", str(new), "import", str(note), "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_a_copy_the_store_was_written_after_is_moved_aside_and_older_copies_are_named(
    tmp_path, capsys, monkeypatch
):
    """User test r44 L3: rolled back to version 36 and starred by the older newstui, the store
    was upgraded again and the copy from the first upgrade kept, without the star; copies of
    earlier versions piled up unnamed (r44 appfix-d). Review r45 H1: rolled back from a backup
    older than that copy, the next upgrade replaced it, and the story only it held was lost."""
    path = tmp_path / "old.db"
    stored(path, 2)
    backup = tmp_path / "backup.db"
    assert main(["--db", str(path), "backup", str(backup)]) == 0
    capsys.readouterr()
    with Library.open(path) as library:  # a story stored after the backup
        source = library.register_source("https://gazette.example/feed", "Gazette")
        library.save_batch(source, [Article("Story NEW", "Only here.", guid="new")])
    made_by_schema(path, 36)
    made_by_schema(backup, 36)
    listed(path, capsys)
    copy = Path(f"{path}.v36")
    first = marks(copy)
    assert first[0] == (36,) and len(first) == 4  # the copy holds Story NEW
    made = copy.stat().st_mtime_ns - 2_000_000_000
    os.utime(copy, ns=(made, made))  # (made earlier than what follows, whatever the clock's step)
    path.write_bytes(backup.read_bytes())  # rolled back to the older backup (cp: mtime now)
    conn = sqlite3.connect(path)  # ... and a story starred by the older newstui
    conn.execute("UPDATE articles SET starred = 1 WHERE id = 2")
    conn.commit()
    conn.close()
    older = tmp_path / "old.db.v19"
    older.write_bytes(copy.read_bytes())
    made_by_schema(older, 19)
    (tmp_path / "old.db.v20").write_bytes(b"x" * 2048)  # (no copy: not named as one)
    aside = tmp_path / "old.db.v36.1"
    kept = copy.read_bytes()

    err = listed(path, capsys)[1]
    can_go = older.name  # (not the copy moved aside)
    total = human_size(older.stat().st_size + copy.stat().st_size + len(kept))
    assert err == upgraded_line(path, 36).replace(
        ": delete it once no older newstui needs it\n",
        ". The earlier copy, which may hold what was stored after a restore, is now "
        f"{aside.name}. 3 copies beside it take {total}: {can_go} can go now, old.db.v36 once "
        "no older newstui needs it, old.db.v36.1 once you know it holds nothing you need\n",
    )
    assert marks(copy)[0] == (36,) and marks(copy)[2][3] == 1  # the star is in the copy
    assert aside.read_bytes() == kept  # ... and Story NEW is kept, in the copy moved aside
    path.write_bytes(copy.read_bytes())  # rolled back again, written by nobody since
    os.utime(path, ns=(made, made))
    made_before = f"({human_size(copy.stat().st_size)}, made at an earlier upgrade). 3 copies"
    assert made_before in listed(path, capsys)[1]
    # rolled back to either copy's bytes, and written since: no third copy of the same bytes
    # (each restore of one old backup moved one more aside: .v36.2, .v36.3, …)
    starred = copy.read_bytes()
    for rolled_back, then_aside in ((starred, kept), (kept, starred), (starred, kept)):
        path.write_bytes(rolled_back)  # (mtime now: written after the copy was made)
        os.utime(copy, ns=(made, made))
        listed(path, capsys)
        assert copy.read_bytes() == rolled_back and aside.read_bytes() == then_aside
        assert not Path(f"{path}.v36.2").exists()
    # written after it, with too little disk for a new copy: the old one is kept, and said so
    path.write_bytes(copy.read_bytes())  # (storefix r45: "no copy of it was kept")
    os.utime(copy, ns=(made, made))
    full = os.statvfs_result((4096, 4096, 1000, 10, 10, 100, 10, 10, 0, 255))
    monkeypatch.setattr(os, "statvfs", lambda folder: full)
    assert (
        f"Copy for older newstui: {copy.name} ({human_size(copy.stat().st_size)}), made at an "
        "earlier upgrade, before the store's last changes; no newer one was made: 41.0 KB free "
        "on its disk" in (listed(path, capsys)[1])
    )
    # ... or with no free name to move it to: kept, and said so
    monkeypatch.undo()
    for number in range(2, 10):
        (tmp_path / f"old.db.v36.{number}").mkdir()
    path.write_bytes(copy.read_bytes())
    os.utime(copy, ns=(made, made))
    assert (
        f"no newer one was made: no name is free to move it to ({path}.v36.1 to .9 are taken)"
        in listed(path, capsys)[1]
    )
    assert aside.read_bytes() == kept and marks(copy)[2][3] == 1
    # a later upgrade says the copy moved aside is kept, not that it can go (review r46 M4),
    # and what the copies beside the store take, a restore's too (user test r46 L2)
    (tmp_path / "old.db.before-restore").write_bytes(copy.read_bytes())
    (tmp_path / "old.db.v9").write_bytes(older.read_bytes())  # (v9, v19, v36: not a run)
    made_by_schema(tmp_path / "old.db.v9", 9)
    made_by_schema(path, SCHEMA_VERSION - 1)
    later = listed(path, capsys)[1]
    beside = [p for p in tmp_path.iterdir() if p.name.startswith("old.db.") and p.is_file()]
    assert later.endswith(
        f". 6 copies beside it take {human_size(sum(p.stat().st_size for p in beside))}: "
        f"old.db.v9, .v19, .v36 can go now, old.db.v{SCHEMA_VERSION - 1} once no older newstui "
        f"needs it, old.db.before-restore once you will not restore it, {aside.name} once you "
        "know it holds nothing you need\n"
    )


def test_an_upgrade_stopped_partway_keeps_the_copy_made_when_it_began(
    tmp_path, capsys, monkeypatch
):
    """r44 appfix-d: the next start went on from the version in between and copied that store,
    which no released newstui wrote, into a second FILE.vN."""
    path = tmp_path / "old.db"
    stored(path, 2)
    made_by_schema(path, 36)
    step = MIGRATIONS[40]
    MIGRATIONS[40] = ["SELECT no_such_function()"]  # the step from 40 fails: those to 40 are done
    try:
        assert main(["--db", str(path), "list"]) == 1
    finally:
        MIGRATIONS[40] = step
    capsys.readouterr()
    assert marks(path)[0] == (40,)

    count, err = listed(path, capsys)
    copy = f"{path}.v36"
    assert (count, err) == (
        2,
        f"newstui: upgraded {path} from version 36 to {SCHEMA_VERSION} (an older newstui cannot "
        f"open it now). Copy for older newstui: {Path(copy).name} "
        f"({human_size(os.path.getsize(copy))}, made when this upgrade began): delete it once no "
        "older newstui needs it\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir() if ".db." in p.name) == ["old.db.v36"]
    assert marks(copy)[0] == (36,)
    assert listed(path, capsys) == (2, "")


def test_the_upgrade_line_cleans_escapes_in_the_store_path(tmp_path, capsys):
    """Hostile r45 H6: `--db` under a folder named with an OSC title set and a screen clear
    wrote them raw to the terminal in the upgrade line."""
    folder = tmp_path / "z\x1b]0;PWN\x07\x1b[2J"
    folder.mkdir()
    path = folder / "old.db"
    stored(path, 1)
    made_by_schema(path, 36)

    count, err = listed(path, capsys)
    assert count == 1 and "upgraded " in err
    assert "\x1b" not in err and "\x07" not in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("made", "what"),
    [
        (Path.mkdir, "a folder"),
        (os.mkfifo, "a pipe"),
        (lambda place: place.write_text("junk\n"), "another file"),
        (lambda place: made_by_schema(place, 19), "a database of version 19"),
        (lambda place: place.symlink_to(place.with_name("old.db")), "a symbolic link"),
        (lambda place: os.link(place.with_name("old.db"), place), "the store itself (a hard link)"),
    ],
)
def test_a_copy_place_holding_something_else_is_left_and_the_copy_goes_beside_it(
    tmp_path, capsys, made, what
):
    """Hostile r45 M1: a folder, a FIFO or a junk file at FILE.vN was announced as the copy an
    older newstui opens, and the store was upgraded with no copy. Hostile r46 M4: a link to
    the store itself was said to be the copy, and was upgraded with it."""
    path = tmp_path / "old.db"
    stored(path, 1)
    made_by_schema(path, 36)
    place = tmp_path / "old.db.v36"
    made(place)
    copy = f"{path}.v36.1"

    assert listed(path, capsys) == (
        1,
        upgraded_line(path, 36, copy).replace(
            ": delete it", f" ({place} is {what}, not a copy): delete it"
        ),
    )
    assert marks(copy)[0] == (36,)


def test_a_long_store_name_keeps_its_copy_and_one_too_long_for_a_journal_says_so(tmp_path, capsys):
    """Hostile r45 M5: the copy's temporary name (`.NAME.vN.PID.part`) went past the file
    system's limit ("unable to open database file"), and a name with no room for SQLite's
    `-journal` was said to need write access."""
    most = os.pathconf(tmp_path, "PC_NAME_MAX")
    path = tmp_path / ("L" * (most - len("-journal") - 3) + ".db")
    stored(path, 1)
    made_by_schema(path, 36)
    assert listed(path, capsys) == (1, upgraded_line(path, 36))

    too_long = tmp_path / ("L" * (most - len("-journal") - 2) + ".db")
    os.rename(f"{path}.v36", too_long)  # (a copy: no write-ahead log, so a journal)
    assert main(["--db", str(too_long), "list"]) == 1
    assert capsys.readouterr().err == (
        f"newstui: {too_long}: the name is too long for the file system: SQLite keeps a journal "
        f"beside it, named with '-journal' added ({most - 7} + 8 bytes; at most {most}); give "
        "the store a shorter name\n"
    )
