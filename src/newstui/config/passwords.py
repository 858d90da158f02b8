"""Passwords in feeds.toml (a feed's address written with one, `[sync]`'s `password`): whether
it holds one, and the warning when other users can read it."""

from __future__ import annotations

import stat

from newstui.config import Config
from newstui.errors import hide_url_password


def holds_password(config: Config) -> bool:
    """Whether a config file holds a password: a feed's address written with one, or [sync]'s
    `password`."""
    sync = config.sync is not None and config.sync.password is not None
    return sync or any(hide_url_password(f.url) != f.url for f in config.feeds)


def feed_password_warning(config: Config) -> str | None:
    """A warning when feed addresses holding a password sit in a config file other users can
    read (one line for them all: user test r48 LOW-21), None otherwise."""
    holding = [f for f in config.feeds if hide_url_password(f.url) != f.url]
    if not holding:
        return None
    try:
        mode = config.path.stat().st_mode
    except OSError:
        return None
    if not mode & (stat.S_IRGRP | stat.S_IROTH):
        return None
    whose = (
        "a feed in its address"
        if len(holding) == 1
        else f"{len(holding):,} feeds in their addresses"
    )
    return (
        f"{config.path}: holds the password of {whose}, and other users can read it; "
        f"run `chmod 600 {config.path}`"
    )
