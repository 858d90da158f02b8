"""A password written in a feed's URL (`http://me:secret@host/feed`) is shown as `***` wherever
the URL is displayed (names made from it, error lines, `feeds`), and kept where it is used: the
fetch and the OPML export."""

from __future__ import annotations

import json

from newstui.cli import main
from newstui.errors import SourceError, hide_passwords


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
