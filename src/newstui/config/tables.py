"""The values of feeds.toml's optional tables: `[sync]`, `[[views]]`, `[[filters]]` and the
`[keys]` bindings. Made only when a config has such a table (each dataclass costs ~3.5M
instructions to create); the config's validation imports this module inside the functions that
make them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.model import FilterAction


@dataclass(frozen=True)
class SyncConfig:
    """The `[sync]` table: a Google Reader API server and how to get its password.

    Exactly one of `password_command` (run without a shell), `password_env` or `password` is set.
    """

    url: str
    user: str
    service: str = "greader"
    password_command: str | None = None
    password_env: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: str | None = None  # a PEM file of certificates to trust beside certifi's (expanded)


@dataclass(frozen=True)
class ViewConfig:
    """One `[[views]]` entry: a named query shown in the sources pane like a feed. A query that
    does not parse (one saved by an older version, edited by hand) leaves the view broken:
    `problem` is the one-line warning naming the file, line, view and the problem. `hint`: a
    query that parses but can find nothing (a regular expression), said the same way."""

    name: str
    query: str
    problem: str = ""
    hint: str = ""


@dataclass(frozen=True)
class FilterConfig:
    """One `[[filters]]` entry: articles matching `query` are hidden or marked read on arrival.
    A query that does not parse leaves the filter off (it hides nothing new, and what it hid
    stays hidden): `problem` is the one-line warning naming the file, line, filter and problem.
    `hint`: a query that parses but can match nothing (a regular expression), said the same way."""

    query: str
    action: FilterAction = "hide"
    name: str = ""
    problem: str = ""
    hint: str = ""


@dataclass(frozen=True)
class KeyBinding:
    """One entry of the `[keys]` table: a binding id, its keys, and the line it is on."""

    id: str
    keys: tuple[str, ...]
    line: int = 0
