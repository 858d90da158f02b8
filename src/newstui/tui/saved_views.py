"""Saved views, mixed into the app: the config's `[[views]]` listed in Sources, `S` saving the
current search, entity or speaker list as one, and `F` following a name (a view too)."""

from __future__ import annotations

from newstui.config import Config, load_config
from newstui.config.query_edits import add_view
from newstui.errors import NewstuiError
from newstui.text import terminal_safe
from newstui.tui.mixins import AppMixin
from newstui.tui.screens.article_actions import SavedViewsChanged
from newstui.tui.screens.main import MainScreen
from newstui.tui.view import ALL, View, broken_view, saved_view
from newstui.tui.widgets.sidebar import Sidebar


class SavesViews(AppMixin):
    """Mixed into the app: reads and writes the config's views through the main screen."""

    main: MainScreen

    @property
    def config(self) -> Config | None:
        """The config file as last read (None in the demo); the main screen holds it."""
        return self.main.config

    def saved_views(self) -> list[View]:
        """The config's `[[views]]` as views; one whose query does not parse is listed broken."""
        if self.config is None or not self.config.views:
            return []
        from newstui.nlp import query_keys  # only for views: the first screen is sooner without
        from newstui.query import QueryError, parse_query

        views = []
        for entry in self.config.views:
            if entry.problem:
                views.append(broken_view(entry.name, entry.problem))
                continue
            try:
                views.append(saved_view(entry.name, parse_query(entry.query, query_keys)))
            except QueryError as exc:  # (load_config parses without the name keys)
                views.append(broken_view(entry.name, f"view {entry.name!r}: {exc}"))
        return views

    def action_save_view(self) -> None:
        view = self.main.current_view
        query = view.filter.query.text if view.filter.query is not None else view.query
        if query is None:
            self.notify(
                "Search first (/), or open an entity or speaker; S saves it as a view.",
                severity="warning",
            )
            return
        if self.config is None:
            self.notify("No config file (demo mode): views cannot be saved.", severity="warning")
            return

        def named(name: str | None) -> None:
            if name and query is not None:
                self.add_view(name, query)

        from newstui.tui.screens.view_name import ViewNameScreen

        feeds = [feed.name for feed in self.main.sources.feeds]
        self.push_screen(ViewNameScreen(query, feeds, self.config.path.name), named)

    def add_view(self, name: str, query: str, *, show: bool = True) -> None:
        """Save a view in the config (comments kept), list it and show it (`show=False`: a
        follow, which leaves the headlines and the article read as they are, and says where
        the view is)."""
        if self.config is None:
            self.notify("No config file (demo mode): views cannot be saved.", severity="warning")
            return
        same = next((v for v in self.config.views if v.query == query), None)
        if same is not None and not show:
            self.notify(f"Already a view: {same.name} (in Sources)", markup=False)
            return
        if same is not None:
            from newstui.nlp import query_keys
            from newstui.query import parse_query

            self.notify(f"Already a view: {same.name}", markup=False)
            self.main.show_view(saved_view(same.name, parse_query(same.query, query_keys)))
            return
        try:
            added = add_view(self.config.path, name, query)
            self.main.config = load_config(self.config.path)
        except (NewstuiError, OSError) as exc:
            self.notify(terminal_safe(str(exc), line=True), severity="error", markup=False)
            return
        views = self.saved_views()
        self.main.set_saved_views(views)
        file = self.config.path.name
        if not show:  # (user test r33 L12: F switched the headlines and the article away)
            self.notify(
                f"Followed: {added.name}, a view in Sources (saved in {file})", markup=False
            )
            return
        view = next(v for v in views if v.title == added.name)
        self.main.show_view(view)
        self.notify(f"Saved view {added.name} in {file}", markup=False)

    def _on_sidebar_follow_requested(self, message: Sidebar.FollowRequested) -> None:
        self.add_view(message.name, message.query, show=False)

    def _on_saved_views_changed(self, message: SavedViewsChanged) -> None:
        views = self.saved_views()
        self.main.set_saved_views(views)
        shown = self.main.current_view.key
        if shown.startswith("view:") and shown not in {v.key for v in views}:
            self.main.show_view(ALL)  # it was removed
