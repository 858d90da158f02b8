"""The ingest pipeline with a fake fetcher: no server, each URL answers what the test says."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from fake_fetcher import FakeFetcher

from newstui.config import load_config
from newstui.errors import SourceError
from newstui.ingest.configured_sources import prune_sources, sync_sources
from newstui.ingest.pending_analysis import analyse_pending
from newstui.ingest.pipeline import fetch_feeds
from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.stories import STORIES_PER_RUN

FEEDS = Path(__file__).parent / "data" / "feeds"


def write_config(tmp_path: Path, feeds: dict[str, str], extractor: str = "none") -> Path:
    lines = ["[settings]", "fulltext = false", f'extractor = "{extractor}"']
    for name, url in feeds.items():
        lines += ["", "[[feeds]]", f'name = "{name}"', f'url = "{url}"']
    path = tmp_path / "feeds.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_broken_feed_is_reported_and_the_others_are_stored(tmp_path: Path) -> None:
    fake = FakeFetcher(
        pages={
            "https://good.example/rss": (FEEDS / "rss2.xml").read_bytes(),
            "https://down.example/rss": SourceError("https://down.example/rss: timed out"),
        }
    )
    config = load_config(
        write_config(
            tmp_path, {"Good": "https://good.example/rss", "Down": "https://down.example/rss"}
        )
    )
    with Library.open(tmp_path / "n.db") as library:
        outcomes = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
        by_name = {o.name: o for o in outcomes}
        assert by_name["Good"].new == 3 and by_name["Good"].error is None
        assert by_name["Down"].error == "Down: timed out"
        down = library.find_source("Down")
        assert down is not None and library.count(ArticleFilter(feed_id=down)) == 0
        assert {s.name: s.last_error for s in library.sources()}["Down"] == "Down: timed out"


def test_a_config_whose_feeds_all_moved_to_a_sync_server_prunes_nothing(tmp_path: Path) -> None:
    """An emptied [[feeds]] list beside [sync] is no order to delete the configured feeds; one
    feed deleted from a config that lists others still goes."""
    path = write_config(
        tmp_path, {"Kept": "https://a.example/rss", "Gone": "https://b.example/rss"}
    )
    with Library.open(tmp_path / "n.db") as library:
        sync_sources(library, load_config(path))
        write_config(tmp_path, {})
        with path.open("a", encoding="utf-8") as sync:
            sync.write('\n[sync]\nurl = "http://127.0.0.1:9/"\nuser = "me"\npassword_env = "PW"\n')
        assert prune_sources(library, load_config(path)) == []
        assert sorted(s.name for s in library.sources()) == ["Gone", "Kept"]

        write_config(tmp_path, {"Kept": "https://a.example/rss"})
        assert [r.name for r in prune_sources(library, load_config(path))] == ["Gone"]
        assert [s.name for s in library.sources()] == ["Kept"]


def test_a_feed_answering_not_modified_is_not_parsed_again(tmp_path: Path) -> None:
    url = "https://etag.example/rss"
    fake = FakeFetcher(pages={url: (FEEDS / "rss2.xml").read_bytes()}, etags={url: '"v1"'})
    config = load_config(write_config(tmp_path, {"Tagged": url}))
    with Library.open(tmp_path / "n.db") as library:
        [first] = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
        [again] = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
    assert first.new == 3
    assert again.not_modified and again.new == 0
    assert fake.requests == [(url, None), (url, '"v1"')]


SUMMARY = "Ana Lopes said the talks would go on. " * 6
FULL_TEXT = "The talks began on Monday in Nairobi. " * 8 + "Kwame Mensah said they would end."


def stored_article(library: Library, text: str = SUMMARY) -> int:
    """One article in a local source, not yet analysed; its id."""
    from newstui.model import Article

    feed = library.register_source("local:/talks", "Talks", kind="local")
    saved = library.save_batch(
        feed, [Article(title="Talks", text=text, guid="talks", url="https://talks.example/1")]
    )
    [article_id] = saved.changed_ids
    return article_id


def test_an_article_whose_text_is_replaced_while_it_is_analysed_ends_analysed_as_its_new_text(
    tmp_path: Path, monkeypatch
) -> None:
    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.nlp.rules import RulesExtractor

    path = tmp_path / "n.db"
    real_analyse = RulesExtractor.analyse
    replaced: list[str] = []

    def analyse(self: RulesExtractor, text: str, language: str | None = None):
        if not replaced:  # the app's full text (another process) lands while this one runs
            replaced.append(text)
            with Library.open(path) as other:
                other.set_fulltext(article_id, text=FULL_TEXT)
        return real_analyse(self, text, language)

    monkeypatch.setattr(RulesExtractor, "analyse", analyse)
    with Library.open(path) as library:
        article_id = stored_article(library)

        analyse_pending(library, "rules")

        assert replaced == [SUMMARY]
        stored = library.article(article_id)
        assert stored is not None and stored.text == FULL_TEXT
        mentions = {m.text for e in library.analysis(article_id).entities for m in e.mentions}
        assert "Kwame Mensah" in mentions and "Ana Lopes" not in mentions
        assert library.to_analyse(RulesExtractor().version) == []


def test_a_fetch_that_finds_nothing_new_analyses_what_an_interrupted_fetch_left(
    tmp_path: Path,
) -> None:
    from newstui.nlp import get_extractor

    url = "https://etag.example/rss"
    fake = FakeFetcher(pages={url: (FEEDS / "rss2.xml").read_bytes()}, etags={url: '"v1"'})
    config = load_config(write_config(tmp_path, {"Tagged": url}, extractor="rules"))
    version = get_extractor("rules").version
    with Library.open(tmp_path / "n.db") as library:
        [first] = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
        assert first.new == 3 and library.to_analyse(version) == []
        # Stopped (Ctrl-C, SIGTERM) after storing, before analysing: as a new article is stored.
        left = stored_article(library)
        assert library.any_unanalysed()

        [again] = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))

        assert again.not_modified and again.new == 0
        assert library.to_analyse(version) == [] and not library.any_unanalysed()
        assert {e.name for e in library.analysis(left).entities} >= {"Ana Lopes"}


@pytest.mark.parametrize("waiting", [64, 1])
def test_a_small_fetch_loads_no_extractor_here_a_backlog_one_off_the_loop_none_when_unchanged(
    tmp_path: Path, monkeypatch, waiting: int
) -> None:
    """A fetch's 24 new articles are the worker's to analyse: the fetching process loads no
    extractor (user test r52 LOW-5: loaded in both, it cost more than it saved); when articles
    wait for the worker (HERE_WHEN_WAITING) it loads one in a thread, never on the event loop,
    to analyse a share; a fetch where every feed answers 304 loads none (nothing to analyse:
    a refresh of unchanged feeds stays cheap)."""
    import threading

    import newstui.nlp
    from newstui.processes import CpuPool

    monkeypatch.setattr("newstui.ingest.streamed_analysis.HERE_WHEN_WAITING", waiting)
    loads: list[str] = []
    real = newstui.nlp.get_extractor

    def get_extractor(name: str = "rules"):
        loads.append(threading.current_thread().name)
        return real(name)

    monkeypatch.setattr(newstui.nlp, "get_extractor", get_extractor)
    urls = {f"Feed {i}": f"https://f{i}.example/rss" for i in range(8)}  # parsed in a worker
    body = (FEEDS / "rss2.xml").read_bytes()
    fake = FakeFetcher(
        pages=dict.fromkeys(urls.values(), body), etags=dict.fromkeys(urls.values(), '"v1"')
    )
    config = load_config(write_config(tmp_path, urls, extractor="rules"))
    with Library.open(tmp_path / "n.db") as library, CpuPool(1) as pool:
        first = asyncio.run(fetch_feeds(library, config, open_fetcher=fake, pool=pool))
        assert sum(o.new for o in first) == 24
        if waiting > 24:
            assert loads == []
        else:
            assert loads and threading.main_thread().name not in loads
        assert library.to_analyse(real("rules").version) == []  # all analysed, as before
        loads.clear()
        again = asyncio.run(fetch_feeds(library, config, open_fetcher=fake, pool=pool))
    assert all(o.not_modified for o in again)
    assert loads == []


def test_a_cancelled_analysis_stops_its_story_finding_after_the_part_in_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel = threading.Event()
    asked: list[int | None] = []

    def find_stories(library: Library, limit: int | None = None, pause: object = None) -> int:
        asked.append(limit)
        cancel.set()  # the app quits while this part runs
        return 0

    monkeypatch.setattr(Library, "find_stories", find_stories)
    with Library.open(tmp_path / "n.db") as library:
        analyse_pending(library, "rules", cancel=cancel)
    assert len(asked) == 1 and asked[0] is not None and asked[0] < STORIES_PER_RUN
