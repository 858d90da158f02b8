"""The keys the demo (`newstui --demo`) cannot do: it has no config file, feeds or network, so
its footer leaves them out and `?` help and the palette mark them (each still answers "demo
mode: …" when pressed)."""

from __future__ import annotations

NOT_IN_DEMO = frozenset(
    {
        "app.refresh_all",
        "sources.refresh_selected",
        "sources.add",
        "sources.import",
        "sources.remove",
        "sources.follow_moved",
        "article.fetch_fulltext",
        "article.download",
        "app.save_view",
        "sidebar.follow",
    }
)
DEMO_NOTE = " (not in the demo)"


def demo_noted(description: str, binding_id: str | None, unavailable: frozenset[str]) -> str:
    """A key's description, with DEMO_NOTE when its binding is one the demo cannot do."""
    return description + DEMO_NOTE if binding_id in unavailable else description
