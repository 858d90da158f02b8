"""Review r38 CL1: a mouse drag (a text selection) that ends on a link does not open it (Textual
makes a Click of any MouseUp over the widget the MouseDown was on, however far it moved); the
events go through the App as a terminal's do (Pilot's mouse_down/up would not show it)."""

from __future__ import annotations

from textual import events

from .conftest import settle
from .test_link_clicks import reading_linked, where


def mouse(kind, x, y, app):
    """A mouse event at screen cell (x, y), with the style drawn there, as a terminal sends it."""
    style = app.screen.get_style_at(x, y)
    return kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y, style=style)


async def test_a_selection_dragged_onto_a_link_does_not_open_it(tmp_path, monkeypatch):
    async with reading_linked(tmp_path, monkeypatch) as (app, pilot, opened):
        x0, y0 = where(app, "The council")
        x1, y1 = where(app, "[1] council report")
        app.post_message(mouse(events.MouseDown, x0, y0, app))
        await settle(pilot)
        app.post_message(mouse(events.MouseMove, x1 + 12, y1, app))
        await settle(pilot)
        app.post_message(mouse(events.MouseUp, x1 + 12, y1, app))
        await settle(pilot)
        selected = app.screen.get_selected_text()
    assert opened == []
    assert selected and "The council" in selected
