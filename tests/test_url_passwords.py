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


def test_a_password_in_a_feed_url_is_shown_as_stars_and_still_sent(
    tmp_path, db_path, feed_server, capsys
) -> None:
    feed_server.serve_file("/ok", "rss2.xml")
    good = feed_server.url("/ok").replace("://", "://me:s3cret@")
    gone = feed_server.url("/gone").replace("://", "://me:s3cret@")
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[settings]\nfulltext = false\n\n[[feeds]]\nurl = "{good}"\n\n[[feeds]]\nurl = "{gone}"\n',
        "utf-8",
    )
    run = ["--db", str(db_path), "--config", str(config)]

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
