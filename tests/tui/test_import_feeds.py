"""`I` (and the palette's "Import feeds") imports an OPML file or newsboat's urls file from
inside the app, as `newstui opml import` does; the empty app names it (user test r38 L1: a
Feedly user's way in was only the CLI, and Ctrl-P "import" found nothing)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import run_recorded, screen_text, settle
from .test_add_feed import no_feeds_config, shown

OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>Feedly</title></head><body>
<outline text="World News" title="World News">
  <outline type="rss" text="Harbour Times" title="Harbour Times"
           xmlUrl="http://127.0.0.1:9/harbour.xml"/>
  <outline type="rss" text="Valley Wire" xmlUrl="http://127.0.0.1:9/valley.xml"/>
  <outline type="rss" text="Gopher Hole" xmlUrl="gopher://127.0.0.1/1/news"/>
</outline>
</body></opml>
"""


async def import_path(pilot, path: str) -> None:
    await pilot.press("I")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandScreen)
    await pilot.press(*path, "enter")
    await settle(pilot)


async def test_the_empty_app_and_the_palette_offer_the_import(tmp_path):
    app = NewstuiApp(tmp_path / "empty.db", no_feeds_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "I to import an OPML file of feeds (another reader's export) or newsboat's" in text
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Import feeds from an OPML file") for t in titles)


async def test_I_imports_an_opml_file_into_the_config_and_sources(tmp_path):
    config = no_feeds_config(tmp_path)
    opml = tmp_path / "subs.opml"
    opml.write_text(OPML, "utf-8")
    app = NewstuiApp(tmp_path / "empty.db", config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await import_path(pilot, str(opml))
        await settle(pilot)
        said = shown(app)
        names = [f.name for f in app.main.sources.feeds]
    feeds = load_config(config.path).feeds
    assert sorted(f.name for f in feeds) == ["Harbour Times", "Valley Wire"]
    assert all(f.tags == ("World News",) for f in feeds)
    assert (  # the skipped outline named, as the CLI's warning does (user test r41)
        f"2 feeds in subs.opml, 2 added to {config.path}; an outline skipped: outline "
        '"Gopher Hole" (gopher://127.0.0.1/1/news): not an http(s) feed URL (scheme gopher:). '
        "Press R to fetch them."
    ) in said
    assert sorted(names) == ["Harbour Times", "Valley Wire"]  # listed before their fetch
    assert "# my feeds" in config.path.read_text("utf-8")  # the file's own lines kept


async def test_a_file_that_is_no_subscription_list_is_one_line_and_asked_again(tmp_path):
    config = no_feeds_config(tmp_path)
    before = config.path.read_text("utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\n", "utf-8")
    app = NewstuiApp(tmp_path / "empty.db", config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await import_path(pilot, str(notes))
        errors = [line for line in shown(app) if str(notes) in line]
        assert len(errors) == 1 and "\n" not in errors[0]
        assert isinstance(app.screen, CommandScreen)  # to mend what was typed
        assert app.screen.query_one("#command-input").value == str(notes)
        await pilot.press("escape")
        await settle(pilot)
        await import_path(pilot, str(tmp_path / "missing.opml"))
        assert any("missing.opml: cannot read" in line for line in shown(app))
    assert config.path.read_text("utf-8") == before  # nothing written


async def test_the_demo_says_feeds_cannot_be_imported(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert not isinstance(app.screen, CommandScreen)
        assert "demo mode: feeds cannot be imported" in shown(app)


async def test_I_offers_newsboat_s_urls_file_when_this_machine_has_one(tmp_path, newsboat_home):
    """User test r48 L1: the empty app named ~/.newsboat/urls, the box an OPML path; now the
    box holds the urls file, and Enter imports it."""
    from textual.widgets import Input

    config = no_feeds_config(tmp_path)
    app = NewstuiApp(tmp_path / "empty.db", config)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        assert app.screen.query_one(Input).value == "~/.newsboat/urls"
        await pilot.press("enter")
        await settle(pilot)
    assert [f.url for f in load_config(config.path).feeds] == ["https://example.org/feed.xml"]
    app = NewstuiApp(tmp_path / "empty.db", load_config(config.path))
    async with run_recorded(app, size=(80, 24)) as pilot:  # a source now: only suggested
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        field = app.screen.query_one(Input)
        assert field.value == "" and field.placeholder == "~/.newsboat/urls"


async def test_I_of_newsboat_s_urls_with_several_tags_a_feed_lists_sources_flat(tmp_path):
    # user test r52 MED-5: newsboat's tags are labels; the folder tree listed each feed once per
    # tag. The import writes sources_layout = "flat", says so, and Sources lists each feed once
    config = no_feeds_config(tmp_path)
    urls = tmp_path / "urls"
    urls.write_text(
        'http://127.0.0.1:9/eu.xml "news" "europe"\nhttp://127.0.0.1:9/pod.xml "news" "audio"\n',
        "utf-8",
    )
    app = NewstuiApp(tmp_path / "empty.db", config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.sources.tree_layout
        await import_path(pilot, str(urls))
        await settle(pilot)
        said = " ".join(shown(app))
        ids = [o.id for o in app.main.sources.options if o.id]
    assert (
        "2 feeds, flat Sources. R fetches them." in said
    )  # (a few lines; at once, not at restart)
    assert load_config(config.path).settings.sources_layout == "flat"
    feeds = [i for i in ids if i.startswith("feed:")]
    assert len(feeds) == 2 and all("@" not in i for i in feeds)  # each feed once, no copies
    assert {"tag:news", "tag:europe", "tag:audio"} <= set(ids)
