"""Output that is not going to a terminal is written as plain lines without loading rich: the
text must be what rich writes there (a terminal's lines, less their styles, with nothing cut to
the width), at every width and for any title. Each run is a fresh `python -m newstui`, as a
user's pipe would be."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_marks import mark_articles
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.text import terminal_safe

TITLES = [
    "Nairobi talks resume",
    "A long title " + "that goes on and on " * 12,
    "東京で首脳会議、気候変動対策で合意 " * 4,  # wide characters: two cells each
    "Café society: crème brûlée — “quoted” … ½",
    "Party 🎉 time, flags 🇰🇪 and a family 👨‍👩‍👧",
    "e\u0301 combining and zero\u200bwidth",
    "",
    "   spaces around   ",
    "tab\there and a bell\x07 and \x1b[31mred\x1b[0m",
    "مرحبا بالعالم and עברית",
]
FEEDS = ["Wire", "A feed with a very long name indeed", "新聞", "Ünïcödé"]
STYLES = re.compile(r"\x1b\[[0-9;]*m")  # what rich adds for a terminal: dim heads, bold unread


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """Every title in every feed, some dated, some read, some starred."""
    path = tmp_path_factory.mktemp("plain") / "n.db"
    store = open_db(path)
    feeds = [ensure_feed(store, f"local:/{n}", name, kind="local") for n, name in enumerate(FEEDS)]
    for n, title in enumerate(TITLES):
        published = None if n % 3 == 0 else datetime(2026, 11, n % 28 + 1, 10, tzinfo=UTC)
        article = Article(title=title, text=f"Text {n}.", guid=f"a{n}", published=published)
        save_articles(store, feeds[n % len(FEEDS)], [article])
    mark_articles(store, range(1, len(TITLES) + 1, 2), read=True)
    mark_articles(store, range(2, len(TITLES) + 1, 4), starred=True)
    store.conn.close()
    return path


def newstui(*argv: str, rich_first: bool = False, **env: str) -> tuple[str, bool]:
    """What `newstui ARGV` writes to a pipe, and whether it loaded rich to write it.
    `rich_first`: its console is made first, so that rich writes even there."""
    base = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    code = (
        "import sys\n"
        + ("import newstui.cli.output\nnewstui.cli.output.stdout_console()\n" if rich_first else "")
        + "from newstui.__main__ import main\n"
        "status = main(sys.argv[1:])\n"
        "sys.__stderr__.write('\\nrich' if 'rich.console' in sys.modules else '\\nplain')\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        env={**base, "COLUMNS": "80", **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout.decode("utf-8"), done.stderr.decode("utf-8").endswith("rich")


@pytest.mark.parametrize("columns", ["20", "60", "100", "233"])
@pytest.mark.parametrize("order", ["date", "title", "feed-reverse"])
def test_a_piped_listing_is_what_rich_writes_there_with_every_title_whole(db, columns, order):
    """Piped lines are a terminal's, with each title whole (a terminal's are cut to its width):
    for grep, scripts and less."""
    argv = ("--db", str(db), "list", "--all", "--sort", order)

    piped, piped_by_rich = newstui(*argv, COLUMNS=columns)
    by_rich, _ = newstui(*argv, rich_first=True, COLUMNS=columns)
    shown, shown_by_rich = newstui(*argv, COLUMNS=columns, TTY_COMPATIBLE="1")

    assert not piped_by_rich and shown_by_rich
    assert "\x1b[" in shown and "\x1b" not in piped and "\x07" not in piped
    assert piped == by_rich
    lines, cut = piped.splitlines(), STYLES.sub("", shown).splitlines()
    assert len(lines) == len(cut) == len(TITLES)
    whole = {terminal_safe(t, line=True).strip() for t in TITLES} - {""}
    assert all(sum(line.endswith(t) for line in lines) == 1 for t in whole)
    assert [line.split()[0] for line in lines] == [line.split()[0] for line in cut]  # (ids)


@pytest.mark.parametrize("columns", ["10", "40"])
def test_a_piped_message_is_what_a_terminal_shows(db, columns):
    argv = ("--db", str(db), "mark", "1", "--read")  # (read already: the store stays as it is)

    piped, piped_by_rich = newstui(*argv, COLUMNS=columns)
    shown, _ = newstui(*argv, COLUMNS=columns, TTY_COMPATIBLE="1")

    assert piped == STYLES.sub("", shown) == "marked 1 article; 1 was already so\n"
    assert not piped_by_rich


@pytest.mark.parametrize(
    ("env", "styled", "plain"),
    [
        ({}, False, True),
        ({"FORCE_COLOR": "1"}, True, False),  # rich styles the output: it prints it
        ({"FORCE_COLOR": ""}, False, True),
        ({"TTY_COMPATIBLE": "1"}, True, False),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False, True),
        ({"COLUMNS": "abc"}, False, True),
    ],
)
def test_rich_prints_whatever_it_would_style(db, env, styled, plain):
    out, by_rich = newstui("--db", str(db), "list", "--limit", "3", **env)

    assert ("\x1b[" in out) is styled
    assert by_rich is not plain
    assert len(STYLES.sub("", out).splitlines()) == 3


def test_a_piped_fetch_says_what_a_terminal_shows_without_loading_rich(tmp_path):
    """`newstui fetch` into a pipe (a cron job, the benchmarks) writes its summary as plain
    text: rich's console, ~100M instructions to import, is not loaded before the first request
    to ask whether standard output is a terminal, nor for the line at the end."""
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Harbour reopens\n\nThe harbour opened again today.\n")
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[settings]\nextractor = "none"\n[[local]]\nname = "Clips"\npath = "{folder}"\n'
    )

    def fetched(**env: str) -> tuple[str, bool]:
        db = tmp_path / f"n{len(env)}.db"
        return newstui("--db", str(db), "--config", str(config), "fetch", **env)

    piped, piped_by_rich = fetched()
    shown, shown_by_rich = fetched(TTY_COMPATIBLE="1")

    assert piped == STYLES.sub("", shown) == "1 of 1 source ok: 1 new article, 0 updated\n"
    assert not piped_by_rich and shown_by_rich


@pytest.mark.parametrize("columns", ["60", "100"])
def test_a_listing_fits_its_width_with_wide_letters_and_keeps_its_columns(db, columns):
    """`list` counted characters, not terminal columns: a CJK title ran past the width, and a
    CJK feed name pushed that line's title out of the column the others start at."""
    from rich.cells import cell_len

    shown, _ = newstui("--db", str(db), "list", "--all", COLUMNS=columns, TTY_COMPATIBLE="1")
    lines = STYLES.sub("", shown).splitlines()
    assert max(cell_len(line) for line in lines) <= int(columns)
    assert any("東京" in line and line.endswith("…") for line in lines)  # a wide title was cut
    # every title starts at the same column, whatever script the feed's name is in
    starts = {
        cell_len(line[: line.index(title[:6])])
        for line in lines
        for title in TITLES[:5]
        if title and title[:6] in line
    }
    assert len(starts) == 1


@pytest.mark.parametrize("terminal", [False, True])
def test_the_feeds_table_is_what_rich_lays_out_when_each_row_fits(monkeypatch, capsys, terminal):
    """`feeds` writes its table itself where no row wraps (rich took 4,000 feeds ~6 s of CPU):
    the same lines, wide and combining letters, emoji and empty errors included."""
    import io

    from rich.console import Console

    from newstui.cli import feeds, output

    columns = ["name", "articles", "unread", "last fetch", "error"]
    named = [("Wire", ""), ("新聞", "cannot connect"), ("e\u0301 Café 🎉", "HTTP 404"), ("Ab", "")]
    body = [[name, f"{n * 7}", f"{n}", "never", error] for n, (name, error) in enumerate(named)]

    def printed(write) -> str:
        kind = {"force_terminal": True, "color_system": "standard"} if terminal else {}
        console = Console(file=io.StringIO(), width=100, **kind)
        monkeypatch.setattr(output, "stdout_console", lambda: console)  # (print_trimmed's)
        monkeypatch.setattr(feeds, "stdout_console", lambda: console)
        write()
        return STYLES.sub("", console.file.getvalue() + capsys.readouterr().out)

    written = printed(lambda: feeds._table_printed(columns, body, plain=not terminal))
    assert written == printed(lambda: feeds._rich_feeds_table(columns, body, 4))
    assert written.splitlines()[2] == " 新聞              7       1  never       cannot connect"
