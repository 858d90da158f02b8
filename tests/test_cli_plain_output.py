"""Output that is not going to a terminal is written as plain lines without loading rich: the
bytes must be those rich would print there, at every width and for any title."""

from __future__ import annotations

import pytest

from newstui import cli
from newstui.model import ArticleRow

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


def rows(titles: list[str]) -> list[ArticleRow]:
    return [
        ArticleRow(
            id=n * 37 + 1,
            feed_id=n % len(FEEDS),
            feed=FEEDS[n % len(FEEDS)],
            title=title,
            url=None,
            author=None,
            published=None if n % 3 == 0 else f"2026-11-{n % 28 + 1:02d}T10:00:00+00:00",
            sort_date="2026-11-01T00:00:00+00:00",
            read=n % 2 == 0,
            starred=n % 4 == 1,
        )
        for n, title in enumerate(titles)
    ]


@pytest.fixture(autouse=True)
def no_console_made_here_stays():
    """The CLI's rich consoles are made on first use and read COLUMNS then: none made at this
    module's widths may stay for other tests."""
    cli._stdout.cache_clear()
    cli._stderr.cache_clear()
    yield
    cli._stdout.cache_clear()
    cli._stderr.cache_clear()


def printed(capsys, show, *, by_rich: bool) -> str:
    """What `show()` writes to a pipe, through rich's own console or the plain writer."""
    capsys.readouterr()
    cli._stdout.cache_clear()
    if by_rich:
        cli._stdout()  # made now, it reads COLUMNS; a console made keeps the output on rich
    show()
    cli._stdout.cache_clear()
    return capsys.readouterr().out


@pytest.mark.parametrize("columns", ["20", "59", "60", "80", "100", "233"])
@pytest.mark.parametrize("start", range(len(TITLES)))
def test_a_piped_listing_is_what_rich_prints(monkeypatch, capsys, columns, start):
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    listed = rows(TITLES[start:] + TITLES[:start])

    def show() -> None:
        cli._emit(cli.argparse.Namespace(json=False), [], cli.ArticleLines(listed))

    assert printed(capsys, show, by_rich=False) == printed(capsys, show, by_rich=True)


def test_a_piped_listing_of_plain_titles_does_not_use_rich(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    written: list[str] = []
    monkeypatch.setattr(cli, "_write_plain", written.append)

    cli._emit(
        cli.argparse.Namespace(json=False), [], cli.ArticleLines(rows(TITLES[:1] + TITLES[3:4]))
    )

    assert len(written) == 1 and "Nairobi talks resume" in written[0]
    assert cli._stdout.cache_info().currsize == 0


@pytest.mark.parametrize(
    "message",
    ["no articles", "two\nlines", "ends in spaces   ", "wide 東京 " * 30, "tab\there", "", "\n\n"],
)
def test_a_piped_message_is_what_rich_prints(monkeypatch, capsys, message):
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)

    def show() -> None:
        cli._emit(cli.argparse.Namespace(json=False), None, message)

    assert printed(capsys, show, by_rich=False) == printed(capsys, show, by_rich=True)


@pytest.mark.parametrize(
    ("env", "plain"),
    [
        ({}, True),
        ({"FORCE_COLOR": "1"}, False),  # rich styles the output: it prints it
        ({"FORCE_COLOR": ""}, True),
        ({"TTY_COMPATIBLE": "1"}, False),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True),
        ({"COLUMNS": "0"}, False),  # rich prints nothing at width 0: let it
        ({"COLUMNS": "abc"}, True),
    ],
)
def test_rich_prints_whatever_it_would_style(monkeypatch, env, plain):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    assert (cli._plain_width() is not None) is plain


def test_a_forced_colour_listing_still_comes_styled(monkeypatch, capsys):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

    cli._emit(cli.argparse.Namespace(json=False), [], cli.ArticleLines(rows(TITLES[:2])))

    assert "\x1b[" in capsys.readouterr().out
