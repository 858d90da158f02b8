"""Pilot tests: the entities and quotes sidebar, its filters, and the no-analysis state."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import OptionList, Tab, TabbedContent

from newstui.model import Article
from newstui.render import OTHER_LANGUAGE_EFFECT as EFFECT
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.entity_label import EntityLabel

from .conftest import screen_text, settle


async def test_e_toggles_the_sidebar_and_1_2_switch_tabs(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.sidebar_visible
        await pilot.press("e")
        assert not app.main.sidebar_visible
        assert not app.main.sidebar.display or app.main.sidebar.region.width == 0
        await pilot.press("e")
        assert app.main.sidebar_visible
        tabs = app.main.sidebar.query_one(TabbedContent)
        await pilot.press("2")
        await pilot.pause()
        assert tabs.active == "quotes-tab"
        text = screen_text(app)
        assert "— Syrian army" in text
        assert "— Dmitry Peskov" in text
        await pilot.press("1")
        await pilot.pause()
        assert tabs.active == "entities-tab"


async def test_quotes_are_highlighted_with_their_speaker_in_the_reader(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        body = app.main.reader.query_one("#reader-body").render()
        plain = body.plain if hasattr(body, "plain") else str(body)
        assert "[—Syrian army]" in plain
        assert "[—Dmitry Peskov]" in plain


async def test_choosing_an_entity_lists_every_article_mentioning_it(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "tab")  # reader, then the sidebar's entity list
        assert app.main._pane_of(app.focused) == "sidebar"
        entity_list = app.main.sidebar.active_list
        names = {key: name for key, (_, name) in app.main.sidebar._entity_names.items()}
        aleppo = next(
            i
            for i in range(entity_list.option_count)
            if names.get(entity_list.get_option_at_index(i).id) == "Aleppo"
        )
        entity_list.highlighted = aleppo
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.title == "Mentioning Aleppo"
        assert {row.id for _, row in app.main.headlines.loaded_rows()} == {
            ids["seed"],
            ids["kremlin"],
        }
        assert "Mentioning Aleppo" in screen_text(app).splitlines()[0]
        await pilot.press("escape")  # back to the previous view
        await settle(pilot)
        assert app.main.headlines.view.key == "all"


async def test_choosing_a_quote_lists_its_speakers_quotes_across_articles(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "tab")
        quotes = app.main.sidebar.active_list
        assert app.focused is quotes
        await pilot.press("j", "l")  # the second quote: Dmitry Peskov
        await settle(pilot)
        assert app.main.headlines.view.title == "Quoting Dmitry Peskov"
        assert {row.id for _, row in app.main.headlines.loaded_rows()} == {
            ids["seed"],
            ids["kremlin"],
        }


GERMAN = (
    "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. „Das ist ein "
    "guter Tag für die Stadt“, sagte Reiter nach der Sitzung. Die Opposition stimmte dagegen."
)


def reader_and_first_notes(app: NewstuiApp) -> tuple[str, list[str]]:
    """The reader's text, and the first line of each sidebar tab."""
    body = app.main.reader.query_one("#reader-body").render()
    lists = (
        app.main.sidebar.query_one(f"#{name}-list", OptionList) for name in ("entity", "quote")
    )
    return str(body), [str(found.get_option_at_index(0).prompt) for found in lists]


async def test_articles_without_analysis_say_so(db_path):
    """…and an article that reads as another language than English says why it has few quotes
    and entities (user test r46 M2: "No quotes found", a German quote plainly there)."""
    db = open_db(db_path)
    feed = ensure_feed(db, "http://127.0.0.1:9/de.xml", "Münchner Blatt", url=None)
    newest = datetime(2030, 1, 1, tzinfo=UTC)  # selected at start
    save_articles(db, feed, [Article(title="Haushalt", text=GERMAN, guid="de", published=newest)])
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text, notes = reader_and_first_notes(app)
        note = f"Reads as another language than English (its feed declares none): {EFFECT}"
        assert note in " ".join(text.split()) and notes == [note] * 2
        await pilot.press("j")  # the seed article, English
        await settle(pilot)
        text, notes = reader_and_first_notes(app)
        assert "Syrian" in text and not any(EFFECT in shown for shown in [text, *notes])
        await pilot.press("j", "j")  # an article nobody analysed
        await settle(pilot)
        assert "No entities found" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert "No quotes found" in screen_text(app)


async def test_a_short_article_reads_as_the_language_its_feed_declares(db_path):
    """User test r48 M4: a short German article (too few words to tell) of a feed declaring
    German says it reads as another language, and its quote gets its German speaker."""
    short = "„Die Lage ist ernst“, sagte Innenministerin Nancy Faeser in Berlin."
    db = open_db(db_path)
    feed = ensure_feed(db, "http://127.0.0.1:9/inland.xml", "Inland", url=None)
    newest = datetime(2030, 1, 1, tzinfo=UTC)  # selected at start
    article = Article(title="Faeser", text=short, guid="de", published=newest, language="de")
    save_articles(db, feed, [article])
    db.conn.close()
    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.library import Library

    with Library.open(db_path) as library:  # (as a fetch analyses what it stores)
        analyse_pending(library)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text, notes = reader_and_first_notes(app)
        note = f"Reads as German (de, as the article declares): {EFFECT}"  # (user test r49 LOW-10)
        assert note in " ".join(text.split()) and notes == [note] * 2
        quotes = app.main.sidebar.query_one("#quote-list", OptionList)
        prompts = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        assert any("Nancy Faeser" in prompt for prompt in prompts[1:]), prompts


async def test_a_click_on_the_quotes_tab_makes_w_and_f_work_on_quotes(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        [quotes_tab] = [tab for tab in app.query(Tab) if tab.label.plain == "Quotes"]
        await pilot.click(quotes_tab)
        await settle(pilot)
        assert app.main.sidebar.query_one(TabbedContent).active == "quotes-tab"
        assert app.main.sidebar.active_list.id == "quote-list"


async def test_a_click_on_a_tab_puts_the_keys_in_its_list(db_path):
    """User test r32 M3: after a click on the Entities tab, j/k/Enter did nothing (the tab bar
    had the focus) and w acted on a row highlighted long before."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for label, list_id in (("Quotes", "quote-list"), ("Entities", "entity-list")):
            [tab] = [tab for tab in app.query(Tab) if tab.label.plain == label]
            await pilot.click(tab)
            await settle(pilot)
            assert app.focused is not None and app.focused.id == list_id
            before = app.focused.highlighted
            await pilot.press("j")
            await pilot.pause()
            assert app.focused.id == list_id and app.focused.highlighted != before


async def test_a_rule_parts_one_quote_from_the_next(db_path):
    """The quotes ran together: a speaker's line, then the next quote's first line."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        lines = [line.rsplit("▏", 1)[-1] for line in screen_text(app).splitlines()]
        speaker = next(n for n, line in enumerate(lines) if line.startswith("— Syrian army"))
        assert set(lines[speaker + 1].strip()) == {"─"}
        assert lines[speaker + 2].startswith("“We consider this a violation")
        last = lines.index("— Dmitry Peskov")
        assert lines[last + 1].strip() == ""  # no rule under the last quote


async def test_a_wrapped_entity_name_keeps_its_second_line_when_the_sidebar_refills(db_path):
    # At 60x16 "Hayat Tahrir al-Sham ×1" wraps in the sidebar, which scrolls. Choosing an
    # entity refills the list for the same article; its entries were measured while the emptied
    # list had no scrollbar (two cells wider), and the name was cut to "Hayat Tahrir".
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 16)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "e", "tab")
        await settle(pilot)
        assert "al-Sham" in screen_text(app)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.main.title.startswith("Headlines ▸ Mentioning"), app.main.title
        sidebar = "\n".join(line[36:] for line in screen_text(app).splitlines())
        assert "Hayat Tahrir" in sidebar and "al-Sham" in sidebar, sidebar


def highlighted_entity(app: NewstuiApp) -> str:
    """The name of the sidebar's highlighted entity."""
    option = app.main.sidebar.active_list.highlighted_option
    assert option is not None and isinstance(option.prompt, EntityLabel)
    return option.prompt.name.plain


async def test_the_chosen_entity_keeps_the_sidebar_cursor_as_the_list_and_article_change(
    db_path, ids
):
    """Choosing an entity filtered the headlines, and the sidebar's refill put its cursor back
    on the first entity: a second Enter listed Bashar al-Assad's articles, not Aleppo's."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "tab")  # reader, then the sidebar's entity list
        for _ in range(20):
            if highlighted_entity(app) == "Aleppo":
                break
            await pilot.press("j")
        assert highlighted_entity(app) == "Aleppo"
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.title == "Mentioning Aleppo"
        assert highlighted_entity(app) == "Aleppo"
        # the other article mentioning Aleppo lists its entities in another order
        app.main.focus_pane("headlines")
        shown = app.main.headlines.selected
        await pilot.press("j")
        await settle(pilot)
        assert app.main.headlines.selected != shown
        assert highlighted_entity(app) == "Aleppo"


async def test_an_older_read_of_the_article_shown_never_replaces_the_newer_one(db_path):
    """User test r52 L8: the sidebar mixed two articles for a while under load. The reads of
    articles run in threads that may end in any order: one read before the one shown (its
    analysis before a refresh rewrote it) is dropped, not shown over it."""
    import dataclasses

    from newstui.model.analysis import Analysis

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        shown = main.detail
        assert shown is not None and shown.entities
        name = shown.entities[0].name
        assert name in screen_text(app)
        stale = dataclasses.replace(shown, entities=(), analysis=Analysis())
        main.post_message(main.ArticleLoaded(shown.article.row.id, stale, (), read=0))
        await settle(pilot)
        assert main.detail is shown
        assert name in screen_text(app) and "No entities found" not in screen_text(app)
