"""`a` in the app adds with the config it read at its start: a feeds.toml broken since must stop
the add before anything is fetched or stored (r35 second user test M-a: the feed was stored and
listed, then the write was refused)."""

from __future__ import annotations

import pytest

from newstui.config import load_config
from newstui.errors import ConfigError
from newstui.library import Library
from newstui.subscribe import add_feed


def test_an_add_with_a_config_broken_since_it_was_read_stores_nothing(
    db_path, feed_server, config_file
) -> None:
    feed_server.serve_file("/new.xml", "rss2.xml")
    path = config_file({})
    config = load_config(path)  # as the app read it at its start
    path.write_text(path.read_text() + '\n[[feeds]\nname = "Broken"\n')
    before = path.read_bytes()

    with Library.open(db_path) as library:
        with pytest.raises(ConfigError, match="invalid TOML"):
            add_feed(library, config, feed_server.url("/new.xml"), None)
        assert library.find_source(feed_server.url("/new.xml")) is None

    assert path.read_bytes() == before
    assert not [p for p, _ in feed_server.requests if p.endswith("/new.xml")]
