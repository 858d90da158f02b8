"""Pilot tests: z shows the reader alone; T hides and shows the speaker tags; tags come after
the sentence, not inside it."""

from __future__ import annotations

import pytest
from textual.content import Content

from newstui.model import Analysis, Quote
from newstui.render import highlighted_body
from newstui.tui.app import NewstuiApp

from .conftest import settle


def visible(widget) -> bool:
    return widget.display and widget.region.width > 0 and widget.region.height > 0


def body_text(app) -> str:
    return str(app.main.reader.query_one("#reader-body").render())


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_z_shows_the_reader_alone_and_z_again_brings_the_panes_back(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        main = app.main
        assert visible(main.reader) and not visible(main.headlines)
        assert not visible(main.sources) and not visible(main.sidebar)
        assert main.reader.region.width == size[0]
        await pilot.press("z")
        await settle(pilot)
        assert visible(main.headlines)
        assert app.focused is main.headlines


async def test_leaving_the_full_width_reader_with_esc_shows_the_list(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("z", "escape")
        await settle(pilot)
        assert visible(app.main.headlines) and app.focused is app.main.headlines


@pytest.mark.parametrize("keys", [["e"], ["2"]])
async def test_the_sidebar_keys_in_the_full_width_reader_show_the_sidebar(db_path, keys):
    """e in the reader alone hid the (already hidden) sidebar, unseen, for good: after z the
    sidebar was gone; 2 switched to a tab nobody could see."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("z", *keys)
        await settle(pilot)
        main = app.main
        assert visible(main.sidebar) and visible(main.reader)
        await pilot.press("e")  # and e hides it again, as anywhere
        await settle(pilot)
        assert not visible(main.sidebar)


async def test_T_hides_and_shows_the_speaker_tags(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "[—Dmitry Peskov]" in body_text(app)
        await pilot.press("T")
        await settle(pilot)
        assert "[—" not in body_text(app)
        assert "We consider this a violation" in body_text(app)
        await pilot.press("T")
        await settle(pilot)
        assert "[—Dmitry Peskov]" in body_text(app)


def quote(text: str, words: str, speaker: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), speaker)


def test_the_speaker_tag_follows_the_sentence_not_the_closing_mark():
    text = "“We will rebuild,” the mayor said on Monday. Then rain fell."
    quote_ = quote(text, "We will rebuild,", "Ana Lima")
    out = highlighted_body(text, Analysis((), (quote_,))).plain
    assert out == "“We will rebuild,” the mayor said on Monday. [—Ana Lima] Then rain fell."


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("She said: “We will rebuild.” Then", "She said: “We will rebuild.” [—Ana Lima] Then"),
        # after French guillemets and the space inside them, not before » (user test r45 M1)
        (
            "Elle a dit : « We will rebuild. » Puis",
            "Elle a dit : « We will rebuild. » [—Ana Lima] Puis",
        ),
        (
            "Elle a dit :\u202f«\u202fWe will rebuild.\u202f» Puis",
            "Elle a dit :\u202f«\u202fWe will rebuild.\u202f» [—Ana Lima] Puis",
        ),
        ("Dijo: «We will rebuild». Luego", "Dijo: «We will rebuild». [—Ana Lima] Luego"),
    ],
)
def test_a_quote_that_ends_its_sentence_is_tagged_after_its_closing_mark(text, tagged):
    words = "We will rebuild." if "." in text.split("rebuild")[1][:1] else "We will rebuild"
    out = highlighted_body(text, Analysis((), (quote(text, words, "Ana Lima"),))).plain
    assert out == tagged


def test_a_tag_never_jumps_past_the_next_quote_or_paragraph():
    text = "“One,” she said “and two” later.\n“Three,” he"
    quotes = (quote(text, "One,", "A"), quote(text, "and two", "B"), quote(text, "Three,", "C"))
    out = highlighted_body(text, Analysis((), quotes)).plain
    assert out == "“One,” [—A] she said “and two” later. [—B]\n“Three,” [—C] he"


def test_a_speaker_tag_never_wraps_between_its_dash_and_the_name():
    text = "“We will rebuild the bridge,” the mayor said on Monday. Then rain fell all day."
    tagged = highlighted_body(text, Analysis((), (quote(text, "We will", "Emily W. Murphy"),)))
    for width in range(12, 90):
        lines = [line.plain.rstrip() for line in Content.from_rich_text(tagged).wrap(width)]
        assert not [line for line in lines if line.endswith("[—")], width
        assert any("[—Emily" in line for line in lines), width
