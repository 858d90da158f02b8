"""`newstui add https://site/`: a web page's announced feed is followed, a choice is offered when
there are several, and a page without one is one clear line."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import io
import json

import pytest
from test_cli import cli, empty_config, no_user_paths, one_line  # noqa: F401

from newstui.config import load_config


def page(*links: tuple[str, str, str]) -> bytes:
    heads = "".join(
        f'<link rel="alternate" type="{kind}" title="{title}" href="{href}">'
        for kind, title, href in links
    )
    return f"<!DOCTYPE html><html><head><title>Site</title>{heads}</head><body>Hi</body></html>".encode()


def serve_page(server, path: str, body: bytes) -> None:
    server.route(path, body=body, headers={"Content-Type": "text/html; charset=utf-8"})


@pytest.fixture
def site(feed_server):
    """A site whose pages link to the test wire (RSS) and lab (Atom) feeds."""
    feed_server.serve_file("/feeds/wire.xml", "rss2.xml")
    feed_server.serve_file("/feeds/lab", "atom.xml", "application/atom+xml")
    return feed_server


@pytest.fixture
def two_feeds(site):
    """The site's home page announces both feeds."""
    serve_page(
        site,
        "/",
        page(
            ("application/rss+xml", "Wire", "/feeds/wire.xml"),
            ("application/atom+xml", "Lab", "/feeds/lab"),
        ),
    )
    return site


def test_add_of_a_page_follows_its_feed_link_resolving_a_relative_href(cli, site):
    serve_page(site, "/news/", page(("application/rss+xml", "Wire", "../feeds/wire.xml")))

    assert cli("add", site.url("/news/")) == 0, cli.err

    [feed] = load_config(cli.config).feeds
    assert feed.url == site.url("/feeds/wire.xml") and feed.name == "Test Wire"
    assert f"links to the RSS feed {site.url('/feeds/wire.xml')} (Wire)" in cli.out
    assert len(cli.json("list")) == 3


def test_add_of_a_page_without_a_feed_link_is_one_clear_line(cli, feed_server):
    serve_page(feed_server, "/about", page(("text/html", "French", "/fr/")))
    before = cli.config.read_text("utf-8")

    assert cli("add", feed_server.url("/about")) == 1

    assert one_line(cli.err) == (
        f"newstui: {feed_server.url('/about')}: this is an HTML page, not a feed "
        "(no feed link found)"
    )
    assert cli.config.read_text("utf-8") == before
    assert cli.json("feeds") == []
    # a Wi-Fi login page answering a feed's address: where it led is named (user test r46 L1)
    feed_server.route("/new.xml", status=302, headers={"Location": "/about?orig=x"})
    feed_server.routes["/about?orig=x"] = feed_server.routes["/about"]
    assert cli("add", feed_server.url("/new.xml")) == 1
    assert one_line(cli.err) == (
        f"newstui: {feed_server.url('/new.xml')}: redirected to {feed_server.url('/about?orig=x')}, "
        "an HTML page, not a feed (no feed link found; a Wi-Fi login page?)"
    )


def test_a_page_offering_only_unsafe_links_has_no_feed(cli, feed_server):
    serve_page(feed_server, "/x", page(("application/rss+xml", "js", "javascript:alert(1)")))

    assert cli("add", feed_server.url("/x")) == 1
    assert "this is an HTML page, not a feed" in one_line(cli.err)


def test_several_feeds_without_a_terminal_fail_listing_each_with_the_command_to_add_it(
    cli, two_feeds
):
    site = two_feeds
    before = cli.config.read_text("utf-8")

    assert cli("add", site.url("/")) == 1

    lines = cli.err.strip().splitlines()
    assert lines[0] == (
        f"newstui: {site.url('/')}: this page links to 2 feeds; add one of them by its URL:"
    )
    assert lines[1].split() == ["newstui", "add", site.url("/feeds/wire.xml"), "#", "Wire", "(RSS)"]
    assert lines[2].split() == ["newstui", "add", site.url("/feeds/lab"), "#", "Lab", "(Atom)"]
    assert cli.config.read_text("utf-8") == before

    assert cli("add", site.url("/feeds/lab")) == 0  # as the error says
    assert [f.url for f in load_config(cli.config).feeds] == [site.url("/feeds/lab")]


def test_several_feeds_with_json_give_an_error_object_listing_them(cli, two_feeds):
    site = two_feeds

    assert cli("add", site.url("/"), "--json") == 1

    answer = json.loads(cli.out)
    assert "links to 2 feeds" in answer["error"]
    assert (answer["kind"], answer["source"]) == ("input", site.url("/"))
    assert [f["url"] for f in answer["feeds"]] == [
        site.url("/feeds/wire.xml"),
        site.url("/feeds/lab"),
    ]


class Terminal(io.StringIO):
    """Standard input that says it is a terminal, with the user's answers in it."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("user", ["", "me:s3cret@"])
def test_several_feeds_on_a_terminal_ask_which_to_add(cli, two_feeds, monkeypatch, user):
    """A page's address with a password: the question shows it as *** (r45 H4), the feed chosen
    keeps it in feeds.toml."""
    url = two_feeds.url
    monkeypatch.setattr("sys.stdin", Terminal("7\n2\n"))

    assert cli("add", url("/").replace("//", f"//{user}")) == 0, cli.err

    shown = user.replace("s3cret", "***")
    assert f"{url('/').replace('//', f'//{shown}')} links to 2 feeds:" in cli.err
    assert f"1. Wire (RSS) {url('/feeds/wire.xml').replace('//', f'//{shown}')}" in cli.err
    assert f"2. Lab (Atom) {url('/feeds/lab').replace('//', f'//{shown}')}" in cli.err
    assert "type a number from 1 to 2" in cli.err and "s3cret" not in cli.out + cli.err
    added = url("/feeds/lab").replace("//", f"//{user}")
    assert [f.url for f in load_config(cli.config).feeds] == [added]


def test_quitting_the_question_adds_nothing(cli, two_feeds, monkeypatch):
    site = two_feeds
    before = cli.config.read_text("utf-8")
    monkeypatch.setattr("sys.stdin", Terminal("q\n"))

    assert cli("add", site.url("/")) == 1

    assert cli.err.strip().splitlines()[-1] == f"newstui: {site.url('/')}: nothing added"
    assert cli.config.read_text("utf-8") == before


def test_a_feed_found_on_a_page_that_is_already_configured_is_refused(cli, site):
    assert cli("add", site.url("/feeds/wire.xml"), "--name", "Wire") == 0
    serve_page(site, "/", page(("application/rss+xml", "Wire", "/feeds/wire.xml")))

    assert cli("add", site.url("/")) == 1
    assert "already configured as 'Wire'" in cli.err.strip().splitlines()[-1]


def test_a_feed_served_as_text_html_is_still_added_as_a_feed(cli, feed_server):
    feed_server.serve_file("/mislabelled", "rss2.xml", "text/html; charset=utf-8")

    assert cli("add", feed_server.url("/mislabelled"), "--name", "Wire") == 0, cli.err
    assert len(cli.json("list")) == 3


def test_add_of_an_address_nobody_answers_says_so_in_plain_words(cli):
    from tests.ports import refused_port

    port = refused_port()
    url = f"http://127.0.0.1:{port}/feed.xml"

    assert cli("add", url) == 1

    line = one_line(cli.err)
    assert line.startswith(
        f"newstui: {url}: cannot connect to 127.0.0.1:{port}: connection refused"
    )
    assert "Errno" not in line and "(not added to" in line


def test_a_page_whose_other_feeds_are_configured_adds_the_one_left_without_asking(cli, two_feeds):
    """Both feeds were offered, the one already in feeds.toml too ("add which?", then "already
    configured")."""
    assert cli("add", two_feeds.url("/feeds/wire.xml"), "--name", "Wire") == 0

    assert cli("add", two_feeds.url("/")) == 0, cli.err

    assert [f.url for f in load_config(cli.config).feeds] == [
        two_feeds.url("/feeds/wire.xml"),
        two_feeds.url("/feeds/lab"),
    ]
    assert f"links to the Atom feed {two_feeds.url('/feeds/lab')} (Lab)" in cli.out


def test_a_page_whose_feeds_are_all_configured_names_them_in_one_line(cli, two_feeds):
    assert cli("add", two_feeds.url("/feeds/wire.xml"), "--name", "Wire") == 0
    assert cli("add", two_feeds.url("/feeds/lab"), "--name", "Lab") == 0
    before = cli.config.read_text("utf-8")

    assert cli("add", two_feeds.url("/")) == 1

    assert one_line(cli.err) == (
        f"newstui: {cli.config}: {two_feeds.url('/')}: every feed it links to is already "
        "configured as 'Wire', 'Lab'"
    )
    assert cli.config.read_text("utf-8") == before
