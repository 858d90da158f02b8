"""Review r38 CL1: a mouse drag (a text selection) that ends on a link does not open it (Textual
makes a Click of any MouseUp over the widget the MouseDown was on, however far it moved); the
events go through the App as a terminal's do (Pilot's mouse_down/up would not show it)."""

from __future__ import annotations

import webbrowser

from textual import events

from .conftest import run_recorded, settle
from .test_external_programs import app_with
from .test_link_clicks import linked_db, where


def mouse(kind, x, y, app):
    """A mouse event at screen cell (x, y), with the style drawn there, as a terminal sends it."""
    style = app.screen.get_style_at(x, y)
    return kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y, style=style)


async def test_a_selection_dragged_onto_a_link_does_not_open_it(tmp_path, monkeypatch):
    db = tmp_path / "links.db"
    linked_db(db)
    monkeypatch.delenv("BROWSER", raising=False)
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app, _ = app_with(db, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
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
