"""A password written in a feed's URL (`http://me:secret@host/feed`) is shown as `***` wherever
the URL is displayed (names made from it, error lines, `feeds`), and kept where it is used: the
fetch and the OPML export."""

from __future__ import annotations

import json

import pytest

from newstui.cli import main
from newstui.config import load_config
from newstui.errors import ConfigError, SourceError, hide_passwords
from newstui.library import Library


def test_hide_passwords_hides_only_the_password_of_each_url() -> None:
    text = "http://me:s3cr:et@host:8080/f?a=b@c failed; see https://you:pw@other/ and a@b.example"
    assert hide_passwords(text) == (
        "http://me:***@host:8080/f?a=b@c failed; see https://you:***@other/ and a@b.example"
    )
    assert hide_passwords("https://me@host/feed") == "https://me@host/feed"  # no password
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


@pytest.mark.parametrize("url", ["me:s3cret@host.example/feed", "ftp://me:s3cret@host.example/f"])
def test_a_feed_url_refused_for_its_scheme_never_shows_its_password(tmp_path, url) -> None:
    """appfix-d r44: `url = "me:s3cret@host/feed"` (no scheme) was refused with the password in
    the line, and in the `http://…` it suggests."""
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feeds]]\nurl = "{url}"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"not an http\(s\) URL") as refused:
        load_config(config)
    assert "s3cret" not in str(refused.value) and "me:***@" in str(refused.value)
