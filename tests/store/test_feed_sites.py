"""The web site an imported subscription list names for a feed (OPML's htmlUrl), kept until
the feed's first fetch reads its own (r47 L3), given in one pass however many feeds there are."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library


def test_each_feed_lacking_a_site_gets_the_first_one_named_and_others_keep_theirs(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "n.db") as library:
        for n in range(5):
            url = f"https://f{n}.example/rss"
            library.register_source(url, f"Feed {n}", url=url)
        library.register_source("local:/notes", "Notes", kind="local")
        library.keep_site_urls([("https://f0.example/rss", "https://zero.example/")])

        library.keep_site_urls(
            [
                ("https://f0.example/rss", "https://other.example/"),  # has one: kept
                ("https://f1.example/rss", "https://one.example/"),
                ("https://f1.example/rss", "https://later.example/"),  # the first is taken
                ("https://f3.example/rss", "https://three.example/"),
                ("https://nowhere.example/rss", "https://nowhere.example/"),  # no such feed
            ]
        )

        assert library.site_urls() == {
            "https://f0.example/rss": "https://zero.example/",
            "https://f1.example/rss": "https://one.example/",
            "https://f3.example/rss": "https://three.example/",
        }
