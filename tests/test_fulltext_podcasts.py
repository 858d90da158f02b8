"""Full text and podcasts: the episodes of a podcast feed (every item with an audio or video
enclosure) keep their show notes in "auto" mode, their web pages not fetched; a feed set to
`fulltext = true` (or `fetch --fulltext`) fetches them; a link that is the item's own audio is
never fetched as a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import Cli

from newstui.article_rows import prepare_article
from newstui.fulltext.podcasts import pages_left_alone
from newstui.model import Article, Link

PAGE = (
    "<html><body><nav>Subscribe · Apple Podcasts · Spotify</nav><article><h1>Episode</h1>"
    + "".join(
        f"<p>Paragraph {i} of the show's page, with enough words to read.</p>" for i in range(6)
    )
    + "</article></body></html>"
).encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def episode(base: str, slug: str, mime: str = "audio/mpeg", link: str | None = None) -> str:
    enclosure = f'<enclosure url="{base}/{slug}.mp3" type="{mime}" length="5000"/>' if mime else ""
    return (
        f"<item><title>Episode {slug}</title><guid>{slug}</guid>"
        f"<link>{link or f'{base}/page/{slug}'}</link>"
        f"<description>Show notes of {slug}.</description>{enclosure}</item>"
    )


def serve(feed_server, items: list[str]) -> None:
    body = f'<rss version="2.0"><channel><title>Show</title>{"".join(items)}</channel></rss>'
    feed_server.route("/feed", body=body.encode(), headers={"Content-Type": "application/rss+xml"})
    for slug in ("one", "two", "video", "news"):
        feed_server.route(f"/page/{slug}", body=PAGE, headers=HTML)


def config(tmp_path: Path, feed_server, fulltext: str) -> Path:
    path = tmp_path / "feeds.toml"
    entry = f"fulltext = {fulltext}\n" if fulltext != "inherited" else ""
    path.write_text(
        '[settings]\ntimeout = 5\nfulltext = "auto"\n\n'
        f'[[feeds]]\nname = "Show"\nurl = "{feed_server.url("/feed")}"\n{entry}',
        "utf-8",
    )
    return path


def page_hits(feed_server) -> dict[str, int]:
    return {p: r.hits for p, r in feed_server.routes.items() if p.startswith("/page/")}


@pytest.mark.parametrize("setting", ["inherited", '"auto"'])
def test_a_podcasts_episodes_keep_their_notes_and_their_pages_are_not_fetched(
    db_path, feed_server, tmp_path, capsys, setting
):
    base = feed_server.base
    serve(feed_server, [episode(base, "one"), episode(base, "two", mime="audio/x-m4a"),
                        episode(base, "video", mime="video/mp4")])  # fmt: skip
    run = Cli(db_path, config(tmp_path, feed_server, setting), capsys)
    assert run("fetch") == 0, run.err
    assert set(page_hits(feed_server).values()) == {0}
    assert run.out.strip().splitlines()[-1] == "1 of 1 source ok: 3 new articles, 0 updated"
    one = next(a["id"] for a in run.json("list") if a["title"] == "Episode one")
    shown = run.json("show", str(one))
    assert shown["text"] == "Show notes of one." and shown["fulltext"]["status"] is None


@pytest.mark.parametrize("how", ["feed", "flag"])
def test_a_podcast_set_to_fetch_full_text_gets_its_pages(
    db_path, feed_server, tmp_path, capsys, how
):
    base = feed_server.base
    serve(feed_server, [episode(base, "one"), episode(base, "two")])
    run = Cli(
        db_path, config(tmp_path, feed_server, "true" if how == "feed" else "inherited"), capsys
    )
    assert run("fetch", *(["--fulltext"] if how == "flag" else [])) == 0, run.err
    assert page_hits(feed_server) == {
        "/page/one": 1,
        "/page/two": 1,
        "/page/video": 0,
        "/page/news": 0,
    }
    assert run.out.strip().endswith("full texts: 2 fetched")


def test_in_a_news_feed_an_item_with_audio_gets_its_page_as_every_other(
    db_path, feed_server, tmp_path, capsys
):
    base = feed_server.base
    serve(feed_server, [episode(base, "one"), episode(base, "news", mime="")])
    run = Cli(db_path, config(tmp_path, feed_server, "inherited"), capsys)
    assert run("fetch") == 0, run.err
    assert page_hits(feed_server) == {
        "/page/one": 1,
        "/page/two": 0,
        "/page/video": 0,
        "/page/news": 1,
    }


@pytest.mark.parametrize("setting", ["true", "inherited"])
def test_a_link_that_is_the_items_audio_is_never_fetched_as_a_page(
    db_path, feed_server, tmp_path, capsys, setting
):
    base = feed_server.base
    audio = feed_server.route(
        "/one.mp3", body=b"ID3" + bytes(5000), headers={"Content-Type": "audio/mpeg"}
    )
    serve(
        feed_server, [episode(base, "one", link=f"{base}/one.mp3"), episode(base, "news", mime="")]
    )
    run = Cli(db_path, config(tmp_path, feed_server, setting), capsys)
    assert run("fetch") == 0, run.err
    assert audio.hits == 0  # it said "full text of "Episode one": not an HTML page (audio/mpeg)"
    assert "full text of" not in run.err
    assert page_hits(feed_server)["/page/news"] == 1


def test_an_untyped_enclosure_counts_as_audio_by_its_file_name():
    def prepared(mime: str, url: str) -> object:
        enclosure = Link(mime, url, "enclosure")
        return prepare_article(
            Article("E", "notes", url="https://pod.example/page", links=[enclosure])
        )

    for mime, url in [("enclosure", "https://pod.example/e.mp3"), ("application/octet-stream", "https://pod.example/e.m4a?x=1")]:  # fmt: skip
        assert pages_left_alone([prepared(mime, url)], "auto") == {"https://pod.example/page"}  # type: ignore[list-item]
    assert (
        pages_left_alone([prepared("application/pdf", "https://pod.example/e.pdf")], "auto")
        == set()
    )  # type: ignore[list-item]
