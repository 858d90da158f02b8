"""What reaches the terminal, read from a pseudo-terminal: regions Textual laid out again but
did not send would show a stale frame there that no Pilot test sees."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed

from .terminal import Terminal, run_in_terminal

WIDE_NAMES = ("Regional Transport Bulletin", "City Council Minutes and Notices")


@pytest.mark.parametrize(
    "names",
    [
        # Names wider than the room kept for the sources pane: it widens when its names
        # arrive, and the headlines beside it move right. They used to keep their first frame,
        # shifted under the pane, the start of each row cut off ("15  Rail strike called off").
        WIDE_NAMES,
        # A name that needs just the room kept (20 columns): the pane stayed blank until a key
        # or a resize drew the screen again (r45 H1).
        ("Abcdefghijklmn",),
    ],
)
def test_sources_and_headlines_are_drawn_whole_when_the_sources_pane_joins(tmp_path, names):
    config, db_path = tmp_path / "feeds.toml", tmp_path / "news.db"
    entries = "".join(
        f'\n[[feeds]]\nname = "{name}"\nurl = "http://127.0.0.1:9/{i}.xml"\n'
        for i, name in enumerate(names)
    )
    config.write_text("[settings]\nfulltext = false\n" + entries, "utf-8")
    db = open_db(db_path)
    when = datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
    for i, name in enumerate(names):
        feed = ensure_feed(
            db,
            f"http://127.0.0.1:9/{i}.xml",
            name,
            url=f"http://127.0.0.1:9/{i}.xml",
            configured=True,
        )
        save_articles(
            db,
            feed,
            [
                Article(
                    title=f"{name} story {n}",
                    text="Text.",
                    guid=f"{i}-{n}",
                    published=when - timedelta(days=n),
                )
                for n in range(3)
            ],
        )
    db.conn.close()
    env = {
        **os.environ,
        "NEWSTUI_CONFIG": str(config),
        "NEWSTUI_DB": str(db_path),
        "TERM": "xterm-256color",
    }

    def sources_shown(terminal: Terminal) -> bool:
        # the name in the sources pane, left of the headlines' edge (the headline rows name
        # the feed too: waiting for the name alone ended before the pane joined, and the test
        # failed or passed by the machine's speed)
        return any(0 <= line.find(names[-1][:12]) < line.find("▕") for line in terminal.lines())

    terminal = run_in_terminal([], env, (120, 30), sources_shown)
    lines = terminal.lines()
    assert sources_shown(terminal), "\n".join(lines)
    rows = [line for line in lines if "  11-" in line]
    assert len(rows) == 3 * len(names), "\n".join(lines)
    for row in rows:  # each row whole: its unread dot, then its date, its feed and its title
        assert "▕●   11-" in row, "\n".join(lines)


@pytest.mark.parametrize("cut", range(1, 24))
def test_the_test_terminal_holds_a_sequence_cut_between_two_reads(cut):
    # A read may end inside a sequence ("\x1b[38;5;2" | "22m"): its parameters are no text.
    output = "\x1b[1;1Hab\x1b[38;5;222;48;5;234mcd\x1b[2;3Hef"
    terminal = Terminal(10, 2)

    terminal.feed(output[:cut])
    terminal.feed(output[cut:])

    assert terminal.lines() == ["abcd      ", "  ef      "]
