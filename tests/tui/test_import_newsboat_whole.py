"""`I` on newsboat's urls file brings what `newstui opml import` brings: cache.db's read marks
and stars (given after the first fetch), its config's settings, bind-keys and ignore-article
rules, podboat's downloads; it asks which flag is the star when nothing says, and its notice
is a few lines naming what came (closing r52, user test r52 MED-2: the app took the feeds only,
and its notice of what it left was 17 lines at 80×24)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.choice import ChoiceScreen
from tests.newsboat_cache import Item, write_cache

from .conftest import settle, until
from .notifications import notifications, run_recorded
from .test_add_feed import no_feeds_config
from .test_import_feeds import import_path

EU, TECH = "http://127.0.0.1:9/eu.xml", "http://127.0.0.1:9/tech.xml"
URLS = f'{EU} "news"\n{TECH} "tech"\nexec:~/bin/weather.sh\n'
CONFIG = (
    'browser "w3m %u"\nmax-items 200\nbind-key ^R reload-all\nnotify-program "notify-send"\n'
    'ignore-article "*" "title =~ \\"Sponsored\\""\n'
)


def newsboat_files(tmp_path, monkeypatch, config: str = CONFIG):
    """A newsboat user's ~/.newsboat: urls (2 feeds and an exec: line), config, cache.db with 2
    articles read and 1 flagged "s"; HOME there, no other newsboat folders."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    home = tmp_path / ".newsboat"
    home.mkdir()
    (home / "urls").write_text(URLS, "utf-8")
    (home / "config").write_text(config, "utf-8")
    write_cache(
        home / "cache.db",
        {EU: "EU Desk", TECH: "Tech Desk"},
        [
            Item(EU, "eu-1", "http://127.0.0.1:9/eu/1", unread=False),
            Item(TECH, "tech-1", "http://127.0.0.1:9/tech/1", unread=False),
            Item(TECH, "tech-2", "http://127.0.0.1:9/tech/2", flags="s"),
        ],
    )
    return home


def said_of(app, name: str) -> list[str]:
    return [n.message for n in notifications(app) if name in n.message]


async def test_I_on_newsboat_s_urls_asks_for_the_star_and_brings_marks_settings_keys_rules(
    tmp_path, monkeypatch
):
    home = newsboat_files(tmp_path, monkeypatch)
    config = no_feeds_config(tmp_path)
    app = NewstuiApp(tmp_path / "n.db", config)
    async with run_recorded(app, size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await import_path(pilot, str(home / "urls"))
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        box = str(app.screen.query_one("#choice-question").render())
        assert box == "1 article flagged in newsboat's cache.db: star it?"
        assert load_config(config.path).feeds == ()  # nothing written before the answer
        await pilot.press("1")  # Star the articles flagged "s"
        await until(pilot, lambda: bool(said_of(app, "not taken")))
        await settle(pilot)
        [said] = said_of(app, "not taken")
        [toast] = [t for t in app.screen.query("Toast") if "not taken" in str(t.render())]
        assert toast.region.height <= 6  # 4 lines and its padding at 80×24 (it was 17 lines)
    assert said == (
        "2 feeds, 2 read marks, 1 star, 2 settings and 1 key (at restart), 1 hide filter; 2 not "
        "taken: `newstui opml import ~/.newsboat/urls` names each. R fetches them."
    )
    written = load_config(config.path)
    assert sorted(f.url for f in written.feeds) == [EU, TECH]
    assert written.settings.browser == "w3m %u" and written.settings.keep_per_feed == 200
    assert '"app.refresh_all" = "ctrl+r"' in config.path.read_text("utf-8")
    assert [(f.query, f.action) for f in written.filters] == [('title:"Sponsored*"', "hide")]
    with Library.open(tmp_path / "n.db") as library:  # given when the first fetch stores them
        waiting = {w.feed_url: w.marks for w in library.waiting_marks()}
    assert waiting == {EU: 1, TECH: 2}


async def test_a_star_flag_newsboat_s_config_names_asks_nothing_and_star_none_imports_unstarred(
    tmp_path, monkeypatch
):
    home = newsboat_files(tmp_path, monkeypatch, 'ttrss-flag-star "s"\n')
    config = no_feeds_config(tmp_path)
    app = NewstuiApp(tmp_path / "n.db", config)
    async with run_recorded(app, size=(60, 20)) as pilot:
        await settle(pilot)
        await import_path(pilot, str(home / "urls"))
        await until(pilot, lambda: bool(said_of(app, "not taken")))
        assert not isinstance(app.screen, ChoiceScreen)  # the config says which flag stars
        [said] = said_of(app, "not taken")
    assert said.startswith("2 feeds, 2 read marks, 1 star; ")

    (home / "config").write_text("", "utf-8")  # now nothing says: asked, and "none" chosen
    (tmp_path / "other").mkdir()
    other = no_feeds_config(tmp_path / "other")
    app = NewstuiApp(tmp_path / "other.db", other)
    async with run_recorded(app, size=(60, 20)) as pilot:
        await settle(pilot)
        await import_path(pilot, str(home / "urls"))
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("2")  # Star none
        await until(pilot, lambda: bool(said_of(app, "not taken")))
        [said] = said_of(app, "not taken")
    assert said.startswith("2 feeds, 2 read marks; ")


async def test_a_cache_db_that_does_not_read_imports_the_rest_and_says_so_in_one_line(
    tmp_path, monkeypatch
):
    # the command stops there and names --no-read-state, which the app has not: the feeds,
    # settings and rules come, the marks do not, and one warning says why
    home = newsboat_files(tmp_path, monkeypatch)
    (home / "cache.db").write_bytes(b"not a database at all" * 100)
    config = no_feeds_config(tmp_path)
    app = NewstuiApp(tmp_path / "n.db", config)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await import_path(pilot, str(home / "urls"))
        await until(pilot, lambda: bool(said_of(app, "not taken")))
        await settle(pilot)
        [said] = said_of(app, "not taken")
        [warning] = said_of(app, "cache.db")
    assert said.startswith("2 feeds, 2 settings and 1 key (at restart), 1 hide filter; ")
    assert warning.startswith("~/.newsboat/cache.db: not newsboat's cache: ")
    assert warning.endswith(
        "; the feeds imported without its read marks and stars (import again to add them)"
    )
    assert "\n" not in warning and "--no-read-state" not in warning
    assert len(load_config(config.path).feeds) == 2
