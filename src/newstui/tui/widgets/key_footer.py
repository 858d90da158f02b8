"""The footer: the keys in effect, in the app's order; on a narrow terminal the least important
give way, so quit, help and refresh always show (the demo leaves out what it cannot do)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widget import Widget

from newstui.tui.screens.keyed_box import QUIT, named_keys

try:  # Textual has no public name for a footer's key (its CSS type, FooterKey, is public)
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey
except ImportError as missing:  # a Textual outside pyproject's range moved it: say so, clearly
    import textual

    raise ImportError(
        "newstui's footer needs Textual's FooterKey (textual.widgets._footer), which Textual "
        f"{textual.__version__} does not have: install the Textual version newstui names "
        "(pyproject.toml: textual>=8.0,<9)"
    ) from missing

# Binding ids by importance: the last to go when the footer is too narrow. Ids not listed (what
# the focused pane offers: Sources' Fold…) come after ESSENTIAL and FIRST_EXTRAS.
ADD_FEED = "sources.add"  # offered in the footer while the store holds no article
CHOOSE = "list.choose"  # Enter in a list: in the footer for the lists that ask for it
ESSENTIAL = (
    "app.quit",
    "app.help",
    ADD_FEED,
    "app.refresh_all",
    "headlines.open",
    "reader.back",
    "app.search",
)
# The open episode's own keys (user test r42 M3: they were not offered), then moving on: at 80
# columns an episode shows them and n, not e and s (r42 appfix-b); at 60, the episode's two
# rather than n, which every article has and `?` lists.
# The sidebar's own keys next, before `n` and the marks, which every pane has: at 80×24 its
# footer kept n, m, s and left out `w` (user test r53 LOW-5).
FIRST_EXTRAS = (
    "article.download",
    "article.play",
    "sidebar.speaker_quotes",
    "sidebar.follow",
    CHOOSE,
    "headlines.next_unread",
    "reader.find",
)
# Keys shown both or neither: `P Play` alone (it streams) hid that `d` keeps the episode (r43).
TOGETHER = ("article.download", "article.play")
# The article's marks and the layout, then the full text (the reader's note names it too).
EXPENDABLE = (
    "article.toggle_read",
    "article.toggle_star",
    "sidebar.toggle",
    "article.fetch_fulltext",
)


def footer_key_width(key_display: str, description: str) -> int:
    """Cells one compact footer key takes: key, space, description, the gap after it."""
    return len(key_display) + (1 + len(description) if description else 0) + 1


def keys_that_fit(keys: list[tuple[str | None, int]], width: int) -> list[int]:
    """Indices of the (binding id, cells) keys to show in `width` cells, in their own order:
    all of them when they fit, else the most important that do (TOGETHER's both or neither)."""
    if width <= 0 or sum(cells for _, cells in keys) - 1 <= width:
        return list(range(len(keys)))

    ranked = (*ESSENTIAL, *FIRST_EXTRAS)

    def importance(index: int) -> int:
        binding_id = keys[index][0]
        if binding_id in ranked:
            return ranked.index(binding_id)
        if binding_id in EXPENDABLE:
            return len(ranked) + 1 + EXPENDABLE.index(binding_id)
        return len(ranked)

    together = [n for n, (binding_id, _) in enumerate(keys) if binding_id in TOGETHER]
    chosen: list[int] = []
    used = -1  # no gap after the last key
    for index in sorted(range(len(keys)), key=importance):
        if index in chosen or (index in together and index != together[0]):
            continue  # (the pair is weighed once, at its first key)
        unit = together if index in together else [index]
        cells = sum(keys[n][1] for n in unit)
        if used + cells <= width:
            chosen += unit
            used += cells
    return sorted(chosen)


@cache
def _table_order(cls: type) -> dict[str, int]:
    """Each binding id's place in a class's key table as Textual merges it with its bases'
    (DOMNode._merge_bindings: by key, a base's first, a class's own key taking the base's)."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        if not getattr(base, "_inherit_bindings", True):
            keys.clear()
        for key, bindings in BindingsMap(base.__dict__.get("BINDINGS", [])).key_to_bindings.items():
            keys[key] = bindings
    order: dict[str, int] = {}
    for bindings in keys.values():
        for binding in bindings:
            if binding.id:
                order.setdefault(binding.id, len(order))
    return order


class KeyFooter(Footer):
    """Textual's compact footer, keeping the most important keys when they do not all fit;
    the keys of `unavailable` binding ids (the demo's: demo_keys.NOT_IN_DEMO) are left out."""

    def __init__(
        self, unavailable: frozenset[str] = frozenset(), keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.unavailable = unavailable
        self.keymap: Mapping[str, str] = keymap or {}  # the app's (tooltips name its keys)

    def compose(self) -> ComposeResult:
        # one key widget per action (this app has no groups), in the tables' own order
        keys = sorted(super().compose(), key=self._default_place())
        if getattr(self.screen, "nothing_stored", False):  # (the main screen's: see there)
            keys[:0] = self._key_of(ADD_FEED)
        # a list that offers its Enter here (the sidebar's: "⏎ Articles")
        if isinstance(shown_as := getattr(self.screen.focused, "CHOOSE_IN_FOOTER", None), str):
            keys[:0] = self._key_of(CHOOSE, shown_as)
        # the keys on the article shown that apply to it (the main screen's: d and P on an
        # episode, f on a teaser), before help
        offered: tuple[str, ...] = getattr(self.screen, "footer_article_keys", ())
        if extra := [key for binding_id in offered for key in self._key_of(binding_id)]:
            at = next(
                (n for n, k in enumerate(keys) if getattr(k, "action", "") == "help"), len(keys)
            )
            keys[at:at] = extra
        bindings = [b for _, b, _, _ in self.screen.active_bindings.values()]
        shown = (ADD_FEED, CHOOSE, *offered)
        ids = {b.action: b.id for b in bindings if b.show or b.id in shown}
        keys = [k for k in keys if ids.get(getattr(k, "action", "")) not in self.unavailable]
        sizes = [
            (
                ids.get(getattr(key, "action", "")),
                footer_key_width(getattr(key, "key_display", ""), getattr(key, "description", "")),
            )
            for key in keys
        ]
        for index in keys_that_fit(sizes, self.size.width):
            key = keys[index]
            if isinstance(key.tooltip, str):  # "{confirm.yes}" as the user's yes key
                key.tooltip = named_keys(key.tooltip, self.keymap)
            yield key

    def _default_place(self) -> Callable[[Widget], tuple[int, int]]:
        """A footer key's place as no keymap moves it: by the node whose key it is (the focused
        pane's first, the app's last), then by its place in that node's class's table. Textual
        puts a binding the keymap gives a key at its node's end (user test r48 L4: `Q Quit`
        moved before `R Refresh` when [keys] gave refresh ^R); quit is last."""
        nodes: dict[int, int] = {}
        places: dict[str, tuple[int, int]] = {}
        for node, binding, _, _ in self.screen.active_bindings.values():
            rank = nodes.setdefault(id(node), len(nodes))
            table = _table_order(type(node))
            # quit last, as every box puts it (KeyedBox.active_bindings)
            at = (
                len(table) + 1 if binding.id == QUIT.id else table.get(binding.id or "", len(table))
            )
            places.setdefault(binding.action, (rank, at))

        def place(key: Widget) -> tuple[int, int]:
            return places.get(getattr(key, "action", ""), (len(nodes), 0))

        return place

    def _key_of(self, binding_id: str, description: str = "") -> list[FooterKey]:
        """The footer's key for a binding in effect that the footer does not show by itself:
        the add-a-feed key (`a`, or the user's) while the store is empty, the one key a new
        user needs (user test r38 L8), or a list's Enter (L11)."""
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.id == binding_id and binding.id not in self.unavailable:
                key = FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    description or binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=binding.tooltip,
                )
                return [key.data_bind(compact=Footer.compact)]
        return []

    async def recompose(self) -> None:
        """Show the keys in effect with the key widgets shown already: each takes its new key
        in place, those left over go and only the missing ones are mounted. Textual's footer
        removes and mounts every key at each change of focus or of the keys in effect (each
        key a widget to style, compose and lay out: most of what Enter and q cost the UI)."""
        if not self.is_attached or self._pruning:
            return
        composed = list(self.compose())
        wanted = [key for key in composed if type(key) is FooterKey]
        shown = [key for key in self.children if type(key) is FooterKey]
        if len(wanted) < len(composed) or len(shown) < len(self.children):
            await super().recompose()  # (grouped keys and labels: Textual's own way)
            return
        with self.app.batch_update():
            for old, new in zip(shown, wanted, strict=False):
                _take_over(old, new)
            if len(shown) > len(wanted):
                await self.remove_children(shown[len(wanted) :])
            elif len(wanted) > len(shown):
                await self.mount_all(wanted[len(shown) :])

    def bindings_changed(self, screen: Screen) -> None:
        """The keys in effect changed (the focus moved): show them in the frame that shows the
        move, not in one more after it (Textual's footer waits for the next refresh, so that
        Enter and q laid out and drew the whole screen twice)."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_later(self.recompose)

    def on_mount(self) -> None:
        # Mounted after the first paint (see MainScreen), when the screen has announced its
        # bindings already: list them now rather than at the next change.
        self.bindings_changed(self.screen)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)


def _take_over(shown: FooterKey, new: FooterKey) -> None:
    """A footer key shown takes what a new one would show (nothing happens when it shows that
    already): its key, its words, its action, whether it is disabled and its tooltip."""
    now = (shown.key, shown.key_display, shown.description, shown.action, shown._disabled)
    then = (new.key, new.key_display, new.description, new.action, new._disabled)
    if shown.tooltip != new.tooltip:
        shown.tooltip = new.tooltip
    if now == then:
        return
    shown.key, shown.key_display, shown.description, shown.action = then[:4]
    shown._disabled = new._disabled
    shown.set_class(new._disabled, "-disabled")
    shown.refresh(layout=True)
