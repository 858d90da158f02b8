"""The `[sync]` table: a Google Reader API server, its user and one way to get the password."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newstui.config.lines import key_line, table_start_line
from newstui.errors import hide_passwords, hide_url_password
from newstui.text import strip_controls

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from newstui.config.tables import SyncConfig


SYNC_SERVICES = ("greader",)
# servers that speak the Google Reader API, by the names users write for `service` (user test
# r51 LOW-11: `service = "freshrss"` was refused without a word on why)
GREADER_SERVERS = ("freshrss", "miniflux", "theoldreader", "bazqux")
# Inoreader's API asks every request for a registered app's AppId/AppKey and takes no new
# ClientLogin apps (OAuth 2.0 only; its Free plan has no API): newstui has neither, so its sync
# would only fail later with a misleading login line (inoreader.com/developers/app-auth and
# /developers/auth)
INOREADER_HOSTS = ("inoreader.com", "innoreader.com")
INOREADER_REFUSED = (
    "Inoreader is not supported: its API needs a registered app's keys (AppId/AppKey) and "
    "OAuth, which newstui does not have; sync with FreshRSS, Miniflux, The Old Reader or BazQux, "
    "or export Inoreader's OPML and run `newstui opml import FILE`"
)


def validate_sync(table: Any, raw: str, fail: Any, config_path: Path | None = None) -> SyncConfig:
    """The `[sync]` table: service, url, user, one way to get the password, and a CA file to
    trust (`ca_file`, relative to the config's folder)."""

    def line(key: str | None = None) -> int:  # looked up only for an error message
        return (key_line(raw, key, "sync") if key else 0) or table_start_line(raw, "sync")

    if not isinstance(table, dict):
        raise fail(line(), "'sync' must be a table ([sync])")
    known = ("service", "url", "user", "password_command", "password_env", "password", "ca_file")
    for key in table:
        if key not in known:
            import difflib

            near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}?" if near else f"it takes {', '.join(known)}"
            raise fail(line(key), f"unknown key {key!r} in [sync] ({hint})")
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise fail(line(key), f"sync {key!r} must be a non-empty string")
    _refuse_sync_controls(table, line, fail)
    service = table.get("service", "greader").strip()
    if re.sub(r"[\W_]", "", service.casefold()) == "inoreader":
        raise fail(line("service"), INOREADER_REFUSED)
    if re.sub(r"[\W_]", "", service.casefold()) in GREADER_SERVERS:
        service = "greader"  # (the one API they all speak)
    if service not in SYNC_SERVICES:
        choices = ", ".join(f'"{name}"' for name in SYNC_SERVICES)
        raise fail(
            line("service"),
            f"sync service must be {choices}, not {service!r}: the Google Reader API, which "
            "FreshRSS, Miniflux, The Old Reader and BazQux speak",
        )
    url = table.get("url", "").strip()
    if not url:
        raise fail(line(), "[sync] has no 'url' (the server's Google Reader API address)")
    # user:password@ (also with no scheme, or a / in the password): refused, never echoed
    if "@" in re.split(r"[?#]", url, maxsplit=1)[0]:
        raise fail(
            line("url"),
            "sync url has a user name or password in it (the part before @): write the url "
            'without it, the user name as user = "…" and the password as password_command, '
            "password_env or password in [sync] (see the README's Sync section)",
        )
    if not re.match(r"(?i)^https?://[^\s/]+", url) or any(c.isspace() for c in url):
        meant = f" (did you mean 'http://{url}'?)" if re.match(r"[\w.-]+(:\d+)?(/|$)", url) else ""
        raise fail(line("url"), f"sync url {hide_url_password(url)!r} is not an http(s) URL{meant}")
    from newstui.sources.urls import host_within

    if host_within((urlsplit(url).hostname or "").rstrip("."), INOREADER_HOSTS):
        raise fail(line("url"), INOREADER_REFUSED)
    user = table.get("user", "").strip()
    if not user:
        raise fail(line(), "[sync] has no 'user'")
    ways = [k for k in ("password_command", "password_env", "password") if k in table]
    if not ways:
        raise fail(line(), "[sync] needs password_command, password_env or password")
    if len(ways) > 1:
        raise fail(
            line(ways[1]),
            f"[sync] takes one of password_command, password_env and password, not {ways[0]} and {ways[1]}",
        )
    ca_file = None
    if "ca_file" in table:
        from newstui.config.ca_files import checked_ca_file

        ca_file = checked_ca_file(
            table["ca_file"],
            config_path,
            lambda problem: fail(line("ca_file"), problem),
            "sync ca_file",
        )
    from newstui.config.tables import SyncConfig

    return SyncConfig(
        url=url,
        user=user,
        service=service,
        password_command=table.get("password_command"),
        password_env=table.get("password_env", "").strip() or None,
        password=table.get("password"),
        ca_file=ca_file,
    )


def _refuse_sync_controls(table: dict[str, str], line: Callable[[str], int], fail: Any) -> None:
    """A `[sync]` value but the password holding control characters is refused: a url was
    shown cleaned, as another url ("http://127.0.0.1:9/x: not an http(s) URL"), and a NUL in
    password_command was a ValueError traceback at sync (hostile r44 L2)."""
    for key, value in table.items():
        if key != "password" and (strip_controls(value) != value or "\n" in value):
            shown = hide_passwords(repr(value))
            raise fail(line(key), f"sync {key} {shown} contains control characters")
