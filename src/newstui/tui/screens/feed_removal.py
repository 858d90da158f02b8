"""What `D` asks before it removes a feed: which feed (and why that one, when the Sources pane
does not have the focus) and how many of its articles go."""

from __future__ import annotations

from typing import Literal

from newstui.counts import counted

SourceMeant = Literal["sources", "list", "article"]
"""How the feed was chosen: highlighted in Sources, the feed the headlines list, or the feed of
the selected article."""

_WHICH: dict[SourceMeant, str] = {
    "sources": "",
    "list": "the feed the headlines list",
    "article": "the selected article's feed",
}


def removal_answer(config_name: str | None) -> str:
    """The word of `y` under removal_question's question: its own verb, "remove" from the
    config file, else "delete" (user test r45 L8: "Delete …?" said "y: remove")."""
    return "remove" if config_name else "delete"


def removal_question(
    name: str,
    config_name: str | None,
    articles: int,
    starred: int,
    meant: SourceMeant,
    server: str | None = None,
    aside: str | None = None,
) -> str:
    """The question before a feed goes: its name (with why that feed, outside Sources), the
    config file it leaves (None: it is in none), the articles deleted (starred ones stay, here:
    the server may drop them) and the sync server it is unsubscribed on (None: it is no server
    subscription); `aside`: how a feed set aside after leaving the config is kept ("no longer in
    feeds.toml (kept until …)")."""
    why = ", ".join(part for part in (_WHICH[meant], aside) if part)
    there = f" and unsubscribe it on {server}" if server else ""
    if not articles:
        which = f"{name} ({why})" if why else name
        remove = f"Remove {which} from {config_name}" if config_name else f"Delete {which}"
        return f"{remove}{there}? It has no articles."
    which = f"{name}, {why}," if why else name
    remove = (
        f"Remove {which} from {config_name} and delete" if config_name else f"Delete {which} and"
    )
    there = f",{there}" if there else ""
    if not starred:
        return f"{remove} its {counted(articles, 'article')}{there}?"
    kept = "The starred one is kept" if starred == 1 else f"The {starred:,} starred are kept"
    if server:  # here only: FreshRSS deletes a feed's items, starred ones too (user test r42 L10)
        them = "it" if starred == 1 else "them"
        kept += f" here; {server} may drop {them} with the subscription (FreshRSS does)"
    kept += "."
    return f"{remove} {articles - starred:,} of its {counted(articles, 'article')}{there}? {kept}"
