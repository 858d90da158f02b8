"""A fetch that runs while `newstui add` is writing a feed (user test r55 HIGH-1: a cron `fetch`
or the app's refresh) leaves that feed alone: the add stores it (its trial fetch) before it writes
feeds.toml, and the fetch, reading a config without it, removed it (the add then failed with
"database error: FOREIGN KEY constraint failed") or set it aside while the add said "added".
Each interleaving is held in place with an event, never a sleep. And `add` asks for the feed
once (MED-1: discovery's answer is the trial fetch's)."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import subprocess
import sys
import threading

from test_cli import Cli, cli, empty_config, no_user_paths  # noqa: F401  (shared fixtures)

from newstui.add_mark import add_marked, adds_under_way
from newstui.config import load_config
from newstui.ingest import pending_analysis
from newstui.ingest.configured_sources import prune_sources
from newstui.library import Library
from newstui.model import Article
from newstui.subscribe import add_feed


def held_after_storing(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Hold the next add between its trial fetch (the feed stored) and its write to feeds.toml,
    where its analysis runs: (entered, release)."""
    entered, release = threading.Event(), threading.Event()
    analyse = pending_analysis.analyse_pending
    calls: list[int] = []

    def held(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:  # the add's; a fetch's own pass goes through
            entered.set()
            assert release.wait(60)
        return analyse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pending_analysis, "analyse_pending", held)
    return entered, release


def with_other(cli: Cli, feed_server) -> None:
    """A feed configured already (a config without feeds is no order to remove any)."""
    feed_server.serve_file("/other.xml", "atom.xml", "application/atom+xml")
    with cli.config.open("a", encoding="utf-8") as file:
        file.write(f'\n[[feeds]]\nname = "Other"\nurl = "{feed_server.url("/other.xml")}"\n')


def listed_and_set_aside(db_path, url: str) -> tuple[bool, bool]:
    with Library.open(db_path) as library:
        listed = any(row.url == url for row in library.sources())
        aside = any(s.url == url for s in library.set_aside_sources())
    return listed, aside


def test_a_fetch_while_add_is_writing_the_feed_leaves_it_and_the_add_succeeds(
    cli, feed_server, monkeypatch
):
    feed_server.serve_file("/new.xml", "rss2.xml")
    url = feed_server.url("/new.xml")
    with_other(cli, feed_server)
    entered, release = held_after_storing(monkeypatch)
    codes: list[int] = []
    adding = threading.Thread(target=lambda: codes.append(cli("add", url, "--name", "New")))
    adding.start()
    try:
        assert entered.wait(60)
        assert listed_and_set_aside(cli.db, url) == (True, False)  # stored, not in feeds.toml
        fetched = Cli(cli.db, cli.config, cli.capsys)
        assert fetched("fetch") == 0, fetched.err
        said = fetched.out + fetched.err
        assert "no longer in" not in said and "removed" not in said, said
        assert listed_and_set_aside(cli.db, url) == (True, False)
    finally:
        release.set()
        adding.join(60)
    assert codes == [0]
    assert "FOREIGN KEY" not in cli.err and "database error" not in cli.err
    assert [f.url for f in load_config(cli.config).feeds][-1] == url
    assert listed_and_set_aside(cli.db, url) == (True, False)
    assert cli("fetch") == 0  # and the next fetch, the config read with it, keeps it
    assert listed_and_set_aside(cli.db, url) == (True, False)


def test_a_fetch_that_read_the_config_before_an_add_wrote_it_keeps_the_added_feed(cli, feed_server):
    """The fetch's config was read before the add wrote its entry, its removal pass comes after
    the add is over (the app's refresh reads the file it had read last): the file, read again,
    lists the feed."""
    feed_server.serve_file("/new.xml", "rss2.xml")
    url = feed_server.url("/new.xml")
    with_other(cli, feed_server)
    read_before = load_config(cli.config)
    assert cli("add", url, "--name", "New") == 0
    with Library.open(cli.db) as library:
        assert prune_sources(library, read_before) == []
    assert listed_and_set_aside(cli.db, url) == (True, False)


def test_a_feed_an_add_left_behind_when_its_process_died_is_set_aside_by_the_next_fetch(
    db_path, feed_server, tmp_path
):
    """The add's mark is a lock the system drops when its process ends, however it ends: a
    crashed add keeps its stored feed from the fetch only while it lives."""
    url = feed_server.url("/crashed.xml")
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(
        f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Kept"\nurl = "{url}-kept"\n', "utf-8"
    )
    with Library.open(db_path) as library:  # what the trial fetch stored before the crash
        feed_id = library.register_source(url, "Crashed", url=url, configured=True)
        story = Article(title="A story", text="Text.", guid="c1", url="https://x.example/c1")
        library.bulk_insert(feed_id, [story])
        database = library.database_file()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from newstui.add_mark import add_marked\n"
            "with add_marked(sys.argv[1], sys.argv[2]):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(600)\n",
            database,
            url,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert adds_under_way(database, [url]) == {url}
        with Library.open(db_path) as library:
            assert prune_sources(library, load_config(config_path)) == []
    finally:
        holder.kill()
        holder.wait(60)
    assert adds_under_way(database, [url]) == set()
    with Library.open(db_path) as library:
        [aside] = prune_sources(library, load_config(config_path))
    assert (aside.name, aside.outcome, aside.kept) == ("Crashed", "kept", 1)
    assert listed_and_set_aside(db_path, url) == (False, True)


def test_an_add_marks_the_feed_only_while_it_runs(db_path, feed_server, tmp_path):
    """The mark is this add's: taken for its URL, let go (and its file gone) once it ends."""
    feed_server.serve_file("/new.xml", "rss2.xml")
    url = feed_server.url("/new.xml")
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nfulltext = false\n", "utf-8")
    with Library.open(db_path) as library:
        database = library.database_file()
        with add_marked(database, url):
            assert adds_under_way(database, [url, url + "?other"]) == {url}
        assert adds_under_way(database, [url]) == set()
        add_feed(library, load_config(path), url, "New")
    assert adds_under_way(database, [url]) == set()
    assert not list(tmp_path.glob("*.adding-*"))


def test_add_asks_for_the_feed_once(cli, feed_server):
    """MED-1: discovery's request is the trial fetch's; the feed is not downloaded twice."""
    route = feed_server.serve_file("/once.xml", "rss2.xml")
    assert cli("add", feed_server.url("/once.xml"), "--name", "Once") == 0, cli.err
    assert route.hits == 1
    assert [f.name for f in load_config(cli.config).feeds] == ["Once"]
    assert cli("list", "--json") == 0 and '"feed": "Once"' in cli.out


def test_add_of_a_feed_that_does_not_answer_in_time_asks_once_and_says_so(cli, feed_server):
    """MED-1: a timeout waited twice (discovery, then the trial fetch) for one message."""
    text = cli.config.read_text("utf-8").replace("timeout = 5", "timeout = 1")
    cli.config.write_text(text, "utf-8")
    hold = threading.Event()
    route = feed_server.route("/slow.xml", body=b"<rss/>", hold=hold)
    try:
        code = cli("add", feed_server.url("/slow.xml"))
    finally:
        hold.set()
    assert code == 1, cli.err
    assert "timed out after 1 s" in cli.err, cli.err
    assert route.hits == 1
    assert load_config(cli.config).feeds == ()
