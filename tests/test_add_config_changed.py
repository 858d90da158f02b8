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


def test_a_failed_write_keeps_a_source_the_store_held_before(
    db_path, feed_server, tmp_path, monkeypatch
) -> None:
    """Review r35 H1: the source the add was refused for was purged, though the store held it
    before (set aside, a starred article kept)."""
    from newstui import subscribe
    from newstui.model import Article, ArticleFilter

    feed_server.serve_file("/feed", "rss2.xml")
    url = feed_server.url("/feed")
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nfulltext = false\n", "utf-8")
    with Library.open(db_path) as library:
        old = library.register_source(url, "Wire", url=url, configured=True)
        kept = Article(title="Kept story", text="Kept.", guid="k1", url="https://x.example/k1")
        library.bulk_insert(old, [kept])
        [row] = library.articles(ArticleFilter(feed_id=old), limit=None)
        library.mark([row.id], starred=True)
        assert library.set_aside_source(old, "2026-12-05T01:00:00+00:00") is not None

        def refused(*args: object, **kwargs: object) -> None:  # a file not writable, or broken
            raise ConfigError(f"{path}:1: invalid TOML (not written: the file is as it was)")

        monkeypatch.setattr(subscribe, "add_feeds", refused)
        with pytest.raises(ConfigError):
            add_feed(library, load_config(path), url, None)

        assert library.article(row.id) is not None and library.article(row.id).row.starred
