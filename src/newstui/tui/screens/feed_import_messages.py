"""The messages of `I`'s import (`feed_importing`): its worker's questions (where the feeds go,
which flag is the star, whether to import with the server unasked), its failure and its result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.message import Message

from newstui.config import Config

if TYPE_CHECKING:
    from newstui.subscription_import import SubscriptionsImported

ImportWay = Literal["ask", "subscribe", "subscribe_new", "rest_here", "all_here"]
"""With [sync], what an import does with the feeds the server lacks: ask which, subscribe them
there (`opml import --subscribe`: those feeds.toml lists too), subscribe there only those feeds.toml
does not list (the others stay fetched here, as an earlier choice kept them: review r53 F7), fetch
them here (`opml import`); or every feed of the list fetched here, the server not asked
(`--here`)."""


@dataclass(eq=False, repr=False)
class FeedsImported(Message):
    """A subscription list was written to the config file (`config`: the file read again)."""

    imported: SubscriptionsImported
    path: Path
    config: Config
    way: ImportWay = "ask"
    # a line each: the feeds the server refused to subscribe to (written here instead),
    # newsboat's cache that did not read (the feeds imported without its marks)
    warnings: list[str] = field(default_factory=list)
    # newsboat's urls file: what came with it ("10 read marks, 3 stars, …"), how many things
    # the command names that did not, and whether the headlines changed (marks given, articles
    # hidden by its ignore-article rules)
    urls: bool = False
    newsboat: str = ""
    not_taken: int = 0
    marked: bool = False


@dataclass(eq=False, repr=False)
class ImportWhere(Message):
    """With [sync], `new` feeds of the list `typed` are neither on the server nor in the config
    file (`synced`: those the server has; `listed`: those the server lacks that the config file
    lists, fetched here): the user says where they go."""

    typed: str
    server: str
    new: int
    synced: int
    star: str | None = None  # the star flag chosen already (Star)
    listed: int = 0


@dataclass(eq=False, repr=False)
class ImportStar(Message):
    """newsboat's cache beside the urls file `typed` has `flagged` articles and nothing says
    which flag is the star (no `…-flag-star` setting, no Starred query feed): the user says
    (`letters`: their flags, most used first), as `opml import --star-flag` does."""

    typed: str
    cache: str
    flagged: int
    letters: tuple[str, ...]


@dataclass(eq=False, repr=False)
class ImportUnasked(Message):
    """The [sync] server, never synced, could not be asked which of the `count` feeds it holds
    (`line`: why, and that nothing was imported): the user may import them here all the same."""

    typed: str
    line: str
    count: int
    star: str | None = None  # the star flag chosen already (ImportStar)


@dataclass(eq=False, repr=False)
class ImportFailed(Message):
    """Importing the path `typed` failed (the worker-error handler says why in one line): the
    box opens again with it, to mend."""

    typed: str
