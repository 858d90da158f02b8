"""A password written in a feed's URL (`http://me:secret@host/feed`) is shown as `***` wherever
the URL is displayed (names made from it, error lines, `feeds`), and kept where it is used: the
fetch and the OPML export."""

from __future__ import annotations

import json
import stat

import pytest

from newstui.cli.main import main
from newstui.config import load_config
from newstui.errors import ConfigError, SourceError, hide_passwords, hide_url_password
from newstui.library import Library
from newstui.sources.urls import is_http_url
from newstui.subscribe import not_a_feed_url

# Each shape of r45's hostile run (H3, H4) that once printed the password whole, or its tail.
PASSWORD_SHAPES = [
    ("http://me:s3cret@example.com/feed", "http://me:***@example.com/feed"),
    ("me:s3cret@example.com/feed", "me:***@example.com/feed"),
    ("me:s3cret@127.0.0.1:8080/feed", "me:***@127.0.0.1:8080/feed"),
    (":s3cret@example.com/feed", ":***@example.com/feed"),
    ("http://me:s3c ret@example.com/feed", "http://me:***@example.com/feed"),
    ("http://me:s3c\tret@127.0.0.1:9/feed", "http://me:***@127.0.0.1:9/feed"),
    ("me:s3c ret@example.com/feed", "me:***@example.com/feed"),
    ("http://us er:s3cret@example.com/feed", "http://us er:***@example.com/feed"),
    ("me:s3c@ret@example.com/feed", "me:***@example.com/feed"),
    ("http://me:s3c@ret@127.0.0.1:9/feed", "http://me:***@127.0.0.1:9/feed"),
    ("me:s3c#ret@example.com/feed", "me:***@example.com/feed"),
    ("http://me:s3c\\ret@example.com/feed", "http://me:***@example.com/feed"),
    ("http://me:s3c\\ret x@example.com/feed", "http://me:***@example.com/feed"),  # (r46 L3)
    ("me:s3c\\ret x@example.com/feed", "me:***@example.com/feed"),
    ("http://me:s3c'ret@example.com/feed", "http://me:***@example.com/feed"),
    ("http://me:s3c/ret@example.com/feed", "http://me:***@example.com/feed"),
    ("http://me:s3c/re t@example.com/feed", "http://me:***@example.com/feed"),
    ("http://me:s3c?ret@example.com/feed", "http://me:***@example.com/feed"),
    ("http:/me:s3cret@example.com/feed", "http:/me:***@example.com/feed"),
    ("//me:s3cret@example.com/feed", "//me:***@example.com/feed"),
    ("https//me:s3cret@example.com/feed", "https//me:***@example.com/feed"),
    ("HTTP ://me:s3cret@example.com/feed", "HTTP ://me:***@example.com/feed"),
    ("http:\\\\me:s3cret@example.com/feed", "http:\\\\me:***@example.com/feed"),
    ("httpss://me:s3cret@example.com/feed", "httpss://me:***@example.com/feed"),
    ("http://me:s3cret@", "http://me:***@"),
    ("http://me:s3cret@/feed", "http://me:***@/feed"),
    ("http://me:\\s3cret@example.com/feed", "http://me:***@example.com/feed"),  # (r46 H1)
    ("me:\\s3cret@127.0.0.1:8080/feed", "me:***@127.0.0.1:8080/feed"),
    ("http://me:s3c@re t@example.com/feed", "http://me:***@example.com/feed"),
    # a line break or a control, which a line's cleaning turns into a space or takes out (r46 L8)
    ("http://me:s3c\nret@example.com/feed", "http://me:***@example.com/feed"),
    ("http://me:s3c\rret@example.com/feed", "http://me:***@example.com/feed"),
    ("me:s3c\x0bret@example.com/feed", "me:***@example.com/feed"),
    ("me:s3c\x85ret@example.com/feed", "me:***@example.com/feed"),
    # a user name longer than free text's patterns read (review r46 L2)
    (f"socks5h://{'u' * 300}:s3cret@127.0.0.1:9", f"socks5h://{'u' * 300}:***@127.0.0.1:9"),
    # a password longer than those patterns read, holding a slash or white space (r47)
    (f"http://me:s3c/{'r' * 300}@example.com/feed", "http://me:***@example.com/feed"),
    (f"http://me:s3c {'r' * 300}@example.com/feed", "http://me:***@example.com/feed"),
    (f"me:s3c {'r' * 300}@example.com/feed", "me:***@example.com/feed"),
]


# (a password with a space and no scheme before it reads as prose in a line: "NPR:Morning
# Edition @ 6"; it is hidden where the text is an address as written: hide_url_password)
SPACED_WITHOUT_SCHEME = {"me:s3c ret@example.com/feed", "me:s3c\\ret x@example.com/feed"}
# (and after a scheme, one holding an `@` before its white space: in a line, prose may follow a
# URL's host, "http://me:pw@host, or mail me@x.org")
SPACED_WITHOUT_SCHEME.add("http://me:s3c@re t@example.com/feed")
# (and one of over 256 characters: free text's patterns read that far only, as what lies further
# after a `user:` in a line is prose more often than a password's end)
ADDRESS_ONLY = {*SPACED_WITHOUT_SCHEME, *(url for url, _ in PASSWORD_SHAPES[-3:])}


@pytest.mark.parametrize(("url", "shown"), [s for s in PASSWORD_SHAPES if s[0] not in ADDRESS_ONLY])
@pytest.mark.parametrize(
    "line",
    ["{}", "error: {}: not an http(s) URL", "f.toml:3: url '{}' is not", 'outline "A" ({}): x'],
)
def test_hide_passwords_hides_every_shape_of_password_in_a_url_and_only_it(url, shown, line):
    assert hide_passwords(line.format(url)) == line.format(shown)


@pytest.mark.parametrize(("url", "shown"), PASSWORD_SHAPES)
@pytest.mark.parametrize("written", ["{}", " {}", '"{}"'])
def test_an_address_as_written_hides_every_shape_of_password(url, shown, written):
    assert hide_url_password(written.format(url)) == written.format(shown)


# Names, titles and lines that hold no URL: each once lost a part to `***` (review r45 H2)
NOT_URLS = [
    "AWS re:Invent recap @ Las Vegas",
    "Ep.12:Live @ the Roxy",
    "NPR:Morning Edition @ 6",
    "Q&A: ask me @ 5",
    "Re: meeting @ noon",
    "10:30 @ the park",
    "Time 12:00 call bob@x.org",
    "Tickets: 19:30 show, write to box.office@theatre.example",
    "feed 'NPR:Morning Edition @ 6': HTTP 404 Not Found",
    # an address with no port or path after its host (review r46 L3)
    "Email:info@acme.com",
    "Contact sip:alice@example.com or xmpp:bob@jabber.org.",
    "Score 2:1@home",
    "feed 'Write to Email:info@acme.com': HTTP 404 Not Found",
]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "http://me:s3cr:et@host:8080/f?a=b@c failed; see https://you:pw@other/ and a@b.example",
            "http://me:***@host:8080/f?a=b@c failed; see https://you:***@other/ and a@b.example",
        ),
        ("https://me@host/feed", "https://me@host/feed"),  # no password
        ("Note: ask me@x.org, mailto:me@x.org <a@b>", "Note: ask me@x.org, mailto:me@x.org <a@b>"),
        *((text, text) for text in NOT_URLS),
        # what a proxy's 407 tells to write (hostile r47 L2: `USER:***@`, so to type `***`)
        ("(a user and password: http_proxy=http://USER:PASSWORD@[::1]:3128)",) * 2,
        (
            "https://medium.com/@me/feed https://h:8080/@me http://[::1]/a@b http://[::1]:80/a@b",
            "https://medium.com/@me/feed https://h:8080/@me http://[::1]/a@b http://[::1]:80/a@b",
        ),
    ],
)
def test_hide_passwords_leaves_what_holds_no_password(text, shown) -> None:
    assert hide_passwords(text) == shown


def test_an_error_hides_the_password_of_its_message_and_source() -> None:
    error = SourceError("http://me:pw@h/x: HTTP 404 Not Found", source="http://me:pw@h/x")
    assert (str(error), error.source) == (
        "http://me:***@h/x: HTTP 404 Not Found",
        "http://me:***@h/x",
    )


def feeds_with_passwords(tmp_path, db_path, feed_server, *, named: bool):
    """A served feed and a missing one, with a password in their URLs (`named`: each named by its
    URL, as `add` once wrote them); their URLs and the CLI's --db/--config arguments."""
    feed_server.serve_file("/ok", "rss2.xml")
    good = feed_server.url("/ok").replace("://", "://me:s3cret@")
    gone = feed_server.url("/gone").replace("://", "://me:s3cret@")
    config = tmp_path / "feeds.toml"
    entries = (
        f'\n[[feeds]]\nurl = "{u}"\n' + (f'name = "{u}"\n' if named else "") for u in (good, gone)
    )
    config.write_text("[settings]\nfulltext = false\n" + "".join(entries), "utf-8")
    return good, gone, ["--db", str(db_path), "--config", str(config)]


def test_a_password_in_a_feed_url_is_shown_as_stars_and_still_sent(
    tmp_path, db_path, feed_server, capsys
) -> None:
    good, gone, run = feeds_with_passwords(tmp_path, db_path, feed_server, named=False)

    assert main([*run, "fetch"]) == 3  # one of two failed
    out, err = capsys.readouterr()
    assert "s3cret" not in out + err
    assert "me:***@" in err and "404" in err and err.count("/gone") == 1  # said once
    [(_, headers)] = [r for r in feed_server.requests if r[0] == "/ok"]
    assert headers.get("Authorization", "").startswith("Basic ")  # the stored URL is used

    assert main([*run, "feeds", "--json"]) == 0
    listed = capsys.readouterr().out
    assert "s3cret" not in listed
    assert {f["url"] for f in json.loads(listed)} == {
        u.replace("s3cret", "***") for u in (good, gone)
    }
    assert main([*run, "feeds"]) == 0
    assert "s3cret" not in capsys.readouterr().out

    assert main([*run, "opml", "export"]) == 0
    assert f'xmlUrl="{good}"' in capsys.readouterr().out  # an export round-trips the URL


def test_a_feed_named_by_its_url_with_the_password_shows_stars_in_every_listing(
    tmp_path, db_path, feed_server, capsys
) -> None:
    # `add` used to write the URL, password and all, as the feed's name in feeds.toml.
    good, gone, run = feeds_with_passwords(tmp_path, db_path, feed_server, named=True)

    assert main([*run, "fetch", "--json"]) == 3
    out, err = capsys.readouterr()
    assert "s3cret" not in out + err
    assert {r["source"] for r in json.loads(out)} == {
        u.replace("s3cret", "***") for u in (good, gone)
    }
    for command in (["list"], ["list", "--json"], ["show", "1"], ["feeds"], ["cleanup"]):
        assert main([*run, *command]) == 0
        out, err = capsys.readouterr()
        assert "s3cret" not in out + err, command
    assert main([*run, "fetch", good]) == 0  # the stored URL still names it
    assert main([*run, "opml", "export"]) == 0
    assert f'xmlUrl="{good}"' in capsys.readouterr().out


SYNC = """[settings]
fulltext = false

[sync]
url = "{url}"
user = "u"
password_env = "NEWSTUI_TEST_SYNC_PASSWORD"
"""


@pytest.mark.parametrize(
    "url",
    ["http://u:secret@127.0.0.1:9/api", "ftp://u:secret@127.0.0.1:9/api", "u:secret@host/api"],
)
@pytest.mark.parametrize(
    "command", [["sync"], ["sync", "--json"], ["sync", "login"], ["fetch"], ["feeds"], []]
)
def test_a_sync_url_with_a_password_is_refused_in_one_line_that_never_shows_it(
    tmp_path, capsys, monkeypatch, url, command
):
    """It never logged in on FreshRSS (HTTP 401), and for an ftp:// url two messages printed
    it whole, the password too (config: "sync url 'ftp://u:secret@…' is not an http(s) URL")."""
    monkeypatch.setattr("newstui.tui.app.run_app", lambda *a, **k: pytest.fail("app started"))
    config = tmp_path / "feeds.toml"
    config.write_text(SYNC.format(url=url), "utf-8")
    Library.open(tmp_path / "n.db").close()

    code = main(["--db", str(tmp_path / "n.db"), "--config", str(config), *command])

    out, err = capsys.readouterr()
    assert code == 1
    assert "secret" not in out + err
    said = json.loads(out)["error"] if "--json" in command else err.removeprefix("newstui: ")
    assert said == (
        f"{config}:5: sync url has a user name or password in it (the part before @): write the "
        'url without it, the user name as user = "…" and the password as password_command, '
        "password_env or password in [sync] (see the README's Sync section)\n"
    ).removesuffix("\n" if "--json" in command else "")


def test_the_sync_client_names_a_url_it_refuses_without_its_password():
    from newstui.sync.client import GReaderClient, SyncError

    with pytest.raises(SyncError) as refused:
        GReaderClient("ftp://u:secret@host/api", "u", lambda: "pw")
    assert str(refused.value) == "ftp://host/api: the sync url is not an http(s) URL"


REFUSED_SHAPES = [  # (the config takes the others: http(s) URLs a fetch reads)
    (u, s) for u, s in PASSWORD_SHAPES[1:] if not any(c in u for c in ("ret@1", "\\r", "'r"))
]


@pytest.mark.parametrize(
    ("url", "shown"), [*REFUSED_SHAPES, ("ftp://me:s3cret@h/f", "ftp://me:***@h/f")]
)
def test_a_feed_url_refused_by_the_config_never_shows_its_password(tmp_path, url, shown) -> None:
    """appfix-d r44: `url = "me:s3cret@host/feed"` (no scheme) was refused with the password in
    the line, and in the `http://…` it suggests; r45 H3/H4/M4: other shapes too, and those with
    white space or no host were taken, and refused by every fetch with no line named."""
    config = tmp_path / "feeds.toml"
    config.write_text(f"[[feeds]]\nurl = {json.dumps(url)}\n", "utf-8")
    try:  # (an http(s) url no fetch reads is a warning: review r45 M1)
        [said] = load_config(config).warnings
    except ConfigError as refused:
        said = str(refused)
    assert said.startswith(f"{config}:1: feed url {shown!r} ")
    assert "s3c" not in said


@pytest.mark.parametrize(("url", "shown"), PASSWORD_SHAPES[1:])
def test_add_refuses_an_address_without_showing_its_password(url, shown) -> None:
    """`add` and the app's `a` said each of these, password and all (r45 H4)."""
    said = not_a_feed_url(url)
    assert "s3c" not in said and said.startswith(shown)


@pytest.mark.parametrize(
    "url",
    [a for u, _ in PASSWORD_SHAPES if is_http_url(a := u.replace("example.com", "127.0.0.1:9"))],
)
def test_add_fails_to_fetch_an_address_without_showing_its_password(tmp_path, capsys, url) -> None:
    """r46 H1: of `http://me:s3c/ret@host/feed` (a / ends the port) `add` and `add --json`
    said httpx's "Invalid port: 's3c'", a password's start. The app's `a` fetches the same way."""
    run = ["--db", str(tmp_path / "n.db"), "--config", str(tmp_path / "feeds.toml")]
    assert main([*run, "add", url]) == 1
    assert main([*run, "add", "--json", url]) == 1
    out, err = capsys.readouterr()
    assert "s3c" not in out + err and err.startswith("newstui: http://me:***@127.0.0.1:9/feed: ")
    if "/ret" in url or "?ret" in url:
        assert "has a port that is no number" in json.loads(out)["error"]


def test_a_private_podcasts_links_never_hold_its_password_and_its_episodes_still_download(
    tmp_path, db_path, feed_server, capsys
) -> None:
    """r45 H2: a relative link or enclosure joined to `http://me:s3cret@host/feed` kept the
    password: `show`, `show --json`, `downloads --json` and the reader printed it. The download
    of an episode on the feed's host is sent the config's password; one elsewhere is not, nor
    one of another feed on the same host (user test r45 L6)."""
    elsewhere = feed_server.base.replace("127.0.0.1", "localhost")
    items = (
        '<item><title>Here</title><guid>1</guid><link>/story/1</link><description>&lt;a href="/o">'
        'o&lt;/a></description><enclosure url="/here.mp3" type="audio/mpeg"/></item><item><title>'
        f'Elsewhere</title><guid>2</guid><enclosure url="{elsewhere}/there.mp3" type="audio/mpeg"/>'
        "</item>"
    )
    feed_server.route("/pod", body=f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
    public = '<item><title>Public</title><guid>3</guid><enclosure url="/pub.mp3"/></item>'
    feed_server.route("/pub", body=f'<rss version="2.0"><channel>{public}</channel></rss>'.encode())
    for path in ("/here.mp3", "/there.mp3", "/pub.mp3"):
        feed_server.route(path, body=b"ID3" + bytes(997), headers={"Content-Type": "audio/mpeg"})
    config = tmp_path / "feeds.toml"
    url = feed_server.url("/pod").replace("://", "://me:s3cret@")
    public = feed_server.url("/pub")
    config.write_text(
        f'[settings]\ndownload_dir = "{tmp_path}"\n[[feeds]]\nurl = "{url}"\n'
        f'[[feeds]]\nurl = "{public}"\n'
    )
    run = ["--db", str(db_path), "--config", str(config)]
    assert main([*run, "fetch"]) == 0

    for article in ("1", "2", "3"):
        for command in (["show", article], ["show", "--json", article], ["download", article]):
            assert main([*run, *command]) == 0
    assert main([*run, "downloads", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "s3cret" not in out + err and "/here.mp3" in out and "/o" in out
    sent = {path: headers.get("Authorization") for path, headers in feed_server.requests}
    assert sent["/here.mp3"] == "Basic bWU6czNjcmV0"  # me:s3cret
    assert sent["/there.mp3"] is None
    assert sent["/pub.mp3"] is None  # (it was sent the private feed's: same origin)


def test_links_stored_with_a_password_before_r45_show_it_as_stars() -> None:
    """Articles a private feed's fetch stored before r45 keep `me:s3cret@` in their links:
    `show`, `show --json`, the reader (render_article_text) and `downloads --json` hide it."""
    from newstui.cli.downloads import download_json
    from newstui.model import Analysis, ArticleRow, Download, Link, StoredArticle
    from newstui.render import article_json, render_article_text

    stored = "http://me:s3cret@h.example"
    row = ArticleRow(1, 1, "F", "T", f"{stored}/a", None, None, "2026", False, False)
    links = (Link("o", f"{stored}/o"), Link("audio/mpeg", f"{stored}/e.mp3", "enclosure"))
    article = StoredArticle(row, "", "Text.", links)
    download = Download(1, f"{stored}/e.mp3", "T", "audio/mpeg", "queued", "/tmp/T.mp3")
    shown = [
        render_article_text(article, Analysis(), downloads=[download]).plain,
        json.dumps(article_json(article, Analysis(), [download])),
        json.dumps(download_json(download)),
    ]
    assert all("s3cret" not in text and "me:***@h.example/" in text for text in shown)


# user test r48 LOW-21: a 401 said only "HTTP 401 Unauthorized"; feeds.toml holding a feed's
# password stayed -rw-r--r-- on a shared machine


def test_a_feed_answering_401_says_where_its_login_goes(tmp_path, feed_server, capsys) -> None:
    feed_server.route("/private", status=401)
    run = ["--db", str(tmp_path / "n.db"), "--config", str(tmp_path / "feeds.toml")]

    assert main([*run, "add", feed_server.url("/private")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    host = feed_server.base.removeprefix("http://")
    assert (
        f"HTTP 401 Unauthorized: the feed wants a login: write it into its address, "
        f"http://USER:PASSWORD@{host}/…"
    ) in err


def test_a_feed_refusing_the_login_in_its_address_says_so_without_the_password(
    tmp_path, feed_server, capsys
) -> None:
    feed_server.route("/private", status=401)
    url = feed_server.url("/private").replace("://", "://me:s3cret@")
    run = ["--db", str(tmp_path / "n.db"), "--config", str(tmp_path / "feeds.toml")]

    assert main([*run, "add", url]) == 1
    err = capsys.readouterr().err
    assert "s3cret" not in err and "me:***@" in err
    assert (
        "HTTP 401 Unauthorized: the server refused the user name and password in its address" in err
    )


def test_add_of_a_feed_with_a_password_makes_feeds_toml_readable_by_its_owner_alone(
    tmp_path, feed_server, capsys
) -> None:
    feed_server.serve_file("/ok", "rss2.xml")
    feed_server.serve_file("/mine", "atom.xml", "application/atom+xml")
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nfulltext = false\n", "utf-8")
    config.chmod(0o644)
    run = ["--db", str(tmp_path / "n.db"), "--config", str(config)]

    assert main([*run, "add", feed_server.url("/ok")]) == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o644  # no password: left as it was
    assert main([*run, "add", feed_server.url("/mine").replace("://", "://me:s3cret@")]) == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    capsys.readouterr()
    assert main([*run, "fetch"]) == 0
    assert "chmod" not in capsys.readouterr().err  # nothing to warn of now


def test_a_readable_feeds_toml_holding_a_feeds_password_is_one_warning_line(
    tmp_path, db_path, feed_server, capsys
) -> None:
    _, _, run = feeds_with_passwords(tmp_path, db_path, feed_server, named=False)
    config = tmp_path / "feeds.toml"
    config.chmod(0o644)

    main([*run, "fetch"])
    warnings = [line for line in capsys.readouterr().err.splitlines() if "chmod" in line]
    assert warnings == [
        f"warning: {config}: holds the password of 2 feeds in their addresses, and other users "
        f"can read it; run `chmod 600 {config}`"
    ]
    config.chmod(0o600)
    main([*run, "fetch"])
    assert "chmod" not in capsys.readouterr().err
